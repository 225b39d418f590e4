# This file was generated from
#   src/miosa/_async/resources/agents/runs.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.runs``: instructions and commands dispatched into sandboxes and computers."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ...._concurrency import sleep
from ...._core.call_options import RequestExtras, RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._core.waiters import Poller
from ...._groups.runs import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    RUN_WAIT,
    has_final_status,
    parse_run_activity,
    parse_run_event,
)
from ....types.runs import (
    Run,
    RunActivity,
    RunCommandOutput,
    RunDiagnostic,
    RunEvent,
    RunFile,
    RunMessage,
    RunOutputs,
    RunPreview,
    RunUsage,
)
from ..._resource import APIResource
from ...streams import EventStream

TargetKind = Literal["sandbox", "computer"]
UsageDimension = Literal["agent", "chat", "workspace", "day", "model", "harness"]


def _run_path(run_id: str, tail: str = "") -> str:
    return route("/runs/{run_id}", run_id=run_id) + tail


class Runs(APIResource):
    """``client.runs``: start a run, follow it (poll, events, activity), read what it left."""

    def create(
        self,
        *,
        instruction: str | NotGiven = NOT_GIVEN,
        command: str | NotGiven = NOT_GIVEN,
        target_kind: TargetKind | NotGiven = NOT_GIVEN,
        target_id: str | NotGiven = NOT_GIVEN,
        sandbox_id: str | NotGiven = NOT_GIVEN,
        computer_id: str | NotGiven = NOT_GIVEN,
        runtime_id: str | NotGiven = NOT_GIVEN,
        target: str | NotGiven = NOT_GIVEN,
        runner: str | NotGiven = NOT_GIVEN,
        provider: str | NotGiven = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        reasoning_effort: str | NotGiven = NOT_GIVEN,
        runtime_command: str | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
        wait: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        resume_session_id: str | NotGiven = NOT_GIVEN,
        agent_runtime_profile_id: str | NotGiven = NOT_GIVEN,
        agent_profile_id: str | NotGiven = NOT_GIVEN,
        skip_agent_runtime_profile: bool | NotGiven = NOT_GIVEN,
        run_group_id: str | NotGiven = NOT_GIVEN,
        parent_run_id: str | NotGiven = NOT_GIVEN,
        orchestration_role: str | NotGiven = NOT_GIVEN,
        chat_id: str | NotGiven = NOT_GIVEN,
        continue_from_run_id: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        execution_packet: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        expected_outputs: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        approval_policy: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        capability_requirements: Sequence[str] | NotGiven = NOT_GIVEN,
        machine: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        notify: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestExtras],
    ) -> Run:
        """Start a run. ``POST /runs``.

        A run carries an `instruction` for a harness (`runner`: ``claude-code``,
        ``codex``, ...) or a shell `command`, and a target: ``target_kind`` +
        ``target_id``, or ``sandbox_id`` / ``computer_id``. It starts ``queued``; follow
        it with ``wait_for_completion``, ``stream_events`` or ``stream_activity``.
        With ``wait=True`` the server answers once the run is final.

        Args:
            timeout: The run's own limit, in seconds.
            env: Environment variables for the run's process.
            resume_session_id: Continue a harness session of an earlier run.
            expected_outputs: What the run must produce (read with ``outputs``).
            metadata: Free-form labels kept on the run.
            extra: Body keys this SDK version does not name yet, sent as given.
        """
        payload = body(
            instruction=instruction,
            command=command,
            target_kind=target_kind,
            target_id=target_id,
            sandbox_id=sandbox_id,
            computer_id=computer_id,
            runtime_id=runtime_id,
            target=target,
            runner=runner,
            provider=provider,
            model=model,
            reasoning_effort=reasoning_effort,
            runtime_command=runtime_command,
            cwd=cwd,
            timeout=timeout,
            wait=wait,
            env=env,
            resume_session_id=resume_session_id,
            agent_runtime_profile_id=agent_runtime_profile_id,
            agent_profile_id=agent_profile_id,
            skip_agent_runtime_profile=skip_agent_runtime_profile,
            run_group_id=run_group_id,
            parent_run_id=parent_run_id,
            orchestration_role=orchestration_role,
            chat_id=chat_id,
            continue_from_run_id=continue_from_run_id,
            workspace_id=workspace_id,
            project_id=project_id,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
            execution_packet=execution_packet,
            expected_outputs=expected_outputs,
            approval_policy=approval_policy,
            capability_requirements=capability_requirements,
            machine=machine,
            notify=notify,
            environment=environment,
            environment_id=environment_id,
            no_env=no_env,
            source=source,
            metadata=metadata,
        )
        return self._object(
            "POST",
            "/runs",
            Run,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def list(
        self,
        *,
        status: str | None = None,
        target_kind: TargetKind | None = None,
        target_id: str | None = None,
        runtime_id: str | None = None,
        sandbox_id: str | None = None,
        computer_id: str | None = None,
        run_group_id: str | None = None,
        workspace_id: str | None = None,
        project_id: str | None = None,
        external_workspace_id: str | None = None,
        external_user_id: str | None = None,
        external_project_id: str | None = None,
        runner: str | None = None,
        harness: str | None = None,
        harness_session_id: str | None = None,
        chat_id: str | None = None,
        agent_definition_id: str | None = None,
        agent_version_id: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Run]:
        """Runs, newest first, filtered by any of the given fields. ``GET /runs``."""
        params = query(
            status=status,
            target_kind=target_kind,
            target_id=target_id,
            runtime_id=runtime_id,
            sandbox_id=sandbox_id,
            computer_id=computer_id,
            run_group_id=run_group_id,
            workspace_id=workspace_id,
            project_id=project_id,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
            runner=runner,
            harness=harness,
            harness_session_id=harness_session_id,
            chat_id=chat_id,
            agent_definition_id=agent_definition_id,
            agent_version_id=agent_version_id,
            source=source,
            limit=limit,
        )
        return self._list(
            "GET", "/runs", Run, params=params, keys=("data", "runs", "items"), options=options
        )

    def get(self, run_id: str, **options: Unpack[RequestOptions]) -> Run:
        """One run. ``GET /runs/{run_id}``."""
        return self._object("GET", _run_path(run_id), Run, options=options)

    def cancel(self, run_id: str, **options: Unpack[RequestOptions]) -> Run:
        """Stop a run not final yet; it comes back ``canceled``. ``POST /runs/{run_id}/cancel``."""
        return self._object("POST", _run_path(run_id, "/cancel"), Run, json={}, options=options)

    def wait_for_completion(
        self,
        run_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> Run:
        """Poll ``GET /runs/{run_id}`` until the run is final, and return it.

        Final is ``succeeded``, ``failed`` or ``canceled``: a failed run is returned, not
        raised (check ``run.status``). Polls after `poll_interval` seconds, then 1.5 times
        longer each time, at most 10 s apart; raises `miosa.WaitTimeoutError` when
        `timeout` seconds pass first (None waits forever).
        """
        poller = Poller(RUN_WAIT, run_id, timeout=timeout, first_delay=poll_interval)
        while True:
            run = self.get(run_id)
            delay = poller.next_delay(run.status)
            if delay is None:
                return run
            sleep(delay)

    def events(
        self,
        run_id: str,
        *,
        after_id: str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[RunEvent]:
        """A run's durable events, oldest first, after `after_id`. ``GET /runs/{run_id}/events``."""
        return self._list(
            "GET",
            _run_path(run_id, "/events"),
            RunEvent,
            params=query(after_id=after_id, limit=limit),
            keys=("data", "events", "items"),
            options=options,
        )

    def stream_events(self, run_id: str) -> EventStream[RunEvent]:
        """A run's events as they happen, until the one with a final status.

        ``GET /runs/{run_id}/events`` as server-sent events; connects when entered, and
        resumes after a dropped connection without repeating events.
        """
        return self._events(
            _run_path(run_id, "/events"), parse_run_event, is_final=has_final_status
        )

    def activity(
        self, run_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[RunActivity]:
        """A run's activity feed so far. ``GET /runs/{run_id}/activity``."""
        return self._list(
            "GET",
            _run_path(run_id, "/activity"),
            RunActivity,
            keys=("data", "activity", "items"),
            options=options,
        )

    def stream_activity(self, run_id: str) -> EventStream[RunActivity]:
        """A run's activity feed live, until the run is final; connects when entered.

        ``GET /runs/{run_id}/activity`` as server-sent events.
        """
        return self._events(
            _run_path(run_id, "/activity"), parse_run_activity, is_final=has_final_status
        )

    def outputs(self, run_id: str, **options: Unpack[RequestOptions]) -> RunOutputs:
        """What the run produced against its expected outputs. ``GET /runs/{run_id}/outputs``."""
        return self._object("GET", _run_path(run_id, "/outputs"), RunOutputs, options=options)

    def command_output(self, run_id: str, **options: Unpack[RequestOptions]) -> RunCommandOutput:
        """The run's stdout, stderr and exit code. ``GET /runs/{run_id}/command-output``."""
        return self._object(
            "GET", _run_path(run_id, "/command-output"), RunCommandOutput, options=options
        )

    def files(self, run_id: str, **options: Unpack[RequestOptions]) -> builtins.list[RunFile]:
        """The files a run produced. ``GET /runs/{run_id}/files``."""
        return self._list(
            "GET",
            _run_path(run_id, "/files"),
            RunFile,
            keys=("data", "files", "items"),
            options=options,
        )

    def download_file(
        self, run_id: str, file_id: str, *, inline: bool = False, **options: Unpack[RequestOptions]
    ) -> bytes:
        """One file's bytes. ``GET /runs/{run_id}/files/{file_id}/download``.

        `inline` asks for ``Content-Disposition: inline`` (for showing it in a browser).
        """
        path = route("/runs/{run_id}/files/{file_id}/download", run_id=run_id, file_id=file_id)
        params = query(disposition="inline" if inline else None)
        return self._bytes("GET", path, params=params, options=options)

    def messages(self, run_id: str, **options: Unpack[RequestOptions]) -> builtins.list[RunMessage]:
        """The conversation the run had with its harness. ``GET /runs/{run_id}/messages``."""
        return self._list(
            "GET",
            _run_path(run_id, "/messages"),
            RunMessage,
            keys=("data", "messages", "items"),
            options=options,
        )

    def previews(self, run_id: str, **options: Unpack[RequestOptions]) -> builtins.list[RunPreview]:
        """Preview URLs the run opened. ``GET /runs/{run_id}/previews``."""
        return self._list(
            "GET",
            _run_path(run_id, "/previews"),
            RunPreview,
            keys=("data", "previews", "items"),
            options=options,
        )

    def diagnostics(
        self, run_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[RunDiagnostic]:
        """Why the run failed, what it skipped. ``GET /runs/{run_id}/diagnostics``."""
        return self._list(
            "GET",
            _run_path(run_id, "/diagnostics"),
            RunDiagnostic,
            keys=("data", "diagnostics", "items"),
            options=options,
        )

    def usage(
        self,
        *,
        group_by: Sequence[UsageDimension] | None = None,
        from_: str | None = None,
        to: str | None = None,
        agent_definition_id: str | None = None,
        workspace_id: str | None = None,
        chat_id: str | None = None,
        harness: str | None = None,
        runner: str | None = None,
        model: str | None = None,
        billed_to: Literal["own_key", "subscription"] | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> RunUsage:
        """``provider_cost`` summed over finished runs. ``GET /runs/usage``.

        The window is ``[from_, to)`` on the runs' ``finished_at`` (ISO 8601; default the
        last 30 days, at most 366); `group_by` splits the sum by those dimensions.
        """
        params = query(
            group_by=group_by,
            to=to,
            agent_definition_id=agent_definition_id,
            workspace_id=workspace_id,
            chat_id=chat_id,
            harness=harness,
            runner=runner,
            model=model,
            billed_to=billed_to,
            limit=limit,
        )
        if from_ is not None:
            params["from"] = from_
        return self._object("GET", "/runs/usage", RunUsage, params=params, options=options)
