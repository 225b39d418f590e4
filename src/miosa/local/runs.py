"""Runs (``/runs``) and run groups (``/run-groups``) with a real state machine.

A run is created ``queued`` and moves on by itself, in a background task: after a short
delay it is ``running``; a ``command`` run then executes the command in its sandbox
(through the same runner as ``exec``, so bubblewrap isolation applies), streams each
output line as a ``run.output`` event, and ends ``succeeded`` (exit 0) or ``failed``;
the files it wrote in the workspace become the run's files. An ``instruction`` run has
no harness to talk to here: the local harness records the instruction, answers with a
fixed acknowledgement message and ends ``succeeded``. ``POST /runs/{id}/cancel`` stops
either (killing the command) and ends it ``canceled``.

Every step is an event in the run's log, served as JSON (``GET .../events``) or, when the
request accepts ``text/event-stream``, as a resumable SSE stream that ends after the
final event. The activity feed reads the same log. A group is final once every run in
it is final: ``failed`` if any run failed, ``canceled`` if it was canceled.
"""

from __future__ import annotations

import mimetypes
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
from starlette.responses import Response

from . import runner
from .common import JSON, iso, new_id, now
from .events import EventLog
from .fields import first, optional, require
from .http import ApiError, bad_request, not_found, ok
from .paths import resolve, virtual_of
from .processes import command_spec, timeout_of
from .records import Collection, find, records
from .routing import Call, Endpoint
from .sse import SSEResponse, follow, last_event_id
from .state import Store

RUNS = Collection("/runs", "run_id", "run", "run")
GROUPS = Collection("/run-groups", "group_id", "rgrp", "run group")

FINAL = frozenset({"succeeded", "failed", "canceled"})
QUEUE_DELAY = 0.05
"""Seconds a run stays ``queued`` before it starts."""
HARNESS_DELAY = 0.1
"""Seconds the local harness takes to answer an instruction."""
LOCAL_HARNESS_REPLY = "Instruction received by the miosa.local harness; no model runs here."
MAX_RUN_FILES = 200
RUN_EVENTS = 10_000


@dataclass
class Live:
    """What a run has besides its JSON record: its event log and its cancel scope."""

    log: EventLog = field(default_factory=lambda: EventLog(RUN_EVENTS))
    scope: anyio.CancelScope | None = None
    done: anyio.Event = field(default_factory=anyio.Event)
    canceling: bool = False


_LIVE: weakref.WeakKeyDictionary[Store, dict[str, Live]] = weakref.WeakKeyDictionary()


def live(store: Store, run_id: str) -> Live:
    return _LIVE.setdefault(store, {}).setdefault(run_id, Live())


def _publish(store: Store, run: JSON, type_: str, message: str | None = None, **meta: Any) -> None:
    log = live(store, run["id"]).log
    log.publish(
        type_,
        {
            "id": str(log.last_id + 1),
            "run_id": run["id"],
            "run_group_id": run.get("run_group_id"),
            "status": run["status"],
            "message": message,
            "metadata": meta,
            "created_at": iso(now()),
        },
    )


# -- the state machine -----------------------------------------------------------------


def _target_sandbox(store: Store, run: JSON) -> Any:
    ident = run.get("sandbox_id") or run.get("runtime_id")
    if not ident and run.get("target_kind") == "sandbox":
        ident = run.get("target_id")
    if not ident:
        return None
    sandbox = store.sandboxes.get(str(ident))
    if sandbox is None or not sandbox.alive:
        raise not_found("sandbox", str(ident))
    return sandbox


def _finish(store: Store, run: JSON, status: str, error: str | None = None) -> None:
    if run["status"] in FINAL:
        return
    stamp = iso(now())
    run.update(status=status, error=error, finished_at=stamp, updated_at=stamp)
    run.setdefault("provider_cost", 0.0)
    _publish(store, run, f"run.{status}", error)
    state = live(store, run["id"])
    state.log.close()
    state.done.set()
    if run.get("run_group_id"):
        _settle_group(store, str(run["run_group_id"]), run)


def _workspace_files(workspace: Path, since: float, run_id: str) -> list[JSON]:
    found: list[JSON] = []
    for directory, _dirs, files in os.walk(workspace, followlinks=False):
        for name in sorted(files):
            host = Path(directory) / name
            st = host.lstat()
            if st.st_mtime < since:
                continue
            found.append(
                {
                    "id": new_id("rfile"),
                    "run_id": run_id,
                    "name": name,
                    "path": virtual_of(workspace, host),
                    "size": st.st_size,
                    "content_type": mimetypes.guess_type(name)[0] or "application/octet-stream",
                    "created_at": iso(st.st_mtime),
                }
            )
            if len(found) >= MAX_RUN_FILES:
                return found
    return found


