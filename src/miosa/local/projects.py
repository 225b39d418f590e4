"""Projects, their environments and shared variables, and their services with releases,
variables, build logs, domains, previews, log drains, password protection and WAF rules.

Plain records live in the generic store; the behaviour a client can observe is written
out here: a project's first environment read creates ``production``; a release moves
``queued`` -> ``building`` -> ``active`` one step per read (so a wait polls a few times),
and a source whose ``ref`` contains ``fail`` ends ``failed`` with a reason; variable
values are masked except on reveal; writing a variable marks the service's
``pending_changes`` until the next deploy; secrets and share tokens are shown once.
"""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, json_response, no_content, not_found, ok, page_response
from .records import Collection, crud_endpoints, echo, find, records
from .routing import Call, Endpoint

PROJECTS = Collection(
    "/projects",
    "project_id",
    "prj",
    "project",
    verbs=frozenset({"create", "get", "update"}),
    update=("PATCH",),
    required=("name",),
    defaults={
        "description": None,
        "slug": None,
        "workspace_id": None,
        "is_default": False,
        "metadata": {},
    },
    filters=("workspace_id",),
)
ENVIRONMENTS = Collection(
    "/projects/{project_id}/environments",
    "environment_id",
    "env",
    "environment",
    verbs=frozenset({"update"}),
    update=("PATCH",),
)
SERVICES = Collection(
    "/services", "service_id", "svc", "service", verbs=frozenset({"get"}), update=("PATCH",)
)
RELEASES = Collection("/service-deployments", "release_id", "rel", "release")
DOMAINS = Collection(
    "/projects/{project_id}/services/{service_id}/domains",
    "domain_id",
    "dom",
    "domain",
    verbs=frozenset({"delete"}),
)
DRAINS = Collection(
    "/projects/{project_id}/environments/{environment_id}/log-drains",
    "drain_id",
    "drn",
    "log drain",
    verbs=frozenset({"list", "delete"}),
)
PREVIEWS = Collection(
    "/projects/{project_id}/previews",
    "preview_id",
    "prv",
    "preview",
    verbs=frozenset({"list", "delete"}),
)
SHARE_LINKS = Collection(
    "/projects/{project_id}/services/{service_id}/share-links", "link_id", "msl", "share link"
)

# Tables that are not records of a collection: id -> value.
SHARED_VARS = "shared-variables"  # "{project_id}/{environment_id}" -> {name: value}
SERVICE_VARS = "service-variables"  # service_id -> {name: value}
WAF = "service-waf"  # service_id -> rules
PROTECTION = "service-protection"  # service_id -> {"password": ...}

KINDS = ("server", "worker", "cron", "static", "database")
LIVE = ("active", "sleeping")
FINAL = ("failed", "canceled", "stopped", "removed")
NEXT_STATE = {"queued": "building", "building": "active"}
TEMPLATES: tuple[JSON, ...] = (
    {
        "slug": "nextjs-postgres",
        "name": "Next.js + Postgres",
        "description": "A Next.js web service with a Postgres database.",
        "services": [
            {"name": "web", "kind": "server", "source": {"type": "image", "ref": "node:22"}},
            {
                "name": "Postgres",
                "kind": "database",
                "source": {"type": "image", "ref": "postgres:17"},
            },
        ],
    },
    {
        "slug": "redis",
        "name": "Redis",
        "description": "A private Redis service.",
        "services": [
            {"name": "Redis", "kind": "database", "source": {"type": "image", "ref": "redis:7"}}
        ],
    },
)
SETTING_CAPABILITIES = {
    "start_command": {"status": "enforced"},
    "replicas": {"status": "enforced"},
    "region": {"status": "stored"},
    "health_check_path": {"status": "stored"},
    "shape": {"status": "unsupported"},
}


def _table(call: Call, name: str) -> dict[str, Any]:
    return call.store.records.setdefault(name, {})


def _mask(value: str) -> str:
    return value[:2] + "***" if len(value) > 4 else "***"


def _stamp(record: JSON) -> JSON:
    record["updated_at"] = iso(now())
    return record


# -- projects --------------------------------------------------------------------------


def _by_id(call: Call, collection: Collection) -> JSON:
    """The record named by the collection's id parameter, whatever else the path holds
    (``find`` also matches the other path parameters against the record's fields)."""
    ident = call.params[collection.id_param]
    record = records(call, collection).get(ident)
    if record is None:
        raise not_found(collection.name, ident)
    return record


def _project(call: Call) -> JSON:
    return _by_id(call, PROJECTS)


async def list_projects(call: Call) -> Response:
    """``GET /projects``: every project, or one workspace's."""
    wanted = call.query.get("workspace_id")
    items = [
        p for p in records(call, PROJECTS).values() if not wanted or p["workspace_id"] == wanted
    ]
    return page_response(items, call.query)


