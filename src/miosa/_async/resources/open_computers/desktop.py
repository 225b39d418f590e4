"""``client.open_computers.desktop``: desktop stream WebSocket tickets."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ....types.open_computers import OpenComputerTicket
from ..._resource import AsyncAPIResource
from ._base import host_path


class AsyncOpenComputerDesktop(AsyncAPIResource):
    """``client.open_computers.desktop``: tickets for a host's desktop (KasmVNC) stream."""

    async def ticket(self, host_id: str, **options: Unpack[RequestOptions]) -> OpenComputerTicket:
        """Get a short-lived desktop stream ticket and its ``ws_url``.

        ``POST /opencomputers/hosts/{host_id}/desktop/ticket``.
        """
        return await self._object(
            "POST", host_path("/desktop/ticket", host_id), OpenComputerTicket, options=options
        )
