"""Per-call options: extra_headers, extra_query, extra_body and timeout on any method."""

from __future__ import annotations

import json

import pytest

from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response


async def test_extras_and_timeout_reach_the_wire() -> None:
    api = MockAPI().on("POST /cron-jobs", json_response(201, {"data": {"id": "job_1"}}))
    async with make_client(api) as client:
        await client.cron_jobs.create(
            name="nightly",
            schedule="0 3 * * *",
            extra_headers={"X-Trace": "t1"},
            extra_query={"dry_run": True},
            extra_body={"command": "backup", "name": "renamed"},
            timeout=7,
        )
    request = api.last
    assert request.headers["x-trace"] == "t1"
    assert request.url.params["dry_run"] == "true"
    assert json.loads(request.content) == {
        "name": "renamed",
        "schedule": "0 3 * * *",
        "command": "backup",
    }
    assert request.extensions["timeout"]["read"] == 7


async def test_options_apply_to_every_page() -> None:
    api = MockAPI().on(
        "GET /cron-jobs",
        json_response(200, {"data": [{"id": "a"}], "next_cursor": "a"}),
        json_response(200, {"data": [{"id": "b"}], "next_cursor": None}),
    )
    async with make_client(api) as client:
        pages = client.cron_jobs.list(extra_query={"team": "x"}, extra_headers={"X-Team": "x"})
        ids = [job.id async for job in pages]
    assert ids == ["a", "b"]
    assert [r.url.params.get("team") for r in api.requests] == ["x", "x"]
    assert [r.headers.get("x-team") for r in api.requests] == ["x", "x"]


async def test_extra_body_is_the_body_of_a_call_without_one() -> None:
    api = MockAPI().on("POST /cron-jobs/job_1/pause", json_response(200, {"data": {"id": "j"}}))
    async with make_client(api) as client:
        await client.cron_jobs.pause("job_1", extra_body={"reason": "maintenance"})
    assert json.loads(api.last.content) == {"reason": "maintenance"}


async def test_a_method_with_its_own_timeout_keeps_it_and_takes_the_extras() -> None:
    api = MockAPI().on("POST /sandboxes/sbx_1/exec", json_response(200, {"exit_code": 0}))
    async with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        await sandbox.exec.run("true", timeout=5, extra_headers={"X-Trace": "t2"})
    assert json.loads(api.last.content)["timeout"] == 5
    assert api.last.headers["x-trace"] == "t2"


async def test_a_bad_header_value_is_refused_before_sending() -> None:
    from miosa import ConfigurationError

    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(ConfigurationError):
            await client.cron_jobs.get("job_1", extra_headers={"X-Bad": "a\r\nInjected: 1"})
    assert api.requests == []


async def test_a_keyword_the_method_does_not_take_is_refused_before_sending() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(TypeError, match=r"unexpected keyword argument 'agent_definition_i"):
            await client.runs.create(  # type: ignore[call-arg]
                instruction="hi", agent_definition_id="agd_1"
            )
        with pytest.raises(TypeError, match=r"'extra_header', 'timout'.*extra_body="):
            await client.cron_jobs.get("job_1", extra_header={}, timout=3)  # type: ignore[call-arg]
    assert api.requests == []
