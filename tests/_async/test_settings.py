"""Wire tests for tenant settings, settings-level branding, pricing and provider keys."""

from __future__ import annotations

import pytest

from miosa._converter import structure
from miosa.types.regions import ComputePricing
from miosa.types.settings import GpuPricing, ProviderKey, SettingsBranding, TenantSettings
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

CASES = [
    Case(call="settings.get", method="GET", path="/settings",
         reply={"settings": {"id": "x_1", "default_region": "iad"}}, result=TenantSettings),
    Case(call="settings.update", args=({"default_region": "fra", "sso": {"enabled": True}},),
         method="PUT", path="/settings",
         body={"default_region": "fra", "sso": {"enabled": True}}, result=TenantSettings),
    Case(call="settings.get_branding", method="GET", path="/settings/branding",
         reply={"branding": {"id": "x_1", "wordmark": "Acme"}}, result=SettingsBranding),
    Case(call="settings.update_branding",
         kwargs={"logo_url": "https://acme.dev/logo.svg", "primary_color": "#ff0066",
                 "extra": {"favicon_url": "https://acme.dev/f.ico"}},
         method="PUT", path="/settings/branding",
         body={"logo_url": "https://acme.dev/logo.svg", "primary_color": "#ff0066",
               "favicon_url": "https://acme.dev/f.ico"},
         result=SettingsBranding),
    Case(call="settings.compute_pricing", method="GET", path="/settings/compute-pricing",
         result=ComputePricing),
    Case(call="settings.gpu_pricing", method="GET", path="/settings/gpu-pricing",
         result=GpuPricing),
    Case(call="settings.list_provider_keys", method="GET", path="/settings/provider-keys",
         reply={"provider_keys": [{"id": "x_1"}, {"id": "x_2"}]}, result=ProviderKey,
         many=True, result_ids=("x_1", "x_2")),
    Case(call="settings.upsert_provider_key", args=("anthropic",),
         kwargs={"key": "sk-ant-secret", "extra": {"label": "prod"}}, method="PUT",
         path="/settings/provider-keys/anthropic",
         body={"key": "sk-ant-secret", "label": "prod"}, result=ProviderKey),
    Case(call="settings.delete_provider_key", args=("open ai",), method="DELETE",
         path="/settings/provider-keys/open%20ai", reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


@pytest.mark.parametrize(
    ("call", "path", "reply", "expected"),
    [
        ("available_models", "/settings/available-models",
         {"data": [{"id": "claude"}, {"id": "gpt"}]}, [{"id": "claude"}, {"id": "gpt"}]),
        ("available_models", "/settings/available-models", {"models": ["a"]}, ["a"]),
        ("regions", "/settings/regions", ["iad", "fra"], ["iad", "fra"]),
        ("regions", "/settings/regions", {"regions": [{"id": "iad"}]}, [{"id": "iad"}]),
    ],
)  # fmt: skip
async def test_untyped_reads_return_the_unwrapped_json(
    call: str, path: str, reply: object, expected: object
) -> None:
    api = MockAPI().on(f"GET {path}", json_response(200, reply))
    async with make_client(api) as client:
        assert await getattr(client.settings, call)() == expected
    assert api.last.method == "GET" and api.last.content == b""


def test_settings_models_round_trip() -> None:
    settings = structure({"default_region": "iad", "sso": {"enabled": True}}, TenantSettings)
    assert settings.raw == {"default_region": "iad", "sso": {"enabled": True}}
    branding = structure(
        {"logo_url": "https://acme.dev/l.svg", "primary_color": "#000", "wordmark": "Acme",
         "accent": "#fff"},
        SettingsBranding,
    )  # fmt: skip
    assert branding == SettingsBranding(
        logo_url="https://acme.dev/l.svg", primary_color="#000", wordmark="Acme"
    )
    assert branding.raw["accent"] == "#fff"
    key = structure(
        {"provider": "anthropic", "masked_key": "sk-ant-...abcd", "created_at": 1764324000},
        ProviderKey,
    )
    assert key.provider == "anthropic" and key.masked_key == "sk-ant-...abcd"
    assert key.created_at is not None and key.created_at.tzinfo is not None
