"""Wire tests for OpenComputers: every endpoint's request, and what the caller gets back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from miosa import AsyncMiosa
from miosa._async.pagination import AsyncPage
from miosa._converter import structure
from miosa.errors import (
    APITimeoutError,
    ConflictError,
    ServerError,
    UnsupportedRouteError,
)
from miosa.types import Model
from miosa.types.open_computers import (
    OpenComputerAgentEvent,
    OpenComputerAgentSession,
    OpenComputerAgentSessionStatus,
    OpenComputerApp,
    OpenComputerAppInstall,
    OpenComputerAppInstallEvent,
    OpenComputerAppInstallStatus,
    OpenComputerCluster,
    OpenComputerClusterEvent,
    OpenComputerClusterStatus,
    OpenComputerFileEntry,
    OpenComputerFileList,
    OpenComputerFileStat,
    OpenComputerHost,
    OpenComputerHostEvent,
    OpenComputerHostEventType,
    OpenComputerHostStatus,
    OpenComputerJob,
    OpenComputerJobActivity,
    OpenComputerJobEvent,
    OpenComputerJobEventType,
    OpenComputerJobResult,
    OpenComputerJobState,
    OpenComputerJobStatus,
    OpenComputerSecret,
    OpenComputerSecretValue,
    OpenComputerSshKey,
    OpenComputerTicket,
    OpenComputerTunnel,
    OpenComputerTunnelAuthMode,
    OpenComputerWorkspace,
    OpenComputerWorkspaceEvent,
)
from tests._async._helpers import make_client, run_case
from tests.helpers import NO_BODY, Case, MockAPI, case_id, form_parts, json_response

OBJ: dict[str, Any] = {"id": "obj_1", "status": "running", "name": "thing", "brand_new": [1]}
H = "/opencomputers/hosts/h_1"


def _reply(kind: str, reply: object) -> object:
    if kind == "empty":
        return httpx.Response(204)
    if reply is not None:
        return reply
    if kind == "object":
        return OBJ
    if kind == "list":
        return {"data": [OBJ]}
    return {"data": [OBJ], "meta": {"total": 1, "page": 1, "per_page": 20}}


def _check(kind: str, model: type | None, reply: Any) -> Callable[[Any], bool]:
    """What a reply of this kind must come back as."""
    if kind == "empty":
        return lambda result: result is None
    if kind == "object":
        expected = reply or OBJ
        inner = expected.get("session") or expected.get("job") or expected.get("data") or expected
        return lambda result: (
            isinstance(result, Model) and type(result) is model and result.raw == inner
        )
    if kind == "list":
        return lambda result: (
            [type(item) for item in result] == [model]
            and result[0].raw == OBJ
            and result[0].id == "obj_1"
        )
    return lambda result: (
        isinstance(result, AsyncPage)
        and [type(item) for item in result.items] == [model]
        and result.items[0].id == "obj_1"
        and result.total == 1
        and not result.has_more
    )


def oc(
    name: str,
    call: Callable[[Any], Any],
    method: str,
    path: str,
    kind: str,
    model: type | None = None,
    *,
    query: dict[str, str] | None = None,
    body: object = NO_BODY,
    reply: Any = None,
) -> Case:
    """One endpoint: the call on its sub-group (named by the case's first word), the exact
    request it must send, and the reply it gets (kind: object | list | page | empty)."""
    group = name.split(".")[0]
    return Case(
        name=name,
        call=lambda client: call(getattr(client.open_computers, group)),
        method=method,
        path=path,
        query=query or {},
        body=body,
        reply=_reply(kind, reply),
        check=_check(kind, model, reply),
    )


C = "/opencomputers/clusters"
T = H + "/tunnels/t_1"
W = H + "/workspaces/w_1"
S = H + "/secrets/sec_1"
A = H + "/agent/sessions/s_1"
Host, Job, Tunnel, Session = (
    OpenComputerHost,
    OpenComputerJob,
    OpenComputerTunnel,
    OpenComputerAgentSession,
)
Cluster, Install, Workspace, Secret = (
    OpenComputerCluster,
    OpenComputerAppInstall,
    OpenComputerWorkspace,
    OpenComputerSecret,
)
Ticket = OpenComputerTicket

CASES = [
    # hosts
    oc("hosts.list", lambda g: g.list(), "GET", "/opencomputers/hosts", "page", Host),
    oc(
        "hosts.create",
        lambda g: g.create(name="mac", region="eu-west", labels={"gpu": "m3"}),
        "POST",
        "/opencomputers/hosts",
        "object",
        Host,
        body={"name": "mac", "region": "eu-west", "labels": {"gpu": "m3"}},
    ),
    oc("hosts.get", lambda g: g.get("h_1"), "GET", H, "object", Host),
    oc("hosts.revoke", lambda g: g.revoke("h_1"), "DELETE", H, "empty"),
    oc(
        "hosts.ssh_keys",
        lambda g: g.ssh_keys("h_1"),
        "GET",
        H + "/ssh-keys",
        "list",
        OpenComputerSshKey,
    ),
    oc(
        "hosts.add_ssh_key",
        lambda g: g.add_ssh_key("h_1", "ssh-ed25519 AAAA me@mac"),
        "POST",
        H + "/ssh-keys",
        "object",
        OpenComputerSshKey,
        body={"public_key": "ssh-ed25519 AAAA me@mac"},
    ),
    # jobs
    oc(
        "jobs.run",
        lambda g: g.run("h_1", command="npm", args=["test"], env={"CI": "1"}, cwd="/w", timeout=60),
        "POST",
        H + "/exec",
        "object",
        OpenComputerJobResult,
        body={
            "cmd": "npm",
            "args": ["test"],
            "env": [{"name": "CI", "value": "1"}],
            "cwd": "/w",
            "timeout_ms": 60000,
            "stream": False,
        },
        reply={"job_id": "j_1", "exit_code": 0, "stdout": "ok\n", "stderr": ""},
    ),
    oc(
        "jobs.run (env list)",
        lambda g: g.run("h_1", command="ls", env=["X=a=b", {"name": "Y", "value": "2"}]),
        "POST",
        H + "/exec",
        "object",
        OpenComputerJobResult,
        body={
            "cmd": "ls",
            "env": [{"name": "X", "value": "a=b"}, {"name": "Y", "value": "2"}],
            "stream": False,
        },
        reply={"job_id": "j_2", "exit_code": 1, "stdout": "", "stderr": "no"},
    ),
    oc(
        "jobs.start",
        lambda g: g.start("h_1", command="make", args=["all"], env={"A": "b"}, timeout=120),
        "POST",
        H + "/jobs",
        "object",
        Job,
        body={
            "command": "make",
            "args": ["all"],
            "env": [{"name": "A", "value": "b"}],
            "timeout": 120,
        },
        reply={"id": "obj_1", "state": "queued", "cmd": "make", "links": {"stream": "/s"}},
    ),
    oc(
        "jobs.list",
        lambda g: g.list("h_1", limit=50),
        "GET",
        H + "/jobs",
        "list",
        OpenComputerJobActivity,
        query={"limit": "50"},
        reply={"jobs": [OBJ]},
    ),
    oc(
        "jobs.get",
        lambda g: g.get("h_1", "j_1"),
        "GET",
        H + "/exec/j_1",
        "object",
        Job,
        reply={"job": OBJ},
    ),
    oc("jobs.cancel", lambda g: g.cancel("h_1", "j_1"), "DELETE", H + "/exec/j_1", "empty"),
    # files (download and upload have their own tests)
    oc(
        "files.stat",
        lambda g: g.stat("h_1", "/home/me/a b"),
        "GET",
        H + "/fs/stat",
        "object",
        OpenComputerFileStat,
        query={"path": "/home/me/a b"},
    ),
    oc(
        "files.delete",
        lambda g: g.delete("h_1", "/tmp/x"),
        "DELETE",
        H + "/fs",
        "empty",
        query={"path": "/tmp/x", "recursive": "false"},
    ),
    oc(
        "files.delete (recursive)",
        lambda g: g.delete("h_1", "/tmp/x", recursive=True),
        "DELETE",
        H + "/fs",
        "empty",
        query={"path": "/tmp/x", "recursive": "true"},
    ),
    oc(
        "files.mkdir",
        lambda g: g.mkdir("h_1", "/tmp/d"),
        "POST",
        H + "/fs/mkdir",
        "empty",
        body={"path": "/tmp/d"},
    ),
    # terminal, desktop
    oc(
        "terminal.ticket",
        lambda g: g.ticket("h_1"),
        "POST",
        H + "/terminal/ticket",
        "object",
        Ticket,
    ),
    oc(
        "desktop.ticket", lambda g: g.ticket("h_1"), "POST", H + "/desktop/ticket", "object", Ticket
    ),
    # tunnels
    oc("tunnels.list", lambda g: g.list("h_1"), "GET", H + "/tunnels", "list", Tunnel),
    oc(
        "tunnels.create",
        lambda g: g.create("h_1", target_port=3000, auth_mode="tenant_only", slug="app"),
        "POST",
        H + "/tunnels",
        "object",
        Tunnel,
        body={"target_port": 3000, "auth_mode": "tenant_only", "slug": "app"},
    ),
    oc("tunnels.get", lambda g: g.get("h_1", "t_1"), "GET", T, "object", Tunnel),
    oc(
        "tunnels.update",
        lambda g: g.update("h_1", "t_1", target_port=8080, enabled=False),
        "PATCH",
        T,
        "object",
        Tunnel,
        body={"target_port": 8080, "enabled": False},
    ),
    oc("tunnels.delete", lambda g: g.delete("h_1", "t_1"), "DELETE", T, "empty"),
    # agents (path segment "agent", singular; replies may nest the session)
    oc(
        "agents.dispatch",
        lambda g: g.dispatch(
            "h_1",
            task="run the tests",
            model_id="m-1",
            max_turns=5,
            tools=["bash"],
            budget={"max_steps": 3},
            skip_agent_runtime_profile=True,
            context={"repo": "x"},
        ),
        "POST",
        H + "/agent/dispatch",
        "object",
        Session,
        body={
            "task": "run the tests",
            "model_id": "m-1",
            "max_turns": 5,
            "tools": ["bash"],
            "budget": {"max_steps": 3},
            "skip_agent_runtime_profile": True,
            "context": {"repo": "x"},
        },
        reply={"session": OBJ},
    ),
    oc(
        "agents.list",
        lambda g: g.list("h_1"),
        "GET",
        H + "/agent/sessions",
        "list",
        Session,
        reply={"sessions": [OBJ]},
    ),
    oc(
        "agents.get",
        lambda g: g.get("h_1", "s_1"),
        "GET",
        A,
        "object",
        Session,
        reply={"data": OBJ},
    ),
    oc("agents.cancel", lambda g: g.cancel("h_1", "s_1"), "DELETE", A, "empty"),
    # clusters
    oc("clusters.list", lambda g: g.list(), "GET", C, "list", Cluster),
    oc(
        "clusters.create",
        lambda g: g.create(name="llm", model="llama3:70b", host_ids=["h_1"]),
        "POST",
        C,
        "object",
        Cluster,
        body={"name": "llm", "model": "llama3:70b", "host_ids": ["h_1"]},
    ),
    oc("clusters.get", lambda g: g.get("c_1"), "GET", C + "/c_1", "object", Cluster),
    oc("clusters.start", lambda g: g.start("c_1"), "POST", C + "/c_1/start", "object", Cluster),
    oc("clusters.stop", lambda g: g.stop("c_1"), "POST", C + "/c_1/stop", "object", Cluster),
    oc("clusters.delete", lambda g: g.delete("c_1"), "DELETE", C + "/c_1", "empty"),
    # apps
    oc(
        "apps.catalog", lambda g: g.catalog(), "GET", "/opencomputers/apps", "list", OpenComputerApp
    ),
    oc(
        "apps.list_installed",
        lambda g: g.list_installed("h_1"),
        "GET",
        H + "/apps",
        "list",
        Install,
    ),
    oc(
        "apps.install",
        lambda g: g.install("h_1", "postgres"),
        "POST",
        H + "/apps/postgres/install",
        "object",
        Install,
    ),
    oc(
        "apps.get_install",
        lambda g: g.get_install("h_1", "i_1"),
        "GET",
        H + "/apps/installs/i_1",
        "object",
        Install,
    ),
    oc(
        "apps.uninstall",
        lambda g: g.uninstall("h_1", "postgres"),
        "DELETE",
        H + "/apps/postgres",
        "empty",
    ),
    oc(
        "apps.start_app",
        lambda g: g.start_app("h_1", "postgres"),
        "POST",
        H + "/apps/postgres/start",
        "empty",
    ),
    # workspaces
    oc(
        "workspaces.list_all",
        lambda g: g.list_all(),
        "GET",
        "/opencomputers/workspaces",
        "list",
        Workspace,
    ),
    oc("workspaces.list", lambda g: g.list("h_1"), "GET", H + "/workspaces", "list", Workspace),
    oc(
        "workspaces.create",
        lambda g: g.create(
            "h_1", name="site", repo_url="https://g/s.git", branch="main", directory="/w"
        ),
        "POST",
        H + "/workspaces",
        "object",
        Workspace,
        body={"name": "site", "repo_url": "https://g/s.git", "branch": "main", "directory": "/w"},
    ),
    oc("workspaces.get", lambda g: g.get("h_1", "w_1"), "GET", W, "object", Workspace),
    oc(
        "workspaces.update",
        lambda g: g.update("h_1", "w_1", branch="dev"),
        "PATCH",
        W,
        "object",
        Workspace,
        body={"branch": "dev"},
    ),
    oc("workspaces.delete", lambda g: g.delete("h_1", "w_1"), "DELETE", W, "empty"),
    oc("workspaces.pull", lambda g: g.pull("h_1", "w_1"), "POST", W + "/pull", "object", Workspace),
    oc(
        "workspaces.open_terminal",
        lambda g: g.open_terminal("h_1", "w_1"),
        "POST",
        W + "/open-terminal",
        "object",
        Ticket,
    ),
    # secrets
    oc(
        "secrets.list_for_tenant",
        lambda g: g.list_for_tenant(),
        "GET",
        "/opencomputers/secrets",
        "list",
        Secret,
    ),
    oc(
        "secrets.create_for_tenant",
        lambda g: g.create_for_tenant(name="NPM_TOKEN", value="s3cr3t", description="npm"),
        "POST",
        "/opencomputers/secrets",
        "object",
        Secret,
        body={"name": "NPM_TOKEN", "value": "s3cr3t", "description": "npm"},
    ),
    oc(
        "secrets.list_for_host",
        lambda g: g.list_for_host("h_1"),
        "GET",
        H + "/secrets",
        "list",
        Secret,
    ),
    oc(
        "secrets.create_for_host",
        lambda g: g.create_for_host("h_1", name="K", value="v"),
        "POST",
        H + "/secrets",
        "object",
        Secret,
        body={"name": "K", "value": "v"},
    ),
    oc(
        "secrets.update_for_host",
        lambda g: g.update_for_host("h_1", "sec_1", value="v2"),
        "PATCH",
        S,
        "object",
        Secret,
        body={"value": "v2"},
    ),
    oc(
        "secrets.delete_for_host", lambda g: g.delete_for_host("h_1", "sec_1"), "DELETE", S, "empty"
    ),
    oc(
        "secrets.reveal",
        lambda g: g.reveal("h_1", "sec_1"),
        "POST",
        S + "/reveal",
        "object",
        OpenComputerSecretValue,
        reply={"value": "s3cr3t"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_endpoint_sends_the_exact_request_and_parses_the_reply(case: Case) -> None:
    await run_case(case)


CONTRACT = {
    "hosts.list", "hosts.create", "hosts.get", "hosts.update", "hosts.revoke", "hosts.events",
    "jobs.run", "jobs.list", "jobs.get", "jobs.stream", "jobs.cancel",
    # added from 2.19.2 (see api/wire-pass-computers.md)
    "hosts.ssh_keys", "hosts.add_ssh_key", "jobs.start", "jobs.run_stream",
    "files.list", "files.stat", "files.download", "files.upload", "files.delete", "files.mkdir",
    "terminal.ticket", "desktop.ticket",
    "tunnels.list", "tunnels.create", "tunnels.get", "tunnels.update", "tunnels.delete",
    "agents.dispatch", "agents.list", "agents.get", "agents.events", "agents.cancel",
    "clusters.list", "clusters.create", "clusters.get", "clusters.start", "clusters.stop",
    "clusters.delete", "clusters.events",
    "apps.catalog", "apps.list_installed", "apps.install", "apps.get_install",
    "apps.install_events", "apps.uninstall", "apps.start_app",
    "workspaces.list_all", "workspaces.list", "workspaces.create", "workspaces.get",
    "workspaces.update", "workspaces.delete", "workspaces.pull", "workspaces.open_terminal",
    "workspaces.events",
    "secrets.list_for_tenant", "secrets.create_for_tenant", "secrets.list_for_host",
    "secrets.create_for_host", "secrets.update_for_host", "secrets.delete_for_host",
    "secrets.reveal",
}  # fmt: skip  # the contract's 59 `open_computers.*` py paths, and 4 added from 2.19.2


def test_every_open_computers_endpoint_of_the_contract_is_tested() -> None:
    table = {case.name.split(" ")[0] for case in CASES}
    streams = {name for name, *_ in STREAMS}
    own_tests = {
        "files.list",
        "files.download",
        "files.upload",
        "hosts.update",
        "jobs.run_stream",
    }
    assert len(CONTRACT) == 63
    assert table | streams | own_tests == CONTRACT
    assert not table & streams


async def test_files_list_returns_the_directory_entries() -> None:
    entry = {"name": "a", "path": "/home/me/a", "size": 3, "is_dir": False}
    for payload, names in (
        ({"path": "/home/me", "entries": [entry]}, ["a"]),
        ({"data": {"path": "/home/me", "entries": [entry]}}, ["a"]),
        ({"path": "/home/me"}, []),
    ):
        api = MockAPI().on(f"GET {H}/fs", json_response(200, payload))
        async with make_client(api) as client:
            entries = await client.open_computers.files.list("h_1", "/home/me")
        assert dict(api.last.url.params) == {"path": "/home/me"}
        assert type(entries) is list
        assert [e.name for e in entries] == names
        assert all(type(e) is OpenComputerFileEntry for e in entries)


async def test_path_parameters_are_percent_encoded_and_dot_ids_refused() -> None:
    path = "/opencomputers/hosts/a%2Fb%20c/apps/installs/i%3F1"
    api = MockAPI().on(f"GET {path}", json_response(200, OBJ))
    async with make_client(api) as client:
        await client.open_computers.apps.get_install("a/b c", "i?1")
        for bad in ("", ".", ".."):
            with pytest.raises(ValueError):
                await client.open_computers.jobs.get("h_1", bad)
    assert api.last.url.raw_path == b"/api/v1" + path.encode()
    assert len(api.requests) == 1


async def test_host_pages_follow_meta_page_numbers() -> None:
    def page(n: int, ids: list[str]) -> httpx.Response:
        items = [{"id": i, "status": "online"} for i in ids]
        return json_response(200, {"data": items, "meta": {"total": 3, "page": n, "per_page": 2}})

    api = MockAPI().on("GET /opencomputers/hosts", page(1, ["h_1", "h_2"]), page(2, ["h_3"]))
    async with make_client(api) as client:
        first = await client.open_computers.hosts.list(per_page=2)
        ids = [host.id async for host in first]
    assert ids == ["h_1", "h_2", "h_3"]
    assert [dict(r.url.params) for r in api.requests] == [
        {"per_page": "2"},
        {"per_page": "2", "page": "2"},
    ]
    assert first.total == 3


# -- files: download and multipart upload -----------------------------------------------


async def test_download_returns_the_raw_bytes() -> None:
    blob = bytes(range(256)) * 4
    api = MockAPI().on(f"GET {H}/fs/download", httpx.Response(200, content=blob))
    async with make_client(api) as client:
        data = await client.open_computers.files.download("h_1", "/home/me/report.pdf")
    assert data == blob
    assert dict(api.last.url.params) == {"path": "/home/me/report.pdf"}


async def test_download_stream_yields_chunks_and_writes_to_a_file(tmp_path: Path) -> None:
    blob = b"0123456789" * 1000
    api = MockAPI().on(f"GET {H}/fs/download", httpx.Response(200, content=blob))
    async with make_client(api) as client:
        async with client.open_computers.files.download_stream(
            "h_1", "/data.bin", chunk_size=4096
        ) as body:
            chunks = [chunk async for chunk in body]
        async with client.open_computers.files.download_stream("h_1", "/data.bin") as body:
            written = await body.write_to(tmp_path / "out.bin")
    assert b"".join(chunks) == blob
    assert max(len(c) for c in chunks) <= 4096 and len(chunks) > 1
    assert written == len(blob)
    assert (tmp_path / "out.bin").read_bytes() == blob
    assert all(dict(r.url.params) == {"path": "/data.bin"} for r in api.requests)


UPLOADED = {"name": "data.json", "path": "/home/me/data.json", "size": 9, "is_dir": False}


async def test_upload_bytes_sends_a_multipart_form_with_path_and_file() -> None:
    api = MockAPI().on(f"POST {H}/fs/upload", json_response(200, UPLOADED))
    async with make_client(api) as client:
        entry = await client.open_computers.files.upload("h_1", "/home/me/data.json", b'{"a": 1}\n')
    request = api.last
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.headers["content-length"] == str(len(request.content))
    assert "idempotency-key" in request.headers
    assert form_parts(request) == [
        ("path", None, "text/plain", b"/home/me/data.json"),
        ("file", "data.json", "application/json", b'{"a": 1}\n'),
    ]
    assert type(entry) is OpenComputerFileEntry
    assert entry.path == "/home/me/data.json" and entry.size == 9 and entry.is_dir is False


async def test_upload_streams_a_local_path_in_chunks_with_its_length(tmp_path: Path) -> None:
    blob = bytes(range(251)) * 12_000  # ~3 MB: several 1 MiB chunks
    source = tmp_path / "big.bin"
    source.write_bytes(blob)
    api = MockAPI().on(f"POST {H}/fs/upload", json_response(200, UPLOADED))
    async with make_client(api) as client:
        await client.open_computers.files.upload(
            "h_1", "/srv/in.dat", source, filename="custom name.bin"
        )
    request = api.last
    parts = form_parts(request)
    assert [(name, filename) for name, filename, _, _ in parts] == [
        ("path", None),
        ("file", "custom name.bin"),
    ]
    assert parts[1][3] == blob
    assert parts[1][2] == "application/octet-stream"
    # The size was known from the file, so the body is not chunked.
    assert request.headers["content-length"] == str(len(request.content))
    assert "transfer-encoding" not in request.headers


async def test_a_local_file_is_read_a_chunk_at_a_time(tmp_path: Path) -> None:
    from miosa._async._upload import form_chunks
    from miosa._multipart import build_form

    blob = bytes(range(256)) * 40
    source = tmp_path / "f.bin"
    source.write_bytes(blob)
    form = build_form(fields={"path": "/x"}, file_field="file", filename="f.bin")
    chunks = [chunk async for chunk in form_chunks(form, source, 1000)]
    assert chunks[0] == form.head and chunks[-1] == form.tail
    assert [len(c) for c in chunks[1:-1]] == [1000] * 10 + [240]
    assert b"".join(chunks[1:-1]) == blob


class _Pipe:
    """A binary file object that cannot seek (like a pipe): its size is unknown."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.reads = 0

    def read(self, size: int = -1) -> bytes:
        self.reads += 1
        chunk, self._data = self._data[:size], self._data[size:]
        return chunk

    def seekable(self) -> bool:
        return False


async def test_upload_file_objects_seekable_from_their_position_and_pipes_chunked() -> None:
    import io

    seekable = io.BytesIO(b"HEADERpayload")
    seekable.seek(6)
    pipe = _Pipe(b"x" * (3 << 20))
    api = MockAPI().on(f"POST {H}/fs/upload", json_response(200, UPLOADED))
    async with make_client(api) as client:
        await client.open_computers.files.upload("h_1", "/a/b.txt", seekable)
        # A minimal pipe-like reader (read and seekable only), not a full IO[bytes].
        await client.open_computers.files.upload("h_1", "/a/pipe.bin", pipe)  # type: ignore[arg-type]
    first, second = api.requests
    assert form_parts(first)[1] == ("file", "b.txt", "text/plain", b"payload")
    assert first.headers["content-length"] == str(len(first.content))
    assert form_parts(second)[1][3] == b"x" * (3 << 20)
    assert second.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in second.headers
    assert pipe.reads > 3  # read a chunk at a time, never whole


def test_form_framing_escapes_names_and_reports_its_length() -> None:
    from miosa._multipart import build_form, quote_param

    form = build_form(
        fields={"path": "/tmp/ü.txt"}, file_field="file", filename='a"b\r\nc.txt', boundary="XyZ"
    )
    body = form.encode(b"DATA")
    assert body == (
        b"--XyZ\r\n"
        b'Content-Disposition: form-data; name="path"\r\n\r\n'
        + "/tmp/ü.txt".encode()
        + b"\r\n--XyZ\r\n"
        b'Content-Disposition: form-data; name="file"; filename="a%22b%0D%0Ac.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n"
        b"DATA\r\n--XyZ--\r\n"
    )
    assert form.headers(4) == {
        "Content-Type": "multipart/form-data; boundary=XyZ",
        "Content-Length": str(len(body)),
    }
    assert "Content-Length" not in form.headers(None)
    assert quote_param("a\\b") == "a\\\\b"


# -- event streams ---------------------------------------------------------------------


def _sse(*events: str) -> httpx.Response:
    content = "".join(events).encode()
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=content)