async def delete_project(call: Call) -> Response:
    """``DELETE /projects/{project_id}``: refused for the default project."""
    project = _project(call)
    if project.get("is_default"):
        raise ApiError(409, "DEFAULT_PROJECT", "the workspace's default project cannot be deleted")
    del records(call, PROJECTS)[project["id"]]
    for service_id in [s["id"] for s in _services_of(call, project["id"])]:
        del records(call, SERVICES)[service_id]
    return no_content()


async def move_project(call: Call) -> Response:
    """``POST /projects/{project_id}/move``: a new workspace for the project."""
    project = _project(call)
    target = (await call.json()).get("target_workspace_id")
    if not isinstance(target, str) or not target:
        raise bad_request("target_workspace_id is required", field="target_workspace_id")
    project["workspace_id"] = target
    return ok(_stamp(project))


async def project_summary(call: Call) -> Response:
    """``GET /projects/{project_id}/summary``: the project, its environments and services."""
    project = _project(call)
    return ok(
        {
            **project,
            "environments": _environments(call, project["id"]),
            "services": _services_of(call, project["id"]),
        }
    )


# -- environments ----------------------------------------------------------------------


def _new_environment(call: Call, project_id: str, name: str, **fields: Any) -> JSON:
    stamp = iso(now())
    env: JSON = {
        "id": new_id("env"),
        "project_id": project_id,
        "name": name,
        "slug": fields.get("slug") or name.lower().replace(" ", "-"),
        "kind": fields.get("kind") or "development",
        "is_default": bool(fields.get("is_default")),
        "created_at": stamp,
        "updated_at": stamp,
        "deleted_at": None,
    }
    records(call, ENVIRONMENTS)[env["id"]] = env
    return env


def _environments(call: Call, project_id: str) -> list[JSON]:
    """A project's live environments; the first read creates ``production``."""
    mine = [
        e
        for e in records(call, ENVIRONMENTS).values()
        if e["project_id"] == project_id and e.get("deleted_at") is None
    ]
    if not mine:
        mine = [
            _new_environment(call, project_id, "production", kind="production", is_default=True)
        ]
    return mine


def _environment(call: Call, project_id: str, ref: str | None) -> JSON:
    """An environment by id or name; the default one when ``ref`` is empty."""
    envs = _environments(call, project_id)
    if not ref:
        return next((e for e in envs if e["is_default"]), envs[0])
    for env in envs:
        if ref in (env["id"], env["name"], env["slug"]):
            return env
    raise not_found("environment", ref)


async def list_environments(call: Call) -> Response:
    """``GET /projects/{project_id}/environments``."""
    return ok(_environments(call, _project(call)["id"]))


async def create_environment(call: Call) -> Response:
    """``POST /projects/{project_id}/environments``."""
    project = _project(call)
    body = await call.json()
    name = body.get("name")
    if not isinstance(name, str) or not name:
        raise bad_request("name is required", field="name")
    if any(e["name"] == name for e in _environments(call, project["id"])):
        raise ApiError(409, "ENVIRONMENT_EXISTS", f"environment {name!r} already exists")
    env = _new_environment(call, project["id"], name, slug=body.get("slug"), kind=body.get("kind"))
    call.resource_id = env["id"]
    return ok(env, 201)


def _live_environment(call: Call) -> JSON:
    env = find(call, ENVIRONMENTS)
    if env.get("deleted_at") is not None:
        raise not_found("environment", env["id"])
    return env


async def delete_environment(call: Call) -> Response:
    """``DELETE .../environments/{environment_id}``: soft, and never the default one."""
    env = _live_environment(call)
    if env["is_default"]:
        raise ApiError(409, "DEFAULT_ENVIRONMENT", "the default environment cannot be deleted")
    env["deleted_at"] = iso(now())
    return no_content()


async def duplicate_environment(call: Call) -> Response:
    """``POST .../duplicate``: a new environment with the source's shared variable names
    (values generated afresh) and copies of its services."""
    source = _live_environment(call)
    name = (await call.json()).get("name")
    if not isinstance(name, str) or not name:
        raise bad_request("name is required", field="name")
    env = _new_environment(call, source["project_id"], name, kind=source["kind"])
    shared = _table(call, SHARED_VARS)
    old = shared.get(f"{source['project_id']}/{source['id']}", {})
    shared[f"{env['project_id']}/{env['id']}"] = {k: secrets.token_hex(8) for k in old}
    for service in _services_of(call, source["project_id"], source["id"]):
        _new_service(call, {**service, "environment_id": env["id"]})
    return ok(env, 201)


async def sync_environment(call: Call) -> Response:
    """``POST .../sync``: shared variables the source has and this one lacks or holds
    differently; with ``apply`` they are written. Nothing is removed."""
    env = _live_environment(call)
    body = await call.json()
    source_id = body.get("from_environment_id")
    if not isinstance(source_id, str) or not source_id:
        raise bad_request("from_environment_id is required", field="from_environment_id")
    source = _environment(call, env["project_id"], source_id)
    shared = _table(call, SHARED_VARS)
    theirs = shared.get(f"{env['project_id']}/{source['id']}", {})
    mine = shared.setdefault(f"{env['project_id']}/{env['id']}", {})
    changes = [
        {"type": "shared_variable", "name": k, "action": "add" if k not in mine else "change"}
        for k, v in sorted(theirs.items())
        if mine.get(k) != v
    ]
    applied = bool(body.get("apply"))
    if applied:
        mine.update(theirs)
    return ok(
        {
            "environment_id": env["id"],
            "from_environment_id": source["id"],
            "applied": applied,
            "changes": changes,
        }
    )


