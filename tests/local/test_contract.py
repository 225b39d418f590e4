"""The local server serves the wire contract, `api/openapi.json`, without a key."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from miosa.local import LocalServer
from miosa.local.contract import CHECKOUT_DOCUMENT, load_document

from ._support import SHORT

CONTRACT = Path(__file__).resolve().parents[2] / "api" / "openapi.json"


def test_the_document_is_served_at_the_root_and_under_the_api_prefix(
    server: LocalServer,
) -> None:
    expected = CONTRACT.read_bytes()
    with httpx.Client(timeout=SHORT) as anonymous:
        for url in (server.url + "/openapi.json", server.base_url + "/openapi.json"):
            reply = anonymous.get(url)  # no Authorization header
            assert reply.status_code == 200, (url, reply.text)
            assert reply.headers["content-type"].startswith("application/json")
            assert reply.content == expected
            assert reply.headers["x-request-id"].startswith("req_")
    assert json.loads(expected)["openapi"] == "3.1.0"


def test_other_root_paths_still_need_nothing_new(server: LocalServer) -> None:
    """Only GET /openapi.json is public: other methods and the API still ask for a key."""
    with httpx.Client(timeout=SHORT) as anonymous:
        assert anonymous.post(server.url + "/openapi.json").status_code in (401, 404, 405)
        assert anonymous.get(server.base_url + "/sandboxes").status_code == 401


def test_the_package_finds_the_document_from_a_checkout() -> None:
    """From a source checkout the package reads api/openapi.json (a wheel has its own copy)."""
    assert CHECKOUT_DOCUMENT == CONTRACT
    assert load_document() == CONTRACT.read_bytes()