STREAMS = [
    (
        "hosts.events",
        lambda c: c.open_computers.hosts.events(),
        "/opencomputers/hosts/events",
        OpenComputerHostEvent,
    ),
    (
        "jobs.stream",
        lambda c: c.open_computers.jobs.stream("h_1", "j_1"),
        H + "/exec/j_1/stream",
        OpenComputerJobEvent,
    ),
    (
        "agents.events",
        lambda c: c.open_computers.agents.events("h_1", "s_1"),
        H + "/agent/sessions/s_1/events",
        OpenComputerAgentEvent,
    ),
    (
        "clusters.events",
        lambda c: c.open_computers.clusters.events("c_1"),
        "/opencomputers/clusters/c_1/events",
        OpenComputerClusterEvent,
    ),
    (
        "apps.install_events",
        lambda c: c.open_computers.apps.install_events("h_1", "i_1"),
        H + "/apps/installs/i_1/events",
        OpenComputerAppInstallEvent,
    ),
    (
        "workspaces.events",
        lambda c: c.open_computers.workspaces.events("h_1", "w_1"),
        H + "/workspaces/w_1/events",
        OpenComputerWorkspaceEvent,
    ),
]


@pytest.mark.parametrize(("name", "call", "path", "model"), STREAMS, ids=[s[0] for s in STREAMS])
async def test_event_streams_get_their_path_and_yield_typed_events(
    name: str, call: Callable[[AsyncMiosa], Any], path: str, model: type
) -> None:
    payload = {"type": "progress", "data": {"pct": 50}, "timestamp": "2026-01-02T03:04:05Z"}
    api = MockAPI().on(f"GET {path}", _sse(f"id: 7\ndata: {json.dumps(payload)}\n\n"))
    async with make_client(api) as client, call(client) as stream:
        events = [event async for event in stream]
    request = api.last
    assert request.method == "GET"
    assert request.url.raw_path.decode() == "/api/v1" + path
    assert request.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert [type(e) for e in events] == [model]
    event = events[0]
    assert event.type == "progress"
    assert event.data == {"pct": 50}
    assert event.id == "7"
    assert event.timestamp is not None and event.timestamp.year == 2026
    assert event.raw == payload


