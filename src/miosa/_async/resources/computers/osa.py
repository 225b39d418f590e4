"""``computer.osa``: the in-VM OSA agent under ``/computers/{id}/osa``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.request import merge
from ....types._base import JSONObject
from ..._resource import AsyncScopedResource


class AsyncComputerOsa(AsyncScopedResource):
    """``computer.osa``: hand tasks to the agent running inside the computer."""

    async def submit_task(self, task: str, *, extra: Mapping[str, Any] | None = None) -> JSONObject:
        """Give the agent a task; ``extra`` passes further parameters through.

        ``POST /computers/{computer_id}/osa/task``.
        """
        payload = merge({"task": task}, extra)
        return await self._object("POST", self._prefix + "/osa/task", JSONObject, json=payload)

    async def cancel_task(self) -> JSONObject:
        """Cancel the running task. ``DELETE /computers/{computer_id}/osa/task``."""
        return await self._object("DELETE", self._prefix + "/osa/task", JSONObject)

    async def status(self) -> JSONObject:
        """Task, configuration and health. ``GET /computers/{computer_id}/osa/status``."""
        return await self._object("GET", self._prefix + "/osa/status", JSONObject)

    async def configure(self, config: Mapping[str, Any] | None = None) -> JSONObject:
        """Configure the agent (model, tools, secrets ...), passed through verbatim.

        ``POST /computers/{computer_id}/osa/configure``.
        """
        return await self._object(
            "POST", self._prefix + "/osa/configure", JSONObject, json=merge({}, config)
        )
