"""The outermost ASGI layer: request ids, body limits, recording, faults, auth, idempotency."""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .common import JSON, now
from .faults import API_PREFIX, Fault, FaultPlan
from .http import default_code, dumps, error_payload
from .idempotency import MAX_STORED_BODY, IdempotencyCache, fingerprint, replayable
from .recording import RECORDED_BODY_LIMIT, RecordedRequest, RequestLog
from .state import Store

MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MALFORMED_BODY = b'{"data": '
LARGE_BODY = 1024 * 1024
Abort = Callable[[], Awaitable[None]]
# Where an Intelligence key (``POST /intelligence/keys``) is a credential too: the routes
# the SDK sends its ``intelligence_key`` to.
INTELLIGENCE_PREFIXES = (API_PREFIX + "/intelligence/",)


class PayloadTooLarge(Exception):
    """The request body passed the configured limit."""


def make_abort(receive: Receive) -> Abort:
    """A coroutine that cuts the client connection without finishing the response.

    ASGI has no "abort" message, so we close uvicorn's transport (reached through the
    bound ``receive`` of its request cycle) and wait for the disconnect to register;
    that way uvicorn neither sends a 500 nor logs an error. When the transport is out
    of reach, raising makes uvicorn close the connection instead.
    """
    owner = getattr(receive, "__self__", None)
    transport = getattr(owner, "transport", None)

    async def abort() -> None:
        if transport is None or not hasattr(transport, "close"):
            raise ConnectionAbortedError("miosa.local injected connection drop")
        transport.close()
        with anyio.move_on_after(1.0):
            while (await receive())["type"] != "http.disconnect":
                pass

    return abort


def _discard_then_abort(abort: Abort) -> Send:
    """A `send` that swallows the response and cuts the connection once it is complete."""

    async def send(message: Message) -> None:
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            await abort()

    return send


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(re.escape(API_PREFIX) + body + "/?")