async def test_job_stream_is_typed_and_ends_after_exit() -> None:
    body = _sse(
        ": heartbeat\n\n",
        'event: stdout\ndata: {"job_id": "j_1", "data": "hello\\n"}\n\n',
        'data: {"type": "stderr", "job_id": "j_1", "data": "warn"}\n\n',
        'data: {"type": "exit", "job_id": "j_1", "data": 0}\n\n',
        'data: {"type": "stdout", "data": "never read"}\n\n',
    )
    api = MockAPI().on(f"GET {H}/exec/j_1/stream", body)
    async with (
        make_client(api) as client,
        client.open_computers.jobs.stream("h_1", "j_1") as stream,
    ):
        events = [event async for event in stream]
    assert [(e.type, e.data) for e in events] == [
        (OpenComputerJobEventType.STDOUT, "hello\n"),
        (OpenComputerJobEventType.STDERR, "warn"),
        (OpenComputerJobEventType.EXIT, 0),
    ]
    assert all(e.job_id == "j_1" for e in events)
    assert events[0].raw == {"job_id": "j_1", "data": "hello\n"}


async def test_job_stream_reads_the_exec_events_and_ends_at_the_result() -> None:
    body = _sse(
        'id: 1\nevent: exec_chunk\ndata: {"stream": "stdout", "data": "hello\\n"}\n\n',
        'id: 2\nevent: exec_chunk\ndata: {"stream": "stderr", "data": "warn"}\n\n',
        'id: 3\nevent: exec_result\ndata: {"exit_code": 0, "elapsed_ms": 812}\n\n',
        'id: 4\nevent: exec_chunk\ndata: {"data": "never read"}\n\n',
    )
    api = MockAPI().on(f"GET {H}/exec/j_1/stream", body)
    async with (
        make_client(api) as client,
        client.open_computers.jobs.stream("h_1", "j_1") as stream,
    ):
        events = [event async for event in stream]
    assert [(e.type, e.stream, e.data) for e in events[:2]] == [
        (OpenComputerJobEventType.EXEC_CHUNK, "stdout", "hello\n"),
        (OpenComputerJobEventType.EXEC_CHUNK, "stderr", "warn"),
    ]
    assert (events[2].type, events[2].exit_code, events[2].elapsed_ms) == ("exec_result", 0, 812)
    assert len(events) == 3


