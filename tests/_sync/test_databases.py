# This file was generated from
#   tests/_async/test_databases.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for managed databases: CRUD, lifecycle, credentials, logs and the log stream."""

from __future__ import annotations

import httpx
import pytest

from miosa import APITimeoutError, MiosaError, NotFoundError
from miosa._converter import structure
from miosa.types.databases import (
    Database,
    DatabaseCredentials,
    DatabaseLogs,
    DatabasePublicNetworking,
)
from miosa.types.events import Event
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

DB = "/databases/db_1"

CASES = [
    Case(
        call="databases.list",
        kwargs={"limit": 10, "cursor": "c1", "state": "running",
                "extra": {"engine": "postgresql", "limit": 99}},
        method="GET",
        path="/databases",
        query={"engine": "postgresql", "limit": "10", "cursor": "c1", "state": "running"},
        reply={"databases": [{"id": "x_1"}, {"id": "x_2"}]},
        result=Database,
        many=True,
        result_ids=("x_1", "x_2"),
    ),
    Case(call="databases.get", args=("db_1",), method="GET", path=DB, result=Database),
    Case(
        call="databases.create",
        kwargs={"name": "main", "engine": "postgresql", "engine_version": "16",
                "cpu_count": 2, "memory_mb": 4096, "storage_mb": 10240, "region": "iad",
                "project_id": "p1", "external_user_id": "u1", "metadata": {"a": 1},
                "extra": {"backups": True}, "idempotency_key": "idem-db"},
        method="POST",
        path="/databases",
        body={"name": "main", "engine": "postgresql", "engine_version": "16", "cpu_count": 2,
              "memory_mb": 4096, "storage_mb": 10240, "region": "iad", "project_id": "p1",
              "external_user_id": "u1", "metadata": {"a": 1}, "backups": True},
        headers={"idempotency-key": "idem-db"},
        status=201,
        result=Database,
    ),
    Case(call="databases.delete", args=("db_1",), method="DELETE", path=DB, reply=None,
         status=204),
    Case(call="databases.start", args=("db_1",), method="POST", path=DB + "/start",
         result=Database),
    Case(call="databases.stop", args=("db_1",), method="POST", path=DB + "/stop",
         result=Database),
    Case(call="databases.restart", args=("db_1",), method="POST", path=DB + "/restart",
         result=Database),
    Case(call="databases.credentials", args=("db_1",), method="GET",
         path=DB + "/credentials", result=DatabaseCredentials),
    Case(call="databases.logs", args=("db_1",), kwargs={"lines": 50, "since": "1h"},
         method="GET", path=DB + "/logs", query={"lines": "50", "since": "1h"},
         reply={"id": "x_1", "lines": ["a", "b"]}, result=DatabaseLogs),
    Case(call="databases.public_networking", args=("db_1",), method="GET",
         path=DB + "/public-networking", result=DatabasePublicNetworking),
    Case(call="databases.enable_public_networking", args=("db_1",),
         kwargs={"allowlist": ("203.0.113.0/24", "198.51.100.7/32")}, method="POST",
         path=DB + "/public-networking",
         body={"allowlist": ["203.0.113.0/24", "198.51.100.7/32"]},
         result=DatabasePublicNetworking),
    Case(call="databases.enable_public_networking", args=("db_1",), method="POST",
         path=DB + "/public-networking", body={}, result=DatabasePublicNetworking),
    Case(call="databases.disable_public_networking", args=("db 1",), method="DELETE",
         path="/databases/db%201/public-networking", result=DatabasePublicNetworking),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_logs_accept_either_field() -> None:
    api = MockAPI().on(
        "GET /databases/db_1/logs",
        json_response(200, {"lines": ["l1", "l2"]}),
        json_response(200, {"data": {"logs": ["l3"]}}),
    )
    with make_client(api) as client:
        first = client.databases.logs("db_1")
        second = client.databases.logs("db_1")
    assert first.entries == ("l1", "l2")
    assert second.entries == ("l3",)
    assert dict(api.requests[0].url.params) == {}


SSE = (
    b": keep-alive\n\n"
    b'id: 1\ndata: {"line": "LOG:  database system is ready", "level": "info"}\n\n'
    b'id: 2\nevent: log\ndata: {"line": "checkpoint starting"}\n\n'
    b"data: [DONE]\n\n"
)


def test_stream_logs_yields_events_and_ends_with_the_response() -> None:
    api = MockAPI().on(
        "GET /databases/db_1/logs/stream",
        httpx.Response(200, content=SSE, headers={"content-type": "text/event-stream"}),
    )
    with make_client(api) as client, client.databases.stream_logs("db_1") as stream:
        events = [event for event in stream]
    assert api.last.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert api.last.method == "GET"
    assert all(isinstance(e, Event) for e in events)
    assert [(e.id, e.type) for e in events] == [("1", "message"), ("2", "log")]
    assert events[0].data == {"line": "LOG:  database system is ready", "level": "info"}
    assert events[1].raw["line"] == "checkpoint starting"


def test_stream_logs_raises_on_enter_for_a_missing_database() -> None:
    api = MockAPI().on(
        "GET /databases/nope/logs/stream",
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "no such database"}}),
    )
    with make_client(api, max_retries=0) as client:
        stream = client.databases.stream_logs("nope")
        assert api.requests == []
        with pytest.raises(NotFoundError, match="no such database"):
            with stream:
                pass


