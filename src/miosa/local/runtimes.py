"""Sandbox runtimes (``/sandboxes/runtimes``), the capability contract
(``/runtime-capabilities``) and runtime env vars (``/runtime-env``).

The local server runs every sandbox the same way, so it reports ``firecracker`` and
``auto`` available and ``soma`` not. Runtime env vars are stored per scope and target (the
same name set again replaces the value) and their values are never returned; they are not
injected into local sandboxes.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import bad_request, no_content, not_found, ok
from .routing import Call, Endpoint

_SHAPE = {"cpu_count": 8, "memory_mb": 16384, "disk_size_mb": 51200}
_CAPS = {"browser": False, "network_egress": True, "persistence": True, "pause": True,
         "gpu": False, "max_shape": _SHAPE}  # fmt: skip
RUNTIMES = (
    {"id": "firecracker", "runtime_profile": "standard", "label": "Firecracker microVM",
     "description": "The full microVM for every size and template.", "default": True,
     "available": True, "unavailable_reason": None, "capabilities": _CAPS},
    {"id": "soma", "runtime_profile": "soma", "label": "Soma",
     "description": "The fastest start for supported Linux images.", "default": False,
     "available": False,
     "unavailable_reason": "the local server runs every sandbox the same way",
     "capabilities": {**_CAPS, "pause": False}},
    {"id": "auto", "runtime_profile": "auto", "label": "Automatic",
     "description": "The platform picks.", "default": False, "available": True,
     "unavailable_reason": None, "capabilities": _CAPS},
)  # fmt: skip
SCOPES = ("tenant", "workspace", "project")
_PUBLIC = ("id", "name", "scope", "workspace_id", "project_id", "target", "enabled",
           "metadata", "created_at", "updated_at")  # fmt: skip


async def list_runtimes(call: Call) -> Response:
    return ok(list(RUNTIMES))


async def capabilities(call: Call) -> Response:
    return ok(
        {
            "version": "1",
            "generated_at": iso(now()),
            "runtimes": [r["id"] for r in RUNTIMES if r["available"]],
            "sandboxes": {"exec": True, "processes": True, "files": True, "terminal": True},
            "agents": {"runs": True, "run_groups": True, "chats": True},
        }
    )


def _vars(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault("runtime-env", {})


def _view(var: JSON) -> JSON:
    return {**{k: var.get(k) for k in _PUBLIC}, "has_value": bool(var.get("_value"))}


async def list_env(call: Call) -> Response:
    wanted = {
        k: call.query[k]
        for k in ("scope", "workspace_id", "project_id", "target")
        if call.query.get(k)
    }
    found = [v for v in _vars(call).values() if all(v.get(k) == w for k, w in wanted.items())]
    return ok([_view(v) for v in found])


async def set_env(call: Call) -> Response:
    body = await call.json()
    name, value = body.get("name"), body.get("value")
    if not isinstance(name, str) or not name:
        raise bad_request("name is required", field="name")
    if not isinstance(value, str):
        raise bad_request("value must be a string", field="value")
    scope = body.get("scope") or "tenant"
    if scope not in SCOPES:
        raise bad_request(f"scope must be one of {', '.join(SCOPES)}", field="scope")
    owner = {"workspace": "workspace_id", "project": "project_id"}.get(scope)
    if owner and not body.get(owner):
        raise bad_request(f"a {scope} env var needs {owner}", field=owner)
    key = (
        scope,
        body.get("workspace_id"),
        body.get("project_id"),
        body.get("target") or "all",
        name,
    )
    stamp = iso(now())
    existing = next((v for v in _vars(call).values() if v["_key"] == key), None)
    var: JSON = existing or {"id": new_id("renv"), "created_at": stamp}
    var.update(
        name=name, scope=scope, workspace_id=body.get("workspace_id"),
        project_id=body.get("project_id"), target=key[3], enabled=body.get("enabled", True),
        metadata=body.get("metadata") or {}, updated_at=stamp, _value=value, _key=key,
    )  # fmt: skip
    _vars(call)[var["id"]] = var
    call.resource_id = var["id"]
    return ok(_view(var))


def _var(call: Call) -> JSON:
    ident = call.params["env_id"]
    var = _vars(call).get(ident)
    if var is None:
        raise not_found("runtime env var", ident)
    return var


async def get_env(call: Call) -> Response:
    return ok(_view(_var(call)))


async def delete_env(call: Call) -> Response:
    del _vars(call)[_var(call)["id"]]
    return no_content()


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/sandboxes/runtimes", list_runtimes),
        Endpoint("GET", "/runtime-capabilities", capabilities),
        Endpoint("GET", "/runtime-env", list_env),
        Endpoint("POST", "/runtime-env", set_env, "runtime_env.set"),
        Endpoint("GET", "/runtime-env/{env_id}", get_env),
        Endpoint("DELETE", "/runtime-env/{env_id}", delete_env, "runtime_env.delete"),
    ]
