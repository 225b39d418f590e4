"""Models of SSH access to a sandbox beyond ssh-info and certificates (types.sandboxes)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model
from .sandboxes import SshCertificate, SshInfo

__all__ = ["SshKeyGrant", "SshSetup"]


@attrs.frozen(kw_only=True)
class SshKeyGrant(Model):
    """``POST /sandboxes/{id}/ssh-keys``: a key authorized in the guest, without expiry."""

    fingerprint: str | None = None
    public_key: str | None = None
    user: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SshSetup:
    """Everything to SSH into a sandbox now, from ``client.ssh.ready``.

    ``command`` and ``config`` route through the tunnel (``tunnel_url``); write
    ``certificate.certificate`` next to the private key as ``<key>-cert.pub``, or pass
    its path as ``certificate_file``.
    """

    info: SshInfo
    certificate: SshCertificate
    command: str
    config: str
    tunnel_url: str
