"""Tests of miosa.webhooks: signature schemes, tolerance, rotation, malformed input."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import threading
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest

from miosa import webhooks
from miosa.errors import MiosaError, WebhookVerificationError
from miosa.webhooks import ReplayGuard, WebhookEvent, WebhookEventType, is_valid, sign, verify

SECRET = "whsec_c2VjcmV0LWZvci10ZXN0cw=="
OTHER = "whsec_b3RoZXItc2VjcmV0"
NOW = 1_764_000_000
BODY_DOC: dict[str, Any] = {
    "id": "dlv_123",
    "delivery_id": "dlv_123",
    "event": "sandbox.created",
    "type": "sandbox.created",
    "occurred_at": "2025-11-24T16:00:00Z",
    "timestamp": "2025-11-24T16:00:00Z",
    "tenant_id": "ten_1",
    "data": {"sandbox_id": "sbx_1", "state": "running"},
}
BODY = json.dumps(BODY_DOC).encode()


def hexmac(secret: str | bytes, message: bytes) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def plain_header(body: bytes = BODY, secret: str = SECRET) -> dict[str, str]:
    return {"X-Miosa-Signature": f"sha256={hexmac(secret, body)}"}


def stamped_header(body: bytes = BODY, secret: str = SECRET, t: int = NOW) -> dict[str, str]:
    return {"X-Miosa-Signature": f"t={t},v1={hexmac(secret, f'{t}.'.encode() + body)}"}


def check(headers: Mapping[str, str], body: Any = BODY, secret: Any = SECRET, **kw: Any) -> None:
    """verify() must raise WebhookVerificationError, exactly that type."""
    with pytest.raises(WebhookVerificationError) as info:
        verify(body, headers, secret, now=NOW, **kw)
    assert type(info.value) is WebhookVerificationError
    if "replay_guard" not in kw:
        assert is_valid(body, headers, secret, now=NOW, **kw) is False


# --- valid deliveries --------------------------------------------------------------------


def test_valid_sha256_scheme() -> None:
    event = verify(BODY, plain_header(), SECRET, now=NOW)
    assert event == WebhookEvent(
        id="dlv_123",
        delivery_id="dlv_123",
        type="sandbox.created",
        occurred_at=datetime(2025, 11, 24, 16, 0, tzinfo=timezone.utc),
        tenant_id="ten_1",
        data={"sandbox_id": "sbx_1", "state": "running"},
        raw=BODY_DOC,
    )
    assert event.type == WebhookEventType.SANDBOX_CREATED
    assert event.type == "sandbox.created"
    assert event.event_type is WebhookEventType.SANDBOX_CREATED
    assert dict(event.raw) == BODY_DOC
    assert is_valid(BODY, plain_header(), SECRET, now=NOW)


def test_valid_timestamped_scheme() -> None:
    event = verify(BODY, stamped_header(), SECRET, now=NOW)
    assert event.type == "sandbox.created"
    assert is_valid(BODY, stamped_header(), SECRET, now=NOW)


@pytest.mark.parametrize("payload_type", [bytes, bytearray, memoryview])
def test_bytes_like_payloads(payload_type: Any) -> None:
    assert verify(payload_type(BODY), plain_header(), SECRET, now=NOW).id == "dlv_123"


def test_default_now_is_wall_clock() -> None:
    import time

    t = int(time.time())
    assert verify(BODY, stamped_header(t=t), SECRET).type == "sandbox.created"


@pytest.mark.parametrize(
    "headers",
    [
        lambda h: h,
        lambda h: {k.lower(): v for k, v in h.items()},
        lambda h: {k.upper(): v for k, v in h.items()},
        lambda h: httpx.Headers(h),
        lambda h: httpx.Headers({k.lower(): v for k, v in h.items()}),
    ],
    ids=["dict", "dict-lower", "dict-upper", "httpx", "httpx-lower"],
)
def test_header_lookup_is_case_insensitive(headers: Any) -> None:
    assert verify(BODY, headers(plain_header()), SECRET, now=NOW).id == "dlv_123"


def test_header_values_as_bytes() -> None:
    value = plain_header()["X-Miosa-Signature"].encode()
    assert verify(BODY, {"x-miosa-signature": value}, SECRET, now=NOW)


def test_uppercase_hex_and_keys_accepted() -> None:
    value = plain_header()["X-Miosa-Signature"]
    _, _, digest = value.partition("=")
    assert verify(BODY, {"X-Miosa-Signature": f"SHA256={digest.upper()}"}, SECRET, now=NOW)


# --- wrong signatures ---------------------------------------------------------------------


def test_tampered_body() -> None:
    check(plain_header(), body=BODY.replace(b"running", b"stopped"))
    check(stamped_header(), body=BODY + b" ")


def test_wrong_secret() -> None:
    check(plain_header(secret=OTHER))
    check(stamped_header(secret=OTHER))


def test_timestamp_is_signed() -> None:
    header = stamped_header(t=NOW)["X-Miosa-Signature"].replace(f"t={NOW}", f"t={NOW + 1}")
    check({"X-Miosa-Signature": header})


def test_sha256_signature_is_not_a_v1_signature() -> None:
    digest = hexmac(SECRET, BODY)
    check({"X-Miosa-Signature": f"t={NOW},v1={digest}"})
    digest = hexmac(SECRET, f"{NOW}.".encode() + BODY)
    check({"X-Miosa-Signature": f"sha256={digest}"})


# --- rotation and several signatures -------------------------------------------------------


def test_rotated_secret_list() -> None:
    for header in (plain_header(secret=OTHER), stamped_header(secret=OTHER)):
        assert verify(BODY, header, [SECRET, OTHER], now=NOW)
        assert verify(BODY, header, (OTHER, SECRET), now=NOW)
        check(header, secret=[SECRET])


def test_several_signatures_one_good() -> None:
    good = hexmac(SECRET, BODY)
    bad = "0" * 64
    good_v1 = hexmac(SECRET, f"{NOW}.".encode() + BODY)
    for value in (
        f"sha256={bad},sha256={good}",
        f"sha256={bad} sha256={good}",
        f"sha256={good}, sha256={bad}",
        f"  sha256={bad} ,\tsha256={good} ",
        f"t={NOW},v1={bad},v1={good_v1}",
        f"v1={good_v1},t={NOW}",
        f"t={NOW},v1={bad},sha256={good}",
        f"t={NOW},v1={good_v1},v0=whatever,v2={bad}",
    ):
        assert verify(BODY, {"X-Miosa-Signature": value}, SECRET, now=NOW), value


def test_several_signatures_several_secrets() -> None:
    x, y = "whsec_" + "x" * 16, "whsec_" + "y" * 16
    value = f"sha256={hexmac(OTHER, BODY)},sha256={hexmac(x, BODY)}"
    assert verify(BODY, {"X-Miosa-Signature": value}, [y, x], now=NOW)


def test_repeated_headers_joined_by_httpx() -> None:
    headers = httpx.Headers(
        [
            ("X-Miosa-Signature", "sha256=" + "0" * 64),
            ("X-Miosa-Signature", plain_header()["X-Miosa-Signature"]),
        ]
    )
    assert verify(BODY, headers, SECRET, now=NOW)


def test_all_signatures_bad() -> None:
    check({"X-Miosa-Signature": f"sha256={'0' * 64},sha256={'f' * 64}"})


# --- tolerance -----------------------------------------------------------------------------


@pytest.mark.parametrize("offset", [-300, -1, 0, 1, 300])
def test_timestamp_within_tolerance(offset: int) -> None:
    # offset < 0: the signature is in the future (receiver clock behind).
    assert verify(BODY, stamped_header(t=NOW - offset), SECRET, now=NOW)


@pytest.mark.parametrize("offset", [-301, 301, 10_000, -10_000, NOW])
def test_timestamp_outside_tolerance(offset: int) -> None:
    check(stamped_header(t=NOW - offset))


def test_custom_tolerance() -> None:
    header = stamped_header(t=NOW - 60)
    assert verify(BODY, header, SECRET, now=NOW, tolerance=60)
    assert verify(BODY, header, SECRET, now=NOW, tolerance=60.0)
    check(header, tolerance=59)
    check(header, tolerance=59.5)
    check(stamped_header(t=NOW - 1), tolerance=0)
    assert verify(BODY, stamped_header(), SECRET, now=NOW, tolerance=0)


def test_fractional_now() -> None:
    assert verify(BODY, stamped_header(t=NOW - 300), SECRET, now=NOW + 0.0)
    with pytest.raises(WebhookVerificationError):
        verify(BODY, stamped_header(t=NOW - 300), SECRET, now=NOW + 0.5)


def test_stale_timestamp_does_not_hide_a_good_sha256() -> None:
    # Each signature counts under its own scheme: the sha256 one needs no timestamp.
    v1 = hexmac(SECRET, f"{NOW - 9999}.".encode() + BODY)
    value = f"t={NOW - 9999},v1={v1},sha256={hexmac(SECRET, BODY)}"
    assert verify(BODY, {"X-Miosa-Signature": value}, SECRET, now=NOW)


def test_stale_error_message() -> None:
    with pytest.raises(WebhookVerificationError, match="300 s"):
        verify(BODY, stamped_header(t=NOW - 301), SECRET, now=NOW)


@pytest.mark.parametrize("now", [float("nan"), float("inf"), float("-inf"), "1764000000", True])
def test_bad_now_fails_closed(now: Any) -> None:
    for header in (stamped_header(), plain_header()):
        with pytest.raises(WebhookVerificationError, match="now must be"):
            verify(BODY, header, SECRET, now=now)


# --- malformed input -----------------------------------------------------------------------

GOOD_HEX = "a" * 64
MALFORMED_HEADERS = {
    "missing": {},
    "other-header-only": {"X-Miosa-Event": "sandbox.created"},
    "empty": {"X-Miosa-Signature": ""},
    "blank": {"X-Miosa-Signature": "   "},
    "commas-only": {"X-Miosa-Signature": ",,, ,"},
    "sha256-empty": {"X-Miosa-Signature": "sha256="},
    "sha256-zz": {"X-Miosa-Signature": "sha256=zz"},
    "sha256-non-hex": {"X-Miosa-Signature": "sha256=" + "g" * 64},
    "sha256-odd-hex": {"X-Miosa-Signature": "sha256=" + "a" * 63},
    "sha256-short-hex": {"X-Miosa-Signature": "sha256=abcd"},
    "sha256-long-hex": {"X-Miosa-Signature": "sha256=" + "a" * 66},
    "sha256-0x": {"X-Miosa-Signature": "sha256=0x" + "a" * 62},
    "sha256-unicode-digits": {"X-Miosa-Signature": "sha256=" + "\uff11" * 64},
    "sha256-nbsp": {"X-Miosa-Signature": "sha256=" + "a" * 32 + "\u00a0" + "a" * 32},
    "bad-next-to-good": {"X-Miosa-Signature": f"sha256=zz,sha256={GOOD_HEX}"},
    "t-abc": {"X-Miosa-Signature": f"t=abc,v1={GOOD_HEX}"},
    "t-nan": {"X-Miosa-Signature": f"t=nan,v1={GOOD_HEX}"},
    "t-NaN": {"X-Miosa-Signature": f"t=NaN,v1={GOOD_HEX}"},
    "t-inf": {"X-Miosa-Signature": f"t=inf,v1={GOOD_HEX}"},
    "t-infinity": {"X-Miosa-Signature": f"t=Infinity,v1={GOOD_HEX}"},
    "t-negative": {"X-Miosa-Signature": f"t=-{NOW},v1={GOOD_HEX}"},
    "t-float": {"X-Miosa-Signature": f"t={NOW}.5,v1={GOOD_HEX}"},
    "t-exponent": {"X-Miosa-Signature": f"t=1.7e9,v1={GOOD_HEX}"},
    "t-huge": {"X-Miosa-Signature": f"t={'9' * 5000},v1={GOOD_HEX}"},
    "t-13-digits": {"X-Miosa-Signature": f"t={'1' * 13},v1={GOOD_HEX}"},
    "t-plus": {"X-Miosa-Signature": f"t=+{NOW},v1={GOOD_HEX}"},
    "t-underscore": {"X-Miosa-Signature": f"t=1_764_000_000,v1={GOOD_HEX}"},
    "t-arabic-digits": {"X-Miosa-Signature": f"t=\u0661\u0667\u0666,v1={GOOD_HEX}"},
    "t-empty": {"X-Miosa-Signature": f"t=,v1={GOOD_HEX}"},
    "t-twice": {"X-Miosa-Signature": f"t={NOW},t={NOW},v1={GOOD_HEX}"},
    "v1-without-t": {"X-Miosa-Signature": f"v1={GOOD_HEX}"},
    "t-without-v1": {"X-Miosa-Signature": f"t={NOW}"},
    "t-with-sha256-only": {"X-Miosa-Signature": f"t={NOW},sha256={GOOD_HEX}"},
    "v1-empty": {"X-Miosa-Signature": f"t={NOW},v1="},
    "garbage": {"X-Miosa-Signature": "garbage"},
    "bare-hex": {"X-Miosa-Signature": GOOD_HEX},
    "equals-only": {"X-Miosa-Signature": "="},
    "no-key": {"X-Miosa-Signature": f"={GOOD_HEX}"},
    "spaces-around-equals": {"X-Miosa-Signature": f"sha256 = {GOOD_HEX}"},
    "semicolons": {"X-Miosa-Signature": f"sha256={GOOD_HEX};t=1"},
    "unknown-scheme-only": {"X-Miosa-Signature": f"v0={GOOD_HEX}"},
    "sha512": {"X-Miosa-Signature": f"sha512={GOOD_HEX * 2}"},
    "unicode": {"X-Miosa-Signature": "sha256=\u00e9\u00e8\u2603\U0001f389"},
    "unicode-key": {"X-Miosa-Signature": f"\u0161ha256={GOOD_HEX}"},
    "nul": {"X-Miosa-Signature": f"sha256={GOOD_HEX}\x00"},
    "newline": {"X-Miosa-Signature": f"sha256=\n{GOOD_HEX}"},
    "very-long": {"X-Miosa-Signature": "sha256=" + "a" * 1_000_000},
}


@pytest.mark.parametrize("headers", MALFORMED_HEADERS.values(), ids=MALFORMED_HEADERS.keys())
def test_malformed_headers(headers: dict[str, str]) -> None:
    check(headers)


def test_str_payload_refused_with_a_clear_message() -> None:
    with pytest.raises(WebhookVerificationError, match="raw request body as bytes"):
        verify(BODY.decode(), plain_header(), SECRET, now=NOW)  # type: ignore[arg-type]
    assert is_valid(BODY.decode(), plain_header(), SECRET, now=NOW) is False  # type: ignore[arg-type]


@pytest.mark.parametrize("payload", [None, 123, ["a"], {"a": 1}, object()])
def test_non_bytes_payload(payload: Any) -> None:
    check(plain_header(), body=payload)


def test_non_utf8_body() -> None:
    body = b'{"type": "sandbox.created", "data": {"x": "\xff"}}'
    check(plain_header(body), body=body)  # correctly signed, still refused
    with pytest.raises(WebhookVerificationError, match="UTF-8"):
        verify(body, plain_header(body), SECRET, now=NOW)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[1, 2, 3]",
        b'"a string"',
        b"null",
        b"42",
        b'{"type": "x"',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"type": "x", "n": ' + b"9" * 5000 + b"}",
        b"{}",  # no event type anywhere
        b'{"type": 5}',
        b'{"type": ""}',
    ],
    ids=lambda b: b[:20].decode(errors="replace"),
)
def test_signed_but_unusable_body(body: bytes) -> None:
    check(plain_header(body), body=body)


@pytest.mark.parametrize(
    "secret",
    [[], (), "", [""], [SECRET, ""], b"whsec_x", [b"whsec_x"], None, 123, [None], "\ud800"],
    ids=repr,
)
def test_bad_secrets(secret: Any) -> None:
    check(plain_header(), secret=secret)


@pytest.mark.parametrize("headers", [None, 123, "X-Miosa-Signature: x", [("a", "b")]], ids=repr)
def test_bad_headers_object(headers: Any) -> None:
    check(headers)


@pytest.mark.parametrize("tolerance", [-1, -0.5, float("nan"), float("inf"), "300", None, True])
def test_bad_tolerance(tolerance: Any) -> None:
    check(plain_header(), tolerance=tolerance)


def test_no_other_exception_escapes_fuzz() -> None:
    # Deterministic fuzz over header strings built from signature-ish fragments and
    # random characters; also random bodies and mutated good headers.
    rng = random.Random(1128)
    fragments = [
        "sha256=", "v1=", "t=", "v0=", ",", " ", "=", "\t", ";", GOOD_HEX, GOOD_HEX[:63],
        str(NOW), "-1", "nan", "inf", "1e9", "\u00e9", "\x00", "0x", "zz", "\U0001f389", "9" * 40,
    ]  # fmt: skip
    alphabet = "abcdefvt0123456789=,; \t\u00e9\u2028\x00-+."
    good = plain_header()["X-Miosa-Signature"]
    for i in range(3000):
        kind = i % 3
        if kind == 0:
            value = "".join(rng.choice(fragments) for _ in range(rng.randint(0, 8)))
        elif kind == 1:
            value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        else:
            chars = list(good)
            for _ in range(rng.randint(1, 3)):
                chars[rng.randrange(len(chars))] = rng.choice(alphabet)
            value = "".join(chars)
        body = BODY if rng.random() < 0.7 else bytes(rng.randrange(256) for _ in range(20))
        try:
            verify(body, {"X-Miosa-Signature": value}, SECRET, now=NOW)
        except WebhookVerificationError:
            pass
        except Exception as exc:  # pragma: no cover - the failure being tested for
            pytest.fail(f"{type(exc).__name__} escaped for header {value!r}: {exc}")
        assert is_valid(body, {"X-Miosa-Signature": value}, SECRET, now=NOW) in (True, False)


def test_error_is_a_miosa_error_and_hides_the_secret() -> None:
    with pytest.raises(MiosaError) as info:
        verify(BODY, plain_header(secret=OTHER), SECRET, now=NOW)
    assert SECRET not in str(info.value)
    assert SECRET not in repr(info.value)


# --- the secret is used exactly as given -----------------------------------------------------


def test_whsec_secret_used_verbatim() -> None:
    # Plain HMAC keyed with the whole "whsec_..." string validates.
    assert verify(BODY, {"X-Miosa-Signature": f"sha256={hexmac(SECRET, BODY)}"}, SECRET, now=NOW)
    # The Standard-Webhooks style key (base64 of the part after whsec_) does not.
    decoded = base64.b64decode(SECRET.removeprefix("whsec_"))
    check({"X-Miosa-Signature": f"sha256={hexmac(decoded, BODY)}"})
    # Neither does the secret without its prefix, or with whitespace trimmed.
    check({"X-Miosa-Signature": f"sha256={hexmac(SECRET.removeprefix('whsec_'), BODY)}"})
    padded = f" {SECRET} "
    assert verify(BODY, plain_header(secret=padded), padded, now=NOW)
    check(plain_header(secret=padded), secret=SECRET)


def test_non_ascii_secret_is_utf8() -> None:
    secret = "whsec_clé🔑-long-enough-now"
    header = {"X-Miosa-Signature": f"sha256={hexmac(secret.encode('utf-8'), BODY)}"}
    assert verify(BODY, header, secret, now=NOW)


# --- sign() -----------------------------------------------------------------------------------


def test_sign_round_trips() -> None:
    assert sign(BODY, SECRET) == f"sha256={hexmac(SECRET, BODY)}"
    stamped = sign(BODY, SECRET, timestamp=NOW)
    assert stamped == f"t={NOW},v1={hexmac(SECRET, f'{NOW}.'.encode() + BODY)}"
    for value in (sign(BODY, SECRET), stamped):
        assert verify(BODY, {"X-Miosa-Signature": value}, SECRET, now=NOW)


@pytest.mark.parametrize("timestamp", [-1, 1.5, True])
def test_sign_rejects_bad_timestamp(timestamp: Any) -> None:
    with pytest.raises(ValueError):
        sign(BODY, SECRET, timestamp=timestamp)


# --- replay guard -------------------------------------------------------------------------------


def test_replay_guard_rejects_second_delivery() -> None:
    guard = ReplayGuard()
    headers = {**plain_header(), "X-Miosa-Delivery": "dlv_hdr"}
    event = verify(BODY, headers, SECRET, now=NOW, replay_guard=guard)
    assert event.delivery_id == "dlv_hdr"  # the header wins over the body for display
    assert event.replay_key == "dlv_123"  # but the guard keys on the signed body
    with pytest.raises(WebhookVerificationError, match="already received"):
        verify(BODY, headers, SECRET, now=NOW, replay_guard=guard)


@pytest.mark.parametrize("scheme", ["sha256", "timestamped"])
def test_a_captured_body_under_a_new_delivery_header_is_still_a_replay(scheme: str) -> None:
    # No signature covers X-Miosa-Delivery: changing it must not make a replay new.
    guard = ReplayGuard()
    signed = plain_header() if scheme == "sha256" else stamped_header()
    verify(BODY, {**signed, "X-Miosa-Delivery": "dlv_a"}, SECRET, now=NOW, replay_guard=guard)
    for forged_id in ("dlv_b", "dlv_123x", ""):
        check({**signed, "X-Miosa-Delivery": forged_id}, replay_guard=guard)


def test_replay_guard_falls_back_to_body_ids() -> None:
    guard = ReplayGuard()
    verify(BODY, plain_header(), SECRET, now=NOW, replay_guard=guard)
    assert "dlv_123" in guard
    check(plain_header(), replay_guard=guard)
    only_id = json.dumps({"id": "evt_9", "type": "sandbox.ready"}).encode()
    assert verify(only_id, plain_header(only_id), SECRET, now=NOW, replay_guard=guard)
    check(plain_header(only_id), body=only_id, replay_guard=guard)


def test_without_a_signed_id_the_guard_keys_on_the_signature() -> None:
    body = json.dumps({"type": "sandbox.ready"}).encode()
    guard = ReplayGuard()
    headers = {**plain_header(body), "X-Miosa-Delivery": "dlv_1"}
    event = verify(body, headers, SECRET, now=NOW, replay_guard=guard)
    assert event.replay_key == "sig:" + hexmac(SECRET, body)
    check({**headers, "X-Miosa-Delivery": "dlv_2"}, body=body, replay_guard=guard)
    assert verify(body, plain_header(body), SECRET, now=NOW).delivery_id is None


@pytest.mark.parametrize("secret", ["whsec_test", "short", "whsec_" + "x" * 15, "y" * 15])
def test_secrets_too_short_to_be_secrets_are_refused(secret: str) -> None:
    with pytest.raises(WebhookVerificationError, match="at least 16 characters"):
        verify(BODY, plain_header(secret=secret), secret, now=NOW)
    with pytest.raises(WebhookVerificationError, match="too short"):
        sign(BODY, secret)
    assert verify(BODY, plain_header(secret="z" * 16), "z" * 16, now=NOW)


def test_replay_guard_records_only_verified_deliveries() -> None:
    guard = ReplayGuard()
    forged = {"X-Miosa-Signature": "sha256=" + "0" * 64, "X-Miosa-Delivery": "dlv_future"}
    check(forged, replay_guard=guard)
    assert len(guard) == 0
    headers = {**plain_header(), "X-Miosa-Delivery": "dlv_future"}
    assert verify(BODY, headers, SECRET, now=NOW, replay_guard=guard)


def test_replay_guard_forget_allows_a_retry() -> None:
    guard = ReplayGuard()
    verify(BODY, plain_header(), SECRET, now=NOW, replay_guard=guard)
    guard.forget("dlv_123")
    verify(BODY, plain_header(), SECRET, now=NOW, replay_guard=guard)


def test_replay_guard_ttl_and_bound() -> None:
    guard = ReplayGuard(max_entries=3, ttl=10)
    assert guard.check_and_add("a", now=0)
    assert not guard.check_and_add("a", now=9.9)
    assert guard.check_and_add("a", now=10)  # expired, so accepted (and recorded again)
    for key in "bcd":
        assert guard.check_and_add(key, now=11)
    assert len(guard) == 3  # "a" evicted as the oldest
    assert guard.check_and_add("a", now=12)
    assert not guard.check_and_add("d", now=12)


def test_replay_guard_ignores_non_finite_now() -> None:
    guard = ReplayGuard()
    assert guard.check_and_add("a", now=float("nan"))
    assert not guard.check_and_add("a", now=float("nan"))


@pytest.mark.parametrize("kwargs", [{"max_entries": 0}, {"ttl": 0}, {"ttl": float("nan")}])
def test_replay_guard_rejects_bad_config(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        ReplayGuard(**kwargs)


def test_replay_guard_thread_safe() -> None:
    guard = ReplayGuard()
    accepted: list[int] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        for i in range(2000):
            if guard.check_and_add(f"id-{i}", now=NOW):
                accepted.append(i)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(accepted) == list(range(2000))  # each id accepted exactly once


# --- the event ----------------------------------------------------------------------------------


def _event(doc: dict[str, Any], headers: Mapping[str, str] | None = None) -> WebhookEvent:
    body = json.dumps(doc).encode()
    return verify(body, {**plain_header(body), **(headers or {})}, SECRET, now=NOW)


def test_event_falls_back_to_event_field_and_header() -> None:
    assert _event({"event": "sandbox.ready"}).type == "sandbox.ready"
    assert _event({"data": {}}, {"X-Miosa-Event": "webhook.test"}).type == "webhook.test"


def test_unknown_event_type_is_kept() -> None:
    event = _event({"type": "sandbox.hibernated", "data": {"a": 1}})
    assert event.type == "sandbox.hibernated"
    assert event.event_type is None
    assert event.data == {"a": 1}


def test_event_type_enum() -> None:
    # Members are str: equal to the plain name, usable wherever a str is.
    names: list[str] = ["sandbox.destroyed", "sandbox.deleted", "webhook.test"]
    assert names == [
        WebhookEventType.SANDBOX_DESTROYED,
        WebhookEventType.SANDBOX_DELETED,
        WebhookEventType.WEBHOOK_TEST,
    ]
    assert WebhookEventType("sandbox.deleted") is WebhookEventType.SANDBOX_DELETED
    assert str(WebhookEventType.SANDBOX_READY) == "sandbox.ready"
    assert f"{WebhookEventType.COMPUTER_ERROR}" == "computer.error"
    assert {m.value for m in WebhookEventType} >= {
        "sandbox.created", "sandbox.ready", "sandbox.error", "computer.started",
        "computer.stopped", "deployment.succeeded", "webhook.delivered",
    }  # fmt: skip


def test_event_data_defaults_and_raw_is_read_only() -> None:
    event = _event({"type": "x", "data": [1, 2]})
    assert event.data == {}
    assert event.raw["data"] == [1, 2]
    with pytest.raises(TypeError):
        event.raw["type"] = "y"  # type: ignore[index]
    assert _event({"type": "x"}).data == {}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-24T16:00:00Z", datetime(2025, 11, 24, 16, tzinfo=timezone.utc)),
        ("2025-11-24T16:00:00.123Z", datetime(2025, 11, 24, 16, 0, 0, 123000, tzinfo=timezone.utc)),
        (
            "2025-11-24T16:00:00.1234567Z",
            datetime(2025, 11, 24, 16, 0, 0, 123456, tzinfo=timezone.utc),
        ),
        ("2025-11-24T17:00:00+01:00", datetime(2025, 11, 24, 16, tzinfo=timezone.utc)),
        ("2025-11-24T16:00:00", datetime(2025, 11, 24, 16, tzinfo=timezone.utc)),
        (1_764_000_000, datetime.fromtimestamp(1_764_000_000, tz=timezone.utc)),
        (1_764_000_000.5, datetime.fromtimestamp(1_764_000_000.5, tz=timezone.utc)),
        (1_764_000_000_000, datetime.fromtimestamp(1_764_000_000, tz=timezone.utc)),
        ("1764000000", datetime.fromtimestamp(1_764_000_000, tz=timezone.utc)),
        ("yesterday", None),
        ("", None),
        (True, None),
        (None, None),
        ([], None),
        (10**30, None),
    ],
)
def test_occurred_at_parsing(value: Any, expected: datetime | None) -> None:
    assert _event({"type": "x", "occurred_at": value}).occurred_at == expected


def test_occurred_at_falls_back_to_timestamp() -> None:
    event = _event({"type": "x", "timestamp": "2025-01-01T00:00:00Z"})
    assert event.occurred_at == datetime(2025, 1, 1, tzinfo=timezone.utc)
    assert event.occurred_at.tzinfo is not None


def test_numeric_ids_become_strings() -> None:
    event = _event({"type": "x", "id": 42, "tenant_id": 7, "delivery_id": True})
    assert (event.id, event.tenant_id, event.delivery_id) == ("42", "7", "42")


def test_event_is_frozen() -> None:
    event = _event({"type": "x"})
    with pytest.raises(AttributeError):
        event.type = "y"  # type: ignore[misc]


def test_module_exports() -> None:
    assert sorted(webhooks.__all__) == webhooks.__all__
    for name in webhooks.__all__:
        assert hasattr(webhooks, name)


def test_webhook_event_type_lives_with_the_event_models() -> None:
    # The models own the event names; miosa.webhooks re-exports them for users.
    import subprocess
    import sys

    import miosa.types

    assert webhooks.WebhookEventType is miosa.types.WebhookEventType
    assert miosa.types.TenantEvent(type="sandbox.ready").event_type is (
        webhooks.WebhookEventType.SANDBOX_READY
    )
    code = "import sys, miosa.types.webhook_endpoints; print('miosa.webhooks' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
