# This file was generated from
#   tests/_async/test_retries.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The retry policy as a user observes it: attempts on the wire, waits, and what is raised."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest

from miosa import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response, sandbox_json

pytestmark = pytest.mark.usefixtures("fast_retries")

UNAVAILABLE = json_response(503, {"error": {"code": "UNAVAILABLE", "message": "busy"}})


def test_503_503_200_on_create_gives_one_result_with_one_idempotency_key() -> None:
    api = MockAPI().on(
        "POST /sandboxes", UNAVAILABLE, UNAVAILABLE, json_response(201, sandbox_json())
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.create(name="demo")
    assert sandbox.id == "sbx_1"
    assert len(api.requests) == 3
    keys = {r.headers["idempotency-key"] for r in api.requests}
    assert len(keys) == 1
    assert [r.headers["x-miosa-retry-count"] for r in api.requests] == ["0", "1", "2"]
    assert all(r.content == api.requests[0].content for r in api.requests)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_tried_four_times(status: int) -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(status, {"message": "no"}))
    with make_client(api) as client:
        with pytest.raises(Exception) as info:
            client.sandboxes.get("sbx_1")
    assert len(api.requests) == 4
    assert getattr(info.value, "attempts", None) == 4


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, ValidationError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, ValidationError),
        (501, ServerError),
    ],
)
def test_client_errors_and_501_are_tried_once(status: int, error: type[Exception]) -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(status, {"message": "no"}))
    with make_client(api) as client:
        with pytest.raises(error):
            client.sandboxes.get("sbx_1")
    assert len(api.requests) == 1


def test_max_retries_zero_makes_one_attempt() -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", UNAVAILABLE)
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError) as info:
            client.sandboxes.get("sbx_1")
    assert len(api.requests) == 1
    assert info.value.attempts == 1


def test_retry_after_seconds_is_honoured() -> None:
    api = MockAPI().on(
        "GET /sandboxes/sbx_1",
        json_response(429, {}, headers={"Retry-After": "0.2"}),
        json_response(200, sandbox_json()),
    )
    with make_client(api) as client:
        started = time.monotonic()
        client.sandboxes.get("sbx_1")
        waited = time.monotonic() - started
    assert 0.18 <= waited < 2.0
    assert len(api.requests) == 2


def test_retry_after_ms_wins_over_retry_after() -> None:
    api = MockAPI().on(
        "GET /sandboxes/sbx_1",
        json_response(503, {}, headers={"retry-after-ms": "150", "Retry-After": "30"}),
        json_response(200, sandbox_json()),
    )
    with make_client(api) as client:
        started = time.monotonic()
        client.sandboxes.get("sbx_1")
        waited = time.monotonic() - started
    assert 0.13 <= waited < 2.0


def test_retry_after_http_date_is_honoured() -> None:
    when = email.utils.formatdate(time.time() + 1.2, usegmt=True)
    api = MockAPI().on(
        "GET /sandboxes/sbx_1",
        json_response(503, {}, headers={"Retry-After": when}),
        json_response(200, sandbox_json()),
    )
    with make_client(api) as client:
        started = time.monotonic()
        client.sandboxes.get("sbx_1")
        waited = time.monotonic() - started
    # HTTP dates have one-second resolution.
    assert 0.15 <= waited < 2.5


def test_retry_after_above_sixty_seconds_raises_at_once() -> None:
    api = MockAPI().on(
        "GET /sandboxes/sbx_1",
        json_response(
            429,
            {"error": {"code": "RATE_LIMITED", "message": "slow down"}},
            headers={"Retry-After": "61"},
        ),
    )
    with make_client(api) as client:
        started = time.monotonic()
        with pytest.raises(RateLimitError) as info:
            client.sandboxes.get("sbx_1")
    assert time.monotonic() - started < 1.0
    assert info.value.retry_after == 61.0
    assert len(api.requests) == 1


def test_rate_limit_error_reads_retry_after_from_the_body() -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(429, {"retry_after": 3}))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(RateLimitError) as info:
            client.sandboxes.get("sbx_1")
    assert info.value.retry_after == 3.0
    assert info.value.code == "RATE_LIMITED"


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "soon", ""])
def test_garbage_retry_after_falls_back_to_backoff(value: str) -> None:
    api = MockAPI().on(
        "GET /sandboxes/sbx_1",
        json_response(503, {}, headers={"Retry-After": value}),
        json_response(200, sandbox_json()),
    )
    with make_client(api) as client:
        client.sandboxes.get("sbx_1")
    assert len(api.requests) == 2


def test_x_should_retry_overrides_the_status_rules() -> None:
    api = (
        MockAPI()
        .on(
            "GET /sandboxes/a",
            json_response(503, {}, headers={"x-should-retry": "false"}),
        )
        .on(
            "GET /sandboxes/b",
            json_response(400, {}, headers={"x-should-retry": "true"}),
            json_response(200, sandbox_json(id="b")),
        )
    )
    with make_client(api) as client:
        with pytest.raises(ServerError):
            client.sandboxes.get("a")
        assert (client.sandboxes.get("b")).id == "b"
    assert [r.url.path for r in api.requests] == [
        "/api/v1/sandboxes/a",
        "/api/v1/sandboxes/b",
        "/api/v1/sandboxes/b",
    ]


def test_connection_errors_are_retried_then_raised() -> None:
    refused = httpx.ConnectError("connection refused")
    api = MockAPI().on("GET /sandboxes/sbx_1", refused, refused, json_response(200, sandbox_json()))
    with make_client(api) as client:
        assert (client.sandboxes.get("sbx_1")).id == "sbx_1"
    api2 = MockAPI().on("GET /sandboxes/sbx_1", refused)
    with make_client(api2) as client:
        with pytest.raises(APIConnectionError) as info:
            client.sandboxes.get("sbx_1")
    assert len(api2.requests) == 4
    assert info.value.attempts == 4


def test_a_read_timeout_on_a_post_is_retried_with_the_same_key() -> None:
    api = MockAPI().on(
        "POST /sandboxes",
        httpx.ReadTimeout("slow"),
        json_response(201, sandbox_json()),
    )
    with make_client(api) as client:
        client.sandboxes.create()
    assert len(api.requests) == 2
    assert api.requests[0].headers["idempotency-key"] == api.requests[1].headers["idempotency-key"]


def test_timeouts_surface_as_api_timeout_error() -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", httpx.ReadTimeout("slow"))
    with make_client(api, max_retries=1) as client:
        with pytest.raises(APITimeoutError):
            client.sandboxes.get("sbx_1")
    assert len(api.requests) == 2


def test_deadline_stops_retrying_before_a_sleep_would_pass_it() -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(503, {}, headers={"Retry-After": "5"}))
    with make_client(api, deadline=1.0) as client:
        started = time.monotonic()
        with pytest.raises(ServerError):
            client.sandboxes.get("sbx_1")
    assert time.monotonic() - started < 0.5
    assert len(api.requests) == 1
