"""``computer.auto_stop``: idle auto-stop under ``/computers/{id}/auto-stop``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ....types._base import JSONObject
from ..._resource import AsyncScopedResource


class AsyncComputerAutoStop(AsyncScopedResource):
    """``computer.auto_stop``: stop the computer after it has been idle."""

    async def get(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """The idle auto-stop configuration. ``GET /computers/{computer_id}/auto-stop``."""
        return await self._object("GET", self._prefix + "/auto-stop", JSONObject, options=options)

    async def update(self, seconds: int, **options: Unpack[RequestOptions]) -> JSONObject:
        """Stop after `seconds` idle (0 disables). ``PATCH /computers/{computer_id}/auto-stop``."""
        return await self._object(
            "PATCH",
            self._prefix + "/auto-stop",
            JSONObject,
            json={"seconds": seconds},
            options=options,
        )