# -- shared variables ------------------------------------------------------------------


def _shared(call: Call, env_ref: str | None) -> tuple[JSON, dict[str, str]]:
    project = _project(call)
    env = _environment(call, project["id"], env_ref)
    return env, _table(call, SHARED_VARS).setdefault(f"{project['id']}/{env['id']}", {})


def _masked(values: dict[str, str], **extra: Any) -> list[JSON]:
    return [{"name": k, "preview": _mask(v), **extra} for k, v in sorted(values.items())]


def _variables_in(body: JSON) -> dict[str, str]:
    """``variables`` as ``{name: value}`` from an object or a list of ``{name, value}``."""
    given = body.get("variables")
    if isinstance(given, dict):
        pairs = list(given.items())
    elif isinstance(given, list) and all(isinstance(v, dict) for v in given):
        pairs = [(v.get("name"), v.get("value")) for v in given]
    else:
        raise bad_request("variables must be an object or a list of {name, value}")
    if not all(isinstance(k, str) and k and isinstance(v, str) for k, v in pairs):
        raise bad_request("every variable needs a name and a string value", field="variables")
    return dict(pairs)


async def list_shared(call: Call) -> Response:
    """``GET /projects/{project_id}/shared-variables``: masked."""
    env, values = _shared(call, call.query.get("env"))
    return ok(_masked(values, environment_id=env["id"]))


async def set_shared(call: Call) -> Response:
    """``PUT /projects/{project_id}/shared-variables``: merge, answer the masked list."""
    body = await call.json()
    env, values = _shared(call, body.get("env"))
    values.update(_variables_in(body))
    return ok(_masked(values, environment_id=env["id"]))


async def delete_shared(call: Call) -> Response:
    """``DELETE /projects/{project_id}/shared-variables/{name}``."""
    _, values = _shared(call, call.query.get("env"))
    name = call.params["name"]
    if name not in values:
        raise not_found("shared variable", name)
    del values[name]
    return no_content()


# -- templates -------------------------------------------------------------------------


def _template(slug: str) -> JSON:
    found = next((t for t in TEMPLATES if t["slug"] == slug), None)
    if found is None:
        raise not_found("project template", slug)
    return found


async def get_template(call: Call) -> Response:
    """``GET /project-templates/{slug}``."""
    return ok(_template(call.params["slug"]))


async def apply_template(call: Call) -> Response:
    """``POST /projects/{project_id}/templates/{slug}/apply``: the template's services in
    one step, each with a queued release unless ``deploy=false``."""
    project = _project(call)
    template = _template(call.params["slug"])
    env = _environment(call, project["id"], call.query.get("env"))
    deploy = call.query.get("deploy", "true").lower() != "false"
    made = [
        _new_service(call, {**spec, "project_id": project["id"], "environment_id": env["id"]})
        for spec in template["services"]
    ]
    releases = [_new_release(call, s, "template") for s in made] if deploy else []
    return ok(
        {
            "template": template["slug"],
            "environment_id": env["id"],
            "services": made,
            "releases": releases,
        }
    )


# -- services --------------------------------------------------------------------------


def _services_of(call: Call, project_id: str, environment_id: str | None = None) -> list[JSON]:
    return [
        s
        for s in records(call, SERVICES).values()
        if s["project_id"] == project_id
        and (environment_id is None or s["environment_id"] == environment_id)
    ]


def _new_service(call: Call, fields: JSON) -> JSON:
    stamp = iso(now())
    service: JSON = {
        "slug": str(fields["name"]).lower().replace(" ", "-"),
        "source": None,
        "build": None,
        "settings": {},
        "template_ref": None,
        "public_url": None,
        "private_url": None,
        "pending_changes": None,
        **{k: v for k, v in fields.items() if k not in ("id", "created_at", "updated_at")},
        "id": new_id("svc"),
        "lock_version": 1,
        "created_at": stamp,
        "updated_at": stamp,
    }
    service["private_url"] = f"http://{service['slug']}.internal:8080"
    records(call, SERVICES)[service["id"]] = service
    return service


def _service(call: Call) -> JSON:
    return _by_id(call, SERVICES)


def _nested_service(call: Call) -> JSON:
    """``/projects/{project_id}/services/{service_id}/...``: the service, of that project."""
    service = records(call, SERVICES).get(call.params["service_id"])
    if service is None or service["project_id"] != call.params["project_id"]:
        raise not_found("service", call.params["service_id"])
    return service


