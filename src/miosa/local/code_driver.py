"""The interpreter behind one code context of `miosa.local` (``POST .../code/run``).

Not imported by the server: `code.py` hands this file's source to the sandbox's own
``python3 -u -c`` (inside bubblewrap when the server isolates), so it uses the standard
library only and keeps to what Python 3.8 accepts.

The protocol is one JSON object per line. The driver first writes
``{"ready": true, "python": "3.x.y"}``; then, for each ``{"id": n, "code": "..."}`` read
from its stdin, it runs the cell and writes one reply with the same ``id``. Requests and
replies travel over duplicates of the original stdin and stdout: file descriptors 0, 1
and 2 are pointed elsewhere (``/dev/null`` and two capture files) so that neither the
cell nor a subprocess it starts can read a request or write into a reply.
"""

from __future__ import annotations

import ast
import asyncio
import base64
import builtins
import contextlib
import inspect
import json
import linecache
import os
import signal
import sys
import tempfile
import time
import traceback
from types import FrameType, TracebackType
from typing import IO, Any

# (method, MIME type, binary) in the order a notebook prefers them.
_REPR_METHODS = (
    ("_repr_png_", "image/png", True),
    ("_repr_jpeg_", "image/jpeg", True),
    ("_repr_svg_", "image/svg+xml", False),
    ("_repr_html_", "text/html", False),
    ("_repr_markdown_", "text/markdown", False),
    ("_repr_latex_", "text/latex", False),
    ("_repr_json_", "application/json", False),
)
_BINARY_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf")
_JSON_DEPTH = 32