def test_wait_until_ready_polls_until_the_database_is_up() -> None:
    api = MockAPI().on(
        "GET /databases/db_1",
        json_response(200, {"data": {"id": "db_1", "state": "provisioning"}}),
        json_response(200, {"data": {"id": "db_1", "state": "available", "port": 5432}}),
    )
    with make_client(api) as client:
        database = client.databases.wait_until_ready("db_1", poll_interval=0.001)
    assert database.state == "available" and database.port == 5432
    assert len(api.requests) == 2


def test_wait_until_ready_fails_and_times_out() -> None:
    api = (
        MockAPI()
        .on("GET /databases/bad", json_response(200, {"id": "bad", "state": "error"}))
        .on("GET /databases/slow", json_response(200, {"id": "slow", "state": "provisioning"}))
    )
    with make_client(api) as client:
        with pytest.raises(MiosaError, match="bad is in state 'error'"):
            client.databases.wait_until_ready("bad")
        with pytest.raises(APITimeoutError, match="database slow did not finish"):
            client.databases.wait_until_ready("slow", timeout=0.02, poll_interval=0.005)


def test_database_models_round_trip_and_hide_secrets() -> None:
    database = structure(
        {
            "id": "db_1",
            "name": "main",
            "state": "running",
            "engine": "postgresql",
            "engine_version": "16.2",
            "cpu_count": 2,
            "memory_mb": 4096,
            "storage_mb": 10240,
            "host": "db-1.internal",
            "port": 5432,
            "created_at": "2026-11-28T10:00:00+01:00",
            "replicas": 2,
        },
        Database,
    )
    assert (database.engine, database.port, database.cpu_count) == ("postgresql", 5432, 2)
    assert database.created_at is not None and database.created_at.utcoffset() is not None
    assert database.raw["replicas"] == 2
    creds = structure(
        {"url": "postgres://app:s3cret@db-1:5432/app", "user": "app", "password": "s3cret"},
        DatabaseCredentials,
    )
    assert creds.password == "s3cret" and creds.user == "app"
    assert "s3cret" not in repr(creds)
    assert "app" in repr(creds)


def test_public_networking_reply_is_parsed_and_errors_raise() -> None:
    api = MockAPI().on(
        "POST /databases/db_1/public-networking",
        json_response(
            200,
            {
                "data": {
                    "enabled": True,
                    "allowlist": ["203.0.113.0/24"],
                    "host": "db-1.pub.miosa.app",
                    "port": 5432,
                    "tls": "required",
                }
            },
        ),
    )
    api.on(
        "GET /databases/db_9/public-networking",
        json_response(404, {"error": {"code": "NOT_FOUND", "message": "no such database"}}),
    )
    with make_client(api) as client:
        opened = client.databases.enable_public_networking("db_1", allowlist=["203.0.113.0/24"])
        with pytest.raises(NotFoundError, match="no such database"):
            client.databases.public_networking("db_9")
    assert opened.enabled is True and opened.allowlist == ("203.0.113.0/24",)
    assert (opened.host, opened.port, opened.raw["tls"]) == ("db-1.pub.miosa.app", 5432, "required")
