# This file was generated from
#   tests/_async/test_platform_local.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Durable operations, platform administration, integrations, provider keys and Builder
sessions end to end on the local server (`miosa.local`)."""

from __future__ import annotations

import pytest

from miosa import (
    AuthenticationError,
    ConflictError,
    Miosa,
    MiosaError,
    NotFoundError,
    ValidationError,
)
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer, api_key: str | None = None) -> Miosa:
    return Miosa(api_key=api_key or server.api_key, base_url=server.base_url)


def test_a_repository_deletion_is_an_operation_to_follow_or_cancel() -> None:
    with LocalServer() as server, client_for(server) as client:
        kept = client.forge.repositories.create(name="kept")
        cancelled_deletion = client.forge.repositories.delete(kept.id or "")
        cancelled = client.operations.cancel(cancelled_deletion.operation_id or "")
        restored = client.forge.repositories.get(kept.id or "")

        doomed = client.forge.repositories.create(name="doomed")
        deletion = client.forge.repositories.delete(doomed.id or "")
        operation_id = deletion.operation_id or ""
        first = client.operations.get(operation_id)
        with client.operations.events(operation_id) as events:
            log = [(str(e.status), e.step) for e in events]
        done = client.operations.wait_for_completion(operation_id, poll_interval=0.05)
        with pytest.raises(ConflictError) as too_late:
            client.operations.cancel(operation_id)
        with pytest.raises(NotFoundError):
            client.forge.repositories.get(doomed.id or "")
        with pytest.raises(NotFoundError):
            client.operations.get("op_missing")
    assert str(cancelled.status) == "cancelled" and cancelled.finished_at is not None
    assert restored.name == "kept"
    assert first.type == "forge.repository.delete" and first.resource_id == doomed.id
    assert str(first.status) == "pending" and first.current_step == "queued"
    assert log == [("pending", "queued"), ("running", "delete"), ("succeeded", "done")]
    assert str(done.status) == "succeeded" and done.started_at is not None
    assert too_late.value.code == "OPERATION_NOT_CANCELLABLE"


def test_an_admin_issues_working_keys_changes_users_and_queues_benchmarks() -> None:
    with LocalServer() as server, client_for(server) as client:
        key = client.admin.create_api_key(
            name="ops", tenant_id="tnt_local", user_id="usr_local_owner", key_type="admin",
            rate_limit_rpm=60, allowed_ips=["10.0.0.1"],
        )  # fmt: skip
        user_key = client.admin.create_api_key(
            name="plain", tenant_id="tnt_local", user_id="usr_local_owner"
        )
        with client_for(server, key.key) as as_admin:
            renamed = as_admin.admin.update_user(
                "usr_local_owner", {"name": "Ada", "locale": "en-GB"}
            )
        with pytest.raises(ValidationError) as bad_role:
            client.admin.update_user("usr_local_owner", {"role": "wizard"})
        with pytest.raises(ConflictError) as last_owner:
            client.admin.update_user("usr_local_owner", {"role": "member"})
        with pytest.raises(NotFoundError):
            client.admin.update_user("usr_nobody", {"name": "x"})
        with client_for(server, user_key.key) as plain:
            plain.sandboxes.list()  # the key works
        run = client.benchmarks.create(kind="cold_boot", options={"iterations": 3})
        with pytest.raises(ValidationError):
            client.benchmarks.create(kind="warp_speed")
        with client_for(server, "msk_not_a_key") as stranger:
            with pytest.raises(AuthenticationError):
                stranger.admin.update_user("usr_local_owner", {"name": "Eve"})
    assert key.key and key.key.startswith("msk_") and key.key_type == "admin"
    assert str(key.status) == "active" and key.rate_limit_rpm == 60
    assert key.allowed_ips == ("10.0.0.1",) and key.purpose == "api"
    assert renamed.name == "Ada" and renamed.raw["locale"] == "en-GB"
    assert str(renamed.role) == "owner" and renamed.tenant_id == "tnt_local"
    assert bad_role.value.code == "VALIDATION_ERROR" and last_owner.value.code == "LAST_OWNER"
    assert run.id and str(run.kind) == "cold_boot" and str(run.status) == "queued"
    assert run.options == {"iterations": 3}


def test_integrations_connect_apps_to_share_and_provider_keys_stay_masked() -> None:
    with LocalServer() as server, client_for(server) as client:
        github = client.integrations.start("github")
        linear = client.integrations.linear_start()
        with pytest.raises(NotFoundError):
            client.integrations.start("myspace")
        shared = client.connections.share_app("github", shared=True)
        unshared = client.connections.share_app("github", shared=False)
        with pytest.raises(NotFoundError):
            client.connections.share_app("slack", shared=True)

        stored = client.external_keys.create(provider="openai", key="sk-live-0123456789")
        resolved = client.external_keys.resolve("openai")
        with pytest.raises(NotFoundError):
            client.external_keys.resolve("anthropic")
        with pytest.raises(MiosaError):
            client.community.rate_template("tpl_1", rating=5)  # removed: never sent
    assert github.redirect_url and "/integrations/github/authorize?state=" in github.redirect_url
    assert github.state and github.provider == "github" and linear.provider == "linear"
    assert shared.shared is True and shared.ref == "app:github" and unshared.shared is False
    assert stored.provider == "openai" and stored.masked_key == "sk-liv...6789"
    assert resolved.masked_key == stored.masked_key and resolved.created_at is not None
    assert "0123456789" not in str(stored.raw) + str(resolved.raw)


def test_every_live_sandbox_has_a_builder_session() -> None:
    with LocalServer() as server, client_for(server) as client:
        empty = client.builder_sessions.list()
        sandbox = client.sandboxes.create(name="builder-box")
        sessions = client.builder_sessions.list()
        again = client.builder_sessions.list(extra={"resource_id": sandbox.id})
        other = client.builder_sessions.list(extra={"resource_id": "sbx_other"})
        found = client.builder_sessions.get(sessions[0].id or "")
        client.sandboxes.delete(sandbox.id)
        after = client.builder_sessions.list()
    assert empty == []
    assert [(s.title, s.resource_type, s.resource_id) for s in sessions] == [
        ("builder-box", "sandbox", sandbox.id)
    ]
    assert [s.id for s in again] == [sessions[0].id] and other == []
    assert found is not None and found.id == sessions[0].id
    assert after == []
