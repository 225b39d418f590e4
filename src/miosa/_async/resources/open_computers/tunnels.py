"""Tunnels: public URLs forwarding to ports on an OpenComputers host."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body
from ....types.open_computers import OpenComputerTunnel
from ..._resource import AsyncAPIResource
from ._base import host_path


def _tunnel(host_id: str, tunnel_id: str) -> str:
    return host_path("/tunnels/{tunnel_id}", host_id, tunnel_id=tunnel_id)


class AsyncOpenComputerTunnels(AsyncAPIResource):
    """``client.open_computers.tunnels``: expose a host's port at a public URL."""

    async def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> list[OpenComputerTunnel]:
        """List a host's tunnels. ``GET /opencomputers/hosts/{host_id}/tunnels``."""
        return await self._list(
            "GET",
            host_path("/tunnels", host_id),
            OpenComputerTunnel,
            keys=("data", "tunnels", "items"),
            options=options,
        )

    async def create(
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
        return await self._object(
            "POST",
            host_path("/tunnels", host_id),
            OpenComputerTunnel,
            json=body(target_port=target_port, auth_mode=auth_mode, slug=slug),
            options=options,
        )

    async def get(
        self, host_id: str, tunnel_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerTunnel:
        """Fetch a tunnel. ``GET /opencomputers/hosts/{host_id}/tunnels/{tunnel_id}``."""
        return await self._object(
            "GET", _tunnel(host_id, tunnel_id), OpenComputerTunnel, options=options
        )

    async def update(
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
        return await self._object(
            "PATCH",
            _tunnel(host_id, tunnel_id),
            OpenComputerTunnel,
            json=body(target_port=target_port, auth_mode=auth_mode, enabled=enabled),
            options=options,
        )

    async def delete(self, host_id: str, tunnel_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a tunnel. ``DELETE /opencomputers/hosts/{host_id}/tunnels/{tunnel_id}``."""
        await self._none("DELETE", _tunnel(host_id, tunnel_id), options=options)
