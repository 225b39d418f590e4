# This file was generated from
#   tests/_async/test_errors.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Error mapping: every status class and envelope variant, bad success bodies, secrecy."""

from __future__ import annotations

import logging
import traceback

import httpx
import pytest

import miosa
from miosa import (
    APIConnectionError,
    AuthenticationError,
    ConflictError,
    InsufficientCreditsError,
    Miosa,
    MiosaError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ValidationError,
)
from tests._sync._helpers import make_client
from tests.helpers import API_KEY, MockAPI, json_response
from tests.loopback import PlainTCPServer, closed_port


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, ValidationError),
        (401, AuthenticationError),
        (402, InsufficientCreditsError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (410, ValidationError),
        (422, ValidationError),
        (429, RateLimitError),
        (500, ServerError),
        (501, ServerError),
        (503, ServerError),
    ],
)
def test_each_status_maps_to_its_class(status: int, error: type[MiosaError]) -> None:
    api = MockAPI().on(
        "GET /sandboxes/x",
        json_response(
            status,
            {
                "error": {"code": "SOME_CODE", "message": "it failed", "details": {"f": 1}},
                "request_id": "req_body",
            },
            headers={"x-request-id": "req_header"},
        ),
    )
    with make_client(api, max_retries=0) as client:
        with pytest.raises(error) as info:
            client.sandboxes.get("x")
    exc = info.value
    assert exc.status_code == status  # type: ignore[attr-defined]
    assert exc.code == "SOME_CODE"  # type: ignore[attr-defined]
    assert exc.message == "it failed"
    assert exc.details == {"f": 1}  # type: ignore[attr-defined]
    assert exc.request_id == "req_header"  # type: ignore[attr-defined]
    assert exc.attempts == 1  # type: ignore[attr-defined]


def test_permission_error_is_the_403_class() -> None:
    assert miosa.PermissionError is PermissionDeniedError


@pytest.mark.parametrize(
    ("payload", "code", "message", "details"),
    [
        (
            {"error": {"code": "NOT_FOUND", "message": "nope", "details": {"id": "x"}}},
            "NOT_FOUND",
            "nope",
            {"id": "x"},
        ),
        ({"message": "flat message", "code": "FLAT_CODE"}, "FLAT_CODE", "flat message", {}),
        (
            {"error": "SANDBOX_GONE", "detail": "it was destroyed", "details": {"at": 1}},
            "SANDBOX_GONE",
            "it was destroyed",
            {"at": 1},
        ),
        ({"detail": "only detail"}, "UNKNOWN_ERROR", "only detail", {"detail": "only detail"}),
        ({"reason": "only reason"}, "UNKNOWN_ERROR", "only reason", {"reason": "only reason"}),
        ({"error": "human readable text"}, "UNKNOWN_ERROR", "human readable text", {}),
        # Phoenix's default error view, and the list form 2.19.2 reads too.
        ({"errors": {"detail": "Not Found"}}, "UNKNOWN_ERROR", "Not Found", {}),
        ({"errors": ["name is taken", "x"]}, "UNKNOWN_ERROR", "name is taken", {}),
        ({"errors": "plain"}, "UNKNOWN_ERROR", "plain", {}),
        ({}, "UNKNOWN_ERROR", "HTTP 404", {}),
    ],
)
def test_every_envelope_variant_is_parsed(
    payload: object, code: str, message: str, details: object
) -> None:
    api = MockAPI().on("GET /sandboxes/x", json_response(404, payload))
    with make_client(api) as client:
        with pytest.raises(NotFoundError) as info:
            client.sandboxes.get("x")
    assert (info.value.code, info.value.message, dict(info.value.details)) == (
        code,
        message,
        details,
    )


def test_request_id_falls_back_to_the_body() -> None:
    api = MockAPI().on("GET /sandboxes/x", json_response(404, {"request_id": "req_from_body"}))
    with make_client(api) as client:
        with pytest.raises(NotFoundError) as info:
            client.sandboxes.get("x")
    assert info.value.request_id == "req_from_body"
    assert "req_from_body" in str(info.value)


