"""Ways into a sandbox: preview tokens, exposed ports, previews and their shares, share
links and terminal sessions. Preview traffic is not proxied locally (the URLs follow the
contract); terminal sessions are served over WebSocket by ``terminal.py``."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .fields import coerce, optional
from .http import bad_request, created, no_content, not_found, ok, page_response
from .routing import Call, Endpoint
from .runner import check_env
from .sandboxes import DEFAULT_PORT, preview_url, url_info
from .state import Sandbox

DEFAULT_TTL = 3600
# How long a terminal session's ticket opens its WebSocket.
TERMINAL_TICKET_TTL = 3600
MAX_TTL = 30 * 86400


def _port(value: Any, default: int | None = None) -> int:
    if value is None and default is not None:
        return default
    return coerce("port", value, int, 1, 65535) if value is not None else _no_port()


def _no_port() -> int:
    raise bad_request("port is required (an integer 1-65535)", field="port")


def _seconds(body: JSON, *keys: str, default: int | None = DEFAULT_TTL) -> int | None:
    for key in keys:
        value = optional(body, key, int, low=1, high=MAX_TTL)
        if value is not None:
            return value
    return default


def _token(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(24)}"


async def preview_token(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/preview-token``."""
    sandbox = call.sandbox()
    body = await call.json()
    ttl = _seconds(body, "expires_in", "ttl_seconds", "expires_in_sec")
    scope = body.get("scope", "read")
    if scope not in ("read", "interact"):
        raise bad_request("scope must be 'read' or 'interact'", field="scope")
    token = _token("mpt")
    url = f"{preview_url(call.store, sandbox, _port(body.get('port'), DEFAULT_PORT))}/?ms={token}"
    expires = iso(now() + (ttl or DEFAULT_TTL))
    return ok(
        {"token": token, "preview_token": token, "url": url, "expires_at": expires, "scope": scope}
    )


