"""Agent runtime profiles: plain records, filtered by workspace and project.

Making a profile the default (``is_default``) clears the flag on the other profiles of
the same workspace and project, so a scope has at most one default.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import bad_request, ok
from .records import Collection, crud_endpoints, find, records
from .routing import Call, Endpoint

PROFILES = Collection(
    "/agent-runtime-profiles",
    "profile_id",
    "arp",
    "agent runtime profile",
    verbs=frozenset({"list", "get", "delete"}),
    filters=("workspace_id", "project_id"),
)
_LISTS = ("applies_to", "tools", "connectors")
_OBJECTS = ("env", "policy", "metadata")
_FIELDS = ("name", "runtime", "description", "is_default", *_LISTS, *_OBJECTS)


def _check(body: JSON) -> None:
    for key in _LISTS:
        if key in body and not isinstance(body[key], list):
            raise bad_request(f"{key} must be a list", field=key)
    for key in _OBJECTS:
        if key in body and not isinstance(body[key], dict):
            raise bad_request(f"{key} must be an object", field=key)


def _one_default(call: Call, profile: JSON) -> None:
    if not profile.get("is_default"):
        return
    for other in records(call, PROFILES).values():
        same_scope = all(other.get(k) == profile.get(k) for k in ("workspace_id", "project_id"))
        if other["id"] != profile["id"] and same_scope:
            other["is_default"] = False


async def create(call: Call) -> Response:
    body = await call.json()
    if not isinstance(body.get("name"), str) or not body["name"]:
        raise bad_request("name is required", field="name")
    _check(body)
    stamp = iso(now())
    profile: JSON = {
        "id": new_id("arp"), "name": body["name"], "runtime": body.get("runtime"),
        "description": body.get("description"), "workspace_id": body.get("workspace_id"),
        "project_id": body.get("project_id"), "applies_to": body.get("applies_to") or [],
        "tools": body.get("tools") or [], "connectors": body.get("connectors") or [],
        "env": body.get("env") or {}, "policy": body.get("policy") or {},
        "metadata": body.get("metadata") or {}, "is_default": bool(body.get("is_default")),
        "created_at": stamp, "updated_at": stamp,
    }  # fmt: skip
    records(call, PROFILES)[profile["id"]] = profile
    _one_default(call, profile)
    call.resource_id = profile["id"]
    return ok(profile, 201)


async def update(call: Call) -> Response:
    profile = find(call, PROFILES)
    body = await call.json()
    _check(body)
    profile.update({k: body[k] for k in _FIELDS if k in body})
    profile["updated_at"] = iso(now())
    _one_default(call, profile)
    return ok(profile)


def endpoints() -> list[Endpoint]:
    return [
        *crud_endpoints([PROFILES]),
        Endpoint("POST", PROFILES.path, create, "agent_runtime_profile.create"),
        Endpoint("PUT", PROFILES.item_path, update, "agent_runtime_profile.update"),
    ]
