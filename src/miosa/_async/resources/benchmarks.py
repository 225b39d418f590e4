"""Platform benchmark runs (admin)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._concurrency import asleep
from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import body, merge, route
from ..._core.waiters import Poller, WaitTarget
from ..._groups.platform import query_with
from ...types.benchmarks import (
    FINISHED_STATUSES,
    BenchmarkComparison,
    BenchmarkKind,
    BenchmarkRun,
    BenchmarkSample,
)
from .._resource import AsyncAPIResource


def _run_path(benchmark_id: str, suffix: str = "") -> str:
    return route("/admin/benchmarks/{benchmark_id}", benchmark_id=benchmark_id) + suffix


class AsyncBenchmarks(AsyncAPIResource):
    """``client.benchmarks``: start, follow and compare benchmark runs (admin credential)."""

    async def list(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[BenchmarkRun]:
        """List benchmark runs. ``GET /admin/benchmarks``.

        ``extra`` adds query parameters, sent as given.
        """
        return await self._list(
            "GET",
            "/admin/benchmarks",
            BenchmarkRun,
            params=query_with(extra),
            keys=("data", "items", "benchmarks"),
            options=options,
        )

    async def get(self, benchmark_id: str, **options: Unpack[RequestOptions]) -> BenchmarkRun:
        """Fetch one run. ``GET /admin/benchmarks/{benchmark_id}``."""
        return await self._object("GET", _run_path(benchmark_id), BenchmarkRun, options=options)

    async def create(
        self, *, kind: BenchmarkKind | str, options: Mapping[str, Any] | None = None
    ) -> BenchmarkRun:
        """Start a run; it proceeds in the background. ``POST /admin/benchmarks``.

        ``kind`` is ``cold_boot``, ``fleet_routing``, ``concurrent_create`` or
        ``full_e2e``; ``options`` are the run-specific body keys.
        """
        payload = merge(body(kind=kind), options)
        return await self._object("POST", "/admin/benchmarks", BenchmarkRun, json=payload)

    async def cancel(self, benchmark_id: str, **options: Unpack[RequestOptions]) -> BenchmarkRun:
        """Cancel a run. ``POST /admin/benchmarks/{benchmark_id}/cancel``."""
        return await self._object(
            "POST", _run_path(benchmark_id, "/cancel"), BenchmarkRun, options=options
        )

    async def samples(
        self,
        benchmark_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[BenchmarkSample]:
        """The run's per-iteration timing samples.
        ``GET /admin/benchmarks/{benchmark_id}/samples``.
        """
        return await self._list(
            "GET",
            _run_path(benchmark_id, "/samples"),
            BenchmarkSample,
            params=query_with(extra),
            keys=("data", "items", "samples"),
            options=options,
        )

    async def compare(
        self,
        *,
        left_id: str,
        right_id: str,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BenchmarkComparison:
        """Compare two runs. ``POST /admin/benchmarks/compare``."""
        payload = merge(body(left_id=left_id, right_id=right_id), extra)
        return await self._object(
            "POST", "/admin/benchmarks/compare", BenchmarkComparison, json=payload, options=options
        )

    async def wait_for_completion(
        self, benchmark_id: str, *, timeout: float = 900.0, interval: float = 2.0
    ) -> BenchmarkRun:
        """Poll ``GET /admin/benchmarks/{benchmark_id}`` until the run has finished.

        Returns the finished run (completed, failed or cancelled: check ``.status``);
        polls every ``interval`` seconds, growing by half up to 10 s, and raises
        `miosa.WaitTimeoutError` after ``timeout`` seconds.
        """
        poller = Poller(
            WaitTarget.of("benchmark", ready=FINISHED_STATUSES, failed=()),
            benchmark_id,
            timeout=timeout,
            first_delay=interval,
        )
        while True:
            run = await self.get(benchmark_id)
            delay = poller.next_delay(run.status)
            if delay is None:
                return run
            await asleep(delay)
