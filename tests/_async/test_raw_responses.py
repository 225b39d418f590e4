"""``client.with_raw_response`` and ``client.with_streaming_response`` on any method."""

from __future__ import annotations

import json
import socket
import threading
from typing import Any

import httpx
import pytest

from miosa import AsyncAPIResponse, AsyncMiosa, MiosaError, NotFoundError
from miosa._async._http import AsyncHTTP
from miosa.types import ReleaseState
from miosa.types.cron_jobs import CronJob
from tests._async._helpers import make_client
from tests.helpers import API_KEY, MockAPI, json_response, sandbox_json
from tests.hostile import RawServer, read_request, response_head

JOB = {"id": "job_1", "name": "nightly", "schedule": "0 3 * * *"}
TRACED = {"x-request-id": "req_42", "x-ratelimit-remaining": "99"}


def job_api(*replies: httpx.Response) -> MockAPI:
    return MockAPI().on("GET /cron-jobs/job_1", *(replies or (json_response(200, JOB, TRACED),)))


# -- with_raw_response ---------------------------------------------------------------


async def test_a_raw_response_shows_the_exchange_and_parses_to_the_normal_result() -> None:
    api = job_api()
    async with make_client(api) as client:
        response = await client.with_raw_response.cron_jobs.get("job_1")
        assert len(api.requests) == 1
        normal = await client.cron_jobs.get("job_1")
        parsed = await response.parse()
        assert await response.parse() is parsed  # kept, not parsed again
    assert isinstance(response, AsyncAPIResponse)
    assert response.status_code == 200
    assert response.headers["x-ratelimit-remaining"] == "99"
    assert response.request_id == "req_42"
    assert response.http_request.method == "GET" == response.method
    assert response.url.path == "/api/v1/cron-jobs/job_1"
    assert response.http_request.headers["authorization"] == f"Bearer {API_KEY}"
    assert response.retries_taken == 0
    assert response.elapsed.total_seconds() >= 0
    assert response.is_closed
    assert response.json() == JOB
    assert json.loads(response.content) == json.loads(response.text) == JOB
    assert isinstance(parsed, CronJob) and parsed == normal
    # Parsing decoded the recorded reply: no second request.
    assert len(api.requests) == 2


async def test_groups_and_sub_groups_are_reached_the_same_way() -> None:
    api = (
        MockAPI()
        .on("GET /deployments/dep_1/releases", json_response(200, {"data": [{"id": "r1"}]}))
        .on("GET /sandboxes/sbx_1", json_response(200, {"data": sandbox_json()}))
    )
    async with make_client(api) as client:
        releases = await client.with_raw_response.deployments.releases.list("dep_1")
        assert [r.id for r in await releases.parse()] == ["r1"]
        sandbox = await (await client.with_raw_response.sandboxes.get("sbx_1")).parse()
        assert sandbox.model == (await client.sandboxes.get("sbx_1")).model
    assert releases.url.path.endswith("/deployments/dep_1/releases")


async def test_a_paged_list_answers_with_its_first_page() -> None:
    api = MockAPI().on(
        "GET /deployments",
        json_response(200, {"data": [{"id": "d1"}], "next_cursor": "d1"}),
        json_response(200, {"data": [{"id": "d2"}], "next_cursor": None}),
    )
    async with make_client(api) as client:
        response = await client.with_raw_response.deployments.list(limit=1)
        page = await response.parse()
        assert [d.id for d in page.items] == ["d1"] and page.next_cursor == "d1"
        assert [d.id async for d in page] == ["d1", "d2"]  # the next page is fetched as usual
    assert response.json()["next_cursor"] == "d1"
    assert [r.url.params.get("cursor") for r in api.requests] == [None, "d1"]


async def test_the_retries_taken_are_counted(fast_retries: None) -> None:
    api = job_api(json_response(503, {"error": {"message": "busy"}}), json_response(200, JOB))
    async with make_client(api) as client:
        response = await client.with_raw_response.cron_jobs.get("job_1")
    assert response.retries_taken == 1 and len(api.requests) == 2