async def test_run_stream_posts_the_command_and_ends_at_an_exec_error() -> None:
    body = _sse(
        'event: exec_chunk\ndata: {"stream": "stdout", "data": "partial"}\n\n',
        'event: exec_error\ndata: {"reason": "timeout", "job_id": "j_9"}\n\n',
    )
    api = MockAPI().on(f"POST {H}/exec", body)
    async with make_client(api) as client:
        stream = client.open_computers.jobs.run_stream(
            "h_1", command="sleep", args=["99"], timeout=1.5
        )
        assert api.requests == []  # the command starts only when the stream is entered
        async with stream:
            events = [event async for event in stream]
    request = api.last
    assert (request.method, request.url.path) == ("POST", "/api/v1" + H + "/exec")
    assert request.headers["accept"] == "text/event-stream, application/json;q=0.9"
    assert api.body() == {"cmd": "sleep", "args": ["99"], "timeout_ms": 1500, "stream": True}
    assert [e.type for e in events] == ["exec_chunk", "exec_error"]
    assert (events[1].reason, events[1].job_id) == ("timeout", "j_9")
    assert len(api.requests) == 1


async def test_hosts_update_refuses_without_a_request() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(UnsupportedRouteError, match="admin-only") as info:
            await client.open_computers.hosts.update("h_1", name="mac-2")
    assert info.value.route == "PATCH /opencomputers/hosts/{host_id}"
    assert api.requests == []