class Gateway:
    """Wraps the Starlette app; everything here applies to every route alike."""

    def __init__(
        self,
        app: ASGIApp,
        store: Store,
        faults: FaultPlan,
        requests: RequestLog,
        public_routes: Iterable[tuple[str, str]],
        root_public_routes: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.app = app
        self.store = store
        self.faults = faults
        self.requests = requests
        self.idempotency: IdempotencyCache = store.replies
        self.public = [(m, _template_regex(p)) for m, p in public_routes]
        # Literal paths outside the API prefix that need no key (the OpenAPI document).
        self.root_public = set(root_public_routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = "req_" + secrets.token_hex(12)
        scope["miosa.request_id"] = request_id
        scope["miosa.abort"] = make_abort(receive)
        method: str = scope["method"]
        path: str = scope["path"]
        headers = _headers(scope)
        query = scope.get("query_string", b"").decode("latin-1")
        record = RecordedRequest(
            method=method,
            path=path[len(API_PREFIX) :] if path.startswith(API_PREFIX) else path,
            full_path=path,
            query=query,
            headers=headers,
            body=b"",
            body_size=0,
            request_id=request_id,
            time=now(),
        )
        self.requests.append(record)
        send = _with_request_id(send, request_id, record)

        try:
            body = await _read_body(receive, headers, self.store.settings.max_body_bytes)
        except PayloadTooLarge:
            limit = self.store.settings.max_body_bytes
            await _send_error(
                send, 413, "PAYLOAD_TOO_LARGE", f"request body exceeds {limit} bytes", request_id
            )
            return
        record.body = body[:RECORDED_BODY_LIMIT]
        record.body_size = len(body)

        fault = self.faults.take(method, path)
        if fault is not None:
            record.fault = True
            if await self._apply_fault(fault, scope, send, request_id):
                return
            if fault.drop_response:
                send = _discard_then_abort(scope["miosa.abort"])

        principal = None
        public = (method, path) in self.root_public or any(
            m == method and rx.fullmatch(path) for m, rx in self.public
        )
        if not public:
            token = _bearer(headers.get("authorization", ""))
            principal = self.store.authenticate(token) if token else None
            if principal is None and token and path.startswith(INTELLIGENCE_PREFIXES):
                principal = self.store.authenticate_intelligence(token)
            if principal is None:
                message = "missing bearer token" if not token else "invalid API key"
                await _send_error(
                    send, 401, "UNAUTHORIZED", message, request_id, {"www-authenticate": "Bearer"}
                )
                return
            scope["miosa.principal"] = principal

        replay_receive = _replaying(body, receive)
        key = headers.get("idempotency-key")
        if key and method in MUTATING:
            owner = principal.token if principal is not None else ""
            # Hashing a large upload would stall the event loop.
            if len(body) > LARGE_BODY:
                fp = await anyio.to_thread.run_sync(fingerprint, method, path, query, body)
            else:
                fp = fingerprint(method, path, query, body)
            await self._idempotent(scope, replay_receive, send, (owner, key), fp)
            return
        await self.app(scope, replay_receive, send)

    async def _apply_fault(self, fault: Fault, scope: Scope, send: Send, request_id: str) -> bool:
        """Play ``fault``; True when it produced the whole outcome."""
        if fault.delay:
            # A server stop cuts the delay short so shutdown stays fast.
            with anyio.move_on_after(fault.delay):
                stopping = self.store.shutting_down
                await (stopping.wait() if stopping is not None else anyio.sleep(fault.delay))
        if fault.drop:
            abort: Abort = scope["miosa.abort"]
            await abort()
            return True
        if fault.malformed:
            await _send_raw(send, 200, [(b"content-type", b"application/json")], MALFORMED_BODY)
            return True
        if fault.status is not None:
            content_type, payload = _fault_body(fault, request_id)
            extra = [
                (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in fault.headers.items()
            ]
            if not any(k == b"content-type" for k, _ in extra):
                extra.append((b"content-type", content_type))
            await _send_raw(send, fault.status, extra, payload)
            return True
        if fault.drop_after_events is not None:
            scope["miosa.drop_after_events"] = fault.drop_after_events
        return False

    async def _idempotent(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[str, str], fp: str
    ) -> None:
        request_id: str = scope["miosa.request_id"]
        entry = self.idempotency.get(key)
        while entry is not None and not entry.done.is_set():
            if entry.fingerprint != fp:
                break
            await entry.done.wait()  # the first attempt is still running: replay its outcome
            entry = self.idempotency.get(key)
        if entry is not None:
            if entry.fingerprint != fp:
                await _send_error(
                    send,
                    409,
                    "IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was already used with a different request",
                    request_id,
                    details={"idempotency_key": key[1]},
                )
                return
            assert entry.status is not None
            headers = [
                (k, v)
                for k, v in entry.headers
                if k.lower() not in (b"content-length", b"x-request-id")
            ]
            headers.append((b"idempotent-replayed", b"true"))
            await _send_raw(send, entry.status, headers, entry.body)
            return

        entry = self.idempotency.begin(key, fp)
        captured: dict[str, Any] = {
            "status": None,
            "headers": [],
            "body": bytearray(),
            "streamed": False,
        }
        keep = False

        async def capture(message: Message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                if message.get("more_body"):
                    captured["streamed"] = True
                if len(captured["body"]) <= MAX_STORED_BODY:
                    captured["body"] += message.get("body", b"")
                status = captured["status"]
                if not message.get("more_body") and status is not None and not captured["streamed"]:
                    # Stored (and, with a data directory, written) before the reply's last
                    # byte leaves: a client that saw the reply can rely on the replay.
                    body = bytes(captured["body"])
                    keep = replayable(status, captured["headers"], len(body))
                    if keep:
                        self.idempotency.store(key, entry, status, captured["headers"], body)
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            self.idempotency.finish(key, entry, keep)


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def _bearer(header: str) -> str:
    scheme, _, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


async def _read_body(receive: Receive, headers: Mapping[str, str], limit: int) -> bytes:
    declared = headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """Hand the buffered body to the app once, then pass through (for disconnects)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _with_request_id(send: Send, request_id: str, record: RecordedRequest) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            record.status = message["status"]
            headers = [h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"]
            headers.append((b"x-request-id", request_id.encode()))
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


def _fault_body(fault: Fault, request_id: str) -> tuple[bytes, bytes]:
    status = fault.status or 500
    body = fault.body
    if body is None:
        payload: JSON = error_payload(
            default_code(status), f"injected fault (HTTP {status})", {}, request_id
        )
        return b"application/json", dumps(payload)
    if isinstance(body, bytes):
        return b"application/octet-stream", body
    if isinstance(body, str):
        return b"text/plain; charset=utf-8", body.encode()
    return b"application/json", dumps(dict(body))


async def _send_raw(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    request_id: str,
    extra_headers: Mapping[str, str] | None = None,
    details: JSON | None = None,
) -> None:
    headers = [(b"content-type", b"application/json")]
    headers += [(k.encode(), v.encode()) for k, v in (extra_headers or {}).items()]
    await _send_raw(send, status, headers, dumps(error_payload(code, message, details, request_id)))
