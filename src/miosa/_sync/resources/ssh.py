# This file was generated from
#   src/miosa/_async/resources/ssh.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.ssh`` (SSH into sandboxes) and ``client.ws`` (the WebSocket endpoints)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.ssh import (
    DEFAULT_ALIAS,
    TUNNEL_PROXY_COMMAND,
    known_hosts_line,
    ssh_command,
    ssh_config_block,
    tunnel_path,
)
from ...types.sandboxes import SshCertificate, SshInfo
from ...types.ssh import SshKeyGrant, SshSetup
from ...types.websocket import WebSocketTarget
from .._resource import APIResource


def _sandbox(sandbox_id: str, rest: str) -> str:
    return route("/sandboxes/{sandbox_id}", sandbox_id=sandbox_id) + rest


class WebSockets(APIResource):
    """``client.ws``: where to connect the WebSocket endpoints; makes no request.

    Each method returns a `WebSocketTarget` (``url``, ``headers`` with the credential,
    ``subprotocol``) for the WebSocket library of your choice, e.g.
    ``websockets.connect(t.url, additional_headers=t.headers)``.
    """

    def terminal(self, sandbox_id: str) -> WebSocketTarget:
        """A sandbox's terminal stream: ``WS /sandboxes/{sandbox_id}/terminal/stream``."""
        return self._websocket(_sandbox(sandbox_id, "/terminal/stream"))

    def ssh_tunnel(self, sandbox_id: str) -> WebSocketTarget:
        """A byte relay to the sandbox's sshd: ``WS /sandboxes/{sandbox_id}/ssh-tunnel``."""
        return self._websocket(_sandbox(sandbox_id, "/ssh-tunnel"))

    def sandbox_tunnel(self, sandbox_id: str, port: int) -> WebSocketTarget:
        """A TCP tunnel to a sandbox port: ``WS /sandboxes/{sandbox_id}/tunnel/{port}``."""
        return self._websocket(
            route("/sandboxes/{sandbox_id}/tunnel/{port}", sandbox_id=sandbox_id, port=port)
        )

    def computer_tunnel(self, computer_id: str, port: int) -> WebSocketTarget:
        """A TCP tunnel to a computer port: ``WS /computers/{computer_id}/tunnel/{port}``."""
        return self._websocket(
            route("/computers/{computer_id}/tunnel/{port}", computer_id=computer_id, port=port)
        )

    def tunnel(
        self, kind: Literal["sandbox", "computer"], resource_id: str, port: int
    ) -> WebSocketTarget:
        """A TCP tunnel to ``port`` of a sandbox or a computer (``kind``)."""
        which, ident = tunnel_path(kind, resource_id, port)
        if which == "sandbox":
            return self.sandbox_tunnel(ident, port)
        return self.computer_tunnel(ident, port)

    def terminal_url(self, sandbox_id: str) -> str:
        """The URL of `terminal` alone."""
        return self.terminal(sandbox_id).url

    def tunnel_url(self, kind: Literal["sandbox", "computer"], resource_id: str, port: int) -> str:
        """The URL of `tunnel` alone."""
        return self.tunnel(kind, resource_id, port).url

    def ssh_tunnel_url(self, sandbox_id: str) -> str:
        """The URL of `ssh_tunnel` alone."""
        return self.ssh_tunnel(sandbox_id).url


class Ssh(APIResource):
    """``client.ssh``: keys, certificates and ready-to-run ``ssh`` for a sandbox.

    The connection goes through the authenticated WebSocket tunnel; the rendered
    commands use ``python3 -m miosa.ssh_tunnel`` as the ``ProxyCommand``, which reads
    ``MIOSA_API_KEY`` (and ``MIOSA_BASE_URL``) from the environment and needs the
    ``websockets`` package (``pip install "miosa[ssh]"``).
    """

    def info(self, sandbox_id: str, **options: Unpack[RequestOptions]) -> SshInfo:
        """Host, user, tunnel and certificate details. ``GET /sandboxes/{sandbox_id}/ssh-info``."""
        return self._object("GET", _sandbox(sandbox_id, "/ssh-info"), SshInfo, options=options)

    def install_key(
        self, sandbox_id: str, public_key: str, **options: Unpack[RequestOptions]
    ) -> SshKeyGrant:
        """Authorize a public key in the guest, without expiry (needs ``sandboxes:exec``).

        ``POST /sandboxes/{sandbox_id}/ssh-keys``.
        """
        return self._object(
            "POST",
            _sandbox(sandbox_id, "/ssh-keys"),
            SshKeyGrant,
            json={"public_key": public_key},
            options=options,
        )

    def certify(
        self,
        sandbox_id: str,
        public_key: str,
        *,
        ttl_seconds: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SshCertificate:
        """Sign a key for principal ``sandbox-<id>`` (15 minutes unless ``ttl_seconds``).

        ``POST /sandboxes/{sandbox_id}/ssh-certificates``.
        """
        payload = merge(body(public_key=public_key, ttl_seconds=ttl_seconds), extra)
        return self._object(
            "POST",
            _sandbox(sandbox_id, "/ssh-certificates"),
            SshCertificate,
            json=payload,
            options=options,
        )

    def config_snippet(
        self,
        info: SshInfo,
        *,
        alias: str = DEFAULT_ALIAS,
        identity_file: str | None = None,
        certificate_file: str | None = None,
        proxy_command: str = TUNNEL_PROXY_COMMAND,
    ) -> str:
        """A ``~/.ssh/config`` block for the sandbox ``info`` describes (no request)."""
        return ssh_config_block(
            info,
            alias=alias,
            identity_file=identity_file,
            certificate_file=certificate_file,
            proxy_command=proxy_command,
        )

    def known_hosts(self, info: SshInfo, key: str) -> str:
        """The ``known_hosts`` line for a host key (no request)."""
        return known_hosts_line(info, key)

    def command(
        self,
        info: SshInfo,
        *,
        identity_file: str | None = None,
        certificate_file: str | None = None,
        remote_command: str | None = None,
        proxy_command: str = TUNNEL_PROXY_COMMAND,
    ) -> str:
        """A ready ``ssh`` command line (no request)."""
        return ssh_command(
            info,
            identity_file=identity_file,
            certificate_file=certificate_file,
            remote_command=remote_command,
            proxy_command=proxy_command,
        )

    def ready(
        self,
        sandbox_id: str,
        public_key: str,
        *,
        ttl_seconds: int | NotGiven = NOT_GIVEN,
        identity_file: str | None = None,
        certificate_file: str | None = None,
        remote_command: str | None = None,
        alias: str = DEFAULT_ALIAS,
    ) -> SshSetup:
        """Read ssh-info, certify ``public_key`` and render the command and config: one call."""
        info = self.info(sandbox_id)
        certificate = self.certify(sandbox_id, public_key, ttl_seconds=ttl_seconds)
        return SshSetup(
            info=info,
            certificate=certificate,
            command=ssh_command(
                info,
                identity_file=identity_file,
                certificate_file=certificate_file,
                remote_command=remote_command,
            ),
            config=ssh_config_block(
                info,
                alias=alias,
                identity_file=identity_file,
                certificate_file=certificate_file,
            ),
            tunnel_url=info.tunnel_url or WebSockets(self._client).ssh_tunnel_url(sandbox_id),
        )
