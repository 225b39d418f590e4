# This file was generated from
#   tests/_async/test_agent_runtime_profiles.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Agent runtime profiles: the wire, a validation error, and a round trip locally."""

from __future__ import annotations

import pytest

from miosa import Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import AgentRuntimeProfile
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

P = "/agent-runtime-profiles/arp_1"

CASES = [
    Case(call="agent_runtime_profiles.list", kwargs={"workspace_id": "ws_1"}, method="GET",
         path="/agent-runtime-profiles", query={"workspace_id": "ws_1"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=AgentRuntimeProfile, many=True,
         result_ids=("x_1", "x_2")),
    Case(call="agent_runtime_profiles.get", args=("arp_1",), method="GET", path=P,
         reply={"data": {"id": "x_1", "tools": ["git"], "env": {"A": "1"}}},
         check=lambda p: isinstance(p, AgentRuntimeProfile) and p.tools == ("git",)
         and p.env == {"A": "1"}),
    Case(call="agent_runtime_profiles.create",
         kwargs={"name": "default", "runtime": "claude-code", "applies_to": ("sandbox",),
                 "env": {"LOG": "debug"}, "is_default": True, "idempotency_key": "k1"},
         method="POST", path="/agent-runtime-profiles",
         body={"name": "default", "runtime": "claude-code", "applies_to": ["sandbox"],
               "env": {"LOG": "debug"}, "is_default": True},
         headers={"idempotency-key": "k1"}, status=201, result=AgentRuntimeProfile),
    Case(call="agent_runtime_profiles.update", args=("arp_1",),
         kwargs={"policy": {"network": "deny"}, "extra": {"priority": 2}}, method="PUT", path=P,
         body={"policy": {"network": "deny"}, "priority": 2}, result=AgentRuntimeProfile),
    Case(call="agent_runtime_profiles.delete", args=("arp_1",), method="DELETE", path=P,
         reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_a_bad_profile_is_a_validation_error() -> None:
    error = {"error": {"code": "VALIDATION_ERROR", "message": "tools must be a list"}}
    api = MockAPI().on("POST /agent-runtime-profiles", json_response(400, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="tools must be a list"):
            client.agent_runtime_profiles.create(name="x")


def test_profiles_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            profiles = client.agent_runtime_profiles
            first = profiles.create(name="base", workspace_id="ws_1", is_default=True)
            second = profiles.create(
                name="strict", workspace_id="ws_1", policy={"network": "deny"}, is_default=True
            )
            profiles.create(name="other", workspace_id="ws_2")
            assert first.id is not None and second.id is not None
            renamed = profiles.update(first.id, name="base-2", tools=["git"])
            in_ws = profiles.list(workspace_id="ws_1")
            got = profiles.get(second.id)
            profiles.delete(second.id)
            with pytest.raises(NotFoundError):
                profiles.get(second.id)
            with pytest.raises(ValidationError):
                profiles.create(name="bad", env="A=1")  # type: ignore[arg-type]
    assert renamed.name == "base-2" and renamed.tools == ("git",)
    assert {p.name: p.is_default for p in in_ws} == {"base-2": False, "strict": True}
    assert got.policy == {"network": "deny"}
