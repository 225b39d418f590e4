"""Functions, cron jobs, health checks, custom domains and the compute catalog end to end
on the local server (`miosa.local`)."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_functions_are_kept_and_invoked_as_an_echo() -> None:
    async with LocalServer() as server, client_for(server) as client:
        function = await client.functions.create(
            name="hello",
            runtime="python3.12",
            memory_mb=128,
            env={"A": "1"},
            extra={"code": "def handler(event): return event"},
        )
        result = await client.functions.invoke(function.id or "", {"who": "world"})
        updated = await client.functions.update(function.id or "", timeout_sec=60)
        fetched = await client.functions.get(function.id or "")
        listed = [f.id async for f in client.functions.list()]
        with pytest.raises(ValidationError):
            await client.functions.create(name="bad", memory_mb=1)
        await client.functions.delete(function.id or "")
        with pytest.raises(NotFoundError):
            await client.functions.invoke(function.id or "")

    assert function.state == "active" and function.env == {"A": "1"}
    assert function.raw["code"].startswith("def handler")
    assert result["data"]["output"] == {"who": "world"}
    assert updated.timeout_sec == 60
    assert fetched.raw["invocation_count"] == 1
    assert listed == [function.id]


async def test_cron_jobs_pause_resume_and_run_now() -> None:
    async with LocalServer() as server, client_for(server) as client:
        job = await client.cron_jobs.create(
            name="nightly", schedule="0 3 * * *", extra={"command": "backup"}
        )
        with pytest.raises(ValidationError):
            await client.cron_jobs.create(name="bad", schedule="every night")
        with pytest.raises(ValidationError):
            await client.cron_jobs.update(job.id or "", schedule="* *")
        paused = await client.cron_jobs.pause(job.id or "")
        resumed = await client.cron_jobs.resume(job.id or "")
        ran = await client.cron_jobs.run_now(job.id or "")
        executions = await client.cron_jobs.list_executions(job.id or "")
        execution = await client.cron_jobs.get_execution(job.id or "", executions[0].id or "")
        updated = await client.cron_jobs.update(job.id or "", schedule="@hourly")
        listed = [j.id async for j in client.cron_jobs.list(state="active")]
        await client.cron_jobs.delete(job.id or "")

    assert job.state == "active" and job.schedule == "0 3 * * *"
    assert paused.paused is True and paused.state == "paused"
    assert resumed.paused is False
    assert ran.last_run_at is not None and ran.raw["execution"]["state"] == "succeeded"
    assert execution.state == "succeeded" and execution.cron_job_id == job.id
    assert updated.schedule == "@hourly"
    assert listed == [job.id]


async def test_health_checks_and_custom_domains() -> None:
    async with LocalServer() as server, client_for(server) as client:
        check = await client.health_checks.create(
            name="home", url="https://example.com/health", interval_sec=30, method="HEAD"
        )
        with pytest.raises(ValidationError):
            await client.health_checks.create(name="bad", url="ftp://example.com")
        changed = await client.health_checks.update(check.id or "", expected_status=204)
        fetched = await client.health_checks.get(check.id or "")
        checks = [c.id async for c in client.health_checks.list()]
        await client.health_checks.delete(check.id or "")

        domain = await client.custom_domains.create(
            domain="App.Example.com", resource_type="deployment", resource_id="dep_1"
        )
        with pytest.raises(ConflictError):
            await client.custom_domains.create(domain="app.example.com")
        with pytest.raises(ValidationError):
            await client.custom_domains.create(domain="not a domain")
        domains = [d.domain async for d in client.custom_domains.list()]
        await client.custom_domains.delete(domain.id or "")

    assert check.interval_sec == 30 and check.expected_status == 200
    assert changed.expected_status == 204 and fetched.method == "HEAD"
    assert checks == [check.id]
    assert domain.domain == "app.example.com" and domain.verified is False
    assert domain.verification_token and domain.redirect_policy == "none"
    assert domains == ["app.example.com"]


async def test_the_compute_catalog_lists_the_local_sizes() -> None:
    async with LocalServer() as server, client_for(server) as client:
        catalog = await client.regions.catalog()
        sizes = await client.regions.list_sizes()
        regions = await client.regions.list_regions()
        templates = await client.regions.list_templates()
        template = await client.regions.get_template(templates[0].id or "")
        pricing = await client.regions.pricing()
        with pytest.raises(NotFoundError):
            await client.regions.get_template("nope")

    assert catalog.sizes and {s.id for s in catalog.sizes} == {s.id for s in sizes}
    assert catalog.regions and catalog.regions[0].id == regions[0].id == "local"
    assert template.id == templates[0].id
    assert pricing.raw["currency"] == "USD"