async def list_services(call: Call) -> Response:
    """``GET /projects/{project_id}/services``: one environment's services."""
    project = _project(call)
    env = _environment(call, project["id"], call.query.get("env"))
    return ok(_services_of(call, project["id"], env["id"]))


async def create_service(call: Call) -> Response:
    """``POST /projects/{project_id}/services``."""
    project = _project(call)
    env = _environment(call, project["id"], call.query.get("env"))
    body = await call.json()
    name, kind = body.get("name"), body.get("kind")
    if not isinstance(name, str) or not name:
        raise bad_request("name is required", field="name")
    if kind not in KINDS:
        raise bad_request(f"kind must be one of {', '.join(KINDS)}", field="kind")
    service = _new_service(call, {**body, "project_id": project["id"], "environment_id": env["id"]})
    call.resource_id = service["id"]
    return ok(service, 201)


async def update_service(call: Call) -> Response:
    """``PATCH /services/{service_id}``: settings merge (null removes), lock_version checked."""
    service = _service(call)
    body = await call.json()
    expected = body.get("lock_version")
    if expected is not None and expected != service["lock_version"]:
        raise ApiError(
            409,
            "STALE_SERVICE",
            f"service changed since lock_version {expected} (now {service['lock_version']})",
        )
    if "name" in body:
        service["name"] = body["name"]
    if "source" in body:
        service["source"] = body["source"]
    if isinstance(body.get("settings"), dict):
        merged = {**(service["settings"] or {}), **body["settings"]}
        service["settings"] = {k: v for k, v in merged.items() if v is not None}
    service["lock_version"] += 1
    return ok(_stamp(service))


async def delete_service(call: Call) -> Response:
    """``DELETE /services/{service_id}``."""
    service = _service(call)
    del records(call, SERVICES)[service["id"]]
    return no_content()


# -- releases --------------------------------------------------------------------------


def _new_release(call: Call, service: JSON, trigger: str, **fields: Any) -> JSON:
    mine = [r for r in records(call, RELEASES).values() if r["service_id"] == service["id"]]
    stamp = iso(now())
    release: JSON = {
        "id": new_id("rel"),
        "service_id": service["id"],
        "number": len(mine) + 1,
        "state": "queued",
        "reason": None,
        "message": fields.get("message"),
        "source": fields.get("source") or service.get("source"),
        "settings": dict(service.get("settings") or {}),
        "trigger": trigger,
        "image": None,
        "created_at": stamp,
        "updated_at": stamp,
        "finished_at": None,
        "events": [{"state": "queued", "created_at": stamp}],
    }
    records(call, RELEASES)[release["id"]] = release
    service["pending_changes"] = None
    return _public_release(release)


def _public_release(release: JSON) -> JSON:
    return {k: v for k, v in release.items() if k != "events"}


def _move(release: JSON, state: str, reason: JSON | None = None) -> None:
    stamp = iso(now())
    release.update(state=state, reason=reason, updated_at=stamp)
    if state in LIVE or state in FINAL:
        release["finished_at"] = stamp
    release["events"].append({"state": state, "reason": reason, "created_at": stamp})


def _advance(release: JSON) -> None:
    """One step along queued -> building -> active (or failed, for a failing source)."""
    state = release["state"]
    if state not in NEXT_STATE:
        return
    ref = str((release.get("source") or {}).get("ref", ""))
    if state == "building" and "fail" in ref:
        _move(release, "failed", {"code": "BUILD_FAILED", "detail": f"build of {ref} failed"})
        return
    _move(release, NEXT_STATE[state])
    if release["state"] == "active":
        release["image"] = f"registry.local/{release['service_id']}:{release['number']}"


def _release_of_service(call: Call) -> JSON:
    service = _service(call)
    release = records(call, RELEASES).get(call.params["release_id"])
    if release is None or release["service_id"] != service["id"]:
        raise not_found("release", call.params["release_id"])
    return release


async def list_releases(call: Call) -> Response:
    """``GET /services/{service_id}/deployments``: newest first."""
    service = _service(call)
    mine = [r for r in records(call, RELEASES).values() if r["service_id"] == service["id"]]
    return ok([_public_release(r) for r in sorted(mine, key=lambda r: -int(r["number"]))])


async def get_release(call: Call) -> Response:
    """``GET /services/{service_id}/deployments/{release_id}``: each read moves it a step."""
    release = _release_of_service(call)
    _advance(release)
    return ok(_public_release(release))


async def release_events(call: Call) -> Response:
    """``GET /services/{service_id}/deployments/{release_id}/events``."""
    release = _release_of_service(call)
    return ok(
        [
            {"id": f"{release['id']}_{i}", "release_id": release["id"], **event}
            for i, event in enumerate(release["events"])
        ]
    )


def _release_verb(trigger: str) -> Any:
    async def handler(call: Call) -> Response:
        service = _service(call)
        body = await call.json()
        if trigger == "start" and any(
            r["service_id"] == service["id"] and r["state"] in LIVE
            for r in records(call, RELEASES).values()
        ):
            raise ApiError(409, "ALREADY_RUNNING", "the service is already running")
        if trigger == "scale":
            settings = service.setdefault("settings", {})
            settings.update({k: body[k] for k in ("replicas", "region", "limits") if k in body})
        return ok(_new_release(call, service, trigger, **body))

    return handler


