# This file was generated from
#   tests/_async/test_e2e_local.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""End to end against the local MIOSA server: real HTTP, real commands, real faults."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from miosa import (
    AuthenticationError,
    ConflictError,
    Miosa,
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


def client_for(server: LocalServer, **options: object) -> Miosa:
    return Miosa(api_key=server.api_key, base_url=server.base_url, **options)  # type: ignore[arg-type]


def test_exec_reports_output_exit_codes_env_and_cwd() -> None:
    with (
        LocalServer() as server,
        client_for(server) as client,
        client.sandboxes.create(env={"GREETING": "hi"}) as sandbox,
    ):
        ok = sandbox.exec.run("python3 -c 'print(1 + 1)'")
        failed = sandbox.exec.run("echo oops >&2; exit 3")
        env = sandbox.exec.run("echo $GREETING $EXTRA", env={"EXTRA": "there"})
        cwd = sandbox.exec.run("mkdir -p sub && cd sub && pwd")
    assert (ok.stdout, ok.exit_code) == ("2\n", 0)
    assert (failed.stderr, failed.exit_code) == ("oops\n", 3)
    assert env.stdout == "hi there\n"
    assert cwd.stdout.strip().endswith("/sub")


def test_create_under_injected_503s_creates_exactly_one_sandbox() -> None:
    with LocalServer() as server, client_for(server) as client:
        server.inject("POST", "/sandboxes", Fault(status=503), Fault(status=503))
        sandbox = client.sandboxes.create(name="retried")
        listed = client.sandboxes.list()
        creates = [
            r for r in server.requests if r.method == "POST" and r.path.endswith("/sandboxes")
        ]
        sandbox.destroy()
    assert [s.id for s in listed] == [sandbox.id]
    assert len(creates) == 3
    assert len({r.headers["idempotency-key"] for r in creates}) == 1


def test_a_create_whose_answer_is_lost_is_retried_into_the_same_sandbox() -> None:
    """The server creates, the connection drops before the reply: one sandbox, not two."""
    with LocalServer() as server, client_for(server) as client:
        server.inject("POST", "/sandboxes", Fault(drop_response=True))
        sandbox = client.sandboxes.create(name="lost-reply")
        listed = client.sandboxes.list()
        creates = [
            r for r in server.requests if r.method == "POST" and r.path.endswith("/sandboxes")
        ]
        sandbox.destroy()
    assert [s.id for s in listed] == [sandbox.id]
    assert [r.status for r in creates] == [None, 201]
    assert len({r.headers["idempotency-key"] for r in creates}) == 1
    assert [r.headers["x-miosa-retry-count"] for r in creates] == ["0", "1"]


def test_an_idempotency_key_replays_the_first_create() -> None:
    with LocalServer() as server, client_for(server) as client:
        first = client.sandboxes.create(name="a", idempotency_key="same-key")
        again = client.sandboxes.create(name="a", idempotency_key="same-key")
        with pytest.raises(Exception) as info:
            client.sandboxes.create(name="b", idempotency_key="same-key")
        first.destroy()
    assert again.id == first.id
    assert getattr(info.value, "status_code", None) == 409


def test_retries_give_up_with_the_last_error() -> None:
    with LocalServer() as server, client_for(server, max_retries=2) as client:
        server.inject("GET", "/sandboxes/*", *[Fault(status=502)] * 3)
        with pytest.raises(ServerError) as info:
            client.sandboxes.get("sbx_missing")
    assert info.value.attempts == 3
    assert info.value.request_id


def test_retry_after_from_the_server_is_honoured() -> None:
    with LocalServer() as server, client_for(server) as client:
        server.inject("GET", "/sandboxes", Fault(status=429, headers={"Retry-After": "0"}))
        assert client.sandboxes.list() == []


def test_a_dropped_connection_is_retried() -> None:
    with LocalServer() as server, client_for(server) as client:
        server.inject("GET", "/sandboxes", Fault(drop=True))
        assert client.sandboxes.list() == []


def test_a_malformed_success_body_is_a_response_validation_error() -> None:
    from miosa import ResponseValidationError

    with LocalServer() as server, client_for(server) as client:
        server.inject("GET", "/sandboxes", Fault(malformed=True))
        with pytest.raises(ResponseValidationError) as info:
            client.sandboxes.list()
    assert info.value.status_code == 200


