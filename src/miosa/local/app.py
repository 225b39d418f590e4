"""Assembling the ASGI application: every module's endpoints under ``/api/v1``."""

from __future__ import annotations

import importlib

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp

from .contract import PATH as DOCUMENT_PATH
from .contract import get_root_document
from .faults import API_PREFIX, FaultPlan
from .gateway import Gateway
from .http import ApiError, default_code, error_response
from .recording import RequestLog
from .routing import Endpoint, to_route
from .sockets import websocket_routes
from .state import Store
from .terminal import websocket_route

# Each module exposes ``endpoints() -> list[Endpoint]``.
MODULES = (
    "sandboxes",
    "exec",
    "code",
    "files",
    "processes",
    "access",
    "env",
    "deploy",
    "snapshots",
    "templates",
    "tenant",
    "webhooks",
    "billing",
    "audit",
    "accounts",
    "service_accounts",
    "runs",
    "agents",
    "agent_triggers",
    "egress",
    "organizations",
    "authority",
    "identity",
    "notifications",
    "event_subscriptions",
    "batches",
    "snapshot_history",
    "projects",
    "environments",
    "docker_deploy",
    "builder_apps",
    "cloud",
    "agent_settings",
    "commands",
    "agent_signins",
    "agent_chats",
    "agent_runtime_profiles",
    "runtimes",
    "workflows",
    "connectors",
    "devices",
    "ai_gateway",
    "computers",
    "forge",
    "forge_content",
    "forge_review",
    "forge_supply",
    "email_admin",
    "open_computers",
    "open_computers_fleet",
    "deployments",
    "data_services",
    "platform_services",
    "mcp_servers",
    "mcp_endpoint",
    "operations",
    "platform_admin",
    "integrations",
    "builder_sessions",
    "ai_gateway_control",
    "intelligence",
    "inference",
    "insights",
    "open_computers_hosts",
    "open_computers_work",
    "sandbox_ssh",
    "sockets",
    "channels",
    "command_center",
    "community",
    "project_integrations",
    "provider_defaults",
    "contract",
)


def all_endpoints() -> list[Endpoint]:
    """Every route, literal segments before parameters and catch-alls last.

    Starlette takes the first full match, so ``/files/tree`` must precede
    ``/files/{path:path}`` and ``/webhooks/events`` must precede ``/webhooks/{webhook_id}``.
    """
    found: list[Endpoint] = []
    for name in MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        found.extend(module.endpoints())

    def order(endpoint: Endpoint) -> tuple[bool, list[int]]:
        segments = endpoint.path.strip("/").split("/")
        return (":path}" in endpoint.path, [1 if s.startswith("{") else 0 for s in segments])

    return sorted(found, key=order)


def build_app(store: Store, faults: FaultPlan, requests: RequestLog) -> ASGIApp:
    """The Starlette app wrapped in the :class:`Gateway`."""
    endpoints = all_endpoints()
    api = [to_route(e, store) for e in endpoints if not e.host_root]
    # Production mounts a few routes (the inference proxy) at the host root.
    root = [to_route(e, store) for e in endpoints if e.host_root]

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = exc.detail if isinstance(exc, HTTPException) else "internal error"
        err = ApiError(
            status,
            default_code(status),
            f"{message}: {request.method} {request.url.path}",
            {"reason": "no_route"},
        )
        return error_response(err, str(request.scope.get("miosa.request_id", "")))

    app = Starlette(
        routes=[
            Route(DOCUMENT_PATH, get_root_document, methods=["GET"]),
            *root,
            Mount(API_PREFIX, routes=[*api, websocket_route(store), *websocket_routes(store)]),
        ],
        exception_handlers={404: http_error, 405: http_error},
    )
    public = [(e.method, e.path) for e in endpoints if e.public]
    return Gateway(app, store, faults, requests, public, [("GET", DOCUMENT_PATH)])
