"""Service accounts, their keys, and browser SSE tickets.

Accounts are plain records; deleting one revokes its keys in the same step and answers a
receipt, and a key's secret is returned once, on creation, as production does.
"""

from __future__ import annotations

import secrets

from starlette.responses import Response

from .common import iso, new_id, now
from .fields import optional
from .http import bad_request, json_response, ok
from .records import Collection, crud_endpoints, find, records
from .routing import Call, Endpoint

ACCOUNTS = Collection(
    "/service-accounts",
    "account_id",
    "sa",
    "service account",
    verbs=frozenset({"create", "update"}),
    update=("PATCH",),
    required=("name",),
    defaults={"description": None},
)
KEYS = Collection("/service-accounts/{account_id}/keys", "key_id", "sakey", "service account key")
TICKET_TTL = 300


async def list_accounts(call: Call) -> Response:
    """``GET /service-accounts``: ordered by name, each with its active key count."""
    keys = records(call, KEYS).values()
    accounts = sorted(records(call, ACCOUNTS).values(), key=lambda a: str(a.get("name")))
    return ok(
        [
            {**a, "active_key_count": sum(1 for k in keys if k["account_id"] == a["id"])}
            for a in accounts
        ]
    )


async def delete_account(call: Call) -> Response:
    """``DELETE /service-accounts/{account_id}``: the account and its keys, one receipt."""
    account = find(call, ACCOUNTS)
    keys = records(call, KEYS)
    owned = [k for k, v in keys.items() if v["account_id"] == account["id"]]
    for key_id in owned:
        del keys[key_id]
    del records(call, ACCOUNTS)[account["id"]]
    return ok({"id": account["id"], "deleted": True, "revoked_keys": len(owned)})


async def list_keys(call: Call) -> Response:
    """``GET /service-accounts/{account_id}/keys``: newest first, without secrets."""
    account = find(call, ACCOUNTS)
    mine = [k for k in records(call, KEYS).values() if k["account_id"] == account["id"]]
    return ok([{**k, "key": None} for k in reversed(mine)])


async def create_key(call: Call) -> Response:
    """``POST /service-accounts/{account_id}/keys``: the plaintext key, this once."""
    account = find(call, ACCOUNTS)
    body = await call.json()
    scopes = body.get("scopes")
    if not isinstance(scopes, list) or not scopes or not all(isinstance(s, str) for s in scopes):
        raise bad_request("scopes must be a non-empty list of scope names", field="scopes")
    secret = f"msk_s_{secrets.token_hex(16)}"
    record = {
        "id": new_id("sakey"),
        "account_id": account["id"],
        "name": optional(body, "name", str),
        "prefix": secret[:10],
        "scopes": scopes,
        "workspace_id": optional(body, "workspace_id", str),
        "allowed_ips": optional(body, "allowed_ips", list, [], items=str),
        "expires_at": None,
        "last_used_at": None,
        "created_at": iso(now()),
    }
    records(call, KEYS)[record["id"]] = record
    return ok({**record, "key": secret}, 201)


async def create_ticket(call: Call) -> Response:
    """``POST /sse/ticket``: the ticket and its lifetime, with no ``data`` envelope."""
    await call.json()
    return json_response({"ticket": f"sset_{secrets.token_hex(16)}", "expires_in": TICKET_TTL})


def endpoints() -> list[Endpoint]:
    return [
        *crud_endpoints([ACCOUNTS]),
        Endpoint("GET", ACCOUNTS.path, list_accounts),
        Endpoint("DELETE", ACCOUNTS.item_path, delete_account, "service_account.delete"),
        Endpoint("GET", KEYS.path, list_keys),
        Endpoint("POST", KEYS.path, create_key, "service_account_key.create"),
        Endpoint("POST", "/sse/ticket", create_ticket),
    ]