def test_wrong_key_is_refused() -> None:
    with (
        LocalServer() as server,
        Miosa(api_key="msk_wrong_key_123", base_url=server.base_url) as client,
    ):
        with pytest.raises(AuthenticationError) as info:
            client.sandboxes.list()
    assert info.value.status_code == 401
    assert info.value.request_id


def test_destroyed_sandboxes_are_gone() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create()
        sandbox.destroy()
        with pytest.raises(NotFoundError):
            client.sandboxes.get(sandbox.id)


def test_destroyed_sandboxes_are_listed_with_state_destroyed() -> None:
    with LocalServer() as server, client_for(server) as client:
        kept = client.sandboxes.create(name="kept")
        gone = client.sandboxes.create(name="gone")
        gone.destroy()
        live = client.sandboxes.list()
        destroyed = client.sandboxes.list(state="destroyed")
        kept.destroy()
    assert [s.id for s in live] == [kept.id]
    assert [(s.id, s.state) for s in destroyed] == [(gone.id, "destroyed")]


@pytest.mark.parametrize("isolation", ["auto", "none"])
def test_files_env_and_processes_on_the_routes_that_exist(isolation: str) -> None:
    with (
        LocalServer(isolation=isolation) as server,  # type: ignore[arg-type]
        client_for(server) as client,
        client.sandboxes.create() as sandbox,
    ):
        files = sandbox.files
        files.write("/workspace/src/a.py", "a")
        written = files.write_files([("/workspace/src/b.py", "b"), ("c.txt", b"c")])
        assert written.ok and len(written.written) == 2
        tree = files.tree("/workspace")
        assert {n.path for n in tree.walk()} >= {"/workspace/src/a.py", "/workspace/c.txt"}
        # delete goes through exec: a directory, then a missing path.
        files.delete("/workspace/src")
        assert [e.name for e in files.list()] == ["c.txt"]
        with pytest.raises(MiosaError, match="could not delete") as missing:
            files.delete("/workspace/src")
        assert not isinstance(missing.value, NotFoundError)

        sandbox.env.set("A", "1")
        sandbox.env.replace({"A": "1", "B": "2"})
        assert {v.key: v.value for v in sandbox.env.list()} == {"A": "1", "B": "2"}
        sandbox.env.delete("A")
        assert [v.key for v in sandbox.env.list()] == ["B"]

        process = sandbox.processes.start("seq 1 300; sleep 30")
        with pytest.raises(MiosaError, match="no stdin route"):
            sandbox.processes.send_stdin(process.pid, "x")
        for _ in range(100):
            logs = sandbox.processes.logs(process.pid)
            if logs.endswith("300\n"):
                break
            sandbox.exec.run("sleep 0.05")
        assert logs.splitlines() == [str(i) for i in range(101, 301)]
        sandbox.processes.stop(process.pid)
        token = sandbox.preview_token()
        assert token.scope == "read" and token.token


def test_resources_and_a_live_vcpu_resize() -> None:
    with (
        LocalServer() as server,
        client_for(server) as client,
        client.sandboxes.create(size="medium") as sandbox,
    ):
        before = sandbox.resources()
        shrunk = sandbox.resize(cpu_count=2)
        grown = client.sandboxes.resize(sandbox.id, cpu_count=8, memory_mb=4096)
        sandbox.refresh()
    assert before.resources is not None and (before.resources.cpu, before.resources.memory_mb) == (
        4,
        8192,
    )
    assert shrunk.applied_live is True and shrunk.requires_restart is False
    assert shrunk.resources is not None and shrunk.resources.cpu == 2
    assert grown.applied_live is False and grown.requires_restart is True
    assert sandbox.cpu_count == 2


def test_quota_exceeded_is_its_own_error() -> None:
    with LocalServer() as server, client_for(server) as client:
        client.quotas.set("user_42", max_sandboxes=1)
        first = client.sandboxes.create(external_user_id="user_42")
        with pytest.raises(QuotaExceededError):
            client.sandboxes.create(external_user_id="user_42")
        other = client.sandboxes.create(external_user_id="user_7")
        first.destroy()
        other.destroy()


