"""Route declarations and the per-request context handlers receive."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any, TypeVar, overload

import anyio
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import fields
from .common import JSON, MIB
from .http import ApiError, bad_request, error_response, not_found
from .sse import NEGOTIATED_STREAMS, refuses_accept
from .state import Principal, Sandbox, Store

log = logging.getLogger("miosa.local")

Handler = Callable[["Call"], Awaitable[Response]]
MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
T = TypeVar("T")

# Path parameters that name the resource a mutating call acts on, most specific first.
_RESOURCE_PARAMS = (
    "delivery_id",
    "snapshot_id",
    "preview_id",
    "share_id",
    "session_id",
    "pid",
    "key",
    "build_id",
    "invite_id",
    "user_id",
    "token",
    "webhook_id",
    "template_id",
    "external_user_id",
    "key_id",
    "workspace_id",
    "tenant_id",
    "sandbox_id",
)


@dataclass(frozen=True)
class Endpoint:
    """One contract route: method, path (relative to ``/api/v1``), handler, audit action.

    ``host_root`` routes (the contract's ``x-miosa-base: host-root``, such as the inference
    proxy) are mounted at the root of the server instead, outside ``/api/v1``.
    """

    method: str
    path: str
    handler: Handler
    action: str | None = None
    public: bool = False
    host_root: bool = False


class Call:
    """What a handler gets: the request, the store, the caller and the parsed body."""

    def __init__(self, request: Request, store: Store) -> None:
        self.request = request
        self.store = store
        self.resource_id: str | None = None
        self.audit_metadata: JSON = {}
        self._json: JSON | None = None

    @property
    def principal(self) -> Principal:
        """The authenticated caller (the server key for public routes)."""
        principal = self.request.scope.get("miosa.principal")
        return principal if isinstance(principal, Principal) else self.store.root_principal

    @property
    def request_id(self) -> str:
        """This request's ``req_...`` id."""
        return str(self.request.scope.get("miosa.request_id", "req_unknown"))

    @property
    def params(self) -> dict[str, str]:
        """Path parameters."""
        return {k: str(v) for k, v in self.request.path_params.items()}

    @property
    def query(self) -> QueryParams:
        """Query parameters."""
        return self.request.query_params

    async def json(self) -> JSON:
        """The body as a JSON object (``{}`` when empty); 400 on anything else."""
        if self._json is None:
            raw = await self.request.body()
            if not raw.strip():
                self._json = {}
            else:
                try:
                    # Large bodies (base64 uploads) are decoded off the event loop.
                    if len(raw) > MIB:
                        value: Any = await anyio.to_thread.run_sync(json.loads, raw)
                    else:
                        value = json.loads(raw)
                except (ValueError, UnicodeDecodeError):
                    raise bad_request(
                        "request body is not valid JSON", code="INVALID_JSON"
                    ) from None
                except RecursionError:
                    raise bad_request(
                        "request body is nested too deeply", code="INVALID_JSON"
                    ) from None
                if not isinstance(value, dict):
                    raise bad_request("request body must be a JSON object", code="INVALID_JSON")
                self._json = value
        return self._json

    async def require(
        self,
        name: str,
        kind: type[T],
        *,
        low: float | None = None,
        high: float | None = None,
        choices: Collection[Any] | None = None,
        items: type | None = None,
    ) -> T:
        """Body field ``name`` as ``kind``; 400 naming it when absent or mistyped."""
        body = await self.json()
        return fields.require(body, name, kind, low=low, high=high, choices=choices, items=items)

    @overload
    async def optional(
        self,
        name: str,
        kind: type[T],
        default: None = None,
        *,
        low: float | None = None,
        high: float | None = None,
        choices: Collection[Any] | None = None,
        items: type | None = None,
    ) -> T | None: ...

    @overload
    async def optional(
        self,
        name: str,
        kind: type[T],
        default: T,
        *,
        low: float | None = None,
        high: float | None = None,
        choices: Collection[Any] | None = None,
        items: type | None = None,
    ) -> T: ...

    async def optional(
        self,
        name: str,
        kind: type[T],
        default: T | None = None,
        *,
        low: float | None = None,
        high: float | None = None,
        choices: Collection[Any] | None = None,
        items: type | None = None,
    ) -> T | None:
        """Body field ``name`` as ``kind``, ``default`` when absent; 400 naming it when mistyped."""
        body = await self.json()
        value = fields.optional(body, name, kind, low=low, high=high, choices=choices, items=items)
        return default if value is None else value

    def for_sandbox(self, sandbox_id: str, body: JSON | None = None, **params: str) -> Call:
        """This request addressed to one sandbox, with `body` as its JSON body.

        For routes that act on a sandbox under another name (``/devices/{device_id}``,
        ``/computers/{computer_id}``): the sandbox handlers then run unchanged, checks and
        events included. ``params`` are further path parameters (``snapshot_id`` ...).
        """
        scope = {**self.request.scope, "path_params": {**params, "sandbox_id": sandbox_id}}
        derived = Call(Request(scope, self.request.receive), self.store)
        derived._json = dict(body or {})
        return derived

    def sandbox(self, *, allow_destroyed: bool = False) -> Sandbox:
        """The sandbox named by the ``sandbox_id`` path parameter, if the caller may see it."""
        ident = self.params.get("sandbox_id", "")
        sandbox = self.store.sandboxes.get(ident)
        if sandbox is None or not visible(sandbox, self.principal):
            raise not_found("sandbox", ident)
        if not sandbox.alive and not allow_destroyed:
            raise not_found("sandbox", ident)
        return sandbox

    def running_sandbox(self) -> Sandbox:
        """Like :meth:`sandbox` but 409 ``SANDBOX_NOT_RUNNING`` unless it runs."""
        sandbox = self.sandbox()
        if sandbox.state != "running":
            raise ApiError(
                409,
                "SANDBOX_NOT_RUNNING",
                f"sandbox {sandbox.id} is {sandbox.state}",
                {"state": sandbox.state, "sandbox_id": sandbox.id},
            )
        return sandbox


