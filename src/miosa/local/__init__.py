"""A local MIOSA-compatible server for tests, demos and offline development.

``LocalServer`` runs a real HTTP server (Starlette + uvicorn) on 127.0.0.1 that implements
the MIOSA wire contract: sandboxes are directories, commands really run (inside bubblewrap
when available), webhooks are really delivered. ``Fault`` scripts misbehaviour for tests.
Importing this package is cheap: the web stack loads when a server starts.
"""

from __future__ import annotations

from .faults import Fault
from .server import LocalServer

__all__ = ["Fault", "LocalServer"]
