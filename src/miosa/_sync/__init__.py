# This file was generated from
#   src/miosa/_async/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Hand-written async I/O; `scripts/gen_sync.py` generates `miosa._sync` from it."""
