# This file was generated from
#   src/miosa/_async/resources/computers/exec.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.exec``: run commands in a computer, under ``/computers/{id}/exec``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...._core.request import NOT_GIVEN, NotGiven, body
from ...._groups.computers import (
    decode_exec_frame,
    encode_resize,
    encode_stdin,
    exec_result_payload,
    exec_stream_query,
    stretched_timeout,
)
from ....types.computers import ComputerExecResult
from ....types.websocket import WebSocketTarget
from ..._resource import ScopedResource

EXEC_SUBPROTOCOL = "miosa-exec-v1"


class ComputerExec(ScopedResource):
    """``computer.exec``: shell commands, Python code and interactive exec sessions."""

    # The miosa-exec-v1 frame codec, for the caller's WebSocket library (pure functions).
    encode_stdin = staticmethod(encode_stdin)
    encode_resize = staticmethod(encode_resize)
    decode_frame = staticmethod(decode_exec_frame)

    def _run(
        self, path: str, payload: dict[str, object], timeout: int | NotGiven, check: str | None
    ) -> ComputerExecResult:
        http_timeout = None
        if not isinstance(timeout, NotGiven):
            http_timeout = stretched_timeout(self._http.options.timeout, timeout)
        # Some servers name the output `output` instead of `stdout`: both are read.
        result = self._object(
            "POST",
            path,
            ComputerExecResult,
            json=payload,
            timeout=http_timeout,
            prepare=exec_result_payload,
        )
        return result if check is None else result.check(command=check)

    def bash(
        self, command: str, *, timeout: int | NotGiven = NOT_GIVEN, check: bool = False
    ) -> ComputerExecResult:
        """Run a shell command and wait for it. ``POST /computers/{computer_id}/exec``.

        Args:
            command: the shell command line.
            timeout: the command's limit in seconds; the HTTP read timeout stretches to it.
            check: raise `CommandError` when the command exits with a non-zero status
                (like ``subprocess.run(check=True)``).
        """
        payload = body(command=command, timeout=timeout)
        return self._run(self._prefix + "/exec", payload, timeout, command if check else None)

    def python(
        self, code: str, *, timeout: int | NotGiven = NOT_GIVEN, check: bool = False
    ) -> ComputerExecResult:
        """Run Python code and wait for it. ``POST /computers/{computer_id}/exec/python``.

        Args:
            code: the Python source to run.
            timeout: the run's limit in seconds; the HTTP read timeout stretches to it.
            check: raise `CommandError` when the interpreter exits with a non-zero
                status (an uncaught exception, ``sys.exit(1)`` ...).
        """
        payload = body(code=code, timeout=timeout)
        return self._run(
            self._prefix + "/exec/python", payload, timeout, "python" if check else None
        )

    def stream(
        self,
        command: str,
        *,
        args: Sequence[str] | None = None,
        env: Mapping[str, str] | Sequence[str] | None = None,
        cwd: str | None = None,
        tty: bool = False,
        rows: int | None = None,
        cols: int | None = None,
    ) -> WebSocketTarget:
        """Where to open an interactive exec WebSocket; makes no request.

        ``GET /computers/{computer_id}/exec/stream`` (WebSocket, subprotocol
        ``miosa-exec-v1``). Connect with any WebSocket library using the target's
        ``url``, ``headers`` and ``subprotocol``; binary frames start with a frame id:
        send `encode_stdin` / `encode_resize` frames, read with `decode_frame`.
        `env` is a mapping or ``KEY=VALUE`` strings.
        """
        qs = exec_stream_query(command, args=args, env=env, cwd=cwd, tty=tty, rows=rows, cols=cols)
        # args/env repeat in the query, so the query string is built here, not by params.
        return self._websocket(f"{self._prefix}/exec/stream?{qs}", subprotocol=EXEC_SUBPROTOCOL)
