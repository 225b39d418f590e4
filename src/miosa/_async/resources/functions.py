"""Serverless functions: ``/functions``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.functions import Function
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


def _function_path(function_id: str) -> str:
    return route("/functions/{function_id}", function_id=function_id)


class AsyncFunctions(AsyncAPIResource):
    """``client.functions``: deploy, change and invoke serverless functions."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        state: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Function]:
        """List functions. ``GET /functions``; ``extra`` adds query parameters."""
        return self._page(
            "/functions",
            Function,
            params=query_with(extra, limit=limit, cursor=cursor, state=state),
            keys=("data", "items", "functions"),
            options=options,
        )

    async def get(self, function_id: str, **options: Unpack[RequestOptions]) -> Function:
        """Fetch a function. ``GET /functions/{function_id}``."""
        return await self._object("GET", _function_path(function_id), Function, options=options)

    async def create(
        self,
        *,
        name: str,
        runtime: str | NotGiven = NOT_GIVEN,
        handler: str | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Function:
        """Create a function. ``POST /functions``.

        The code itself goes in ``extra`` under the key your server expects (the
        contract does not name it; ``code``/``source`` are likely).
        """
        payload = body(
            name=name,
            runtime=runtime,
            handler=handler,
            memory_mb=memory_mb,
            timeout_sec=timeout_sec,
            env=env,
        )
        return await self._object(
            "POST",
            "/functions",
            Function,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def update(
        self,
        function_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        runtime: str | NotGiven = NOT_GIVEN,
        handler: str | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Function:
        """Change a function. ``PATCH /functions/{function_id}``."""
        payload = body(
            name=name,
            runtime=runtime,
            handler=handler,
            memory_mb=memory_mb,
            timeout_sec=timeout_sec,
            env=env,
        )
        return await self._object(
            "PATCH",
            _function_path(function_id),
            Function,
            json=merge(payload, extra),
            options=options,
        )

    async def delete(self, function_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a function. ``DELETE /functions/{function_id}``."""
        await self._none("DELETE", _function_path(function_id), options=options)

    async def invoke(
        self,
        function_id: str,
        payload: Mapping[str, Any] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """Call a function with ``payload`` as its JSON body (``{}`` by default).

        ``POST /functions/{function_id}/invoke``. ``headers`` are sent as HTTP request
        headers. Returns the function's result exactly as decoded from JSON (it is the
        function's own output, so no envelope is removed).
        """
        result, _ = await self._json(
            "POST",
            _function_path(function_id) + "/invoke",
            json=dict(payload or {}),
            headers=headers,
            idempotency_key=idempotency_key,
            options=options,
        )
        return result
