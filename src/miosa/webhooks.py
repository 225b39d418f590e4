"""Verify MIOSA webhook deliveries and turn them into typed events (pure, no I/O).

MIOSA signs every delivery with HMAC-SHA256 keyed with your webhook's signing secret
(the string returned once by ``client.webhooks.create``, ``whsec_`` prefix and all,
used as its UTF-8 bytes exactly as given) and sends the signature in the
``X-Miosa-Signature`` header. Pass the *raw* request body, the request headers and the
secret to `verify`; it returns a `WebhookEvent` or raises
`miosa.errors.WebhookVerificationError`, and nothing else, for any delivery that is not
provably from MIOSA or cannot be read.

Example (FastAPI / Starlette)::

    from fastapi import FastAPI, HTTPException, Request
    from miosa import webhooks
    from miosa.errors import WebhookVerificationError
from miosa.types.tenant_events import WebhookEventType

    app = FastAPI()
    guard = webhooks.ReplayGuard()  # optional: refuse a delivery seen before

    @app.post("/miosa/webhooks")
    async def receive(request: Request) -> dict[str, bool]:
        body = await request.body()  # the raw bytes, not the parsed JSON
        try:
            event = webhooks.verify(
                body,
                request.headers,
                secret=["whsec_new...", "whsec_old..."],  # several while rotating
                replay_guard=guard,
            )
        except WebhookVerificationError:
            raise HTTPException(status_code=400, detail="bad signature")
        if event.type == webhooks.WebhookEventType.SANDBOX_READY:
            print("sandbox ready:", event.data.get("sandbox_id"))
        return {"ok": True}

Header grammar accepted in ``X-Miosa-Signature``
------------------------------------------------
The value is a list of ``key=value`` entries separated by commas and/or ASCII
whitespace (so several headers joined with ``", "`` work too). Keys are
case-insensitive; there is no whitespace around ``=``.

* ``sha256=<hex>``: HMAC-SHA256 of the raw body (the current scheme). May repeat.
* ``t=<unix seconds>`` with ``v1=<hex>``: HMAC-SHA256 of ``"<t>." + body`` (the
  timestamped scheme). ``t`` must be ASCII digits (at most 12) and appear exactly once
  when any ``v1`` is present; ``v1`` may repeat; the delivery is accepted only while
  ``|now - t| <= tolerance`` (300 s by default, in both directions).
* Every signature is exactly 64 hex digits (either case).
* Entries with other keys (``v0=``, a future ``v2=`` ...) are ignored, so a new scheme
  can be added next to the current ones; but a header with no ``sha256``/``v1``
  signature at all is rejected, as is any entry that is not ``key=value``, any
  malformed ``sha256``/``v1``/``t`` entry (even next to a good one) and ``t`` without
  ``v1`` or ``v1`` without ``t``.

The delivery is valid when any signature matches under any of the secrets given
(rotation). Signatures are compared with `hmac.compare_digest`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any, Protocol, TypeAlias

import attrs

from miosa.errors import WebhookVerificationError
from miosa.types.tenant_events import WebhookEventType

__all__ = [
    "DEFAULT_TOLERANCE",
    "MIN_SECRET_LENGTH",
    "ReplayGuard",
    "SIGNATURE_HEADER",
    "WebhookEvent",
    "WebhookEventType",
    "is_valid",
    "sign",
    "verify",
]

SIGNATURE_HEADER = "X-Miosa-Signature"
"""The header carrying the signature(s)."""

DELIVERY_HEADER = "X-Miosa-Delivery"
EVENT_HEADER = "X-Miosa-Event"

DEFAULT_TOLERANCE = 300
"""Seconds a timestamped (``t=``) signature stays valid, before and after ``t``."""

MIN_SECRET_LENGTH = 16
"""Fewest characters a signing secret may have, not counting a ``whsec_`` prefix: a
shorter one (``"whsec_test"``) can be guessed, so `verify` and `sign` refuse it."""

# Timestamps longer than this are not a plausible unix time; refusing them early keeps
# int() away from huge digit strings (which it rejects with ValueError since 3.11).
_MAX_TIMESTAMP_DIGITS = 12
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_DIGITS = re.compile(rf"[0-9]{{1,{_MAX_TIMESTAMP_DIGITS}}}")
# Only ASCII separators: a non-breaking space or other Unicode blank inside a header is
# not a separator, so it makes the entry malformed instead of silently splitting it.
_SEPARATORS = re.compile(r"[,\s]+", re.ASCII)


class _HeaderGetter(Protocol):
    def get(self, key: str, /) -> Any: ...


Headers: TypeAlias = Mapping[str, str] | _HeaderGetter
"""A plain mapping (looked up case-insensitively) or anything with a case-insensitive
``.get`` such as ``httpx.Headers``, Starlette's, Django's or Werkzeug's headers."""