async def _run_command(store: Store, run: JSON, sandbox: Any, body: JSON) -> None:
    spec = command_spec(store, sandbox, {**body, "command": run["command"]})
    limit = timeout_of(store, body, store.settings.exec_default_timeout)
    assert limit is not None
    captured: dict[str, list[str]] = {"stdout": [], "stderr": []}

    def lines(stream: str) -> runner.Lines:
        async def on_line(line: str) -> None:
            captured[stream].append(line)
            _publish(store, run, "run.output", line, stream=stream)

        return runner.Lines(on_line, store.settings.output_cap)

    started = now()
    outcome = await runner.run(spec, limit, lines("stdout"), lines("stderr"), store.exec_pids)
    files = await anyio.to_thread.run_sync(_workspace_files, sandbox.workspace, started, run["id"])
    run["files"] = files
    run["command_output"] = {
        "run_id": run["id"],
        "command": run["command"],
        "stdout": "".join(f"{line}\n" for line in captured["stdout"]),
        "stderr": "".join(f"{line}\n" for line in captured["stderr"]),
        "exit_code": outcome.exit_code,
        "timed_out": outcome.timed_out,
        "duration_ms": outcome.duration_ms,
    }
    if outcome.exit_code == 0:
        _finish(store, run, "succeeded")
    else:
        reason = "timed out" if outcome.timed_out else f"exit code {outcome.exit_code}"
        _finish(store, run, "failed", f"command failed: {reason}")


async def _answer_instruction(store: Store, run: JSON) -> None:
    await anyio.sleep(HARNESS_DELAY)
    stamp = iso(now())
    run["messages"] = [
        {"id": new_id("rmsg"), "run_id": run["id"], "role": "user",
         "content": run["instruction"], "created_at": stamp},
        {"id": new_id("rmsg"), "run_id": run["id"], "role": "assistant",
         "content": LOCAL_HARNESS_REPLY, "created_at": stamp},
    ]  # fmt: skip
    _publish(store, run, "run.message", LOCAL_HARNESS_REPLY, role="assistant")
    _finish(store, run, "succeeded")


async def drive(store: Store, run: JSON, body: JSON) -> None:
    """Take a run from ``queued`` to a final state (in a background task)."""
    state = live(store, run["id"])
    with anyio.CancelScope() as scope:
        state.scope = scope
        await anyio.sleep(QUEUE_DELAY)
        stamp = iso(now())
        run.update(status="running", started_at=stamp, updated_at=stamp)
        _publish(store, run, "run.started")
        try:
            sandbox = _target_sandbox(store, run)
            if run.get("command"):
                await _run_command(store, run, sandbox, body)
            else:
                await _answer_instruction(store, run)
        except ApiError as err:
            _finish(store, run, "failed", err.message)
        except Exception:
            _finish(store, run, "failed", "the local server failed to run it")
            raise
    state.scope = None


def cancel_run(store: Store, run: JSON) -> None:
    """Stop a run not final yet (its command is killed by the runner's cleanup)."""
    if run["status"] in FINAL:
        return
    scope = live(store, run["id"]).scope
    if scope is not None:
        scope.cancel()
    _finish(store, run, "canceled")


# -- runs ------------------------------------------------------------------------------

_CHOSEN = (
    "instruction", "command", "runner", "provider", "model", "cwd", "target_kind", "target_id",
    "runtime_id", "sandbox_id", "computer_id", "run_group_id", "parent_run_id",
    "orchestration_role", "chat_id", "workspace_id", "project_id", "external_workspace_id",
    "external_user_id", "external_project_id", "reasoning_effort", "expected_outputs",
    "agent_definition_id", "agent_version_id", "harness_session_id", "metadata",
)  # fmt: skip
# Chosen fields kept as given; the others are strings (``metadata`` an object).
_ANY_TYPE = frozenset({"expected_outputs"})


