"""Sandbox batches, the one-shot run lane, and bulk sandbox actions, on real sandboxes.

A batch creates its sandboxes before the reply (at most ``MAX_BATCH``; the local server
has no dispatcher to hand them to), so it is settled when ``POST /sandboxes/batch``
answers; its progress events are kept and replayed by the events stream, which ends
with ``batch_settled``. ``/sandboxes/run`` creates a sandbox and runs the command in it.
Bulk actions run at once too: the job they answer is already ``completed``.
"""

from __future__ import annotations

from collections.abc import Iterable

from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from . import runner
from .common import JSON, iso, new_id, now
from .events import Event
from .http import ApiError, bad_request, not_found, ok
from .processes import command_spec, timeout_of
from .records import Handler
from .routing import Call, Endpoint
from .sandboxes import destroy, new_sandbox, pause_sandbox, resume_sandbox, sandbox_json
from .sse import SSEResponse
from .state import Sandbox

MAX_BATCH = 50
BATCHES = "/sandboxes/batches"
JOBS = "/bulk/jobs"
SHARED = ("template_id", "image", "size", "cpu_count", "memory_mb", "disk_size_mb",
          "workspace_id", "env", "metadata", "tags")  # fmt: skip


def _count(body: JSON) -> int:
    count = body.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_BATCH:
        raise bad_request(f"count must be an integer from 1 to {MAX_BATCH}", field="count")
    return count


def _snapshot(call: Call, batch: JSON) -> JSON:
    runtime: dict[str, int] = {}
    for item in batch["items"]:
        sandbox = call.store.sandboxes.get(item["sandbox_id"] or "")
        if sandbox is not None:
            runtime[sandbox.state] = runtime.get(sandbox.state, 0) + 1
    public = {k: v for k, v in batch.items() if k not in ("items", "events")}
    return {**public, "runtime": runtime}


def _batch(call: Call) -> JSON:
    batch = call.store.records.get(BATCHES, {}).get(call.params["batch_id"])
    if batch is None:
        raise not_found("batch", call.params["batch_id"])
    return batch


async def create_batch(call: Call) -> Response:
    """``POST /sandboxes/batch``: every create done before the reply, each item recorded."""
    body = await call.json()
    count = _count(body)
    concurrency = body.get("concurrency", min(count, 10))
    if not isinstance(concurrency, int) or concurrency < 1:
        raise bad_request("concurrency must be a positive integer", field="concurrency")
    shared = {k: body[k] for k in SHARED if k in body}
    batch: JSON = {
        "id": new_id("sbat"),
        "status": "running",
        "requested": count,
        "completed": 0,
        "failed": 0,
        "concurrency": concurrency,
        "template_id": body.get("template_id") or body.get("image"),
        "workspace_id": body.get("workspace_id"),
        "created_at": iso(now()),
        "settled_at": None,
        "cancelled_at": None,
        "items": [],
        "events": [],
    }
    call.store.records.setdefault(BATCHES, {})[batch["id"]] = batch
    for index in range(count):
        item: JSON = {"id": f"{batch['id']}_{index}", "batch_id": batch["id"], "index": index,
                      "status": "created", "sandbox_id": None, "error": None,
                      "created_at": iso(now())}  # fmt: skip
        try:
            sandbox = await new_sandbox(call, dict(shared))
        except ApiError as error:
            item.update(status="failed", error=error.message)
            batch["failed"] += 1
        else:
            item["sandbox_id"] = sandbox.id
            batch["completed"] += 1
        batch["items"].append(item)
        batch["events"].append(("batch_progress", _snapshot(call, batch)))
    batch.update(status="completed" if not batch["failed"] else "completed_with_errors",
                 settled_at=iso(now()))  # fmt: skip
    batch["events"].append(("batch_settled", _snapshot(call, batch)))
    call.resource_id = batch["id"]
    return ok(_snapshot(call, batch), 201)


async def get_batch(call: Call) -> Response:
    return ok(_snapshot(call, _batch(call)))


async def batch_items(call: Call) -> Response:
    items = list(_batch(call)["items"])
    status = call.query.get("status")
    limit = call.query.get("limit") or "100"
    if not limit.isdigit():
        raise bad_request("limit must be an integer", param="limit")
    return ok([i for i in items if not status or i["status"] == status][: int(limit)])


async def cancel_batch(call: Call) -> Response:
    """``POST .../cancel``: a settled batch is answered as it is."""
    batch = _batch(call)
    if batch["status"] == "running":
        batch.update(status="cancelled", cancelled_at=iso(now()))
    return ok(_snapshot(call, batch))


async def batch_events(call: Call) -> Response:
    """``GET .../events``: the batch's progress events, ending with ``batch_settled``."""
    kept: list[tuple[str, JSON]] = list(_batch(call)["events"])

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            for number, (kind, snapshot) in enumerate(kept, 1):
                await out.send(Event(number, kind, {"type": kind, "batch": snapshot}))

    return SSEResponse(produce, call.store)


