# This file was generated from
#   src/miosa/_async/resources/sandbox_exec.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Running commands in a sandbox: ``/sandboxes/{id}/exec``."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ..._request import NOT_GIVEN, NotGiven, body
from ...types.sandboxes import ExecResult
from .._resource import ScopedResource

# Extra read time beyond the command's own timeout, for the server to answer.
_EXEC_GRACE_SECONDS = 15.0


class SandboxExec(ScopedResource):
    """``sandbox.exec``: run commands and collect or stream their output."""

    def run(
        self,
        command: str,
        *,
        cwd: str | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
    ) -> ExecResult:
        """Run ``command`` with ``/bin/sh`` and wait for it to finish.

        ``POST /sandboxes/{sandbox_id}/exec``. ``timeout`` is the command's limit in
        seconds; the HTTP read timeout is stretched to cover it.
        """
        http_timeout = None
        if not isinstance(timeout, NotGiven):
            base = self._http.options.timeout
            read = max(base.read or 0.0, timeout + _EXEC_GRACE_SECONDS)
            http_timeout = httpx.Timeout(
                connect=base.connect, read=read, write=base.write, pool=base.pool
            )
        return self._object(
            "POST",
            self._prefix + "/exec",
            ExecResult,
            json=body(command=command, cwd=cwd, env=env, timeout=timeout),
            timeout=http_timeout,
        )