async def test_job_records_are_unwrapped_and_keep_their_links() -> None:
    record = {"id": "j_1", "host_id": "h_1", "cmd": "make", "state": "queued", "args": []}
    api = (
        MockAPI()
        .on(f"POST {H}/jobs", json_response(202, {"job": record, "links": {"stream": "/s"}}))
        .on(f"GET {H}/exec/j_1", json_response(200, {"job": {**record, "state": "running"}}))
    )
    async with make_client(api) as client:
        started = await client.open_computers.jobs.start("h_1", command="make")
        fetched = await client.open_computers.jobs.get("h_1", "j_1")
    assert (started.id, started.cmd, started.state, started.links) == (
        "j_1",
        "make",
        OpenComputerJobState.QUEUED,
        {"stream": "/s"},
    )
    assert fetched.state is OpenComputerJobState.RUNNING and fetched.links is None
    assert api.body(0) == {"command": "make"}


async def test_wait_for_a_job_reads_its_state() -> None:
    replies = [
        json_response(200, {"job": {"id": "j_1", "state": s, "exit_code": c}})
        for s, c in (("queued", None), ("running", None), ("timeout", 124))
    ]
    api = MockAPI().on(f"GET {H}/exec/j_1", *replies)
    async with make_client(api) as client:
        job = await client.open_computers.jobs.wait_for_completion(
            "h_1", "j_1", poll_interval=0.001, timeout=5.0
        )
    assert (job.state, job.exit_code) == (OpenComputerJobState.TIMEOUT, 124)
    assert len(api.requests) == 3


