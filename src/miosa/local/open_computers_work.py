"""OpenComputers work on hosts: agent sessions, inference clusters, app installs, GitHub
Actions runners and workspaces.

Nothing here runs, as the local server has neither the hosts nor a model (see
``open_computers``). An agent session is ``running`` when dispatched; its event stream
replays ``session_started``, a ``message`` saying no agent ran, then ``done``, and the
session is ``completed`` from then on. A cluster starts ``provisioning`` with its made-up
``inference_url``. An app install is ``installing`` when made and ``installed`` when next
read or streamed (``progress`` events, then ``installed``). Installing the
``github-actions-runner`` app registers a runner on the host, ``provisioning`` until read
(``idle`` from then on); its event stream replays its install ``progress`` and ``ready``.
A workspace is ``creating`` (its clone would run on the host).
"""

from __future__ import annotations

import re
import secrets

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import bad_request, json_response, ok
from .open_computers_hosts import live_host, replay
from .records import Collection, find, records
from .routing import Call, Endpoint

_OC = "/opencomputers"
_HOST = _OC + "/hosts/{host_id}"
_SLUG = re.compile(r"[^a-z0-9]+")

# -- agents --------------------------------------------------------------------------------

SESSIONS = Collection(
    _HOST + "/agent/sessions", "session_id", "ocag", "agent session", verbs=frozenset()
)
_BUDGET_KEYS = ("max_steps", "max_tokens", "timeout_ms")
NO_AGENT = "the local server runs no agent: no model or host is attached"


def _budget(body: JSON) -> dict[str, int | None]:
    budget = optional(body, "budget", dict, default={})
    unknown = set(budget) - set(_BUDGET_KEYS)
    if unknown:
        raise bad_request(f"budget takes only {', '.join(_BUDGET_KEYS)}", field="budget")
    return {k: optional(budget, k, int, low=1) for k in _BUDGET_KEYS}


async def dispatch(call: Call) -> Response:
    """``POST .../hosts/{host_id}/agent/dispatch``: a session, ``running``."""
    host = live_host(call)
    body = await call.json()
    task = require(body, "task", str)
    profile = optional(body, "agent_runtime_profile_id", str) or optional(
        body, "agent_profile_id", str
    )
    optional(body, "skip_agent_runtime_profile", bool)
    stamp = iso(now())
    ident = new_id(SESSIONS.prefix)
    base = str(call.request.base_url).rstrip("/")
    session: JSON = {
        "id": ident,
        "session_id": ident,
        "host_id": host["id"],
        "task": task,
        "model": optional(body, "model", str),
        "model_id": optional(body, "model_id", str),
        "status": "running",
        "tools": optional(body, "tools", list, default=[], items=str),
        "max_turns": optional(body, "max_turns", int, low=1, high=10_000),
        "turns_used": 0,
        **_budget(body),
        "agent_runtime_profile_id": profile,
        "runtime_context": optional(body, "context", dict, default={}),
        "sse_url": f"{base}/api/v1{_OC}/hosts/{host['id']}/agent/sessions/{ident}/events",
        "result_summary": None,
        "error": None,
        "created_at": stamp,
        "updated_at": stamp,
        "started_at": stamp,
        "ended_at": None,
    }
    records(call, SESSIONS)[ident] = session
    call.resource_id = ident
    return json_response({"session": session}, 201)


async def agent_events(call: Call) -> Response:
    """``GET .../agent/sessions/{session_id}/events``: the session's course, then ``done``."""
    live_host(call)
    session = find(call, SESSIONS)
    if session["status"] == "running":
        stamp = iso(now())
        session.update(
            status="completed",
            turns_used=1,
            result_summary=NO_AGENT,
            ended_at=stamp,
            updated_at=stamp,
        )
    ident = session["id"]
    frames = [
        {"type": "session_started", "session_id": ident, "data": {"task": session["task"]}},
        {"type": "message", "session_id": ident, "data": {"role": "system", "text": NO_AGENT}},
        {"type": "done", "session_id": ident, "data": {"status": session["status"]}},
    ]
    return replay(call, [{**frame, "timestamp": session["ended_at"]} for frame in frames])


# -- clusters ------------------------------------------------------------------------------

CLUSTERS = Collection(_OC + "/clusters", "cluster_id", "occl", "cluster", verbs=frozenset())


async def create_cluster(call: Call) -> Response:
    """``POST /opencomputers/clusters``: ``provisioning`` on the given hosts."""
    body = await call.json()
    name = require(body, "name", str)
    model = require(body, "model", str)
    host_ids = require(body, "host_ids", list, items=str)
    if not all(host_ids):
        raise bad_request("host_ids must be host ids", field="host_ids")
    slug = f"{_SLUG.sub('-', name.lower()).strip('-')[:40] or 'cluster'}-{new_id('x', 3)[2:]}"
    stamp = iso(now())
    base = str(call.request.base_url).rstrip("/")
    cluster: JSON = {
        "id": new_id(CLUSTERS.prefix),
        "name": name,
        "model": model,
        "slug": slug,
        "status": "provisioning",
        "host_ids": list(dict.fromkeys(host_ids)),
        "inference_url": f"{base}/inference/{slug}/v1",
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, CLUSTERS)[cluster["id"]] = cluster
    call.resource_id = cluster["id"]
    return ok(cluster, 201)


# -- app installs and GitHub Actions runners -----------------------------------------------

INSTALLS = Collection(
    _HOST + "/apps/installs", "install_id", "ocinst", "app install", verbs=frozenset()
)
RUNNERS = Collection(
    _HOST + "/gha-runners", "runner_id", "ocgha", "GitHub Actions runner", verbs=frozenset()
)
RUNNER_APP = "github-actions-runner"
RUNNER_VERSION = "2.321.0"
_STEPS = ("download", "configure", "start")


