"""``python -m miosa.mcp``: see `miosa.mcp`."""

from __future__ import annotations

import sys

from . import main

sys.exit(main())
