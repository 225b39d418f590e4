"""The generic record store: CRUD, nested collections, actions, validation and 404s."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.testclient import TestClient

from miosa.local.config import Settings
from miosa.local.http import ok
from miosa.local.records import (
    Action,
    Collection,
    Singleton,
    crud_endpoints,
    find,
    singleton_endpoints,
)
from miosa.local.routing import Call, Endpoint, to_route
from miosa.local.state import Store

PROJECTS = Collection(
    "/projects",
    "project_id",
    "prj",
    "project",
    required=("name",),
    defaults={"status": "active"},
    filters=("status",),
    actions={"archive": Action(sets={"status": "archived"}, from_body=("reason",))},
)
SERVICES = Collection("/projects/{project_id}/services", "service_id", "svc", "service")


async def project_of_file(call: Call) -> Response:
    """A deeper route looking up its project: the file id must not act as a parent."""
    return ok({"project": find(call, PROJECTS)["id"], "file": call.params["file_id"]})


@pytest.fixture
def client(tmp_path: Path) -> Iterator[httpx.Client]:
    settings = Settings(
        api_key="k", root=tmp_path, isolation="none", bwrap_path=None,
        heartbeat_interval=15.0, webhook_signature="sha256",
    )  # fmt: skip
    store = Store(settings)
    endpoints = [
        *crud_endpoints([PROJECTS, SERVICES]),
        *singleton_endpoints([Singleton("/settings/x", defaults={"on": False})]),
        Endpoint("GET", "/projects/{project_id}/files/{file_id}", project_of_file),
    ]
    app = Starlette(routes=[to_route(e, store) for e in endpoints])
    with TestClient(app, base_url="http://t") as c:
        yield c


def test_crud_round_trip_with_defaults_filters_and_actions(client: httpx.Client) -> None:
    created = client.post("/projects", json={"name": "web"})
    assert created.status_code == 201
    project = created.json()["data"]
    assert project["id"].startswith("prj_") and project["status"] == "active"
    assert client.get(f"/projects/{project['id']}").json()["data"] == project
    changed = client.patch(f"/projects/{project['id']}", json={"name": "site", "id": "x"})
    assert (
        changed.json()["data"]["name"] == "site" and changed.json()["data"]["id"] == project["id"]
    )
    archived = client.post(f"/projects/{project['id']}/archive", json={"reason": "old"})
    assert archived.json()["data"]["status"] == "archived"
    assert archived.json()["data"]["reason"] == "old"
    client.post("/projects", json={"name": "api"})
    active = client.get("/projects", params={"status": "active"}).json()["data"]
    assert [p["name"] for p in active] == ["api"]
    assert client.delete(f"/projects/{project['id']}").status_code == 204
    assert client.get(f"/projects/{project['id']}").status_code == 404


def test_required_fields_are_checked(client: httpx.Client) -> None:
    assert client.post("/projects", json={}).status_code == 400
    assert client.post("/projects", json={"name": {"nested": 1}}).status_code == 400


def test_nested_collections_belong_to_their_parent(client: httpx.Client) -> None:
    service = client.post("/projects/prj_a/services", json={"name": "db"}).json()["data"]
    assert service["project_id"] == "prj_a"
    assert [s["id"] for s in client.get("/projects/prj_a/services").json()["data"]] == [
        service["id"]
    ]
    assert client.get("/projects/prj_b/services").json()["data"] == []
    assert client.get(f"/projects/prj_b/services/{service['id']}").status_code == 404


def test_a_deeper_route_finds_its_record_by_the_collection_parameters_only(
    client: httpx.Client,
) -> None:
    project = client.post("/projects", json={"name": "web"}).json()["data"]
    reply = client.get(f"/projects/{project['id']}/files/file_1")
    assert reply.status_code == 200, reply.text
    assert reply.json()["data"] == {"project": project["id"], "file": "file_1"}


def test_a_singleton_merges_updates(client: httpx.Client) -> None:
    assert client.get("/settings/x").json()["data"] == {"on": False}
    merged = client.patch("/settings/x", json={"on": True}).json()["data"]
    assert merged["on"] is True and "updated_at" in merged
    assert client.get("/settings/x").json()["data"]["on"] is True