def _register_runner(call: Call, install: JSON) -> None:
    """The runner a ``github-actions-runner`` install puts on its host."""
    table = records(call, RUNNERS)
    count = sum(1 for r in table.values() if r["host_id"] == install["host_id"])
    stamp = iso(now())
    runner = {
        "id": new_id(RUNNERS.prefix),
        "name": f"{install['host_id']}-runner-{count + 1}",
        "repo_url": None,
        "labels": ["self-hosted", "linux", "x64"],
        "ephemeral": False,
        "state": "provisioning",
        "gh_runner_id": None,
        "installed_version": RUNNER_VERSION,
        "current_job": None,
        "host_id": install["host_id"],
        "install_id": install["id"],
        "last_activity_at": stamp,
        "created_at": stamp,
    }
    table[runner["id"]] = runner


def _installed(call: Call, install: JSON) -> JSON:
    """An install being made is ``installed`` when next read."""
    if install["status"] == "installing":
        install.update(status="installed", updated_at=iso(now()))
        if install["app_id"] == RUNNER_APP:
            _register_runner(call, install)
    return install


async def install_app(call: Call) -> Response:
    """``POST .../hosts/{host_id}/apps/{app_id}/install``: ``installing``."""
    host = live_host(call)
    await call.json()
    stamp = iso(now())
    install = {
        "id": new_id(INSTALLS.prefix),
        "host_id": host["id"],
        "app_id": call.params["app_id"],
        "status": "installing",
        "error": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, INSTALLS)[install["id"]] = install
    call.resource_id = install["id"]
    return ok(install, 201)


def _install(call: Call) -> JSON:
    live_host(call)
    return _installed(call, find(call, INSTALLS))


async def get_install(call: Call) -> Response:
    """``GET .../apps/installs/{install_id}``."""
    return ok(_install(call))


async def install_events(call: Call) -> Response:
    """``GET .../apps/installs/{install_id}/events``: its steps, then ``installed``."""
    install = _install(call)
    ident = install["id"]
    frames: list[JSON] = [
        {"type": "progress", "install_id": ident, "data": {"step": step}} for step in _STEPS
    ]
    frames.append(
        {"type": install["status"], "install_id": ident, "data": {"app_id": install["app_id"]}}
    )
    return replay(call, [{**frame, "timestamp": install["updated_at"]} for frame in frames])


def _ready(runner: JSON) -> JSON:
    """A runner being set up is ``idle`` (registered, no job) when next read."""
    if runner["state"] == "provisioning":
        runner.update(state="idle", gh_runner_id=secrets.randbelow(10**6) + 1)
    return runner


async def list_runners(call: Call) -> Response:
    """``GET .../hosts/{host_id}/gha-runners``: ``{"runners": [...]}``."""
    host = live_host(call)
    mine = [_ready(r) for r in records(call, RUNNERS).values() if r["host_id"] == host["id"]]
    return json_response({"runners": mine})


def _runner(call: Call) -> JSON:
    live_host(call)
    return _ready(find(call, RUNNERS))


async def get_runner(call: Call) -> Response:
    """``GET .../gha-runners/{runner_id}``: ``{"runner": {...}}``."""
    return json_response({"runner": _runner(call)})


async def refresh_runner(call: Call) -> Response:
    """``POST .../gha-runners/{runner_id}/refresh``: GitHub is not asked; the check is
    stamped."""
    runner = _runner(call)
    await call.json()
    runner["last_activity_at"] = iso(now())
    return json_response({"ok": True, "runner": runner})


async def runner_events(call: Call) -> Response:
    """``GET .../gha-runners/{runner_id}/events``: install ``progress``, then ``ready``."""
    runner = _runner(call)
    frames: list[JSON] = [{"type": "progress", "step": step} for step in _STEPS]
    frames.append({"type": "ready", "runner_id": runner["id"], "state": runner["state"]})
    return replay(call, frames)


# -- workspaces ----------------------------------------------------------------------------

WORKSPACES = Collection(
    _HOST + "/workspaces", "workspace_id", "ocws", "workspace", verbs=frozenset()
)


async def create_workspace(call: Call) -> Response:
    """``POST .../hosts/{host_id}/workspaces``: ``creating`` (the clone would run on the
    host)."""
    host = live_host(call)
    body = await call.json()
    name = require(body, "name", str)
    stamp = iso(now())
    workspace = {
        "id": new_id(WORKSPACES.prefix),
        "host_id": host["id"],
        "name": name,
        "repo_url": optional(body, "repo_url", str),
        "branch": optional(body, "branch", str),
        "status": "creating",
        "directory": optional(body, "directory", str, f"~/workspaces/{_SLUG.sub('-', name)}"),
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, WORKSPACES)[workspace["id"]] = workspace
    call.resource_id = workspace["id"]
    return ok(workspace, 201)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("POST", _HOST + "/agent/dispatch", dispatch, "agent session.dispatch"),
        Endpoint("GET", SESSIONS.item_path + "/events", agent_events),
        Endpoint("POST", CLUSTERS.path, create_cluster, "cluster.create"),
        Endpoint("POST", _HOST + "/apps/{app_id}/install", install_app, "app.install"),
        Endpoint("GET", INSTALLS.item_path, get_install),
        Endpoint("GET", INSTALLS.item_path + "/events", install_events),
        Endpoint("GET", RUNNERS.path, list_runners),
        Endpoint("GET", RUNNERS.item_path, get_runner),
        Endpoint("GET", RUNNERS.item_path + "/events", runner_events),
        Endpoint("POST", RUNNERS.item_path + "/refresh", refresh_runner, "gha runner.refresh"),
        Endpoint("POST", WORKSPACES.path, create_workspace, "workspace.create"),
    ]
