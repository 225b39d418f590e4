"""Uptime health checks: ``/health-checks``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.health_checks import HealthCheck
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


def _check_path(check_id: str) -> str:
    return route("/health-checks/{check_id}", check_id=check_id)


class AsyncHealthChecks(AsyncAPIResource):
    """``client.health_checks``: periodic HTTP checks of a URL."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        state: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[HealthCheck]:
        """List health checks. ``GET /health-checks``; ``extra`` adds query parameters."""
        return self._page(
            "/health-checks",
            HealthCheck,
            params=query_with(extra, limit=limit, cursor=cursor, state=state),
            keys=("data", "items", "health_checks"),
            options=options,
        )

    async def get(self, check_id: str, **options: Unpack[RequestOptions]) -> HealthCheck:
        """Fetch a health check. ``GET /health-checks/{check_id}``."""
        return await self._object("GET", _check_path(check_id), HealthCheck, options=options)

    async def create(
        self,
        *,
        name: str,
        url: str,
        interval_sec: int | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        method: str | NotGiven = NOT_GIVEN,
        expected_status: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> HealthCheck:
        """Start checking ``url`` every ``interval_sec`` seconds. ``POST /health-checks``.

        ``method`` is the HTTP method of the check, ``expected_status`` the status
        that counts as up.
        """
        payload = body(
            name=name,
            url=url,
            interval_sec=interval_sec,
            timeout_sec=timeout_sec,
            method=method,
            expected_status=expected_status,
        )
        return await self._object(
            "POST",
            "/health-checks",
            HealthCheck,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def update(
        self,
        check_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        interval_sec: int | NotGiven = NOT_GIVEN,
        timeout_sec: int | NotGiven = NOT_GIVEN,
        method: str | NotGiven = NOT_GIVEN,
        expected_status: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> HealthCheck:
        """Change a health check. ``PATCH /health-checks/{check_id}``."""
        payload = body(
            name=name,
            url=url,
            interval_sec=interval_sec,
            timeout_sec=timeout_sec,
            method=method,
            expected_status=expected_status,
        )
        return await self._object(
            "PATCH", _check_path(check_id), HealthCheck, json=payload, options=options
        )

    async def delete(self, check_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a health check. ``DELETE /health-checks/{check_id}``."""
        await self._none("DELETE", _check_path(check_id), options=options)
