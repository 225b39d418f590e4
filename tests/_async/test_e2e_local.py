"""End to end against the local MIOSA server: real HTTP, real commands, real faults."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from miosa import (
    AsyncMiosa,
    AuthenticationError,
    ConflictError,
    MiosaError,
    NotFoundError,
    QuotaExceededError,
    ServerError,
    ValidationError,
    webhooks,
)
from miosa.local import Fault, LocalServer
from tests.receiver import WebhookReceiver

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer, **options: object) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url, **options)  # type: ignore[arg-type]


async def test_exec_reports_output_exit_codes_env_and_cwd() -> None:
    async with (
        LocalServer() as server,
        client_for(server) as client,
        await client.sandboxes.create(env={"GREETING": "hi"}) as sandbox,
    ):
        ok = await sandbox.exec.run("python3 -c 'print(1 + 1)'")
        failed = await sandbox.exec.run("echo oops >&2; exit 3")
        env = await sandbox.exec.run("echo $GREETING $EXTRA", env={"EXTRA": "there"})
        cwd = await sandbox.exec.run("mkdir -p sub && cd sub && pwd")
    assert (ok.stdout, ok.exit_code) == ("2\n", 0)
    assert (failed.stderr, failed.exit_code) == ("oops\n", 3)
    assert env.stdout == "hi there\n"
    assert cwd.stdout.strip().endswith("/sub")


async def test_create_under_injected_503s_creates_exactly_one_sandbox() -> None:
    async with LocalServer() as server, client_for(server) as client:
        server.inject("POST", "/sandboxes", Fault(status=503), Fault(status=503))
        sandbox = await client.sandboxes.create(name="retried")
        listed = await client.sandboxes.list()
        creates = [
            r for r in server.requests if r.method == "POST" and r.path.endswith("/sandboxes")
        ]
        await sandbox.destroy()
    assert [s.id for s in listed] == [sandbox.id]
    assert len(creates) == 3
    assert len({r.headers["idempotency-key"] for r in creates}) == 1


async def test_a_create_whose_answer_is_lost_is_retried_into_the_same_sandbox() -> None:
    """The server creates, the connection drops before the reply: one sandbox, not two."""
    async with LocalServer() as server, client_for(server) as client:
        server.inject("POST", "/sandboxes", Fault(drop_response=True))
        sandbox = await client.sandboxes.create(name="lost-reply")
        listed = await client.sandboxes.list()
        creates = [
            r for r in server.requests if r.method == "POST" and r.path.endswith("/sandboxes")
        ]
        await sandbox.destroy()
    assert [s.id for s in listed] == [sandbox.id]
    assert [r.status for r in creates] == [None, 201]
    assert len({r.headers["idempotency-key"] for r in creates}) == 1
    assert [r.headers["x-miosa-retry-count"] for r in creates] == ["0", "1"]


async def test_an_idempotency_key_replays_the_first_create() -> None:
    async with LocalServer() as server, client_for(server) as client:
        first = await client.sandboxes.create(name="a", idempotency_key="same-key")
        again = await client.sandboxes.create(name="a", idempotency_key="same-key")
        with pytest.raises(Exception) as info:
            await client.sandboxes.create(name="b", idempotency_key="same-key")
        await first.destroy()
    assert again.id == first.id
    assert getattr(info.value, "status_code", None) == 409


async def test_retries_give_up_with_the_last_error() -> None:
    async with LocalServer() as server, client_for(server, max_retries=2) as client:
        server.inject("GET", "/sandboxes/*", *[Fault(status=502)] * 3)
        with pytest.raises(ServerError) as info:
            await client.sandboxes.get("sbx_missing")
    assert info.value.attempts == 3
    assert info.value.request_id


async def test_retry_after_from_the_server_is_honoured() -> None:
    async with LocalServer() as server, client_for(server) as client:
        server.inject("GET", "/sandboxes", Fault(status=429, headers={"Retry-After": "0"}))
        assert await client.sandboxes.list() == []


async def test_a_dropped_connection_is_retried() -> None:
    async with LocalServer() as server, client_for(server) as client:
        server.inject("GET", "/sandboxes", Fault(drop=True))
        assert await client.sandboxes.list() == []


async def test_a_malformed_success_body_is_a_response_validation_error() -> None:
    from miosa import ResponseValidationError

    async with LocalServer() as server, client_for(server) as client:
        server.inject("GET", "/sandboxes", Fault(malformed=True))
        with pytest.raises(ResponseValidationError) as info:
            await client.sandboxes.list()
    assert info.value.status_code == 200


async def test_wrong_key_is_refused() -> None:
    async with (
        LocalServer() as server,
        AsyncMiosa(api_key="msk_wrong_key_123", base_url=server.base_url) as client,
    ):
        with pytest.raises(AuthenticationError) as info:
            await client.sandboxes.list()
    assert info.value.status_code == 401
    assert info.value.request_id


async def test_destroyed_sandboxes_are_gone() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        await sandbox.destroy()
        with pytest.raises(NotFoundError):
            await client.sandboxes.get(sandbox.id)


async def test_destroyed_sandboxes_are_listed_with_state_destroyed() -> None:
    async with LocalServer() as server, client_for(server) as client:
        kept = await client.sandboxes.create(name="kept")
        gone = await client.sandboxes.create(name="gone")
        await gone.destroy()
        live = await client.sandboxes.list()
        destroyed = await client.sandboxes.list(state="destroyed")
        await kept.destroy()
    assert [s.id for s in live] == [kept.id]
    assert [(s.id, s.state) for s in destroyed] == [(gone.id, "destroyed")]


@pytest.mark.parametrize("isolation", ["auto", "none"])
async def test_files_env_and_processes_on_the_routes_that_exist(isolation: str) -> None:
    async with (
        LocalServer(isolation=isolation) as server,  # type: ignore[arg-type]
        client_for(server) as client,
        await client.sandboxes.create() as sandbox,
    ):
        files = sandbox.files
        await files.write("/workspace/src/a.py", "a")
        written = await files.write_files([("/workspace/src/b.py", "b"), ("c.txt", b"c")])
        assert written.ok and len(written.written) == 2
        tree = await files.tree("/workspace")
        assert {n.path for n in tree.walk()} >= {"/workspace/src/a.py", "/workspace/c.txt"}
        # delete goes through exec: a directory, then a missing path.
        await files.delete("/workspace/src")
        assert [e.name for e in await files.list()] == ["c.txt"]
        with pytest.raises(MiosaError, match="could not delete") as missing:
            await files.delete("/workspace/src")
        assert not isinstance(missing.value, NotFoundError)

        await sandbox.env.set("A", "1")
        await sandbox.env.replace({"A": "1", "B": "2"})
        assert {v.key: v.value for v in await sandbox.env.list()} == {"A": "1", "B": "2"}
        await sandbox.env.delete("A")
        assert [v.key for v in await sandbox.env.list()] == ["B"]

        process = await sandbox.processes.start("seq 1 300; sleep 30")
        with pytest.raises(MiosaError, match="no stdin route"):
            await sandbox.processes.send_stdin(process.pid, "x")
        for _ in range(100):
            logs = await sandbox.processes.logs(process.pid)
            if logs.endswith("300\n"):
                break
            await sandbox.exec.run("sleep 0.05")
        assert logs.splitlines() == [str(i) for i in range(101, 301)]
        await sandbox.processes.stop(process.pid)
        token = await sandbox.preview_token()
        assert token.scope == "read" and token.token


async def test_resources_and_a_live_vcpu_resize() -> None:
    async with (
        LocalServer() as server,
        client_for(server) as client,
        await client.sandboxes.create(size="medium") as sandbox,
    ):
        before = await sandbox.resources()
        shrunk = await sandbox.resize(cpu_count=2)
        grown = await client.sandboxes.resize(sandbox.id, cpu_count=8, memory_mb=4096)
        await sandbox.refresh()
    assert before.resources is not None and (before.resources.cpu, before.resources.memory_mb) == (
        4,
        8192,
    )
    assert shrunk.applied_live is True and shrunk.requires_restart is False
    assert shrunk.resources is not None and shrunk.resources.cpu == 2
    assert grown.applied_live is False and grown.requires_restart is True
    assert sandbox.cpu_count == 2


async def test_quota_exceeded_is_its_own_error() -> None:
    async with LocalServer() as server, client_for(server) as client:
        await client.quotas.set("user_42", max_sandboxes=1)
        first = await client.sandboxes.create(external_user_id="user_42")
        with pytest.raises(QuotaExceededError):
            await client.sandboxes.create(external_user_id="user_42")
        other = await client.sandboxes.create(external_user_id="user_7")
        await first.destroy()
        await other.destroy()


async def test_path_traversal_is_refused() -> None:
    async with (
        LocalServer() as server,
        client_for(server) as client,
        await client.sandboxes.create() as sandbox,
    ):
        await sandbox.exec.run("ln -s /etc outside")
        # The server refuses paths outside /workspace, symlinks included ...
        for path in ("/etc/passwd", "/workspace/outside/passwd"):
            with pytest.raises((ValidationError, NotFoundError)):
                await sandbox.files.read(path)
        # ... and `..` never leaves the SDK.
        for path in ("/workspace/../../etc/passwd", "../etc/passwd"):
            with pytest.raises(ValueError):
                await sandbox.files.read(path)


async def test_a_50_mb_binary_file_round_trips() -> None:
    payload = os.urandom(50 * 1024 * 1024)
    async with (
        LocalServer() as server,
        client_for(server, timeout=120) as client,
        await client.sandboxes.create() as sandbox,
    ):
        await sandbox.files.write("/workspace/blob.bin", payload)
        back = await sandbox.files.read("/workspace/blob.bin")
        size = await sandbox.exec.run("wc -c < /workspace/blob.bin")
    assert back == payload
    assert int(size.stdout) == len(payload)


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap (bwrap) is not installed")
async def test_commands_run_isolated_under_bubblewrap() -> None:
    async with (
        LocalServer(isolation="bwrap") as server,
        client_for(server) as client,
        await client.sandboxes.create() as sandbox,
    ):
        where = await sandbox.exec.run("pwd")
        host_write = await sandbox.exec.run("touch /usr/miosa-escape")
    assert where.stdout.strip() == "/workspace"
    assert host_write.exit_code != 0
    assert not Path("/usr/miosa-escape").exists()  # noqa: ASYNC240 - a one-off check


async def test_webhook_deliveries_verify_with_the_returned_secret() -> None:
    with WebhookReceiver() as receiver:
        async with LocalServer() as server, client_for(server) as client:
            hook = await client.webhooks.create(
                url=receiver.url, events=["sandbox.created", "sandbox.destroyed"]
            )
            assert hook.secret
            sandbox = await client.sandboxes.create()
            await sandbox.destroy()
            deliveries = receiver.wait_for(2)
    assert len(deliveries) >= 2
    events = [webhooks.verify(body, headers, hook.secret) for headers, body in deliveries]
    assert {e.type for e in events} >= {"sandbox.created", "sandbox.destroyed"}
    created = next(e for e in events if e.type == "sandbox.created")
    assert created.data.get("id") == sandbox.id
    tampered = deliveries[0][1].replace(b"sandbox", b"sandbux")
    assert not webhooks.is_valid(tampered, deliveries[0][0], hook.secret)
    assert json.loads(deliveries[0][1])["type"] in {"sandbox.created", "sandbox.destroyed"}


async def test_credits_report_whole_credits_after_a_sandbox_ran() -> None:
    async with LocalServer() as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        await sandbox.exec.run("sleep 0.3")
        await sandbox.destroy()
        balance = await client.credits.balance()
        usage = await client.credits.usage()
    assert type(balance.balance_credits) is int and balance.balance == balance.balance_credits
    assert balance.lifetime_spent is not None and balance.lifetime_spent >= 1
    assert balance.balance_credits == (balance.lifetime_earned or 0) - balance.lifetime_spent
    assert usage.total is not None and usage.total == usage.total_credits


async def test_api_keys_get_update_rotate_events_and_presets() -> None:
    async with LocalServer() as server, client_for(server) as client:
        key = await client.api_keys.create("ci", scopes=["sandboxes:read"])
        assert key.id is not None and key.secret is not None
        fetched = await client.api_keys.get(key.id)
        renamed = await client.api_keys.update(key.id, name="ci-2", scopes=["sandboxes:*"])
        rotated = await client.api_keys.rotate(key.id)
        old = AsyncMiosa(api_key=key.secret, base_url=server.base_url, max_retries=0)
        async with old:
            with pytest.raises(AuthenticationError):
                await old.credits.balance()
        events = await client.api_keys.events(key.id, event_type="rotated")
        preset = await client.api_keys.create_preset(name="ops", scopes=["sandboxes:*"])
        presets = await client.api_keys.presets()
        await client.api_keys.delete_preset("ops")
        with pytest.raises(NotFoundError):
            await client.api_keys.delete_preset("ops")
    assert fetched.id == key.id and fetched.secret is None and fetched.status == "active"
    assert (renamed.name, renamed.scopes) == ("ci-2", ("sandboxes:*",))
    assert rotated.secret is not None and rotated.secret != key.secret
    assert [e.type for e in events] == ["rotated"]
    assert preset.name == "ops" and preset.built_in is False
    assert "ops" in {p.name for p in presets}


async def test_an_event_stream_resumes_after_a_mid_stream_drop_without_duplicates() -> None:
    from miosa.types import SandboxExecuted

    async with LocalServer(heartbeat_interval=0.2) as server, client_for(server) as client:
        sandbox = await client.sandboxes.create()
        for i in range(3):
            await sandbox.exec.run(f"echo run{i}")
        server.inject("GET", "/sandboxes/*/events", Fault(drop_after_events=2))
        seen: list[tuple[str | None, str]] = []
        commands: list[str] = []
        async with sandbox.events.stream(timeout=20) as events:
            async for event in events:
                seen.append((event.id, event.type))
                if isinstance(event, SandboxExecuted):
                    commands.append(str(event.data.get("command")))
                if len(commands) == 3:
                    break
        opens = [r for r in server.requests if r.path.endswith("/events")]
        await sandbox.destroy()
    ids = [event_id for event_id, _ in seen]
    assert len(ids) == len(set(ids)), f"duplicates after the resume: {seen}"
    assert ids == sorted(ids, key=int), f"a gap or reorder after the resume: {seen}"
    assert commands == ["echo run0", "echo run1", "echo run2"]
    assert len(opens) >= 2
    assert opens[1].headers.get("last-event-id") == ids[1]


async def test_a_background_process_streams_its_output_and_stops() -> None:
    from miosa.types import ExecStdout

    async with (
        LocalServer() as server,
        client_for(server) as client,
        await client.sandboxes.create() as sandbox,
    ):
        process = await sandbox.processes.start(
            "for i in 1 2 3; do echo line$i; sleep 0.05; done; sleep 30", name="ticker"
        )
        lines: list[str] = []
        async with sandbox.processes.stream(process.pid, timeout=20) as output:
            async for chunk in output:
                if isinstance(chunk, ExecStdout):
                    lines.append(chunk.line)
                if len(lines) == 3:
                    break
        running = await sandbox.processes.get(process.pid)
        await sandbox.processes.stop(process.pid)
        stopped = await sandbox.processes.get(process.pid)
    assert lines == ["line1", "line2", "line3"]
    assert running.status == "running"
    assert stopped.status != "running"


async def test_tenant_policy_members_and_scoped_admin_events() -> None:
    async with LocalServer() as server, client_for(server) as client:
        assert await client.tenant.policy.get() == {}
        policy = {"lifecycle": {"default_idle_timeout_sec": 600}}
        assert await client.tenant.policy.set(policy) == policy
        assert await client.tenant.policy.get() == policy
        await client.tenant.policy.delete()
        assert await client.tenant.policy.get() == {}

        invited = await client.tenant.members.invite(email="Ann@Acme.dev", role="member")
        assert invited.id is not None and invited.status == "invited"
        promoted = await client.tenant.members.update_role(invited.id, role="admin")
        owners = [m for m in await client.tenant.members.list() if m.role == "owner"]
        assert len(owners) == 1 and owners[0].id is not None
        with pytest.raises(ConflictError):
            await client.tenant.members.remove(owners[0].id)
        await client.tenant.members.remove(invited.id)
        assert [m.id for m in await client.tenant.members.list()] == [owners[0].id]

        async with client.tenant.events.stream(
            types=["sandbox.created"], external_user_id="alice", idle_timeout=5
        ) as events:
            await client.sandboxes.create(external_user_id="bob")
            mine = await client.sandboxes.create(external_user_id="alice")
            seen = []
            async for event in events:
                seen.append(event)
                break
        with pytest.raises(ValidationError):
            async with client.tenant.events.stream(scope="planet:mars"):
                pass
    assert promoted.role == "admin"
    assert [(e.type, e.sandbox_id) for e in seen] == [("sandbox.created", mine.id)]
