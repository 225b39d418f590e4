"""Connector bindings of a sandbox and of a deployment: the exact replies of attach and
detach (201 with the binding, a second attach to an env name, 204 and 404 on detach, 400
naming a mistyped field). The two route families share one implementation; the 400
messages for a mistyped ``connector``, ``env_name`` or ``mode`` differ between them and
are pinned here as they are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
SCOPE = (
    "installation_id",
    "project_id",
    "environment",
    "external_user_id",
    "external_workspace_id",
    "external_project_id",
)


@dataclass(frozen=True)
class Family:
    """One route family: where its bindings live and how it words a mistyped field."""

    name: str
    collection: str
    owner_field: str
    prefix: str
    # body -> (field, message) of the 400 this family answers
    mistyped: tuple[tuple[dict[str, Any], str, str], ...]


SANDBOX = Family(
    "sandbox",
    "/sandboxes",
    "sandbox_id",
    "cbnd_",
    (
        ({"connector": 3, "env_name": "GH"}, "connector", "connector is required"),
        ({"env_name": "GH"}, "connector", "connector is required"),
        ({"connector": "github/default", "env_name": ["GH"]}, "env_name", "env_name is required"),
        ({"connector": "github/default", "env_name": ""}, "env_name", "env_name is required"),
        (
            {"connector": "github/default", "env_name": "GH", "mode": 5},
            "mode",
            "mode must be a binding mode such as brokered_env",
        ),
        (
            {"connector": "github/default", "env_name": "GH", "mode": None},
            "mode",
            "mode must be a binding mode such as brokered_env",
        ),
        (
            {"connector": "github/default", "env_name": "GH", "project_id": 5},
            "project_id",
            "project_id must be a string",
        ),
        (
            {"connector": "github/default", "env_name": "GH", "external_user_id": {}},
            "external_user_id",
            "external_user_id must be a string",
        ),
    ),
)
DEPLOYMENT = Family(
    "deployment",
    "/deployments",
    "deployment_id",
    "dcbd_",
    (
        ({"connector": 3, "env_name": "GH"}, "connector", "connector must be a string"),
        ({"env_name": "GH"}, "connector", "connector is required"),
        (
            {"connector": "github/default", "env_name": ["GH"]},
            "env_name",
            "env_name must be a string",
        ),
        ({"connector": "github/default", "env_name": ""}, "env_name", "env_name is required"),
        (
            {"connector": "github/default", "env_name": "GH", "mode": 5},
            "mode",
            "mode must be a string",
        ),
        (
            {"connector": "github/default", "env_name": "GH", "project_id": 5},
            "project_id",
            "project_id must be a string",
        ),
        (
            {"connector": "github/default", "env_name": "GH", "external_user_id": {}},
            "external_user_id",
            "external_user_id must be a string",
        ),
    ),
)


@pytest.fixture(params=[SANDBOX, DEPLOYMENT], ids=lambda f: f.name)
def family(request: pytest.FixtureRequest) -> Family:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def connector(client: httpx.Client) -> dict[str, Any]:
    reply = client.post(
        "/connect/connectors", json={"provider": "github", "credential": {"value": "ghp_1"}}
    )
    assert reply.status_code == 201, reply.text
    return reply.json()["data"]  # type: ignore[no-any-return]


@pytest.fixture
def owner(client: httpx.Client, family: Family, request: pytest.FixtureRequest) -> str:
    """The id of the sandbox or deployment whose bindings the test uses."""
    if family is SANDBOX:
        return str(request.getfixturevalue("sandbox"))
    reply = client.post("/deployments", json={"name": "d", "repo_url": "https://x/y"})
    assert reply.status_code == 201, reply.text
    return str(reply.json()["data"]["id"])


@pytest.fixture
def base(family: Family, owner: str) -> str:
    return f"{family.collection}/{owner}/connectors"


def _error(reply: httpx.Response) -> dict[str, Any]:
    body = reply.json()
    assert set(body) == {"error", "request_id"}
    return body["error"]  # type: ignore[no-any-return]


def _expected(family: Family, owner: str, connector: dict[str, Any], **fields: Any) -> Any:
    """The binding the server must answer, ids and stamps matched by shape."""
    return {
        family.owner_field: owner,
        "connector": connector["uid"],
        "connector_id": connector["id"],
        "mode": "brokered_env",
        **dict.fromkeys(SCOPE),
        **fields,
    }


def _check(binding: dict[str, Any], family: Family, expected: dict[str, Any]) -> None:
    assert binding["id"].startswith(family.prefix)
    assert STAMP.match(binding["created_at"]) and binding["updated_at"] == binding["created_at"]
    rest = {k: v for k, v in binding.items() if k not in ("id", "created_at", "updated_at")}
    assert rest == expected


def test_attach_replies_201_with_the_binding(
    client: httpx.Client, family: Family, owner: str, base: str, connector: dict[str, Any]
) -> None:
    body = {"connector": "github/default", "env_name": "GH", "mode": "proxy", "project_id": "p"}
    reply = client.post(base, json={**body, "external_user_id": "u1", "ignored": 1})
    assert reply.status_code == 201 and set(reply.json()) == {"data"}
    expected = _expected(
        family, owner, connector, env_name="GH", mode="proxy", project_id="p", external_user_id="u1"
    )
    _check(reply.json()["data"], family, expected)
    by_id = client.post(base, json={"connector": connector["id"], "env_name": "OTHER"})
    assert by_id.status_code == 201
    _check(by_id.json()["data"], family, _expected(family, owner, connector, env_name="OTHER"))


def test_attaching_an_env_name_again_replaces_its_binding(
    client: httpx.Client, family: Family, base: str, connector: dict[str, Any]
) -> None:
    first = client.post(base, json={"connector": "github/default", "env_name": "GH"})
    other = client.post(base, json={"connector": "github/default", "env_name": "GH2"})
    second = client.post(base, json={"connector": "github/default", "env_name": "GH"})
    assert [r.status_code for r in (first, other, second)] == [201, 201, 201]
    assert second.json()["data"]["id"] != first.json()["data"]["id"]
    listed = client.get(base).json()["data"]
    assert [b["id"] for b in listed] == [other.json()["data"]["id"], second.json()["data"]["id"]]


def test_detach_by_id_by_connector_uid_and_unknown(
    client: httpx.Client, family: Family, base: str, connector: dict[str, Any]
) -> None:
    ids = [
        client.post(base, json={"connector": "github/default", "env_name": name}).json()["data"][
            "id"
        ]
        for name in ("A", "B", "C")
    ]
    by_id = client.delete(f"{base}/{ids[0]}")
    assert by_id.status_code == 204 and by_id.content == b""
    # A connector uid holds a slash, sent encoded: every binding of that connector goes.
    by_uid = client.delete(f"{base}/github%2Fdefault")
    assert by_uid.status_code == 204 and by_uid.content == b""
    assert client.get(base).json() == {"data": []}
    for key, shown in (("github%2Fdefault", "github/default"), (ids[1], ids[1]), ("nope", "nope")):
        gone = client.delete(f"{base}/{key}")
        assert gone.status_code == 404
        assert _error(gone) == {
            "code": "NOT_FOUND",
            "message": f"connector binding {shown!r} not found",
            "details": {"resource": "connector binding", "id": shown},
        }


def test_attach_of_an_unknown_connector_is_404(
    client: httpx.Client, family: Family, base: str, connector: dict[str, Any]
) -> None:
    reply = client.post(base, json={"connector": "nope/x", "env_name": "GH"})
    assert reply.status_code == 404
    assert _error(reply) == {
        "code": "NOT_FOUND",
        "message": "connector 'nope/x' not found",
        "details": {"resource": "connector", "id": "nope/x"},
    }
    assert client.get(base).json() == {"data": []}


def test_a_mistyped_field_is_400_and_changes_nothing(
    client: httpx.Client, family: Family, base: str, connector: dict[str, Any]
) -> None:
    kept = client.post(base, json={"connector": "github/default", "env_name": "GH"}).json()["data"]
    for body, field, message in family.mistyped:
        reply = client.post(base, json=body)
        assert reply.status_code == 400, (body, reply.text)
        assert _error(reply) == {
            "code": "VALIDATION_ERROR",
            "message": message,
            "details": {"field": field},
        }, body
        assert client.get(base).json() == {"data": [kept]}, body
    # A mistyped field is refused before the connector is looked up.
    unknown = client.post(base, json={"connector": "nope/x", "env_name": "GH", "project_id": 5})
    assert unknown.status_code == 400 and _error(unknown)["details"] == {"field": "project_id"}


def test_a_body_that_is_not_an_object_is_400(client: httpx.Client, base: str) -> None:
    reply = client.post(base, json=["connector"])
    assert reply.status_code == 400 and _error(reply)["code"] == "INVALID_JSON"


def test_routes_of_an_unknown_owner_are_404(client: httpx.Client, family: Family) -> None:
    base = f"{family.collection}/nope/connectors"
    for reply in (
        client.post(base, json={"connector": "github/default", "env_name": "GH"}),
        client.delete(f"{base}/github%2Fdefault"),
    ):
        assert reply.status_code == 404
        assert _error(reply)["details"] == {"resource": family.name, "id": "nope"}


def test_sync_and_preflight_of_the_bindings(
    client: httpx.Client, base: str, connector: dict[str, Any]
) -> None:
    client.post("/connect/connectors", json={"provider": "slack"})  # no credential
    client.post(base, json={"connector": "github/default", "env_name": "GH"})
    client.post(base, json={"connector": "slack/default", "env_name": "SLACK"})
    synced = client.post(f"{base}/sync", json={})
    assert synced.status_code == 200
    assert synced.json() == {"data": {"synced": 2, "env_names": ["GH", "SLACK"]}}
    assert all(STAMP.match(b["synced_at"]) for b in client.get(base).json()["data"])
    checked = client.post(f"{base}/preflight", json={})
    assert checked.json() == {
        "data": {
            "ok": False,
            "bindings": 2,
            "problems": [
                {"env_name": "SLACK", "connector": "slack/default", "reason": "no credential"}
            ],
        }
    }
