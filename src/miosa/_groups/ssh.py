"""Pure renderers for SSH into a sandbox: ``ssh`` commands, config blocks, known_hosts.

A sandbox's sshd is reached through the authenticated WebSocket tunnel
(``/sandboxes/{id}/ssh-tunnel``), never by dialling the guest: the rendered ``ssh`` uses a
``ProxyCommand`` (``python3 -m miosa.ssh_tunnel <sandbox id>``) that relays the bytes, with
the API key from the environment as the only credential the jump needs.
"""

from __future__ import annotations

import shlex
from typing import Final

from ..types.sandboxes import SshInfo

DEFAULT_ALIAS: Final = "miosa"
# ``%h`` is the host name ssh resolved, which the rendered config sets to the sandbox id.
TUNNEL_PROXY_COMMAND: Final = "python3 -m miosa.ssh_tunnel %h"


def _host(info: SshInfo) -> str:
    return info.host or ""


def ssh_config_block(
    info: SshInfo,
    *,
    alias: str = DEFAULT_ALIAS,
    identity_file: str | None = None,
    certificate_file: str | None = None,
    proxy_command: str = TUNNEL_PROXY_COMMAND,
) -> str:
    """A ``~/.ssh/config`` block: ``ssh <alias>`` then reaches the sandbox via the tunnel."""
    lines = [
        f"Host {alias}",
        f"    HostName {_host(info)}",
        f"    User {info.user or 'root'}",
        f"    ProxyCommand {proxy_command}",
        "    StrictHostKeyChecking accept-new",
    ]
    if identity_file:
        lines.append(f"    IdentityFile {identity_file}")
    if certificate_file:
        lines.append(f"    CertificateFile {certificate_file}")
    return "\n".join(lines)


def known_hosts_line(info: SshInfo, key: str) -> str:
    """The ``known_hosts`` entry for a host key (an OpenSSH public key line).

    The tunnel is not pinned to an address, so the entry names ``[host]:port``.
    """
    host = f"[{_host(info)}]:{info.port or 22}"
    key_type, _, key_body = key.strip().partition(" ")
    if not key_body:
        return f"{host} {key.strip()}"
    return f"{host} {key_type} {key_body.split()[0]}"


def ssh_command(
    info: SshInfo,
    *,
    identity_file: str | None = None,
    certificate_file: str | None = None,
    remote_command: str | None = None,
    proxy_command: str = TUNNEL_PROXY_COMMAND,
) -> str:
    """A ready ``ssh`` command line, each argument shell-quoted.

    ``remote_command`` runs instead of a shell (``"bash -s"`` reads a script on stdin).
    """
    parts = ["ssh", "-o", f"ProxyCommand={proxy_command}"]
    if identity_file:
        parts += ["-i", identity_file]
    if certificate_file:
        parts += ["-o", f"CertificateFile={certificate_file}"]
    parts.append(f"{info.user or 'root'}@{_host(info)}")
    if remote_command:
        parts += ["--", remote_command]
    return shlex.join(parts)


def tunnel_path(kind: str, resource_id: str, port: int | str) -> tuple[str, str]:
    """(``sandbox``/``computer``, the id) checked; ``ValueError`` for another kind."""
    if kind in ("sandbox", "sandboxes"):
        return "sandbox", resource_id
    if kind in ("computer", "computers"):
        return "computer", resource_id
    raise ValueError(f"kind must be 'sandbox' or 'computer', not {kind!r} (port {port})")
