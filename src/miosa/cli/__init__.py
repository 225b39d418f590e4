"""The ``miosa`` command line (extra ``cli``): sandboxes, exec, files, shell, events, local.

`main` is the console entry point. Importing this package is cheap; Click (and Rich, for a
terminal) load when a command runs, so ``import miosa`` never pulls them in.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]

_MISSING = "miosa: the command line needs the 'cli' extra: pip install 'miosa[cli]'"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ``miosa`` command (the console script; ``python -m miosa.cli`` too)."""
    try:
        from .app import cli
    except ImportError as exc:  # click (or httpx-ws) is not installed
        if exc.name not in ("click", "rich", "httpx_ws", "wsproto"):
            raise
        print(_MISSING, file=sys.stderr)
        raise SystemExit(1) from None
    cli.main(args=list(argv) if argv is not None else None, prog_name="miosa")
