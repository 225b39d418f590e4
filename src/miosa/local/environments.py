"""Machine environments (``/environments``), the deployment environment inventory, and
project auth (``/project-auth``).

An environment is addressed by id or name within its scope (a workspace, or the
organization when ``workspace_id`` is absent). Every change but a rename makes a new
version; values are masked on every read except the audit-logged reveals; the
organization default cannot be deleted.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import ApiError, bad_request, json_response, no_content, not_found, ok
from .routing import Call, Endpoint

TABLE = "machine-environments"  # id -> environment (with plaintext values)
DEFAULTS = "machine-environment-defaults"  # scope ("" for the organization) -> id
AUTH = "project-auth"  # "{type}/{id}" -> status
FLAGS = (
    "is_default",
    "safe_for_third_parties",
    "pass_github",
    "pass_secrets",
    "pass_sandbox_credentials",
    "pass_agents_credentials",
    "extends_default",
    "setup_blocking",
)
REPLACED = ("plain_variables", "repositories", "cli_tools", "connections", "setup_script")


def _table(call: Call, name: str) -> dict[str, Any]:
    return call.store.records.setdefault(name, {})


def _mask(value: str) -> str:
    return value[:2] + "***" if len(value) > 4 else "***"


async def _scope(call: Call) -> str:
    """The workspace of the call ('' for the organization): a body field on writes, a
    query parameter on reads and deletes."""
    if call.request.method in ("POST", "PUT", "PATCH"):
        value = (await call.json()).get("workspace_id")
    else:
        value = call.query.get("workspace_id")
    return value if isinstance(value, str) else ""


def _public(call: Call, env: JSON) -> JSON:
    """The environment as the API shows it: values masked, secret file contents dropped."""
    default = _table(call, DEFAULTS).get(env["scope"])
    return {
        **{k: v for k, v in env.items() if k not in ("scope", "values", "files", "history")},
        "workspace_id": env["scope"] or None,
        "is_default": default == env["id"],
        "variables": [
            {
                "name": k,
                "preview": v if k in env["plain_variables"] else _mask(v),
                "plain": k in env["plain_variables"],
            }
            for k, v in sorted(env["values"].items())
        ],
        "secret_files": [
            {"path": p, "preview": _mask(c), "size": len(c)}
            for p, c in sorted(env["files"].items())
        ],
    }


async def _find(call: Call) -> JSON:
    ref = call.params["id_or_name"]
    scope = await _scope(call)
    table: dict[str, JSON] = _table(call, TABLE)
    for env in table.values():
        if env["deleted_at"] is None and env["scope"] == scope and ref in (env["id"], env["name"]):
            return env
    raise ApiError(404, "ENVIRONMENT_NOT_FOUND", f"environment {ref!r} not found")


def _version(env: JSON, actor: str) -> None:
    env["version"] += 1
    env["updated_at"] = iso(now())
    env["history"].append(
        {
            "id": new_id("envv"),
            "version": env["version"],
            "created_by": actor,
            "created_at": env["updated_at"],
        }
    )


def _check_shapes(body: JSON) -> None:
    """400 for a mistyped list or map field, before any of it is applied."""
    for name in ("variables", "variables_set", "cli_tools_set"):
        optional(body, name, dict, items=str)
    for name in ("variables_unset", "secret_files_unset", "cli_tools_unset"):
        optional(body, name, list, items=str)
    for name in ("secret_files", "secret_files_set", "repositories_set"):
        for item in optional(body, name, list, items=dict) or []:
            require(item, "repo" if name == "repositories_set" else "path", str)
            optional(item, "contents", str)
    for name in ("repositories_unset", "connections_set", "connections_unset", "connections"):
        optional(body, name, list)
    optional(body, "plain_variables", list, items=str)
    optional(body, "cli_tools", dict)
    optional(body, "setup_script", str)
    for item in optional(body, "repositories", list, items=dict) or []:
        require(item, "repo", str)


def _apply(env: JSON, body: JSON) -> None:
    """Whole-list fields replace; ``*_set``/``*_unset`` change entries; a masked preview
    sent back keeps the stored value."""
    _check_shapes(body)
    for flag in FLAGS:
        if flag in body and flag != "is_default":
            env[flag] = bool(body[flag])
    if isinstance(body.get("variables"), dict):
        env["values"] = {
            k: env["values"].get(k, v) if v == _mask(env["values"].get(k, "")) else v
            for k, v in body["variables"].items()
        }
    env["values"].update(body.get("variables_set") or {})
    for name in body.get("variables_unset") or []:
        env["values"].pop(name, None)
    if isinstance(body.get("secret_files"), list):
        env["files"] = {
            f["path"]: f.get("contents", env["files"].get(f["path"], ""))
            for f in body["secret_files"]
        }
    for item in body.get("secret_files_set") or []:
        env["files"][item["path"]] = item.get("contents", env["files"].get(item["path"], ""))
    for path in body.get("secret_files_unset") or []:
        env["files"].pop(path, None)
    for field in REPLACED:
        if field in body:
            # null clears a whole-list field, as an empty list would.
            empty = None if field == "setup_script" else type(env[field])()
            env[field] = empty if body[field] is None else body[field]
    for item in body.get("repositories_set") or []:
        env["repositories"] = [r for r in env["repositories"] if r["repo"] != item["repo"]] + [item]
    gone = {
        r if isinstance(r, str) else r.get("repo") for r in body.get("repositories_unset") or []
    }
    env["repositories"] = [r for r in env["repositories"] if r["repo"] not in gone]
    env["cli_tools"] = {**env["cli_tools"], **(body.get("cli_tools_set") or {})}
    for tool in body.get("cli_tools_unset") or []:
        env["cli_tools"].pop(tool, None)
    env["connections"] = [
        c
        for c in [*env["connections"], *(body.get("connections_set") or [])]
        if c not in (body.get("connections_unset") or [])
    ]


async def list_environments(call: Call) -> Response:
    """``GET /environments``: the scope's environments, the effective default first."""
    scope = await _scope(call)
    deleted = call.query.get("include_deleted", "").lower() == "true"
    mine = [
        e
        for e in _table(call, TABLE).values()
        if e["scope"] == scope and (deleted or e["deleted_at"] is None)
    ]
    default = _table(call, DEFAULTS).get(scope) or _table(call, DEFAULTS).get("")
    mine.sort(key=lambda e: e["id"] != default)
    return json_response(
        {
            "environments": [_public(call, e) for e in mine],
            "default_environment_id": default,
            "billing": _billing(scope),
            "data": [],
        }
    )


