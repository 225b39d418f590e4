"""Deployments (``/deployments``): records with a lifecycle, published versions, releases,
runtime instances, builds, env, domains, connector bindings and a linked database.

What is real: a repo deployment is ``building`` until the first read after create and
then ``running`` on a finished build; publishing copies nothing but checks the source
sandbox (and its ``output_path``) and makes a ready version and release; promoting a
version or a release, a rollback and a redeploy make a new release live with one healthy
runtime instance; stop takes it off the air; the deployment's log records each of these.
What is canned: traffic (observability, request logs and routes answer an empty window:
nothing is served locally), domain verification (succeeds, there is no DNS to check)
and a migration backup (recorded as completed at once).
"""

from __future__ import annotations

from starlette.responses import PlainTextResponse, Response

from . import connectors, data_services
from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import ApiError, bad_request, int_param, no_content, not_found, ok
from .paths import resolve
from .platform_services import HOSTNAME
from .records import Collection, crud_endpoints, find, records, respond
from .routing import Call, Endpoint
from .sandboxes import preview_domain, slugify
from .typed import BOOL, EXTERNAL, OBJECT, STR, Field, create_handler, typed, update_handler

BASE = "/deployments/{deployment_id}"
DEPLOYMENTS = Collection(
    "/deployments",
    "deployment_id",
    "dep",
    "deployment",
    verbs=frozenset({"list"}),
    filters=("project_id", "state", *EXTERNAL),
)
VERSIONS = Collection(
    BASE + "/versions", "version_id", "dver", "deployment version", verbs=frozenset({"list"})
)
RELEASES = Collection(
    BASE + "/releases", "release_id", "drel", "deployment release", verbs=frozenset({"list"})
)
INSTANCES = Collection(
    BASE + "/runtime-instances",
    "instance_id",
    "drti",
    "runtime instance",
    verbs=frozenset({"list", "get"}),
)
BUILDS = Collection(
    BASE + "/builds", "build_id", "dbld", "deployment build", verbs=frozenset({"list", "get"})
)
DOMAINS = Collection(
    BASE + "/domains",
    "domain_id",
    "ddom",
    "deployment domain",
    verbs=frozenset({"delete"}),
    filters=EXTERNAL,
)
BINDINGS = Collection(
    BASE + "/connectors", "binding_or_connector", "dcbd", "connector binding", verbs=frozenset()
)
ENV = "deployment-env"  # deployment id -> {"{environment}/{key}": record}
LOGS = "deployment-logs"  # deployment id -> {"lines": [...]}
CHILDREN = (VERSIONS, RELEASES, INSTANCES, BUILDS, DOMAINS, BINDINGS)

DEPLOYMENT_FIELDS = {
    "name": STR,
    "repo_url": STR,
    "branch": STR,
    "build_command": STR,
    "run_command": STR,
    "auto_deploy": BOOL,
    "metadata": OBJECT,
    "compute_placement_request": OBJECT,
    "project_id": STR,
    **{k: STR for k in EXTERNAL},
}
UPDATE_FIELDS = {
    k: DEPLOYMENT_FIELDS[k] for k in ("name", "branch", "build_command", "run_command")
}
LOG_STAGES = ("build", "runtime_install", "runtime_start")
# Fields the server moves; an update body cannot set them.
DEPLOYMENT_OWNED = (
    "slug",
    "owner_id",
    "state",
    "source_type",
    "repo_url",
    "deployment_product",
    "auto_subdomain",
    "public_url",
    "active_version_id",
    "active_release_id",
    "current_build_id",
    "linked_database_id",
    "workspace_id",
)


# -- the deployment and its log --------------------------------------------------------------


def log_line(call: Call, deployment_id: str, line: str) -> None:
    """Append one timestamped line to the deployment's log."""
    kept = call.store.records.setdefault(LOGS, {}).setdefault(deployment_id, {"lines": []})
    kept["lines"].append(f"{iso(now())} {line}")


