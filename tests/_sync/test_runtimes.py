# This file was generated from
#   tests/_async/test_runtimes.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Runtimes, the capability contract and runtime env: the wire, an error, and locally."""

from __future__ import annotations

import pytest

from miosa import Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import RuntimeCapabilityContract, RuntimeEnvVar, SandboxRuntimeInfo
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

CAPS = {"pause": False, "max_shape": {"cpu_count": 4}}
RUNTIME = {"id": "soma", "runtime_profile": "soma", "available": False,
           "unavailable_reason": "gated", "capabilities": CAPS}  # fmt: skip

CASES = [
    Case(call="runtimes.list", method="GET", path="/sandboxes/runtimes",
         reply={"runtimes": [RUNTIME]},
         check=lambda rs: isinstance(rs[0], SandboxRuntimeInfo) and rs[0].available is False
         and rs[0].capabilities is not None and rs[0].capabilities.max_shape is not None
         and rs[0].capabilities.max_shape.cpu_count == 4),
    Case(call="runtime_capabilities.get", method="GET", path="/runtime-capabilities",
         reply={"data": {"version": "3", "sandboxes": {"pause": True}}},
         check=lambda c: isinstance(c, RuntimeCapabilityContract) and c.version == "3"
         and c["sandboxes"] == {"pause": True} and c.get("absent", 1) == 1),
    Case(call="runtime_env.list", kwargs={"scope": "workspace", "workspace_id": "ws_1"},
         method="GET", path="/runtime-env", query={"scope": "workspace", "workspace_id": "ws_1"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=RuntimeEnvVar, many=True,
         result_ids=("x_1", "x_2")),
    Case(call="runtime_env.get", args=("renv_1",), method="GET", path="/runtime-env/renv_1",
         result=RuntimeEnvVar),
    Case(call="runtime_env.set",
         kwargs={"name": "LOG", "value": "debug", "scope": "project", "project_id": "p_1",
                 "target": "sandbox"},
         method="POST", path="/runtime-env",
         body={"name": "LOG", "value": "debug", "scope": "project", "project_id": "p_1",
               "target": "sandbox"},
         result=RuntimeEnvVar),
    Case(call="runtime_env.delete", args=("renv_1",), method="DELETE",
         path="/runtime-env/renv_1", reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_an_unknown_env_var_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "runtime env var 'x' not found"}}
    api = MockAPI().on("GET /runtime-env/x", json_response(404, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError):
            client.runtime_env.get("x")


def test_runtimes_and_env_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            runtimes = client.runtimes.list()
            contract = client.runtime_capabilities.get()
            first = client.runtime_env.set(name="LOG", value="info")
            again = client.runtime_env.set(name="LOG", value="debug")
            ws = client.runtime_env.set(
                name="LOG", value="x", scope="workspace", workspace_id="ws_1"
            )
            with pytest.raises(ValidationError):
                client.runtime_env.set(name="LOG", value="x", scope="project")
            tenant = client.runtime_env.list(scope="tenant")
            assert first.id is not None
            got = client.runtime_env.get(first.id)
            client.runtime_env.delete(first.id)
            left = client.runtime_env.list()
    assert {r.id: r.available for r in runtimes} == {
        "firecracker": True,
        "soma": False,
        "auto": True,
    }
    assert contract.version and "firecracker" in contract["runtimes"]
    assert again.id == first.id and ws.id != first.id
    assert [v.id for v in tenant] == [first.id] and got.has_value is True
    assert "value" not in got.raw and "debug" not in str(got.raw)
    assert [v.id for v in left] == [ws.id]