def start_run(call: Call, body: JSON, **fixed: Any) -> JSON:
    """Validate a run body, store the run ``queued`` and start driving it."""
    store = call.store
    command = first(body, ("command", "runtime_command"), str)
    instruction = first(body, ("instruction", "message"), str)
    if not command and not instruction:
        raise bad_request("an instruction or a command is required", field="instruction")
    # Read now, so a mistyped value is this request's 400 rather than a failed run later.
    optional(body, "env", dict, items=str)
    timeout_of(store, body, None)
    stamp = iso(now())
    run: JSON = {
        k: body.get(k) if k in _ANY_TYPE else optional(body, k, dict if k == "metadata" else str)
        for k in _CHOSEN
    }
    run.update(
        id=new_id("run"),
        status="queued",
        command=command,
        instruction=instruction,
        harness=optional(body, "runner", str),
        source=optional(body, "source", str) or "api",
        created_at=stamp,
        updated_at=stamp,
        started_at=None,
        finished_at=None,
        error=None,
    )
    run.update(fixed)
    if run.get("target_kind") == "sandbox" and not run.get("sandbox_id"):
        run["sandbox_id"] = run.get("target_id")
    sandbox = _target_sandbox(store, run)
    if command and sandbox is None:
        raise bad_request(
            "the local server runs commands in a sandbox: give sandbox_id", field="sandbox_id"
        )
    records(call, RUNS)[run["id"]] = run
    _publish(store, run, "run.queued")
    store.spawn(drive, store, run, body, name=f"run {run['id']}")
    return run


async def create_run(call: Call) -> Response:
    """``POST /runs``: ``queued`` (201), or final with ``"wait": true``."""
    body = await call.json()
    run = start_run(call, body)
    call.resource_id = run["id"]
    if body.get("wait") is True:
        limit = timeout_of(call.store, body, call.store.settings.exec_max_timeout)
        with anyio.move_on_after(limit or 0):
            await live(call.store, run["id"]).done.wait()
        return ok(run)
    return ok(run, 201)


_FILTERS = (
    "status", "target_kind", "target_id", "runtime_id", "sandbox_id", "computer_id",
    "run_group_id", "workspace_id", "project_id", "external_workspace_id", "external_user_id",
    "external_project_id", "runner", "harness", "chat_id", "agent_definition_id",
    "agent_version_id", "source",
)  # fmt: skip


def _public(run: JSON) -> JSON:
    return {k: v for k, v in run.items() if k not in ("files", "command_output", "messages")}


def matching_runs(call: Call, **fixed: str) -> list[JSON]:
    wanted = {n: call.query[n] for n in _FILTERS if call.query.get(n)} | fixed
    found = [
        _public(r)
        for r in reversed(list(records(call, RUNS).values()))
        if all(str(r.get(k)) == v for k, v in wanted.items())
    ]
    limit = call.query.get("limit")
    return found[: int(limit)] if limit and limit.isdigit() else found


async def list_runs(call: Call) -> Response:
    """``GET /runs``: newest first, filtered by equality on the named fields."""
    return ok(matching_runs(call))


async def get_run(call: Call) -> Response:
    return ok(_public(find(call, RUNS)))


async def cancel(call: Call) -> Response:
    """``POST /runs/{run_id}/cancel``: ``canceled`` unless already final (then as is)."""
    run = find(call, RUNS)
    cancel_run(call.store, run)
    return ok(_public(run))


def _wants_stream(call: Call) -> bool:
    return "text/event-stream" in call.request.headers.get("accept", "")


async def run_events(call: Call) -> Response:
    """``GET /runs/{run_id}/events`` (and ``/activity``): JSON, or SSE when accepted."""
    run = find(call, RUNS)
    log = live(call.store, run["id"]).log
    if _wants_stream(call):
        return SSEResponse(follow(log, last_event_id(call.request) or 0), call.store)
    after = call.query.get("after_id") or "0"
    rows = [e.data for e in log.since(int(after) if after.isdigit() else 0)]
    limit = call.query.get("limit")
    return ok(rows[: int(limit)] if limit and limit.isdigit() else rows)


async def outputs(call: Call) -> Response:
    run = find(call, RUNS)
    files = run.get("files") or []
    produced = {f["path"]: f["id"] for f in files}
    return ok(
        {
            "run_id": run["id"],
            "expected_outputs": run.get("expected_outputs"),
            "outputs": {"files": produced} if produced else {},
            "files": files,
        }
    )


async def command_output(call: Call) -> Response:
    run = find(call, RUNS)
    empty = {"run_id": run["id"], "command": run.get("command"), "stdout": "", "stderr": ""}
    return ok(run.get("command_output") or {**empty, "exit_code": None})


async def files(call: Call) -> Response:
    return ok(find(call, RUNS).get("files") or [])