def test_a_404_names_the_method_and_url_called_without_the_query() -> None:
    generic = {"error": {"code": "NOT_FOUND", "message": "The requested resource was not found"}}
    api = MockAPI().on(
        "GET /sandboxes",
        httpx.Response(404, json=generic, headers={"x-request-id": "req_9"}),
    )
    with make_client(api) as client:
        with pytest.raises(NotFoundError) as info:
            client.sandboxes.list(state="running")
    assert api.last.url.query == b"state=running"
    error = info.value
    assert (error.method, error.url) == ("GET", "https://api.test.miosa/api/v1/sandboxes")
    assert str(error) == (
        "404 NOT_FOUND: The requested resource was not found "
        "(GET https://api.test.miosa/api/v1/sandboxes) (request_id=req_9)"
    )


def test_other_status_errors_keep_their_text_and_carry_the_call() -> None:
    api = MockAPI().on(
        "POST /sandboxes",
        json_response(409, {"error": {"code": "CONFLICT", "message": "name taken"}}),
    )
    with make_client(api) as client:
        with pytest.raises(ConflictError) as info:
            client.sandboxes.create(name="dup")
    assert str(info.value) == "409 CONFLICT: name taken"
    assert (info.value.method, info.value.url) == (
        "POST",
        "https://api.test.miosa/api/v1/sandboxes",
    )


def test_a_non_json_error_body_is_kept_as_text() -> None:
    api = MockAPI().on("GET /sandboxes/x", httpx.Response(502, text="<html>bad gateway</html>"))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError) as info:
            client.sandboxes.get("x")
    assert info.value.body == "<html>bad gateway</html>"
    assert "bad gateway" in info.value.message


def test_quota_exceeded_code_has_its_own_class() -> None:
    api = MockAPI().on(
        "POST /sandboxes",
        json_response(403, {"error": {"code": "QUOTA_EXCEEDED", "message": "max 1"}}),
    )
    with make_client(api) as client:
        with pytest.raises(QuotaExceededError) as info:
            client.sandboxes.create()
    assert isinstance(info.value, PermissionDeniedError)
    assert len(api.requests) == 1


@pytest.mark.parametrize(
    "reply",
    [
        httpx.Response(200, text="not json at all"),
        httpx.Response(200, text='{"data": '),
        httpx.Response(200, json={"data": {"no_id_here": True}}),
        httpx.Response(200, json=["not", "an", "object"]),
    ],
)
def test_malformed_success_bodies_raise_response_validation_error(
    reply: httpx.Response,
) -> None:
    api = MockAPI().on(
        "GET /sandboxes/x",
        httpx.Response(
            reply.status_code,
            content=reply.content,
            headers={**reply.headers, "x-request-id": "req_bad"},
        ),
    )
    with make_client(api) as client:
        with pytest.raises(ResponseValidationError) as info:
            client.sandboxes.get("x")
    assert info.value.status_code == 200
    assert info.value.request_id == "req_bad"
    assert len(info.value.text) <= 1024
    assert info.value.text