async def stop_service(call: Call) -> Response:
    """``POST /services/{service_id}/stop``: every live release stops."""
    service = _service(call)
    live = [
        r
        for r in records(call, RELEASES).values()
        if r["service_id"] == service["id"] and r["state"] in LIVE
    ]
    for release in live:
        _move(release, "stopped")
    return ok({"stopped": len(live)})


def _release(call: Call) -> JSON:
    return find(call, RELEASES)


def _from_release(trigger: str) -> Any:
    async def handler(call: Call) -> Response:
        old = _release(call)
        service = records(call, SERVICES).get(old["service_id"])
        if service is None:
            raise not_found("service", old["service_id"])
        return ok(_new_release(call, service, trigger, source=old["source"]))

    return handler


async def cancel_release(call: Call) -> Response:
    """``POST /service-deployments/{release_id}/cancel``: queued or building only."""
    release = _release(call)
    if release["state"] not in NEXT_STATE:
        raise ApiError(409, "NOT_CANCELABLE", f"a {release['state']} release cannot be canceled")
    _move(release, "canceled", {"code": "CANCELED", "detail": "canceled by request"})
    return ok(_public_release(release))


async def remove_release(call: Call) -> Response:
    """``DELETE /service-deployments/{release_id}``: finished releases only."""
    release = _release(call)
    if release["state"] not in FINAL:
        raise ApiError(409, "RELEASE_IN_USE", f"a {release['state']} release cannot be removed")
    del records(call, RELEASES)[release["id"]]
    return no_content()


# -- variables -------------------------------------------------------------------------


def _vars(call: Call, service: JSON) -> dict[str, str]:
    values: dict[str, str] = _table(call, SERVICE_VARS).setdefault(service["id"], {})
    return values


def _variable_rows(values: dict[str, str]) -> list[JSON]:
    return [{"name": k, "preview": _mask(v), "sealed": False} for k, v in sorted(values.items())]


async def list_variables(call: Call) -> Response:
    """``GET /services/{service_id}/variables``: masked."""
    return ok(_variable_rows(_vars(call, _service(call))))


async def set_variables(call: Call) -> Response:
    """``PUT /services/{service_id}/variables``: merge; the running release goes stale."""
    service = _service(call)
    given = _variables_in(await call.json())
    _vars(call, service).update(given)
    service["pending_changes"] = {"needs": "redeploy", "variables": sorted(given), "because": "own"}
    return ok(_variable_rows(_vars(call, service)))


async def delete_variables(call: Call) -> Response:
    """``DELETE /services/{service_id}/variables/{names}``: comma-separated, absent ignored."""
    values = _vars(call, _service(call))
    for name in call.params["names"].split(","):
        values.pop(name, None)
    return no_content()


def _resolve(call: Call, service: JSON, value: str) -> str:
    """``${{shared.NAME}}`` and ``${{NAME}}`` references, one level deep."""
    shared = _table(call, SHARED_VARS).get(f"{service['project_id']}/{service['environment_id']}")
    own = _vars(call, service)
    if value.startswith("${{") and value.endswith("}}"):
        ref = value[3:-2].strip()
        if ref.startswith("shared."):
            return str((shared or {}).get(ref.removeprefix("shared."), ""))
        return own.get(ref, value)
    return value


async def effective_variables(call: Call) -> Response:
    """``GET /services/{service_id}/variables/effective``: references resolved, masked."""
    service = _service(call)
    resolved = {k: _resolve(call, service, v) for k, v in _vars(call, service).items()}
    return ok({"service_id": service["id"], "variables": _variable_rows(resolved)})


async def reveal_variable(call: Call) -> Response:
    """``GET /services/{service_id}/variables/{name}/reveal``: the plaintext."""
    values = _vars(call, _service(call))
    name = call.params["name"]
    if name not in values:
        raise not_found("variable", name)
    return ok({"name": name, "value": values[name]})


async def build_logs(call: Call) -> Response:
    """``GET /services/{service_id}/builds/{build_id}/logs``: lines of the release's build,
    ``after`` continuing from an offset; image sources have no build log."""
    service = _service(call)
    mine = sorted(
        (r for r in records(call, RELEASES).values() if r["service_id"] == service["id"]),
        key=lambda r: int(r["number"]),
    )
    wanted = call.params["build_id"]
    release = mine[-1] if wanted == "latest" and mine else None
    release = release or next((r for r in mine if r["id"] == wanted), None)
    source = (release or {}).get("source") or {}
    if release is None or source.get("type") == "image":
        raise not_found("build", wanted)
    lines = [f"[{e['created_at']}] {e['state']}" for e in release["events"]]
    after = call.query.get("after")
    start = int(after) if after and after.isdigit() else max(0, len(lines) - 200)
    done = release["state"] in LIVE or release["state"] in FINAL
    return ok(
        {
            "lines": lines[start:],
            "offset": len(lines),
            "complete": done,
            "build": {
                "id": release["id"],
                "source_commit": source.get("commit"),
                "duration_ms": 0 if done else None,
            },
        }
    )


