# This file was generated from
#   tests/_async/test_deployments_local.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Deployments end to end on the local server (`miosa.local`): a repo deployment builds and
goes live, a sandbox publish makes versions to promote and roll back, and the env, domains,
connector bindings, linked database and observation routes answer in the SDK's models."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> Miosa:
    return Miosa(api_key=server.api_key, base_url=server.base_url)


def test_a_repo_deployment_builds_goes_live_and_stops() -> None:
    with LocalServer() as server, client_for(server) as client:
        created = client.deployments.create(
            name="Shop API",
            repo_url="https://github.com/acme/shop",
            branch="main",
            run_command="node server.js",
            database={"engine": "postgresql", "size": "small"},
            metadata={"team": "web"},
        )
        ready = client.deployments.wait_until_ready(created.id or "", timeout=5)
        env = client.deployments.list_env(created.id or "")
        listed = [d.id for d in client.deployments.list(state="running")]
        builds = client.deployments.list_builds(created.id or "")
        instances = client.deployments.runtime_instances.list(created.id or "")
        instance_logs = client.deployments.runtime_instances.logs(
            created.id or "", instances[0].id or "", lines=5
        )
        proof = client.deployments.proof(created.id or "")
        logs = client.deployments.logs(created.id or "", lines=50)
        backup_version = (client.deployments.versions.list(created.id or "")).items[0]
        backup = client.deployments.versions.prepare_migration_backup(
            created.id or "", backup_version.id or "", extra={"reason": "schema change"}
        )
        renamed = client.deployments.update(created.id or "", name="Shop API v2")
        moved = client.deployments.move(created.id or "", target_workspace_id="ws_2")
        redeployed = client.deployments.redeploy(created.id or "")
        stopped = client.deployments.stop(created.id or "")
        client.deployments.delete(created.id or "")
        with pytest.raises(NotFoundError):
            client.deployments.get(created.id or "")

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


def test_publish_promote_and_roll_back_versions_from_a_sandbox() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create(name="site")
        sandbox.files.write("/workspace/dist/index.html", "<h1>hi</h1>")
        deployment = client.deployments.create(name="site")
        proof_before = client.deployments.proof(deployment.id or "")
        with pytest.raises(ConflictError):
            client.deployments.redeploy(deployment.id or "")
        first = client.deployments.publish(
            deployment.id or "", source_sandbox_id=sandbox.id, output_path="dist", promote=True
        )
        second = client.deployments.publish(deployment.id or "", source_sandbox_id=sandbox.id)
        assert second.version is not None and second.release is not None
        ready = client.deployments.versions.wait_until_ready(
            deployment.id or "", second.version.id or "", timeout=5
        )
        promoted = client.deployments.versions.promote(
            deployment.id or "", second.version.id or "", environment="production"
        )
        rolled_back = client.deployments.rollback(deployment.id or "")
        release = client.deployments.releases.promote(deployment.id or "", second.release.id or "")
        releases = client.deployments.releases.list(deployment.id or "")
        text = client.deployments.versions.logs(
            deployment.id or "", second.version.id or "", stage="build"
        )
        with pytest.raises(ValidationError):
            client.deployments.publish(
                deployment.id or "", source_sandbox_id=sandbox.id, output_path="missing"
            )
        with pytest.raises(ConflictError):
            client.deployments.versions.prepare_migration_backup(
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


def test_env_domains_connectors_database_and_metrics_of_a_deployment() -> None:
    with LocalServer() as server, client_for(server) as client:
        deployment = client.deployments.create(name="api")
        dep = deployment.id or ""
        env = client.deployments.set_env(dep, env={"MODE": "prod", "DEBUG": "0"})
        database = client.databases.create(name="main")
        attached = client.deployments.attach_database(dep, database_id=database.id or "")
        env_after = client.deployments.list_env(dep)
        added = client.deployments.domains.add(dep, domain="Shop.Example.com")
        with pytest.raises(ConflictError):
            client.deployments.domains.add(dep, domain="shop.example.com")
        verified = client.deployments.domains.verify(dep, added.id or "")
        domains = client.deployments.domains.list(dep, extra={"verified": "True"})
        client.deployments.domains.delete(dep, added.id or "")

        client.connectors.create(provider="github", value="ghp_1")
        binding = client.deployments.connectors.attach(dep, "github/default", env="GITHUB_TOKEN")
        with pytest.raises(ValidationError, match="mode must be a binding mode") as refused:
            client.deployments.connectors.attach(dep, "github/default", env="OTHER_TOKEN", mode="")
        assert refused.value.status_code == 400
        bindings = client.deployments.connectors.list(dep)
        preflight = client.deployments.connectors.preflight(dep)
        synced = client.deployments.connectors.sync(dep)
        client.deployments.connectors.detach(dep, binding.id or "")
        with pytest.raises(NotFoundError):
            client.deployments.connectors.detach(dep, binding.id or "")

        observability = client.deployments.observability(dep, extra={"window": "24h"})
        request_logs = client.deployments.request_logs(dep)
        routes = client.deployments.routes(dep)
        with pytest.raises(NotFoundError):
            client.deployments.attach_database(dep, database_id="db_missing")

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
