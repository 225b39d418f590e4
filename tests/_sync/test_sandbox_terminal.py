# This file was generated from
#   tests/_async/test_sandbox_terminal.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The terminal client, `sandbox.terminal.connect()`, against a real shell on the local server."""

from __future__ import annotations

import pytest

from miosa import Miosa, PermissionDeniedError, StreamError
from miosa.local import LocalServer


def client_for(server: LocalServer) -> Miosa:
    return Miosa(api_key=server.api_key, base_url=server.base_url, max_retries=0)


def terminal_calls(server: LocalServer) -> list[str]:
    return [f"{r.method} {r.path}" for r in server.requests if "/terminal" in r.path]


def test_a_terminal_runs_commands_resizes_and_ends_with_the_shell() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create()
        with sandbox.terminal.connect(cols=100, rows=30, env={"GREETING": "hi"}) as term:
            session_id = term.session.id
            term.send("echo $GREETING-$((40 + 2))\n")
            assert b"hi-42" in term.read_until("hi-42", timeout=10)
            term.send(b"stty size\n")
            term.read_until(b"30 100", timeout=10)
            term.resize(132, 43)
            term.send("stty size\n")
            term.read_until("43 132", timeout=10)
            # Nothing more is printed until something is typed.
            term.read_until("# ", timeout=10)
            with pytest.raises(TimeoutError):
                term.receive(timeout=0.3)
            term.send("echo bye; exit\n")
            rest = b""
            for chunk in term:
                rest += chunk
            assert b"bye" in rest
            assert term.closed and term.close_code == 1000
            assert term.receive() == b""
            with pytest.raises(StreamError, match="closed"):
                term.send("echo again\n")
        sandbox.destroy()
    prefix = f"/sandboxes/{sandbox.id}/terminal"
    assert terminal_calls(server) == [f"POST {prefix}", f"DELETE {prefix}/{session_id}"]


def test_an_error_raised_in_the_block_comes_out_as_itself() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create()
        with pytest.raises(KeyError, match="mine"):
            with sandbox.terminal.connect() as term:
                term.send("echo ready-$((6 * 7))\n")
                term.read_until("ready-42", timeout=10)
                raise KeyError("mine")
        with pytest.raises(StreamError, match="closed"):
            term.resize(90, 30)
        sandbox.destroy()
    assert [call.split()[0] for call in terminal_calls(server)] == ["POST", "DELETE"]


def test_a_refused_socket_raises_the_typed_error_and_drops_the_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A ticket that has already expired: the server refuses the upgrade with 403.
    monkeypatch.setattr("miosa.local.access.TERMINAL_TICKET_TTL", -1)
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create()
        with pytest.raises(PermissionDeniedError) as info:
            with sandbox.terminal.connect():
                pass
        sandbox.destroy()
    assert info.value.status_code == 403
    assert "ticket=" not in str(info.value)  # the URL's secret stays out of the message
    assert [call.split()[0] for call in terminal_calls(server)] == ["POST", "DELETE"]


def test_a_bad_size_is_refused_before_any_request() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.handle("sbx_missing")
        with pytest.raises(ValueError, match="cols must be between 1 and 9999"):
            sandbox.terminal.connect(cols=0)
    assert terminal_calls(server) == []
