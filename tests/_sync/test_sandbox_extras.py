# This file was generated from
#   tests/_async/test_sandbox_extras.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for metrics (window always sent) and the sandbox routes 2.19.2 calls that
were added later: resources and resize, SSH certificates and info, the browser CDP grant,
and the code interpreter; and the readiness rule on platform components."""

from __future__ import annotations

import httpx
import pytest

from miosa.types.sandboxes import (
    BrowserCdpGrant,
    CodeResult,
    Readiness,
    SandboxMetrics,
    SandboxResize,
    SandboxResourceAmounts,
    SandboxResources,
    SshCertificate,
    SshInfo,
)
from tests._sync._helpers import WireCase, make_client, run_wire_case
from tests.helpers import MockAPI, json_response

S = "/sandboxes/sbx_1"

RESIZED = {
    "applied_live": False,
    "requires_restart": True,
    "changes": {"cpu": {"from": 2, "to": 4}},
    "resources": {"cpu": 2, "memory_mb": 4096},
    "capabilities": {"live_cpu": True, "max_live_cpu": 2},
    "billing": {"cents_per_hour": 3},
}
CDP = {
    "state": "granted",
    "epoch": 3,
    "cdp_url": "https://cdp.example/x",
    "cdp_ws_url": "wss://cdp.example/t/tok/devtools/browser",
    "cdp_http_url": "https://cdp.example/t/tok",
    "cdp_token_id": "cdpt_1",
    "cdp_expires_at": "2026-12-04T12:00:00Z",
    "cdp_host": "https://sbx-1.cdp.example",
    "cdp_host_http_url": "https://sbx-1.cdp.example/json",
    "cdp_host_ws_url": "wss://sbx-1.cdp.example/devtools",
}

CASES = [
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").metrics(),
        "GET",
        S + "/metrics",
        lambda r: isinstance(r, SandboxMetrics) and r.current == {"cpu_count": 2},
        reply={"data": {"resource_type": "sandbox", "current": {"cpu_count": 2}}},
        query={"window": "1h"},
    ),
    WireCase(
        lambda c: c.sandboxes.metrics("sbx_1", window="24h"),
        "GET",
        S + "/metrics",
        lambda r: isinstance(r, SandboxMetrics),
        query={"window": "24h"},
    ),
    WireCase(
        lambda c: c.sandboxes.resources("sbx_1"),
        "GET",
        S + "/resources",
        lambda r: (
            isinstance(r, SandboxResources)
            and r.resources == SandboxResourceAmounts(cpu=2, memory_mb=4096)
            and r.capabilities == {"live_cpu": True}
        ),
        reply={
            "data": {
                "id": "sbx_1",
                "resources": {"cpu": 2, "memory_mb": 4096},
                "capabilities": {"live_cpu": True},
            }
        },
    ),
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").resize(cpu_count=4),
        "PATCH",
        S + "/resources",
        lambda r: (
            isinstance(r, SandboxResize)
            and r.requires_restart is True
            and r.changes == {"cpu": {"from": 2, "to": 4}}
            and r.resources == SandboxResourceAmounts(cpu=2, memory_mb=4096)
        ),
        reply={"data": RESIZED},
        body={"cpu_count": 4},
    ),
    WireCase(
        lambda c: c.sandboxes.resize("sbx_1", cpu_count=2, memory_mb=8192),
        "PATCH",
        S + "/resources",
        lambda r: r.restarted is True and r.new_sandbox == {"id": "sbx_2"},
        reply={"restarted": True, "new_sandbox": {"id": "sbx_2"}, "source_sandbox": {"id": "a"}},
        body={"cpu_count": 2, "memory_mb": 8192},
    ),
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").ssh_certificates(
            public_key="ssh-ed25519 AAAA", ttl_seconds=600
        ),
        "POST",
        S + "/ssh-certificates",
        lambda r: (
            isinstance(r, SshCertificate)
            and r.certificate == "ssh-ed25519-cert-v01@openssh.com AAAA"
            and r.principal == "sandbox-sbx_1"
            and r.ca_public_key == "ssh-ed25519 CA"
        ),
        reply={
            "data": {
                "certificate": "ssh-ed25519-cert-v01@openssh.com AAAA",
                "principal": "sandbox-sbx_1",
                "ca_public_key": "ssh-ed25519 CA",
            }
        },
        body={"public_key": "ssh-ed25519 AAAA", "ttl_seconds": 600},
    ),
    WireCase(
        lambda c: c.sandboxes.ssh_certificates("sbx_1", public_key="k"),
        "POST",
        S + "/ssh-certificates",
        lambda r: isinstance(r, SshCertificate),
        body={"public_key": "k"},
    ),
    WireCase(
        lambda c: c.sandboxes.ssh_info("sbx_1"),
        "GET",
        S + "/ssh-info",
        lambda r: r == SshInfo(host="ssh.example", port=22, user="root", tunnel_url="wss://t"),
        reply={
            "data": {"host": "ssh.example", "port": 22, "user": "root", "tunnel_url": "wss://t"}
        },
    ),
    WireCase(
        lambda c: c.sandboxes.browser_cdp_url("sbx_1"),
        "POST",
        S + "/browser/cdp-url",
        lambda r: (
            isinstance(r, BrowserCdpGrant)
            and r.epoch == 3
            and r.cdp_ws_url == CDP["cdp_ws_url"]
            and r.cdp_expires_at is not None
            and r.cdp_debugger_address is None
        ),
        reply={"data": CDP},
    ),
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").browser_cdp_url(ttl_seconds=120),
        "POST",
        S + "/browser/cdp-url",
        lambda r: r.cdp_debugger_address == "127.0.0.1:9222",
        reply={"data": {**CDP, "cdp_debugger_address": "127.0.0.1:9222"}},
        body={"ttl_seconds": 120},
    ),
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").run_code(
            "x = 1\nx + 1", language="python", context="nb", timeout=30
        ),
        "POST",
        S + "/code/run",
        lambda r: r == CodeResult(ok=True, stdout="", stderr="", result=2, language="python"),
        reply={"data": {"ok": True, "stdout": "", "stderr": "", "result": 2, "language": "python"}},
        body={"code": "x = 1\nx + 1", "language": "python", "context": "nb", "timeout": 30},
    ),
    WireCase(
        lambda c: c.sandboxes.run_code("sbx_1", "print(1)"),
        "POST",
        S + "/code/run",
        lambda r: r.ok is False and r.stderr == "boom",
        reply={"ok": False, "stdout": "", "stderr": "boom"},
        body={"code": "print(1)"},
    ),
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").code_contexts(language="javascript"),
        "GET",
        S + "/code/contexts",
        lambda r: r == ["default", "nb"],
        reply={"data": {"contexts": ["default", "nb"]}},
        query={"language": "javascript"},
    ),
    WireCase(
        lambda c: c.sandboxes.code_contexts("sbx_1"),
        "GET",
        S + "/code/contexts",
        lambda r: r == [],
        reply={"data": {}},
    ),
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").reset_code(context="nb/1"),
        "DELETE",
        S + "/code/contexts/nb%2F1",
        lambda r: r is None,
        reply=httpx.Response(204),
    ),
    WireCase(
        lambda c: c.sandboxes.handle("sbx_1").reset_code_context("a b", language="js"),
        "DELETE",
        S + "/code/contexts/a%20b",
        lambda r: r is None,
        reply=httpx.Response(204),
        query={"language": "js"},
    ),
    WireCase(
        lambda c: c.sandboxes.reset_code("sbx_1", language="python"),
        "DELETE",
        S + "/code",
        lambda r: r is None,
        reply=httpx.Response(204),
        query={"language": "python"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{case.id}" for i, case in enumerate(CASES)])
def test_sandbox_extras_wire(case: WireCase) -> None:
    run_wire_case(case)


def test_resize_without_a_change_sends_nothing() -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(ValueError, match="cpu_count and/or memory_mb"):
            client.sandboxes.resize("sbx_1")
    assert api.requests == []


def test_run_code_stretches_the_read_timeout_to_the_code_timeout() -> None:
    api = MockAPI().on(f"POST {S}/code/run", json_response(200, {"ok": True}))
    with make_client(api, timeout=10) as client:
        client.sandboxes.run_code("sbx_1", "1", timeout=300)
        client.sandboxes.run_code("sbx_1", "1")
    assert api.requests[0].extensions["timeout"]["read"] == 315
    assert api.requests[1].extensions["timeout"]["read"] == 10


def test_readiness_counts_platform_components_not_the_app_probe() -> None:
    platform = {
        name: {"status": "ready"}
        for name in (
            "command_agent",
            "process_control",
            "resource_contract",
            "clock",
            "identity",
            "durability",
            "filesystem",
        )
    }
    assert not Readiness(components=platform).is_ready  # internal_probe missing
    full = {**platform, "internal_probe": "ready", "application_probe": "pending"}
    assert Readiness(components=full).is_ready
    assert Readiness(readiness={"components": full}).is_ready
    assert not Readiness(components={**full, "clock": {"status": "pending"}}).is_ready
    assert Readiness(ready=True).is_ready and Readiness(status="ready").is_ready
    assert not Readiness().is_ready
