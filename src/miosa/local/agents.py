"""Saved agents (``/agents``) and their immutable, fingerprinted versions.

A version's fingerprint is the SHA-256 of its configuration as canonical JSON, so
publishing an unchanged configuration returns the latest version marked ``unchanged``
instead of numbering a new one. Deleting an agent archives it; restoring brings it back.
"""

from __future__ import annotations

import copy
import hashlib
import json

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import ApiError, bad_request, not_found, ok, page_response
from .records import Collection, records
from .routing import Call, Endpoint
from .runs import matching_runs

AGENTS = Collection("/agents", "agent_id", "agt", "agent")
VERSIONS = Collection("/agents/{agent_id}/versions", "version_id", "agtv", "agent version")
_EDITABLE: dict[str, type] = {"name": str, "description": str, "metadata": dict}
# What a create takes besides the configuration, with the types it must have.
_IDENTITY: dict[str, type] = {**_EDITABLE, "workspace_id": str, "project_id": str}


def _identity(body: JSON, names: dict[str, type]) -> JSON:
    """The given identity fields of ``body``, each of its type."""
    return {k: optional(body, k, kind) for k, kind in names.items() if k in body}


def fingerprint(configuration: JSON) -> str:
    canonical = json.dumps(configuration, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def _agent(call: Call) -> JSON:
    """The agent named by ``agent_id`` (other path parameters name its children)."""
    ident = call.params["agent_id"]
    agent = records(call, AGENTS).get(ident)
    if agent is None:
        raise not_found("agent", ident)
    return agent


def _versions(call: Call, agent_id: str) -> list[JSON]:
    """The agent's versions, oldest first."""
    return [v for v in records(call, VERSIONS).values() if v["agent_id"] == agent_id]


def _configuration(body: JSON) -> JSON:
    value = body.get("configuration", {})
    if not isinstance(value, dict):
        raise bad_request("configuration must be an object", field="configuration")
    return value


def _add_version(call: Call, agent_id: str, configuration: JSON) -> JSON:
    number = len(_versions(call, agent_id)) + 1
    version: JSON = {
        "id": new_id("agtv"),
        "agent_id": agent_id,
        "version": number,
        "configuration": configuration,
        "fingerprint": fingerprint(configuration),
        "created_at": iso(now()),
    }
    records(call, VERSIONS)[version["id"]] = version
    return version


def _view(call: Call, agent: JSON) -> JSON:
    versions = _versions(call, agent["id"])
    latest = versions[-1] if versions else None
    return {**agent, "version": latest, "latest_version": latest["version"] if latest else None}


def _new_agent(call: Call, fields: JSON, configuration: JSON) -> JSON:
    stamp = iso(now())
    agent: JSON = {
        "id": new_id("agt"),
        "name": fields["name"],
        "description": fields.get("description"),
        "status": "active",
        "workspace_id": fields.get("workspace_id"),
        "project_id": fields.get("project_id"),
        "metadata": fields.get("metadata") or {},
        "archived_at": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, AGENTS)[agent["id"]] = agent
    call.resource_id = agent["id"]
    _add_version(call, agent["id"], configuration)
    return agent


async def create(call: Call) -> Response:
    """``POST /agents``: the agent and version 1 (201)."""
    body = await call.json()
    if not require(body, "name", str).strip():
        raise bad_request("name is required", field="name")
    agent = _new_agent(call, _identity(body, _IDENTITY), _configuration(body))
    return ok(_view(call, agent), 201)


async def list_agents(call: Call) -> Response:
    """``GET /agents``: filtered by workspace, project and status; paged by cursor."""
    wanted = {k: call.query[k] for k in ("workspace_id", "project_id", "status") if k in call.query}
    found = [
        _view(call, a)
        for a in records(call, AGENTS).values()
        if all(str(a.get(k)) == v for k, v in wanted.items())
    ]
    return page_response(found, call.query)


async def get(call: Call) -> Response:
    return ok(_view(call, _agent(call)))


async def update(call: Call) -> Response:
    """``PATCH /agents/{agent_id}``: identity only; behaviour changes by publishing."""
    agent = _agent(call)
    body = await call.json()
    if "name" in body and not require(body, "name", str).strip():
        raise bad_request("name must be a non-empty string", field="name")
    agent.update(_identity(body, _EDITABLE))
    agent["updated_at"] = iso(now())
    return ok(_view(call, agent))


async def archive(call: Call) -> Response:
    agent = _agent(call)
    stamp = iso(now())
    agent.update(status="archived", archived_at=stamp, updated_at=stamp)
    return ok(_view(call, agent))


async def restore(call: Call) -> Response:
    agent = _agent(call)
    agent.update(status="active", archived_at=None, updated_at=iso(now()))
    return ok(_view(call, agent), 201)


def _active(call: Call) -> JSON:
    agent = _agent(call)
    if agent["status"] == "archived":
        raise ApiError(409, "AGENT_ARCHIVED", f"agent {agent['id']} is archived: restore it first")
    return agent


async def list_versions(call: Call) -> Response:
    agent = _agent(call)
    return page_response(list(reversed(_versions(call, agent["id"]))), call.query)


async def publish(call: Call) -> Response:
    """``POST /agents/{agent_id}/versions``: 201 with a new version, or the latest unchanged."""
    agent = _active(call)
    configuration = _configuration(await call.json())
    latest = _versions(call, agent["id"])[-1]
    if latest["fingerprint"] == fingerprint(configuration):
        return ok({**latest, "unchanged": True})
    agent["updated_at"] = iso(now())
    return ok({**_add_version(call, agent["id"], configuration), "unchanged": False}, 201)


def _version(call: Call, agent_id: str, raw: str) -> JSON:
    number = int(raw) if raw.isdigit() else -1
    for version in _versions(call, agent_id):
        if version["version"] == number:
            return version
    raise not_found("agent version", raw)


async def get_version(call: Call) -> Response:
    agent = _agent(call)
    return ok(_version(call, agent["id"], call.params["version"]))


async def duplicate(call: Call) -> Response:
    """``POST /agents/{agent_id}/duplicate``: a new agent from a version (default latest)."""
    source = _agent(call)
    body = await call.json()
    number = body.get("version")
    if number is None:
        version = _versions(call, source["id"])[-1]
    else:
        version = _version(call, source["id"], str(number))
    configuration = copy.deepcopy(version["configuration"])
    model = optional(body, "model", str)
    if model:
        configuration["model"] = model
    fields = {
        **source,
        "name": optional(body, "name", str) or f"{source['name']} (copy)",
        "workspace_id": optional(body, "workspace_id", str) or source.get("workspace_id"),
        "metadata": copy.deepcopy(source.get("metadata") or {}),
    }
    return ok(_view(call, _new_agent(call, fields, configuration)), 201)


async def agent_runs(call: Call) -> Response:
    """``GET /agents/{agent_id}/runs``: runs whose ``agent_definition_id`` is this agent."""
    agent = _agent(call)
    return ok(matching_runs(call, agent_definition_id=agent["id"]))


def endpoints() -> list[Endpoint]:
    item = AGENTS.item_path
    return [
        Endpoint("GET", AGENTS.path, list_agents),
        Endpoint("POST", AGENTS.path, create, "agent.create"),
        Endpoint("GET", item, get),
        Endpoint("PATCH", item, update, "agent.update"),
        Endpoint("DELETE", item, archive, "agent.archive"),
        Endpoint("POST", item + "/restore", restore, "agent.restore"),
        Endpoint("GET", item + "/versions", list_versions),
        Endpoint("POST", item + "/versions", publish, "agent.publish"),
        Endpoint("GET", item + "/versions/{version}", get_version),
        Endpoint("POST", item + "/duplicate", duplicate, "agent.duplicate"),
        Endpoint("GET", item + "/runs", agent_runs),
    ]
