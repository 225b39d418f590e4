"""The terminal client's pure rules: where it connects, what it sends, which headers go."""

from __future__ import annotations

import json

import pytest

from miosa._converter import structure
from miosa._groups.terminal import (
    keystrokes,
    resize_message,
    session_socket_url,
    socket_headers,
    sole_exception,
)
from miosa.types.sandbox_sharing import TerminalSession

HEADERS = {
    "Authorization": "Bearer msk_secret",
    "User-Agent": "miosa-python/test",
    "X-MIOSA-Tenant": "acme",
    "Accept": "application/json",
}


def test_the_credential_goes_only_to_the_api_origin() -> None:
    base = "https://api.miosa.ai/api/v1"
    same = socket_headers("wss://api.miosa.ai/api/v1/sandboxes/s/terminal/stream", base, HEADERS)
    assert same == {
        "Authorization": "Bearer msk_secret",
        "User-Agent": "miosa-python/test",
        "X-MIOSA-Tenant": "acme",
    }
    for other in (
        "wss://pty.miosa.ai/t/1?ticket=x",  # another host
        "ws://api.miosa.ai/t/1",  # not encrypted
        "wss://api.miosa.ai:8443/t/1",  # another port
    ):
        assert "Authorization" not in socket_headers(other, base, HEADERS), other
    local = socket_headers("ws://127.0.0.1:8000/x", "http://127.0.0.1:8000/api/v1", HEADERS)
    assert "Authorization" in local


def test_the_session_url_is_used_when_it_is_a_websocket_or_http_url() -> None:
    session = structure({"id": "t1", "ws_url": "ws://h/ws?ticket=x"}, TerminalSession)
    assert session_socket_url(session) == "ws://h/ws?ticket=x"
    assert session_socket_url(structure({"id": "t1"}, TerminalSession)) is None
    assert session_socket_url(structure({"ws_url": "file:///etc"}, TerminalSession)) is None


def test_keystrokes_and_resize_frames() -> None:
    assert keystrokes("é\n") == "é\n".encode()
    assert keystrokes(bytearray(b"ls\n")) == b"ls\n"
    with pytest.raises(TypeError):
        keystrokes(42)  # type: ignore[arg-type]
    assert json.loads(resize_message(132, 43)) == {"type": "resize", "cols": 132, "rows": 43}
    for cols, rows in ((0, 24), (80, 10_000), (True, 24)):
        with pytest.raises((ValueError, TypeError)):
            resize_message(cols, rows)


class Group(Exception):
    """Shaped like an exception group (``exceptions``), on Python 3.10 as well."""

    def __init__(self, *exceptions: BaseException) -> None:
        super().__init__("group")
        self.exceptions = exceptions


def test_the_one_error_inside_a_group_is_handed_back() -> None:
    error = KeyError("mine")
    assert sole_exception(Group(Group(error))) is error
    assert sole_exception(error) is None
    assert sole_exception(Group(error, ValueError())) is None