@attrs.frozen(kw_only=True)
class WebhookEvent:
    """A verified webhook delivery.

    Attributes:
        id: the body's ``id``.
        delivery_id: the ``X-Miosa-Delivery`` header, else the body's ``delivery_id``,
            else its ``id``; the same id is sent again when MIOSA retries a delivery.
        type: the event name (body ``type``, else ``event``, else the
            ``X-Miosa-Event`` header), kept as sent even when unknown to this SDK.
        occurred_at: when it happened (body ``occurred_at``, else ``timestamp``;
            ISO-8601 or unix seconds), timezone-aware; None when absent or unreadable.
        tenant_id: the body's ``tenant_id``.
        data: the body's ``data`` object (``{}`` when absent or not an object).
        raw: the whole decoded body, read-only.
        replay_key: what `ReplayGuard` records for this delivery: only signed material,
            the body's ``delivery_id``, else its ``id``, else the signature itself
            (``sig:<hex>``). Never the ``X-Miosa-Delivery`` header, which no signature
            covers: a captured body sent again under a new header is still a replay.
    """

    id: str | None = None
    delivery_id: str | None = None
    type: str
    occurred_at: datetime | None = None
    tenant_id: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict)
    raw: Mapping[str, Any] = attrs.field(factory=lambda: MappingProxyType({}), repr=False)
    replay_key: str | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def event_type(self) -> WebhookEventType | None:
        """The `WebhookEventType` member for `type`, or None for an unknown name."""
        try:
            return WebhookEventType(self.type)
        except ValueError:
            return None


class ReplayGuard:
    """Remembers delivery ids already accepted and refuses them a second time.

    In memory, per process, thread-safe. It keeps at most ``max_entries`` ids, each for
    ``ttl`` seconds (the oldest are dropped first), so memory stays bounded; a replay
    older than that is no longer caught (for ``t=`` signatures the timestamp window
    catches it anyway). Share one guard between all requests of a receiver.

    `verify` records the event's `WebhookEvent.replay_key`, which only signed bytes
    make up (the body's ``delivery_id``, else its ``id``, else the signature): the
    ``X-Miosa-Delivery`` header is not signed in either scheme, so keying on it would let
    a captured body through again under a new header. Both schemes are protected; the
    timestamped one (``t=``) also bounds a replay to the tolerance window once the
    guard has forgotten the key.

    A key is recorded only after its signature verified, so forged requests cannot
    fill the guard or block a real delivery. MIOSA retries a delivery with the same id
    when your endpoint does not answer 2xx: if your handler fails after `verify`
    returned, call `forget` with the event's ``replay_key`` so the retry is accepted.
    """

    def __init__(self, *, max_entries: int = 100_000, ttl: float = 3600.0) -> None:
        """Create a guard holding up to ``max_entries`` ids for ``ttl`` seconds each."""
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        if not ttl > 0:  # also refuses NaN
            raise ValueError("ttl must be a positive number of seconds")
        self._max_entries = max_entries
        self._ttl = float(ttl)
        self._seen: OrderedDict[str, float] = OrderedDict()  # id -> expiry, oldest first
        self._lock = threading.Lock()

    def check_and_add(self, delivery_id: str, *, now: float | None = None) -> bool:
        """Record ``delivery_id``; return False if it was already recorded (a replay)."""
        if now is None or not math.isfinite(now):
            now = time.time()
        with self._lock:
            self._evict(now)
            expires = self._seen.get(delivery_id)
            if expires is not None and expires > now:
                return False
            self._seen[delivery_id] = now + self._ttl
            self._seen.move_to_end(delivery_id)
            while len(self._seen) > self._max_entries:
                self._seen.popitem(last=False)
            return True

    def forget(self, delivery_id: str) -> None:
        """Drop ``delivery_id`` so the next delivery with that id is accepted."""
        with self._lock:
            self._seen.pop(delivery_id, None)

    def __contains__(self, delivery_id: object) -> bool:
        """True while ``delivery_id`` is recorded (expired ids linger until evicted)."""
        with self._lock:
            return delivery_id in self._seen

    def __len__(self) -> int:
        """How many ids are recorded."""
        with self._lock:
            return len(self._seen)

    def _evict(self, now: float) -> None:
        # Entries are kept in insertion order and all share one ttl, so expired ones
        # sit at the front; stop at the first live one.
        seen = self._seen
        while seen:
            key, expires = next(iter(seen.items()))
            if expires > now:
                break
            del seen[key]


