"""``computer.inbox``: the inbox configuration at ``/computers/{id}/inbox``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import merge
from ....types._base import JSONObject
from ..._resource import AsyncScopedResource


class AsyncComputerInbox(AsyncScopedResource):
    """``computer.inbox``: read and change the computer's inbox configuration."""

    async def get(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """The inbox configuration. ``GET /computers/{computer_id}/inbox``."""
        return await self._object("GET", self._prefix + "/inbox", JSONObject, options=options)

    async def update(
        self, fields: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> JSONObject:
        """Change inbox fields (passed through). ``PATCH /computers/{computer_id}/inbox``."""
        return await self._object(
            "PATCH", self._prefix + "/inbox", JSONObject, json=merge({}, fields), options=options
        )
