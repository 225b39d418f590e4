"""The README's first command: examples/quickstart.py, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "quickstart.py"


def test_quickstart_runs_against_the_local_server() -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLE)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "exec: exit 0, stdout '2'" in done.stdout
    assert "[10/10] clean up" in done.stdout
    assert "rejected 0" in done.stdout
