"""Pure helpers of ``client.ai_gateway`` (no client, no I/O)."""

from __future__ import annotations

import pytest

from miosa._groups.ai_gateway import host_root_base_url, optional_object


@pytest.mark.parametrize(
    ("base_url", "root"),
    [
        ("https://api.miosa.ai/api/v1", "https://api.miosa.ai"),
        ("https://u:p@api.example.com:8443/api/v1/", "https://u:p@api.example.com:8443"),
        ("http://127.0.0.1:8787/api/v1?x=1", "http://127.0.0.1:8787"),
        ("https://proxy.example.com", "https://proxy.example.com"),
    ],
)
def test_the_host_root_keeps_scheme_credentials_and_port(base_url: str, root: str) -> None:
    assert host_root_base_url(base_url) == root


def test_an_unconfigured_object_is_none() -> None:
    assert optional_object({"data": None}) is None
    assert optional_object(None) is None and optional_object({}) is None
    assert optional_object({"data": {"hard_limit": True}}) == {"hard_limit": True}
    assert optional_object({"hard_limit": False}) == {"hard_limit": False}
