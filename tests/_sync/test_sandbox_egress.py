# This file was generated from
#   tests/_async/test_sandbox_egress.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``sandbox.secrets``, ``sandbox.network`` and ``sandbox.audit``: the top-level egress calls
with this sandbox as the resource, on the wire and on the local server."""

from __future__ import annotations

from typing import Any

import pytest

from miosa import Miosa, MiosaError, NotFoundError
from miosa.local import LocalServer
from miosa.types import (
    EgressAuditEvent,
    EgressBinding,
    EgressPolicy,
    EgressRule,
    EgressSecret,
    EgressSuggestion,
    OauthStart,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

MINE = {"resource_id": "sbx_1", "resource_type": "sandbox"}
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}


def on(sandbox_call: Any) -> Any:
    return lambda c: sandbox_call(c.sandboxes.handle("sbx_1"))


CASES = [
    Case(call=on(lambda s: s.secrets.set(name="GH", value="ghp_1", expose_as_env="GH_TOKEN",
                                         idempotency_key="idem-1")),
         method="POST", path="/egress/secrets",
         body={"name": "GH", "value": "ghp_1", "type": "api_key", "scope": "user",
               "expose_as_env": "GH_TOKEN", **MINE},
         headers={"idempotency-key": "idem-1"}, status=201, result=EgressSecret,
         name="secrets.set"),
    Case(call=on(lambda s: s.secrets.list(provider="github")), method="GET",
         path="/egress/secrets", query={"provider": "github", **MINE}, reply=LIST,
         result=EgressSecret, many=True, result_ids=TWO, name="secrets.list"),
    Case(call=on(lambda s: s.secrets.get("esec_1")), method="GET", path="/egress/secrets/esec_1",
         result=EgressSecret, name="secrets.get"),
    Case(call=on(lambda s: s.secrets.rotate("esec_1", "ghp_2")), method="PATCH",
         path="/egress/secrets/esec_1", body={"value": "ghp_2"}, result=EgressSecret,
         name="secrets.rotate"),
    Case(call=on(lambda s: s.secrets.delete("esec_1")), method="DELETE",
         path="/egress/secrets/esec_1", reply=None, status=204, name="secrets.delete"),
    Case(call=on(lambda s: s.secrets.connect("github", expose_as_env="GH_TOKEN")),
         method="POST", path="/egress/oauth/start",
         body={"provider": "github", "expose_as_env": "GH_TOKEN", **MINE},
         reply={"data": {"authorize_url": "https://gh.example/auth", "state": "st"}},
         check=lambda r: isinstance(r, OauthStart)
         and r.authorize_url == "https://gh.example/auth",
         name="secrets.connect"),
    Case(call=on(lambda s: s.secrets.list_bindings()), method="GET", path="/egress/bindings",
         query=MINE, reply=LIST, result=EgressBinding, many=True, result_ids=TWO,
         name="secrets.list_bindings"),
    Case(call=on(lambda s: s.network.allow("api.github.com", methods=["GET"])),
         method="POST", path="/egress/allowlist",
         body={"host": "api.github.com", "effect": "allow", "methods": ["GET"], **MINE},
         header_names=("idempotency-key",), status=201, result=EgressRule,
         name="network.allow"),
    Case(call=on(lambda s: s.network.deny("*.evil.example", note="no")),
         method="POST", path="/egress/allowlist",
         body={"host": "*.evil.example", "effect": "deny", "note": "no", **MINE},
         header_names=("idempotency-key",), status=201, result=EgressRule,
         name="network.deny"),
    Case(call=on(lambda s: s.network.rules()), method="GET", path="/egress/allowlist",
         query=MINE, reply=LIST, result=EgressRule, many=True, result_ids=TWO,
         name="network.rules"),
    Case(call=on(lambda s: s.network.remove_rule("erule_1")), method="DELETE",
         path="/egress/allowlist/erule_1", reply=None, status=204, name="network.remove_rule"),
    Case(call=on(lambda s: s.network.policies()), method="GET", path="/egress/policies",
         query=MINE, reply=LIST, result=EgressPolicy, many=True, result_ids=TWO,
         name="network.policies"),
    Case(call=on(lambda s: s.network.lockdown(policy_id="epol_1")), method="PATCH",
         path="/egress/policies/epol_1", body={"mode": "enforce"}, result=EgressPolicy,
         name="network.lockdown"),
    Case(call=on(lambda s: s.network.observe(policy_id="epol_1")), method="PATCH",
         path="/egress/policies/epol_1", body={"mode": "audit_only"}, result=EgressPolicy,
         name="network.observe"),
    Case(call=on(lambda s: s.network.suggestions(since="24h")), method="GET",
         path="/egress/audit/suggestions", query={"since": "24h", **MINE},
         reply={"data": [{"host": "pypi.org", "effect": "allow", "count": 3}]},
         check=lambda r: [(x.host, x.count) for x in r] == [("pypi.org", 3)]
         and isinstance(r[0], EgressSuggestion),
         name="network.suggestions"),
    Case(call=on(lambda s: s.audit.list(action="deny", limit=10)), method="GET",
         path="/egress/audit", query={"action": "deny", "limit": "10", **MINE}, reply=LIST,
         result=EgressAuditEvent, many=True, result_ids=TWO, name="audit.list"),
    Case(call=on(lambda s: s.audit.get("eaud_1")), method="GET", path="/egress/audit/eaud_1",
         result=EgressAuditEvent, name="audit.get"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_tail_polls_the_audit_log_of_this_sandbox() -> None:
    event = {"id": "eaud_1", "host": "pypi.org", "inserted_at": "2026-12-04T10:00:00Z"}
    api = MockAPI().on("GET /egress/audit", json_response(200, {"data": [event]}))
    with make_client(api) as client:
        tail = client.sandboxes.handle("sbx_1").audit.tail(host="pypi.org", poll_interval=0)
        first = tail.__next__()
    assert first.id == "eaud_1"
    assert dict(api.last.url.params) == {"host": "pypi.org", **MINE}


@pytest.mark.parametrize(
    ("policies", "expected"),
    [
        ([], "no egress policy is attached to sandbox sbx_1"),
        ([{"id": "epol_1"}, {"id": "epol_2"}], r"2 egress policies .*\(epol_1, epol_2\)"),
    ],
    ids=["none", "several"],
)
def test_lockdown_without_an_id_needs_exactly_one_policy(
    policies: list[dict[str, str]], expected: str
) -> None:
    api = MockAPI().on("GET /egress/policies", json_response(200, {"data": policies}))
    with make_client(api) as client:
        with pytest.raises(MiosaError, match=expected):
            client.sandboxes.handle("sbx_1").network.lockdown()
    assert [r.method for r in api.requests] == ["GET"]


def test_lockdown_without_an_id_uses_the_one_attached_policy() -> None:
    api = (
        MockAPI()
        .on("GET /egress/policies", json_response(200, {"data": [{"id": "epol_9"}]}))
        .on(
            "PATCH /egress/policies/epol_9", json_response(200, {"id": "epol_9", "mode": "enforce"})
        )
    )
    with make_client(api) as client:
        policy = client.sandboxes.handle("sbx_1").network.lockdown()
    assert (policy.id, policy.mode) == ("epol_9", "enforce")
    assert dict(api.requests[0].url.params) == MINE


def test_an_unknown_secret_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "secret esec_x not found"}}
    api = MockAPI().on("GET /egress/secrets/esec_x", json_response(404, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="esec_x"):
            client.sandboxes.handle("sbx_1").secrets.get("esec_x")


def test_sandbox_scoped_egress_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with (
            client,
            client.sandboxes.create() as mine,
            client.sandboxes.create() as other,
        ):
            secret = mine.secrets.set(name="GH", value="ghp_secret", expose_as_env="GH_TOKEN")
            other.secrets.set(name="ELSE", value="x")
            rotated = mine.secrets.rotate(secret.id or "", "ghp_new")
            listed = mine.secrets.list()
            bindings = mine.secrets.list_bindings()
            rule = mine.network.allow("pypi.org")
            other.network.deny("pypi.org")
            rules = mine.network.rules()
            with pytest.raises(MiosaError, match="no egress policy"):
                mine.network.lockdown()
            created = client.network.create_policy(
                name="mine", mode="audit_only", resource_id=mine.id, resource_type="sandbox"
            )
            locked = mine.network.lockdown()
            observed = mine.network.observe()
            policies = mine.network.policies()
            mine.network.remove_rule(rule.id or "")
            rules_after = mine.network.rules()
            events = [e for e in mine.audit.list()]
            mine.secrets.delete(secret.id or "")
            with pytest.raises(NotFoundError):
                mine.secrets.get(secret.id or "")
    assert [s.name for s in listed] == ["GH"] and rotated.id == secret.id
    assert [(b.secret_id, b.expose_as_env) for b in bindings] == [(secret.id, "GH_TOKEN")]
    assert [(r.host, r.effect) for r in rules] == [("pypi.org", "allow")]
    assert (locked.id, locked.mode, observed.mode) == (created.id, "enforce", "audit_only")
    assert [p.id for p in policies] == [created.id]
    assert rules_after == [] and events == []
