"""``client.open_computers.terminal``: PTY WebSocket tickets."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ....types.open_computers import OpenComputerTicket
from ..._resource import AsyncAPIResource
from ._base import host_path


class AsyncOpenComputerTerminal(AsyncAPIResource):
    """``client.open_computers.terminal``: tickets for a host's PTY WebSocket."""

    async def ticket(self, host_id: str, **options: Unpack[RequestOptions]) -> OpenComputerTicket:
        """Get a short-lived terminal ticket and its ``ws_url``.

        ``POST /opencomputers/hosts/{host_id}/terminal/ticket``. Open the URL at once;
        the PTY protocol over the WebSocket is not wrapped by the SDK.
        """
        return await self._object(
            "POST", host_path("/terminal/ticket", host_id), OpenComputerTicket, options=options
        )
