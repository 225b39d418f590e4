"""OpenTelemetry tracing as an exporter sees it: one CLIENT span per call, named by its
contract route, and its context on the wire (``traceparent``) for every attempt."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from miosa import APIConnectionError, AsyncMiosa, NotFoundError
from tests._async._helpers import make_client
from tests.helpers import API_KEY, MockAPI, json_response, sandbox_json
from tests.loopback import closed_port

pytestmark = pytest.mark.usefixtures("fast_retries")

UNAVAILABLE = json_response(503, {"error": {"code": "UNAVAILABLE", "message": "busy"}})


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    spans = InMemorySpanExporter()
    yield spans
    spans.shutdown()


@pytest.fixture
def provider(exporter: InMemorySpanExporter) -> Iterator[TracerProvider]:
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    yield tracer_provider
    tracer_provider.shutdown()


def only_span(exporter: InMemorySpanExporter) -> ReadableSpan:
    spans = exporter.get_finished_spans()
    assert len(spans) == 1, [s.name for s in spans]
    return spans[0]


def traceparent_of(span: ReadableSpan) -> str:
    context = span.get_span_context()
    assert context is not None
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{context.trace_flags:02x}"


async def test_a_call_is_one_client_span_named_by_its_route(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    reply = json_response(200, {"data": sandbox_json()}, headers={"x-request-id": "req_42"})
    api = MockAPI().on("GET /sandboxes/sbx%201", reply)
    async with make_client(api, tracing=provider) as client:
        await client.sandboxes.get("sbx 1")
    span = only_span(exporter)
    assert span.name == "miosa GET /sandboxes/{sandbox_id}"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    assert dict(span.attributes or {}) == {
        "http.request.method": "GET",
        "url.template": "/api/v1/sandboxes/{sandbox_id}",
        "url.full": "https://api.test.miosa/api/v1/sandboxes/sbx%201",
        "server.address": "api.test.miosa",
        "server.port": 443,
        "http.response.status_code": 200,
        "network.protocol.version": "1.1",
        "miosa.request_id": "req_42",
        "miosa.attempts": 1,
    }
    assert api.last.headers["traceparent"] == traceparent_of(span)


async def test_a_404_is_an_error_span_typed_by_its_status(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    missing = json_response(
        404, {"error": {"code": "NOT_FOUND", "message": "no"}}, headers={"x-request-id": "req_7"}
    )
    api = MockAPI().on("GET /sandboxes/sbx_9", missing)
    async with make_client(api, tracing=provider) as client:
        with pytest.raises(NotFoundError):
            await client.sandboxes.get("sbx_9")
    span = only_span(exporter)
    assert span.name == "miosa GET /sandboxes/{sandbox_id}"
    assert span.status.status_code is StatusCode.ERROR
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == "404"
    assert attributes["http.response.status_code"] == 404
    assert attributes["miosa.request_id"] == "req_7"
    assert attributes["miosa.attempts"] == 1
    assert api.last.headers["traceparent"] == traceparent_of(span)


async def test_a_retried_503_is_one_span_counting_its_attempts(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api = MockAPI().on("POST /sandboxes", UNAVAILABLE, json_response(201, {"data": sandbox_json()}))
    async with make_client(api, tracing=provider) as client:
        await client.sandboxes.create(name="demo")
    span = only_span(exporter)
    assert span.name == "miosa POST /sandboxes"
    attributes = dict(span.attributes or {})
    assert attributes["http.response.status_code"] == 201
    assert attributes["miosa.attempts"] == 2
    assert attributes["http.request.resend_count"] == 1
    assert span.status.status_code is StatusCode.UNSET
    # Both attempts carry the call's span context.
    assert [r.headers["traceparent"] for r in api.requests] == [traceparent_of(span)] * 2


async def test_a_connection_error_is_an_error_span_typed_by_the_exception(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}/api/v1"
    async with AsyncMiosa(
        api_key=API_KEY, base_url=base_url, max_retries=1, tracing=provider
    ) as client:
        with pytest.raises(APIConnectionError):
            await client.sandboxes.get("sbx_1")
    span = only_span(exporter)
    assert span.name == "miosa GET /sandboxes/{sandbox_id}"
    assert span.status.status_code is StatusCode.ERROR
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == "miosa.errors.APIConnectionError"
    assert attributes["server.address"] == "127.0.0.1"
    assert attributes["miosa.attempts"] == 2
    assert "http.response.status_code" not in attributes


async def test_the_span_is_a_child_of_the_callers_span(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(200, {"data": sandbox_json()}))
    async with make_client(api, tracing=provider) as client:
        with provider.get_tracer("app").start_as_current_span("handle request") as outer:
            await client.sandboxes.get("sbx_1")
    call, parent = exporter.get_finished_spans()
    assert parent.name == "handle request"
    assert call.parent is not None
    assert call.parent.span_id == outer.get_span_context().span_id
    assert traceparent_of(call).split("-")[1] == f"{outer.get_span_context().trace_id:032x}"


async def test_scoped_and_file_paths_keep_their_route(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api = MockAPI().on(
        "GET /sandboxes/sbx_1/files/etc/hosts",
        httpx.Response(200, content=b"127.0.0.1 localhost\n"),
    )
    async with make_client(api, tracing=provider) as client:
        await client.sandboxes.handle("sbx_1").files.read("/etc/hosts")
    assert only_span(exporter).name == "miosa GET /sandboxes/{sandbox_id}/files/{path}"


async def test_tracing_off_sends_no_trace_context(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(200, {"data": sandbox_json()}))
    async with make_client(api, tracing=False) as client:
        with provider.get_tracer("app").start_as_current_span("handle request"):
            await client.sandboxes.get("sbx_1")
    assert [s.name for s in exporter.get_finished_spans()] == ["handle request"]
    assert "traceparent" not in api.last.headers
