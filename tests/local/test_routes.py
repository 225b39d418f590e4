"""Every operation of the contract marked ``x-miosa-local`` has a route, and the router sends
each one somewhere. The contract is `api/openapi.json` (see api/README.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from miosa.local.app import all_endpoints

CONTRACT = Path(__file__).resolve().parents[2] / "api" / "openapi.json"


def _contract() -> list[dict[str, str]]:
    """The (method, path, base) of every operation the local server serves."""
    doc = json.loads(CONTRACT.read_text())
    return [
        {"method": method.upper(), "path": path, "base": operation.get("x-miosa-base", "")}
        for path, item in doc["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and operation.get("x-miosa-local") is True
    ]


def _normalize(path: str) -> str:
    return re.sub(r"\{(\w+)(:\w+)?\}", "{}", path)


def test_every_contract_endpoint_has_a_route() -> None:
    records = _contract()
    # Every operation api/openapi.json marks x-miosa-local (the count guards against the
    # document losing its marks; api/README.md explains them).
    assert len(records) == 1040
    wanted = {(r["method"], _normalize(r["path"])) for r in records}
    routed = {(e.method, _normalize(e.path)) for e in all_endpoints()}
    assert wanted - routed == set()
    assert len(wanted) == 1040


def test_host_root_operations_are_mounted_outside_the_api_prefix() -> None:
    # x-miosa-base: host-root (the inference proxy) and only those (api/README.md).
    root = {(r["method"], _normalize(r["path"])) for r in _contract() if r["base"] == "host-root"}
    assert root
    assert root == {(e.method, _normalize(e.path)) for e in all_endpoints() if e.host_root}


def test_router_reaches_a_handler_for_every_contract_endpoint(client: httpx.Client) -> None:
    for record in _contract():
        method, template = record["method"], record["path"]
        path = re.sub(r"\{(\w+)\}", lambda m: f"x-{m.group(1)}", template)
        if record["base"] == "host-root":
            # Mounted at the root of the server, outside /api/v1 (api/README.md).
            path = str(client.base_url.copy_with(path=path))
        if template.endswith(("/stream", "/events", "/watch")):
            continue  # streams to unknown sandboxes answer 404 from the handler, checked below
        reply = client.request(
            method, path, json={} if method in ("POST", "PUT", "PATCH") else None
        )
        assert reply.status_code not in (405,), (method, template)
        if reply.status_code == 404:
            assert reply.json()["error"]["details"].get("reason") != "no_route", (method, template)


def test_unknown_path_is_an_enveloped_404(client: httpx.Client) -> None:
    reply = client.get("/no/such/route")
    assert reply.status_code == 404
    body = reply.json()
    assert body["error"]["code"] == "NOT_FOUND"
    assert body["request_id"] == reply.headers["x-request-id"]
    assert reply.headers["x-request-id"].startswith("req_")


def test_routes_the_api_does_not_have_are_not_served(client: httpx.Client) -> None:
    # Older documents name these; 2.19.2 shows none exists (api/wire-pass-sandboxes.md), so
    # the local server answers them as production does: no route.
    for method, path in (
        ("DELETE", "/sandboxes/x-sandbox_id/files?path=/workspace/a"),
        ("POST", "/sandboxes/x-sandbox_id/files/batch"),
        ("POST", "/sandboxes/x-sandbox_id/processes/1/stdin"),
        ("POST", "/sandboxes/x-sandbox_id/processes/1/signal"),
    ):
        reply = client.request(method, path, json={} if method == "POST" else None)
        assert reply.status_code in (404, 405), (method, path)
        assert reply.json()["error"]["details"]["reason"] == "no_route", (method, path)
