"""Wire tests of ``client.provider_defaults`` (admin)."""

from __future__ import annotations

import httpx
import pytest

from miosa._converter import structure
from miosa.types.provider_defaults import (
    FleetProviderDefaults,
    ProviderDefault,
    TenantProviderConfig,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, json_response

DEFAULTS = {
    "providers": {
        "openai": {"model": "gpt-4o-mini", "weight": 70},
        "anthropic": {"model": "claude-haiku", "weight": 30},
    },
    "updated_by": "admin_1",
}

CASES = [
    Case(
        call=lambda c: c.provider_defaults.list(),
        method="GET",
        path="/admin/provider-defaults",
        check=lambda r: (
            r
            == [
                ProviderDefault(provider="openai", settings={"model": "gpt-4o-mini", "weight": 70}),
                ProviderDefault(
                    provider="anthropic", settings={"model": "claude-haiku", "weight": 30}
                ),
            ]
        ),
        reply={"defaults": DEFAULTS},
    ),
    Case(
        call=lambda c: c.provider_defaults.update({"providers": {"openai": {"weight": 100}}}),
        method="PUT",
        path="/admin/provider-defaults",
        check=lambda r: (
            isinstance(r, FleetProviderDefaults) and r.for_provider("openai") == {"weight": 100}
        ),
        reply={"data": {"providers": {"openai": {"weight": 100}}}},
        body={"providers": {"openai": {"weight": 100}}},
    ),
    Case(
        call=lambda c: c.provider_defaults.get_tenant("ten_1"),
        method="GET",
        path="/admin/tenants/ten_1/provider-config",
        check=lambda r: isinstance(r, TenantProviderConfig) and r.tenant_id == "ten_1",
        reply={"config": {"tenant_id": "ten_1", "providers": {}}},
    ),
    Case(
        call=lambda c: c.provider_defaults.set_tenant(
            "ten_1", {"providers": {"openai": {"byok": True}}}
        ),
        method="PUT",
        path="/admin/tenants/ten_1/provider-config",
        check=lambda r: (
            isinstance(r, TenantProviderConfig) and r.providers == {"openai": {"byok": True}}
        ),
        reply={"data": {"tenant_id": "ten_1", "providers": {"openai": {"byok": True}}}},
        body={"providers": {"openai": {"byok": True}}},
    ),
    Case(
        call=lambda c: c.provider_defaults.reset_tenant("ten_1"),
        method="DELETE",
        path="/admin/tenants/ten_1/provider-config",
        check=lambda r: r is None,
        reply=httpx.Response(204),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.route for case in CASES])
async def test_provider_defaults_wire(case: Case) -> None:
    await run_case(case)


async def test_get_picks_one_provider_from_the_defaults() -> None:
    api = MockAPI().on("GET /admin/provider-defaults", json_response(200, {"data": DEFAULTS}))
    async with make_client(api) as client:
        openai = await client.provider_defaults.get("openai")
        missing = await client.provider_defaults.get("mistral")
    assert openai == {"model": "gpt-4o-mini", "weight": 70}
    assert missing is None


def test_provider_defaults_round_trip_keeps_unknown_fields() -> None:
    defaults = structure(DEFAULTS, FleetProviderDefaults)
    assert defaults.for_provider("anthropic") == {"model": "claude-haiku", "weight": 30}
    assert defaults.raw["updated_by"] == "admin_1"
    config = structure({"tenant_id": "ten_1", "fallback": "openai"}, TenantProviderConfig)
    assert (config.tenant_id, config.providers, config.raw["fallback"]) == ("ten_1", None, "openai")
