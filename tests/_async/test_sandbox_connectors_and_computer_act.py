"""``sandbox.connectors`` (Connect bindings of one sandbox) and ``computer.act`` (a desktop
action by name): the wire, a server error, and the bindings on the local server."""

from __future__ import annotations

from typing import Any

import pytest

from miosa import AsyncMiosa, NotFoundError
from miosa.local import LocalServer
from miosa.types import ComputerActResult, ConnectorBinding, ConnectorPreflight
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

SC = "/sandboxes/sbx_1/connectors"
D = "/computers/c_1/desktop"


def on(sandbox_call: Any) -> Any:
    return lambda c: sandbox_call(c.sandboxes.handle("sbx_1"))


def act(*args: Any) -> Any:
    return lambda c: c.computers.handle("c_1").act(*args)


OK = {"success": True}

CASES = [
    Case(call=on(lambda s: s.connectors.list()), method="GET", path=SC,
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=ConnectorBinding, many=True,
         result_ids=("x_1", "x_2"), name="connectors.list"),
    Case(call=on(lambda s: s.connectors.attach("github/default", env="GH", mode="brokered-env")),
         method="POST", path=SC,
         body={"connector": "github/default", "env_name": "GH", "mode": "brokered_env"},
         status=201, result=ConnectorBinding, name="connectors.attach"),
    Case(call=on(lambda s: s.connectors.detach("github/default")), method="DELETE",
         path=SC + "/github%2Fdefault", reply=None, status=204, name="connectors.detach"),
    Case(call=on(lambda s: s.connectors.sync()), method="POST", path=SC + "/sync", body={},
         reply={"data": {"synced": 1}}, check=lambda r: r.raw["synced"] == 1,
         name="connectors.sync"),
    Case(call=on(lambda s: s.connectors.preflight(extra={"env": "GH"})), method="POST",
         path=SC + "/preflight", body={"env": "GH"}, reply={"data": {"ok": True}},
         check=lambda r: isinstance(r, ConnectorPreflight) and r.raw["ok"] is True,
         name="connectors.preflight"),
    Case(call=act("left_click", {"coordinate": [10, 20]}), method="POST", path=D + "/click",
         body={"x": 10, "y": 20, "button": "left"}, reply=OK,
         check=lambda r: isinstance(r, ComputerActResult) and r.ok
         and r.coordinates == (10, 20) and r.action == "left_click", name="act.left_click"),
    Case(call=act("type", {"text": "hi"}), method="POST", path=D + "/type",
         body={"text": "hi"}, reply={"success": False},
         check=lambda r: r.ok is False and r.text == "hi", name="act.type"),
    Case(call=act("scroll", {"scroll_direction": "up", "scroll_amount": 2}), method="POST",
         path=D + "/scroll", body={"direction": "up", "clicks": 2}, reply=OK,
         check=lambda r: r.ok and r.coordinates is None, name="act.scroll"),
    Case(call=act("cursor_position"), method="GET", path=D + "/cursor",
         reply={"x": 3, "y": 4}, check=lambda r: r.coordinates == (3, 4), name="act.cursor"),
    Case(call=act("wait", {"duration": 0.5}), method="POST", path=D + "/wait",
         body={"seconds": 0.5}, reply=OK, check=lambda r: r.ok, name="act.wait"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_act_refuses_unknown_actions_and_missing_parameters_before_a_request() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        computer = client.computers.handle("c_1")
        with pytest.raises(ValueError, match="unknown desktop action"):
            await computer.act("fly")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="coordinate"):
            await computer.act("left_click")
    assert api.requests == []


async def test_attaching_an_unknown_connector_raises_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "connector not found"}}
    api = MockAPI().on(f"POST {SC}", json_response(404, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError):
            await client.sandboxes.handle("sbx_1").connectors.attach("nope", env="X")


async def test_sandbox_connectors_round_trip_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            await client.connectors.create(provider="github", value="ghp_1")
            sandbox = await client.sandboxes.create()
            binding = await sandbox.connectors.attach("github/default", env="GH_TOKEN")
            listed = await sandbox.connectors.list()
            preflight = await sandbox.connectors.preflight()
            synced = await sandbox.connectors.sync()
            await sandbox.connectors.detach("github/default")
            after = await sandbox.connectors.list()
            with pytest.raises(NotFoundError):
                await sandbox.connectors.attach("missing/default", env="X")
    assert binding.connector == "github/default" and binding.mode == "brokered_env"
    assert [b.id for b in listed] == [binding.id]
    assert preflight.raw["ok"] is True and synced.raw["synced"] == 1
    assert after == []
