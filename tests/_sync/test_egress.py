# This file was generated from
#   tests/_async/test_egress.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The egress groups (secrets, network, audit): the wire, waits, the tail, a round trip."""

from __future__ import annotations

import httpx
import pytest

from miosa import Miosa, NotFoundError, ValidationError, WaitTimeoutError
from miosa.local import LocalServer
from miosa.types import (
    EgressAuditEvent,
    EgressBinding,
    EgressPolicy,
    EgressRule,
    EgressSecret,
    EgressSuggestion,
    OauthProvider,
    OauthStart,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

S = "/egress/secrets/esec_1"
P = "/egress/policies/epol_1"
TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}

CASES = [
    Case(call="secrets.set",
         kwargs={"name": "OPENAI", "value": "sk-1", "expose_as_env": "OPENAI_API_KEY",
                 "resource_id": "sbx_1", "resource_type": "sandbox",
                 "metadata": {"team": "ml"}, "extra": {"labels": ["a"]},
                 "idempotency_key": "idem-s"},
         method="POST", path="/egress/secrets",
         body={"name": "OPENAI", "value": "sk-1", "type": "api_key", "scope": "user",
               "expose_as_env": "OPENAI_API_KEY", "resource_id": "sbx_1",
               "resource_type": "sandbox", "metadata": {"team": "ml"}, "labels": ["a"]},
         headers={"idempotency-key": "idem-s"}, status=201, result=EgressSecret),
    Case(call="secrets.list", kwargs={"scope": "workspace", "type": "oauth_token",
                                      "extra": {"q": "gh"}},
         method="GET", path="/egress/secrets",
         query={"scope": "workspace", "type": "oauth_token", "q": "gh"},
         reply={"secrets": [{"id": "x_1"}, {"id": "x_2"}]}, result=EgressSecret, many=True,
         result_ids=TWO),
    Case(call="secrets.get", args=("esec_1",), method="GET", path=S,
         reply={"secret": {"id": "x_1"}}, result=EgressSecret),
    Case(call="secrets.rotate", args=("esec_1", "sk-2"), kwargs={"expires_at": "2027-01-01"},
         method="PATCH", path=S, body={"value": "sk-2", "expires_at": "2027-01-01"},
         result=EgressSecret),
    Case(call="secrets.delete", args=("esec_1",), method="DELETE", path=S, reply=None,
         status=204),
    Case(call="secrets.create_binding",
         kwargs={"secret_id": "esec_1", "resource_id": "cmp_1", "resource_type": "computer",
                 "expose_as_env": "TOKEN"},
         method="POST", path="/egress/bindings",
         body={"secret_id": "esec_1", "resource_id": "cmp_1", "resource_type": "computer",
               "expose_as_env": "TOKEN"},
         header_names=("idempotency-key",), status=201, result=EgressBinding),
    Case(call="secrets.list_bindings", kwargs={"secret_id": "esec_1"}, method="GET",
         path="/egress/bindings", query={"secret_id": "esec_1"},
         reply={"bindings": [{"id": "x_1"}, {"id": "x_2"}]}, result=EgressBinding, many=True,
         result_ids=TWO),
    Case(call="secrets.delete_binding", args=("eb/1",), method="DELETE",
         path="/egress/bindings/eb%2F1", reply=None, status=204),
    Case(call="secrets.providers", method="GET", path="/egress/oauth/providers",
         reply={"providers": [{"id": "x_1"}, {"id": "x_2"}]}, result=OauthProvider, many=True,
         result_ids=TWO),
    Case(call="secrets.connect", args=("github",),
         kwargs={"expose_as_env": "GITHUB_TOKEN", "redirect_uri": "https://app.test/done"},
         method="POST", path="/egress/oauth/start",
         body={"provider": "github", "expose_as_env": "GITHUB_TOKEN",
               "redirect_uri": "https://app.test/done"},
         reply={"data": {"authorizeUrl": "https://gh.test/auth", "state": "st_1"}},
         check=lambda r: isinstance(r, OauthStart)
         and (r.authorize_url, r.state) == ("https://gh.test/auth", "st_1")),
    Case(call="network.allow", args=("api.github.com",),
         kwargs={"methods": ("GET", "POST"), "path_glob": "/repos/*", "policy_id": "epol_1"},
         method="POST", path="/egress/allowlist",
         body={"host": "api.github.com", "effect": "allow", "methods": ["GET", "POST"],
               "path_glob": "/repos/*", "policy_id": "epol_1"},
         header_names=("idempotency-key",), status=201, result=EgressRule),
    Case(call="network.deny", args=("*.evil.test",), kwargs={"note": "exfil"},
         method="POST", path="/egress/allowlist",
         body={"host": "*.evil.test", "effect": "deny", "note": "exfil"}, status=201,
         reply={"rule": {"id": "x_1"}}, result=EgressRule),
    Case(call="network.rules", kwargs={"policy_id": "epol_1"}, method="GET",
         path="/egress/allowlist", query={"policy_id": "epol_1"},
         reply={"allowlist": [{"id": "x_1"}, {"id": "x_2"}]}, result=EgressRule, many=True,
         result_ids=TWO),
    Case(call="network.remove_rule", args=("erule_1",), method="DELETE",
         path="/egress/allowlist/erule_1", reply=None, status=204),
    Case(call="network.policies", kwargs={"resource_id": "sbx_1"}, method="GET",
         path="/egress/policies", query={"resource_id": "sbx_1"},
         reply={"policies": [{"id": "x_1"}, {"id": "x_2"}]}, result=EgressPolicy, many=True,
         result_ids=TWO),
    Case(call="network.get_policy", args=("epol_1",), method="GET", path=P,
         reply={"data": {"id": "x_1", "rules": [{"id": "r_1", "host": "a.test"}]}},
         check=lambda r: isinstance(r, EgressPolicy) and r.rules[0].host == "a.test"),
    Case(call="network.create_policy", kwargs={"name": "ci", "resource_id": "sbx_1",
                                               "resource_type": "sandbox"},
         method="POST", path="/egress/policies",
         body={"name": "ci", "mode": "enforce", "default_effect": "deny",
               "resource_id": "sbx_1", "resource_type": "sandbox"},
         header_names=("idempotency-key",), status=201, result=EgressPolicy),
    Case(call="network.update_policy", args=("epol_1",), kwargs={"default_effect": "allow"},
         method="PATCH", path=P, body={"default_effect": "allow"}, result=EgressPolicy),
    Case(call="network.lockdown", kwargs={"policy_id": "epol_1"}, method="PATCH", path=P,
         body={"mode": "enforce"}, result=EgressPolicy),
    Case(call="network.observe", kwargs={"policy_id": "epol_1"}, method="PATCH", path=P,
         body={"mode": "audit_only"}, result=EgressPolicy),
    Case(call="network.suggestions", kwargs={"resource_id": "sbx_1"}, method="GET",
         path="/egress/audit/suggestions", query={"resource_id": "sbx_1", "since": "7d"},
         reply={"suggestions": [{"id": "x_1"}, {"id": "x_2"}]}, result=EgressSuggestion,
         many=True, result_ids=TWO),
    Case(call="audit.list", kwargs={"host": "api.github.com", "action": "deny", "limit": 50},
         method="GET", path="/egress/audit",
         query={"host": "api.github.com", "action": "deny", "limit": "50"},
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}], "next_cursor": None},
         result=EgressAuditEvent, many=True, result_ids=TWO),
    Case(call="audit.get", args=("eaud_1",), method="GET", path="/egress/audit/eaud_1",
         reply={"event": {"id": "x_1"}}, result=EgressAuditEvent),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_an_unknown_secret_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "secret esec_9 not found"}}
    api = MockAPI().on("GET /egress/secrets/esec_9", json_response(404, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="esec_9"):
            client.secrets.get("esec_9")


def test_wait_for_oauth_polls_the_provider_until_a_connected_secret() -> None:
    pending = {"data": [{"id": "old", "provider": "github", "status": "failed"}]}
    done = {"data": [{"id": "esec_2", "provider": "github", "status": "connected"}]}
    api = MockAPI().on("GET /egress/secrets", json_response(200, pending), json_response(200, done))
    flow = OauthStart(authorize_url="https://x", state="s", provider="github")
    with make_client(api) as client:
        secret = client.secrets.wait_for_oauth(flow, poll_interval=0.01)
    assert secret.id == "esec_2"
    assert [dict(r.url.params) for r in api.requests] == [{"provider": "github"}] * 2


def test_wait_for_oauth_times_out() -> None:
    pending = {"data": {"id": "esec_1", "status": "pending"}}
    api = MockAPI().on("GET /egress/secrets/esec_1", json_response(200, pending))
    with make_client(api) as client:
        with pytest.raises(WaitTimeoutError):
            client.secrets.wait_for_oauth(secret_id="esec_1", timeout=0.05, poll_interval=0.01)
        with pytest.raises(ValueError, match="provider"):
            client.secrets.wait_for_oauth()


def test_tail_yields_each_event_once_and_asks_for_newer_ones() -> None:
    first = {"data": [{"id": "a", "inserted_at": "2026-01-01T00:00:01Z"},
                      {"id": "b", "inserted_at": "2026-01-01T00:00:02Z"}]}  # fmt: skip
    second = {"data": [{"id": "b", "inserted_at": "2026-01-01T00:00:02Z"},
                       {"id": "c", "inserted_at": "2026-01-01T00:00:02Z"},
                       {"id": "d", "inserted_at": "2026-01-01T00:00:03Z"}]}  # fmt: skip
    api = MockAPI().on("GET /egress/audit", json_response(200, first), json_response(200, second))
    seen: list[str | None] = []
    with make_client(api) as client:
        for event in client.audit.tail(host="h.test", poll_interval=0):
            assert isinstance(event, EgressAuditEvent)
            seen.append(event.id)
            if len(seen) == 4:
                break
    assert seen == ["a", "b", "c", "d"]
    assert dict(api.requests[0].url.params) == {"host": "h.test"}
    assert dict(api.requests[1].url.params) == {
        "host": "h.test",
        "since": "2026-01-01T00:00:02Z",
    }


def _open(url: str) -> httpx.Response:
    with httpx.Client() as browser:
        return browser.get(url)


def test_egress_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            secret = client.secrets.set(
                name="OPENAI", value="sk-local-123456", expose_as_env="OPENAI_API_KEY",
                resource_id="sbx_1", resource_type="sandbox",
            )  # fmt: skip
            assert secret.id is not None
            rotated = client.secrets.rotate(secret.id, "sk-local-999999")
            bindings = client.secrets.list_bindings(resource_id="sbx_1")
            extra = client.secrets.create_binding(
                secret_id=secret.id, resource_id="cmp_1", resource_type="computer",
                expose_as_env="OPENAI",
            )  # fmt: skip
            assert extra.id is not None
            client.secrets.delete_binding(extra.id)
            providers = client.secrets.providers()
            flow = client.secrets.connect("github", expose_as_env="GITHUB_TOKEN")
            assert flow.authorize_url is not None
            assert (_open(flow.authorize_url)).status_code == 200
            connected = client.secrets.wait_for_oauth(flow, timeout=5, poll_interval=0.01)
            listed = client.secrets.list(type="oauth_token")
            client.secrets.delete(secret.id)
            with pytest.raises(NotFoundError):
                client.secrets.get(secret.id)
            after_delete = client.secrets.list_bindings(secret_id=secret.id)

            policy = client.network.create_policy(name="ci", mode="audit_only")
            assert policy.id is not None
            rule = client.network.allow("api.github.com", policy_id=policy.id, methods=["GET"])
            denied = client.network.deny("*.evil.test", policy_id=policy.id)
            locked = client.network.lockdown(policy_id=policy.id)
            rules = client.network.rules(policy_id=policy.id)
            assert rule.id is not None
            client.network.remove_rule(rule.id)
            fetched = client.network.get_policy(policy.id)
            policies = client.network.policies()
            with pytest.raises(ValidationError):
                client.network.update_policy(policy.id, mode="block")  # type: ignore[arg-type]
            suggestions = client.network.suggestions()
            events = [e for e in client.audit.list()]
            with pytest.raises(NotFoundError):
                client.audit.get("eaud_none")
    assert secret.masked_value == "****3456" and "value" not in secret.raw
    assert rotated.masked_value == "****9999"
    assert [(b.secret_id, b.expose_as_env) for b in bindings] == [(secret.id, "OPENAI_API_KEY")]
    assert [p.name for p in providers][:1] == ["github"]
    assert (connected.provider, connected.status, connected.type) == (
        "github",
        "connected",
        "oauth_token",
    )
    assert [s.id for s in listed] == [connected.id]
    assert after_delete == []
    assert (policy.mode, policy.default_effect, locked.mode) == ("audit_only", "deny", "enforce")
    assert [(r.host, r.effect) for r in rules] == [
        ("api.github.com", "allow"),
        ("*.evil.test", "deny"),
    ]
    assert [r.id for r in fetched.rules] == [denied.id]
    assert [p.id for p in policies] == [policy.id]
    assert suggestions == [] and events == []
