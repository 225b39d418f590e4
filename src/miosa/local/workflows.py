"""Workflows: versioned graphs, and runs that walk them for real in the background.

A graph is ``{"nodes": [...]}``, run in order. Node types: ``set`` (its ``value`` is the
step's output), ``log`` (its ``message``), ``wait`` (sleeps ``seconds``, at most 5),
``decision`` (holds the run ``waiting`` until ``.../steps/{i}/decision`` answers it; the
answer is the step's output) and ``fail`` (fails the run with its ``message``). A run's
output is its last step's. Changing the graph makes a new version; runs use the published
version (a draft runs its latest). A paused workflow refuses runs (409
``WORKFLOW_PAUSED``). Retrying a run starts it again from the first step; retrying a
failed step goes on from that step. The webhook token is a public credential for
``POST /workflows/trigger/{token}``; rotating replaces it and revoking ends it.
"""

from __future__ import annotations

import secrets
from typing import Any

import anyio
from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, no_content, not_found, ok
from .routing import Call, Endpoint
from .state import Store

NODE_TYPES = {
    "set": "Output a fixed value",
    "log": "Output a message",
    "wait": "Sleep some seconds (at most 5 here)",
    "decision": "Hold the run until someone answers",
    "fail": "Fail the run with a message",
}
MAX_WAIT = 5.0
FINAL = frozenset({"succeeded", "failed", "cancelled"})
TEMPLATES = (
    {"id": "wft_approval", "name": "Approval", "description": "Ask, then act on the answer.",
     "graph": {"nodes": [{"id": "ask", "type": "decision"},
                         {"id": "done", "type": "log", "message": "approved"}]}},
)  # fmt: skip


def _table(store: Store, name: str) -> dict[str, JSON]:
    return store.records.setdefault(f"workflows:{name}", {})


def _graph(body: JSON) -> JSON:
    graph = body.get("graph", {"nodes": []})
    nodes = graph.get("nodes") if isinstance(graph, dict) else None
    if not isinstance(nodes, list) or not all(isinstance(n, dict) for n in nodes):
        raise bad_request("graph must be an object with a list of nodes", field="graph")
    for i, node in enumerate(nodes):
        if node.get("type") not in NODE_TYPES:
            raise bad_request(
                f"node {i} has unknown type {node.get('type')!r}", field=f"graph.nodes[{i}]"
            )
    return {**graph, "nodes": nodes}


def _workflow(call: Call) -> JSON:
    ident = call.params["workflow_id"]
    found = _table(call.store, "defs").get(ident)
    if found is None:
        raise not_found("workflow", ident)
    return found


def _public(record: JSON) -> JSON:
    return {k: v for k, v in record.items() if not k.startswith("_")}


def _add_version(store: Store, workflow: JSON, graph: JSON) -> None:
    number = int(workflow.get("version") or 0) + 1
    version = {"id": new_id("wfv"), "workflow_id": workflow["id"], "version": number,
               "graph": graph, "published": False, "created_at": iso(now())}  # fmt: skip
    _table(store, "versions")[version["id"]] = version
    workflow.update(version=number, graph=graph, updated_at=version["created_at"])


def _versions(store: Store, workflow_id: str) -> list[JSON]:
    return [v for v in _table(store, "versions").values() if v["workflow_id"] == workflow_id]


# -- definitions ---------------------------------------------------------------------


async def list_workflows(call: Call) -> Response:
    status = call.query.get("status")
    found = [_public(w) for w in _table(call.store, "defs").values()]
    return ok([w for w in found if not status or w["status"] == status])


async def create(call: Call) -> Response:
    body = await call.json()
    if not isinstance(body.get("name"), str) or not body["name"]:
        raise bad_request("name is required", field="name")
    graph = _graph(body)
    stamp = iso(now())
    workflow: JSON = {"id": new_id("wf"), "name": body["name"],
                      "description": body.get("description"), "status": "draft",
                      "version": 0, "published_version": None, "webhook_enabled": False,
                      "created_at": stamp, "updated_at": stamp}  # fmt: skip
    _add_version(call.store, workflow, graph)
    _table(call.store, "defs")[workflow["id"]] = workflow
    call.resource_id = workflow["id"]
    return ok(_public(workflow), 201)


