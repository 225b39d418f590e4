# This file was generated from
#   src/miosa/_async/resources/sandboxes/processes.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Background processes of a sandbox: ``/sandboxes/{id}/processes``.

``pid`` is an int on some servers and a string on others: pass back what you got.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NoReturn

from ...._core.call_options import RequestExtras, RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._groups.sandbox import is_exit, parse_exec_chunk, process_logs_text
from ....errors import UnsupportedRouteError
from ....types.sandbox_exec import ExecChunk, SandboxProcess
from ..._resource import ScopedResource
from ...streams import EventStream


class SandboxProcesses(ScopedResource):
    """``sandbox.processes``: start, inspect, stream and stop background processes."""

    def _pid_path(self, pid: int | str) -> str:
        return self._prefix + route("/processes/{pid}", pid=pid)

    def start(
        self,
        command: str,
        *,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestExtras],
    ) -> SandboxProcess:
        """Start ``command`` in the background. ``POST /sandboxes/{sandbox_id}/processes``.

        Args:
            command: the shell command line (``/bin/sh -c``).
            env: variables added to the sandbox's environment for this process.
            name: a label for the process (shown by `list` and `get`).
            cwd: the working directory (default: ``/workspace``).
            timeout: a limit in seconds, after which the process is stopped.

        Returns:
            The process, with the ``pid`` that `get`, `stop`, `logs` and `stream` take.
        """
        return self._object(
            "POST",
            self._prefix + "/processes",
            SandboxProcess,
            json=body(command=command, env=env, name=name, cwd=cwd, timeout=timeout),
            options=options,
        )

    def list(self, **options: Unpack[RequestOptions]) -> list[SandboxProcess]:
        """Every process of the sandbox. ``GET /sandboxes/{sandbox_id}/processes``."""
        return self._list(
            "GET",
            self._prefix + "/processes",
            SandboxProcess,
            keys=("data", "items", "processes"),
            options=options,
        )

    def get(self, pid: int | str, **options: Unpack[RequestOptions]) -> SandboxProcess:
        """One process. ``GET /sandboxes/{sandbox_id}/processes/{pid}``."""
        return self._object("GET", self._pid_path(pid), SandboxProcess, options=options)

    def stop(self, pid: int | str, **options: Unpack[RequestOptions]) -> None:
        """Stop a process (SIGTERM, then SIGKILL after 5 s).

        ``DELETE /sandboxes/{sandbox_id}/processes/{pid}``.
        """
        self._none("DELETE", self._pid_path(pid), options=options)

    def logs(self, pid: int | str, *, tail: int = 200, **options: Unpack[RequestOptions]) -> str:
        """The last ``tail`` lines of output as one string (``tail`` is always sent).

        ``GET /sandboxes/{sandbox_id}/processes/{pid}/logs``.
        """
        payload, _ = self._json(
            "GET", self._pid_path(pid) + "/logs", params=query(tail=tail), options=options
        )
        return process_logs_text(payload)

    def stream(self, pid: int | str, *, timeout: float | None = None) -> EventStream[ExecChunk]:
        """The process's output so far, then live, ending with its `ExecExit`.

        ``GET /sandboxes/{sandbox_id}/processes/{pid}/stream``; items as for
        ``sandbox.exec.stream``. Connects when entered and resumes after a dropped
        connection (with ``Last-Event-ID``, so no line is repeated or lost). ``timeout``
        (seconds) bounds the whole stream: past it, reading raises `miosa.APITimeoutError`.
        """
        return self._events(
            self._pid_path(pid) + "/stream", parse_exec_chunk, is_final=is_exit, timeout=timeout
        )

    def send_stdin(self, pid: int | str, data: str) -> NoReturn:
        """Not available: the API has no route to write to a running process's stdin.

        Raises `UnsupportedRouteError` (a `MiosaError`) at once, without a request
        (``POST .../processes/{pid}/stdin`` does not exist). Give the input when starting
        the process (a heredoc or a file written with ``sandbox.files.write`` and
        redirected), or use a terminal session.
        """
        route("/processes/{pid}", pid=pid)
        raise UnsupportedRouteError(
            f"cannot write to the stdin of process {pid}: the MIOSA API has no stdin route "
            "for sandbox processes; pass the input when starting the process instead",
            call="sandbox.processes.send_stdin",
            route="POST /sandboxes/{sandbox_id}/processes/{pid}/stdin",
        )

    def signal(self, pid: int | str, signal: str) -> NoReturn:
        """Not available: the API has no route to signal a process.

        Raises `UnsupportedRouteError` (a `MiosaError`) at once, without a request
        (``POST .../processes/{pid}/signal`` does not exist); `stop`
        (``DELETE .../processes/{pid}``: SIGTERM, then SIGKILL) is the one way to end a
        process.
        """
        route("/processes/{pid}", pid=pid)
        raise UnsupportedRouteError(
            f"cannot send {signal} to process {pid}: the MIOSA API has no signal route for "
            "sandbox processes; use processes.stop(pid) to end it",
            call="sandbox.processes.signal",
            route="POST /sandboxes/{sandbox_id}/processes/{pid}/signal",
        )
