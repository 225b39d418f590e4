"""Action authority: decisions against a small catalog, approvals, grants and receipts.

A capability of ``low`` risk is allowed; a ``high`` one needs a live standing grant or a
person's approval: the first ask answers 202 ``pending_approval`` with an approval id, and
once that approval is given the same invocation (same request fingerprint, or the same
capability when none is sent) is allowed once. A capability outside the catalog, or one
whose approval was denied, answers 403. Every ``allow`` is written to the receipts.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, json_response, not_found, ok
from .routing import Call, Endpoint

CATALOG: tuple[JSON, ...] = (
    {"name": "sandbox.exec", "risk": "low", "scope": "sandbox",
     "description": "run a command in a sandbox"},
    {"name": "sandbox.delete", "risk": "high", "scope": "sandbox",
     "description": "destroy a sandbox"},
    {"name": "deployment.promote", "risk": "high", "scope": "deployment",
     "description": "promote a release to production"},
    {"name": "secret.read", "risk": "high", "scope": "secret",
     "description": "read a stored credential"},
)  # fmt: skip
APPROVALS = "/actions/approvals"
GRANTS = "/actions/grants"
RECEIPTS = "/actions/receipts"


def _table(call: Call, path: str) -> dict[str, JSON]:
    return call.store.records.setdefault(path, {})


def _capability(body: JSON) -> JSON:
    capability = body.get("capability")
    if not isinstance(capability, dict) or not isinstance(capability.get("name"), str):
        raise bad_request("capability must be an object with a name", field="capability")
    return capability


def _risk(name: str) -> str:
    for entry in CATALOG:
        if entry["name"] == name:
            return str(entry["risk"])
    raise ApiError(403, "ACTION_DENIED", f"{name} is not in the action catalog",
                   {"decision": "deny"})  # fmt: skip


def _principal(call: Call) -> tuple[str, str]:
    return "api_key", str(call.principal.key_id)


def _receipt(call: Call, body: JSON, capability: JSON, **links: Any) -> JSON:
    principal_type, principal_id = _principal(call)
    receipt: JSON = {
        "id": new_id("rcpt"),
        "decision": "allow",
        "capability": capability,
        "principal_type": principal_type,
        "principal_id": principal_id,
        "surface": body.get("surface"),
        "request_fingerprint": body.get("request_fingerprint"),
        "params_fingerprint": body.get("params_fingerprint"),
        "approval_id": None,
        "grant_id": None,
        **links,
        "created_at": iso(now()),
    }
    _table(call, RECEIPTS)[receipt["id"]] = receipt
    return receipt


def _allow(call: Call, body: JSON, capability: JSON, **links: Any) -> Response:
    receipt = _receipt(call, body, capability, **links)
    return json_response(
        {"decision": "allow", "receipt_id": receipt["id"], **{k: v for k, v in links.items()}}
    )


def _same_request(approval: JSON, capability: JSON, body: JSON) -> bool:
    fingerprint = body.get("request_fingerprint")
    if fingerprint:
        return bool(approval.get("request_fingerprint") == fingerprint)
    return bool(approval["capability"].get("name") == capability["name"])


async def _decide(call: Call, extra: JSON) -> Response:
    body = await call.json()
    capability = _capability(body)
    if _risk(capability["name"]) == "low":
        return _allow(call, body, capability)
    principal_type, principal_id = _principal(call)
    for grant in _table(call, GRANTS).values():
        if (
            grant["status"] == "active"
            and grant["capability"].get("name") == capability["name"]
            and (grant["principal_type"], grant["principal_id"]) == (principal_type, principal_id)
        ):
            return _allow(call, body, capability, grant_id=grant["id"])
    for approval in _table(call, APPROVALS).values():
        if not _same_request(approval, capability, body):
            continue
        if approval["status"] == "approved":
            approval["status"] = "consumed"
            return _allow(call, body, capability, approval_id=approval["id"])
        if approval["status"] == "denied":
            raise ApiError(403, "ACTION_DENIED", approval.get("reason") or "the request was denied",
                           {"decision": "deny", "approval_id": approval["id"]})  # fmt: skip
        if approval["status"] == "pending":
            return json_response({"decision": "pending_approval", "approval_id": approval["id"]},
                                 202)  # fmt: skip
    fresh: JSON = {
        "id": new_id("appr"),
        "status": "pending",
        "capability": capability,
        "principal_type": principal_type,
        "principal_id": principal_id,
        "workspace_id": body.get("workspace_id"),
        "run_id": body.get("run_id"),
        "agent_definition_id": body.get("agent_definition_id"),
        "surface": body.get("surface"),
        "request_fingerprint": body.get("request_fingerprint"),
        "reason": None,
        "decided_by": None,
        "decided_at": None,
        "created_at": iso(now()),
        **extra,
    }
    _table(call, APPROVALS)[fresh["id"]] = fresh
    return json_response({"decision": "pending_approval", "approval_id": fresh["id"]}, 202)


async def authorize(call: Call) -> Response:
    return await _decide(call, {})


async def authorize_app(call: Call) -> Response:
    return await _decide(call, {"app_id": call.params["app_id"]})


async def catalog(call: Call) -> Response:
    return ok(list(CATALOG))


async def approvals(call: Call) -> Response:
    """``GET /actions/approvals``: pending ones unless ``status`` says otherwise."""
    status = call.query.get("status") or "pending"
    wanted = {n: call.query[n] for n in ("principal_type", "run_id", "agent_definition_id")
              if call.query.get(n)}  # fmt: skip
    return ok(
        [
            a
            for a in _table(call, APPROVALS).values()
            if a["status"] == status and all(a.get(k) == v for k, v in wanted.items())
        ]
    )


def _decision(status: str) -> Any:
    async def handler(call: Call) -> Response:
        approval = _table(call, APPROVALS).get(call.params["approval_id"])
        if approval is None:
            raise not_found("approval", call.params["approval_id"])
        if approval["status"] != "pending":
            raise ApiError(409, "APPROVAL_DECIDED", f"approval is already {approval['status']}")
        body = await call.json()
        approval.update(
            status=status,
            reason=body.get("reason"),
            decided_by=call.principal.key_id,
            decided_at=iso(now()),
        )
        return ok(approval)

    return handler


async def grants(call: Call) -> Response:
    status = call.query.get("status")
    return ok([g for g in _table(call, GRANTS).values() if not status or g["status"] == status])


async def create_grant(call: Call) -> Response:
    body = await call.json()
    capability = _capability(body)
    _risk(capability["name"])
    for name in ("principal_type", "principal_id"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)
    grant: JSON = {
        "id": new_id("grant"),
        "status": "active",
        "capability": capability,
        "principal_type": body["principal_type"],
        "principal_id": body["principal_id"],
        "workspace_id": body.get("workspace_id"),
        "constraints": body.get("constraints") or {},
        "expires_at": body.get("expires_at"),
        "revoked_at": None,
        "created_at": iso(now()),
    }
    _table(call, GRANTS)[grant["id"]] = grant
    call.resource_id = grant["id"]
    return ok(grant, 201)


async def revoke_grant(call: Call) -> Response:
    grant = _table(call, GRANTS).get(call.params["grant_id"])
    if grant is None:
        raise not_found("grant", call.params["grant_id"])
    grant.update(status="revoked", revoked_at=grant["revoked_at"] or iso(now()))
    return ok(grant)


async def receipts(call: Call) -> Response:
    items = list(reversed(_table(call, RECEIPTS).values()))
    limit = call.query.get("limit")
    return ok(items[: int(limit)] if limit and limit.isdigit() else items)


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/actions/catalog", catalog),
        Endpoint("POST", "/actions/authorize", authorize, "action.authorize"),
        Endpoint("POST", "/actions/apps/{app_id}/authorize", authorize_app, "action.authorize"),
        Endpoint("GET", APPROVALS, approvals),
        Endpoint("POST", APPROVALS + "/{approval_id}/approve", _decision("approved"),
                 "action.approval.approve"),
        Endpoint("POST", APPROVALS + "/{approval_id}/deny", _decision("denied"),
                 "action.approval.deny"),
        Endpoint("GET", GRANTS, grants),
        Endpoint("POST", GRANTS, create_grant, "action.grant.create"),
        Endpoint("DELETE", GRANTS + "/{grant_id}", revoke_grant, "action.grant.revoke"),
        Endpoint("GET", RECEIPTS, receipts),
    ]  # fmt: skip