async def run(call: Call) -> Response:
    """``POST /sandboxes/run``: a sandbox, then ``command`` in it; both in the reply."""
    body = await call.json()
    if not isinstance(body.get("command"), (str, list)) or not body["command"]:
        raise bad_request("command is required", field="command")
    sandbox = await new_sandbox(call, {k: body[k] for k in SHARED if k in body})
    spec = command_spec(call.store, sandbox, {"command": body["command"]})
    timeout = timeout_of(call.store, body, call.store.settings.exec_default_timeout)
    cap = call.store.settings.output_cap
    out, err = runner.Capture(cap), runner.Capture(cap)
    outcome = await runner.run(spec, timeout or 60.0, out, err, call.store.exec_pids)
    result = {"stdout": out.text(), "stderr": err.text(), "exit_code": outcome.exit_code,
              "duration_ms": outcome.duration_ms}  # fmt: skip
    return ok({**sandbox_json(call.store, sandbox), "command_result": result}, 201)


def _selected(call: Call, body: JSON) -> Iterable[Sandbox]:
    ids, where = body.get("ids"), body.get("filter")
    if (ids is None) == (where is None):
        raise bad_request("give either ids or filter")
    alive = [s for s in call.store.sandboxes.values() if s.alive]
    if ids is not None:
        if not isinstance(ids, list):
            raise bad_request("ids must be a list", field="ids")
        return [s for s in alive if s.id in ids]
    if not isinstance(where, dict):
        raise bad_request("filter must be an object", field="filter")
    return [s for s in alive if all(str(sandbox_json(call.store, s).get(k)) == str(v)
                                    for k, v in where.items())]  # fmt: skip


def _job(call: Call, action: str, results: list[tuple[str, str | None]]) -> Response:
    errors = [{"id": ident, "error": error} for ident, error in results if error]
    job: JSON = {
        "id": new_id("bjob"),
        "action": action,
        "status": "completed" if not errors else "partial",
        "total": len(results),
        "succeeded": len(results) - len(errors),
        "failed": len(errors),
        "errors": errors,
        "created_at": iso(now()),
        "completed_at": iso(now()),
    }
    call.store.records.setdefault(JOBS, {})[job["id"]] = job
    call.resource_id = job["id"]
    return ok(job, 202)


def _bulk(action: str) -> Handler:
    async def handler(call: Call) -> Response:
        body = await call.json()
        results: list[tuple[str, str | None]] = []
        for sandbox in list(_selected(call, body)):
            try:
                if action == "pause":
                    pause_sandbox(call.store, sandbox)
                elif action == "resume":
                    resume_sandbox(call.store, sandbox)
                else:
                    await destroy(call.store, sandbox, "bulk destroy")
            except ApiError as error:
                results.append((sandbox.id, error.message))
            else:
                results.append((sandbox.id, None))
        return _job(call, f"sandboxes.{action}", results)

    return handler


async def apply_policy(call: Call) -> Response:
    """``POST /bulk/policy/apply``: recorded per scope (policies are not enforced locally)."""
    body = await call.json()
    if not isinstance(body.get("tier"), str) or not isinstance(body.get("policy"), dict):
        raise bad_request("tier (a string) and policy (an object) are required")
    ids = body.get("ids")
    scopes: list[object] = list(ids) if isinstance(ids, list) else [body.get("filter")]
    policies = call.store.records.setdefault("/bulk/policies", {})
    for scope in scopes:
        policies[f"{body['tier']}:{scope}"] = body["policy"]
    return _job(call, "policy.apply", [(str(scope), None) for scope in scopes])


async def get_job(call: Call) -> Response:
    job = call.store.records.get(JOBS, {}).get(call.params["job_id"])
    if job is None:
        raise not_found("bulk job", call.params["job_id"])
    return ok(job)


def endpoints() -> list[Endpoint]:
    batch = "/sandboxes/batches/{batch_id}"
    return [
        Endpoint("POST", "/sandboxes/batch", create_batch, "sandbox_batch.create"),
        Endpoint("GET", batch, get_batch),
        Endpoint("GET", batch + "/items", batch_items),
        Endpoint("POST", batch + "/cancel", cancel_batch, "sandbox_batch.cancel"),
        Endpoint("GET", batch + "/events", batch_events),
        Endpoint("POST", "/sandboxes/run", run, "sandbox.run"),
        Endpoint("POST", "/bulk/sandboxes/pause", _bulk("pause"), "bulk.sandboxes.pause"),
        Endpoint("POST", "/bulk/sandboxes/resume", _bulk("resume"), "bulk.sandboxes.resume"),
        Endpoint("POST", "/bulk/sandboxes/destroy", _bulk("destroy"), "bulk.sandboxes.destroy"),
        Endpoint("POST", "/bulk/policy/apply", apply_policy, "bulk.policy.apply"),
        Endpoint("GET", "/bulk/jobs/{job_id}", get_job),
    ]
