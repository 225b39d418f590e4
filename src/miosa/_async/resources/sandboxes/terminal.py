"""Terminal sessions of a sandbox: ``/sandboxes/{id}/terminal``, and the client that talks
to one over its WebSocket (``sandbox.terminal.connect()``, extra ``terminal``)."""

from __future__ import annotations

import contextlib
import queue
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from ...._concurrency import ashielded
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ...._core.retry import connection_error
from ...._core.status_errors import error_from_response
from ...._groups.terminal import (
    Deadline,
    keystrokes,
    resize_message,
    session_socket_url,
    socket_headers,
    sole_exception,
)
from ....errors import MiosaError, NotFoundError, StreamError
from ....types.sandbox_sharing import TerminalSession
from ....types.websocket import WebSocketTarget
from ..._resource import AsyncScopedResource

if TYPE_CHECKING:
    from httpx_ws import AsyncWebSocketSession

_EXTRA_HINT = "the terminal client needs httpx-ws: pip install 'miosa[terminal]'"


class AsyncSandboxTerminal(AsyncScopedResource):
    """``sandbox.terminal``: open and close terminal (PTY) sessions, or connect to one."""

    async def create(
        self,
        *,
        cols: int | NotGiven = NOT_GIVEN,
        rows: int | NotGiven = NOT_GIVEN,
        shell: str | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> TerminalSession:
        """Open a terminal session. ``POST /sandboxes/{sandbox_id}/terminal``."""
        return await self._object(
            "POST",
            self._prefix + "/terminal",
            TerminalSession,
            json=body(cols=cols, rows=rows, shell=shell, cwd=cwd, env=env),
            options=options,
        )

    async def delete(self, session_id: str, **options: Unpack[RequestOptions]) -> None:
        """Close a terminal session. ``DELETE /sandboxes/{sandbox_id}/terminal/{session_id}``."""
        await self._none(
            "DELETE",
            self._prefix + route("/terminal/{session_id}", session_id=session_id),
            options=options,
        )

    def stream_target(self) -> WebSocketTarget:
        """Where the API serves the sandbox's terminal stream; makes no request.

        ``GET /sandboxes/{sandbox_id}/terminal/stream`` (WebSocket, the client's bearer
        credential). `connect` uses it when a session names no ``ws_url`` of its own.
        """
        return self._websocket(self._prefix + "/terminal/stream")

    def connect(
        self,
        *,
        cols: int = 80,
        rows: int = 24,
        shell: str | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> AsyncTerminal:
        """A live terminal: a shell on a pseudo-terminal in the sandbox, over a WebSocket.

        ``POST /sandboxes/{sandbox_id}/terminal`` opens the session, then its ``ws_url``
        (or `stream_target`) is connected when the terminal is entered:
        ``async with sandbox.terminal.connect(cols=120, rows=40) as term:``, then
        ``await term.send("echo hi\\n")``, ``await term.resize(132, 43)``, and
        ``async for output in term`` (``bytes``, as the terminal prints them).

        ``shell`` (default ``/bin/sh``), ``cwd`` and ``env`` set up the shell. Leaving the
        block closes the socket (which ends the shell) and deletes the session. Needs the
        ``terminal`` extra (``pip install 'miosa[terminal]'``).
        """
        resize_message(cols, rows)  # refuse a bad size before any request
        return AsyncTerminal(self, cols=cols, rows=rows, shell=shell, cwd=cwd, env=env)


class AsyncTerminal:
    """An open terminal session: `send` keystrokes, `resize`, iterate over the output.

    Made by `AsyncSandboxTerminal.connect`; use it as an async context manager. Output
    comes as ``bytes`` exactly as the terminal wrote it (escape sequences included);
    iteration ends when the shell exits or the connection is closed.
    """

    def __init__(
        self,
        resource: AsyncSandboxTerminal,
        *,
        cols: int,
        rows: int,
        shell: str | NotGiven,
        cwd: str | NotGiven,
        env: Mapping[str, str] | NotGiven,
    ) -> None:
        self._resource = resource
        self._options: dict[str, Any] = {
            "cols": cols,
            "rows": rows,
            "shell": shell,
            "cwd": cwd,
            "env": env,
        }
        self._session: TerminalSession | None = None
        self._connection: contextlib.AbstractAsyncContextManager[AsyncWebSocketSession] | None = (
            None
        )
        self._socket: AsyncWebSocketSession | None = None
        self._pending = b""
        self._closed = False
        self.close_code: int | None = None
        """The WebSocket close code once the server closed the terminal (1000: normal)."""
        self.close_reason: str = ""

    @property
    def session(self) -> TerminalSession:
        """The session this terminal is attached to (its ``id``, ``expires_at`` ...)."""
        if self._session is None:
            raise StreamError("the terminal is not open: use `async with ... as term`")
        return self._session

    @property
    def closed(self) -> bool:
        """True once the terminal has ended (the shell exited or `close` was called)."""
        return self._closed

    async def __aenter__(self) -> AsyncTerminal:
        if self._session is not None or self._closed:
            raise StreamError("a terminal can be entered only once")
        try:
            from httpx_ws import aconnect_ws
        except ImportError as exc:  # pragma: no cover - the extra is installed in tests
            raise MiosaError(_EXTRA_HINT) from exc
        self._session = await self._resource.create(**self._options)
        http = self._resource._http
        url = session_socket_url(self._session) or self._resource.stream_target().url
        headers = socket_headers(url, http.options.base_url, http.base_headers)
        self._connection = aconnect_ws(
            url, http.pool.client, headers=headers, timeout=http.options.timeout
        )
        try:
            self._socket = await self._connection.__aenter__()
        except BaseException as exc:
            self._connection = None
            with ashielded():
                await self._delete_session()
            error = _connect_error(exc, url)
            if error is exc:
                raise
            raise error from exc
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._finish(exc_type, exc, tb)

    async def send(self, data: str | bytes) -> None:
        """Type ``data`` into the terminal (``str`` as UTF-8); include ``"\\n"`` to run a line."""
        payload = keystrokes(data)
        await self._open_socket().send_bytes(payload)

    async def resize(self, cols: int, rows: int) -> None:
        """Resize the terminal to ``cols`` x ``rows`` characters (programs see SIGWINCH)."""
        await self._open_socket().send_text(resize_message(cols, rows))

    async def receive(self, timeout: float | None = None) -> bytes:
        """The next output; ``b""`` once the terminal has ended.

        Waits at most ``timeout`` seconds (None: as long as it takes), then raises
        `TimeoutError`.
        """
        if self._pending:
            chunk, self._pending = self._pending, b""
            return chunk
        if self._closed or self._socket is None:
            return b""
        from httpx_ws import WebSocketDisconnect, WebSocketNetworkError
        from wsproto.events import Message

        while True:
            try:
                event = await self._socket.receive(timeout)
            except (TimeoutError, queue.Empty):
                raise TimeoutError(f"no terminal output within {timeout} s") from None
            except WebSocketDisconnect as closed:
                self._closed = True
                self.close_code, self.close_reason = closed.code, closed.reason
                return b""
            except WebSocketNetworkError as exc:
                self._closed = True
                raise StreamError("the terminal connection was lost") from exc
            if isinstance(event, Message):
                data = event.data
                chunk = data.encode("utf-8") if isinstance(data, str) else bytes(data)
                if chunk:
                    return chunk

    async def read_until(self, marker: str | bytes, *, timeout: float) -> bytes:
        """Output up to and including ``marker``; what came after it is kept for later.

        Raises `TimeoutError` when ``marker`` has not appeared within ``timeout`` seconds
        in all, and `StreamError` when the terminal ends first.
        """
        needle = keystrokes(marker)
        remaining = Deadline(timeout)
        seen = b""
        while needle not in seen:
            chunk = await self.receive(timeout=remaining())
            if not chunk:
                raise StreamError(
                    f"the terminal ended before {marker!r} appeared; got {seen[-200:]!r}"
                )
            seen += chunk
        end = seen.index(needle) + len(needle)
        self._pending = seen[end:] + self._pending
        return seen[:end]

    def __aiter__(self) -> AsyncTerminal:
        """Output chunks (``bytes``) until the terminal ends."""
        return self

    async def __anext__(self) -> bytes:
        chunk = await self.receive()
        if not chunk:
            raise StopAsyncIteration
        return chunk

    async def close(self) -> None:
        """Close the socket (the shell ends) and delete the session; safe to repeat."""
        await self._finish(None, None, None)

    def _open_socket(self) -> AsyncWebSocketSession:
        if self._socket is None or self._closed:
            raise StreamError("the terminal is closed" if self._closed else "not entered")
        return self._socket

    async def _finish(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._closed = True
        connection, self._connection = self._connection, None
        self._socket = None
        try:
            # Not shielded here: the socket's task group was entered outside any scope of
            # ours, and it shields its own closing.
            if connection is not None:
                await connection.__aexit__(exc_type, exc, tb)
        except BaseException as error:
            # The socket's task group wraps what left the block; hand back the error itself.
            inner = sole_exception(error)
            if inner is None:
                raise
            if inner is not exc:
                raise inner from None
        finally:
            with ashielded():
                await self._delete_session()

    async def _delete_session(self) -> None:
        session, self._session = self._session, None
        ident = (session.session_id or session.id) if session is not None else None
        if ident:
            with contextlib.suppress(NotFoundError):
                await self._resource.delete(ident)


def _connect_error(exc: BaseException, url: str) -> BaseException:
    """The SDK error for a WebSocket that could not be opened (the cause is chained)."""
    from httpx_ws import WebSocketUpgradeError

    target = httpx.URL(url)
    if isinstance(exc, WebSocketUpgradeError):
        response = exc.response
        return error_from_response(
            response.status_code,
            response.headers,
            b"",
            attempts=1,
            method="GET",
            url=target,
        )
    if isinstance(exc, httpx.TransportError):
        return connection_error(exc, 1, "GET", target)
    return exc
