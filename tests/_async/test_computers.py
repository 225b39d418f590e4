"""Computers as a user sees them: handles, pagination, waiting, binaries, streams, WebSockets."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from miosa import APITimeoutError, AuthenticationError, MiosaError, NotFoundError
from miosa._async.resources.computers import AsyncComputer
from miosa.types.computers import (
    CheckpointStatus,
    ComputerData,
    ComputerStatus,
    DesktopWindow,
)
from miosa.types.events import Event
from tests._async._helpers import make_client
from tests.helpers import API_KEY, MockAPI, json_response


def computer_json(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "cmp_1",
        "name": "agent-desktop",
        "slug": "agent-desktop-7f",
        "status": "active",
        "template_type": "miosa-desktop",
        "size": "small",
        "visibility": "public",
        "preview_domain": "cliniciq.com",
        "created_at": "2026-11-28T10:00:00Z",
    }
    base.update(fields)
    return base


def progress_event(**fields: Any) -> str:
    payload = {"type": "snapshot_progress", "snapshot_id": "snap_1", **fields}
    return f"data: {json.dumps(payload)}\n\n"


def sse_response(*events: str) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        content="".join(events).encode(),
    )


# -- handles ---------------------------------------------------------------------------------


async def test_create_returns_a_bound_handle_that_acts_without_an_id() -> None:
    api = (
        MockAPI()
        .on("POST /computers", json_response(201, computer_json(status="provisioning")))
        .on("POST /computers/cmp_1/start", json_response(200, computer_json(status="starting")))
    )
    async with make_client(api) as client:
        computer = await client.computers.create(name="agent-desktop")
        assert isinstance(computer, AsyncComputer) and isinstance(computer, ComputerData)
        created = computer.status
        assert created is ComputerStatus.PROVISIONING
        same = await computer.start()
    assert same is computer
    assert computer.status is ComputerStatus.STARTING
    assert api.body(0) == {
        "name": "agent-desktop",
        "template_type": "miosa-desktop",
        "size": "small",
    }
    assert api.last.url.path == "/api/v1/computers/cmp_1/start"


async def test_handle_makes_no_request_and_refuses_ids_that_would_change_the_route() -> None:
    api = MockAPI().on("GET /computers/a%2Fb", json_response(200, computer_json(id="a/b")))
    async with make_client(api) as client:
        computer = client.computers.handle("a/b")
        assert api.requests == []
        assert computer.id == "a/b" and computer.status is None and computer.raw == {}
        await computer.refresh()
        for bad in ("", ".", ".."):
            with pytest.raises(ValueError):
                client.computers.handle(bad)
    assert api.last.url.raw_path == b"/api/v1/computers/a%2Fb"
    assert computer.name == "agent-desktop"


async def test_an_action_acknowledgement_keeps_the_handle_fields() -> None:
    api = (
        MockAPI()
        .on("GET /computers/cmp_1", json_response(200, computer_json(status="stopped")))
        .on("POST /computers/cmp_1/stop", json_response(200, {"success": True}))
        .on(
            "POST /computers/cmp_1/start",
            json_response(200, {"success": True, "status": "starting"}),
        )
    )
    async with make_client(api) as client:
        computer = await client.computers.get("cmp_1")
        await computer.stop()
        stopped = computer.status
        assert computer.name == "agent-desktop" and stopped is ComputerStatus.STOPPED
        assert computer.raw["success"] is True
        await computer.start()
        assert computer.status is ComputerStatus.STARTING
        assert computer.id == "cmp_1"
        acknowledged = await client.computers.start("cmp_1")
    assert acknowledged.id == "cmp_1" and acknowledged.name is None


async def test_update_and_resize_merge_the_reply_and_data_is_detached() -> None:
    api = (
        MockAPI()
        .on("PATCH /computers/cmp_1", json_response(200, {"data": computer_json(name="renamed")}))
        .on(
            "POST /computers/cmp_1/resize",
            json_response(200, computer_json(name="renamed", size="xl")),
        )
    )
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        await computer.update(name="renamed", metadata={"k": "v"})
        assert api.body() == {"name": "renamed", "metadata": {"k": "v"}}
        snapshot = computer.data
        await computer.resize("xlarge")
    assert api.body() == {"size": "xl"}
    assert computer.name == "renamed" and computer.size == "xl"
    assert type(snapshot) is ComputerData and snapshot.size == "small"
    assert snapshot.raw["name"] == "renamed"


async def test_a_handle_is_live_state_changed_in_place_by_refresh() -> None:
    api = (
        MockAPI()
        .on("GET /computers/cmp_1", json_response(200, computer_json(status="stopped")))
        .on("POST /computers/cmp_1/start", json_response(200, {"success": True}))
    )
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        before = computer.model
        refreshed = await computer.refresh()
        assert refreshed is computer
        assert computer.status == "stopped" and computer.name == "agent-desktop"
        after = computer.model
        started = await computer.start()
    assert started.id == "cmp_1"
    assert before.status is None and after.status == "stopped"
    assert type(after) is ComputerData and after.raw["status"] == "stopped"


async def test_handles_compare_by_identity_and_are_not_hashable() -> None:
    api = MockAPI().on("GET /computers/cmp_1", json_response(200, computer_json()))
    async with make_client(api) as client:
        first = client.computers.handle("cmp_1")
        second = client.computers.handle("cmp_1")
        await first.refresh()
        await second.refresh()
    assert first == first and first != second
    with pytest.raises(TypeError):
        hash(first)
    # The snapshots are values: equal fields, equal snapshots, usable as keys.
    assert first.model == second.model
    assert len({first.model, second.model}) == 1
    assert first.data == first.model


async def test_a_handle_repr_shows_what_identifies_it_and_its_state() -> None:
    api = MockAPI().on("GET /computers/cmp_1", json_response(200, computer_json(name="web")))
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        bare = repr(computer)
        await computer.refresh()
    name = type(computer).__name__
    assert bare == f"{name}(id='cmp_1')"
    assert repr(computer) == f"{name}(id='cmp_1', status='active', name='web')"
    assert "None" not in repr(computer)
    # The frozen model keeps its full field-by-field repr.
    assert repr(computer.model).startswith("ComputerData(id='cmp_1', name='web'")


async def test_clone_returns_a_new_bound_handle() -> None:
    api = (
        MockAPI()
        .on("POST /computers/cmp_1/clone", json_response(201, computer_json(id="cmp_2")))
        .on("POST /computers/cmp_2/stop", json_response(200, computer_json(id="cmp_2")))
    )
    async with make_client(api) as client:
        original = client.computers.handle("cmp_1")
        twin = await original.clone(name="twin")
        await twin.stop()
    assert twin is not original and twin.id == "cmp_2" and original.id == "cmp_1"
    assert api.body(0) == {"name": "twin"}
    assert api.last.url.path == "/api/v1/computers/cmp_2/stop"


async def test_list_follows_page_numbers_and_hands_out_bound_handles() -> None:
    pages = {
        None: {
            "data": [computer_json(id="a"), computer_json(id="b")],
            "meta": {"total": 3, "page": 1, "per_page": 2},
        },
        "2": {"data": [computer_json(id="c")], "meta": {"total": 3, "page": 2, "per_page": 2}},
    }

    def listing(request: httpx.Request) -> httpx.Response:
        return json_response(200, pages[request.url.params.get("page")])

    api = (
        MockAPI()
        .on("GET /computers", listing)
        .on("POST /computers/c/restart", json_response(200, computer_json(id="c")))
    )
    async with make_client(api) as client:
        page = await client.computers.list(per_page=2, status="active")
        assert [c.id for c in page.items] == ["a", "b"] and page.total == 3
        everything = [c async for c in page]
        await everything[-1].restart()
    assert [c.id for c in everything] == ["a", "b", "c"]
    assert all(isinstance(c, AsyncComputer) for c in everything)
    assert dict(api.requests[0].url.params) == {"per_page": "2", "status": "active"}
    assert dict(api.requests[1].url.params) == {"per_page": "2", "status": "active", "page": "2"}
    assert api.last.url.path == "/api/v1/computers/c/restart"


async def test_list_accepts_the_older_computers_envelope() -> None:
    api = MockAPI().on(
        "GET /computers", json_response(200, {"total": 1, "computers": [computer_json()]})
    )
    async with make_client(api) as client:
        page = await client.computers.list(workspace_id="ws_1")
    assert [c.id for c in page.items] == ["cmp_1"] and not page.has_more
    assert dict(api.last.url.params) == {"workspace_id": "ws_1"}


async def test_context_manager_deletes_the_computer() -> None:
    api = (
        MockAPI()
        .on("POST /computers", json_response(201, computer_json()))
        .on("DELETE /computers/cmp_1", httpx.Response(204))
    )
    async with make_client(api) as client, await client.computers.create(name="tmp") as computer:
        assert computer.id == "cmp_1"
    assert [(r.method, r.url.path) for r in api.requests] == [
        ("POST", "/api/v1/computers"),
        ("DELETE", "/api/v1/computers/cmp_1"),
    ]


def test_preview_urls_follow_the_tenant_domain() -> None:
    computer = AsyncComputer(id="cmp_1", slug="agent-7f", preview_domain="cliniciq.com")
    assert computer.preview_url(3000) == "https://3000-agent-7f.sandbox.cliniciq.com/"
    assert computer.preview_url(8080, "/docs") == "https://8080-agent-7f.sandbox.cliniciq.com/docs"
    assert computer.public_url == "https://agent-7f.sandbox.cliniciq.com"
    assert AsyncComputer(id="cmp_9").public_url == "https://cmp_9.sandbox.miosa.ai"


# -- waiting -----------------------------------------------------------------------------------


async def test_wait_until_polls_until_running_and_refreshes_the_handle() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1",
        json_response(200, computer_json(status="provisioning")),
        json_response(200, computer_json(status="starting")),
        json_response(200, computer_json(status="active", ip_address="10.0.0.7")),
    )
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        same = await computer.wait_until("running", timeout=5, poll_interval=0.001)
    assert same is computer
    assert computer.status is ComputerStatus.ACTIVE and computer.ip_address == "10.0.0.7"
    assert [r.method for r in api.requests] == ["GET"] * 3


async def test_wait_until_ready_accepts_the_legacy_running_state() -> None:
    api = MockAPI().on("GET /computers/cmp_1", json_response(200, computer_json(status="running")))
    async with make_client(api) as client:
        computer = await client.computers.handle("cmp_1").wait_until_ready()
    assert computer.status is ComputerStatus.RUNNING and len(api.requests) == 1


async def test_wait_until_times_out_with_the_last_state() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1", json_response(200, computer_json(status="provisioning"))
    )
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        with pytest.raises(APITimeoutError, match="provisioning") as caught:
            await computer.wait_until("stopped", timeout=0.05, poll_interval=0.01)
    assert "computer cmp_1" in str(caught.value) and "'stopped'" in str(caught.value)
    assert 1 <= len(api.requests) <= 10


async def test_wait_until_fails_fast_on_an_error_state() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1",
        json_response(200, computer_json(status="provisioning")),
        json_response(200, computer_json(status="error")),
    )
    async with make_client(api) as client:
        with pytest.raises(MiosaError, match="'error'") as caught:
            await client.computers.handle("cmp_1").wait_until(timeout=60, poll_interval=0.001)
    assert not isinstance(caught.value, APITimeoutError)
    assert len(api.requests) == 2


async def test_wait_until_raises_api_errors_as_they_are() -> None:
    api = MockAPI()  # every route answers 404
    async with make_client(api) as client:
        with pytest.raises(NotFoundError):
            await client.computers.handle("cmp_1").wait_until_ready(timeout=1)


async def test_checkpoint_wait_for_completion_polls_until_ready() -> None:
    path = "GET /computers/cmp_1/snapshots/snap_1"
    api = MockAPI().on(
        path,
        json_response(200, {"data": {"id": "snap_1", "status": "creating"}}),
        json_response(200, {"data": {"id": "snap_1", "status": "uploading"}}),
        json_response(
            200, {"data": {"id": "snap_1", "status": "ready", "compressed_size_bytes": 9}}
        ),
    )
    async with make_client(api) as client:
        checkpoints = client.computers.handle("cmp_1").checkpoints
        done = await checkpoints.wait_for_completion("snap_1", poll_interval=0.001)
    assert done.status is CheckpointStatus.READY and done.compressed_size_bytes == 9
    assert len(api.requests) == 3


async def test_checkpoint_wait_for_completion_raises_when_it_fails() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1/snapshots/snap_1",
        json_response(200, {"data": {"id": "snap_1", "status": "failed", "error": "disk full"}}),
    )
    async with make_client(api) as client:
        checkpoints = client.computers.handle("cmp_1").checkpoints
        with pytest.raises(MiosaError, match="checkpoint snap_1 is in state 'failed'"):
            await checkpoints.wait_for_completion("snap_1", timeout=5)


async def test_restore_returns_the_new_computer_and_its_source() -> None:
    api = MockAPI().on(
        "POST /computers/cmp_1/restore/snap_1",
        json_response(
            201,
            {
                "data": computer_json(id="cmp_2", status="provisioning"),
                "snapshot": {"id": "snap_1", "status": "ready"},
            },
        ),
    )
    async with make_client(api) as client:
        restored = await client.computers.handle("cmp_1").checkpoints.restore("snap_1")
        assert restored.data is not None and restored.data.id == "cmp_2"
        new = client.computers.handle(restored.data.id)
    assert restored.data.status is ComputerStatus.PROVISIONING
    assert restored.snapshot is not None and restored.snapshot.status is CheckpointStatus.READY
    assert new.id == "cmp_2"


# -- binaries -------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


async def test_screenshot_is_raw_png_bytes_and_base64_is_encoded_here() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1/desktop/screenshot",
        httpx.Response(200, content=PNG, headers={"content-type": "image/png"}),
    )
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        png = await computer.screenshot()
        encoded = await computer.screenshot_base64()
    assert png == PNG
    assert base64.b64decode(encoded) == PNG
    assert [r.method for r in api.requests] == ["GET", "GET"]


async def test_download_streams_chunks_and_writes_to_a_path(tmp_path: Path) -> None:
    payload = b"x" * 5000 + b"end"
    api = MockAPI().on(
        "GET /computers/cmp_1/files/download",
        httpx.Response(200, content=payload, headers={"content-type": "application/octet-stream"}),
    )
    async with make_client(api) as client:
        files = client.computers.handle("cmp_1").files
        async with files.download("/home/user/big file.bin", chunk_size=1024) as body:
            chunks = [chunk async for chunk in body]
        async with files.download("/home/user/big file.bin") as body:
            written = await body.write_to(tmp_path / "copy.bin")
    assert b"".join(chunks) == payload
    assert max(len(chunk) for chunk in chunks) <= 1024
    assert written == len(payload) and (tmp_path / "copy.bin").read_bytes() == payload
    assert dict(api.last.url.params) == {"path": "/home/user/big file.bin"}


async def test_download_errors_raise_when_the_stream_is_entered() -> None:
    api = MockAPI()  # 404 everywhere
    async with make_client(api) as client:
        stream = client.computers.handle("cmp_1").files.download("/nope")
        assert api.requests == []
        with pytest.raises(NotFoundError):
            async with stream:
                pass


async def test_read_text_decodes_and_upload_file_reads_a_local_file(tmp_path: Path) -> None:
    local = tmp_path / "report.csv"
    local.write_bytes(b"a,b\n\xff\x00")
    api = (
        MockAPI()
        .on("GET /computers/cmp_1/files/download", httpx.Response(200, content="héllo".encode()))
        .on("POST /computers/cmp_1/files/write", json_response(200, {"path": "/r.csv", "size": 6}))
    )
    async with make_client(api) as client:
        files = client.computers.handle("cmp_1").files
        text = await files.read_text("/hello.txt")
        entry = await files.upload_file("/r.csv", local)
    assert text == "héllo"
    assert api.body() == {
        "path": "/r.csv",
        "content_base64": base64.b64encode(b"a,b\n\xff\x00").decode(),
    }
    assert entry.path == "/r.csv" and entry.size == 6


# -- exec, env, ports ---------------------------------------------------------------------------


async def test_exec_parses_the_result_and_stretches_the_read_timeout() -> None:
    api = MockAPI().on(
        "POST /computers/cmp_1/exec",
        json_response(200, {"stdout": "total 0\n", "stderr": "", "exit_code": 0}),
    )
    async with make_client(api) as client:
        result = await client.computers.handle("cmp_1").bash("ls -la /home/user", timeout=120)
    assert result.stdout == "total 0\n" and result.output == "total 0\n" and result.ok
    assert api.last.extensions["timeout"]["read"] >= 120


async def test_desktop_windows_accept_each_envelope() -> None:
    window = {
        "id": "0x1",
        "title": "Terminal",
        "x": 0,
        "y": 0,
        "width": 800,
        "height": 600,
        "is_focused": True,
    }
    api = MockAPI().on(
        "GET /computers/cmp_1/desktop/windows",
        json_response(200, {"windows": [window]}),
        json_response(200, {"data": [window]}),
        json_response(200, [window]),
    )
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        results = [await computer.windows() for _ in range(3)]
    expected = DesktopWindow(
        id="0x1", title="Terminal", x=0, y=0, width=800, height=600, is_focused=True
    )
    assert results == [[expected]] * 3


async def test_ports_get_filters_the_list_and_env_bulk_set_posts_each() -> None:
    api = (
        MockAPI()
        .on(
            "GET /computers/cmp_1/ports",
            json_response(200, {"ports": [{"port": 3000}, {"port": 8080, "visibility": "key"}]}),
        )
        .on("POST /computers/cmp_1/env", json_response(201, {"data": {"name": "A"}}))
    )
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        port = await computer.ports.get(8080)
        missing = await computer.ports.get(9)
        created = await computer.env.bulk_set({"A": "1", "B": "2"})
    assert port is not None and port.visibility == "key" and missing is None
    assert len(created) == 2
    assert [json.loads(r.content) for r in api.requests[2:]] == [
        {"name": "A", "value": "1"},
        {"name": "B", "value": "2"},
    ]


# -- WebSockets ---------------------------------------------------------------------------------


async def test_exec_stream_is_a_websocket_target_and_makes_no_request() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        target = computer.exec.stream(
            "python3",
            args=["-u", "app.py"],
            env={"DEBUG": "1"},
            cwd="/srv",
            tty=True,
            rows=24,
            cols=80,
        )
    assert api.requests == []
    assert target.url == (
        "wss://api.test.miosa/api/v1/computers/cmp_1/exec/stream"
        "?command=python3&args=-u&args=app.py&env=DEBUG%3D1&cwd=%2Fsrv&tty=true&rows=24&cols=80"
    )
    assert target.subprotocol == "miosa-exec-v1"
    assert target.headers["Authorization"] == f"Bearer {API_KEY}"
    assert target.headers["Sec-WebSocket-Protocol"] == "miosa-exec-v1"
    assert API_KEY not in repr(target)
    assert computer.exec.encode_stdin(b"ls\n") == b"\x00ls\n"
    frame = computer.exec.decode_frame(b"\x03\x00\x00\x00\x01")
    assert frame is not None and frame.exit_code == 1


async def test_events_subscribe_is_a_websocket_target() -> None:
    api = MockAPI()
    async with make_client(api, base_url="http://localhost:4000/api/v1") as client:
        events = client.computers.handle("cmp_1").events
        everything = events.subscribe()
        files = events.subscribe(
            ["file", "idle"], paths=["/home/user", "/tmp"], idle_threshold_sec=60
        )
        with pytest.raises(ValueError):
            events.subscribe([])
    assert api.requests == []
    base = "ws://localhost:4000/api/v1/computers/cmp_1/events"
    assert everything.url == f"{base}?subscribe=window%2Cclipboard%2Cfile%2Cprocess%2Cidle"
    assert (
        files.url
        == f"{base}?subscribe=file%2Cidle&paths=%2Fhome%2Fuser%2C%2Ftmp&idle_threshold_sec=60"
    )
    assert files.subprotocol == "miosa-events-v1"


# -- SSE ------------------------------------------------------------------------------------------


async def test_logs_stream_yields_events() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1/logs/stream",
        sse_response(
            ": heartbeat\n\n",
            'id: 1\ndata: {"type": "log", "data": {"line": "booted"}, "id": "1"}\n\n',
            "data: [DONE]\n\n",
            'id: 2\ndata: {"type": "log", "data": {"line": "ready"}, "id": "2"}\n\n',
        ),
    )
    async with make_client(api) as client, client.computers.handle("cmp_1").logs.stream() as stream:
        events = [event async for event in stream]
    assert events == [
        Event(type="log", data={"line": "booted"}, id="1"),
        Event(type="log", data={"line": "ready"}, id="2"),
    ]
    assert api.last.headers["accept"] == "text/event-stream, application/json;q=0.9"


async def test_logs_stream_raises_authentication_errors_on_enter() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1/logs/stream",
        json_response(401, {"error": {"code": "UNAUTHORIZED", "message": "bad key"}}),
    )
    async with make_client(api, max_retries=0) as client:
        stream = client.computers.handle("cmp_1").logs.stream()
        assert api.requests == []
        with pytest.raises(AuthenticationError):
            async with stream:
                pass
    assert len(api.requests) == 1


async def test_checkpoint_events_stop_at_a_final_status() -> None:
    api = MockAPI().on(
        "GET /computers/cmp_1/snapshots/snap_1/events",
        sse_response(
            progress_event(status="creating", progress=10),
            progress_event(status="uploading", step="s3", progress=70),
            progress_event(status="ready", progress=100),
            progress_event(status="deleted"),
        ),
    )
    async with make_client(api) as client:
        checkpoints = client.computers.handle("cmp_1").checkpoints
        async with checkpoints.events("snap_1", ticket="tkt_1") as stream:
            progress = [event async for event in stream]
    assert [(e.status, e.progress) for e in progress] == [
        (CheckpointStatus.CREATING, 10),
        (CheckpointStatus.UPLOADING, 70),
        (CheckpointStatus.READY, 100),
    ]
    assert progress[1].step == "s3"
    assert dict(api.last.url.params) == {"ticket": "tkt_1"}


async def test_fs_resolves_paths_against_its_working_directory() -> None:
    api = (
        MockAPI()
        .on("POST /computers/cmp_1/files/write", json_response(200, {"data": {"path": "x"}}))
        .on("GET /computers/cmp_1/files/download", httpx.Response(200, content=b"print(1)"))
        .on("GET /computers/cmp_1/files/readdir", json_response(200, {"data": {"entries": []}}))
        .on("POST /computers/cmp_1/files/rename", httpx.Response(204))
    )
    async with make_client(api) as client:
        fs = client.computers.handle("cmp_1").fs("/workspace/")
        await fs.write("src/main.py", "print(1)")
        text = await fs.read_text("./src/../src/main.py")
        await fs.readdir()
        await fs.rename("src/main.py", "/tmp/main.py")
    assert text == "print(1)"
    assert api.body(0) == {
        "path": "/workspace/src/main.py",
        "content_base64": base64.b64encode(b"print(1)").decode(),
    }
    assert api.requests[1].url.params["path"] == "/workspace/src/main.py"
    assert api.requests[2].url.params["path"] == "/workspace"
    assert api.body(3) == {"from": "/workspace/src/main.py", "to": "/tmp/main.py"}
    assert len(api.requests) == 4


async def test_fs_needs_an_absolute_working_directory() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        with pytest.raises(ValueError, match="absolute"):
            computer.fs("workspace")
        assert computer.fs("/a/b").path("../c") == "/a/c"
        assert computer.fs("/a").path("/etc/hosts") == "/etc/hosts"
    assert api.requests == []
