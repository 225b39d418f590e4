"""Durable operations, platform administration, integrations, provider keys and Builder
sessions end to end on the local server (`miosa.local`)."""

from __future__ import annotations

import pytest

from miosa import (
    AsyncMiosa,
    AuthenticationError,
    ConflictError,
    MiosaError,
    NotFoundError,
    ValidationError,
)
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer, api_key: str | None = None) -> AsyncMiosa:
    return AsyncMiosa(api_key=api_key or server.api_key, base_url=server.base_url)


async def test_a_repository_deletion_is_an_operation_to_follow_or_cancel() -> None:
    async with LocalServer() as server, client_for(server) as client:
        kept = await client.forge.repositories.create(name="kept")
        cancelled_deletion = await client.forge.repositories.delete(kept.id or "")
        cancelled = await client.operations.cancel(cancelled_deletion.operation_id or "")
        restored = await client.forge.repositories.get(kept.id or "")

        doomed = await client.forge.repositories.create(name="doomed")
        deletion = await client.forge.repositories.delete(doomed.id or "")
        operation_id = deletion.operation_id or ""
        first = await client.operations.get(operation_id)
        async with client.operations.events(operation_id) as events:
            log = [(str(e.status), e.step) async for e in events]
        done = await client.operations.wait_for_completion(operation_id, poll_interval=0.05)
        with pytest.raises(ConflictError) as too_late:
            await client.operations.cancel(operation_id)
        with pytest.raises(NotFoundError):
            await client.forge.repositories.get(doomed.id or "")
        with pytest.raises(NotFoundError):
            await client.operations.get("op_missing")
    assert str(cancelled.status) == "cancelled" and cancelled.finished_at is not None
    assert restored.name == "kept"
    assert first.type == "forge.repository.delete" and first.resource_id == doomed.id
    assert str(first.status) == "pending" and first.current_step == "queued"
    assert log == [("pending", "queued"), ("running", "delete"), ("succeeded", "done")]
    assert str(done.status) == "succeeded" and done.started_at is not None
    assert too_late.value.code == "OPERATION_NOT_CANCELLABLE"


async def test_an_admin_issues_working_keys_changes_users_and_queues_benchmarks() -> None:
    async with LocalServer() as server, client_for(server) as client:
        key = await client.admin.create_api_key(
            name="ops", tenant_id="tnt_local", user_id="usr_local_owner", key_type="admin",
            rate_limit_rpm=60, allowed_ips=["10.0.0.1"],
        )  # fmt: skip
        user_key = await client.admin.create_api_key(
            name="plain", tenant_id="tnt_local", user_id="usr_local_owner"
        )
        async with client_for(server, key.key) as as_admin:
            renamed = await as_admin.admin.update_user(
                "usr_local_owner", {"name": "Ada", "locale": "en-GB"}
            )
        with pytest.raises(ValidationError) as bad_role:
            await client.admin.update_user("usr_local_owner", {"role": "wizard"})
        with pytest.raises(ConflictError) as last_owner:
            await client.admin.update_user("usr_local_owner", {"role": "member"})
        with pytest.raises(NotFoundError):
            await client.admin.update_user("usr_nobody", {"name": "x"})
        async with client_for(server, user_key.key) as plain:
            await plain.sandboxes.list()  # the key works
        run = await client.benchmarks.create(kind="cold_boot", options={"iterations": 3})
        with pytest.raises(ValidationError):
            await client.benchmarks.create(kind="warp_speed")
        async with client_for(server, "msk_not_a_key") as stranger:
            with pytest.raises(AuthenticationError):
                await stranger.admin.update_user("usr_local_owner", {"name": "Eve"})
    assert key.key and key.key.startswith("msk_") and key.key_type == "admin"
    assert str(key.status) == "active" and key.rate_limit_rpm == 60
    assert key.allowed_ips == ("10.0.0.1",) and key.purpose == "api"
    assert renamed.name == "Ada" and renamed.raw["locale"] == "en-GB"
    assert str(renamed.role) == "owner" and renamed.tenant_id == "tnt_local"
    assert bad_role.value.code == "VALIDATION_ERROR" and last_owner.value.code == "LAST_OWNER"
    assert run.id and str(run.kind) == "cold_boot" and str(run.status) == "queued"
    assert run.options == {"iterations": 3}


async def test_integrations_connect_apps_to_share_and_provider_keys_stay_masked() -> None:
    async with LocalServer() as server, client_for(server) as client:
        github = await client.integrations.start("github")
        linear = await client.integrations.linear_start()
        with pytest.raises(NotFoundError):
            await client.integrations.start("myspace")
        shared = await client.connections.share_app("github", shared=True)
        unshared = await client.connections.share_app("github", shared=False)
        with pytest.raises(NotFoundError):
            await client.connections.share_app("slack", shared=True)

        stored = await client.external_keys.create(provider="openai", key="sk-live-0123456789")
        resolved = await client.external_keys.resolve("openai")
        with pytest.raises(NotFoundError):
            await client.external_keys.resolve("anthropic")
        with pytest.raises(MiosaError):
            await client.community.rate_template("tpl_1", rating=5)  # removed: never sent
    assert github.redirect_url and "/integrations/github/authorize?state=" in github.redirect_url
    assert github.state and github.provider == "github" and linear.provider == "linear"
    assert shared.shared is True and shared.ref == "app:github" and unshared.shared is False
    assert stored.provider == "openai" and stored.masked_key == "sk-liv...6789"
    assert resolved.masked_key == stored.masked_key and resolved.created_at is not None
    assert "0123456789" not in str(stored.raw) + str(resolved.raw)


async def test_every_live_sandbox_has_a_builder_session() -> None:
    async with LocalServer() as server, client_for(server) as client:
        empty = await client.builder_sessions.list()
        sandbox = await client.sandboxes.create(name="builder-box")
        sessions = await client.builder_sessions.list()
        again = await client.builder_sessions.list(extra={"resource_id": sandbox.id})
        other = await client.builder_sessions.list(extra={"resource_id": "sbx_other"})
        found = await client.builder_sessions.get(sessions[0].id or "")
        await client.sandboxes.delete(sandbox.id)
        after = await client.builder_sessions.list()
    assert empty == []
    assert [(s.title, s.resource_type, s.resource_id) for s in sessions] == [
        ("builder-box", "sandbox", sandbox.id)
    ]
    assert [s.id for s in again] == [sessions[0].id] and other == []
    assert found is not None and found.id == sessions[0].id
    assert after == []