async def get(call: Call) -> Response:
    return ok(_public(_workflow(call)))


async def update(call: Call) -> Response:
    workflow = _workflow(call)
    body = await call.json()
    workflow.update({k: body[k] for k in ("name", "description") if k in body})
    if "graph" in body:
        _add_version(call.store, workflow, _graph(body))
    workflow["updated_at"] = iso(now())
    return ok(_public(workflow))


async def delete(call: Call) -> Response:
    workflow = _workflow(call)
    del _table(call.store, "defs")[workflow["id"]]
    return no_content()


async def publish(call: Call) -> Response:
    workflow = _workflow(call)
    for version in _versions(call.store, workflow["id"]):
        version["published"] = version["version"] == workflow["version"]
    workflow.update(status="published", published_version=workflow["version"])
    return ok(_public(workflow))


async def pause(call: Call) -> Response:
    workflow = _workflow(call)
    workflow["status"] = "paused"
    return ok(_public(workflow))


async def resume(call: Call) -> Response:
    workflow = _workflow(call)
    workflow["status"] = "published" if workflow["published_version"] else "draft"
    return ok(_public(workflow))


async def versions(call: Call) -> Response:
    workflow = _workflow(call)
    return ok(list(reversed(_versions(call.store, workflow["id"]))))


async def rotate_webhook(call: Call) -> Response:
    workflow = _workflow(call)
    hooks = _table(call.store, "hooks")
    for token in [t for t, h in hooks.items() if h["workflow_id"] == workflow["id"]]:
        del hooks[token]
    token = f"wfh_{secrets.token_urlsafe(24)}"
    url = call.request.url
    hook = {"workflow_id": workflow["id"], "token": token, "created_at": iso(now()),
            "url": f"{url.scheme}://{url.netloc}/api/v1/workflows/trigger/{token}"}  # fmt: skip
    hooks[token] = hook
    workflow["webhook_enabled"] = True
    return ok(hook)


async def revoke_webhook(call: Call) -> Response:
    workflow = _workflow(call)
    hooks = _table(call.store, "hooks")
    for token in [t for t, h in hooks.items() if h["workflow_id"] == workflow["id"]]:
        del hooks[token]
    workflow["webhook_enabled"] = False
    return no_content()


async def capabilities(call: Call) -> Response:
    return ok({"node_types": list(NODE_TYPES), "decisions": True, "webhooks": True,
               "schedules": False, "max_steps": 100})  # fmt: skip


async def node_types(call: Call) -> Response:
    return ok([{"type": t, "label": t, "description": d} for t, d in NODE_TYPES.items()])


async def templates(call: Call) -> Response:
    return ok(list(TEMPLATES))


async def usage(call: Call) -> Response:
    runs = list(_table(call.store, "runs").values())
    steps = sum(1 for r in runs for s in r["steps"] if s["status"] not in ("pending",))
    return ok({"period_start": iso(call.store.started_at), "period_end": None,
               "runs": len(runs), "steps": steps, "included_steps": 10_000})  # fmt: skip


# -- runs ----------------------------------------------------------------------------


def _finish(run: JSON, status: str, error: str | None = None) -> None:
    stamp = iso(now())
    run.update(status=status, error=error, finished_at=stamp, updated_at=stamp)


