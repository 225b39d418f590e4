# This file was generated from
#   src/miosa/_async/resources/agents/commands.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.commands`` (run commands on a machine through the API) and
``client.agent_steering`` (talk to the agent run attached to a machine)."""

from __future__ import annotations

import builtins

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.commands import CommandLogs, CommandProcess, CommandResult, SteeringResult
from ..._resource import APIResource


def _command_path(sandbox_id: str, pid: str | int, tail: str = "") -> str:
    path = route("/sandboxes/{sandbox_id}/commands/{pid}", sandbox_id=sandbox_id, pid=pid)
    return path + tail


class Commands(APIResource):
    """``client.commands``: run a command on a sandbox or a computer and wait for it.

    The call waits for the command (at most 600 seconds); longer work runs ``detached``
    and is read with ``get``, ``logs`` and ``kill``. A machine still starting refuses with
    `miosa.ConflictError` (409 ``SANDBOX_STARTING`` / ``COMPUTER_STARTING``, with a
    ``Retry-After``): the command did not run, so calling again later is safe.
    """

    def run(
        self,
        sandbox_id: str,
        command: str,
        *,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | NotGiven = NOT_GIVEN,
        stdin: str | NotGiven = NOT_GIVEN,
        detached: bool | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        tty: bool | NotGiven = NOT_GIVEN,
        interactive: bool | NotGiven = NOT_GIVEN,
        sudo: bool | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CommandResult:
        """Run `command` with ``sh -c`` on a sandbox. ``POST /sandboxes/{sandbox_id}/commands``.

        Args:
            cwd: The working directory; a relative one is under the workspace.
            timeout_seconds: The command's limit (the server caps it at 600).
            stdin: Text fed to the command's standard input.
            detached: Start it in the background and answer at once with its ``pid``.
            name: A label for a detached command.
            sudo: Run as root; `user` runs as another user.

        A non-zero exit is a result, not an exception: ``result.check()`` raises
        `miosa.CommandError` for it.
        """
        payload = body(
            command=command,
            cwd=cwd,
            timeout_seconds=timeout_seconds,
            stdin=stdin,
            detached=detached,
            name=name,
            tty=tty,
            interactive=interactive,
            sudo=sudo,
            user=user,
        )
        path = route("/sandboxes/{sandbox_id}/commands", sandbox_id=sandbox_id)
        return self._object("POST", path, CommandResult, json=payload, options=options)

    def run_computer(
        self,
        computer_id: str,
        command: str,
        *,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout_seconds: int | NotGiven = NOT_GIVEN,
        stdin: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CommandResult:
        """Run `command` on a computer and wait for it.

        ``POST /computers/{computer_id}/commands``; the arguments are those of ``run``.
        """
        payload = body(command=command, cwd=cwd, timeout_seconds=timeout_seconds, stdin=stdin)
        path = route("/computers/{computer_id}/commands", computer_id=computer_id)
        return self._object("POST", path, CommandResult, json=payload, options=options)

    def list(
        self, sandbox_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[CommandProcess]:
        """The sandbox's commands. ``GET /sandboxes/{sandbox_id}/commands``."""
        path = route("/sandboxes/{sandbox_id}/commands", sandbox_id=sandbox_id)
        return self._list(
            "GET",
            path,
            CommandProcess,
            keys=("data", "commands", "processes", "items"),
            options=options,
        )

    def get(
        self, sandbox_id: str, pid: str | int, **options: Unpack[RequestOptions]
    ) -> CommandProcess:
        """One command's status. ``GET /sandboxes/{sandbox_id}/commands/{pid}``."""
        return self._object("GET", _command_path(sandbox_id, pid), CommandProcess, options=options)

    def logs(
        self, sandbox_id: str, pid: str | int, **options: Unpack[RequestOptions]
    ) -> CommandLogs:
        """A command's captured output. ``GET /sandboxes/{sandbox_id}/commands/{pid}/logs``."""
        path = _command_path(sandbox_id, pid, "/logs")
        return self._object("GET", path, CommandLogs, prepare=_logs_payload, options=options)

    def kill(
        self, sandbox_id: str, pid: str | int, **options: Unpack[RequestOptions]
    ) -> CommandProcess:
        """Stop a command. ``POST /sandboxes/{sandbox_id}/commands/{pid}/kill``."""
        path = _command_path(sandbox_id, pid, "/kill")
        return self._object("POST", path, CommandProcess, json={}, options=options)


def _logs_payload(payload: object) -> object:
    # Some server versions answer the text itself under ``data``.
    if isinstance(payload, dict) and isinstance(payload.get("data"), str):
        return {"logs": payload["data"], **{k: v for k, v in payload.items() if k != "data"}}
    return {"logs": payload} if isinstance(payload, str) else payload


class AgentSteering(APIResource):
    """``client.agent_steering``: steer the agent run attached to a machine (its newest
    queued or running harness run). With none attached the server answers a
    non-retryable 409 ``NO_AGENT_RUN`` (`miosa.ConflictError`)."""

    def prompt(
        self, sandbox_id: str, prompt: str, **options: Unpack[RequestOptions]
    ) -> SteeringResult:
        """Queue the agent's next turn. ``POST /sandboxes/{sandbox_id}/agent/prompts``."""
        path = route("/sandboxes/{sandbox_id}/agent/prompts", sandbox_id=sandbox_id)
        return self._object("POST", path, SteeringResult, json={"prompt": prompt}, options=options)

    def stop(self, sandbox_id: str, **options: Unpack[RequestOptions]) -> SteeringResult:
        """Halt the attached agent run. ``POST /sandboxes/{sandbox_id}/agent/stop``."""
        path = route("/sandboxes/{sandbox_id}/agent/stop", sandbox_id=sandbox_id)
        return self._object("POST", path, SteeringResult, json={}, options=options)

    def prompt_computer(
        self, computer_id: str, prompt: str, **options: Unpack[RequestOptions]
    ) -> SteeringResult:
        """Queue the next turn of a computer's agent.

        ``POST /computers/{computer_id}/agent/prompts``.
        """
        path = route("/computers/{computer_id}/agent/prompts", computer_id=computer_id)
        return self._object("POST", path, SteeringResult, json={"prompt": prompt}, options=options)

    def stop_computer(self, computer_id: str, **options: Unpack[RequestOptions]) -> SteeringResult:
        """Halt a computer's agent run. ``POST /computers/{computer_id}/agent/stop``."""
        path = route("/computers/{computer_id}/agent/stop", computer_id=computer_id)
        return self._object("POST", path, SteeringResult, json={}, options=options)