async def expose(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/expose``: the preview URL of a port."""
    sandbox = call.sandbox()
    port = _port((await call.json()).get("port"), DEFAULT_PORT)
    info = url_info(call.store, sandbox, port)
    return ok(
        {
            "url": info["url"],
            "preview_url": info["url"],
            "url_class": info["url_class"],
            "class": info["class"],
            "stable_for_embedding": info["stable_for_embedding"],
            "recommended_next_action": info["recommended_next_action"],
            "port": port,
            "url_info": info,
        }
    )


def _preview(call: Call, sandbox: Sandbox) -> JSON:
    ident = call.params["preview_id"]
    preview = sandbox.previews.get(ident)
    if preview is None:
        raise not_found("preview", ident)
    return preview


async def create_preview(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/previews`` with ``port`` (extra options kept)."""
    sandbox = call.sandbox()
    body = await call.json()
    port = _port(body.get("port"))
    ident = new_id("prv")
    preview = {
        **{k: v for k, v in body.items() if k != "port"},
        "id": ident,
        "sandbox_id": sandbox.id,
        "port": port,
        "url": preview_url(call.store, sandbox, port),
        "share": None,
        "created_at": iso(now()),
    }
    sandbox.previews[ident] = preview
    call.resource_id = ident
    return created(preview)


async def list_previews(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/previews``."""
    return page_response(list(call.sandbox().previews.values()), call.query)


async def get_preview(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/previews/{preview_id}``."""
    sandbox = call.sandbox()
    return ok(_preview(call, sandbox))


async def delete_preview(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}/previews/{preview_id}``."""
    sandbox = call.sandbox()
    del sandbox.previews[_preview(call, sandbox)["id"]]
    return no_content()


async def share_preview(call: Call) -> Response:
    """``POST .../previews/{preview_id}/share`` (``ttl_seconds`` or ``expires_in_sec``)."""
    sandbox = call.sandbox()
    preview = _preview(call, sandbox)
    ttl = _seconds(await call.json(), "ttl_seconds", "expires_in_sec") or DEFAULT_TTL
    token = _token("psh")
    share = {
        "token": token,
        "url": f"{preview['url']}/?ms={token}",
        "expires_at": iso(now() + ttl),
        "ttl_seconds": ttl,
        "preview_id": preview["id"],
    }
    preview["share"] = share
    return ok(share)


async def revoke_preview_share(call: Call) -> Response:
    """``DELETE .../previews/{preview_id}/share`` (idempotent)."""
    sandbox = call.sandbox()
    _preview(call, sandbox)["share"] = None
    return no_content()


async def create_share(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/shares`` (``expires_in`` omitted = no expiry)."""
    sandbox = call.sandbox()
    body = await call.json()
    scope = body.get("scope", "read")
    if scope != "read":
        raise bad_request("scope must be 'read'", field="scope")
    ttl = _seconds(body, "expires_in", "expires_in_sec", default=None)
    ident, token = new_id("shr"), _token("ms")
    share = {
        "share_id": ident,
        "id": ident,
        "sandbox_id": sandbox.id,
        "share_url": f"{preview_url(call.store, sandbox)}/?ms={token}",
        "url": f"{preview_url(call.store, sandbox)}/?ms={token}",
        "token": token,
        "expires_at": iso(now() + ttl) if ttl else None,
        "scope": scope,
        "created_at": iso(now()),
    }
    sandbox.shares[ident] = share
    call.resource_id = ident
    return created(share)


async def list_shares(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/shares``."""
    return page_response(list(call.sandbox().shares.values()), call.query, key="share_id")


async def delete_share(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}/shares/{share_id}``."""
    sandbox = call.sandbox()
    if sandbox.shares.pop(call.params["share_id"], None) is None:
        raise not_found("share", call.params["share_id"])
    return no_content()


async def create_terminal(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/terminal``: a session whose ``ws_url`` serves a shell.

    The WebSocket side is ``terminal.py``.
    """
    sandbox = call.running_sandbox()
    body = await call.json()
    env = optional(body, "env", dict, items=str)
    ident, ticket = new_id("term"), _token("tkt")
    url = call.request.url
    session = {
        "session_id": ident,
        "id": ident,
        "sandbox_id": sandbox.id,
        "ws_url": f"ws://{url.netloc}/api/v1/sandboxes/{sandbox.id}/terminal/{ident}/ws?ticket={ticket}",
        "ticket": ticket,
        "expires_at": iso(now() + TERMINAL_TICKET_TTL),
        "cols": optional(body, "cols", int, 80, low=1, high=9999),
        "rows": optional(body, "rows", int, 24, low=1, high=9999),
        "shell": optional(body, "shell", str, "/bin/sh"),
        "cwd": optional(body, "cwd", str, "/workspace"),
        "websocket_supported": True,
    }
    # The env stays server-side: it may hold secrets the reply should not echo.
    sandbox.terminals[ident] = {
        **session,
        "env": check_env(env or {}),
        "expires": now() + TERMINAL_TICKET_TTL,
    }
    call.resource_id = ident
    return created(session)


async def delete_terminal(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}/terminal/{session_id}``."""
    sandbox = call.sandbox()
    if sandbox.terminals.pop(call.params["session_id"], None) is None:
        raise not_found("terminal session", call.params["session_id"])
    return no_content()


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    base = "/sandboxes/{sandbox_id}"
    return [
        Endpoint("POST", base + "/preview-token", preview_token, "sandbox.preview_token.create"),
        Endpoint("POST", base + "/expose", expose, "sandbox.expose"),
        Endpoint("GET", base + "/previews", list_previews),
        Endpoint("POST", base + "/previews", create_preview, "sandbox.preview.create"),
        Endpoint("GET", base + "/previews/{preview_id}", get_preview),
        Endpoint(
            "DELETE", base + "/previews/{preview_id}", delete_preview, "sandbox.preview.delete"
        ),
        Endpoint(
            "POST", base + "/previews/{preview_id}/share", share_preview, "sandbox.preview.share"
        ),
        Endpoint(
            "DELETE",
            base + "/previews/{preview_id}/share",
            revoke_preview_share,
            "sandbox.preview.unshare",
        ),
        Endpoint("POST", base + "/shares", create_share, "sandbox.share.create"),
        Endpoint("GET", base + "/shares", list_shares),
        Endpoint("DELETE", base + "/shares/{share_id}", delete_share, "sandbox.share.delete"),
        Endpoint("POST", base + "/terminal", create_terminal, "sandbox.terminal.create"),
        Endpoint(
            "DELETE", base + "/terminal/{session_id}", delete_terminal, "sandbox.terminal.delete"
        ),
    ]