def _billing(scope: str) -> JSON:
    return {"account_id": "acct_local", "name": "Local account", "workspace_id": scope or None}


async def create_environment(call: Call) -> Response:
    """``POST /environments``: version 1; the name is unique in its scope."""
    body = await call.json()
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ApiError(422, "INVALID_ENVIRONMENT", "name is required", {"field": "name"})
    scope = await _scope(call)
    table = _table(call, TABLE)
    if any(
        e["name"] == name and e["scope"] == scope and e["deleted_at"] is None
        for e in table.values()
    ):
        raise ApiError(409, "ENVIRONMENT_NAME_TAKEN", f"an environment named {name!r} exists")
    stamp = iso(now())
    env: JSON = {
        "id": new_id("menv"),
        "name": name,
        "scope": scope,
        "version": 0,
        **{flag: False for flag in FLAGS},
        "values": {},
        "files": {},
        "plain_variables": [],
        "repositories": [],
        "cli_tools": {},
        "connections": [],
        "setup_script": None,
        "history": [],
        "created_at": stamp,
        "updated_at": stamp,
        "deleted_at": None,
    }
    _apply(env, body)
    _version(env, "local")
    table[env["id"]] = env
    defaults = _table(call, DEFAULTS)
    # The organization's first environment is its default until another is made default.
    if body.get("is_default") or (not scope and "" not in defaults):
        defaults[scope] = env["id"]
    call.resource_id = env["id"]
    return ok(_public(call, env), 201)


async def get_environment(call: Call) -> Response:
    """``GET /environments/{id_or_name}``."""
    return ok(_public(call, await _find(call)))


async def update_environment(call: Call) -> Response:
    """``PATCH /environments/{id_or_name}``: every change in one new version."""
    env = await _find(call)
    body = await call.json()
    if "name" in body:
        env["name"] = body["name"]
    _apply(env, body)
    if body.get("is_default"):
        _table(call, DEFAULTS)[env["scope"]] = env["id"]
    _version(env, "local")
    return ok(_public(call, env))


async def delete_environment(call: Call) -> Response:
    """``DELETE /environments/{id_or_name}``: soft; never the organization default."""
    env = await _find(call)
    if _table(call, DEFAULTS).get("") == env["id"]:
        raise ApiError(409, "ENVIRONMENT_IS_DEFAULT", "the organization default cannot be deleted")
    if _table(call, DEFAULTS).get(env["scope"]) == env["id"]:
        del _table(call, DEFAULTS)[env["scope"]]
    env["deleted_at"] = iso(now())
    return no_content()