# -- domains and addresses -------------------------------------------------------------


async def list_domains(call: Call) -> Response:
    """``GET .../services/{service_id}/domains``: the domains and the generated address."""
    service = _nested_service(call)
    mine = [d for d in records(call, DOMAINS).values() if d["service_id"] == service["id"]]
    preview = {"url": service["public_url"], "enabled": service["public_url"] is not None}
    return json_response({"data": mine, "preview": preview})


async def add_domain(call: Call) -> Response:
    """``POST .../domains``: pending, with the CNAME record to create; miosa.ai refused."""
    service = _nested_service(call)
    fqdn = (await call.json()).get("fqdn")
    if not isinstance(fqdn, str) or "." not in fqdn:
        raise bad_request("fqdn must be a domain name", field="fqdn")
    if fqdn == "miosa.ai" or fqdn.endswith(".miosa.ai"):
        raise bad_request("names under miosa.ai cannot be added", code="RESERVED_DOMAIN")
    domain: JSON = {
        "id": new_id("dom"),
        "project_id": service["project_id"],
        "service_id": service["id"],
        "fqdn": fqdn,
        "status": "pending",
        "dns_records": [{"type": "CNAME", "name": fqdn, "value": f"{service['slug']}.miosa.app"}],
        "verified_at": None,
        "created_at": iso(now()),
    }
    records(call, DOMAINS)[domain["id"]] = domain
    return ok(domain, 201)


async def verify_domain(call: Call) -> Response:
    """``POST .../domains/{domain_id}/verify``: the local server's DNS always agrees."""
    _nested_service(call)
    domain = find(call, DOMAINS)
    domain.update(status="verified", verified_at=iso(now()))
    return ok(domain)


async def enable_address(call: Call) -> Response:
    """``PUT /services/{service_id}/public-address``."""
    service = _service(call)
    label = (await call.json()).get("label") or service["slug"]
    service["public_url"] = f"https://{label}.local.miosa.app"
    return ok({"url": service["public_url"], "label": label, "enabled": True})


async def disable_address(call: Call) -> Response:
    """``DELETE /services/{service_id}/public-address``."""
    service = _service(call)
    service["public_url"] = None
    return ok({"url": None, "label": None, "enabled": False})


async def connection(call: Call) -> Response:
    """``GET /services/{service_id}/connection``: database services only."""
    service = _service(call)
    if service["kind"] != "database":
        raise not_found("connection", service["id"])
    password = _table(call, "database-passwords").setdefault(service["id"], secrets.token_hex(8))
    host = service["slug"]
    return ok(
        {
            "private_url": f"postgres://app:{password}@{host}.internal:5432/app",
            "public_url": f"postgres://app:{password}@{host}.local.miosa.app:5432/app",
        }
    )


async def create_upload(call: Call) -> Response:
    """``POST /uploads``: a record and where to PUT the archive."""
    body = await call.json()
    for name, kind in (("filename", str), ("size", int), ("sha256", str)):
        if not isinstance(body.get(name), kind):
            raise bad_request(f"{name} is required", field=name)
    ident = new_id("upl")
    return ok(
        {
            "id": ident,
            "upload_url": f"{call.request.base_url}uploads/{ident}/content",
            "filename": body["filename"],
            "size": body["size"],
            "sha256": body["sha256"],
            "expires_at": iso(now() + 3600),
        },
        201,
    )


# -- previews and log drains -----------------------------------------------------------


async def set_preview(call: Call) -> Response:
    """``PUT /projects/{project_id}/previews``: upsert by repository; given fields only;
    ``secret`` and ``token`` kept but never returned."""
    project = _project(call)
    body = await call.json()
    repository = body.get("repository")
    if not isinstance(repository, str) or "/" not in repository:
        raise bad_request("repository must be owner/name", field="repository")
    table = records(call, PREVIEWS)
    row = next(
        (
            r
            for r in table.values()
            if r["project_id"] == project["id"] and r["repository"] == repository
        ),
        None,
    )
    if row is None:
        row = {
            "id": new_id("prv"),
            "project_id": project["id"],
            "repository": repository,
            "enabled": True,
            "max_open": 5,
            "ttl_hours": 72,
            "created_at": iso(now()),
        }
        table[row["id"]] = row
    row.update({k: body[k] for k in ("enabled", "max_open", "ttl_hours") if k in body})
    return ok(_stamp(row))


