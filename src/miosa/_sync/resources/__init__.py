# This file was generated from
#   src/miosa/_async/resources/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Resource groups, one module each, imported lazily by the client."""
