"""OpenComputers hosts end to end on the local server (`miosa.local`): jobs, files, SSH
keys, secrets, tickets, agents, clusters, app installs, GitHub Actions runners,
workspaces, and revoking a host. Jobs and agents are simulated (nothing runs); the rest
is kept by the server and read back."""

from __future__ import annotations

import httpx
import pytest

from miosa import AsyncMiosa, ConflictError, NotFoundError, UnsupportedRouteError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")

HOST = "host_laptop"
KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIHiMxyPP198genayr2Y5w7CXiab4lKTbPZG3e/PujHm dev@laptop"
KEY_FINGERPRINT = "SHA256:THnRp2r2shq89q2KhAkzQDVrcd07GMWLgaFcMsTnwVs"  # ssh-keygen -l


def client_for(server: LocalServer) -> AsyncMiosa:
    return AsyncMiosa(api_key=server.api_key, base_url=server.base_url)


async def test_jobs_run_start_stream_cancel_and_list_their_activity() -> None:
    async with LocalServer() as server, client_for(server) as client:
        jobs = client.open_computers.jobs
        result = await jobs.run(HOST, command="make", args=["test"], env={"CI": "1"}, timeout=5)
        async with jobs.run_stream(HOST, command="make build") as events:
            streamed = [event async for event in events]
        started = await jobs.start(HOST, command="sleep", args=["60"], timeout=90)
        await jobs.cancel(HOST, started.id or "")
        canceled = await jobs.get(HOST, started.id or "")
        with pytest.raises(ConflictError):
            await jobs.cancel(HOST, started.id or "")
        second = await jobs.start(HOST, command="true")
        async with jobs.stream(HOST, second.id or "") as events:
            attached = [event async for event in events]
        done = await jobs.wait_for_completion(HOST, second.id or "", timeout=5, poll_interval=0.01)
        async with jobs.stream(HOST, second.id or "") as events:
            after_end = [event async for event in events]
        activity = await jobs.list(HOST, limit=3)
        with pytest.raises(ValidationError):
            await jobs.start(HOST, command="")
        with pytest.raises(NotFoundError):
            await jobs.get(HOST, "ocj_missing")
    assert result.ok and (result.stdout, result.stderr) == ("", "") and result.job_id
    assert [e.type for e in streamed] == ["exec_result"] and streamed[0].exit_code == 0
    assert started.state == "queued" and started.cmd == "sleep" and started.timeout_ms == 90_000
    assert started.links and started.links["stream"].endswith(f"/exec/{started.id}/stream")
    assert canceled.state == "canceled" and canceled.exit_code is None
    assert [e.type for e in attached] == ["exec_result"] and attached[0].job_id == second.id
    assert done.state == "succeeded" and done.exit_code == 0 and after_end == []
    assert [(a.job_id, a.kind) for a in activity] == [
        (second.id, "job.done"),
        (second.id, "job.dispatched"),
        (started.id, "job.canceled"),
    ]


async def test_files_keys_secrets_and_tickets_on_a_host() -> None:
    async with LocalServer() as server, client_for(server) as client:
        oc = client.open_computers
        written = await oc.files.upload(HOST, "/srv/app/config.toml", b"port = 8080\n")
        stat = await oc.files.stat(HOST, "/srv/app/config.toml")
        parent = await oc.files.stat(HOST, "/srv/app")
        with pytest.raises(ConflictError):
            await oc.files.delete(HOST, "/srv")
        await oc.files.delete(HOST, "/srv", recursive=True)
        with pytest.raises(NotFoundError):
            await oc.files.stat(HOST, "/srv/app/config.toml")

        added = await oc.hosts.add_ssh_key(HOST, KEY)
        again = await oc.hosts.add_ssh_key(HOST, KEY)
        keys = await oc.hosts.ssh_keys(HOST)
        with pytest.raises(ValidationError) as bad_key:
            await oc.hosts.add_ssh_key(HOST, "ssh-ed25519 not-base64!")

        secret = await oc.secrets.create_for_host(HOST, name="DB_URL", value="postgres://x")
        listed = await oc.secrets.list_for_host(HOST)
        await oc.secrets.update_for_host(HOST, secret.id or "", value="postgres://y")
        revealed = await oc.secrets.reveal(HOST, secret.id or "")
        await oc.secrets.delete_for_host(HOST, secret.id or "")
        with pytest.raises(NotFoundError):
            await oc.secrets.reveal(HOST, secret.id or "")

        terminal = await oc.terminal.ticket(HOST)
        desktop = await oc.desktop.ticket(HOST)
    assert (written.path, written.name, written.size) == ("/srv/app/config.toml", "config.toml", 12)
    assert (stat.size, stat.is_dir, stat.is_symlink, stat.mode) == (12, False, False, 0o100644)
    assert parent.is_dir
    assert added.id == again.id and [k.id for k in keys] == [added.id]
    assert added.raw["fingerprint"] == KEY_FINGERPRINT and added.public_key == KEY
    assert bad_key.value.code == "INVALID_PUBLIC_KEY"
    assert [s.name for s in listed] == ["DB_URL"] and "value" not in listed[0].raw
    assert revealed.value == "postgres://y"
    assert terminal.ticket and terminal.ws_url and f"/hosts/{HOST}/terminal/ws" in terminal.ws_url
    assert desktop.ws_url and desktop.ws_url.startswith("ws") and desktop.expires_at


