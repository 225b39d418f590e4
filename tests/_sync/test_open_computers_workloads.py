# This file was generated from
#   tests/_async/test_open_computers_workloads.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""OpenComputers Compose projects and containers: the wire, streams, server errors, and a
round trip on the local server."""

from __future__ import annotations

import httpx
import pytest

from miosa import ConflictError, Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer
from miosa.types import (
    OpenComputerComposeEvent,
    OpenComputerComposeEventType,
    OpenComputerComposeProject,
    OpenComputerComposeProjectState,
    OpenComputerContainer,
    OpenComputerContainerLogLine,
    OpenComputerContainerState,
    OpenComputerContainerStats,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

H = "/opencomputers/hosts/h_1"
P = H + "/compose-projects/cp%2F1"
C = H + "/containers/ct_1"
TWO = ("x_1", "x_2")
TWO_ITEMS = [{"id": "x_1"}, {"id": "x_2"}]
YAML = "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:17\n"


def sse(*frames: str) -> httpx.Response:
    content = "".join(f"id: {n}\n{frame}\n\n" for n, frame in enumerate(frames, 1))
    return httpx.Response(200, text=content, headers={"content-type": "text/event-stream"})


CASES = [
    Case(call="open_computers.compose_projects.list", args=("h_1",), method="GET",
         path=H + "/compose-projects", reply={"compose_projects": TWO_ITEMS},
         result=OpenComputerComposeProject, many=True, result_ids=TWO),
    Case(call="open_computers.compose_projects.create", args=("h_1",),
         kwargs={"name": "shop", "yaml": YAML, "env": {"TAG": "1"}, "pull": True,
                 "idempotency_key": "idem-c"},
         method="POST", path=H + "/compose-projects",
         body={"name": "shop", "yaml": YAML, "env": {"TAG": "1"}, "pull": True},
         headers={"idempotency-key": "idem-c"}, status=201,
         reply={"compose_project": {"id": "x_1", "state": "creating"}},
         check=lambda r: r.state is OpenComputerComposeProjectState.CREATING),
    Case(call="open_computers.compose_projects.get", args=("h_1", "cp/1"), method="GET", path=P,
         reply={"compose_project": {"id": "x_1"}}, result=OpenComputerComposeProject),
    Case(call="open_computers.compose_projects.delete", args=("h_1", "cp/1"), method="DELETE",
         path=P, reply=None, status=204),
    Case(call="open_computers.compose_projects.up", args=("h_1", "cp/1"), method="POST",
         path=P + "/up", reply={"compose_project": {"id": "x_1"}},
         result=OpenComputerComposeProject),
    Case(call="open_computers.compose_projects.down", args=("h_1", "cp/1"),
         kwargs={"remove_volumes": True}, method="POST", path=P + "/down",
         query={"remove_volumes": "true"}, reply={"ok": True}),
    Case(call="open_computers.containers.list", args=("h_1",), method="GET",
         path=H + "/containers", reply={"containers": TWO_ITEMS}, result=OpenComputerContainer,
         many=True, result_ids=TWO),
    Case(call="open_computers.containers.get", args=("h_1", "ct_1"), method="GET", path=C,
         reply={"container": {"id": "x_1", "state": "running", "last_cpu_percent": 1.5}},
         check=lambda r: r.state is OpenComputerContainerState.RUNNING
         and r.last_cpu_percent == 1.5),
    Case(call="open_computers.containers.start", args=("h_1", "ct_1"), method="POST",
         path=C + "/start", reply={"container": {"id": "x_1"}}, result=OpenComputerContainer),
    Case(call="open_computers.containers.stop", args=("h_1", "ct_1"), method="POST",
         path=C + "/stop", reply={"ok": True}),
    Case(call="open_computers.containers.restart", args=("h_1", "ct_1"), method="POST",
         path=C + "/restart", reply={"ok": True}),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_compose_events_are_typed() -> None:
    api = MockAPI().on(
        f"GET {P}/events",
        sse(
            'data: {"type": "progress", "payload": {"service": "web"}}',
            'data: {"type": "log", "payload": {"line": "ready"}}',
            "data: not json",
        ),
    )
    with make_client(api) as client:
        stream = client.open_computers.compose_projects.events("h_1", "cp/1")
        with stream:
            events = [event for event in stream]
    assert [type(e) for e in events] == [OpenComputerComposeEvent] * 3
    assert events[0].type is OpenComputerComposeEventType.PROGRESS
    assert events[0].payload == {"service": "web"} and events[1].id == "2"
    assert events[2].raw == {"line": "not json"}
    assert api.last.headers["accept"].startswith("text/event-stream")


def test_container_logs_and_stats_are_typed() -> None:
    line = 'data: {"stream": "stderr", "line": "boom", "ts": "2026-01-01T00:00:00Z"}'
    samples = ('data: {"cpu_percent": 2.5, "mem_mb": 64}', 'data: {"state": "stopped"}')
    api = MockAPI().on(f"GET {C}/logs", sse(line)).on(f"GET {C}/stats", sse(*samples))
    with make_client(api) as client:
        containers = client.open_computers.containers
        with containers.logs("h_1", "ct_1", filters={"tail": 100}) as stream:
            lines = [line for line in stream]
        logs_request = api.last
        with containers.stats("h_1", "ct_1") as stream:
            stats = [sample for sample in stream]
    assert [(type(x), x.stream, x.line) for x in lines] == [
        (OpenComputerContainerLogLine, "stderr", "boom")
    ]
    assert lines[0].ts is not None and lines[0].ts.year == 2026
    assert logs_request.url.params["tail"] == "100"
    assert [type(s) for s in stats] == [OpenComputerContainerStats] * 2
    assert (stats[0].cpu_percent, stats[0].mem_mb) == (2.5, 64)
    assert stats[1].state is OpenComputerContainerState.STOPPED


def test_starting_a_running_container_raises_conflict() -> None:
    error = {"error": {"code": "CONFLICT", "message": "container is running"}}
    api = MockAPI().on(f"POST {C}/start", json_response(409, error))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ConflictError, match="is running"):
            client.open_computers.containers.start("h_1", "ct_1")


def test_compose_and_containers_round_trip_on_the_local_server() -> None:
    with LocalServer() as server:
        client = Miosa(api_key=server.api_key, base_url=server.base_url)
        with client:
            compose = client.open_computers.compose_projects
            containers = client.open_computers.containers
            created = compose.create("h_1", name="shop", yaml=YAML)
            assert created.id is not None
            running = compose.get("h_1", created.id)
            listed = containers.list("h_1")
            web = next(c for c in listed if c.name == "shop-web-1")
            assert web.id is not None
            containers.stop("h_1", web.id)
            with pytest.raises(ConflictError):
                containers.stop("h_1", web.id)
            with containers.stats("h_1", web.id) as stream:
                stopped = [s for s in stream]
            started = containers.start("h_1", web.id)
            with containers.stats("h_1", web.id) as stream:
                sampled = [s for s in stream]
            containers.restart("h_1", web.id)
            with containers.logs("h_1", web.id) as stream:
                lines = [line.line for line in stream]
            compose.down("h_1", created.id, remove_volumes=True)
            down = compose.get("h_1", created.id)
            up = compose.up("h_1", created.id)
            with compose.events("h_1", created.id) as stream:
                events = [e for e in stream]
            projects = compose.list("h_1")
            compose.delete("h_1", created.id)
            with pytest.raises(NotFoundError):
                compose.get("h_1", created.id)
            after = containers.list("h_1")
            with pytest.raises(ValidationError):
                compose.create("h_1", name="empty", yaml="version: '3'\n")
    assert created.state == "creating" and running.state == "running"
    assert sorted((c.name, c.image) for c in listed) == [
        ("shop-db-1", "postgres:17"),
        ("shop-web-1", "nginx:1.27"),
    ]
    assert [s.state for s in stopped] == [OpenComputerContainerState.STOPPED]
    assert started.state == "provisioning"
    assert sampled[0].cpu_percent == 0.0 and sampled[0].state is None
    assert lines == [
        "shop-web-1 started",
        "shop-web-1 stopped",
        "shop-web-1 started",
        "shop-web-1 stopped",
        "shop-web-1 started",
    ]
    assert down.state == "stopped" and up.state == "creating"
    assert [e.type for e in events][:2] == ["progress", "progress"]
    assert {"action": "down", "remove_volumes": True} in [e.payload for e in events]
    assert [p.id for p in projects] == [created.id] and after == []