async def _drive(store: Store, run: JSON, start: int) -> None:
    """Walk the steps from `start` until the end, a decision, a failure or a cancel."""
    # A retry or an answer starts a new driver; an older one still asleep must stop.
    run["_generation"] = generation = run.get("_generation", 0) + 1
    run.update(status="running", started_at=run.get("started_at") or iso(now()))
    nodes = run["_nodes"]
    for index in range(start, len(nodes)):
        if run["status"] == "cancelled" or run["_generation"] != generation:
            return
        node, step = nodes[index], run["steps"][index]
        step.update(status="running", started_at=iso(now()), error=None)
        kind = node["type"]
        if kind == "decision":
            step["status"] = "waiting"
            run["status"] = "waiting"
            return
        if kind == "wait":
            await anyio.sleep(min(float(node.get("seconds") or 0), MAX_WAIT))
            if run["_generation"] != generation:
                return
            if run["status"] == "cancelled":
                step.update(status="cancelled", finished_at=iso(now()))
                return
        if kind == "fail":
            message = str(node.get("message") or "the node failed")
            step.update(status="failed", error=message, finished_at=iso(now()))
            _finish(run, "failed", message)
            return
        step.update(status="succeeded", finished_at=iso(now()), output=_output(node))
    run["output"] = run["steps"][-1]["output"] if run["steps"] else None
    _finish(run, "succeeded")


def _output(node: JSON) -> Any:
    if node["type"] == "set":
        return node.get("value")
    if node["type"] == "log":
        return node.get("message")
    return None


def _fresh_steps(nodes: list[JSON]) -> list[JSON]:
    return [
        {"index": i, "node_id": n.get("id") or f"node_{i}", "type": n["type"],
         "status": "pending", "output": None, "error": None, "decision": None,
         "started_at": None, "finished_at": None}
        for i, n in enumerate(nodes)
    ]  # fmt: skip


def start_run(store: Store, workflow: JSON, body: JSON, source: str) -> JSON:
    if workflow["status"] == "paused":
        raise ApiError(409, "WORKFLOW_PAUSED", f"workflow {workflow['id']} is paused")
    wanted = body.get("version") or workflow["published_version"] or workflow["version"]
    version = next((v for v in _versions(store, workflow["id"]) if v["version"] == wanted), None)
    if version is None:
        raise not_found("workflow version", str(wanted))
    nodes = list(version["graph"].get("nodes") or [])
    stamp = iso(now())
    run: JSON = {"id": new_id("wfr"), "workflow_id": workflow["id"], "version": wanted,
                 "status": "queued", "source": source, "input": body.get("input") or {},
                 "output": None, "error": None, "steps": _fresh_steps(nodes),
                 "created_at": stamp, "started_at": None, "finished_at": None,
                 "updated_at": stamp, "_nodes": nodes}  # fmt: skip
    _table(store, "runs")[run["id"]] = run
    store.spawn(_drive, store, run, 0, name=f"workflow run {run['id']}")
    return run


async def run_workflow(call: Call) -> Response:
    run = start_run(call.store, _workflow(call), await call.json(), "api")
    call.resource_id = run["id"]
    return ok(_public(run), 201)


async def trigger(call: Call) -> Response:
    token = call.params["token"]
    hook = _table(call.store, "hooks").get(token)
    workflow = _table(call.store, "defs").get(hook["workflow_id"]) if hook else None
    if workflow is None:
        raise not_found("workflow webhook", token[:8] + "...")
    run = start_run(call.store, workflow, {"input": await call.json()}, "webhook")
    return ok(_public(run), 201)


async def list_runs(call: Call) -> Response:
    wanted = {k: call.query[k] for k in ("workflow_id", "status") if call.query.get(k)}
    runs = [
        _public(r)
        for r in reversed(list(_table(call.store, "runs").values()))
        if all(r.get(k) == v for k, v in wanted.items())
    ]
    limit = call.query.get("limit")
    return ok(runs[: int(limit)] if limit and limit.isdigit() else runs)


def _run(call: Call) -> JSON:
    ident = call.params["run_id"]
    found = _table(call.store, "runs").get(ident)
    if found is None:
        raise not_found("workflow run", ident)
    return found


async def get_run(call: Call) -> Response:
    return ok(_public(_run(call)))


async def cancel_run(call: Call) -> Response:
    run = _run(call)
    if run["status"] in FINAL:
        raise ApiError(409, "RUN_FINISHED", f"the run already {run['status']}")
    for step in run["steps"]:
        if step["status"] in ("running", "waiting"):
            step.update(status="cancelled", finished_at=iso(now()))
    _finish(run, "cancelled")
    return ok(_public(run))


