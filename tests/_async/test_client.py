"""Client configuration, headers and lifecycle, as seen on the wire."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

from miosa import AsyncMiosa, ConfigurationError, MiosaError, __version__
from tests._async._helpers import make_client
from tests.helpers import API_KEY, BASE_URL, MockAPI, json_response, sandbox_json
from tests.loopback import LoopbackServer


async def test_every_request_carries_the_base_headers() -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(200, {"data": sandbox_json()}))
    async with make_client(api) as client:
        await client.sandboxes.get("sbx_1")
    headers = api.last.headers
    assert headers["authorization"] == f"Bearer {API_KEY}"
    assert headers["accept"] == "application/json"
    assert headers["user-agent"] == f"miosa-python/{__version__}"
    assert headers["x-miosa-retry-count"] == "0"
    assert "content-type" not in headers
    assert "idempotency-key" not in headers
    assert "x-miosa-tenant" not in headers


async def test_tenant_and_default_headers_are_sent() -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(200, sandbox_json()))
    async with make_client(api, tenant="acme", default_headers={"X-Trace": "t1"}) as client:
        await client.sandboxes.get("sbx_1")
    assert api.last.headers["x-miosa-tenant"] == "acme"
    assert api.last.headers["x-trace"] == "t1"


async def test_environment_supplies_key_base_url_and_tenant(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MIOSA_API_KEY", "msk_env_key_123456")
    monkeypatch.setenv("MIOSA_BASE_URL", "https://env.example/api/v1/")
    monkeypatch.setenv("MIOSA_TENANT", "env-tenant")
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(200, sandbox_json()))
    client = AsyncMiosa(http_client=httpx.AsyncClient(transport=api.transport))
    async with client:
        await client.sandboxes.get("sbx_1")
    assert str(api.last.url) == "https://env.example/api/v1/sandboxes/sbx_1"
    assert api.last.headers["authorization"] == "Bearer msk_env_key_123456"
    assert api.last.headers["x-miosa-tenant"] == "env-tenant"


@pytest.mark.parametrize(
    ("given", "reached"),
    [
        ("https://api.miosa.ai", "https://api.miosa.ai/api/v1/sandboxes/sbx_1"),
        ("https://api.miosa.ai/", "https://api.miosa.ai/api/v1/sandboxes/sbx_1"),
        ("  https://api.miosa.ai//  ", "https://api.miosa.ai/api/v1/sandboxes/sbx_1"),
        ("https://api.miosa.ai/api/v1", "https://api.miosa.ai/api/v1/sandboxes/sbx_1"),
        ("https://api.miosa.ai/api/v1/", "https://api.miosa.ai/api/v1/sandboxes/sbx_1"),
        ("http://127.0.0.1:8787/api/v1", "http://127.0.0.1:8787/api/v1/sandboxes/sbx_1"),
        ("http://127.0.0.1:8787", "http://127.0.0.1:8787/api/v1/sandboxes/sbx_1"),
        ("https://gw.example/v2", "https://gw.example/v2/sandboxes/sbx_1"),
        ("https://gw.example/miosa", "https://gw.example/miosa/api/v1/sandboxes/sbx_1"),
        ("https://v1.example", "https://v1.example/api/v1/sandboxes/sbx_1"),
    ],
)
@pytest.mark.parametrize("source", ["argument", "environment"])
async def test_a_base_url_without_a_version_segment_gets_api_v1(
    monkeypatch: pytest.MonkeyPatch, given: str, reached: str, source: str
) -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return json_response(200, sandbox_json())

    transport = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    if source == "environment":
        monkeypatch.setenv("MIOSA_BASE_URL", given)
        client = AsyncMiosa(api_key=API_KEY, http_client=transport)
    else:
        client = AsyncMiosa(api_key=API_KEY, base_url=given, http_client=transport)
    async with client:
        await client.sandboxes.get("sbx_1")
    assert seen == [reached]
    assert client.base_url == reached.removesuffix("/sandboxes/sbx_1")
    await transport.aclose()


async def test_missing_key_fails_at_construction_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MIOSA_API_KEY", raising=False)
    monkeypatch.delenv("MIOSA_ACCESS_TOKEN", raising=False)
    with pytest.raises(ConfigurationError) as info:
        AsyncMiosa()
    # A MiosaError, and still the ValueError earlier versions raised.
    assert isinstance(info.value, MiosaError)
    assert isinstance(info.value, ValueError)
    assert "MIOSA_API_KEY" in str(info.value)
    assert "access_token" in str(info.value)
    with pytest.raises(ConfigurationError, match="not both"):
        AsyncMiosa(api_key=API_KEY, access_token="tok_1")
    with pytest.raises(ConfigurationError, match="http:// or https://"):
        AsyncMiosa(api_key=API_KEY, base_url="api.miosa.ai")


async def test_defaults_match_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MIOSA_BASE_URL", raising=False)
    client = AsyncMiosa(api_key=API_KEY)
    async with client:
        assert client.base_url == "https://api.miosa.ai/api/v1"
        assert client.options.timeout.read == 30.0
        assert client.options.timeout.connect == 5.0
        assert client.options.max_retries == 3
        assert client.options.max_connections == 100


async def test_with_options_changes_one_call_and_shares_the_pool() -> None:
    api = MockAPI().on("GET /sandboxes/sbx_1", json_response(503, {}), json_response(200, {}))
    async with make_client(api) as client:
        quick = client.with_options(max_retries=0, timeout=2)
        assert quick._http.pool is client._http.pool
        assert quick.options.timeout.read == 2.0
        assert client.options.max_retries == 3
        with pytest.raises(Exception) as info:
            await quick.sandboxes.get("sbx_1")
    assert type(info.value).__name__ == "ServerError"
    assert len(api.requests) == 1


async def test_header_values_with_newlines_are_refused() -> None:
    with pytest.raises(ValueError, match="CR, LF"):
        AsyncMiosa(api_key=API_KEY, tenant="evil\r\nX-Injected: 1")


async def test_repr_shows_only_the_last_four_characters_of_the_key() -> None:
    client = AsyncMiosa(api_key=API_KEY, base_url=BASE_URL)
    async with client:
        text = repr(client) + repr(client.options)
    assert API_KEY not in text
    assert API_KEY[-4:] in text


async def test_close_closes_an_owned_pool_but_not_an_injected_one() -> None:
    owned = AsyncMiosa(api_key=API_KEY, base_url=BASE_URL)
    async with owned:
        pass
    assert owned._http.pool.closed
    injected = httpx.AsyncClient(transport=MockAPI().transport)
    async with AsyncMiosa(api_key=API_KEY, base_url=BASE_URL, http_client=injected):
        pass
    assert not injected.is_closed
    await injected.aclose()


async def test_an_owned_pool_keeps_no_cookies_so_none_crosses_tenants() -> None:
    with LoopbackServer(set_cookie="session=abc; Path=/") as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url) as client:
            await client.sandboxes.get("sbx_1")
            await client.with_options(tenant="other").sandboxes.get("sbx_2")
            await client.sandboxes.get("sbx_3")
    assert server.cookie_headers == [None, None, None]


async def test_an_injected_client_keeps_its_own_cookie_handling() -> None:
    reply = httpx.Response(
        200, json={"data": sandbox_json()}, headers={"set-cookie": "session=abc; Path=/"}
    )
    api = MockAPI().on("GET /sandboxes/sbx_1", reply)
    async with make_client(api) as client:
        await client.sandboxes.get("sbx_1")
        await client.sandboxes.get("sbx_1")
    assert "cookie" not in api.requests[0].headers
    assert api.requests[1].headers["cookie"] == "session=abc"


async def test_many_distinct_paths_each_reach_their_own_url() -> None:
    api = MockAPI()
    ids = [f"sbx_{n}" for n in range(1500)] + ["sbx_0", "sbx_1499", "a b/c"]
    for sandbox_id in ids:
        api.on(f"GET /sandboxes/{quote(sandbox_id, safe='')}", json_response(200, sandbox_json()))
    async with make_client(api) as client:
        for sandbox_id in ids:
            await client.sandboxes.get(sandbox_id)
    sent = [request.url.raw_path.decode() for request in api.requests]
    assert sent == [f"/api/v1/sandboxes/{quote(i, safe='')}" for i in ids]
