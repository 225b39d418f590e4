"""``python -m miosa.cli``: the same as the ``miosa`` command."""

from __future__ import annotations

from . import main

if __name__ == "__main__":
    main()
