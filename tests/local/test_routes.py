"""Every endpoint of the wire contract has a route, and the router sends each one somewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from miosa.local.app import all_endpoints

CONTRACT_CANDIDATES = [
    Path(__file__).resolve().parents[3] / "shared" / "api" / "core-and-sandboxes.json",
    Path("/work/shared/api/core-and-sandboxes.json"),
]


def _contract() -> list[dict[str, object]]:
    for path in CONTRACT_CANDIDATES:
        if path.is_file():
            records: list[dict[str, object]] = json.loads(path.read_text())
            return records
    pytest.skip("core-and-sandboxes.json is not available here")


def _normalize(path: str) -> str:
    return re.sub(r"\{(\w+)(:\w+)?\}", "{}", path)


# Routes of that contract which 2.19.2 shows do not exist (api/wire-pass-sandboxes.md): the
# local server answers them as production does, with no route.
NOT_SERVED = {
    ("DELETE", "/sandboxes/{}/files"),
    ("POST", "/sandboxes/{}/files/batch"),
    ("POST", "/sandboxes/{}/processes/{}/stdin"),
    ("POST", "/sandboxes/{}/processes/{}/signal"),
}


def test_every_contract_endpoint_has_a_route() -> None:
    records = _contract()
    assert len(records) == 124
    wanted = {(str(r["method"]), _normalize(str(r["path"]))) for r in records}
    routed = {(e.method, _normalize(e.path)) for e in all_endpoints()}
    assert wanted - routed == NOT_SERVED
    assert NOT_SERVED & routed == set()
    # /usage/summary appears twice in the contract (usage.current and usage.report).
    assert len(wanted) == 123


def test_router_reaches_a_handler_for_every_contract_endpoint(client: httpx.Client) -> None:
    for record in _contract():
        method, template = str(record["method"]), str(record["path"])
        path = re.sub(r"\{(\w+)\}", lambda m: f"x-{m.group(1)}", template)
        if template.endswith(("/stream", "/events", "/watch")):
            continue  # streams to unknown sandboxes answer 404 from the handler, checked below
        reply = client.request(
            method, path, json={} if method in ("POST", "PUT", "PATCH") else None
        )
        if (method, _normalize(template)) in NOT_SERVED:
            assert reply.status_code in (404, 405), (method, template)
            assert reply.json()["error"]["details"]["reason"] == "no_route", (method, template)
            continue
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
