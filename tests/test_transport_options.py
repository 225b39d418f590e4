"""Transport options checked at construction: tracing and HTTP/2 without their packages,
and what they configure (the calls themselves: tests/_async/test_tracing.py, test_http2.py)."""

from __future__ import annotations

import sys

import httpx
import pytest

from miosa import AsyncMiosa, ConfigurationError, Miosa
from miosa._core.pool import shard_limits
from tests.helpers import API_KEY


@pytest.mark.parametrize("client", [Miosa, AsyncMiosa])
def test_tracing_true_without_opentelemetry_names_the_extra(
    client: type[Miosa | AsyncMiosa], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "opentelemetry", None)
    with pytest.raises(ConfigurationError, match=r"miosa\[otel\]"):
        client(api_key=API_KEY, tracing=True)
    # Auto and off simply do not trace.
    assert client(api_key=API_KEY)._http._tracer is None
    assert client(api_key=API_KEY, tracing=False)._http._tracer is None


@pytest.mark.parametrize("client", [Miosa, AsyncMiosa])
def test_tracing_is_shared_by_with_options_copies(client: type[Miosa | AsyncMiosa]) -> None:
    from opentelemetry.sdk.trace import TracerProvider

    traced = client(api_key=API_KEY, tracing=TracerProvider())
    assert traced._http._tracer is not None
    assert traced.with_options(timeout=5)._http._tracer is traced._http._tracer


@pytest.mark.parametrize("client", [Miosa, AsyncMiosa])
def test_http2_without_h2_names_the_extra(
    client: type[Miosa | AsyncMiosa], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "h2", None)
    with pytest.raises(ConfigurationError, match=r"miosa\[http2\]"):
        client(api_key=API_KEY, http2=True)


def test_http2_builds_one_http2_pool_of_the_whole_size() -> None:
    client = Miosa(api_key=API_KEY, http2=True, max_connections=100)
    pool = client._http.pool
    assert len(pool.clients) == 1
    transport = pool.clients[0]._transport
    assert transport._pool._http2 is True  # type: ignore[attr-defined]
    assert transport._pool._max_connections == 100  # type: ignore[attr-defined]
    assert client.options.http2 is True
    client.close()


def test_http1_keeps_its_shards() -> None:
    client = Miosa(api_key=API_KEY, max_connections=100)
    pools = [c._transport._pool for c in client._http.pool.clients]  # type: ignore[attr-defined]
    assert len(pools) == 10
    assert not any(p._http2 for p in pools)
    client.close()


def test_http2_with_an_injected_client_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="that httpx client"):
        Miosa(api_key=API_KEY, http2=True, http_client=httpx.Client())


def test_http2_limits_are_one_pool() -> None:
    assert shard_limits(100, 20, http2=True) == [
        httpx.Limits(max_connections=100, max_keepalive_connections=20)
    ]
    assert len(shard_limits(100, 20)) == 10