async def create_drain(call: Call) -> Response:
    """``POST .../log-drains``: the HTTPS signing secret is in this reply only."""
    body = await call.json()
    for name in ("name", "url"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)
    kind = body.get("kind", "http")
    if kind not in ("http", "syslog"):
        raise bad_request("kind must be http or syslog", field="kind")
    stamp = iso(now())
    drain: JSON = {
        "id": new_id("drn"),
        **{k: call.params[k] for k in ("project_id", "environment_id")},
        "name": body["name"],
        "kind": kind,
        "url": body["url"],
        "sources": body.get("sources") or ["build", "runtime"],
        "state": "active",
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, DRAINS)[drain["id"]] = drain
    secret = f"ldsec_{secrets.token_hex(12)}" if kind == "http" else None
    return ok({**drain, "secret": secret}, 201)


async def update_drain(call: Call) -> Response:
    """``PATCH .../log-drains/{drain_id}``; ``rotate_secret`` answers the new secret once."""
    drain = find(call, DRAINS)
    body = await call.json()
    if body.get("state", "active") not in ("active", "paused"):
        raise bad_request("state must be active or paused", field="state")
    drain.update({k: body[k] for k in ("name", "url", "sources", "state") if k in body})
    secret = f"ldsec_{secrets.token_hex(12)}" if body.get("rotate_secret") else None
    return ok({**_stamp(drain), "secret": secret})


async def test_drain(call: Call) -> Response:
    """``POST .../log-drains/{drain_id}/test``: nothing is sent from the local server."""
    drain = find(call, DRAINS)
    if drain["state"] == "paused":
        return ok({"ok": False, "status": None, "error": "the drain is paused"})
    return ok({"ok": True, "status": 200, "error": None})


# -- protection and WAF ----------------------------------------------------------------------------


def _links_of(call: Call, service: JSON) -> list[JSON]:
    return [
        {k: v for k, v in link.items() if k != "token"}
        for link in records(call, SHARE_LINKS).values()
        if link["service_id"] == service["id"]
    ]


async def get_protection(call: Call) -> Response:
    """``GET .../protection``: enabled or not, and the share links (without tokens)."""
    service = _nested_service(call)
    enabled = service["id"] in _table(call, PROTECTION)
    return ok({"enabled": enabled, "share_links": _links_of(call, service)})


async def set_protection(call: Call) -> Response:
    """``PUT .../protection``: store the password; answer nothing."""
    service = _nested_service(call)
    password = (await call.json()).get("password")
    if not isinstance(password, str) or len(password) < 4:
        raise bad_request("password must be at least 4 characters", field="password")
    _table(call, PROTECTION)[service["id"]] = {"password": password}
    return no_content()


async def remove_protection(call: Call) -> Response:
    """``DELETE .../protection``."""
    _table(call, PROTECTION).pop(_nested_service(call)["id"], None)
    return no_content()


async def create_share_link(call: Call) -> Response:
    """``POST .../share-links``: the ``msl_`` token is in this reply only."""
    service = _nested_service(call)
    body = await call.json()
    ttl = body.get("expires_in_s")
    if ttl is not None and (not isinstance(ttl, int) or ttl <= 0):
        raise bad_request("expires_in_s must be a positive integer", field="expires_in_s")
    token = f"msl_{secrets.token_hex(16)}"
    link: JSON = {
        "id": new_id("lnk"),
        "project_id": service["project_id"],
        "service_id": service["id"],
        "label": body.get("label"),
        "url": f"{service['public_url'] or service['private_url']}?share={token}",
        "expires_at": iso(now() + ttl) if ttl else None,
        "created_at": iso(now()),
        "token": token,
    }
    records(call, SHARE_LINKS)[link["id"]] = link
    return ok(link, 201)


async def revoke_share_link(call: Call) -> Response:
    """``DELETE .../share-links/{link_id}``."""
    _nested_service(call)
    link = find(call, SHARE_LINKS)
    del records(call, SHARE_LINKS)[link["id"]]
    return no_content()


def _waf(call: Call) -> JSON:
    default: JSON = {
        "attack_mode": False,
        "rate_limit_per_minute": None,
        "blocked_ips": [],
        "blocked_countries": [],
    }
    rules: JSON = _table(call, WAF).setdefault(_nested_service(call)["id"], default)
    return rules


async def get_waf(call: Call) -> Response:
    """``GET .../waf``."""
    return ok(_waf(call))


async def set_waf(call: Call) -> Response:
    """``PUT .../waf``: only the keys given change; a null rate limit clears it."""
    rules = _waf(call)
    rules.update(await call.json())
    return no_content()


async def remove_waf(call: Call) -> Response:
    """``DELETE .../waf``."""
    _table(call, WAF).pop(_nested_service(call)["id"], None)
    return no_content()


_SETTINGS = echo(lambda call, body: SETTING_CAPABILITIES)


