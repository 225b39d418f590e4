# This file was generated from
#   tests/_async/test_sandbox_extras.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for metrics (window always sent) and the sandbox routes 2.19.2 calls that
were added later: resources and resize, SSH certificates and info and the browser CDP grant
(the code interpreter is in test_sandbox_code.py); and the readiness rule on platform components."""

from __future__ import annotations

import pytest

from miosa.types.sandboxes import (
    BrowserCdpGrant,
    Readiness,
    SandboxMetrics,
    SandboxResize,
    SandboxResourceAmounts,
    SandboxResources,
    SshCertificate,
    SshInfo,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI

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
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").metrics(),
        method="GET",
        path=S + "/metrics",
        check=lambda r: isinstance(r, SandboxMetrics) and r.current == {"cpu_count": 2},
        reply={"data": {"resource_type": "sandbox", "current": {"cpu_count": 2}}},
        query={"window": "1h"},
    ),
    Case(
        call=lambda c: c.sandboxes.metrics("sbx_1", window="24h"),
        method="GET",
        path=S + "/metrics",
        check=lambda r: isinstance(r, SandboxMetrics),
        query={"window": "24h"},
    ),
    Case(
        call=lambda c: c.sandboxes.resources("sbx_1"),
        method="GET",
        path=S + "/resources",
        check=lambda r: (
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
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").resize(cpu_count=4),
        method="PATCH",
        path=S + "/resources",
        check=lambda r: (
            isinstance(r, SandboxResize)
            and r.requires_restart is True
            and r.changes == {"cpu": {"from": 2, "to": 4}}
            and r.resources == SandboxResourceAmounts(cpu=2, memory_mb=4096)
        ),
        reply={"data": RESIZED},
        body={"cpu_count": 4},
    ),
    Case(
        call=lambda c: c.sandboxes.resize("sbx_1", cpu_count=2, memory_mb=8192),
        method="PATCH",
        path=S + "/resources",
        check=lambda r: r.restarted is True and r.new_sandbox == {"id": "sbx_2"},
        reply={"restarted": True, "new_sandbox": {"id": "sbx_2"}, "source_sandbox": {"id": "a"}},
        body={"cpu_count": 2, "memory_mb": 8192},
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").ssh_certificates(
            public_key="ssh-ed25519 AAAA", ttl_seconds=600
        ),
        method="POST",
        path=S + "/ssh-certificates",
        check=lambda r: (
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
    Case(
        call=lambda c: c.sandboxes.ssh_certificates("sbx_1", public_key="k"),
        method="POST",
        path=S + "/ssh-certificates",
        check=lambda r: isinstance(r, SshCertificate),
        body={"public_key": "k"},
    ),
    Case(
        call=lambda c: c.sandboxes.ssh_info("sbx_1"),
        method="GET",
        path=S + "/ssh-info",
        check=lambda r: (
            r == SshInfo(host="ssh.example", port=22, user="root", tunnel_url="wss://t")
        ),
        reply={
            "data": {"host": "ssh.example", "port": 22, "user": "root", "tunnel_url": "wss://t"}
        },
    ),
    Case(
        call=lambda c: c.sandboxes.browser_cdp_url("sbx_1"),
        method="POST",
        path=S + "/browser/cdp-url",
        check=lambda r: (
            isinstance(r, BrowserCdpGrant)
            and r.epoch == 3
            and r.cdp_ws_url == CDP["cdp_ws_url"]
            and r.cdp_expires_at is not None
            and r.cdp_debugger_address is None
        ),
        reply={"data": CDP},
    ),
    Case(
        call=lambda c: c.sandboxes.handle("sbx_1").browser_cdp_url(ttl_seconds=120),
        method="POST",
        path=S + "/browser/cdp-url",
        check=lambda r: r.cdp_debugger_address == "127.0.0.1:9222",
        reply={"data": {**CDP, "cdp_debugger_address": "127.0.0.1:9222"}},
        body={"ttl_seconds": 120},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{case.route}" for i, case in enumerate(CASES)])
def test_sandbox_extras_wire(case: Case) -> None:
    run_case(case)


def test_resize_without_a_change_sends_nothing() -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(ValueError, match="cpu_count and/or memory_mb"):
            client.sandboxes.resize("sbx_1")
    assert api.requests == []


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
