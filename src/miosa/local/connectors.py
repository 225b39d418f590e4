"""MIOSA Connect (``/connect/*``): connectors, runtime tokens, OAuth starts, project links,
inherited defaults and inbound triggers.

A connector's secret is kept beside the record and never returned: replies carry a
``masked_value``, and the secret comes back only as the ``token`` of a token request
(what a runtime would be handed). A ``deny`` link for the asking resource refuses the
token with 403. Defaults apply to a runtime when their ``target`` is its kind or ``all``;
materializing them writes one project link per default for that resource.
"""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional
from .http import ApiError, bad_request, no_content, not_found, ok
from .records import Collection, crud_endpoints, find, records
from .routing import Call, Endpoint
from .typed import EXTERNAL

CONNECTORS = Collection("/connect/connectors", "connector", "conn", "connector")
LINKS = Collection(
    "/connect/project-links",
    "link_id",
    "cpl",
    "project link",
    verbs=frozenset({"delete"}),
)
DEFAULTS = Collection(
    "/connect/defaults", "default_id", "cdef", "connector default", verbs=frozenset({"delete"})
)
TRIGGERS = Collection(
    "/connect/triggers", "trigger_id", "ctrg", "connector trigger", verbs=frozenset({"delete"})
)
INSTALLATIONS = Collection(
    "/connect/installations",
    "installation_id",
    "cins",
    "installation",
    verbs=frozenset({"list"}),
    filters=(
        "workspace_id",
        "project_id",
        "connector_id",
        "environment",
        "status",
        "external_user_id",
        "external_workspace_id",
        "external_project_id",
    ),
)
OAUTH_PROVIDERS: tuple[JSON, ...] = tuple(
    {"id": name, "provider": name, "display_name": label, "scopes": scopes, "enabled": True}
    for name, label, scopes in (
        ("github", "GitHub", ["repo", "read:user"]),
        ("google", "Google", ["openid", "email"]),
        ("slack", "Slack", ["chat:write", "channels:read"]),
    )
)
_SECRETS = "/connect/connectors#secrets"
_EXTERNAL = ("external_user_id", "external_workspace_id", "external_project_id")
_LINK_FIELDS = (
    "workspace_id",
    "project_id",
    "environment",
    "resource_type",
    "resource_id",
    "metadata",
    *_EXTERNAL,
)
_TARGETS = frozenset({"all", "sandbox", "computer", "agent", "deployment"})


def _secrets(call: Call) -> dict[str, JSON]:
    """Connector id to ``{"value": secret}``, out of every reply's way."""
    return call.store.records.setdefault(_SECRETS, {})


def _lookup(call: Call, ident: str) -> JSON:
    """A connector by id or uid, 404 when neither matches."""
    table = records(call, CONNECTORS)
    found = table.get(ident) or next((c for c in table.values() if c.get("uid") == ident), None)
    if found is None:
        raise not_found("connector", ident)
    return found


def _matches(record: JSON, call: Call, names: tuple[str, ...]) -> bool:
    return all(str(record.get(n)) == call.query[n] for n in names if call.query.get(n))


async def list_connectors(call: Call) -> Response:
    """``GET /connect/connectors``, filtered by scope, owner, workspace and attribution."""
    names = ("scope", "workspace_id", "owner_user_id", *_EXTERNAL)
    return ok([c for c in records(call, CONNECTORS).values() if _matches(c, call, names)])