async def test_job_errors_are_raised() -> None:
    api = (
        MockAPI()
        .on(f"POST {H}/exec", json_response(500, {"error": {"message": "host offline"}}))
        .on(f"DELETE {H}/exec/j_1", json_response(409, {"error": {"message": "finished"}}))
        .on(f"GET {H}/jobs", json_response(500, {"error": {"message": "boom"}}))
    )
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError):
            await client.open_computers.jobs.run("h_1", command="ls")
        with pytest.raises(ConflictError):
            await client.open_computers.jobs.cancel("h_1", "j_1")
        with pytest.raises(ServerError):
            await client.open_computers.jobs.list("h_1")


def test_job_env_accepts_a_mapping_strings_or_name_value_maps() -> None:
    from miosa._groups.open_computers import job_env

    assert job_env({"A": "1"}) == [{"name": "A", "value": "1"}]
    assert job_env(["A=1=2", "B="]) == [{"name": "A", "value": "1=2"}, {"name": "B", "value": ""}]
    assert job_env([{"name": "C", "value": "3"}]) == [{"name": "C", "value": "3"}]
    with pytest.raises(ValueError, match="KEY=VALUE"):
        job_env(["NOEQUALS"])


async def test_a_stream_raises_on_entry_when_the_server_refuses() -> None:
    from miosa import NotFoundError

    api = MockAPI()  # no route: the mock answers 404
    async with make_client(api) as client:
        stream = client.open_computers.hosts.events()
        assert api.requests == []  # nothing is sent before the stream is entered
        with pytest.raises(NotFoundError):
            await stream.__aenter__()
    assert len(api.requests) == 1


