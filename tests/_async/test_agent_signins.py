"""Agent sign-ins and accounts: the wire, the wait, errors, and both flows locally."""

from __future__ import annotations

import httpx
import pytest

from miosa import (
    AsyncMiosa,
    NotFoundError,
    ResourceFailedError,
    ValidationError,
    WaitTimeoutError,
)
from miosa.local import LocalServer
from miosa.types import AgentAccount, AgentSignin, SigninStatus
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

SI = "/agent-signins/si_1"
SESSION = {
    "data": {"id": "x_1", "provider": "claude_code", "mode": "paste_code",
             "status": "awaiting_code", "verification_url": "https://claude.ai/x",
             "expires_at": "2026-12-04T10:15:00Z"}
}  # fmt: skip


CASES = [
    Case(call="agent_signins.start", args=("claude_code",),
         kwargs={"external_user_id": "cus_1", "idempotency_key": "k1"}, method="POST",
         path="/agent-signins", body={"provider": "claude_code", "external_user_id": "cus_1"},
         headers={"idempotency-key": "k1"}, status=201, reply=SESSION,
         check=lambda s: isinstance(s, AgentSignin) and s.needs_code and not s.connected
         and s.status == SigninStatus.AWAITING_CODE and s.expires_at is not None),
    Case(call="agent_signins.get", args=("si_1",), kwargs={"external_user_id": "cus_1"},
         method="GET", path=SI, query={"external_user_id": "cus_1"},
         reply={"data": {"id": "x_1", "status": "succeeded",
                         "account": {"account_email": "a@b.c", "account_plan": "max"}}},
         check=lambda s: isinstance(s, AgentSignin) and s.connected and s.account is not None
         and s.account.account_plan == "max"),
    Case(call="agent_signins.submit_code", args=("si_1", "abc-123"),
         kwargs={"workspace_id": "ws_1"}, method="POST", path=SI + "/code",
         body={"code": "abc-123", "workspace_id": "ws_1"}, result=AgentSignin),
    Case(call="agent_signins.cancel", args=("si_1",), method="DELETE", path=SI, reply=None,
         status=204),
    Case(call="agent_accounts.list", method="GET", path="/agent-accounts",
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=AgentAccount, many=True,
         result_ids=("x_1", "x_2")),
    Case(call="agent_accounts.create_api_key", args=("openai",),
         kwargs={"api_key": "sk-1", "name": "team key", "extra": {"org": "o-1"}},
         method="POST", path="/agent-accounts/api-keys",
         body={"provider": "openai", "api_key": "sk-1", "name": "team key", "org": "o-1"},
         header_names=("idempotency-key",), status=201, result=AgentAccount),
    Case(call="agent_accounts.delete", args=("acct 1",), method="DELETE",
         path="/agent-accounts/acct%201", reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


def _session(status: str, error: str | None = None) -> httpx.Response:
    return httpx.Response(200, json={"data": {"id": "si_1", "status": status, "error": error}})


async def test_wait_polls_until_the_plan_is_connected() -> None:
    api = MockAPI().on(
        "GET /agent-signins/si_1",
        _session("awaiting_code"),
        _session("awaiting_code"),
        _session("succeeded"),
    )
    async with make_client(api) as client:
        signin = await client.agent_signins.wait_for_completion("si_1", poll_interval=0)
    assert signin.connected and len(api.requests) == 3


async def test_wait_raises_when_the_sign_in_expires() -> None:
    api = MockAPI().on("GET /agent-signins/si_1", _session("expired", "the sign-in expired"))
    async with make_client(api) as client:
        with pytest.raises(ResourceFailedError, match="the sign-in expired"):
            await client.agent_signins.wait_for_completion("si_1", poll_interval=0)


async def test_wait_times_out() -> None:
    api = MockAPI().on("GET /agent-signins/si_1", _session("awaiting_code"))
    async with make_client(api) as client:
        with pytest.raises(WaitTimeoutError):
            await client.agent_signins.wait_for_completion("si_1", timeout=0.05, poll_interval=0.01)


async def test_a_rejected_code_is_a_validation_error() -> None:
    error = {"error": {"code": "SIGNIN_CODE_REJECTED", "message": "the code was not accepted"}}
    api = MockAPI().on("POST /agent-signins/si_1/code", json_response(422, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError, match="not accepted") as caught:
            await client.agent_signins.submit_code("si_1", "nope")
    assert caught.value.code == "SIGNIN_CODE_REJECTED"


async def test_both_sign_in_flows_and_accounts_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            signins = client.agent_signins
            paste = await signins.start("claude_code", external_user_id="cus_1")
            assert paste.id is not None
            with pytest.raises(NotFoundError):
                await signins.get(paste.id, external_user_id="cus_2")
            with pytest.raises(ValidationError):
                await signins.submit_code(paste.id, "123", external_user_id="cus_1")
            pasted = await signins.submit_code(paste.id, "code-from-page", external_user_id="cus_1")
            device = await signins.start("codex", workspace_id="ws_1")
            assert device.id is not None
            approved = await signins.wait_for_completion(device.id, poll_interval=0.05)
            dropped = await signins.start("kimi_code")
            assert dropped.id is not None
            await signins.cancel(dropped.id)
            with pytest.raises(ResourceFailedError):
                await signins.wait_for_completion(dropped.id, poll_interval=0.01)
            user_view = await client.agent_settings.settings(external_user_id="cus_1")
            org_view = await client.agent_settings.settings()
            key = await client.agent_accounts.create_api_key(
                "anthropic", api_key="sk-ant-0123456789"
            )
            listed = await client.agent_accounts.list()
            assert key.id is not None
            await client.agent_accounts.delete(key.id)
            after = await client.agent_accounts.list()
    assert paste.needs_code and paste.verification_url
    assert pasted.connected and pasted.account is not None and pasted.account.account_plan
    assert device.user_code and not device.needs_code
    assert approved.connected
    claude_plan = [c for c in user_view.credentials if c.id == "claude_subscription"]
    assert [(c.connected, c.scope) for c in claude_plan] == [(True, "external_user")]
    assert not [c for c in org_view.credentials if c.id == "claude_subscription" and c.connected]
    assert key.preview == "sk-ant...6789" and "sk-ant-0123456789" not in str(key.raw)
    assert {a.kind for a in listed} == {"subscription", "api_key"} and len(listed) == 3
    assert key.id not in {a.id for a in after} and len(after) == 2