def test_path_traversal_is_refused() -> None:
    with (
        LocalServer() as server,
        client_for(server) as client,
        client.sandboxes.create() as sandbox,
    ):
        sandbox.exec.run("ln -s /etc outside")
        # The server refuses paths outside /workspace, symlinks included ...
        for path in ("/etc/passwd", "/workspace/outside/passwd"):
            with pytest.raises((ValidationError, NotFoundError)):
                sandbox.files.read(path)
        # ... and `..` never leaves the SDK.
        for path in ("/workspace/../../etc/passwd", "../etc/passwd"):
            with pytest.raises(ValueError):
                sandbox.files.read(path)


def test_a_50_mb_binary_file_round_trips() -> None:
    payload = os.urandom(50 * 1024 * 1024)
    with (
        LocalServer() as server,
        client_for(server, timeout=120) as client,
        client.sandboxes.create() as sandbox,
    ):
        sandbox.files.write("/workspace/blob.bin", payload)
        back = sandbox.files.read("/workspace/blob.bin")
        size = sandbox.exec.run("wc -c < /workspace/blob.bin")
    assert back == payload
    assert int(size.stdout) == len(payload)


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap (bwrap) is not installed")
def test_commands_run_isolated_under_bubblewrap() -> None:
    with (
        LocalServer(isolation="bwrap") as server,
        client_for(server) as client,
        client.sandboxes.create() as sandbox,
    ):
        where = sandbox.exec.run("pwd")
        host_write = sandbox.exec.run("touch /usr/miosa-escape")
    assert where.stdout.strip() == "/workspace"
    assert host_write.exit_code != 0
    assert not Path("/usr/miosa-escape").exists()


def test_webhook_deliveries_verify_with_the_returned_secret() -> None:
    with WebhookReceiver() as receiver:
        with LocalServer() as server, client_for(server) as client:
            hook = client.webhooks.create(
                url=receiver.url, events=["sandbox.created", "sandbox.destroyed"]
            )
            assert hook.secret
            sandbox = client.sandboxes.create()
            sandbox.destroy()
            deliveries = receiver.wait_for(2)
    assert len(deliveries) >= 2
    events = [webhooks.verify(body, headers, hook.secret) for headers, body in deliveries]
    assert {e.type for e in events} >= {"sandbox.created", "sandbox.destroyed"}
    created = next(e for e in events if e.type == "sandbox.created")
    assert created.data.get("id") == sandbox.id
    tampered = deliveries[0][1].replace(b"sandbox", b"sandbux")
    assert not webhooks.is_valid(tampered, deliveries[0][0], hook.secret)
    assert json.loads(deliveries[0][1])["type"] in {"sandbox.created", "sandbox.destroyed"}


def test_credits_report_whole_credits_after_a_sandbox_ran() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create()
        sandbox.exec.run("sleep 0.3")
        sandbox.destroy()
        balance = client.credits.balance()
        usage = client.credits.usage()
    assert type(balance.balance_credits) is int and balance.balance == balance.balance_credits
    assert balance.lifetime_spent is not None and balance.lifetime_spent >= 1
    assert balance.balance_credits == (balance.lifetime_earned or 0) - balance.lifetime_spent
    assert usage.total is not None and usage.total == usage.total_credits


def test_api_keys_get_update_rotate_events_and_presets() -> None:
    with LocalServer() as server, client_for(server) as client:
        key = client.api_keys.create("ci", scopes=["sandboxes:read"])
        assert key.id is not None and key.secret is not None
        fetched = client.api_keys.get(key.id)
        renamed = client.api_keys.update(key.id, name="ci-2", scopes=["sandboxes:*"])
        rotated = client.api_keys.rotate(key.id)
        old = Miosa(api_key=key.secret, base_url=server.base_url, max_retries=0)
        with old:
            with pytest.raises(AuthenticationError):
                old.credits.balance()
        events = client.api_keys.events(key.id, event_type="rotated")
        preset = client.api_keys.create_preset(name="ops", scopes=["sandboxes:*"])
        presets = client.api_keys.presets()
        client.api_keys.delete_preset("ops")
        with pytest.raises(NotFoundError):
            client.api_keys.delete_preset("ops")
    assert fetched.id == key.id and fetched.secret is None and fetched.status == "active"
    assert (renamed.name, renamed.scopes) == ("ci-2", ("sandboxes:*",))
    assert rotated.secret is not None and rotated.secret != key.secret
    assert [e.type for e in events] == ["rotated"]
    assert preset.name == "ops" and preset.built_in is False
    assert "ops" in {p.name for p in presets}