async def test_an_error_status_raises_the_same_error_as_the_call() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "no such job"}}
    api = job_api(json_response(404, error, {"x-request-id": "req_404"}))
    async with make_client(api) as client:
        with pytest.raises(NotFoundError, match="no such job") as caught:
            await client.with_raw_response.cron_jobs.get("job_1")
    assert caught.value.request_id == "req_404"


async def test_a_method_making_several_requests_shows_the_first_and_parse_finishes_it() -> None:
    def release(state: str) -> httpx.Response:
        return json_response(200, {"data": {"id": "rel_1", "state": state}})

    api = MockAPI().on(
        "GET /services/svc_1/deployments/rel_1", release("building"), release("active")
    )
    async with make_client(api) as client:
        raw = client.with_raw_response
        response = await raw.services.wait_for_release("svc_1", "rel_1", poll_interval=0)
        assert len(api.requests) == 1  # stopped at the first answer
        assert response.json()["data"]["state"] == "building"
        done = await response.parse()
    assert done.state is ReleaseState.ACTIVE and len(api.requests) == 2


async def test_a_method_using_with_options_inside_stays_raw() -> None:
    # A fail-fast create runs on `with_options(max_retries=0)` internally.
    api = MockAPI().on("POST /sandboxes", json_response(201, {"data": sandbox_json()}))
    async with make_client(api) as client:
        response = await client.with_raw_response.sandboxes.create(fail_fast=True)
        sandbox = await response.parse()
    assert response.status_code == 201 and sandbox.id == "sbx_1"
    assert len(api.requests) == 1


async def test_a_method_whose_first_request_is_a_stream_is_refused_before_sending() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        # wait_until_ready listens on an event stream first (and would fall back to polling).
        with pytest.raises(MiosaError, match=r"sandboxes\.wait_until_ready\(\) opens a stream"):
            await client.with_raw_response.sandboxes.wait_until_ready("sbx_1")
    assert api.requests == []


async def test_a_method_making_no_request_and_what_is_not_a_method_are_refused() -> None:
    async with make_client(MockAPI()) as client:
        with pytest.raises(MiosaError, match=r"sandboxes\.handle\(\) made no HTTP request"):
            await client.with_raw_response.sandboxes.handle("sbx_1")
        with pytest.raises(AttributeError, match="not a group or a method"):
            client.with_raw_response.close  # noqa: B018
        with pytest.raises(AttributeError, match="not a group or a method"):
            client.with_raw_response.base_url  # noqa: B018
        with pytest.raises(AttributeError):
            client.with_raw_response.no_such_group  # noqa: B018
        assert "get" in dir(client.with_raw_response.cron_jobs)


async def test_the_normal_client_is_left_untapped() -> None:
    async with make_client(job_api()) as client:
        await client.with_raw_response.cron_jobs.get("job_1")
        assert type(client._http) is AsyncHTTP
        assert type(client.with_options(timeout=5)._http) is AsyncHTTP


# -- with_streaming_response ---------------------------------------------------------


async def test_a_streamed_response_reads_its_body_when_asked_and_parses() -> None:
    api = job_api()
    async with make_client(api) as client:
        async with client.with_streaming_response.cron_jobs.get("job_1") as response:
            assert response.request_id == "req_42" and not response.is_closed
            body = await response.aread()
            assert json.loads(body) == response.json() == JOB
            job = await response.parse()
        assert response.is_closed
        assert job == await client.cron_jobs.get("job_1")


async def test_an_error_status_raises_before_the_block_runs() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "no such job"}}
    entered = False
    async with make_client(job_api(json_response(404, error))) as client:
        with pytest.raises(NotFoundError):
            async with client.with_streaming_response.cron_jobs.get("job_1"):
                entered = True
        assert client._http.pool.open_streams == 0
    assert not entered


