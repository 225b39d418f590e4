# This file was generated from
#   tests/_async/test_sandbox_ssh_local.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""SSH and DevTools grants of a sandbox end to end on the local server (`miosa.local`):
ssh-info, certificates, installed keys and ``client.ssh.ready``, and a CDP grant. The
local server runs no sshd or browser, so certificates and grant URLs are canned; keys are
checked and fingerprinted as ``ssh-keygen -l`` does."""

from __future__ import annotations

import pytest

from miosa import Miosa, NotFoundError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIHiMxyPP198genayr2Y5w7CXiab4lKTbPZG3e/PujHm dev@laptop"
KEY_FINGERPRINT = "SHA256:THnRp2r2shq89q2KhAkzQDVrcd07GMWLgaFcMsTnwVs"  # ssh-keygen -l


def client_for(server: LocalServer) -> Miosa:
    return Miosa(api_key=server.api_key, base_url=server.base_url)


def test_ssh_info_certificates_keys_and_ready() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create(name="ssh-box")
        ident = sandbox.id or ""
        info = client.ssh.info(ident)
        also = client.sandboxes.ssh_info(ident)
        certificate = client.ssh.certify(ident, KEY, ttl_seconds=600)
        grant = client.ssh.install_key(ident, KEY)
        again = client.ssh.install_key(ident, KEY)
        setup = client.ssh.ready(ident, KEY, identity_file="~/.ssh/id_ed25519")
        with pytest.raises(ValidationError) as too_long:
            client.ssh.certify(ident, KEY, ttl_seconds=7200)
        with pytest.raises(ValidationError) as not_a_key:
            client.ssh.install_key(ident, "hello world")
        with pytest.raises(NotFoundError):
            client.ssh.info("sbx_missing")
    assert info.user == "sandbox" and info.port == 22 and info.host
    assert info.tunnel_url and info.tunnel_url.endswith(f"/sandboxes/{ident}/ssh-tunnel")
    assert info.certificates and info.certificates["principal"] == f"sandbox-{ident}"
    assert also.host == info.host
    assert certificate.principal == f"sandbox-{ident}"
    assert certificate.certificate and certificate.certificate.startswith(
        "ssh-ed25519-cert-v01@openssh.com "
    )
    assert certificate.ca_public_key and certificate.expires_at
    assert grant.fingerprint == KEY_FINGERPRINT and grant.user == "sandbox"
    assert grant.created_at == again.created_at
    assert setup.tunnel_url == info.tunnel_url and "ssh" in setup.command
    assert too_long.value.code == "VALIDATION_ERROR"
    assert not_a_key.value.code == "INVALID_PUBLIC_KEY"


def test_a_browser_cdp_grant_expires_when_asked() -> None:
    with LocalServer() as server, client_for(server) as client:
        sandbox = client.sandboxes.create(name="browser-box")
        default = client.sandboxes.browser_cdp_url(sandbox.id or "")
        short = sandbox.browser_cdp_url(ttl_seconds=60)
        with pytest.raises(ValidationError):
            sandbox.browser_cdp_url(ttl_seconds=10)
    assert default.cdp_ws_url and default.cdp_ws_url.startswith("wss://")
    assert default.cdp_token_id and default.cdp_token_id != short.cdp_token_id
    assert default.cdp_expires_at and short.cdp_expires_at
    assert (default.cdp_expires_at - short.cdp_expires_at).total_seconds() > 3000