async def rename(call: Call) -> Response:
    """``POST .../rename``: not versioned."""
    env = await _find(call)
    name = (await call.json()).get("name")
    if not isinstance(name, str) or not name.strip():
        raise ApiError(422, "INVALID_ENVIRONMENT", "name is required", {"field": "name"})
    env["name"] = name
    return ok(_public(call, env))


async def make_default(call: Call) -> Response:
    """``POST .../default``: the default of its own scope."""
    env = await _find(call)
    _table(call, DEFAULTS)[env["scope"]] = env["id"]
    return ok(_public(call, env))


async def inherit_default(call: Call) -> Response:
    """``DELETE /environments/default``: a workspace stops overriding the default."""
    scope = await _scope(call)
    if not scope:
        raise ApiError(422, "WORKSPACE_REQUIRED", "name the workspace that should inherit")
    _table(call, DEFAULTS).pop(scope, None)
    return no_content()


async def billing(call: Call) -> Response:
    """``GET /environments/billing``."""
    return ok(_billing(await _scope(call)))


async def versions(call: Call) -> Response:
    """``GET .../versions``: newest first, no values."""
    env = await _find(call)
    return json_response({"versions": list(reversed(env["history"]))})


async def upgrade(call: Call) -> Response:
    """``POST .../upgrade``: the local server pins no machines, so every id asked for moves."""
    env = await _find(call)
    machines = (await call.json()).get("machine_ids") or []
    return json_response({"version": env["version"], "upgraded": machines, "skipped": []})


async def effective(call: Call) -> Response:
    """``GET .../effective``: the environment over the scope's default, masked."""
    env = await _find(call)
    view = _public(call, env)
    return json_response(
        {
            "effective": {
                "environment_id": env["id"],
                "version": env["version"],
                **{
                    k: view[k]
                    for k in (
                        "variables",
                        "secret_files",
                        "repositories",
                        "cli_tools",
                        "connections",
                    )
                },
            }
        }
    )


async def set_variable(call: Call) -> Response:
    """``PUT .../variables/{name}``."""
    env = await _find(call)
    value = (await call.json()).get("value")
    if not isinstance(value, str):
        raise ApiError(422, "INVALID_ENVIRONMENT", "value must be a string", {"field": "value"})
    env["values"][call.params["name"]] = value
    _version(env, "local")
    return ok(_public(call, env))


async def remove_variable(call: Call) -> Response:
    """``DELETE .../variables/{name}``."""
    env = await _find(call)
    if env["values"].pop(call.params["name"], None) is None:
        raise not_found("variable", call.params["name"])
    _version(env, "local")
    return ok(_public(call, env))


async def reveal_variable(call: Call) -> Response:
    """``GET .../variables/{name}/reveal``: the plaintext (audit-logged)."""
    env = await _find(call)
    name = call.params["name"]
    if name not in env["values"]:
        raise not_found("variable", name)
    call.audit_metadata = {"environment_id": env["id"], "variable": name}
    return json_response({"name": name, "value": env["values"][name]})


def _file_path(call: Call, body: JSON | None = None) -> str:
    path = (body or {}).get("path") or call.query.get("path")
    if not isinstance(path, str) or not path.startswith("/"):
        raise ApiError(422, "INVALID_ENVIRONMENT", "path must be absolute", {"field": "path"})
    return path


async def set_file(call: Call) -> Response:
    """``PUT .../files``."""
    env = await _find(call)
    body = await call.json()
    contents = body.get("contents")
    if not isinstance(contents, str):
        raise ApiError(
            422, "INVALID_ENVIRONMENT", "contents must be a string", {"field": "contents"}
        )
    env["files"][_file_path(call, body)] = contents
    _version(env, "local")
    return ok(_public(call, env))


async def remove_file(call: Call) -> Response:
    """``DELETE .../files?path=``."""
    env = await _find(call)
    path = _file_path(call)
    if env["files"].pop(path, None) is None:
        raise not_found("secret file", path)
    _version(env, "local")
    return ok(_public(call, env))


async def reveal_file(call: Call) -> Response:
    """``GET .../files/reveal?path=``: the contents (audit-logged)."""
    env = await _find(call)
    path = _file_path(call)
    if path not in env["files"]:
        raise not_found("secret file", path)
    return json_response({"path": path, "contents": env["files"][path]})


async def add_repository(call: Call) -> Response:
    """``POST .../repositories``: add, or replace the settings of the same repo."""
    env = await _find(call)
    body = await call.json()
    repo = body.get("repo")
    if not isinstance(repo, str) or "/" not in repo:
        raise ApiError(422, "INVALID_ENVIRONMENT", "repo must be owner/name", {"field": "repo"})
    item = {
        k: body.get(k) for k in ("repo", "source", "base_branch", "setup_script", "setup_blocking")
    }
    env["repositories"] = [r for r in env["repositories"] if r["repo"] != repo] + [item]
    _version(env, "local")
    return ok(_public(call, env))