async def create_connector(call: Call) -> Response:
    """``POST /connect/connectors``: 409 when the uid is taken; the secret is kept aside."""
    body = await call.json()
    provider = body.get("provider")
    if not isinstance(provider, str) or not provider:
        raise bad_request("provider is required", field="provider")
    uid = str(body.get("uid") or f"{provider}/{body.get('name') or 'default'}")
    if any(c.get("uid") == uid for c in records(call, CONNECTORS).values()):
        raise ApiError(409, "CONFLICT", f"a connector {uid!r} already exists", {"uid": uid})
    credential = body.get("credential")
    value = credential.get("value") if isinstance(credential, dict) else None
    stamp = iso(now())
    record: JSON = {
        "id": new_id("conn"),
        "uid": uid,
        "name": body.get("name") or uid.split("/", 1)[-1],
        "provider": provider,
        "type": str(body.get("type") or "api_key"),
        "scope": body.get("scope") or "workspace",
        "status": "active" if value else "pending",
        "managed": False,
        "display_name": body.get("name") or uid,
        "masked_value": f"****{value[-4:]}" if isinstance(value, str) and value else None,
        "workspace_id": body.get("workspace_id"),
        "owner_user_id": body.get("owner_user_id"),
        "expires_at": None,
        "metadata": body.get("metadata") or {},
        **{k: body.get(k) for k in _EXTERNAL},
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, CONNECTORS)[record["id"]] = record
    if isinstance(value, str):
        _secrets(call)[record["id"]] = {"value": value}
    call.resource_id = record["id"]
    return ok(record, 201)


async def get_connector(call: Call) -> Response:
    """``GET /connect/connectors/{connector}`` by id or uid."""
    return ok(_lookup(call, call.params["connector"]))


def _denied(call: Call, connector: JSON, body: JSON) -> bool:
    """A ``deny`` link of this connector covers the asking resource."""
    rtype, rid = body.get("resource_type"), body.get("resource_id")
    return any(
        link["connector_id"] == connector["id"]
        and link.get("effect") == "deny"
        and (link.get("resource_type"), link.get("resource_id")) == (rtype, rid)
        for link in records(call, LINKS).values()
    )


async def token(call: Call) -> Response:
    """``POST /connect/token/{connector}``: the stored secret as a one-hour token."""
    connector = _lookup(call, call.params["connector"])
    body = await call.json()
    if _denied(call, connector, body):
        raise ApiError(403, "FORBIDDEN", "a deny link refuses this connector to the resource")
    value = _secrets(call).get(connector["id"], {}).get("value")
    if value is None:
        raise ApiError(409, "NOT_AUTHORIZED", "the connector has no credential yet")
    scopes = body.get("scopes") or []
    return ok(
        {
            "token": value,
            "expires_at": iso(now() + 3600),
            "connector": {k: connector[k] for k in ("id", "uid", "type")},
            "name": connector["name"],
            "installation_id": body.get("installation_id"),
            "subject": body.get("subject") or {"type": "app"},
            "scopes": scopes if isinstance(scopes, list) else [scopes],
            "metadata": {},
        }
    )


async def oauth_providers(call: Call) -> Response:
    """``GET /connect/oauth/providers``: GitHub, Google and Slack."""
    return ok(list(OAUTH_PROVIDERS))


async def start_oauth(call: Call) -> Response:
    """``POST /connect/oauth/start``: an authorize URL on the local server, 400 for an
    unknown provider."""
    body = await call.json()
    provider = optional(body, "provider", str)
    if provider not in {p["provider"] for p in OAUTH_PROVIDERS}:
        raise bad_request(f"no OAuth app for provider {provider!r}", field="provider")
    state = secrets.token_urlsafe(16)
    base = str(call.request.base_url).rstrip("/")
    return ok({"authorize_url": f"{base}/connect/oauth/authorize?state={state}", "state": state})


async def _link_record(call: Call, body: JSON, prefix: str) -> JSON:
    ident = body.get("connector_id") or body.get("connector")
    if not isinstance(ident, str) or not ident:
        raise bad_request("connector or connector_id is required", field="connector")
    connector = _lookup(call, ident)
    effect = body.get("effect") or "allow"
    if effect not in ("allow", "deny"):
        raise bad_request("effect must be allow or deny", field="effect")
    return {
        "id": new_id(prefix),
        "connector_id": connector["id"],
        "installation_id": body.get("installation_id"),
        **{k: body.get(k) for k in _LINK_FIELDS},
        "allowed_subjects": body.get("allowed_subjects") or [],
        "allowed_scopes": body.get("allowed_scopes") or [],
        "mode": str(body.get("mode") or "token_api").replace("-", "_"),
        "effect": effect,
        "created_at": iso(now()),
    }


