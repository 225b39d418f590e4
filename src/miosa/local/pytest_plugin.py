"""Pytest fixtures for the local server (registered as the ``miosa`` pytest11 entry point).

Cheap to import: the server and its web stack load only when a fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .server import LocalServer


@pytest.fixture
def miosa_local_server_options() -> dict[str, Any]:
    """Keyword arguments for ``LocalServer``; override this fixture to change them."""
    return {}


@pytest.fixture
def miosa_local_server(miosa_local_server_options: dict[str, Any]) -> Iterator[LocalServer]:
    """A running ``LocalServer`` for one test, stopped (processes killed) afterwards."""
    from .server import LocalServer

    with LocalServer(**miosa_local_server_options) as server:
        yield server
