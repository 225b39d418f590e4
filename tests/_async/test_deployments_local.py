"""Deployments end to end on the local server (`miosa.local`): a repo deployment builds and
goes live, a sandbox publish makes versions to promote and roll back, and the env, domains,
connector bindings, linked database and observation routes answer in the SDK's models."""

from __future__ import annotations

import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_a_repo_deployment_builds_goes_live_and_stops() -> None:
    async with LocalServer() as server, client_for(server) as client:
        created = await client.deployments.create(
            name="Shop API",
            repo_url="https://github.com/acme/shop",
            branch="main",
            run_command="node server.js",
            database={"engine": "postgresql", "size": "small"},
            metadata={"team": "web"},
        )
        ready = await client.deployments.wait_until_ready(created.id or "", timeout=5)
        env = await client.deployments.list_env(created.id or "")
        listed = [d.id async for d in client.deployments.list(state="running")]
        builds = await client.deployments.list_builds(created.id or "")
        instances = await client.deployments.runtime_instances.list(created.id or "")
        instance_logs = await client.deployments.runtime_instances.logs(
            created.id or "", instances[0].id or "", lines=5
        )
        proof = await client.deployments.proof(created.id or "")
        logs = await client.deployments.logs(created.id or "", lines=50)
        backup_version = (await client.deployments.versions.list(created.id or "")).items[0]
        backup = await client.deployments.versions.prepare_migration_backup(
            created.id or "", backup_version.id or "", extra={"reason": "schema change"}
        )
        renamed = await client.deployments.update(created.id or "", name="Shop API v2")
        moved = await client.deployments.move(created.id or "", target_workspace_id="ws_2")
        redeployed = await client.deployments.redeploy(created.id or "")
        stopped = await client.deployments.stop(created.id or "")
        await client.deployments.delete(created.id or "")
        with pytest.raises(NotFoundError):
            await client.deployments.get(created.id or "")

    assert created.state == "building"
    assert created.slug == "shop-api"
    assert created.linked_database_id
    assert [(v.key, v.environment) for v in env] == [("DATABASE_URL", "production")]
    assert ready.state == "running" and ready.active_version_id and ready.active_release_id
    assert created.id in listed
    assert builds[0].state == "succeeded"
    assert instances[0].state == "healthy"
    assert "instance started" in (instance_logs.logs or "")
    assert proof.ok is True and proof.next_actions == ()
    assert "build succeeded" in logs.text
    assert backup.backup is not None and backup.backup.state == "completed"
    assert backup.backup.database_id == created.linked_database_id
    assert renamed.name == "Shop API v2"
    assert moved.workspace_id == "ws_2"
    assert redeployed.state == "building"
    assert stopped.state == "stopped"


async def test_publish_promote_and_roll_back_versions_from_a_sandbox() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create(name="site")
        await sandbox.files.write("/workspace/dist/index.html", "<h1>hi</h1>")
        deployment = await client.deployments.create(name="site")
        proof_before = await client.deployments.proof(deployment.id or "")
        with pytest.raises(ConflictError):
            await client.deployments.redeploy(deployment.id or "")
        first = await client.deployments.publish(
            deployment.id or "", source_sandbox_id=sandbox.id, output_path="dist", promote=True
        )
        second = await client.deployments.publish(deployment.id or "", source_sandbox_id=sandbox.id)
        assert second.version is not None and second.release is not None
        ready = await client.deployments.versions.wait_until_ready(
            deployment.id or "", second.version.id or "", timeout=5
        )
        promoted = await client.deployments.versions.promote(
            deployment.id or "", second.version.id or "", environment="production"
        )
        rolled_back = await client.deployments.rollback(deployment.id or "")
        release = await client.deployments.releases.promote(
            deployment.id or "", second.release.id or ""
        )
        releases = await client.deployments.releases.list(deployment.id or "")
        text = await client.deployments.versions.logs(
            deployment.id or "", second.version.id or "", stage="build"
        )
        with pytest.raises(ValidationError):
            await client.deployments.publish(
                deployment.id or "", source_sandbox_id=sandbox.id, output_path="missing"
            )
        with pytest.raises(ConflictError):
            await client.deployments.versions.prepare_migration_backup(
                deployment.id or "", second.version.id or ""
            )

    assert proof_before.ok is False and proof_before.next_actions
    assert first.promoted is True and first.version is not None
    assert first.version.kind == "static" and first.deployment is not None
    assert first.deployment.state == "running"
    assert second.promoted is False and second.version.version_number == 2
    assert ready.state == "ready"
    assert promoted.active_version_id == second.version.id
    assert rolled_back.active_version_id == first.version.id
    assert release.active_release_id == second.release.id
    assert len(releases) >= 3
    assert "version 2 built" in text


async def test_env_domains_connectors_database_and_metrics_of_a_deployment() -> None:
    async with LocalServer() as server, client_for(server) as client:
        deployment = await client.deployments.create(name="api")
        dep = deployment.id or ""
        env = await client.deployments.set_env(dep, env={"MODE": "prod", "DEBUG": "0"})
        database = await client.databases.create(name="main")
        attached = await client.deployments.attach_database(dep, database_id=database.id or "")
        env_after = await client.deployments.list_env(dep)
        added = await client.deployments.domains.add(dep, domain="Shop.Example.com")
        with pytest.raises(ConflictError):
            await client.deployments.domains.add(dep, domain="shop.example.com")
        verified = await client.deployments.domains.verify(dep, added.id or "")
        domains = await client.deployments.domains.list(dep, extra={"verified": "True"})
        await client.deployments.domains.delete(dep, added.id or "")

        await client.connectors.create(provider="github", value="ghp_1")
        binding = await client.deployments.connectors.attach(
            dep, "github/default", env="GITHUB_TOKEN"
        )
        with pytest.raises(ValidationError, match="mode must be a binding mode") as refused:
            await client.deployments.connectors.attach(
                dep, "github/default", env="OTHER_TOKEN", mode=""
            )
        assert refused.value.status_code == 400
        bindings = await client.deployments.connectors.list(dep)
        preflight = await client.deployments.connectors.preflight(dep)
        synced = await client.deployments.connectors.sync(dep)
        await client.deployments.connectors.detach(dep, binding.id or "")
        with pytest.raises(NotFoundError):
            await client.deployments.connectors.detach(dep, binding.id or "")

        observability = await client.deployments.observability(dep, extra={"window": "24h"})
        request_logs = await client.deployments.request_logs(dep)
        routes = await client.deployments.routes(dep)
        with pytest.raises(NotFoundError):
            await client.deployments.attach_database(dep, database_id="db_missing")

    assert {e.key for e in env} == {"MODE", "DEBUG"}
    assert attached.raw["database_id"] == database.id
    assert "DATABASE_URL" in {e.key for e in env_after}
    assert added.domain == "shop.example.com" and added.verified is False
    assert verified.verified is True
    assert [d.id for d in domains] == [added.id]
    assert binding.env_name == "GITHUB_TOKEN" and [b.id for b in bindings] == [binding.id]
    assert preflight.raw["bindings"] == 1
    assert synced.raw["synced"] == 1
    assert observability.raw["window"] == "24h"
    assert request_logs.raw["logs"] == []
    assert routes.raw["routes"] == []