_LINK_FILTERS = ("workspace_id", "project_id", "connector_id", "environment", *_EXTERNAL)


async def list_links(call: Call) -> Response:
    """``GET /connect/project-links``."""
    return ok([r for r in records(call, LINKS).values() if _matches(r, call, _LINK_FILTERS)])


async def create_link(call: Call) -> Response:
    """``POST /connect/project-links``: the connector (uid or id) must exist."""
    record = await _link_record(call, await call.json(), "cpl")
    records(call, LINKS)[record["id"]] = record
    return ok(record, 201)


async def list_defaults(call: Call) -> Response:
    """``GET /connect/defaults``."""
    names = (*_LINK_FILTERS, "default_scope", "target")
    return ok([r for r in records(call, DEFAULTS).values() if _matches(r, call, names)])


async def create_default(call: Call) -> Response:
    """``POST /connect/defaults``: ``target`` one of all/sandbox/computer/agent/deployment."""
    body = await call.json()
    target = optional(body, "target", str) or "all"
    if target not in _TARGETS:
        raise bad_request(f"target must be one of {sorted(_TARGETS)}", field="target")
    record = await _link_record(call, body, "cdef")
    record.update(target=target, default_scope=body.get("default_scope") or "tenant")
    records(call, DEFAULTS)[record["id"]] = record
    return ok(record, 201)


def _applicable(call: Call, where: dict[str, Any]) -> list[JSON]:
    """Defaults for a runtime: target its kind or ``all``; project/workspace/environment,
    when the default names one, must match."""
    kind = where.get("target") or where.get("resource_type")
    found = []
    for d in records(call, DEFAULTS).values():
        if kind and d["target"] not in ("all", kind):
            continue
        scoped = ("workspace_id", "project_id", "environment")
        if any(d.get(k) and where.get(k) and d[k] != where[k] for k in scoped):
            continue
        found.append(d)
    return found


async def applicable_defaults(call: Call) -> Response:
    """``GET /connect/defaults/applicable``."""
    return ok(_applicable(call, dict(call.query)))


async def materialize(call: Call) -> Response:
    """``POST /connect/defaults/materialize``: one link for the resource per default."""
    body = await call.json()
    rtype, rid = body.get("resource_type"), body.get("resource_id")
    if not rtype or not rid:
        raise bad_request("resource_type and resource_id are required", field="resource_id")
    results = []
    for d in _applicable(call, body):
        link = {**d, "id": new_id("cpl"), "resource_type": rtype, "resource_id": rid}
        link.pop("target", None)
        link.pop("default_scope", None)
        records(call, LINKS)[link["id"]] = link
        results.append({"default_id": d["id"], "link_id": link["id"], "status": "applied"})
    return ok({"applied": len(results), "results": results})


async def list_triggers(call: Call) -> Response:
    """``GET /connect/triggers``: the signing secret shows as a preview only."""
    names = (*_LINK_FILTERS, "status")
    return ok(
        [
            {**t, "webhook_signing_secret": None}
            for t in records(call, TRIGGERS).values()
            if _matches(t, call, names)
        ]
    )


