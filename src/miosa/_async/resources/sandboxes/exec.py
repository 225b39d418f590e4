"""Running commands in a sandbox: ``/sandboxes/{id}/exec``."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ...._core.call_options import RequestExtras, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body
from ...._groups.sandbox import is_exit, parse_exec_chunk
from ....types.sandbox_exec import ExecChunk
from ....types.sandboxes import ExecResult
from ..._resource import AsyncScopedResource
from ...streams import DEFAULT_IDLE_TIMEOUT, AsyncEventStream

# Extra read time beyond the command's own timeout, for the server to answer.
_EXEC_GRACE_SECONDS = 15.0


class AsyncSandboxExec(AsyncScopedResource):
    """``sandbox.exec``: run commands and collect or stream their output."""

    async def run(
        self,
        command: str,
        *,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
        check: bool = False,
        **options: Unpack[RequestExtras],
    ) -> ExecResult:
        """Run ``command`` with ``/bin/sh`` and wait for it to finish.

        ``POST /sandboxes/{sandbox_id}/exec``.

        Args:
            command: the shell command line (``/bin/sh -c``), e.g. ``"make test"``.
            cwd: the working directory (default: the sandbox's, ``/workspace``).
            env: variables added to the sandbox's environment for this command only.
            timeout: the command's limit in seconds; the HTTP read timeout is stretched
                to cover it (plus 15 s for the reply).
            check: raise `CommandError` when the command exits with a non-zero status
                (like ``subprocess.run(check=True)``); by default the result carries
                the status in ``exit_code``.

        Returns:
            The command's ``stdout``, ``stderr``, ``exit_code`` and ``duration_ms``.

        Raises:
            CommandError: with ``check=True``, when the exit status is not 0.
        """
        http_timeout = None
        if not isinstance(timeout, NotGiven):
            base = self._http.options.timeout
            read = max(base.read or 0.0, timeout + _EXEC_GRACE_SECONDS)
            http_timeout = httpx.Timeout(
                connect=base.connect, read=read, write=base.write, pool=base.pool
            )
        result = await self._object(
            "POST",
            self._prefix + "/exec",
            ExecResult,
            json=body(command=command, cwd=cwd, env=env, timeout=timeout),
            timeout=http_timeout,
            options=options,
        )
        return result.check(command=command) if check else result

    def stream(
        self,
        command: str,
        *,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
    ) -> AsyncEventStream[ExecChunk]:
        """Run ``command`` and stream its output as it comes.

        ``POST /sandboxes/{sandbox_id}/exec/stream``; connects when entered (arguments
        as for `run`)::

            async with sandbox.exec.stream("make test") as output:
                async for chunk in output:
                    match chunk:
                        case ExecStdout(line=line) | ExecStderr(line=line):
                            print(line)
                        case ExecExit(exit_code=code):
                            print("exit", code)

        Items are `ExecStdout`, `ExecStderr`, one final `ExecExit`, and `UnknownExecChunk`
        for anything else. The command runs once: a dropped connection is not retried
        (that would run it again) but raises `StreamError`. A command silent for longer
        than 45 s (or ``timeout`` + 15 s) with no server heartbeat raises too.
        """
        idle = DEFAULT_IDLE_TIMEOUT
        if not isinstance(timeout, NotGiven):
            idle = max(idle, timeout + _EXEC_GRACE_SECONDS)
        return self._events(
            self._prefix + "/exec/stream",
            parse_exec_chunk,
            method="POST",
            json=body(command=command, cwd=cwd, env=env, timeout=timeout),
            resumable=False,
            idle_timeout=idle,
            is_final=is_exit,
        )