async def test_agents_clusters_apps_runners_and_workspaces() -> None:
    async with LocalServer() as server, client_for(server) as client:
        oc = client.open_computers
        session = await oc.agents.dispatch(
            HOST, task="tidy the repo", model="local", tools=["shell"], budget={"max_steps": 5}
        )
        async with oc.agents.events(HOST, session.id or "") as events:
            course = [event async for event in events]
        cluster = await oc.clusters.create(
            name="Big Model", model="llama3:70b", host_ids=["a", "b"]
        )

        install = await oc.apps.install(HOST, "github-actions-runner")
        async with oc.apps.install_events(HOST, install.id or "") as events:
            progress = [event.type async for event in events]
        installed = await oc.apps.wait_for_install(HOST, install.id or "", timeout=5)
        runners = await oc.gha_runners.list(HOST)
        await oc.gha_runners.refresh(HOST, runners[0].id or "")
        runner = await oc.gha_runners.get(HOST, runners[0].id or "")
        async with oc.gha_runners.events(HOST, runner.id or "") as events:
            runner_course = [event.type async for event in events]
        other = await oc.apps.install(HOST, "redis")
        other_done = await oc.apps.get_install(HOST, other.id or "")

        workspace = await oc.workspaces.create(
            HOST, name="site", repo_url="https://github.com/acme/site", branch="main"
        )
    assert session.status == "running" and session.task == "tidy the repo"
    assert session.max_steps == 5 and session.tools == ("shell",)
    assert [e.type for e in course] == ["session_started", "message", "done"]
    assert cluster.status == "provisioning" and cluster.host_ids == ("a", "b")
    assert cluster.slug and cluster.inference_url and cluster.inference_url.endswith("/v1")
    assert install.status == "installing"
    assert progress == ["progress", "progress", "progress", "installed"]
    assert installed.status == "installed" and installed.app_id == "github-actions-runner"
    assert len(runners) == 1 and runner.state == "idle" and runner.host_id == HOST
    assert runner_course[-1] == "ready"
    assert other_done.status == "installed"
    assert workspace.status == "creating" and workspace.branch == "main"


async def test_a_revoked_host_is_gone_and_says_so_on_the_event_stream() -> None:
    async with LocalServer() as server, client_for(server) as client:
        oc = client.open_computers
        await oc.files.upload(HOST, "/a.txt", b"a")
        await oc.hosts.revoke(HOST)
        with pytest.raises(NotFoundError):
            await oc.files.stat(HOST, "/a.txt")
        with pytest.raises(NotFoundError):
            await oc.hosts.revoke(HOST)
        async with oc.hosts.events() as events:
            seen = [event async for event in events]
        with pytest.raises(UnsupportedRouteError):
            await oc.hosts.update("other", name="renamed")
        # The SDK never sends the admin-only PATCH; the local server still serves it.
        async with httpx.AsyncClient(
            base_url=server.base_url, headers={"authorization": f"Bearer {server.api_key}"}
        ) as raw:
            patched = await raw.patch(
                "/opencomputers/hosts/other", json={"name": "renamed", "labels": {"os": "mac"}}
            )
            mistyped = await raw.patch("/opencomputers/hosts/other", json={"labels": ["os"]})
            # The exec route negotiates JSON, as production's does: the bare event type is 406.
            bare = await raw.post(
                "/opencomputers/hosts/other/exec",
                json={"cmd": "true", "stream": True},
                headers={"accept": "text/event-stream"},
            )
    assert [(e.type, e.host_id) for e in seen] == [("host_disconnected", HOST)]
    assert patched.status_code == 200
    assert patched.json()["data"]["name"] == "renamed"
    assert patched.json()["data"]["labels"] == {"os": "mac"}
    assert mistyped.status_code == 400
    assert bare.status_code == 406