def _log_lines(call: Call, deployment_id: str) -> list[str]:
    return list(call.store.records.get(LOGS, {}).get(deployment_id, {"lines": []})["lines"])


def _children(call: Call, collection: Collection, deployment_id: str) -> list[JSON]:
    return [r for r in records(call, collection).values() if r["deployment_id"] == deployment_id]


def deployment(call: Call) -> JSON:
    """The deployment named by the path (404 when absent). A build in progress finishes on
    this read, so ``wait_until_ready`` sees ``building`` once and then ``running``."""
    record = find(call, DEPLOYMENTS)
    if record["state"] == "building":
        _finish_build(call, record)
    return record


def _new_deployment(call: Call, record: JSON) -> JSON:
    """Server-owned fields; a repo starts a build, ``database`` provisions one and links it."""
    database = record.pop("database", None)
    if database is not None and not isinstance(database, (bool, dict)):
        raise bad_request("database must be a boolean or an object", field="database")
    metadata = record.get("metadata") or {}
    product = metadata.get("deployment_product", "miosa_deploy")
    slug = slugify(str(record["name"]))
    url = f"https://{slug}.deploy.{preview_domain(call.store)}"
    record.update(
        {
            "slug": slug,
            "owner_id": call.store.settings.owner_id,
            "state": "building" if record.get("repo_url") else "pending",
            "source_type": "repo" if record.get("repo_url") else None,
            "deployment_product": product if isinstance(product, str) else "miosa_deploy",
            "auto_subdomain": f"{slug}.deploy.{preview_domain(call.store)}",
            "public_url": url,
            "active_version_id": None,
            "active_release_id": None,
            "current_build_id": None,
            "linked_database_id": None,
        }
    )
    log_line(call, record["id"], f"deployment {record['name']!r} created")
    if database:
        database_id = _provision_database(call, record, database)
        record["linked_database_id"] = database_id
        db = records(call, data_services.DATABASES)[database_id]
        url = data_services.credentials_of(call, db)["url"]
        _set_env(call, record["id"], "DATABASE_URL", url, "production")
    if record.get("repo_url"):
        _start_build(call, record)
    return record


def _provision_database(call: Call, record: JSON, spec: bool | JSON) -> str:
    """A managed database for the deployment (``database: true`` or ``{engine, ...}``)."""
    options = spec if isinstance(spec, dict) else {}
    body = typed(
        {k: options.get(k) for k in ("engine", "storage_mb", "region")},
        {k: data_services.DATABASE_FIELDS[k] for k in ("engine", "storage_mb", "region")},
    )
    stamp = iso(now())
    db: JSON = {
        **body,
        "id": new_id(data_services.DATABASES.prefix),
        "tenant_id": call.store.settings.tenant_id,
        "name": f"{record['slug']}-db",
        "size": optional(options, "size", str, "small", choices=("xs", "small", "medium", "large")),
        "deployment_id": record["id"],
        "created_at": stamp,
        "updated_at": stamp,
    }
    db = data_services.new_database(call, db)
    records(call, data_services.DATABASES)[db["id"]] = db
    log_line(call, record["id"], f"database {db['id']} provisioned and linked")
    return str(db["id"])


def _start_build(call: Call, record: JSON) -> JSON:
    stamp = iso(now())
    build: JSON = {
        "id": new_id(BUILDS.prefix),
        "deployment_id": record["id"],
        "commit_sha": new_id("sha", 20).removeprefix("sha_"),
        "commit_message": f"Deploy {record.get('branch') or 'main'}",
        "triggered_by": "api",
        "state": "building",
        "started_at": stamp,
        "finished_at": None,
        "duration_ms": None,
        "log_url": None,
        "created_at": stamp,
        **{k: record.get(k) for k in EXTERNAL},
    }
    records(call, BUILDS)[build["id"]] = build
    record.update({"state": "building", "current_build_id": build["id"], "updated_at": stamp})
    log_line(call, record["id"], f"build {build['id']} started from {record.get('repo_url')}")
    return build


