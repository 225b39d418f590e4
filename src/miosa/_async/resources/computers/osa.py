"""``computer.osa``: the in-VM OSA agent under ``/computers/{id}/osa``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import merge
from ....types._base import JSONObject
from ..._resource import AsyncScopedResource


class AsyncComputerOsa(AsyncScopedResource):
    """``computer.osa``: hand tasks to the agent running inside the computer."""

    async def submit_task(
        self,
        task: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> JSONObject:
        """Give the agent a task; ``extra`` passes further parameters through.

        ``POST /computers/{computer_id}/osa/task``.
        """
        payload = merge({"task": task}, extra)
        return await self._object(
            "POST", self._prefix + "/osa/task", JSONObject, json=payload, options=options
        )

    async def cancel_task(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """Cancel the running task. ``DELETE /computers/{computer_id}/osa/task``."""
        return await self._object("DELETE", self._prefix + "/osa/task", JSONObject, options=options)

    async def status(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """Task, configuration and health. ``GET /computers/{computer_id}/osa/status``."""
        return await self._object("GET", self._prefix + "/osa/status", JSONObject, options=options)

    async def configure(
        self, config: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> JSONObject:
        """Configure the agent (model, tools, secrets ...), passed through verbatim.

        ``POST /computers/{computer_id}/osa/configure``.
        """
        return await self._object(
            "POST",
            self._prefix + "/osa/configure",
            JSONObject,
            json=merge({}, config),
            options=options,
        )
