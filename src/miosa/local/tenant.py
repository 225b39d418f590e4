"""The tenant: plan, preview domain, branding (two surfaces) and the tenant-wide event stream."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import Response

from .common import JSON, glob_match, iso, now, split_csv
from .events import Event
from .http import bad_request, no_content, ok
from .routing import Call, Endpoint
from .sse import SSEResponse, follow, last_event_id

BRANDING_KEYS = (
    "product_name",
    "logo_url",
    "support_url",
    "support_email",
    "primary_color",
    "background_color",
)
SETTINGS_BRANDING_KEYS = ("logo_url", "primary_color", "wordmark")
DEFAULT_BRANDING: JSON = {
    "product_name": "MIOSA",
    "logo_url": None,
    "support_url": None,
    "support_email": None,
    "primary_color": "#111827",
    "background_color": "#ffffff",
    "wordmark": "MIOSA",
}
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
CNAME_TARGET = "previews.miosa.local"


async def plan(call: Call) -> Response:
    """``GET /tenant/plan``."""
    store = call.store
    alive = [s for s in store.sandboxes.values() if s.alive]
    return ok(
        {
            "id": store.settings.tenant_id,
            "name": "Local tenant",
            "slug": "local",
            "plan": "local",
            "plan_name": "Local development",
            "status": "active",
            "limits": {
                "max_sandboxes": None,
                "max_concurrent": None,
                "exec_timeout_sec": store.settings.exec_max_timeout,
            },
            "usage": {
                "sandboxes": len(alive),
                "running": sum(1 for s in alive if s.state == "running"),
            },
            "metadata": {"isolation": store.settings.isolation},
            "created_at": iso(store.started_at),
            "updated_at": iso(store.started_at),
        }
    )


def _domain_json(call: Call) -> JSON:
    record = call.store.preview_domain
    domain = record.get("domain")
    return {
        "preview_domain": domain,
        "domain": domain,
        "verified": bool(record.get("verified_at")),
        "verified_at": record.get("verified_at"),
        "cname_target": CNAME_TARGET if domain else None,
        "created_at": record.get("created_at"),
    }


async def get_preview_domain(call: Call) -> Response:
    """``GET /tenant/preview-domain`` (nulls when none is set)."""
    return ok(_domain_json(call))


async def set_preview_domain(call: Call) -> Response:
    """``PUT /tenant/preview-domain`` with ``preview_domain`` or ``domain``."""
    body = await call.json()
    domain = body.get("preview_domain", body.get("domain"))
    if not isinstance(domain, str) or not _DOMAIN_RE.match(domain.lower().rstrip(".")):
        raise bad_request(
            "preview_domain must be a DNS name such as previews.example.com", field="preview_domain"
        )
    call.store.preview_domain = {
        "domain": domain.lower().rstrip("."),
        "verified_at": None,
        "created_at": iso(now()),
    }
    return ok(_domain_json(call))


async def verify_preview_domain(call: Call) -> Response:
    """``POST /tenant/preview-domain/verify``: a set domain verifies at once locally."""
    record = call.store.preview_domain
    domain = record.get("domain")
    if domain and not record.get("verified_at"):
        record["verified_at"] = iso(now())
    records = (
        [{"type": "CNAME", "name": f"*.sandbox.{domain}", "value": CNAME_TARGET}] if domain else []
    )
    return ok(
        {
            "verified": bool(domain),
            "target": CNAME_TARGET if domain else None,
            "records": records,
            "verified_at": record.get("verified_at"),
            "preview_domain": domain,
            "domain": domain,
        }
    )


async def delete_preview_domain(call: Call) -> Response:
    """``DELETE /tenant/preview-domain``."""
    call.store.preview_domain = {}
    return no_content()


def _branding(call: Call, keys: tuple[str, ...]) -> JSON:
    merged = {**DEFAULT_BRANDING, **call.store.branding}
    return {k: merged.get(k) for k in keys}


def _apply_branding(call: Call, values: Any, keys: tuple[str, ...]) -> None:
    if not isinstance(values, dict):
        raise bad_request("branding must be an object", field="branding")
    for key in keys:
        if key in values:
            value = values[key]
            if value is not None and not isinstance(value, str):
                raise bad_request(f"{key} must be a string", field=key)
            call.store.branding[key] = value


async def get_branding(call: Call) -> Response:
    """``GET /tenant/branding``."""
    return ok(_branding(call, BRANDING_KEYS))


async def set_branding(call: Call) -> Response:
    """``PUT /tenant/branding``: ``{branding: {...}}`` or the same keys flat."""
    body = await call.json()
    values = body["branding"] if isinstance(body.get("branding"), dict) else body
    _apply_branding(call, values, BRANDING_KEYS)
    return ok(_branding(call, BRANDING_KEYS))


async def delete_branding(call: Call) -> Response:
    """``DELETE /tenant/branding``: back to the platform defaults."""
    call.store.branding = {}
    return no_content()


async def get_settings_branding(call: Call) -> Response:
    """``GET /settings/branding`` (shares storage with the tenant branding)."""
    return ok(_branding(call, SETTINGS_BRANDING_KEYS))


async def set_settings_branding(call: Call) -> Response:
    """``PUT /settings/branding``."""
    body = await call.json()
    values = body["branding"] if isinstance(body.get("branding"), dict) else body
    _apply_branding(call, values, SETTINGS_BRANDING_KEYS)
    return ok(_branding(call, SETTINGS_BRANDING_KEYS))


async def events_stream(call: Call) -> Response:
    """``GET /events/stream?types=sandbox.*,webhook.delivered``: tenant-wide SSE.

    New events only, unless ``Last-Event-ID`` (or ``?replay=true`` for the retained history).
    """
    patterns = split_csv(call.query.get("types") or call.query.get("type"))
    log = call.store.tenant_events
    resume = last_event_id(call.request)
    if resume is None:
        resume = 0 if call.query.get("replay", "").lower() in ("1", "true") else log.last_id

    def keep(event: Event) -> bool:
        return glob_match(event.type, patterns)

    return SSEResponse(follow(log, resume, keep), call.store)


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", "/tenant/plan", plan),
        Endpoint("GET", "/tenant/preview-domain", get_preview_domain),
        Endpoint(
            "PUT", "/tenant/preview-domain", set_preview_domain, "tenant.preview_domain.update"
        ),
        Endpoint(
            "POST",
            "/tenant/preview-domain/verify",
            verify_preview_domain,
            "tenant.preview_domain.verify",
        ),
        Endpoint(
            "DELETE",
            "/tenant/preview-domain",
            delete_preview_domain,
            "tenant.preview_domain.delete",
        ),
        Endpoint("GET", "/tenant/branding", get_branding),
        Endpoint("PUT", "/tenant/branding", set_branding, "tenant.branding.update"),
        Endpoint("DELETE", "/tenant/branding", delete_branding, "tenant.branding.delete"),
        Endpoint("GET", "/settings/branding", get_settings_branding),
        Endpoint("PUT", "/settings/branding", set_settings_branding, "settings.branding.update"),
        Endpoint("GET", "/events/stream", events_stream),
    ]
