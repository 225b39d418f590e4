"""Wire tests for tenant-wide custom domains."""

from __future__ import annotations

import pytest

from miosa._converter import structure
from miosa.types.domains import CustomDomain, RedirectPolicy
from tests._async._helpers import run_case
from tests.helpers import Case, case_id

CASES = [
    Case(call="custom_domains.list", kwargs={"limit": 50, "cursor": "c1",
                                             "extra": {"resource_type": "deployment"}},
         method="GET", path="/custom-domains",
         query={"resource_type": "deployment", "limit": "50", "cursor": "c1"},
         reply={"domains": [{"id": "x_1"}, {"id": "x_2"}]}, result=CustomDomain, many=True,
         result_ids=("x_1", "x_2")),
    Case(call="custom_domains.create",
         kwargs={"domain": "app.example.com", "resource_type": "deployment",
                 "resource_id": "dep_1", "redirect_policy": "none",
                 "extra": {"wildcard": False}, "idempotency_key": "idem-cd"},
         method="POST", path="/custom-domains",
         body={"domain": "app.example.com", "resource_type": "deployment",
               "resource_id": "dep_1", "redirect_policy": "none", "wildcard": False},
         headers={"idempotency-key": "idem-cd"}, status=201, result=CustomDomain),
    Case(call="custom_domains.delete", args=("dom_1",), method="DELETE",
         path="/custom-domains/dom_1", reply=None, status=204),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


def test_custom_domain_model_round_trip() -> None:
    domain = structure(
        {"id": "dom_1", "domain": "app.example.com", "state": "pending_dns",
         "resource_type": "deployment", "resource_id": "dep_1", "verified": False,
         "verification_token": "miosa-verify=abc", "redirect_policy": "www_only",
         "cname_target": "edge.miosa.app"},
        CustomDomain,
    )  # fmt: skip
    assert domain.verified is False and domain.verification_token == "miosa-verify=abc"
    assert domain.redirect_policy == "www_only"
    assert domain.redirect_policy is not None and not domain.redirect_policy.is_known
    assert domain.raw["cname_target"] == "edge.miosa.app"
    assert structure({"redirect_policy": "none"}, CustomDomain).redirect_policy is (
        RedirectPolicy.NONE
    )
