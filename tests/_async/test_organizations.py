"""Organizations, billing, bill-to and member caps: the wire, errors, a local round trip."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, NotFoundError, PermissionDeniedError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    AutoReload,
    BillToLimits,
    BillToStatus,
    Invoice,
    MemberCap,
    MemberRemoval,
    Organization,
    OrgInvite,
    PaymentMethod,
    TenantMember,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
CAP = "/tenants/tnt_1/member-caps/usr_1"
WIRE_RELOAD = {"data": {"tenant_id": "tnt_1", "auto_recharge_requested": True,
                        "auto_recharge_enabled": False, "auto_recharge_threshold_credits": 500,
                        "auto_recharge_amount_credits": 2000,
                        "auto_recharge_payment_ready": False}}  # fmt: skip


def _reload_read(r: object) -> bool:
    return isinstance(r, AutoReload) and (
        r.requested,
        r.enabled,
        r.threshold_credits,
        r.amount_credits,
        r.card_ready,
    ) == (True, False, 500, 2000, False)


CASES = [
    Case(call="organizations.list", method="GET", path="/platform/tenants", reply=LIST,
         result=Organization, many=True, result_ids=TWO),
    Case(call="organizations.current", method="GET", path="/platform/tenants/current",
         result=Organization),
    Case(call="organizations.switch", args=("acme co",), method="POST",
         path="/platform/tenants/acme%20co/switch", body={}, result=Organization),
    Case(call="organizations.members.list", args=("tnt_1",), method="GET",
         path="/tenants/tnt_1/members", reply={"members": [{"id": "x_1"}, {"id": "x_2"}]},
         result=TenantMember, many=True, result_ids=TWO),
    Case(call="organizations.members.add", args=("tnt_1", "usr_2"), kwargs={"role": "admin"},
         method="POST", path="/tenants/tnt_1/members",
         body={"user_id": "usr_2", "role": "admin"}, status=201, result=TenantMember),
    Case(call="organizations.members.remove", args=("tnt_1", "usr_2"), method="DELETE",
         path="/tenants/tnt_1/members/usr_2", reply={"data": {"deleted": True}},
         check=lambda r: isinstance(r, MemberRemoval) and r.deleted is True),
    Case(call="organizations.invites.list", args=("tnt_1",), method="GET",
         path="/tenants/tnt_1/invites", reply=LIST, result=OrgInvite, many=True,
         result_ids=TWO),
    Case(call="billing.payment_methods", method="GET", path="/billing/payment-methods",
         reply={"payment_methods": [{"id": "x_1"}, {"id": "x_2"}]}, result=PaymentMethod,
         many=True, result_ids=TWO),
    Case(call="billing.set_default_payment_method", args=("pm_2",), method="PUT",
         path="/billing/payment-methods/pm_2/default", body={}, reply=LIST,
         result=PaymentMethod, many=True, result_ids=TWO),
    Case(call="billing.upcoming", method="GET", path="/billing/upcoming",
         reply={"invoice": {"id": "x_1"}}, result=Invoice),
    Case(call="billing.auto_reload", method="GET", path="/billing/settings",
         reply=WIRE_RELOAD, check=_reload_read),
    Case(call="billing.set_auto_reload", kwargs={"enabled": True, "threshold_credits": 500},
         method="PUT", path="/billing/settings",
         body={"auto_recharge_enabled": True, "auto_recharge_threshold_credits": 500},
         reply=WIRE_RELOAD, check=_reload_read),
    Case(call="billing.invoices.list", kwargs={"cursor": "in_9"}, method="GET",
         path="/billing/invoices", query={"limit": "20", "cursor": "in_9"},
         reply={"invoices": [{"id": "x_1"}, {"id": "x_2"}], "next_cursor": None},
         result=Invoice, many=True, result_ids=TWO),
    Case(call="billing.invoices.get", args=("in_1",), method="GET",
         path="/billing/invoices/in_1", result=Invoice),
    Case(call="bill_to.show", kwargs={"bill_to": "acme"}, method="GET", path="/bill-to",
         headers={"x-miosa-bill-to": "acme"},
         reply={"data": {"org": {"id": "tnt_2", "slug": "acme"}, "source": "override",
                         "choices": [{"id": "tnt_1"}, {"id": "tnt_2"}]}},
         check=lambda r: isinstance(r, BillToStatus) and r.org is not None
         and (r.org.slug, r.source, len(r.choices)) == ("acme", "override", 2)),
    Case(call="bill_to.update", args=("acme",), method="PUT", path="/bill-to",
         body={"org": "acme"}, reply={"data": {"source": "setting"}},
         check=lambda r: isinstance(r, BillToStatus) and r.source == "setting"),
    Case(call="bill_to.clear", method="DELETE", path="/bill-to", reply=None, status=204),
    Case(call="bill_to.limits", method="GET", path="/limits",
         reply={"data": {"limits": {"max_concurrent_sandboxes": 5}}},
         check=lambda r: isinstance(r, BillToLimits)
         and r.limits == {"max_concurrent_sandboxes": 5}),
    Case(call="member_caps.list", args=("tnt_1",), method="GET",
         path="/tenants/tnt_1/member-caps",
         reply={"data": {"members": [{"id": "x_1"}, {"id": "x_2"}]}}, result=MemberCap,
         many=True, result_ids=TWO),
    Case(call="member_caps.update", args=("tnt_1", "usr_1"),
         kwargs={"usage_cap_cents": None, "max_concurrent_sandboxes": 3}, method="PUT",
         path=CAP, body={"usage_cap_cents": None, "max_concurrent_sandboxes": 3},
         result=MemberCap),
    Case(call="member_caps.update", args=("tnt_1", "usr_1"), kwargs={"usage_cap_cents": 900},
         method="PUT", path=CAP, body={"usage_cap_cents": 900}, result=MemberCap,
         name="member_caps.update-only-given"),
    Case(call="member_caps.delete", args=("tnt_1", "usr_1"), method="DELETE", path=CAP,
         reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_a_locked_credential_cannot_choose_who_pays() -> None:
    error = {"error": {"code": "BILL_TO_LOCKED", "message": "this key is locked to its org"}}
    api = MockAPI().on("PUT /bill-to", json_response(403, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PermissionDeniedError, match="locked"):
            await client.bill_to.update("acme")


async def test_organization_family_round_trip_on_the_local_server() -> None:
    async with LocalServer() as server:
        client = AsyncMiosa(api_key=server.api_key, base_url=server.base_url)
        async with client:
            orgs = await client.organizations.list()
            current = await client.organizations.current()
            assert current.id is not None
            switched = await client.organizations.switch("local")
            with pytest.raises(NotFoundError):
                await client.organizations.switch("someone-else")
            added = await client.organizations.members.add(current.id, "usr_new", "admin")
            members = await client.organizations.members.list(current.id)
            removal = await client.organizations.members.remove(current.id, "usr_new")
            invite = await client.organizations.invites.create(current.id, email="a@b.test")

            cards = await client.billing.payment_methods()
            assert cards[0].id is not None
            cards = await client.billing.set_default_payment_method(cards[0].id)
            upcoming = await client.billing.upcoming()
            with pytest.raises(ValidationError):
                await client.billing.set_auto_reload(enabled=True)
            reload = await client.billing.set_auto_reload(
                enabled=True, threshold_credits=500, amount_credits=2000
            )
            read_back = await client.billing.auto_reload()
            invoices = [i async for i in await client.billing.invoices.list()]

            pinned = await client.bill_to.update("LOCAL TENANT")
            shown = await client.bill_to.show()
            limits = await client.bill_to.limits(bill_to="local")
            await client.bill_to.clear()
            cleared = await client.bill_to.show()

            owner = members[0].user_id
            assert owner is not None
            capped = await client.member_caps.update(current.id, owner, usage_cap_cents=500)
            caps = await client.member_caps.list(current.id)
            await client.member_caps.delete(current.id, owner)
            uncapped = await client.member_caps.list(current.id)
    assert [o.slug for o in orgs] == ["local"] and switched.id == current.id
    assert (added.user_id, added.role) == ("usr_new", "admin")
    assert "usr_new" in [m.user_id for m in members] and removal.deleted is True
    assert invite.email == "a@b.test"
    assert [(c.last4, c.is_default) for c in cards] == [("4242", True)]
    assert upcoming.amount_due == 0
    assert (reload.enabled, reload.card_ready, reload.threshold_credits) == (True, True, 500)
    assert read_back.amount_credits == 2000 and invoices == []
    assert (pinned.source, shown.source, cleared.source) == ("setting", "setting", "credential")
    assert limits.org is not None and limits.org.id == current.id
    assert capped.usage_cap_cents == 500
    assert [(c.user_id, c.usage_cap_cents) for c in caps] == [(owner, 500)]
    assert uncapped[0].usage_cap_cents is None