def _finish_build(call: Call, record: JSON) -> None:
    """The current build succeeds: a dynamic version from it goes live."""
    build = records(call, BUILDS).get(str(record.get("current_build_id")))
    stamp = iso(now())
    if build is not None:
        build.update({"state": "succeeded", "finished_at": stamp, "duration_ms": 0})
    version = _new_version(
        call,
        record,
        kind="dynamic",
        source_sandbox_id=None,
        build_id=build["id"] if build else None,
        command=record.get("run_command"),
    )
    log_line(call, record["id"], "build succeeded")
    _go_live(call, record, version)


def _new_version(
    call: Call,
    record: JSON,
    *,
    kind: str,
    source_sandbox_id: str | None,
    build_id: str | None,
    command: object,
    entrypoint: str | None = None,
) -> JSON:
    """A ready version of the deployment, numbered after the last one."""
    number = 1 + max(
        (v["version_number"] for v in _children(call, VERSIONS, record["id"])), default=0
    )
    stamp = iso(now())
    version: JSON = {
        "id": new_id(VERSIONS.prefix),
        "deployment_id": record["id"],
        "tenant_id": call.store.settings.tenant_id,
        "created_by": call.store.settings.owner_id,
        "source_sandbox_id": source_sandbox_id,
        "build_id": build_id,
        "version_number": number,
        "kind": kind,
        "state": "ready",
        "runtime_command": command if isinstance(command, str) else None,
        "runtime_port": 8080 if kind != "static" else None,
        "metadata": {"entrypoint": entrypoint} if entrypoint else {},
        "logs": {
            "build": [f"{stamp} version {number} built ({kind})"],
            "runtime_install": [],
            "runtime_start": [],
        },
        "promoted_at": None,
        "archived_at": None,
        "created_at": stamp,
        "updated_at": stamp,
        **{k: record.get(k) for k in EXTERNAL},
    }
    records(call, VERSIONS)[version["id"]] = version
    return version


def _new_release(call: Call, record: JSON, version: JSON) -> JSON:
    stamp = iso(now())
    release: JSON = {
        "id": new_id(RELEASES.prefix),
        "deployment_id": record["id"],
        "deployment_version_id": version["id"],
        "tenant_id": call.store.settings.tenant_id,
        "source_sandbox_id": version.get("source_sandbox_id"),
        "build_id": version.get("build_id"),
        "kind": "static" if version["kind"] == "static" else "oci",
        "state": "ready",
        "storage_backend": "local",
        "start_command": version.get("runtime_command"),
        "port": version.get("runtime_port"),
        "ready_at": stamp,
        "archived_at": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, RELEASES)[release["id"]] = release
    return release


def _go_live(call: Call, record: JSON, version: JSON, release: JSON | None = None) -> None:
    """Make ``version`` (through ``release``, a new one when not given) the live one: the
    old instances stop and one healthy instance of the release runs."""
    release = release or _new_release(call, record, version)
    stamp = iso(now())
    for old in _children(call, INSTANCES, record["id"]):
        if old["state"] != "stopped":
            old.update({"state": "stopped", "desired_state": "stopped", "stopped_at": stamp})
    instance: JSON = {
        "id": new_id(INSTANCES.prefix),
        "deployment_id": record["id"],
        "release_id": release["id"],
        "tenant_id": call.store.settings.tenant_id,
        "host_id": "local",
        "desired_state": "running",
        "state": "healthy",
        "port": release.get("port"),
        "started_at": stamp,
        "last_health_check_at": stamp,
        "restart_count": 0,
        "runtime_log_path": f"/var/log/miosa/{record['id']}.log",
        "logs": [f"{stamp} instance started for version {version['version_number']}"],
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, INSTANCES)[instance["id"]] = instance
    version.update({"promoted_at": stamp, "updated_at": stamp})
    version["logs"]["runtime_start"].append(f"{stamp} listening")
    record.update(
        {
            "state": "running",
            "active_version_id": version["id"],
            "active_release_id": release["id"],
            "updated_at": stamp,
        }
    )
    log_line(call, record["id"], f"version {version['version_number']} is live")