def sign(
    payload: bytes | bytearray | memoryview, secret: str, *, timestamp: int | None = None
) -> str:
    """Return an ``X-Miosa-Signature`` value for ``payload``, as MIOSA would send it.

    ``sha256=<hex>`` when ``timestamp`` is None, else ``t=<timestamp>,v1=<hex>``.
    Meant for tests of your webhook endpoint. Raises `WebhookVerificationError` for a
    payload or secret `verify` would refuse, ``ValueError`` for a bad ``timestamp``.
    """
    body = _payload_bytes(payload)
    key = _secret_keys(secret)[0]
    if timestamp is None:
        return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()
    if isinstance(timestamp, bool) or not isinstance(timestamp, int) or timestamp < 0:
        raise ValueError("timestamp must be a non-negative int (unix seconds)")
    return f"t={timestamp},v1={_timestamped_digest(key, str(timestamp), body).hex()}"


def verify(
    payload: bytes | bytearray | memoryview,
    headers: Headers,
    secret: str | Sequence[str],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
    replay_guard: ReplayGuard | None = None,
) -> WebhookEvent:
    """Check a delivery's signature and return its event.

    Args:
        payload: the raw request body (``bytes``, ``bytearray`` or ``memoryview``),
            exactly as received; not a decoded ``str`` or re-serialised JSON.
        headers: the request headers; ``X-Miosa-Signature`` is looked up
            case-insensitively (see the module docstring for its grammar).
        secret: the signing secret, or several (old and new while rotating): the
            delivery is valid when any of them produced any of the signatures.
        tolerance: seconds a ``t=`` timestamp may be away from ``now``, either way.
        now: the current unix time (defaults to ``time.time()``), for tests.
        replay_guard: when given, a delivery whose `WebhookEvent.replay_key` (signed
            material only) it has seen before is refused.

    Raises:
        WebhookVerificationError: for every problem (missing, malformed or wrong
            signature, stale timestamp, replay, body that is not a UTF-8 JSON object,
            bad arguments). No other exception escapes.
    """
    try:
        body = _payload_bytes(payload)
        keys = _secret_keys(secret)
        if (
            isinstance(tolerance, bool)
            or not isinstance(tolerance, (int, float))
            or not 0 <= tolerance < math.inf
        ):
            raise WebhookVerificationError("tolerance must be a finite number of seconds >= 0")
        if now is None:
            current = time.time()
        elif isinstance(now, bool) or not isinstance(now, (int, float)) or not math.isfinite(now):
            raise WebhookVerificationError("now must be a finite unix time in seconds")
        else:
            current = now
        header = _header(headers, SIGNATURE_HEADER)
        if header is None:
            raise WebhookVerificationError(f"missing {SIGNATURE_HEADER} header")
        matched = _check_signature(body, keys, header, tolerance, current)
        document = _parse_body(body)
        event = _build_event(document, headers, matched)
        if replay_guard is not None:
            key = event.replay_key
            assert key is not None  # always set once a signature matched
            if not replay_guard.check_and_add(key, now=current):
                raise WebhookVerificationError(f"delivery {key!r} was already received (replay)")
        return event
    except WebhookVerificationError:
        raise
    except Exception as exc:  # pragma: no cover - defensive: the promise is one type
        # Every path above is meant to raise WebhookVerificationError itself; this
        # keeps the "nothing else escapes" promise if some input still slips through.
        raise WebhookVerificationError(f"invalid webhook delivery ({type(exc).__name__})") from exc


