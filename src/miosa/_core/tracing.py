"""OpenTelemetry spans around API calls, for applications that use OpenTelemetry.

Nothing here imports ``opentelemetry`` when the module loads: `resolve_tracer` does, and
only when tracing is asked for (``tracing=True`` or a tracer provider) or when the
application has already imported OpenTelemetry itself (auto mode). Without a tracer the
transport's only cost is one ``is None`` check per call.

One CLIENT span per call (all its attempts), named ``miosa {METHOD} {route}`` after the
contract route (``/sandboxes/{sandbox_id}``), never the filled path; attributes follow
OpenTelemetry's HTTP client conventions. The span is current while the call runs, and its
context travels in the request headers (``traceparent``, through the globally configured
propagator) on every attempt.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from .._version import __version__
from ..errors import APIStatusError, ConfigurationError
from .request import template_of

if TYPE_CHECKING:
    from opentelemetry.trace import Span, Tracer, TracerProvider

_INSTALL_HINT = "pip install 'miosa[otel]'"


class CallTracer:
    """Starts and ends the span of each call for one client's transport."""

    def __init__(self, tracer: Tracer) -> None:
        from opentelemetry import context, propagate, trace

        self._tracer = tracer
        self._trace = trace
        self._attach = context.attach
        self._detach = context.detach
        self._inject = propagate.inject
        self._client_kind = trace.SpanKind.CLIENT
        self._error = trace.StatusCode.ERROR

    def start(self, method: str, path: str, base_url: str) -> Span:
        """A started span for a call on ``path`` (a `Route` names its template)."""
        template = template_of(path)
        parts = urlsplit(base_url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return self._tracer.start_span(
            f"miosa {method} {template}",
            kind=self._client_kind,
            attributes={
                "http.request.method": method,
                # The absolute path's template, as the convention asks (base path included).
                "url.template": parts.path + template,
                # Scheme, host and path: the query is left out (filters may carry user data).
                "url.full": base_url + str(path),
                "server.address": parts.hostname or "",
                "server.port": port,
            },
        )

    def enter(self, span: Span, headers: dict[str, str]) -> object:
        """Make ``span`` current for the call and write its context into ``headers`` (sent
        unchanged by every attempt); `leave` with the token returned."""
        context = self._trace.set_span_in_context(span)
        token = self._attach(context)
        self._inject(headers, context=context)
        return token

    def leave(self, token: object) -> None:
        self._detach(token)  # type: ignore[arg-type]

    def succeeded(self, span: Span, response: httpx.Response, attempts: int) -> None:
        _set_response(span, response)
        _set_attempts(span, attempts)
        span.end()

    def failed(self, span: Span, exc: BaseException, attempts: int) -> None:
        """End the span of a call that raised: `error.type` is the HTTP status of an error
        reply, else the exception's class; cancellations leave the status unset."""
        _set_attempts(span, attempts)
        if isinstance(exc, APIStatusError):
            span.set_attribute("http.response.status_code", exc.status_code)
            if exc.request_id:
                span.set_attribute("miosa.request_id", exc.request_id)
            error_type = str(exc.status_code)
        else:
            error_type = f"{type(exc).__module__}.{type(exc).__qualname__}"
        span.set_attribute("error.type", error_type)
        if isinstance(exc, Exception):
            span.set_status(self._error, str(exc))
        span.end()


def _set_response(span: Span, response: httpx.Response) -> None:
    span.set_attribute("http.response.status_code", response.status_code)
    version = response.http_version.removeprefix("HTTP/")
    if version:
        span.set_attribute("network.protocol.version", version)
    request_id = response.headers.get("x-request-id")
    if request_id:
        span.set_attribute("miosa.request_id", request_id)


def _set_attempts(span: Span, attempts: int) -> None:
    span.set_attribute("miosa.attempts", attempts)
    if attempts > 1:
        span.set_attribute("http.request.resend_count", attempts - 1)


def resolve_tracer(tracing: bool | TracerProvider | None) -> CallTracer | None:
    """The tracer a client uses, or None for no tracing.

    ``None`` (auto): trace when the application has already imported OpenTelemetry (its
    API's default tracer is a no-op until a provider is configured, so this costs little),
    never importing it otherwise. ``True``: the global tracer provider, failing clearly
    when OpenTelemetry is not installed. A ``TracerProvider``: that one. ``False``: off.
    """
    if tracing is False:
        return None
    if tracing is None and "opentelemetry.trace" not in sys.modules:
        return None
    try:
        from opentelemetry import trace
    except ImportError:
        if tracing is None:
            return None
        raise ConfigurationError(
            f"tracing needs the OpenTelemetry API, which is not installed: {_INSTALL_HINT}"
        ) from None
    provider = None if tracing is None or tracing is True else tracing
    return CallTracer(trace.get_tracer("miosa", __version__, tracer_provider=provider))
