"""Fixtures for the local-server tests: a fresh server per test and an authenticated client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from miosa.local import LocalServer
from miosa.local.pytest_plugin import miosa_local_server, miosa_local_server_options

from ._support import SHORT

__all__ = ["miosa_local_server", "miosa_local_server_options"]


@pytest.fixture
def server_options() -> dict[str, Any]:
    """Override per module to change the server (short heartbeat by default)."""
    return {"heartbeat_interval": 0.3}


@pytest.fixture
def server(server_options: dict[str, Any]) -> Iterator[LocalServer]:
    with LocalServer(**server_options) as srv:
        yield srv


@pytest.fixture
def client(server: LocalServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {server.api_key}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=SHORT) as c:
        yield c


@pytest.fixture
def sandbox(client: httpx.Client) -> str:
    """The id of a fresh running sandbox."""
    reply = client.post("/sandboxes", json={"name": "test-box"})
    assert reply.status_code == 201, reply.text
    return str(reply.json()["data"]["id"])
