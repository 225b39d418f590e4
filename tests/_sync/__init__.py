# This file was generated from
#   tests/_async/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