async def create_trigger(call: Call) -> Response:
    """``POST /connect/triggers``: a destination path or URL is required; the signing
    secret (given or generated) is in this reply only."""
    body = await call.json()
    ident = body.get("connector_id") or body.get("connector")
    connector = _lookup(call, str(ident)) if ident else None
    if not body.get("destination_path") and not body.get("destination_url"):
        raise bad_request("destination_path or destination_url is required", field="destination")
    adapter = body.get("provider_adapter") or "generic"
    if adapter not in ("generic", "github", "slack"):
        raise bad_request("provider_adapter must be generic, github or slack")
    signing = body.get("webhook_signing_secret") or secrets.token_hex(16)
    record: JSON = {
        "id": new_id("ctrg"),
        "connector_id": connector["id"] if connector else None,
        **{k: body.get(k) for k in ("workspace_id", "project_id", "environment", *_EXTERNAL)},
        "destination_path": body.get("destination_path"),
        "destination_url": body.get("destination_url"),
        "event_types": body.get("event_types") or [],
        "status": body.get("status") or "active",
        "provider_adapter": adapter,
        "signing_secret_preview": f"{signing[:4]}****",
        "webhook_token": secrets.token_urlsafe(12),
        "metadata": body.get("metadata") or {},
        "created_at": iso(now()),
    }
    records(call, TRIGGERS)[record["id"]] = record
    return ok({**record, "webhook_signing_secret": signing}, 201)


async def trigger_deliveries(call: Call) -> Response:
    """``GET /connect/triggers/{trigger_id}/deliveries``: none are delivered locally."""
    trigger = find(call, TRIGGERS)
    return ok(list(trigger.get("deliveries", [])))


# -- bindings of a sandbox or a deployment to a connector -----------------------------------

BINDINGS = Collection(
    "/sandboxes/{sandbox_id}/connectors",
    "binding_or_connector",
    "cbnd",
    "connector binding",
    verbs=frozenset(),
)
# Optional string fields a binding keeps as sent (``null`` when absent).
_BINDING_SCOPE = ("installation_id", "project_id", "environment", *EXTERNAL)

Owner = tuple[str, str]
"""The field naming a binding's owner and its id: ``("sandbox_id", "sbx_...")``."""


def bindings_of(call: Call, table: Collection, owner: Owner) -> list[JSON]:
    """The bindings in ``table`` that belong to ``owner``, oldest first."""
    field, ident = owner
    return [b for b in records(call, table).values() if b[field] == ident]


def create_binding(
    call: Call,
    table: Collection,
    owner: Owner,
    body: JSON,
    *,
    connector: str,
    env_name: str,
    mode: str,
) -> Response:
    """Bind ``owner`` to a connector (by uid or id) under ``env_name`` and answer 201 with
    the binding; an existing binding of that env name is replaced, an unknown connector
    is a 404. Serves ``POST /sandboxes/{sandbox_id}/connectors`` and
    ``POST /deployments/{deployment_id}/connectors``.

    The routes read ``connector``, ``env_name`` and ``mode`` themselves: each words a
    mistyped one its own way. The scope fields are read here, before anything is looked
    up or replaced, so a mistyped one is a 400 that leaves the bindings as they were.
    """
    scope = {k: optional(body, k, str) for k in _BINDING_SCOPE}
    found = _lookup(call, connector)
    kept = records(call, table)
    for old in bindings_of(call, table, owner):
        if old["env_name"] == env_name:
            del kept[old["id"]]
    stamp = iso(now())
    binding: JSON = {
        "id": new_id(table.prefix),
        owner[0]: owner[1],
        "connector": found["uid"],
        "connector_id": found["id"],
        "env_name": env_name,
        "mode": mode,
        **scope,
        "created_at": stamp,
        "updated_at": stamp,
    }
    kept[binding["id"]] = binding
    call.resource_id = binding["id"]
    return ok(binding, 201)


def delete_bindings(call: Call, table: Collection, owner: Owner) -> Response:
    """Remove the binding named by the ``binding_or_connector`` path parameter, or every
    binding of that connector uid, and answer 204; 404 when none matches. Serves
    ``DELETE /sandboxes/{sandbox_id}/connectors/{binding_or_connector}`` and
    ``DELETE /deployments/{deployment_id}/connectors/{binding_or_connector}``."""
    key = call.params["binding_or_connector"]
    gone = [b for b in bindings_of(call, table, owner) if key in (b["id"], b["connector"])]
    if not gone:
        raise not_found("connector binding", key)
    for binding in gone:
        del records(call, table)[binding["id"]]
    return no_content()


