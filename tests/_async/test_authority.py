"""Action authority: the wire, a denial, and the approval and grant flows locally."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, ConflictError, PermissionDeniedError
from miosa.local import LocalServer
from miosa.types import (
    ActionApproval,
    ActionCapability,
    ActionDecision,
    ActionGrant,
    ActionReceipt,
    AuthorityDecision,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
CAP = {"name": "sandbox.delete", "resource_id": "sbx_1"}

CASES = [
    Case(call="authority.catalog", method="GET", path="/actions/catalog",
         reply={"data": [{"name": "sandbox.exec", "risk": "low"}]},
         check=lambda r: [(c.name, c.risk) for c in r] == [("sandbox.exec", "low")]
         and isinstance(r[0], ActionCapability)),
    Case(call="authority.authorize", args=(CAP,),
         kwargs={"request_fingerprint": "rf1", "params_fingerprint": "pf1", "surface": "cli"},
         method="POST", path="/actions/authorize",
         body={"capability": CAP, "request_fingerprint": "rf1", "params_fingerprint": "pf1",
               "surface": "cli"},
         status=202, reply={"decision": "pending_approval", "approval_id": "appr_1"},
         check=lambda r: isinstance(r, ActionDecision)
         and r.decision is AuthorityDecision.PENDING_APPROVAL and r.approval_id == "appr_1"
         and not r.allowed),
    Case(call="authority.authorize", args=("sandbox.exec",), method="POST",
         path="/actions/authorize", body={"capability": {"name": "sandbox.exec"}},
         reply={"decision": "allow", "receipt_id": "rcpt_1"},
         check=lambda r: r.allowed and r.receipt_id == "rcpt_1", name="authorize-by-name"),
    Case(call="authority.authorize_app", args=("app_1", "secret.read"),
         kwargs={"release_id": "rel_1", "connector_id": "con_1"}, method="POST",
         path="/actions/apps/app_1/authorize",
         body={"capability": {"name": "secret.read"}, "release_id": "rel_1",
               "connector_id": "con_1"},
         reply={"decision": "allow"}, check=lambda r: r.allowed),
    Case(call="authority.approvals", kwargs={"run_id": "run_1"}, method="GET",
         path="/actions/approvals", query={"run_id": "run_1"}, reply=LIST,
         result=ActionApproval, many=True, result_ids=TWO),
    Case(call="authority.approve", args=("appr_1",), kwargs={"reason": "looks fine"},
         method="POST", path="/actions/approvals/appr_1/approve", body={"reason": "looks fine"},
         result=ActionApproval),
    Case(call="authority.deny", args=("appr_1",), method="POST",
         path="/actions/approvals/appr_1/deny", body={}, result=ActionApproval),
    Case(call="authority.grants", kwargs={"status": "active"}, method="GET",
         path="/actions/grants", query={"status": "active"}, reply=LIST, result=ActionGrant,
         many=True, result_ids=TWO),
    Case(call="authority.create_grant", args=("deployment.promote",),
         kwargs={"principal_type": "user", "principal_id": "usr_1",
                 "constraints": {"environment": "staging"}},
         method="POST", path="/actions/grants",
         body={"capability": {"name": "deployment.promote"}, "principal_type": "user",
               "principal_id": "usr_1", "constraints": {"environment": "staging"}},
         header_names=("idempotency-key",), status=201, result=ActionGrant),
    Case(call="authority.revoke_grant", args=("grant_1",), method="DELETE",
         path="/actions/grants/grant_1", result=ActionGrant),
    Case(call="authority.receipts", kwargs={"limit": 5}, method="GET",
         path="/actions/receipts", query={"limit": "5"}, reply=LIST, result=ActionReceipt,
         many=True, result_ids=TWO),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_a_denial_raises_permission_denied() -> None:
    error = {"error": {"code": "ACTION_DENIED", "message": "not allowed here",
                       "details": {"decision": "deny"}}}  # fmt: skip
    api = MockAPI().on("POST /actions/authorize", json_response(403, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PermissionDeniedError, match="not allowed here"):
            await client.authority.authorize("sandbox.delete")


async def test_approval_and_grant_flows_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            catalog = await client.authority.catalog()
            low = await client.authority.authorize("sandbox.exec", surface="cli")
            asked = await client.authority.authorize(CAP, request_fingerprint="rf1")
            again = await client.authority.authorize(CAP, request_fingerprint="rf1")
            pending = await client.authority.approvals()
            assert asked.approval_id is not None
            approved = await client.authority.approve(asked.approval_id, reason="ok")
            with pytest.raises(ConflictError):
                await client.authority.deny(asked.approval_id)
            allowed = await client.authority.authorize(CAP, request_fingerprint="rf1")
            reasked = await client.authority.authorize(CAP, request_fingerprint="rf1")
            assert reasked.approval_id is not None
            await client.authority.deny(reasked.approval_id, reason="no")
            with pytest.raises(PermissionDeniedError):
                await client.authority.authorize(CAP, request_fingerprint="rf1")
            with pytest.raises(PermissionDeniedError):
                await client.authority.authorize("rm.rf")

            grant = await client.authority.create_grant(
                "deployment.promote", principal_type="api_key", principal_id="key_root"
            )
            by_grant = await client.authority.authorize_app("app_1", "deployment.promote")
            assert grant.id is not None
            revoked = await client.authority.revoke_grant(grant.id)
            after_revoke = await client.authority.authorize("deployment.promote")
            grants = await client.authority.grants(status="revoked")
            receipts = await client.authority.receipts(limit=10)
    assert "sandbox.delete" in [c.name for c in catalog]
    assert low.allowed and low.receipt_id
    assert (asked.decision, again.approval_id) == ("pending_approval", asked.approval_id)
    assert [a.id for a in pending] == [asked.approval_id]
    assert (approved.status, approved.reason) == ("approved", "ok")
    assert allowed.allowed and allowed.approval_id == asked.approval_id
    assert reasked.decision is AuthorityDecision.PENDING_APPROVAL
    assert by_grant.allowed and by_grant.grant_id == grant.id
    assert revoked.status == "revoked" and not after_revoke.allowed
    assert [g.id for g in grants] == [grant.id]
    assert [r.id for r in receipts] == [by_grant.receipt_id, allowed.receipt_id, low.receipt_id]