def endpoints() -> list[Endpoint]:
    pj, sv = "/projects/{project_id}", "/services/{service_id}"
    ns = pj + "/services/{service_id}"
    rel = "/service-deployments/{release_id}"
    return [
        *crud_endpoints([PROJECTS, ENVIRONMENTS, SERVICES, DOMAINS, DRAINS, PREVIEWS]),
        Endpoint("GET", "/projects", list_projects),
        Endpoint("DELETE", pj, delete_project, "project.delete"),
        Endpoint("POST", pj + "/move", move_project, "project.move"),
        Endpoint("GET", pj + "/summary", project_summary),
        Endpoint("GET", pj + "/environments", list_environments),
        Endpoint("POST", pj + "/environments", create_environment, "environment.create"),
        Endpoint("DELETE", ENVIRONMENTS.item_path, delete_environment, "environment.delete"),
        Endpoint("POST", ENVIRONMENTS.item_path + "/duplicate", duplicate_environment),
        Endpoint("POST", ENVIRONMENTS.item_path + "/sync", sync_environment),
        Endpoint("GET", pj + "/shared-variables", list_shared),
        Endpoint("PUT", pj + "/shared-variables", set_shared, "shared_variables.set"),
        Endpoint("DELETE", pj + "/shared-variables/{name}", delete_shared),
        Endpoint(
            "GET",
            "/project-capabilities",
            echo(lambda c, b: {"services_api": True, "image_source": True, "template_apply": True}),
        ),
        Endpoint("GET", "/project-templates", echo(lambda c, b: list(TEMPLATES))),
        Endpoint("GET", "/project-templates/{slug}", get_template),
        Endpoint("POST", pj + "/templates/{slug}/apply", apply_template, "template.apply"),
        Endpoint("GET", pj + "/services", list_services),
        Endpoint("POST", pj + "/services", create_service, "service.create"),
        Endpoint("GET", pj + "/services/setting-capabilities", _SETTINGS),
        Endpoint("PATCH", sv, update_service, "service.update"),
        Endpoint("DELETE", sv, delete_service, "service.delete"),
        *(
            Endpoint("POST", f"{sv}/{verb}", _release_verb(verb), f"service.{verb}")
            for verb in ("restart", "start", "scale", "redeploy")
        ),
        Endpoint("POST", sv + "/deployments", _release_verb("deploy"), "service.deploy"),
        Endpoint("POST", sv + "/stop", stop_service, "service.stop"),
        Endpoint("GET", sv + "/deployments", list_releases),
        Endpoint("GET", sv + "/deployments/{release_id}", get_release),
        Endpoint("GET", sv + "/deployments/{release_id}/events", release_events),
        Endpoint("POST", rel + "/rollback", _from_release("rollback"), "release.rollback"),
        Endpoint("POST", rel + "/redeploy", _from_release("redeploy"), "release.redeploy"),
        Endpoint("POST", rel + "/cancel", cancel_release, "release.cancel"),
        Endpoint("DELETE", rel, remove_release, "release.remove"),
        Endpoint("GET", sv + "/variables", list_variables),
        Endpoint("PUT", sv + "/variables", set_variables, "service_variables.set"),
        Endpoint("DELETE", sv + "/variables/{names}", delete_variables, "service_variables.delete"),
        Endpoint("GET", sv + "/variables/effective", effective_variables),
        Endpoint("GET", sv + "/variables/{name}/reveal", reveal_variable, "variable.reveal"),
        Endpoint("GET", sv + "/builds/{build_id}/logs", build_logs),
        Endpoint("GET", ns + "/domains", list_domains),
        Endpoint("POST", ns + "/domains", add_domain, "domain.create"),
        Endpoint("POST", ns + "/domains/{domain_id}/verify", verify_domain),
        Endpoint("PUT", sv + "/public-address", enable_address),
        Endpoint("DELETE", sv + "/public-address", disable_address),
        Endpoint("GET", sv + "/connection", connection),
        Endpoint("GET", sv + "/runs", echo(lambda c, b: [])),
        Endpoint("POST", "/uploads", create_upload, "upload.create"),
        Endpoint(
            "GET",
            ns + "/metrics/series",
            echo(
                lambda c, b: {
                    "range": c.query.get("range", "1h"),
                    "available": ["requests", "errors", "latency"],
                    "requests": [],
                    "errors": [],
                    "latency": [],
                    "cpu": None,
                    "memory": None,
                    "network": None,
                }
            ),
        ),
        Endpoint("PUT", pj + "/previews", set_preview, "preview.set"),
        Endpoint("POST", DRAINS.path, create_drain, "log_drain.create"),
        Endpoint("PATCH", DRAINS.item_path, update_drain, "log_drain.update"),
        Endpoint("POST", DRAINS.item_path + "/test", test_drain),
        Endpoint("GET", ns + "/protection", get_protection),
        Endpoint("PUT", ns + "/protection", set_protection, "protection.set"),
        Endpoint("DELETE", ns + "/protection", remove_protection, "protection.delete"),
        Endpoint("POST", ns + "/share-links", create_share_link, "share_link.create"),
        Endpoint("DELETE", SHARE_LINKS.item_path, revoke_share_link, "share_link.delete"),
        Endpoint("GET", ns + "/waf", get_waf),
        Endpoint("PUT", ns + "/waf", set_waf, "waf.set"),
        Endpoint("DELETE", ns + "/waf", remove_waf, "waf.delete"),
    ]
