# This file was generated from
#   tests/_async/test_account_feeds.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Account, scoped tokens, notifications, alerts and activity: the wire and a local round trip."""

from __future__ import annotations

import httpx
import pytest

from miosa import Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    ActivityEntry,
    Alert,
    Notification,
    NotificationsRead,
    ScopedToken,
    UnreadCount,
    Whoami,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

TWO = ("x_1", "x_2")
LIST = {"data": [{"id": "x_1"}, {"id": "x_2"}]}
PAGE = {"data": [{"id": "x_1"}, {"id": "x_2"}], "next_cursor": None}

CASES = [
    Case(call="tokens.create_scoped",
         kwargs={"user_id": "end-user-1", "workspace_id": "ws_1", "scopes": ("sandboxes:exec",),
                 "extra": {"label": "web"}},
         method="POST", path="/tokens/scoped",
         body={"user_id": "end-user-1", "workspace_id": "ws_1", "expires_in_seconds": 3600,
               "scopes": ["sandboxes:exec"], "label": "web"},
         header_names=("idempotency-key",), status=201, result=ScopedToken),
    Case(call="tokens.list_scoped", kwargs={"user_id": "end-user-1"}, method="GET",
         path="/tokens/scoped", query={"user_id": "end-user-1"}, reply=LIST,
         result=ScopedToken, many=True, result_ids=TWO),
    Case(call="tokens.delete_scoped", args=("stk_1",), method="DELETE",
         path="/tokens/scoped/stk_1", reply=None, status=204),
    Case(call="account.whoami", kwargs={"tenant": "acme"}, method="GET", path="/whoami",
         headers={"x-miosa-tenant": "acme"},
         reply={"data": {"key_id": "key_1", "plan": "pro", "scopes": ["*"],
                         "organization": {"id": "tnt_1", "slug": "acme"}}},
         check=lambda r: isinstance(r, Whoami) and r.plan is not None
         and r.organization is not None
         and (r.plan.name, r.scopes, r.organization.slug) == ("pro", ("*",), "acme")),
    Case(call="notifications.list", kwargs={"limit": 10, "unread": True}, method="GET",
         path="/notifications", query={"limit": "10", "unread": "true"}, reply=PAGE,
         result=Notification, many=True, result_ids=TWO),
    Case(call="notifications.unread_count", method="GET", path="/notifications/unread-count",
         reply={"data": {"count": 3}},
         check=lambda r: isinstance(r, UnreadCount) and r.count == 3),
    Case(call="notifications.mark_read", args=("ntf_1",), method="POST",
         path="/notifications/ntf_1/read", result=Notification),
    Case(call="notifications.mark_all_read", method="POST", path="/notifications/read-all",
         reply={"data": {"updated": 4}},
         check=lambda r: isinstance(r, NotificationsRead) and r.updated == 4),
    Case(call="alerts.list", kwargs={"resolved": False}, method="GET", path="/alerts",
         query={"resolved": "false"}, reply=LIST, result=Alert, many=True, result_ids=TWO),
    Case(call="alerts.resolve", args=("alrt_1",), kwargs={"note": "fixed"}, method="POST",
         path="/alerts/alrt_1/resolve", body={"note": "fixed"}, result=Alert),
    Case(call="activity.list", kwargs={"resource_type": "sandbox", "limit": 5}, method="GET",
         path="/activity", query={"resource_type": "sandbox", "limit": "5"}, reply=PAGE,
         result=ActivityEntry, many=True, result_ids=TWO),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_scoped_tokens_are_checked_before_a_request() -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(ValueError, match="user_id"):
            client.tokens.create_scoped(user_id="", workspace_id="ws_1")
        with pytest.raises(ValueError, match="expires_in_seconds"):
            client.tokens.create_scoped(user_id="u", workspace_id="ws_1", expires_in_seconds=86_401)
    assert api.requests == []


def test_notification_stream_parses_each_event() -> None:
    text = (
        'id: 1\nevent: notification\ndata: {"id": "ntf_1", "type": "sandbox.created"}\n\n'
        "data: \n\n"
        'id: 2\ndata: {"data": {"id": "ntf_2", "read": true}}\n\n'
    )
    reply = httpx.Response(200, headers={"content-type": "text/event-stream"}, text=text)
    api = MockAPI().on("GET /notifications/stream", reply)
    client = make_client(api, max_retries=0)
    with client, client.notifications.stream(ticket="sset_1") as live:
        got = [n for n in live]
    assert [(n.id, n.type, n.read) for n in got] == [
        ("ntf_1", "sandbox.created", None),
        ("ntf_2", None, True),
    ]
    assert dict(api.requests[0].url.params) == {"ticket": "sset_1"}


def test_an_unknown_alert_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "alert alrt_9 not found"}}
    api = MockAPI().on("POST /alerts/alrt_9/resolve", json_response(404, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="alrt_9"):
            client.alerts.resolve("alrt_9")


def test_account_and_feeds_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            me = client.account.whoami()
            token = client.tokens.create_scoped(
                user_id="end-user-1", workspace_id="ws_1", scopes=["sandboxes:exec"]
            )
            listed = client.tokens.list_scoped(user_id="end-user-1")
            assert token.id is not None
            client.tokens.delete_scoped(token.id)
            after = client.tokens.list_scoped()
            with pytest.raises(NotFoundError):
                client.tokens.delete_scoped(token.id)

            with client.notifications.stream() as live:
                sandbox = client.sandboxes.create()
                first = live.__next__()
            unread = client.notifications.unread_count()
            page = client.notifications.list(limit=50)
            notes = page.items
            read = client.notifications.mark_read(notes[-1].id or "")
            marked = client.notifications.mark_all_read()
            none_left = client.notifications.unread_count()
            with pytest.raises(NotFoundError):
                client.notifications.mark_read("ntf_missing")
            alerts = client.alerts.list(resolved=False)
            with pytest.raises(NotFoundError):
                client.alerts.resolve("alrt_missing")
            entries = [e for e in client.activity.list(resource_type="sandbox")]
            with pytest.raises(ValidationError):
                client.tokens.create_scoped(user_id="u", workspace_id="w", scopes=[1])  # type: ignore[list-item]
            client.sandboxes.delete(sandbox.id)
    assert me.key_id and me.organization is not None and me.organization.slug == "local"
    assert me.scopes == ("*",)
    assert token.token and token.token.count(".") == 2 and token.scopes == ("sandboxes:exec",)
    assert [t.id for t in listed] == [token.id] and after == []
    assert first.type == "sandbox.created" and first.read is False
    assert unread.count == len(notes) >= 1
    assert notes[0].created_at is not None and read.read is True
    assert marked.updated == len(notes) - 1 and none_left.count == 0
    assert alerts == []
    assert sandbox.id in {e.resource_id for e in entries}
    assert {e.source for e in entries} == {"event", "audit"}
