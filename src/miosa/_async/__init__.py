"""Hand-written async I/O; `scripts/gen_sync.py` generates `miosa._sync` from it."""