# -- waiting helpers -------------------------------------------------------------------


WAITS = [
    (
        "jobs",
        lambda c, **kw: c.open_computers.jobs.wait_for_completion("h_1", "j_1", **kw),
        H + "/exec/j_1",
        ["queued", "running", "cancelled"],
        OpenComputerJobStatus.CANCELLED,
    ),
    (
        "agents",
        lambda c, **kw: c.open_computers.agents.wait_for_completion("h_1", "s_1", **kw),
        H + "/agent/sessions/s_1",
        ["pending", "running", "succeeded"],
        OpenComputerAgentSessionStatus.SUCCEEDED,
    ),
    (
        "apps",
        lambda c, **kw: c.open_computers.apps.wait_for_install("h_1", "i_1", **kw),
        H + "/apps/installs/i_1",
        ["pending", "installing", "installed"],
        OpenComputerAppInstallStatus.INSTALLED,
    ),
    (
        "clusters",
        lambda c, **kw: c.open_computers.clusters.wait_until_active("c_1", **kw),
        "/opencomputers/clusters/c_1",
        ["stopped", "provisioning", "active"],
        OpenComputerClusterStatus.ACTIVE,
    ),
]


@pytest.mark.parametrize(
    ("name", "wait", "path", "statuses", "final"), WAITS, ids=[w[0] for w in WAITS]
)
async def test_wait_helpers_poll_until_a_final_status(
    name: str, wait: Callable[..., Any], path: str, statuses: list[str], final: Any
) -> None:
    replies = [json_response(200, {"id": "x_1", "status": s}) for s in [*statuses, "later"]]
    api = MockAPI().on(f"GET {path}", *replies)
    async with make_client(api) as client:
        result = await wait(client, poll_interval=0.001, timeout=5.0)
    assert result.status is final
    assert len(api.requests) == len(statuses)
    assert all(r.method == "GET" and r.url.path == "/api/v1" + path for r in api.requests)


async def test_wait_raises_the_timeout_error_naming_the_last_status() -> None:
    api = MockAPI().on(f"GET {H}/exec/j_1", json_response(200, {"id": "j_1", "status": "running"}))
    async with make_client(api) as client:
        with pytest.raises(
            APITimeoutError, match=r"job j_1 did not finish within 0\.05 s.*running"
        ):
            await client.open_computers.jobs.wait_for_completion(
                "h_1", "j_1", timeout=0.05, poll_interval=0.01
            )
        with pytest.raises(APITimeoutError):
            await client.open_computers.jobs.wait_for_completion("h_1", "j_1", timeout=0)
    assert 1 <= len(api.requests) <= 12


# -- typed models ----------------------------------------------------------------------