async def test_a_read_body_can_still_be_walked_in_pieces_lines_and_text() -> None:
    body = "first line\r\nsecond ✓\nthird".encode()
    reply = httpx.Response(200, content=body, headers={"content-type": "text/plain"})
    client = make_client(MockAPI().on("GET /cron-jobs/job_1", reply))
    async with client, client.with_streaming_response.cron_jobs.get("job_1") as response:
        pieces = [piece async for piece in response.iter_bytes(chunk_size=4)]
        text = "".join([piece async for piece in response.iter_text(chunk_size=3)])
        lines = [line async for line in response.iter_lines(chunk_size=5)]
    assert b"".join(pieces) == body and max(len(p) for p in pieces) == 4
    assert text == body.decode()
    assert lines == ["first line", "second ✓", "third"]


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def _two_part_server(after_first: Any) -> RawServer:
    """Sends the head and a first line, then lets ``after_first(conn)`` decide the rest."""
    head = response_head(
        200,
        (
            ("Content-Type", "application/json"),
            ("Transfer-Encoding", "chunked"),
            ("X-Request-Id", "req_stream"),
        ),
    )

    def handler(conn: socket.socket) -> None:
        if read_request(conn) is None:
            return
        conn.sendall(head + _chunk(b'{"part": 1}\n'))
        after_first(conn)

    return RawServer(handler)


async def test_a_streamed_body_arrives_before_it_ends_and_closes_on_exit() -> None:
    released = threading.Event()
    waited: list[bool] = []

    def rest(conn: socket.socket) -> None:
        # The second line goes out only once the client has read the first.
        waited.append(released.wait(5))
        conn.sendall(_chunk(b'{"part": 2}\n') + b"0\r\n\r\n")

    lines: list[str] = []
    with _two_part_server(rest) as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url, max_retries=0) as client:
            async with client.with_streaming_response.cron_jobs.get("job_1") as response:
                assert response.request_id == "req_stream"
                with pytest.raises(MiosaError, match="has not been read"):
                    response.json()
                async for line in response.iter_lines():
                    lines.append(line)
                    released.set()
                with pytest.raises(MiosaError, match="already consumed"):
                    await response.parse()
            assert response.is_closed
            assert client._http.pool.open_streams == 0
    assert lines == ['{"part": 1}', '{"part": 2}']
    assert waited == [True]


async def test_leaving_the_block_unread_closes_the_connection() -> None:
    peer_closed: list[bool] = []

    def rest(conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            peer_closed.append(conn.recv(1) == b"")
        except OSError:
            peer_closed.append(True)

    with _two_part_server(rest) as server:
        async with AsyncMiosa(api_key=API_KEY, base_url=server.base_url, max_retries=0) as client:
            async with client.with_streaming_response.cron_jobs.get("job_1") as response:
                assert response.status_code == 200
            assert client._http.pool.open_streams == 0
            with pytest.raises(MiosaError, match="is closed"):
                await response.aread()
    assert peer_closed == [True]


# -- on handles -------------------------------------------------------------------------


async def test_a_handles_calls_and_sub_resources_answer_raw_and_leave_it_unchanged() -> None:
    api = (
        MockAPI()
        .on("GET /sandboxes/sbx_1", json_response(200, {"data": sandbox_json()}, TRACED))
        .on("POST /sandboxes/sbx_1/exec", json_response(200, {"exit_code": 0, "stdout": "hi"}))
    )
    async with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        response = await sandbox.with_raw_response.refresh()
        fresh = await response.parse()
        ran = await sandbox.with_raw_response.exec.run("echo hi")
        result = await ran.parse()
        with pytest.raises(AttributeError, match=r"^sandbox\.name is not a group or a method"):
            sandbox.with_raw_response.name  # noqa: B018
    assert response.request_id == "req_42" and fresh.name == "demo"
    assert fresh is not sandbox and sandbox.name is None  # the handle itself is untouched
    assert ran.url.path.endswith("/sandboxes/sbx_1/exec") and result.stdout == "hi"