def test_an_event_stream_resumes_after_a_mid_stream_drop_without_duplicates() -> None:
    from miosa.types import SandboxExecuted

    with LocalServer(heartbeat_interval=0.2) as server, client_for(server) as client:
        sandbox = client.sandboxes.create()
        for i in range(3):
            sandbox.exec.run(f"echo run{i}")
        server.inject("GET", "/sandboxes/*/events", Fault(drop_after_events=2))
        seen: list[tuple[str | None, str]] = []
        commands: list[str] = []
        with sandbox.events.stream(timeout=20) as events:
            for event in events:
                seen.append((event.id, event.type))
                if isinstance(event, SandboxExecuted):
                    commands.append(str(event.data.get("command")))
                if len(commands) == 3:
                    break
        opens = [r for r in server.requests if r.path.endswith("/events")]
        sandbox.destroy()
    ids = [event_id for event_id, _ in seen]
    assert len(ids) == len(set(ids)), f"duplicates after the resume: {seen}"
    assert ids == sorted(ids, key=int), f"a gap or reorder after the resume: {seen}"
    assert commands == ["echo run0", "echo run1", "echo run2"]
    assert len(opens) >= 2
    assert opens[1].headers.get("last-event-id") == ids[1]


def test_a_background_process_streams_its_output_and_stops() -> None:
    from miosa.types import ExecStdout

    with (
        LocalServer() as server,
        client_for(server) as client,
        client.sandboxes.create() as sandbox,
    ):
        process = sandbox.processes.start(
            "for i in 1 2 3; do echo line$i; sleep 0.05; done; sleep 30", name="ticker"
        )
        lines: list[str] = []
        with sandbox.processes.stream(process.pid, timeout=20) as output:
            for chunk in output:
                if isinstance(chunk, ExecStdout):
                    lines.append(chunk.line)
                if len(lines) == 3:
                    break
        running = sandbox.processes.get(process.pid)
        sandbox.processes.stop(process.pid)
        stopped = sandbox.processes.get(process.pid)
    assert lines == ["line1", "line2", "line3"]
    assert running.status == "running"
    assert stopped.status != "running"


def test_tenant_policy_members_and_scoped_admin_events() -> None:
    with LocalServer() as server, client_for(server) as client:
        assert client.tenant.policy.get() == {}
        policy = {"lifecycle": {"default_idle_timeout_sec": 600}}
        assert client.tenant.policy.set(policy) == policy
        assert client.tenant.policy.get() == policy
        client.tenant.policy.delete()
        assert client.tenant.policy.get() == {}

        invited = client.tenant.members.invite(email="Ann@Acme.dev", role="member")
        assert invited.id is not None and invited.status == "invited"
        promoted = client.tenant.members.update_role(invited.id, role="admin")
        owners = [m for m in client.tenant.members.list() if m.role == "owner"]
        assert len(owners) == 1 and owners[0].id is not None
        with pytest.raises(ConflictError):
            client.tenant.members.remove(owners[0].id)
        client.tenant.members.remove(invited.id)
        assert [m.id for m in client.tenant.members.list()] == [owners[0].id]

        with client.tenant.events.stream(
            types=["sandbox.created"], external_user_id="alice", idle_timeout=5
        ) as events:
            client.sandboxes.create(external_user_id="bob")
            mine = client.sandboxes.create(external_user_id="alice")
            seen = []
            for event in events:
                seen.append(event)
                break
        with pytest.raises(ValidationError):
            with client.tenant.events.stream(scope="planet:mars"):
                pass
    assert promoted.role == "admin"
    assert [(e.type, e.sandbox_id) for e in seen] == [("sandbox.created", mine.id)]
