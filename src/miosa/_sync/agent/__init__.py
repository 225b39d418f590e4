# This file was generated from
#   src/miosa/_async/agent/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The agent toolkit (tools, providers, the loop); the public names are in `miosa.agent`."""
