"""Account integrations (``/integrations/{provider}/start``), the apps they connect
(``PATCH /connections/apps/{app_id}``) and your own provider keys (``/external-keys``).

Starting an integration answers an authorize URL on this server. There is no provider
to send a user to and come back from, so the start counts as the grant: the app is
connected at once, addressed by its provider name (``github``), and can be shared.
A provider key is stored as given and only ever shown masked.
"""

from __future__ import annotations

import secrets

from starlette.responses import Response

from . import fields
from .agent_settings import preview
from .common import JSON, iso, now
from .http import ApiError, bad_request, created, not_found, ok
from .routing import Call, Endpoint

PROVIDERS = {"github": "GitHub", "slack": "Slack", "linear": "Linear", "discord": "Discord"}
_APPS = "connections:apps"  # provider -> connection
_KEYS = "external-keys"  # provider -> {"provider", "value", "masked_key", "created_at"}


def _apps(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(_APPS, {})


def _start(call: Call, provider: str) -> Response:
    """The authorize URL for ``provider``; the app is connected (see the module doc)."""
    label = PROVIDERS.get(provider)
    if label is None:
        raise ApiError(
            404,
            "NOT_FOUND",
            f"no integration provider {provider!r}",
            {"provider": provider, "providers": sorted(PROVIDERS)},
        )
    state = secrets.token_urlsafe(16)
    base = str(call.request.base_url).rstrip("/")
    url = f"{base}/integrations/{provider}/authorize?state={state}"
    app = _apps(call).setdefault(
        provider,
        {
            "ref": f"app:{provider}",
            "id": provider,
            "type": "app",
            "family": "apps",
            "kind": "oauth",
            "provider": provider,
            "label": label,
            "status": "connected",
            "shared": False,
            "scope": "organization",
        },
    )
    app["updated_at"] = iso(now())
    return ok({"authorize_url": url, "url": url, "state": state, "provider": provider})


async def start(call: Call) -> Response:
    """``GET /integrations/{provider}/start``."""
    return _start(call, call.params["provider"])


async def linear_start(call: Call) -> Response:
    """``GET /integrations/linear/start``: the same as ``start`` for Linear."""
    return _start(call, "linear")


async def share_app(call: Call) -> Response:
    """``PATCH /connections/apps/{app_id}``: share the app with the workspace, or stop."""
    shared = await call.require("shared", bool)
    app = _apps(call).get(call.params["app_id"])
    if app is None:
        raise not_found("app", call.params["app_id"])
    app.update({"shared": shared, "updated_at": iso(now())})
    return ok(app)


def _keys(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(_KEYS, {})


def _key_view(stored: JSON) -> JSON:
    return {k: stored[k] for k in ("provider", "masked_key", "created_at")}


async def create_external_key(call: Call) -> Response:
    """``POST /external-keys``: the secret as ``value`` (or the older ``key``); storing a
    provider's key again replaces it."""
    body = await call.json()
    provider = fields.require(body, "provider", str)
    value = fields.first(body, ("value", "key"), str)
    if not value:
        raise bad_request("value is required", field="value")
    stored = {
        "provider": provider,
        "value": value,
        "masked_key": preview(value),
        "created_at": iso(now()),
    }
    _keys(call)[provider] = stored
    return created(_key_view(stored))


async def resolve_external_key(call: Call) -> Response:
    """``GET /external-keys/{provider}/resolve``: the stored key, masked."""
    stored = _keys(call).get(call.params["provider"])
    if stored is None:
        raise not_found("external key", call.params["provider"])
    return ok(_key_view(stored))


def endpoints() -> list[Endpoint]:
    return [
        Endpoint("GET", "/integrations/linear/start", linear_start),
        Endpoint("GET", "/integrations/{provider}/start", start),
        Endpoint("PATCH", "/connections/apps/{app_id}", share_app, "connection.share_app"),
        Endpoint("POST", "/external-keys", create_external_key, "external_key.create"),
        Endpoint("GET", "/external-keys/{provider}/resolve", resolve_external_key),
    ]


__all__ = ["PROVIDERS", "endpoints"]