async def download(call: Call) -> Response:
    """``GET /runs/{run_id}/files/{file_id}/download``: the file as it is in the workspace now."""
    run = records(call, RUNS).get(call.params["run_id"])
    if run is None:
        raise not_found("run", call.params["run_id"])
    ident = call.params["file_id"]
    entry = next((f for f in run.get("files") or [] if f["id"] == ident), None)
    sandbox = call.store.sandboxes.get(str(run.get("sandbox_id")))
    if entry is None or sandbox is None:
        raise not_found("run file", ident)
    host = resolve(sandbox.workspace, entry["path"])[1]
    if not host.is_file():
        raise not_found("run file", ident)
    content = await anyio.Path(host).read_bytes()
    disposition = "inline" if call.query.get("disposition") == "inline" else "attachment"
    return Response(
        content,
        media_type=entry["content_type"],
        headers={"content-disposition": f'{disposition}; filename="{entry["name"]}"'},
    )


async def messages(call: Call) -> Response:
    return ok(find(call, RUNS).get("messages") or [])


async def previews(call: Call) -> Response:
    find(call, RUNS)
    return ok([])


async def diagnostics(call: Call) -> Response:
    """A failed run has one diagnostic: its error."""
    run = find(call, RUNS)
    if run["status"] != "failed":
        return ok([])
    return ok(
        [
            {
                "id": f"diag_{run['id']}",
                "run_id": run["id"],
                "level": "error",
                "code": "RUN_FAILED",
                "message": run.get("error"),
                "created_at": run.get("finished_at"),
            }
        ]
    )


async def usage(call: Call) -> Response:
    """``GET /runs/usage``: finished runs' ``provider_cost``, grouped by ``group_by``."""
    dims = [d for d in (call.query.get("group_by") or "").split(",") if d]
    fields = {"agent": "agent_definition_id", "chat": "chat_id", "workspace": "workspace_id",
              "model": "model", "harness": "harness"}  # fmt: skip
    finished = [r for r in records(call, RUNS).values() if r["status"] in FINAL]
    groups: dict[tuple[Any, ...], JSON] = {}
    for run in finished:
        key = {
            d: (run.get("finished_at") or "")[:10] if d == "day" else run.get(fields.get(d, d))
            for d in dims
        }
        bucket = groups.setdefault(
            tuple(key.values()), {"key": key, "runs": 0, "provider_cost": 0.0}
        )
        bucket["runs"] += 1
        bucket["provider_cost"] += float(run.get("provider_cost") or 0.0)
    return ok(
        {
            "runs": len(finished),
            "provider_cost": sum(float(r.get("provider_cost") or 0.0) for r in finished),
            "group_by": dims,
            "groups": list(groups.values()) if dims else [],
        }
    )


# -- run groups ------------------------------------------------------------------------


def _group_log(store: Store, group_id: str) -> EventLog:
    return live(store, group_id).log


def _publish_group(store: Store, group: JSON, type_: str, run: JSON | None = None) -> None:
    log = _group_log(store, group["id"])
    log.publish(
        type_,
        {
            "id": str(log.last_id + 1),
            "run_group_id": group["id"],
            "run_id": run["id"] if run else None,
            "status": run["status"] if run else group["status"],
            "message": None,
            "created_at": iso(now()),
        },
    )


def _group_runs(store: Store, group_id: str) -> list[JSON]:
    table = store.records.get(RUNS.path, {})
    return [r for r in table.values() if r.get("run_group_id") == group_id]


def _settle_group(store: Store, group_id: str, run: JSON) -> None:
    """Record a run's end in its group; end the group when it was the last one running."""
    group = store.records.get(GROUPS.path, {}).get(group_id)
    if group is None:
        return
    _publish_group(store, group, f"run_group.entry.{run['status']}", run)
    runs = _group_runs(store, group_id)
    finished = [r for r in runs if r["status"] in FINAL]
    if group["status"] in FINAL or live(store, group_id).canceling or len(finished) < len(runs):
        return
    if len(runs) < int(group.get("expected_runs") or 0):
        return
    if any(r["status"] == "failed" for r in runs):
        status = "failed"
    elif all(r["status"] == "canceled" for r in runs):
        status = "canceled"
    else:
        status = "succeeded"
    _close_group(store, group, status)


def _close_group(store: Store, group: JSON, status: str) -> None:
    stamp = iso(now())
    group.update(status=status, finished_at=stamp, updated_at=stamp)
    _publish_group(store, group, f"run_group.{status}")
    _group_log(store, group["id"]).close()


def _entries(store: Store, group_id: str) -> list[JSON]:
    return [
        {"id": f"rge_{r['id']}", "run_group_id": group_id, "run_id": r["id"],
         "status": r["status"], "created_at": r["created_at"]}
        for r in _group_runs(store, group_id)
    ]  # fmt: skip


def _group_view(call: Call, group: JSON, with_runs: bool) -> JSON:
    view = {**group, "entries": _entries(call.store, group["id"])}
    if with_runs:
        view["runs"] = [_public(r) for r in _group_runs(call.store, group["id"])]
    return view