async def sync_reply(call: Call, bindings: list[JSON]) -> Response:
    """Stamp every binding as applied again; the ``.../connectors/sync`` routes of a
    sandbox and a deployment. The body is read (so a malformed one is a 400) but unused."""
    await call.json()
    stamp = iso(now())
    for binding in bindings:
        binding["synced_at"] = stamp
    return ok({"synced": len(bindings), "env_names": [b["env_name"] for b in bindings]})


async def preflight_reply(call: Call, bindings: list[JSON]) -> Response:
    """Which bindings would not apply: their connector has no credential yet, or is gone;
    the ``.../connectors/preflight`` routes of a sandbox and a deployment."""
    await call.json()
    connectors = records(call, CONNECTORS)
    problems = [
        {"env_name": b["env_name"], "connector": b["connector"], "reason": "no credential"}
        for b in bindings
        if b["connector_id"] not in connectors or b["connector_id"] not in _secrets(call)
    ]
    return ok({"ok": not problems, "bindings": len(bindings), "problems": problems})


def _sandbox_owner(call: Call) -> Owner:
    return ("sandbox_id", call.sandbox().id)


async def list_bindings(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/connectors``."""
    return ok(bindings_of(call, BINDINGS, _sandbox_owner(call)))


async def attach_binding(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/connectors``: see :func:`create_binding`."""
    owner = _sandbox_owner(call)
    body = await call.json()
    # This route's own wording: a missing or mistyped name "is required", and a null or
    # empty mode is refused rather than defaulted.
    for name in ("connector", "env_name"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise bad_request(f"{name} is required", field=name)
    mode = body.get("mode", "brokered_env")
    if not isinstance(mode, str) or not mode:
        raise bad_request("mode must be a binding mode such as brokered_env", field="mode")
    return create_binding(
        call,
        BINDINGS,
        owner,
        body,
        connector=body["connector"],
        env_name=body["env_name"],
        mode=mode,
    )


async def detach_binding(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}/connectors/{binding_or_connector}``: see
    :func:`delete_bindings`."""
    return delete_bindings(call, BINDINGS, _sandbox_owner(call))


async def sync_bindings(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/connectors/sync``: every binding is applied again."""
    return await sync_reply(call, bindings_of(call, BINDINGS, _sandbox_owner(call)))


async def preflight_bindings(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/connectors/preflight``: see :func:`preflight_reply`."""
    return await preflight_reply(call, bindings_of(call, BINDINGS, _sandbox_owner(call)))


def endpoints() -> list[Endpoint]:
    connector = "/connect/connectors/{connector:path}"
    return [
        *crud_endpoints([INSTALLATIONS, LINKS, DEFAULTS, TRIGGERS]),
        Endpoint("GET", CONNECTORS.path, list_connectors),
        Endpoint("POST", CONNECTORS.path, create_connector, "connector.create"),
        Endpoint("GET", connector, get_connector),
        Endpoint("POST", "/connect/token/{connector:path}", token, "connector.token"),
        Endpoint("GET", "/connect/oauth/providers", oauth_providers),
        Endpoint("POST", "/connect/oauth/start", start_oauth),
        Endpoint("GET", LINKS.path, list_links),
        Endpoint("POST", LINKS.path, create_link, "connector_link.create"),
        Endpoint("GET", DEFAULTS.path, list_defaults),
        Endpoint("POST", DEFAULTS.path, create_default, "connector_default.create"),
        Endpoint("GET", "/connect/defaults/applicable", applicable_defaults),
        Endpoint("POST", "/connect/defaults/materialize", materialize, "connector_default.apply"),
        Endpoint("GET", TRIGGERS.path, list_triggers),
        Endpoint("POST", TRIGGERS.path, create_trigger, "connector_trigger.create"),
        Endpoint("GET", f"{TRIGGERS.item_path}/deliveries", trigger_deliveries),
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
