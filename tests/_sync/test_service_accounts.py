# This file was generated from
#   tests/_async/test_service_accounts.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Service accounts and SSE tickets: the wire, a server error, and a round trip locally."""

from __future__ import annotations

import pytest

from miosa import Miosa, NotFoundError, PermissionDeniedError
from miosa.local import LocalServer
from miosa.types import ServiceAccount, ServiceAccountDeletion, ServiceAccountKey, SseTicket
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

A = "/service-accounts/sa_1"
TWO = ("x_1", "x_2")

CASES = [
    Case(call="service_accounts.list", method="GET", path="/service-accounts",
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=ServiceAccount, many=True,
         result_ids=TWO),
    Case(call="service_accounts.create", kwargs={"name": "ci", "idempotency_key": "idem-sa"},
         method="POST", path="/service-accounts", body={"name": "ci"},
         headers={"idempotency-key": "idem-sa"}, status=201, result=ServiceAccount),
    Case(call="service_accounts.update", args=("sa_1",), kwargs={"description": "deploys"},
         method="PATCH", path=A, body={"description": "deploys"}, result=ServiceAccount),
    Case(call="service_accounts.delete", args=("sa_1",), method="DELETE", path=A,
         reply={"data": {"id": "x_1", "deleted": True, "revoked_keys": 2}},
         check=lambda r: isinstance(r, ServiceAccountDeletion) and r.revoked_keys == 2),
    Case(call="service_accounts.list_keys", args=("sa_1",), method="GET", path=A + "/keys",
         reply={"data": [{"id": "x_1"}, {"id": "x_2"}]}, result=ServiceAccountKey, many=True,
         result_ids=TWO),
    Case(call="service_accounts.create_key", args=("sa_1",),
         kwargs={"scopes": ("sandboxes:read",), "expires_in_days": 30,
                 "allowed_ips": ["10.0.0.0/8"]},
         method="POST", path=A + "/keys",
         body={"scopes": ["sandboxes:read"], "expires_in_days": 30,
               "allowed_ips": ["10.0.0.0/8"]},
         header_names=("idempotency-key",), status=201, result=ServiceAccountKey),
    Case(call="sse_ticket.create", method="POST", path="/sse/ticket", body={},
         reply={"ticket": "sset_1", "expires_in": 300},
         check=lambda r: isinstance(r, SseTicket) and (r.ticket, r.expires_in) == ("sset_1", 300)),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_a_member_without_rights_gets_permission_denied() -> None:
    error = {"error": {"code": "FORBIDDEN", "message": "owners and admins only"}}
    api = MockAPI().on("POST /service-accounts", json_response(403, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(PermissionDeniedError, match="owners and admins only"):
            client.service_accounts.create(name="ci")


def test_accounts_and_keys_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            account = client.service_accounts.create(name="deployer")
            assert account.id is not None
            key = client.service_accounts.create_key(account.id, scopes=["deploy:*"])
            renamed = client.service_accounts.update(account.id, name="deployer-2")
            listed = client.service_accounts.list()
            keys = client.service_accounts.list_keys(account.id)
            ticket = client.sse_ticket.create()
            receipt = client.service_accounts.delete(account.id)
            with pytest.raises(NotFoundError):
                client.service_accounts.list_keys(account.id)
    assert key.key is not None and key.key.startswith("msk_") and key.scopes == ("deploy:*",)
    assert renamed.name == "deployer-2"
    assert [(a.name, a.active_key_count) for a in listed] == [("deployer-2", 1)]
    assert [k.id for k in keys] == [key.id] and keys[0].key is None
    assert ticket.ticket and ticket.expires_in == 300
    assert (receipt.deleted, receipt.revoked_keys) == (True, 1)