async def retry_run(call: Call) -> Response:
    run = _run(call)
    if run["status"] not in ("failed", "cancelled"):
        raise ApiError(409, "RUN_NOT_RETRYABLE", "only a failed or cancelled run is retried")
    run.update(steps=_fresh_steps(run["_nodes"]), error=None, output=None, finished_at=None,
               status="queued")  # fmt: skip
    call.store.spawn(_drive, call.store, run, 0, name=f"workflow run {run['id']}")
    return ok(_public(run))


def _step(call: Call, run: JSON) -> JSON:
    raw = call.params["step_index"]
    index = int(raw) if raw.isdigit() else -1
    if not 0 <= index < len(run["steps"]):
        raise not_found("workflow step", raw)
    step: JSON = run["steps"][index]
    return step


async def retry_step(call: Call) -> Response:
    run = _run(call)
    step = _step(call, run)
    if step["status"] != "failed":
        raise ApiError(409, "STEP_NOT_FAILED", f"step {step['index']} is {step['status']}")
    # A retried ``fail`` node is taken as fixed: it passes this time.
    run["_nodes"] = [*run["_nodes"]]
    run["_nodes"][step["index"]] = {**run["_nodes"][step["index"]], "type": "log"}
    run.update(error=None, finished_at=None, status="queued")
    call.store.spawn(_drive, call.store, run, step["index"], name=f"workflow run {run['id']}")
    return ok(_public(run))


async def decide_step(call: Call) -> Response:
    run = _run(call)
    step = _step(call, run)
    if step["status"] != "waiting":
        raise ApiError(409, "STEP_NOT_WAITING", f"step {step['index']} is {step['status']}")
    body = await call.json()
    answer = body.get("decision", body.get("value"))
    step.update(status="succeeded", decision=answer, output=answer, finished_at=iso(now()))
    run["status"] = "running"
    call.store.spawn(_drive, call.store, run, step["index"] + 1, name=f"workflow run {run['id']}")
    return ok(_public(run))


def endpoints() -> list[Endpoint]:
    w, r = "/workflows/{workflow_id}", "/workflows/runs/{run_id}"
    return [
        Endpoint("GET", "/workflows", list_workflows),
        Endpoint("POST", "/workflows", create, "workflow.create"),
        Endpoint("GET", "/workflows/capabilities", capabilities),
        Endpoint("GET", "/workflows/node-types", node_types),
        Endpoint("GET", "/workflows/templates", templates),
        Endpoint("GET", "/workflows/usage", usage),
        Endpoint("GET", w, get),
        Endpoint("PATCH", w, update, "workflow.update"),
        Endpoint("DELETE", w, delete, "workflow.delete"),
        Endpoint("POST", w + "/publish", publish, "workflow.publish"),
        Endpoint("POST", w + "/pause", pause, "workflow.pause"),
        Endpoint("POST", w + "/resume", resume, "workflow.resume"),
        Endpoint("POST", w + "/run", run_workflow, "workflow.run"),
        Endpoint("GET", w + "/versions", versions),
        Endpoint("POST", w + "/webhook", rotate_webhook, "workflow.webhook.rotate"),
        Endpoint("DELETE", w + "/webhook", revoke_webhook, "workflow.webhook.revoke"),
        Endpoint("POST", "/workflows/trigger/{token}", trigger, "workflow.trigger", public=True),
        Endpoint("GET", "/workflows/runs", list_runs),
        Endpoint("GET", r, get_run),
        Endpoint("POST", r + "/cancel", cancel_run, "workflow_run.cancel"),
        Endpoint("POST", r + "/retry", retry_run, "workflow_run.retry"),
        Endpoint("POST", r + "/steps/{step_index}/retry", retry_step, "workflow_run.retry"),
        Endpoint("POST", r + "/steps/{step_index}/decision", decide_step, "workflow_run.decide"),
    ]