def visible(sandbox: Sandbox, principal: Principal) -> bool:
    """A key bound to an external user sees only that user's sandboxes."""
    if principal.external_user_id is None:
        return True
    return sandbox.extra.get("external_user_id") == principal.external_user_id


def not_acceptable(accept: str) -> ApiError:
    """The 406 a JSON-negotiated stream route answers to an ``Accept`` without JSON."""
    return ApiError(
        406,
        "NOT_ACCEPTABLE",
        f"no acceptable format in Accept {accept!r}: this route negotiates JSON; "
        "send 'text/event-stream, application/json;q=0.9'",
        {"accept": accept, "accepted": ["application/json"]},
    )


def to_route(endpoint: Endpoint, store: Store) -> Route:
    """A Starlette route running ``endpoint`` with error mapping and audit recording."""
    negotiated = (endpoint.method, endpoint.path) in NEGOTIATED_STREAMS

    async def run(request: Request) -> Response:
        call = Call(request, store)
        if negotiated:
            accept = request.headers.get("accept")
            if refuses_accept(accept):
                return error_response(not_acceptable(accept or ""), call.request_id)
        try:
            response = await handle(call)
        finally:
            if endpoint.method in MUTATING:
                # Durable before the reply leaves (a no-op without a data directory); a
                # failed request may have changed something too.
                store.commit()
        return response

    async def handle(call: Call) -> Response:
        request = call.request
        try:
            response = await endpoint.handler(call)
        except ApiError as err:
            return error_response(err, call.request_id)
        except Exception:
            log.exception("%s %s failed", endpoint.method, endpoint.path)
            return error_response(
                ApiError(500, "INTERNAL_ERROR", "internal error"), call.request_id
            )
        if endpoint.action and 200 <= response.status_code < 300:
            params = call.params
            resource_id = call.resource_id or next(
                (params[p] for p in _RESOURCE_PARAMS if p in params), None
            )
            store.record_audit(
                call.principal,
                endpoint.action,
                resource_id,
                {
                    "method": endpoint.method,
                    "path": request.url.path,
                    "status": response.status_code,
                    "request_id": call.request_id,
                    **call.audit_metadata,
                },
                ip_address=request.client.host if request.client else None,
            )
        return response

    return Route(endpoint.path, run, methods=[endpoint.method])