async def create_group(call: Call) -> Response:
    body = await call.json()
    name = require(body, "name", str)
    stamp = iso(now())
    group: JSON = {
        "id": new_id("rgrp"),
        "name": name,
        "description": optional(body, "description", str),
        "status": "queued",
        "workspace_id": optional(body, "workspace_id", str),
        "project_id": optional(body, "project_id", str),
        "concurrency_limit": optional(body, "concurrency_limit", int, low=1),
        "expected_runs": optional(body, "expected_runs", int, low=0),
        "metadata": optional(body, "metadata", dict, {}),
        "created_at": stamp,
        "updated_at": stamp,
        "finished_at": None,
    }
    records(call, GROUPS)[group["id"]] = group
    call.resource_id = group["id"]
    _publish_group(call.store, group, "run_group.created")
    return ok(group, 201)


async def list_groups(call: Call) -> Response:
    wanted = {
        n: call.query[n] for n in ("workspace_id", "project_id", "status") if call.query.get(n)
    }
    found = [
        _group_view(call, g, False)
        for g in reversed(list(records(call, GROUPS).values()))
        if all(str(g.get(k)) == v for k, v in wanted.items())
    ]
    limit = call.query.get("limit")
    return ok(found[: int(limit)] if limit and limit.isdigit() else found)


async def get_group(call: Call) -> Response:
    return ok(_group_view(call, find(call, GROUPS), call.query.get("include") == "runs"))


async def dispatch(call: Call) -> Response:
    """``POST /run-groups/{group_id}/dispatch``: one run per entry; bad entries are errors."""
    group = find(call, GROUPS)
    if group["status"] in FINAL:
        raise ApiError(409, "CONFLICT", f"run group {group['id']} is {group['status']}")
    body = await call.json()
    entries = body.get("runs")
    if not isinstance(entries, list) or not entries:
        raise bad_request("runs must be a non-empty list", field="runs")
    results: list[JSON] = []
    for entry in entries:
        try:
            if not isinstance(entry, dict):
                raise bad_request("each run must be an object", field="runs")
            run = start_run(call, entry, run_group_id=group["id"])
            results.append({"run": _public(run), "error": None})
        except ApiError as err:
            results.append({"run": None, "error": err.message})
    if any(r["run"] for r in results) and group["status"] == "queued":
        group.update(status="running", updated_at=iso(now()))
        _publish_group(call.store, group, "run_group.running")
    view = _group_view(call, group, False)
    return ok({"group": view, "results": results, "entries": view["entries"]})


async def cancel_group(call: Call) -> Response:
    group = find(call, GROUPS)
    if group["status"] not in FINAL:
        live(call.store, group["id"]).canceling = True
        for run in _group_runs(call.store, group["id"]):
            cancel_run(call.store, run)
        _close_group(call.store, group, "canceled")
    return ok(_group_view(call, group, False))


async def group_activity(call: Call) -> Response:
    """``GET /run-groups/{group_id}/activity``: JSON, or SSE when accepted."""
    group = find(call, GROUPS)
    log = _group_log(call.store, group["id"])
    if _wants_stream(call):
        return SSEResponse(follow(log, last_event_id(call.request) or 0), call.store)
    return ok([e.data for e in log.all()])


def endpoints() -> list[Endpoint]:
    item = RUNS.item_path
    group = GROUPS.item_path
    return [
        Endpoint("POST", RUNS.path, create_run, "run.create"),
        Endpoint("GET", RUNS.path, list_runs),
        Endpoint("GET", "/runs/usage", usage),
        Endpoint("GET", item, get_run),
        Endpoint("POST", item + "/cancel", cancel, "run.cancel"),
        Endpoint("GET", item + "/events", run_events),
        Endpoint("GET", item + "/activity", run_events),
        Endpoint("GET", item + "/outputs", outputs),
        Endpoint("GET", item + "/command-output", command_output),
        Endpoint("GET", item + "/files", files),
        Endpoint("GET", item + "/files/{file_id}/download", download),
        Endpoint("GET", item + "/messages", messages),
        Endpoint("GET", item + "/previews", previews),
        Endpoint("GET", item + "/diagnostics", diagnostics),
        Endpoint("POST", GROUPS.path, create_group, "run_group.create"),
        Endpoint("GET", GROUPS.path, list_groups),
        Endpoint("GET", group, get_group),
        Endpoint("POST", group + "/dispatch", dispatch, "run_group.dispatch"),
        Endpoint("POST", group + "/cancel", cancel_group, "run_group.cancel"),
        Endpoint("GET", group + "/activity", group_activity),
    ]