async def remove_repository(call: Call) -> Response:
    """``DELETE .../repositories?repo=``."""
    env = await _find(call)
    repo = call.query.get("repo", "")
    kept = [r for r in env["repositories"] if r["repo"] != repo]
    if len(kept) == len(env["repositories"]):
        raise not_found("repository", repo)
    env["repositories"] = kept
    _version(env, "local")
    return ok(_public(call, env))


async def deployment_environments(call: Call) -> Response:
    """``GET /deployment-environments``: one production environment per deployment a
    sandbox published (``POST /sandboxes/{id}/deploy``)."""
    published = [d for s in call.store.sandboxes.values() for d in s.deployments]
    return ok(
        [
            {
                "id": f"depenv_{d['id']}",
                "name": "production",
                "deployment_id": d["id"],
                "project_id": None,
                "url": d.get("url"),
                "metadata": {},
                "created_at": d.get("created_at"),
            }
            for d in published
        ]
    )


# -- project auth ------------------------------------------------------------------------


async def _auth(call: Call) -> JSON:
    source = await call.json() if call.request.method != "GET" else dict(call.query)
    kind, ident = source.get("resource_type"), source.get("resource_id")
    if not kind or not ident:
        raise bad_request("resource_type and resource_id are required")
    if kind not in ("sandbox", "deployment"):
        raise bad_request("resource_type must be sandbox or deployment", field="resource_type")
    default: JSON = {
        "resource_type": kind,
        "resource_id": ident,
        "enabled": False,
        "config": {},
        "updated_at": None,
    }
    status: JSON = _table(call, AUTH).setdefault(f"{kind}/{ident}", default)
    return status


async def auth_status(call: Call) -> Response:
    """``GET /project-auth/status``."""
    return ok(await _auth(call))


def _auth_change(enabled: bool | None) -> Any:
    async def handler(call: Call) -> Response:
        status = await _auth(call)
        config = (await call.json()).get("config")
        if config is not None and not isinstance(config, dict):
            raise bad_request("config must be an object", field="config")
        status["config"] = {**status["config"], **(config or {})}
        if enabled is not None:
            status["enabled"] = enabled
        status["updated_at"] = iso(now())
        return ok(status)

    return handler


def endpoints() -> list[Endpoint]:
    item = "/environments/{id_or_name}"
    return [
        Endpoint("GET", "/environments", list_environments),
        Endpoint("POST", "/environments", create_environment, "environment.create"),
        Endpoint("GET", "/environments/billing", billing),
        Endpoint("DELETE", "/environments/default", inherit_default, "environment.inherit_default"),
        Endpoint("GET", item, get_environment),
        Endpoint("PATCH", item, update_environment, "environment.update"),
        Endpoint("DELETE", item, delete_environment, "environment.delete"),
        Endpoint("POST", item + "/rename", rename, "environment.rename"),
        Endpoint("POST", item + "/default", make_default, "environment.make_default"),
        Endpoint("GET", item + "/versions", versions),
        Endpoint("POST", item + "/upgrade", upgrade, "environment.upgrade"),
        Endpoint("GET", item + "/effective", effective),
        Endpoint("PUT", item + "/variables/{name}", set_variable, "environment.variable.set"),
        Endpoint(
            "DELETE", item + "/variables/{name}", remove_variable, "environment.variable.delete"
        ),
        Endpoint(
            "GET", item + "/variables/{name}/reveal", reveal_variable, "environment.variable.reveal"
        ),
        Endpoint("PUT", item + "/files", set_file, "environment.file.set"),
        Endpoint("DELETE", item + "/files", remove_file, "environment.file.delete"),
        Endpoint("GET", item + "/files/reveal", reveal_file, "environment.file.reveal"),
        Endpoint("POST", item + "/repositories", add_repository, "environment.repository.add"),
        Endpoint(
            "DELETE", item + "/repositories", remove_repository, "environment.repository.delete"
        ),
        Endpoint("GET", "/deployment-environments", deployment_environments),
        Endpoint("GET", "/project-auth/status", auth_status),
        Endpoint("POST", "/project-auth/enable", _auth_change(True), "project_auth.enable"),
        Endpoint("POST", "/project-auth/disable", _auth_change(False), "project_auth.disable"),
        Endpoint("PATCH", "/project-auth/config", _auth_change(None), "project_auth.update"),
    ]
