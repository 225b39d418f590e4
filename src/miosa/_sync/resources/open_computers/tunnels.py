# This file was generated from
#   src/miosa/_async/resources/open_computers/tunnels.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Tunnels: public URLs forwarding to ports on an OpenComputers host."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body
from ....types.open_computers import OpenComputerTunnel
from ..._resource import APIResource
from ._base import host_path


def _tunnel(host_id: str, tunnel_id: str) -> str:
    return host_path("/tunnels/{tunnel_id}", host_id, tunnel_id=tunnel_id)


class OpenComputerTunnels(APIResource):
    """``client.open_computers.tunnels``: expose a host's port at a public URL."""

    def list(self, host_id: str, **options: Unpack[RequestOptions]) -> list[OpenComputerTunnel]:
        """List a host's tunnels. ``GET /opencomputers/hosts/{host_id}/tunnels``."""
        return self._list(
            "GET",
            host_path("/tunnels", host_id),
            OpenComputerTunnel,
            keys=("data", "tunnels", "items"),
            options=options,
        )

    def create(
        self,
        host_id: str,
        *,
        target_port: int,
        auth_mode: str | NotGiven = NOT_GIVEN,
        slug: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerTunnel:
        """Expose `target_port` at a public URL. ``POST /opencomputers/hosts/{host_id}/tunnels``.

        ``auth_mode`` is ``"public"``, ``"tenant_only"`` or ``"password"``.
        """
        return self._object(
            "POST",
            host_path("/tunnels", host_id),
            OpenComputerTunnel,
            json=body(target_port=target_port, auth_mode=auth_mode, slug=slug),
            options=options,
        )

    def get(
        self, host_id: str, tunnel_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerTunnel:
        """Fetch a tunnel. ``GET /opencomputers/hosts/{host_id}/tunnels/{tunnel_id}``."""
        return self._object("GET", _tunnel(host_id, tunnel_id), OpenComputerTunnel, options=options)

    def update(
        self,
        host_id: str,
        tunnel_id: str,
        *,
        target_port: int | NotGiven = NOT_GIVEN,
        auth_mode: str | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerTunnel:
        """Change a tunnel's port or access, or switch it off.

        ``PATCH /opencomputers/hosts/{host_id}/tunnels/{tunnel_id}``.
        """
        return self._object(
            "PATCH",
            _tunnel(host_id, tunnel_id),
            OpenComputerTunnel,
            json=body(target_port=target_port, auth_mode=auth_mode, enabled=enabled),
            options=options,
        )

    def delete(self, host_id: str, tunnel_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a tunnel. ``DELETE /opencomputers/hosts/{host_id}/tunnels/{tunnel_id}``."""
        self._none("DELETE", _tunnel(host_id, tunnel_id), options=options)
