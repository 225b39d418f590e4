"""Wire tests for ``sandbox.env``: list in both reply shapes, read-modify-write ``set``,
exact ``replace``, ``delete``, and the refusal to erase hidden (encrypted) values."""

from __future__ import annotations

import httpx
import pytest

from miosa.types.sandbox_env import EnvVar
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response

ENV = "/sandboxes/sbx_1/env"


def routes(api: MockAPI) -> list[tuple[str, str]]:
    return [(r.method, r.url.path.removeprefix("/api/v1")) for r in api.requests]


async def test_list_accepts_a_list_or_an_object_map() -> None:
    api = MockAPI().on(
        f"GET {ENV}",
        json_response(200, {"data": [{"key": "A", "value": "1", "encrypted": False}]}),
        json_response(200, {"vars": [{"key": "S", "encrypted": True}]}),
        json_response(200, {"data": {"A": "1", "B": "2"}}),
        json_response(200, [{"key": "C", "value": "3"}]),
    )
    async with make_client(api) as client:
        env = client.sandboxes.handle("sbx_1").env
        results = [await env.list() for _ in range(4)]
    assert results == [
        [EnvVar(key="A", value="1", encrypted=False)],
        [EnvVar(key="S", value=None, encrypted=True)],
        [EnvVar(key="A", value="1"), EnvVar(key="B", value="2")],
        [EnvVar(key="C", value="3")],
    ]


async def test_set_keeps_the_other_variables() -> None:
    current = [{"key": "A", "value": "1"}, {"key": "B", "value": "2", "encrypted": False}]
    updated = [*current[:1], {"key": "B", "value": "22"}, {"key": "C", "value": "3"}]
    api = (
        MockAPI()
        .on(f"GET {ENV}", json_response(200, {"data": current}))
        .on(f"PUT {ENV}", json_response(200, {"data": updated}))
    )
    async with make_client(api) as client:
        env = client.sandboxes.handle("sbx_1").env
        result = await env.set("B", "22")
        await env.set_many({"C": "3", "A": "x"}, encrypted=True)
    assert routes(api) == [("GET", ENV), ("PUT", ENV)] * 2
    assert api.body(1) == {"vars": [{"key": "A", "value": "1"}, {"key": "B", "value": "22"}]}
    assert api.body(3) == {
        "vars": [
            {"key": "A", "value": "x", "encrypted": True},
            {"key": "B", "value": "2"},
            {"key": "C", "value": "3", "encrypted": True},
        ]
    }
    assert [v.key for v in result] == ["A", "B", "C"]


async def test_set_refuses_to_erase_a_hidden_encrypted_value() -> None:
    api = MockAPI().on(
        f"GET {ENV}",
        json_response(
            200, {"data": [{"key": "TOKEN", "encrypted": True}, {"key": "A", "value": "1"}]}
        ),
    )
    async with make_client(api) as client:
        env = client.sandboxes.handle("sbx_1").env
        with pytest.raises(ValueError, match="TOKEN"):
            await env.set("A", "2")
        # Overwriting the hidden variable itself is fine.
        api.on(f"PUT {ENV}", json_response(200, {"data": []}))
        await env.set("TOKEN", "new", encrypted=True)
    assert [m for m, _ in routes(api)] == ["GET", "GET", "PUT"]
    assert api.body() == {
        "vars": [{"key": "TOKEN", "value": "new", "encrypted": True}, {"key": "A", "value": "1"}]
    }


async def test_replace_sends_exactly_the_given_set_and_delete_encodes_the_key() -> None:
    api = (
        MockAPI()
        .on(f"PUT {ENV}", json_response(200, {"data": [{"key": "X", "value": "1"}]}))
        .on(f"DELETE {ENV}/MY%2FKEY", httpx.Response(204))
    )
    async with make_client(api) as client:
        env = client.sandboxes.handle("sbx_1").env
        assert await env.replace({"X": "1"}) == [EnvVar(key="X", value="1")]
        await env.replace([EnvVar(key="S", value="s", encrypted=True), {"key": "Y", "value": "2"}])
        await env.delete("MY/KEY")
        with pytest.raises(ValueError):
            await env.replace({"": "1"})
    assert api.body(0) == {"vars": [{"key": "X", "value": "1"}]}
    assert api.body(1) == {
        "vars": [{"key": "S", "value": "s", "encrypted": True}, {"key": "Y", "value": "2"}]
    }
    assert api.requests[2].url.raw_path == b"/api/v1/sandboxes/sbx_1/env/MY%2FKEY"
    assert len(api.requests) == 3


async def test_a_write_reply_without_the_set_is_read_back() -> None:
    listed = {"data": [{"key": "X", "value": "1", "encrypted": False}]}
    api = (
        MockAPI()
        .on(f"PUT {ENV}", json_response(200, {"data": {"updated": 1}}), httpx.Response(204))
        .on(f"GET {ENV}", json_response(200, listed))
    )
    async with make_client(api) as client:
        env = client.sandboxes.handle("sbx_1").env
        assert await env.replace({"X": "1"}) == [EnvVar(key="X", value="1", encrypted=False)]
        assert await env.replace({"X": "1"}) == [EnvVar(key="X", value="1", encrypted=False)]
    assert routes(api) == [("PUT", ENV), ("GET", ENV)] * 2


async def test_list_of_an_unrecognised_reply_is_empty() -> None:
    api = MockAPI().on(f"GET {ENV}", json_response(200, {"data": {"count": 0}}))
    async with make_client(api) as client:
        assert await client.sandboxes.handle("sbx_1").env.list() == []
