"""Misbehaving HTTP servers on 127.0.0.1, written at the socket level.

`RawServer` accepts connections in a thread and hands each one to a handler (its own
thread), so a test can answer exactly the bytes it wants: a body dripped byte by byte, a
reset in the middle of a body, a compression bomb, a reply that never ends. It counts the
connections it accepted, closes every socket on exit and joins its threads with a bound.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from types import TracebackType

Handler = Callable[[socket.socket], None]


class RawServer:
    def __init__(self, handler: Handler, *, backlog: int = 1024) -> None:
        self._handler = handler
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(backlog)
        self._sock.settimeout(0.05)
        self.port: int = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/api/v1"
        self.accepted = 0
        self.stopping = threading.Event()
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._acceptor = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            with self._lock:
                self.accepted += 1
                self._conns.append(conn)
                self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            self._handler(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def __enter__(self) -> RawServer:
        self._acceptor.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self._acceptor.join(5)
        with self._lock:
            conns, threads = list(self._conns), list(self._threads)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(5)
        self._sock.close()


def read_request(conn: socket.socket, timeout: float = 10.0) -> bytes | None:
    """One request's head and body (by Content-Length or chunked); None when the peer closed."""
    conn.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lowered = head.lower()
    if b"transfer-encoding: chunked" in lowered:
        while not rest.endswith(b"0\r\n\r\n"):
            chunk = conn.recv(65536)
            if not chunk:
                return None
            rest += chunk
    else:
        length = 0
        for line in lowered.split(b"\r\n"):
            if line.startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        while len(rest) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            rest += chunk
    return head + b"\r\n\r\n" + rest


def response_head(
    status: int = 200,
    headers: Iterable[tuple[str, str]] = (),
    *,
    length: int | None = None,
) -> bytes:
    lines = [f"HTTP/1.1 {status} X"]
    lines += [f"{name}: {value}" for name, value in headers]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


JSON_HEADERS = (("Content-Type", "application/json"),)


def reply(
    conn: socket.socket,
    body: bytes,
    *,
    status: int = 200,
    headers: Iterable[tuple[str, str]] = JSON_HEADERS,
) -> None:
    conn.sendall(response_head(status, headers, length=len(body)) + body)


def serve_forever(answer: Callable[[socket.socket, bytes], None]) -> Handler:
    """A keep-alive handler: every request on the connection is answered by ``answer``."""

    def handler(conn: socket.socket) -> None:
        while (request := read_request(conn)) is not None:
            answer(conn, request)

    return handler


def reset(conn: socket.socket) -> None:
    """Close with RST instead of FIN: what a crashed peer or a middlebox looks like."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def gzip_bomb(decoded_size: int) -> bytes:
    """A JSON object whose one string is ``decoded_size`` zeros, gzipped (about 1000:1)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"0" * (1 << 20)
    pieces = [compressor.compress(b'{"data": "')]
    for _ in range(decoded_size // len(chunk)):
        pieces.append(compressor.compress(chunk))
    pieces += [compressor.compress(b'"}'), compressor.flush()]
    return b"".join(pieces)


def drip(conn: socket.socket, data: bytes, interval: float, stop: threading.Event) -> None:
    """Send ``data`` one byte at a time, ``interval`` apart, until done or ``stop``."""
    for index in range(len(data)):
        if stop.is_set():
            return
        conn.sendall(data[index : index + 1])
        time.sleep(interval)