def test_host_round_trip_keeps_unknown_fields_and_statuses_and_hides_the_key() -> None:
    payload = {
        "id": "h_1",
        "name": "studio",
        "region": None,
        "status": "sleeping",
        "tenant_id": "t_1",
        "labels": {"gpu": "m3"},
        "host_key": "hk_secret_123",
        "created_at": "2026-03-01T10:00:00Z",
        "updated_at": "2026-03-01T10:00:00.5+02:00",
        "os": {"name": "macOS"},
    }
    host = structure(payload, OpenComputerHost)
    assert host.id == "h_1" and host.labels == {"gpu": "m3"} and host.region is None
    assert host.status == "sleeping" and not host.status.is_known
    assert structure({"status": "online"}, OpenComputerHost).status is OpenComputerHostStatus.ONLINE
    assert host.created_at is not None and host.created_at.tzinfo is not None
    assert host.raw["os"] == {"name": "macOS"}
    assert "hk_secret_123" not in repr(host)
    assert host.host_key == "hk_secret_123"


def test_job_models_parse_the_state_shape() -> None:
    job = structure(
        {
            "id": "j_1",
            "host_id": "h_1",
            "tenant_id": "t_1",
            "cmd": "npm",
            "args": ["test"],
            "cwd": "/w",
            "timeout_ms": 30000,
            "state": "succeeded",
            "exit_code": 0,
            "started_at": "2026-03-01T10:00:00Z",
            "ended_at": "2026-03-01T10:01:00Z",
            "inserted_at": "2026-03-01T09:59:59Z",
        },
        OpenComputerJob,
    )
    assert job.state is OpenComputerJobState.SUCCEEDED and job.cmd == "npm"
    assert job.timeout_ms == 30000 and job.ended_at is not None
    result = structure({"job_id": "j_1", "exit_code": 2, "stderr": "x"}, OpenComputerJobResult)
    assert (result.stdout, result.stderr, result.ok) == ("", "x", False)
    row = structure(
        {"job_id": "j_1", "kind": "job.done", "status": "ok", "payload": {"exit": 0}},
        OpenComputerJobActivity,
    )
    assert (row.kind, row.payload) == ("job.done", {"exit": 0})


def test_job_and_file_models_parse_realistic_payloads() -> None:
    job = structure(
        {
            "id": "j_1",
            "host_id": "h_1",
            "status": "completed",
            "command": "npm",
            "args": ["test"],
            "env": ["CI=1"],
            "cwd": None,
            "exit_code": 0,
            "stdout": "ok\n",
            "stderr": "",
            "completed_at": "2026-03-01T10:01:00Z",
        },
        OpenComputerJob,
    )
    assert job.status is OpenComputerJobStatus.COMPLETED
    assert job.args == ("test",) and job.env == ("CI=1",) and job.exit_code == 0
    listing = structure(
        {
            "path": "/home",
            "entries": [
                {
                    "name": "a",
                    "path": "/home/a",
                    "size": 3,
                    "is_dir": False,
                    "modified_at": 1767225600,
                },
                {"name": "d", "path": "/home/d", "size": 0, "is_dir": True, "owner": "me"},
            ],
        },
        OpenComputerFileList,
    )
    assert listing.entries is not None
    assert [e.name for e in listing.entries] == ["a", "d"]
    assert (
        listing.entries[0].modified_at is not None and listing.entries[0].modified_at.year == 2026
    )
    assert listing.entries[1].raw["owner"] == "me"


def test_agent_session_takes_its_id_from_session_id() -> None:
    session = structure(
        {"session_id": "s_9", "status": "canceled", "tools": ["bash", "fs"], "turns_used": 2},
        OpenComputerAgentSession,
    )
    assert session.id == "s_9" and session.session_id == "s_9"
    assert session.status is OpenComputerAgentSessionStatus.CANCELED
    assert session.tools == ("bash", "fs")
    both = structure({"id": "a", "session_id": "b"}, OpenComputerAgentSession)
    assert both.id == "a"


def test_cluster_tunnel_install_workspace_secret_and_ticket_models() -> None:
    cluster = structure(
        {
            "id": "c_1",
            "status": "active",
            "host_ids": ["h_1", "h_2"],
            "inference_url": "https://x/inference/llm/v1",
        },
        OpenComputerCluster,
    )
    assert cluster.status is OpenComputerClusterStatus.ACTIVE and cluster.host_ids == ("h_1", "h_2")
    tunnel = structure(
        {"id": "t", "auth_mode": "sso", "target_port": 3000, "enabled": True}, OpenComputerTunnel
    )
    assert tunnel.auth_mode == "sso" and tunnel.auth_mode is not OpenComputerTunnelAuthMode.PUBLIC
    install = structure(
        {"id": "i", "status": "failed", "error": "disk full"}, OpenComputerAppInstall
    )
    assert install.status is OpenComputerAppInstallStatus.FAILED and install.error == "disk full"
    workspace = structure({"id": "w", "status": "ready", "directory": "/w"}, OpenComputerWorkspace)
    assert workspace.status == "ready" and workspace.directory == "/w"
    secret = structure({"id": "s", "name": "K", "host_id": None}, OpenComputerSecret)
    assert secret.name == "K" and secret.host_id is None
    revealed = structure({"value": "hunter2"}, OpenComputerSecretValue)
    assert revealed.value == "hunter2" and "hunter2" not in repr(revealed)
    ticket = structure(
        {"ticket": "jwt.abc", "ws_url": "wss://h/ws?t=1", "expires_at": "2026-03-01T10:00:30Z"},
        OpenComputerTicket,
    )
    assert ticket.ws_url == "wss://h/ws?t=1" and "jwt.abc" not in repr(ticket)
    event = structure({"type": "host_connected", "host_id": "h_1"}, OpenComputerHostEvent)
    assert event.type is OpenComputerHostEventType.HOST_CONNECTED