def test_the_key_never_appears_in_errors_tracebacks_or_debug_logs(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = (
        MockAPI()
        .on(
            "GET /sandboxes/x",
            json_response(401, {"error": {"code": "UNAUTHORIZED", "message": "bad key"}}),
        )
        .on("GET /sandboxes/y", httpx.ConnectError(f"boom Authorization: Bearer {API_KEY}"))
    )
    caplog.set_level(logging.DEBUG, logger="miosa")
    texts: list[str] = []
    with make_client(api, max_retries=1) as client:
        texts.append(repr(client))
        for sandbox_id in ("x", "y"):
            try:
                client.sandboxes.get(sandbox_id)
            except MiosaError as exc:
                texts += [str(exc), repr(exc), "".join(traceback.format_exception_only(exc))]
                assert isinstance(exc, (AuthenticationError, APIConnectionError))
    logging.getLogger("miosa").debug("header was Authorization: Bearer %s", API_KEY)
    texts += [record.getMessage() for record in caplog.records]
    assert len(caplog.records) >= 3
    for text in texts:
        assert API_KEY not in text


def test_a_malformed_item_in_a_list_names_the_item_and_the_request() -> None:
    items = [{"id": "sbx_1"}, {"no_id_here": "bad item"}, {"id": "sbx_3"}]
    api = MockAPI().on(
        "GET /sandboxes",
        httpx.Response(200, json={"data": items}, headers={"x-request-id": "req_list"}),
    )
    with make_client(api) as client:
        with pytest.raises(ResponseValidationError) as info:
            client.sandboxes.list()
    assert info.value.request_id == "req_list"
    assert "bad item" in info.value.text
    assert "Sandbox" in str(info.value)


def _connection_failure(base_url: str, timeout: float = 5.0) -> APIConnectionError:
    client = Miosa(api_key=API_KEY, base_url=base_url, max_retries=0, timeout=timeout)
    with client:
        with pytest.raises(APIConnectionError) as info:
            client.sandboxes.get("sbx_1")
    assert API_KEY not in str(info.value)
    return info.value


def test_a_refused_connection_names_the_host_and_the_cause() -> None:
    port = closed_port()
    error = _connection_failure(f"http://127.0.0.1:{port}/api/v1")
    assert type(error) is APIConnectionError
    assert error.host == f"127.0.0.1:{port}"
    assert str(error) == (
        f"Could not reach 127.0.0.1:{port}: connection refused: nothing accepts connections on "
        f"that port (GET http://127.0.0.1:{port}/api/v1/sandboxes/sbx_1; ConnectError, "
        "1 attempt)."
    )


def test_a_host_that_does_not_resolve_says_dns() -> None:
    error = _connection_failure("http://nonexistent.invalid/api/v1")
    assert error.host == "nonexistent.invalid"
    assert str(error).startswith(
        "Could not reach nonexistent.invalid: DNS lookup failed: the host name does not resolve "
        "(GET http://nonexistent.invalid/api/v1/sandboxes/sbx_1; ConnectError, 1 attempt)"
    )


def test_a_tls_handshake_with_a_plain_tcp_server_says_tls() -> None:
    with PlainTCPServer() as server:
        error = _connection_failure(f"https://127.0.0.1:{server.port}/api/v1")
    assert error.host == f"127.0.0.1:{server.port}"
    assert str(error).startswith(
        f"Could not reach 127.0.0.1:{server.port}: TLS handshake failed (WRONG_VERSION_NUMBER): "
        "the server did not answer in TLS"
    ), str(error)


def test_a_server_that_never_answers_is_a_timeout_naming_the_host() -> None:
    with PlainTCPServer(reply=None) as server:
        error = _connection_failure(f"http://127.0.0.1:{server.port}/api/v1", timeout=0.3)
    assert isinstance(error, miosa.APITimeoutError)
    assert error.host == f"127.0.0.1:{server.port}"
    assert str(error) == (
        f"Request to 127.0.0.1:{server.port} timed out waiting for the response "
        f"(GET http://127.0.0.1:{server.port}/api/v1/sandboxes/sbx_1; ReadTimeout, 1 attempt)."
    )


@pytest.mark.parametrize(
    ("payload", "seconds"),
    [
        ({"error": {"code": "RATE_LIMITED", "message": "slow", "retry_after": 3}}, 3.0),
        ({"error": {"code": "RATE_LIMITED", "message": "slow", "retry_after_ms": 1500}}, 1.5),
        ({"error": "RATE_LIMITED", "retry_after": 2}, 2.0),
        ({"message": "slow", "retry_after_ms": 250}, 0.25),
    ],
)
def test_a_429_reads_the_wait_from_the_body_under_error_or_on_top(
    payload: object, seconds: float
) -> None:
    api = MockAPI().on("GET /sandboxes/x", json_response(429, payload))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(RateLimitError) as info:
            client.sandboxes.get("x")
    assert info.value.retry_after == seconds
    assert info.value.code == "RATE_LIMITED"


def test_a_redirect_is_not_followed_and_says_where_it_pointed() -> None:
    moved = httpx.Response(301, headers={"location": "https://api.miosa.ai/api/v1/sandboxes/x"})
    api = MockAPI().on("GET /sandboxes/x", moved)
    with make_client(api) as client:
        with pytest.raises(miosa.APIStatusError) as info:
            client.sandboxes.get("x")
    assert len(api.requests) == 1
    assert info.value.status_code == 301
    assert info.value.message == (
        "the server redirected (301) to https://api.miosa.ai/api/v1/sandboxes/x; the SDK does "
        "not follow redirects: check base_url (https://, host)"
    )
