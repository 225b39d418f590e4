"""Builder apps: documents, candidate releases, approvals, publishing, the workspace and
runtime data planes, and automation runs.

The release rules are kept: publishing needs an approval of the latest candidate that has
not been revoked; the runtime data plane and runtime bindings exist only once a release
is published; an automation run is claimed once (``queued`` -> ``running``) and then
completed or failed. Lists answer ``data`` with a sibling ``total``.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import ApiError, json_response, no_content, not_found, ok
from .records import Collection, crud_endpoints, records
from .routing import Call, Endpoint

APPS = Collection(
    "/builder/apps",
    "app_id",
    "bapp",
    "builder app",
    verbs=frozenset({"create", "get", "update"}),
    update=("PATCH",),
    defaults={
        "name": None,
        "status": "draft",
        "components": {},
        "published_release_id": None,
        "deployment_id": None,
        "metadata": {},
        "archived_at": None,
    },
)
APPROVALS = "builder-app-approvals"  # id -> approval
CANDIDATES = "builder-app-candidates"  # app id -> [candidate, ...]
DATA = "builder-app-data"  # "{plane}/{app}/{collection}" -> {key: record}
RUNS = "builder-app-runs"  # id -> run


def _table(call: Call, name: str) -> dict[str, Any]:
    return call.store.records.setdefault(name, {})


def _app(call: Call) -> JSON:
    """The app named by the path, whatever else the path holds."""
    app = records(call, APPS).get(call.params["app_id"])
    if app is None or app.get("archived_at") is not None:
        raise not_found("builder app", call.params["app_id"])
    return app


def _public(app: JSON) -> JSON:
    return {k: v for k, v in app.items() if k != "components"}


def _listing(items: list[JSON]) -> Response:
    return json_response({"data": items, "total": len(items)})


async def list_apps(call: Call) -> Response:
    """``GET /builder/apps``: live apps, ``data`` and ``total``."""
    live = [_public(a) for a in records(call, APPS).values() if a.get("archived_at") is None]
    return _listing(live)


async def archive_app(call: Call) -> Response:
    """``DELETE /builder/apps/{app_id}``: archived, 204."""
    _app(call)["archived_at"] = iso(now())
    return no_content()


async def diagnostics(call: Call) -> Response:
    """``GET .../diagnostics``: ready once it has a name and a component."""
    app = _app(call)
    checks = [
        {"id": "name", "ok": bool(app.get("name")), "message": "the app has a name"},
        {"id": "components", "ok": bool(app["components"]), "message": "it has a component"},
    ]
    return ok({"app_id": app["id"], "ready": all(c["ok"] for c in checks), "checks": checks})


async def component(call: Call) -> Response:
    """``GET .../components/{name}``: components come from ``components`` on the app."""
    app = _app(call)
    name = call.params["name"]
    found = app["components"].get(name)
    if found is None:
        raise not_found("component", name)
    return ok({"name": name, **found})


async def stage_candidate(call: Call) -> Response:
    """``POST .../candidates``: a release built from the app as it is now."""
    app = _app(call)
    await call.json()
    digest = hashlib.sha256(repr(sorted(app["components"].items())).encode()).hexdigest()
    candidate = {
        "deployment_id": app["deployment_id"] or f"dep_{app['id']}",
        "deployment_version_id": new_id("dver"),
        "release_id": new_id("rls"),
        "artifact_digest": f"sha256:{digest}",
        "source_digest": f"sha256:{digest[::-1]}",
    }
    app["deployment_id"] = candidate["deployment_id"]
    _table(call, CANDIDATES).setdefault(app["id"], []).append(candidate)
    return ok(candidate, 201)


def _latest(call: Call, app: JSON) -> JSON:
    staged = _table(call, CANDIDATES).get(app["id"])
    if not staged:
        raise ApiError(409, "NO_CANDIDATE", "stage a candidate release first")
    latest: JSON = staged[-1]
    return latest


async def approve(call: Call) -> Response:
    """``POST .../approvals``: approves the latest candidate (or ``release_id``)."""
    app = _app(call)
    body = await call.json()
    release = body.get("release_id") or _latest(call, app)["release_id"]
    approval = {
        "id": new_id("appr"),
        "app_id": app["id"],
        "release_id": release,
        "status": "approved",
        "approved_by": "local",
        "note": body.get("note"),
        "created_at": iso(now()),
        "revoked_at": None,
    }
    _table(call, APPROVALS)[approval["id"]] = approval
    return ok(approval, 201)


async def revoke_approval(call: Call) -> Response:
    """``POST .../approvals/{approval_id}/revoke``."""
    app = _app(call)
    approval = _table(call, APPROVALS).get(call.params["approval_id"])
    if approval is None or approval["app_id"] != app["id"]:
        raise not_found("approval", call.params["approval_id"])
    approval.update(status="revoked", revoked_at=iso(now()))
    return ok(approval)


async def publish(call: Call) -> Response:
    """``POST .../publish``: the latest candidate, when an approval of it stands."""
    app = _app(call)
    release = _latest(call, app)["release_id"]
    approved = any(
        a["app_id"] == app["id"] and a["release_id"] == release and a["status"] == "approved"
        for a in _table(call, APPROVALS).values()
    )
    if not approved:
        raise ApiError(409, "APPROVAL_REQUIRED", f"release {release} has no standing approval")
    app.update(status="published", published_release_id=release, updated_at=iso(now()))
    return ok({"app": _public(app), "deployment_id": app["deployment_id"], "release_id": release})


def _published(app: JSON) -> str:
    release = app.get("published_release_id")
    if not release:
        raise ApiError(409, "NOT_PUBLISHED", "the app has no published release")
    return str(release)


async def runtime_token(call: Call) -> Response:
    """``POST .../runtime-token``: a callback token for the published release."""
    app = _app(call)
    release = _published(app)
    token = f"bat_{secrets.token_hex(16)}"
    return ok(
        {"token": token, "app_document_id": app["id"], "release_id": release, "expires_in": 3600}
    )


async def runtime_binding(call: Call) -> Response:
    """``GET .../runtime/bindings/{binding_id}``: bindings come from the app's
    ``metadata.bindings`` and resolve only once published."""
    app = _app(call)
    _published(app)
    bindings = (app.get("metadata") or {}).get("bindings") or {}
    ident = call.params["binding_id"]
    if ident not in bindings:
        raise not_found("runtime binding", ident)
    return ok({"id": ident, **bindings[ident]})


# -- data planes ----------------------------------------------------------------------------


def _plane(runtime: bool) -> Any:
    """The four record handlers of one data plane (the runtime one needs a release)."""

    def table(call: Call) -> dict[str, JSON]:
        app = _app(call)
        if runtime:
            _published(app)
        name = f"{'runtime' if runtime else 'workspace'}/{app['id']}/{call.params['collection']}"
        rows: dict[str, JSON] = _table(call, DATA).setdefault(name, {})
        return rows

    async def list_records(call: Call) -> Response:
        return _listing(list(table(call).values()))

    async def get_record(call: Call) -> Response:
        record = table(call).get(call.params["key"])
        if record is None:
            raise not_found("record", call.params["key"])
        return ok(record)

    async def put_record(call: Call) -> Response:
        rows = table(call)
        key, body = call.params["key"], await call.json()
        old = rows.get(key)
        stamp = iso(now())
        rows[key] = {
            "collection": call.params["collection"],
            "key": key,
            "data": body,
            "version": (old["version"] + 1) if old else 1,
            "created_at": old["created_at"] if old else stamp,
            "updated_at": stamp,
        }
        return ok(rows[key])

    async def delete_record(call: Call) -> Response:
        if table(call).pop(call.params["key"], None) is None:
            raise not_found("record", call.params["key"])
        return no_content()

    return list_records, get_record, put_record, delete_record


# -- automation runs --------------------------------------------------------------------------


async def list_runs(call: Call) -> Response:
    """``GET .../automation-runs``."""
    app = _app(call)
    return _listing([r for r in _table(call, RUNS).values() if r["app_id"] == app["id"]])


async def run_automation(call: Call) -> Response:
    """``POST .../automations/{automation_id}/runs``: a queued run."""
    app = _app(call)
    body = await call.json()
    stamp = iso(now())
    run = {
        "id": new_id("arun"),
        "app_id": app["id"],
        "automation_id": call.params["automation_id"],
        "status": "queued",
        "input": body.get("input", body),
        "output": None,
        "error": None,
        "claimed_by": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    _table(call, RUNS)[run["id"]] = run
    return ok(run, 201)


def _step(verb: str, wanted: str, after: str) -> Any:
    async def handler(call: Call) -> Response:
        app = _app(call)
        run = _table(call, RUNS).get(call.params["run_id"])
        if run is None or run["app_id"] != app["id"]:
            raise not_found("automation run", call.params["run_id"])
        if run["status"] != wanted:
            raise ApiError(409, "RUN_STATE", f"cannot {verb} a {run['status']} run")
        body = await call.json()
        run.update(status=after, updated_at=iso(now()))
        if verb == "claim":
            run["claimed_by"] = body.get("worker_id", "local")
        elif verb == "complete":
            run["output"] = body.get("output", body)
        else:
            run["error"] = str(body.get("error", "failed"))
        return ok(run)

    return handler


def endpoints() -> list[Endpoint]:
    item = APPS.item_path
    ws_list, ws_get, ws_put, ws_delete = _plane(runtime=False)
    rt_list, rt_get, rt_put, rt_delete = _plane(runtime=True)
    data, runtime = item + "/data/{collection}", item + "/runtime/data/{collection}"
    runs = item + "/automation-runs/{run_id}"
    return [
        *crud_endpoints([APPS]),
        Endpoint("GET", APPS.path, list_apps),
        Endpoint("DELETE", item, archive_app, "builder_app.delete"),
        Endpoint("GET", item + "/diagnostics", diagnostics),
        Endpoint("GET", item + "/components/{name}", component),
        Endpoint("POST", item + "/candidates", stage_candidate, "builder_app.stage_candidate"),
        Endpoint("POST", item + "/approvals", approve, "builder_app.approve"),
        Endpoint(
            "POST",
            item + "/approvals/{approval_id}/revoke",
            revoke_approval,
            "builder_app.revoke_approval",
        ),
        Endpoint("POST", item + "/publish", publish, "builder_app.publish"),
        Endpoint("POST", item + "/runtime-token", runtime_token, "builder_app.runtime_token"),
        Endpoint("GET", item + "/runtime/bindings/{binding_id}", runtime_binding),
        Endpoint("GET", data, ws_list),
        Endpoint("GET", data + "/{key}", ws_get),
        Endpoint("PUT", data + "/{key}", ws_put, "builder_app.data.put"),
        Endpoint("DELETE", data + "/{key}", ws_delete, "builder_app.data.delete"),
        Endpoint("GET", runtime, rt_list),
        Endpoint("GET", runtime + "/{key}", rt_get),
        Endpoint("PUT", runtime + "/{key}", rt_put, "builder_app.runtime_data.put"),
        Endpoint("DELETE", runtime + "/{key}", rt_delete, "builder_app.runtime_data.delete"),
        Endpoint("GET", item + "/automation-runs", list_runs),
        Endpoint(
            "POST", item + "/automations/{automation_id}/runs", run_automation, "automation.run"
        ),
        Endpoint(
            "POST", runs + "/claim", _step("claim", "queued", "running"), "automation_run.claim"
        ),
        Endpoint(
            "POST",
            runs + "/complete",
            _step("complete", "running", "succeeded"),
            "automation_run.complete",
        ),
        Endpoint("POST", runs + "/fail", _step("fail", "running", "failed"), "automation_run.fail"),
    ]