class _Session:
    """The namespace, the capture files and the counters of one context."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.count = 0
        self.running = False
        self.displayed: list[dict[str, Any]] = []
        self.loop = asyncio.new_event_loop()
        self.namespace: dict[str, Any] = {
            "__name__": "__main__",
            "__builtins__": builtins,
            "display": self.display,
        }
        # The cell's fd 1 and 2 for the interpreter's lifetime (closed when it exits).
        self.out = tempfile.TemporaryFile()  # noqa: SIM115
        self.err = tempfile.TemporaryFile()  # noqa: SIM115

    # -- rich output ------------------------------------------------------------------

    def display(self, *objects: Any) -> None:
        """Show objects as rich results of the current cell (like a notebook's display)."""
        for obj in objects:
            found = _representations(obj)
            if not found:
                found = [_item("text/plain", repr(obj))]
            self.displayed.extend(found)

    # -- one cell ---------------------------------------------------------------------

    def run(self, code: str) -> dict[str, Any]:
        self.count += 1
        filename = f"<cell {self.count}>"
        linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
        self.displayed = []
        for capture in (self.out, self.err):
            os.ftruncate(capture.fileno(), 0)
            os.lseek(capture.fileno(), 0, os.SEEK_SET)
        started = time.monotonic()
        value: Any = None
        error: dict[str, Any] | None = None
        self.running = True
        try:
            value = self._execute(code, filename)
        except BaseException as exc:  # the cell's failure is its result, whatever it is
            error = _error(exc)
        finally:
            self.running = False
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        stderr = self._read(self.err)
        if error is not None:
            stderr += error["traceback"]
        results = list(self.displayed)
        reply: dict[str, Any] = {
            "ok": error is None,
            "stdout": self._read(self.out),
            "stderr": stderr,
            "result": None,
            "results": results,
            "error": error,
            "execution_count": self.count,
            "duration_ms": int((time.monotonic() - started) * 1000),
        }
        if error is None and value is not None:
            self.namespace["_"] = value
            reply["result"] = _plain(value, self.cap)
            results.extend(dict(item, main=True) for item in _representations(value))
        return reply

    def _execute(self, code: str, filename: str) -> Any:
        tree = ast.parse(code, filename, "exec")
        last: ast.Expression | None = None
        tail = tree.body[-1] if tree.body else None
        if isinstance(tail, ast.Expr):
            tree.body.pop()
            last = ast.Expression(tail.value)
        flags = getattr(ast, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 0)
        self._evaluate(compile(tree, filename, "exec", flags=flags))
        if last is None:
            return None
        return self._evaluate(compile(last, filename, "eval", flags=flags))

    def _evaluate(self, compiled: Any) -> Any:
        value = eval(compiled, self.namespace)
        if compiled.co_flags & inspect.CO_COROUTINE:
            value = self.loop.run_until_complete(value)
        return value

    def _read(self, capture: IO[bytes]) -> str:
        # Through the descriptor: the file object's buffer would hand back an earlier cell's
        # output after the truncation.
        fd = capture.fileno()
        size = os.fstat(fd).st_size
        os.lseek(fd, 0, os.SEEK_SET)
        data = b""
        while len(data) < min(size, self.cap):
            chunk = os.read(fd, min(size, self.cap) - len(data))
            if not chunk:
                break
            data += chunk
        text = data.decode("utf-8", "replace")
        if size > self.cap:
            text += f"\n[miosa-local: output truncated, {size - self.cap} more bytes dropped]\n"
        return text


def _item(mime_type: str, data: Any) -> dict[str, Any]:
    if mime_type in _BINARY_TYPES or (
        mime_type.startswith("image/") and mime_type != "image/svg+xml"
    ):
        if isinstance(data, str):  # already base64, as notebooks hand it over
            return {"mime_type": mime_type, "data": data, "encoding": "base64"}
        encoded = base64.b64encode(bytes(data)).decode("ascii")
        return {"mime_type": mime_type, "data": encoded, "encoding": "base64"}
    if mime_type == "application/json" and not isinstance(data, str):
        data = json.dumps(data)
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    return {"mime_type": mime_type, "data": str(data), "encoding": "utf-8"}


def _representations(obj: Any) -> list[dict[str, Any]]:
    """The rich forms an object offers (``_repr_png_`` and friends), in preference order."""
    if isinstance(obj, type):
        return []
    found: list[dict[str, Any]] = []
    bundle = getattr(type(obj), "_repr_mimebundle_", None)
    if bundle is not None:
        try:
            data = bundle(obj)
            if isinstance(data, tuple):
                data = data[0]
            if isinstance(data, dict):
                found += [_item(str(k), v) for k, v in data.items() if k != "text/plain"]
        except Exception:
            pass
    for method, mime_type, _ in _REPR_METHODS:
        func = getattr(type(obj), method, None)
        if func is None or any(f["mime_type"] == mime_type for f in found):
            continue
        try:
            data = func(obj)
        except Exception:
            continue
        if isinstance(data, tuple):  # (data, metadata)
            data = data[0]
        if data is not None:
            found.append(_item(mime_type, data))
    return found


def _native(value: Any, depth: int) -> bool:
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if depth >= _JSON_DEPTH:
        return False
    if type(value) is list:
        return all(_native(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(isinstance(k, str) and _native(v, depth + 1) for k, v in value.items())
    return False


def _plain(value: Any, cap: int) -> Any:
    """The value itself when JSON carries it unchanged, else its ``repr`` (bounded)."""
    if _native(value, 0):
        try:
            if len(json.dumps(value)) <= cap:
                return value
        except (TypeError, ValueError, RecursionError):
            pass
    try:
        text = repr(value)
    except Exception as exc:
        text = f"<unrepresentable {type(value).__name__}: {exc}>"
    return text if len(text) <= cap else text[:cap] + "..."


def _user_frames(tb: TracebackType | None) -> TracebackType | None:
    """The traceback from the first frame of the cell on (the driver's frames dropped)."""
    while tb is not None and not tb.tb_frame.f_code.co_filename.startswith("<cell "):
        tb = tb.tb_next
    return tb


def _error(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, SyntaxError):
        lines = traceback.format_exception_only(type(exc), exc)
    else:
        tb = _user_frames(exc.__traceback__)
        lines = traceback.format_exception(type(exc), exc, tb)
        frames = traceback.extract_tb(tb)
        if isinstance(exc, KeyboardInterrupt) and frames and frames[-1].name == "_interrupt":
            # Raised by our SIGINT handler: its frame is not the cell's business.
            stack = traceback.StackSummary.from_list(list(frames)[:-1])
            lines = [
                "Traceback (most recent call last):\n",
                *stack.format(),
                *traceback.format_exception_only(type(exc), exc),
            ]
    return {"name": type(exc).__name__, "value": str(exc), "traceback": "".join(lines)}


def main() -> None:
    cap = int(sys.argv[1]) if len(sys.argv) > 1 else 1 << 20
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    session = _Session(cap)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(session.out.fileno(), 1)
    os.dup2(session.err.fileno(), 2)
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115  # lives as long as we do

    def _interrupt(signum: int, frame: FrameType | None) -> None:
        # The server interrupts a cell that runs too long; between cells there is nothing
        # to interrupt and the request loop must not die.
        if session.running:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, _interrupt)

    def send(message: dict[str, Any]) -> None:
        replies.write(json.dumps(message) + "\n")
        replies.flush()

    send({"ready": True, "python": sys.version.split()[0], "pid": os.getpid()})
    for line in requests:
        try:
            request = json.loads(line)
            reply = session.run(str(request["code"]))
        except Exception as exc:  # a malformed request: answer rather than die
            request, reply = {}, {"ok": False, "error": _error(exc), "stdout": "", "stderr": ""}
        reply["id"] = request.get("id") if isinstance(request, dict) else None
        send(reply)


if __name__ == "__main__":
    main()