async def get_deployment(call: Call) -> Response:
    """``GET /deployments/{deployment_id}``."""
    return respond(DEPLOYMENTS, deployment(call))


async def delete_deployment(call: Call) -> Response:
    """``DELETE /deployments/{deployment_id}``: its versions, releases, env and the rest go."""
    ident = deployment(call)["id"]
    del records(call, DEPLOYMENTS)[ident]
    for collection in CHILDREN:
        table = records(call, collection)
        for child in [k for k, v in table.items() if v["deployment_id"] == ident]:
            del table[child]
    for name in (ENV, LOGS):
        call.store.records.get(name, {}).pop(ident, None)
    return no_content()


# -- state verbs -----------------------------------------------------------------------------


async def stop(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/stop``: off the air; its instances stop."""
    record = deployment(call)
    await call.json()
    stamp = iso(now())
    for instance in _children(call, INSTANCES, record["id"]):
        instance.update({"state": "stopped", "desired_state": "stopped", "stopped_at": stamp})
    record.update({"state": "stopped", "updated_at": stamp})
    log_line(call, record["id"], "stopped")
    return respond(DEPLOYMENTS, record)


async def redeploy(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/redeploy``: a repo builds again; otherwise the
    active version gets a new release. 409 when there is nothing to deploy yet."""
    record = deployment(call)
    await call.json()
    version = records(call, VERSIONS).get(str(record.get("active_version_id")))
    if record.get("repo_url"):
        _start_build(call, record)
    elif version is not None:
        _go_live(call, record, version)
    else:
        raise ApiError(
            409, "NOTHING_TO_DEPLOY", "the deployment has no repo and no published version"
        )
    return respond(DEPLOYMENTS, record)


async def move(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/move {target_workspace_id}``."""
    record = deployment(call)
    target = require(await call.json(), "target_workspace_id", str)
    record.update({"workspace_id": target, "updated_at": iso(now())})
    log_line(call, record["id"], f"moved to workspace {target}")
    return respond(DEPLOYMENTS, record)


async def publish(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/publish {source_sandbox_id, output_path?,
    entrypoint?, promote?}``: a ready version of the sandbox's workspace (static when an
    ``output_path`` is given, which must exist), live at once with ``promote``."""
    record = deployment(call)
    body = await call.json()
    sandbox_id = require(body, "source_sandbox_id", str)
    output = optional(body, "output_path", str)
    entrypoint = optional(body, "entrypoint", str)
    promote = optional(body, "promote", bool, False)
    sandbox = call.store.sandboxes.get(sandbox_id)
    if sandbox is None or not sandbox.alive:
        raise not_found("sandbox", sandbox_id)
    if output is not None:
        virtual, host = resolve(sandbox.workspace, output)
        if not host.exists():
            raise bad_request(
                f"{virtual} does not exist", code="OUTPUT_PATH_NOT_FOUND", path=virtual
            )
    version = _new_version(
        call,
        record,
        kind="static" if output is not None else "sandbox_backed",
        source_sandbox_id=sandbox.id,
        build_id=None,
        command=entrypoint,
        entrypoint=entrypoint,
    )
    release = _new_release(call, record, version)
    record.update({"source_type": record.get("source_type") or "sandbox"})
    log_line(call, record["id"], f"version {version['version_number']} published from {sandbox.id}")
    if promote:
        _go_live(call, record, version, release)
    service = {
        "id": new_id("dsvc"),
        "deployment_id": record["id"],
        "type": "web",
        "name": "web",
        "desired_replicas": 1,
        "state": "running" if promote else "ready",
    }
    return ok(
        {
            "deployment": record,
            "version": version,
            "release": release,
            "services": [service],
            "promoted": promote,
        }
    )


def _version(call: Call, record: JSON, version_id: str) -> JSON:
    version = records(call, VERSIONS).get(version_id)
    if version is None or version["deployment_id"] != record["id"]:
        raise not_found("deployment version", version_id)
    return version


async def rollback(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/rollback {version_id?}``: that version, else the
    one before the live one, goes live again. 409 when there is none."""
    record = deployment(call)
    wanted = optional(await call.json(), "version_id", str)
    if wanted is not None:
        target = _version(call, record, wanted)
    else:
        live = records(call, VERSIONS).get(str(record.get("active_version_id")))
        number = live["version_number"] if live else 0
        older = [v for v in _children(call, VERSIONS, record["id"]) if v["version_number"] < number]
        if not older:
            raise ApiError(
                409, "NO_PREVIOUS_VERSION", "there is no earlier version to roll back to"
            )
        target = max(older, key=lambda v: int(v["version_number"]))
    _go_live(call, record, target)
    return respond(DEPLOYMENTS, record)


async def get_version(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/versions/{version_id}``."""
    return respond(VERSIONS, _version(call, deployment(call), call.params["version_id"]))


async def promote_version(call: Call) -> Response:
    """``POST .../versions/{version_id}/promote {environment?}``: a ready version goes live."""
    record = deployment(call)
    version = _version(call, record, call.params["version_id"])
    optional(await call.json(), "environment", str)
    if version["state"] != "ready":
        raise ApiError(409, "VERSION_NOT_READY", f"version is {version['state']}")
    _go_live(call, record, version)
    return respond(DEPLOYMENTS, record)


async def version_logs(call: Call) -> Response:
    """``GET .../versions/{version_id}/logs?stage=``: plain text, every stage or one."""
    version = _version(call, deployment(call), call.params["version_id"])
    stage = call.query.get("stage")
    if stage and stage not in LOG_STAGES:
        raise bad_request(f"stage must be one of {', '.join(LOG_STAGES)}", param="stage")
    lines = version["logs"][stage] if stage else [x for s in LOG_STAGES for x in version["logs"][s]]
    return PlainTextResponse("\n".join(lines) + ("\n" if lines else ""))


async def migration_backup(call: Call) -> Response:
    """``POST .../versions/{version_id}/migration-backup``: a completed backup of the
    linked database (409 without one), remembered on the version."""
    record = deployment(call)
    version = _version(call, record, call.params["version_id"])
    await call.json()
    database_id = record.get("linked_database_id")
    if not database_id or database_id not in records(call, data_services.DATABASES):
        raise ApiError(409, "NO_DATABASE", "the deployment has no linked database")
    stamp = iso(now())
    backup: JSON = {
        "id": new_id("dbbk"),
        "database_id": database_id,
        "state": "completed",
        "backup_type": "pre_migration",
        "size_bytes": 0,
        "started_at": stamp,
        "completed_at": stamp,
        "created_at": stamp,
    }
    version["metadata"] = {**(version.get("metadata") or {}), "migration_backup_id": backup["id"]}
    return ok({"backup": backup, "version": version})


def _release(call: Call, record: JSON) -> JSON:
    ident = call.params["release_id"]
    release = records(call, RELEASES).get(ident)
    if release is None or release["deployment_id"] != record["id"]:
        raise not_found("deployment release", ident)
    return release


async def get_release(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/releases/{release_id}``."""
    return respond(RELEASES, _release(call, deployment(call)))


async def promote_release(call: Call) -> Response:
    """``POST .../releases/{release_id}/promote``: that release (and its version) goes live."""
    record = deployment(call)
    release = _release(call, record)
    await call.json()
    version = _version(call, record, release["deployment_version_id"])
    _go_live(call, record, version, release)
    return respond(DEPLOYMENTS, record)


async def instance_logs(call: Call) -> Response:
    """``GET .../runtime-instances/{instance_id}/logs?lines=``: the tail as one string."""
    record = deployment(call)
    instance = find(call, INSTANCES)
    count = int_param(call.query, "lines", 100, 1, 10_000)
    return ok(
        {
            "logs": "\n".join(instance["logs"][-count:]),
            "runtime_instance_id": instance["id"],
            "deployment_id": record["id"],
            "log_path": instance["runtime_log_path"],
        }
    )


# -- observation -----------------------------------------------------------------------------


async def logs(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/logs?lines=``: the deployment's own log."""
    record = deployment(call)
    count = int_param(call.query, "lines", 100, 1, 10_000)
    live = [i for i in _children(call, INSTANCES, record["id"]) if i["state"] == "healthy"]
    return ok(
        {
            "deployment_id": record["id"],
            "runtime_instance_id": live[0]["id"] if live else None,
            "log_path": live[0]["runtime_log_path"] if live else None,
            "logs": _log_lines(call, record["id"])[-count:],
        }
    )


def _check(ident: str, passed: bool, message: str, recovery: str) -> JSON:
    return {"id": ident, "ok": passed, "message": message, "recovery": [] if passed else [recovery]}


async def proof(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/proof``: the checks behind "it is live"."""
    record = deployment(call)
    healthy = any(i["state"] == "healthy" for i in _children(call, INSTANCES, record["id"]))
    checks = [
        _check(
            "active_version",
            bool(record.get("active_version_id")),
            "a version is live",
            "publish a version with promote=True",
        ),
        _check("state", record["state"] == "running", f"state is {record['state']}", "redeploy it"),
        _check("runtime", healthy, "a runtime instance is healthy", "redeploy it"),
        _check("route", bool(record.get("public_url")), "the public URL routes", "add a domain"),
    ]
    failed = [c for c in checks if not c["ok"]]
    return ok(
        {
            "ok": not failed,
            "deployment": record,
            "deployment_product": record.get("deployment_product"),
            "public_url": record.get("public_url"),
            "checks": checks,
            "next_actions": [r for c in failed for r in c["recovery"]],
        }
    )


async def observability(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/observability``: an empty window (no traffic
    reaches a local deployment)."""
    record = deployment(call)
    return ok(
        {
            "deployment_id": record["id"],
            "window": call.query.get("window") or "1h",
            "invocations": 0,
            "errors": 0,
            "error_rate": 0.0,
            "latency_ms": {"p50": None, "p95": None, "p99": None},
        }
    )


async def request_logs(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/request-logs``: no requests were served."""
    record = deployment(call)
    return ok({"deployment_id": record["id"], "logs": [], "next_cursor": None, "has_more": False})


async def routes(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/routes``: no requests, so no routes seen."""
    record = deployment(call)
    return ok({"deployment_id": record["id"], "routes": [], "total_requests": 0})


# -- database, env, domains ------------------------------------------------------------------


async def attach_database(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/database {database_id?, env?}``: link a database
    (a new one when no id is given); its URL goes into the deployment's env."""
    record = deployment(call)
    body = await call.json()
    database_id = optional(body, "database_id", str)
    env = optional(body, "env", dict, items=str) or {}
    if database_id is None:
        database_id = _provision_database(call, record, True)
    db = records(call, data_services.DATABASES).get(database_id)
    if db is None:
        raise not_found("database", database_id)
    record.update({"linked_database_id": database_id, "updated_at": iso(now())})
    url = data_services.credentials_of(call, db)["url"]
    names = {"DATABASE_URL": url, **{k: url for k in env}}
    for key, value in names.items():
        _set_env(call, record["id"], key, value, "production")
    log_line(call, record["id"], f"database {database_id} attached")
    return ok(
        {
            "deployment_id": record["id"],
            "database_id": database_id,
            "attached": True,
            "env": sorted(names),
        }
    )


def _env(call: Call, deployment_id: str) -> dict[str, JSON]:
    return call.store.records.setdefault(ENV, {}).setdefault(deployment_id, {})


def _set_env(call: Call, deployment_id: str, key: str, value: str, environment: str) -> None:
    table = _env(call, deployment_id)
    stamp = iso(now())
    old = table.get(f"{environment}/{key}")
    table[f"{environment}/{key}"] = {
        "id": old["id"] if old else new_id("denv"),
        "key": key,
        "value": value,
        "environment": environment,
        "created_at": old["created_at"] if old else stamp,
        "updated_at": stamp,
    }


async def list_env(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/env``."""
    return ok(list(_env(call, deployment(call)["id"]).values()))


async def set_env(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/env {env, environment?}``: set (or replace)
    each variable; the reply is every record."""
    record = deployment(call)
    body = await call.json()
    values = require(body, "env", dict, items=str)
    environment = optional(body, "environment", str, "production")
    for key, value in values.items():
        if not key:
            raise bad_request("env names must not be empty", field="env")
        _set_env(call, record["id"], key, value, environment)
    return ok(list(_env(call, record["id"]).values()))


async def list_domains(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/domains``: query keys filter by equality."""
    record = deployment(call)
    found = [
        d
        for d in _children(call, DOMAINS, record["id"])
        if all(str(d.get(k)) == v for k, v in call.query.items() if k in d)
    ]
    return ok(found)


def _new_domain(call: Call, record: JSON) -> JSON:
    """A deployment domain: a valid hostname, not on this deployment yet, pending DNS."""
    parent = deployment(call)
    domain = str(record["domain"]).strip().lower().rstrip(".")
    if not HOSTNAME.match(domain):
        raise bad_request(f"{domain!r} is not a domain name", field="domain")
    if any(d["domain"] == domain for d in _children(call, DOMAINS, parent["id"])):
        raise ApiError(409, "DOMAIN_TAKEN", f"{domain} is already on this deployment")
    return {
        **record,
        "domain": domain,
        "redirect_policy": record.get("redirect_policy", "none"),
        "state": "pending_verification",
        "status": "pending_verification",
        "verified": False,
        "verification_token": f"miosa-verify={new_id('dv', 12).removeprefix('dv_')}",
    }


async def verify_domain(call: Call) -> Response:
    """``POST .../domains/{domain_id}/verify``: there is no DNS to ask locally, so the
    check passes."""
    deployment(call)
    domain = find(call, DOMAINS)
    await call.json()
    domain.update(
        {"state": "active", "status": "active", "verified": True, "updated_at": iso(now())}
    )
    return respond(DOMAINS, domain)


# -- connector bindings ----------------------------------------------------------------------


def _owner(call: Call) -> connectors.Owner:
    return ("deployment_id", deployment(call)["id"])


async def list_bindings(call: Call) -> Response:
    """``GET /deployments/{deployment_id}/connectors``."""
    return ok(connectors.bindings_of(call, BINDINGS, _owner(call)))


async def attach_binding(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/connectors``: see
    :func:`connectors.create_binding`; ``mode`` defaults to ``brokered_env``."""
    owner = _owner(call)
    body = await call.json()
    connector = require(body, "connector", str)
    env_name = require(body, "env_name", str)
    mode = optional(body, "mode", str, "brokered_env")
    if not mode:  # an empty mode names no way of handing over the credential
        raise bad_request("mode must be a binding mode such as brokered_env", field="mode")
    return connectors.create_binding(
        call, BINDINGS, owner, body, connector=connector, env_name=env_name, mode=mode
    )


async def detach_binding(call: Call) -> Response:
    """``DELETE /deployments/{deployment_id}/connectors/{binding_or_connector}``: see
    :func:`connectors.delete_bindings`."""
    return connectors.delete_bindings(call, BINDINGS, _owner(call))


async def sync_bindings(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/connectors/sync``: every binding applied again."""
    bindings = connectors.bindings_of(call, BINDINGS, _owner(call))
    return await connectors.sync_reply(call, bindings)


async def preflight_bindings(call: Call) -> Response:
    """``POST /deployments/{deployment_id}/connectors/preflight``: see
    :func:`connectors.preflight_reply`."""
    bindings = connectors.bindings_of(call, BINDINGS, _owner(call))
    return await connectors.preflight_reply(call, bindings)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    version = VERSIONS.item_path
    release = RELEASES.item_path
    domain_fields = {
        "domain": STR,
        "redirect_policy": Field(str, choices=("none", "www_to_apex", "apex_to_www")),
        **{k: STR for k in EXTERNAL},
    }
    return [
        *crud_endpoints([DEPLOYMENTS, VERSIONS, RELEASES, INSTANCES, BUILDS, DOMAINS]),
        Endpoint(
            "POST",
            DEPLOYMENTS.path,
            create_handler(
                DEPLOYMENTS,
                DEPLOYMENT_FIELDS,
                ("name",),
                _new_deployment,
                frozen=[k for k in DEPLOYMENT_OWNED if k != "repo_url"],
            ),
            "deployment.create",
        ),
        Endpoint("GET", BASE, get_deployment),
        Endpoint(
            "PATCH",
            BASE,
            update_handler(DEPLOYMENTS, {**UPDATE_FIELDS, "auto_deploy": BOOL}, DEPLOYMENT_OWNED),
            "deployment.update",
        ),
        Endpoint("DELETE", BASE, delete_deployment, "deployment.delete"),
        Endpoint("POST", BASE + "/stop", stop, "deployment.stop"),
        Endpoint("POST", BASE + "/redeploy", redeploy, "deployment.redeploy"),
        Endpoint("POST", BASE + "/move", move, "deployment.move"),
        Endpoint("POST", BASE + "/publish", publish, "deployment.publish"),
        Endpoint("POST", BASE + "/rollback", rollback, "deployment.rollback"),
        Endpoint("GET", BASE + "/logs", logs),
        Endpoint("GET", BASE + "/proof", proof),
        Endpoint("GET", BASE + "/observability", observability),
        Endpoint("GET", BASE + "/request-logs", request_logs),
        Endpoint("GET", BASE + "/routes", routes),
        Endpoint("POST", BASE + "/database", attach_database, "deployment.attach_database"),
        Endpoint("GET", BASE + "/env", list_env),
        Endpoint("POST", BASE + "/env", set_env, "deployment.set_env"),
        Endpoint("GET", version, get_version),
        Endpoint("POST", version + "/promote", promote_version, "deployment.promote"),
        Endpoint("GET", version + "/logs", version_logs),
        Endpoint("POST", version + "/migration-backup", migration_backup, "deployment.backup"),
        Endpoint("GET", release, get_release),
        Endpoint("POST", release + "/promote", promote_release, "deployment.promote"),
        Endpoint("GET", INSTANCES.item_path + "/logs", instance_logs),
        Endpoint("GET", DOMAINS.path, list_domains),
        Endpoint(
            "POST",
            DOMAINS.path,
            create_handler(DOMAINS, domain_fields, ("domain",), _new_domain),
            "deployment_domain.add",
        ),
        Endpoint("POST", DOMAINS.item_path + "/verify", verify_domain, "deployment_domain.verify"),
        Endpoint("GET", BINDINGS.path, list_bindings),
        Endpoint("POST", BINDINGS.path, attach_binding, "connector_binding.attach"),
        Endpoint("POST", BINDINGS.path + "/sync", sync_bindings, "connector_binding.sync"),
        Endpoint("POST", BINDINGS.path + "/preflight", preflight_bindings),
        # A connector uid holds a "/" (sent encoded, decoded by the router): a path segment.
        Endpoint(
            "DELETE",
            BINDINGS.path + "/{binding_or_connector:path}",
            detach_binding,
            "connector_binding.detach",
        ),
    ]
