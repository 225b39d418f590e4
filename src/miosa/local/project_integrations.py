"""Per-project third-party API-key integrations (``/project-integrations``).

An integration is a record: one provider of the catalog connected to one project, with
its credentials. The credentials are kept out of every reply (only their key names are
shown, in ``credential_keys``) and are not checked against the provider: no Stripe or
Twilio is reached locally. The catalog is canned.
"""

from __future__ import annotations

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import optional, require
from .http import bad_request, json_response, no_content, ok, paginate
from .records import Collection, find, records
from .routing import Call, Endpoint

INTEGRATIONS = Collection(
    "/project-integrations",
    "integration_id",
    "pint",
    "project integration",
    verbs=frozenset(),  # served by the handlers below, which keep credentials apart
)
# Where the credentials live: apart from the records, so no reply can carry them.
SECRETS = "/project-integrations#credentials"


def _secret_schema(*names: str) -> JSON:
    return {
        "type": "object",
        "required": list(names),
        "properties": {n: {"type": "string", "secret": True} for n in names},
    }


CATALOG: tuple[JSON, ...] = (
    {
        "provider": "stripe",
        "name": "Stripe",
        "description": "Payments: STRIPE_SECRET_KEY in the project's machines.",
        "schema": _secret_schema("secret_key"),
    },
    {
        "provider": "resend",
        "name": "Resend",
        "description": "Transactional email: RESEND_API_KEY in the project's machines.",
        "schema": _secret_schema("api_key"),
    },
    {
        "provider": "twilio",
        "name": "Twilio",
        "description": "SMS and voice: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.",
        "schema": _secret_schema("account_sid", "auth_token"),
    },
)
PROVIDERS = tuple(str(entry["provider"]) for entry in CATALOG)


def _public(call: Call, integration: JSON) -> JSON:
    keys = sorted(call.store.records.get(SECRETS, {}).get(integration["id"], {}))
    return {**integration, "credential_keys": keys}


def _credentials(body: JSON) -> JSON | None:
    return optional(body, "credentials", dict)


async def catalog(call: Call) -> Response:
    """``GET /project-integrations/catalog``: the providers and their credential schemas."""
    return ok(list(CATALOG))


async def list_integrations(call: Call) -> Response:
    """``GET /project-integrations``: filtered by ``project_id`` and ``provider``."""
    wanted = {k: call.query[k] for k in ("project_id", "provider") if call.query.get(k)}
    found = [
        _public(call, i)
        for i in records(call, INTEGRATIONS).values()
        if all(i.get(k) == v for k, v in wanted.items())
    ]
    return json_response(paginate(found, call.query))


async def create_integration(call: Call) -> Response:
    """``POST /project-integrations``: connects a catalog provider to a project."""
    body = await call.json()
    project_id = require(body, "project_id", str)
    provider = require(body, "provider", str)
    if provider not in PROVIDERS:
        raise bad_request(
            f"provider must be one of {', '.join(PROVIDERS)}", field="provider", allowed=PROVIDERS
        )
    credentials = _credentials(body) or {}
    stamp = iso(now())
    integration: JSON = {
        "id": new_id("pint"),
        "project_id": project_id,
        "provider": provider,
        "status": "active",
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, INTEGRATIONS)[integration["id"]] = integration
    call.store.records.setdefault(SECRETS, {})[integration["id"]] = dict(credentials)
    call.resource_id = integration["id"]
    return ok(_public(call, integration), 201)


async def get_integration(call: Call) -> Response:
    """``GET /project-integrations/{integration_id}``."""
    return ok(_public(call, find(call, INTEGRATIONS)))


async def update_integration(call: Call) -> Response:
    """``PATCH /project-integrations/{integration_id}``: replaces the credentials."""
    integration = find(call, INTEGRATIONS)
    credentials = _credentials(await call.json())
    if credentials is not None:
        call.store.records.setdefault(SECRETS, {})[integration["id"]] = dict(credentials)
    integration["updated_at"] = iso(now())
    return ok(_public(call, integration))


async def delete_integration(call: Call) -> Response:
    """``DELETE /project-integrations/{integration_id}``: the credentials go with it."""
    integration = find(call, INTEGRATIONS)
    del records(call, INTEGRATIONS)[integration["id"]]
    call.store.records.setdefault(SECRETS, {}).pop(integration["id"], None)
    return no_content()


def endpoints() -> list[Endpoint]:
    item = INTEGRATIONS.item_path
    return [
        Endpoint("GET", "/project-integrations/catalog", catalog),
        Endpoint("GET", "/project-integrations", list_integrations),
        Endpoint("POST", "/project-integrations", create_integration, "project_integration.create"),
        Endpoint("GET", item, get_integration),
        Endpoint("PATCH", item, update_integration, "project_integration.update"),
        Endpoint("DELETE", item, delete_integration, "project_integration.delete"),
    ]
