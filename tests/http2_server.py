"""An HTTP/2 server over TLS on 127.0.0.1 for tests (hypercorn, in a thread of its own).

Kept out of tests/_async: the generated sync tests import it unchanged (its ASGI app stays
async whatever the client under test is).
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from pathlib import Path
from typing import Any

from hypercorn.asyncio import serve
from hypercorn.config import Config

from tests.helpers import sandbox_json


class Http2Server:
    """hypercorn on 127.0.0.1 in a thread of its own; records each request's HTTP version."""

    def __init__(self, certfile: Path, keyfile: Path) -> None:
        self.versions: list[str] = []
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        # Listening before hypercorn runs: a client that connects first waits in the backlog.
        self._sock.listen(16)
        self.port = int(self._sock.getsockname()[1])
        self._config = Config()
        self._config.bind = [f"fd://{self._sock.fileno()}"]
        self._config.certfile = str(certfile)
        self._config.keyfile = str(keyfile)
        self._config.loglevel = "ERROR"
        self._started = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run)

    async def _app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        self.versions.append(scope["http_version"])
        sandbox_id = scope["path"].rsplit("/", 1)[-1]
        body = json.dumps({"data": sandbox_json(id=sandbox_id)}).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._stop = asyncio.Event()
        self._loop.call_soon(self._started.set)
        self._loop.run_until_complete(
            serve(
                self._app,  # type: ignore[arg-type]
                self._config,
                shutdown_trigger=self._stop.wait,
                mode="asgi",
            )
        )
        self._loop.close()

    def __enter__(self) -> Http2Server:
        self._thread.start()
        assert self._started.wait(10), "the HTTP/2 server did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
        # hypercorn closed the descriptor it was handed; ours must not close it again.
        self._sock.detach()