def is_valid(
    payload: bytes | bytearray | memoryview,
    headers: Headers,
    secret: str | Sequence[str],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """True when `verify` would accept the delivery; never raises for bad input."""
    try:
        verify(payload, headers, secret, tolerance=tolerance, now=now)
    except WebhookVerificationError:
        return False
    return True


# --- signature checking -----------------------------------------------------------


def _payload_bytes(payload: object) -> bytes:
    if isinstance(payload, bytes):
        return payload
    if isinstance(payload, (bytearray, memoryview)):
        return bytes(payload)
    if isinstance(payload, str):
        raise WebhookVerificationError(
            "payload must be the raw request body as bytes (e.g. `await request.body()`), "
            "not a str: decoding and re-encoding can change the bytes that were signed"
        )
    raise WebhookVerificationError(
        f"payload must be bytes, bytearray or memoryview, not {type(payload).__name__}"
    )


def _secret_keys(secret: object) -> list[bytes]:
    secrets: Sequence[object]
    if isinstance(secret, str):
        secrets = [secret]
    elif isinstance(secret, (bytes, bytearray, memoryview)):
        raise WebhookVerificationError("secret must be a str (the signing secret as shown)")
    elif isinstance(secret, Sequence):
        secrets = secret
    else:
        raise WebhookVerificationError("secret must be a str or a sequence of str")
    if not secrets:
        raise WebhookVerificationError("no webhook secret given")
    keys = []
    for item in secrets:
        if not isinstance(item, str):
            raise WebhookVerificationError("every secret must be a str")
        if not item:
            raise WebhookVerificationError("webhook secret is empty")
        if len(item.removeprefix("whsec_")) < MIN_SECRET_LENGTH:
            raise WebhookVerificationError(
                f"webhook secret is too short to be a secret: at least {MIN_SECRET_LENGTH} "
                "characters (not counting a whsec_ prefix) are required"
            )
        try:
            # The secret is used exactly as given: no stripping, no whsec_ removal, no
            # base64 decoding -- that is how MIOSA keys the HMAC.
            keys.append(item.encode("utf-8"))
        except UnicodeEncodeError:  # lone surrogates
            raise WebhookVerificationError("webhook secret is not valid text") from None
    return keys


def _header(headers: object, name: str) -> str | None:
    """Look ``name`` up case-insensitively in any headers object; None when absent."""
    get = getattr(headers, "get", None)
    if get is None:
        raise WebhookVerificationError("headers must be a mapping or have a .get method")
    value = get(name)
    if value is None:
        value = get(name.lower())
    if value is None and isinstance(headers, Mapping):
        # A plain dict is case-sensitive: scan it. Several matching keys (which only a
        # plain dict can have) are joined like repeated HTTP headers.
        lowered = name.lower()
        found = [v for k, v in headers.items() if isinstance(k, str) and k.lower() == lowered]
        if found:
            value = ", ".join(v if isinstance(v, str) else repr(v) for v in found)
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("ascii")
        except UnicodeDecodeError:
            raise WebhookVerificationError(f"{name} header is not ASCII") from None
    if not isinstance(value, str):
        raise WebhookVerificationError(f"{name} header is not a string")
    return value


def _check_signature(
    body: bytes, keys: list[bytes], header: str, tolerance: float, now: float
) -> bytes:
    """The signature that matched; raises when none does."""
    plain: list[bytes] = []  # sha256= signatures
    stamped: list[bytes] = []  # v1= signatures
    timestamp: str | None = None
    entries = [entry for entry in _SEPARATORS.split(header) if entry]
    if not entries:
        raise WebhookVerificationError(f"empty {SIGNATURE_HEADER} header")
    for entry in entries:
        key, sep, value = entry.partition("=")
        if not sep or not key:
            raise WebhookVerificationError(f"malformed {SIGNATURE_HEADER} entry (not key=value)")
        key = key.lower()
        if key in ("sha256", "v1"):
            if not _HEX64.fullmatch(value):
                raise WebhookVerificationError(
                    f"malformed {key} signature: expected 64 hexadecimal digits"
                )
            (plain if key == "sha256" else stamped).append(bytes.fromhex(value))
        elif key == "t":
            if timestamp is not None:
                raise WebhookVerificationError("more than one t= timestamp")
            if not _DIGITS.fullmatch(value):
                raise WebhookVerificationError(
                    "malformed t= timestamp: expected unix seconds (ASCII digits)"
                )
            timestamp = value
        # Any other key is a scheme this version does not know: ignored on purpose.
    if timestamp is not None and not stamped:
        raise WebhookVerificationError("t= timestamp without a v1= signature")
    if stamped and timestamp is None:
        raise WebhookVerificationError("v1= signature without a t= timestamp")
    if not plain and not stamped:
        raise WebhookVerificationError(
            f"no supported signature (sha256= or v1=) in {SIGNATURE_HEADER}"
        )

    stale = False
    if timestamp is not None and not abs(now - int(timestamp)) <= tolerance:
        stale = True
        stamped = []  # out of the window: these signatures may not vouch for anything
    for key_bytes in keys:
        if plain:
            expected = hmac.new(key_bytes, body, hashlib.sha256).digest()
            for candidate in plain:
                if hmac.compare_digest(expected, candidate):
                    return candidate
        if stamped and timestamp is not None:
            expected = _timestamped_digest(key_bytes, timestamp, body)
            for candidate in stamped:
                if hmac.compare_digest(expected, candidate):
                    return candidate
    if stale:
        raise WebhookVerificationError(
            f"signature timestamp is more than {tolerance} s away from now"
        )
    raise WebhookVerificationError("no signature matches the payload and secret(s)")


def _timestamped_digest(key: bytes, timestamp: str, body: bytes) -> bytes:
    # Signed content is "<t>." + body; feeding it in two parts avoids copying the body.
    mac = hmac.new(key, timestamp.encode("ascii") + b".", hashlib.sha256)
    mac.update(body)
    return mac.digest()


# --- the event ----------------------------------------------------------------------


def _parse_body(body: bytes) -> dict[str, Any]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise WebhookVerificationError("webhook body is not valid UTF-8") from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        raise WebhookVerificationError("webhook body is not valid JSON") from None
    if not isinstance(document, dict):
        raise WebhookVerificationError("webhook body is not a JSON object")
    return document


def _build_event(
    document: dict[str, Any], headers: object, signature: bytes | None = None
) -> WebhookEvent:
    event_type = document.get("type")
    if not isinstance(event_type, str) or not event_type:
        event_type = document.get("event")
    if not isinstance(event_type, str) or not event_type:
        event_type = _header(headers, EVENT_HEADER)
    if not event_type:
        raise WebhookVerificationError("webhook body names no event type")
    delivery_id = (
        _header(headers, DELIVERY_HEADER)
        or _id_string(document.get("delivery_id"))
        or _id_string(document.get("id"))
    )
    occurred = document.get("occurred_at")
    if occurred is None:
        occurred = document.get("timestamp")
    data = document.get("data")
    signed_id = _id_string(document.get("delivery_id")) or _id_string(document.get("id"))
    if signed_id:
        replay_key: str | None = signed_id
    else:
        replay_key = "sig:" + signature.hex() if signature is not None else None
    return WebhookEvent(
        id=_id_string(document.get("id")),
        delivery_id=delivery_id or None,
        type=event_type,
        occurred_at=_parse_datetime(occurred),
        tenant_id=_id_string(document.get("tenant_id")),
        data=data if isinstance(data, dict) else {},
        raw=MappingProxyType(document),
        replay_key=replay_key,
    )


def _id_string(value: object) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


# ISO-8601 pieces Python 3.10's fromisoformat() refuses: a "Z" suffix and fractions
# that are not exactly 3 or 6 digits.
_FRACTION = re.compile(r"(\.\d+)")


def _parse_datetime(value: object) -> datetime | None:
    """Parse an ISO-8601 string or unix seconds into an aware datetime; None if not."""
    try:
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            seconds = float(value)
            if not math.isfinite(seconds):
                return None
            if abs(seconds) >= 1e11:  # year 5138+ in seconds: must be milliseconds
                seconds /= 1000.0
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        if not isinstance(value, str) or not value or len(value) > 64:
            return None
        text = value.strip()
        if text.isdigit() and text.isascii():
            return _parse_datetime(int(text))
        if text[-1:] in ("Z", "z"):
            text = text[:-1] + "+00:00"
        text = _FRACTION.sub(lambda m: (m.group(1) + "000000")[:7], text, count=1)
        parsed = datetime.fromisoformat(text)
        if parsed.tzinfo is None:
            # No offset given: MIOSA's timestamps are UTC.
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed
    except (ValueError, OverflowError, OSError):
        return None
