"""``python -m miosa.ssh_tunnel``: relays stdin and stdout over the sandbox's SSH tunnel."""

from __future__ import annotations

import os
import threading
from io import BytesIO

import pytest
from websockets.sync.server import ServerConnection, serve

from miosa import ssh_tunnel

KEY = "msk_test_tunnel_key"


def test_the_relay_carries_bytes_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, str | None] = {}

    def handler(connection: ServerConnection) -> None:
        assert connection.request is not None
        seen["path"] = connection.request.path
        seen["auth"] = connection.request.headers.get("Authorization")
        data = connection.recv(timeout=5)
        connection.send(bytes(data).upper() if isinstance(data, bytes) else data.upper())
        connection.close()

    with serve(handler, "127.0.0.1", 0) as server:
        worker = threading.Thread(target=server.serve_forever, daemon=True)
        worker.start()
        port = server.socket.getsockname()[1]
        monkeypatch.setenv("MIOSA_API_KEY", KEY)
        monkeypatch.setenv("MIOSA_BASE_URL", f"http://127.0.0.1:{port}")
        read_end, write_end = os.pipe()
        os.write(write_end, b"ssh-2.0 hello")
        sink = BytesIO()
        try:
            with os.fdopen(read_end, "rb", buffering=0) as source:
                relay = threading.Thread(target=ssh_tunnel.relay, args=("sbx_1", source, sink))
                relay.start()
                relay.join(timeout=10)
                assert not relay.is_alive()
        finally:
            os.close(write_end)
            server.shutdown()
    assert sink.getvalue() == b"SSH-2.0 HELLO"
    assert seen == {"path": "/api/v1/sandboxes/sbx_1/ssh-tunnel", "auth": f"Bearer {KEY}"}


def test_usage_without_a_sandbox_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert ssh_tunnel.main([]) == 2
    assert "usage" in capsys.readouterr().err
