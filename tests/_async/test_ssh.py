"""SSH kit and WebSocket targets: the wire, the renderers, and the one-call setup."""

from __future__ import annotations

import shlex

import pytest

from miosa import NotFoundError
from miosa.types import SshCertificate, SshInfo, SshKeyGrant, SshSetup, WebSocketTarget
from tests._async._helpers import make_client, run_case
from tests.helpers import API_KEY, Case, MockAPI, case_id, json_response

S = "/sandboxes/sbx_1"
INFO = SshInfo(host="sbx_1", port=22, user="root")

CASES = [
    Case(call="ssh.info", args=("sbx_1",), method="GET", path=S + "/ssh-info",
         reply={"data": {"host": "sbx_1", "user": "root", "port": 22}},
         check=lambda r: isinstance(r, SshInfo) and (r.host, r.port) == ("sbx_1", 22)),
    Case(call="ssh.install_key", args=("sbx_1", "ssh-ed25519 AAAA me"), method="POST",
         path=S + "/ssh-keys", body={"public_key": "ssh-ed25519 AAAA me"}, result=SshKeyGrant),
    Case(call="ssh.certify", args=("sbx_1", "ssh-ed25519 AAAA me"),
         kwargs={"ttl_seconds": 600, "extra": {"principals": ["root"]}}, method="POST",
         path=S + "/ssh-certificates",
         body={"public_key": "ssh-ed25519 AAAA me", "ttl_seconds": 600,
               "principals": ["root"]},
         reply={"data": {"certificate": "ssh-ed25519-cert-v01@openssh.com AAAA"}},
         check=lambda r: isinstance(r, SshCertificate) and r.certificate is not None),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
async def test_wire(case: Case) -> None:
    await run_case(case)


async def test_renderers_route_through_the_tunnel() -> None:
    async with make_client(MockAPI()) as client:
        command = client.ssh.command(INFO, identity_file="~/.ssh/id ed", remote_command="ls -la")
        config = client.ssh.config_snippet(INFO, alias="box", certificate_file="k-cert.pub")
        known = client.ssh.known_hosts(INFO, "ssh-ed25519 AAAAC3 host@sbx")
    assert shlex.split(command) == [
        "ssh", "-o", "ProxyCommand=python3 -m miosa.ssh_tunnel %h", "-i", "~/.ssh/id ed",
        "root@sbx_1", "--", "ls -la",
    ]  # fmt: skip
    assert config.splitlines() == [
        "Host box",
        "    HostName sbx_1",
        "    User root",
        "    ProxyCommand python3 -m miosa.ssh_tunnel %h",
        "    StrictHostKeyChecking accept-new",
        "    CertificateFile k-cert.pub",
    ]
    assert known == "[sbx_1]:22 ssh-ed25519 AAAAC3"


async def test_ready_reads_info_certifies_and_renders() -> None:
    api = (
        MockAPI()
        .on("GET /sandboxes/sbx_1/ssh-info", json_response(200, {"data": {"host": "sbx_1"}}))
        .on(
            "POST /sandboxes/sbx_1/ssh-certificates",
            json_response(200, {"data": {"certificate": "cert", "principal": "sandbox-sbx_1"}}),
        )
    )
    async with make_client(api) as client:
        setup = await client.ssh.ready("sbx_1", "ssh-ed25519 AAAA", ttl_seconds=300)
    assert isinstance(setup, SshSetup)
    assert [f"{r.method} {r.url.path}" for r in api.requests] == [
        "GET /api/v1/sandboxes/sbx_1/ssh-info",
        "POST /api/v1/sandboxes/sbx_1/ssh-certificates",
    ]
    assert api.body() == {"public_key": "ssh-ed25519 AAAA", "ttl_seconds": 300}
    assert setup.certificate.principal == "sandbox-sbx_1"
    assert setup.command.endswith("root@sbx_1") and "Host miosa" in setup.config
    assert setup.tunnel_url == "wss://api.test.miosa/api/v1/sandboxes/sbx_1/ssh-tunnel"


async def test_an_unknown_sandbox_is_not_found() -> None:
    error = {"error": {"code": "NOT_FOUND", "message": "sandbox sbx_9 not found"}}
    api = MockAPI().on("GET /sandboxes/sbx_9/ssh-info", json_response(404, error))
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError, match="sbx_9"):
            await client.ssh.info("sbx_9")


async def test_websocket_targets_carry_the_url_and_the_credential() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        terminal = client.ws.terminal("sbx_1")
        computer = client.ws.tunnel("computer", "cmp_1", 8080)
        urls = (
            client.ws.terminal_url("sbx 1"),
            client.ws.tunnel_url("sandbox", "sbx_1", 3000),
            client.ws.ssh_tunnel_url("sbx_1"),
        )
        with pytest.raises(ValueError, match="kind"):
            client.ws.tunnel("volume", "v_1", 1)  # type: ignore[arg-type]
    base = "wss://api.test.miosa/api/v1"
    assert isinstance(terminal, WebSocketTarget)
    assert terminal.url == base + "/sandboxes/sbx_1/terminal/stream"
    assert terminal.headers["Authorization"] == f"Bearer {API_KEY}"
    assert computer.url == base + "/computers/cmp_1/tunnel/8080"
    assert urls == (
        base + "/sandboxes/sbx%201/terminal/stream",
        base + "/sandboxes/sbx_1/tunnel/3000",
        base + "/sandboxes/sbx_1/ssh-tunnel",
    )
    assert api.requests == []
