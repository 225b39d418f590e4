"""Every `async def` test runs on asyncio and on Trio; generated sync tests run as they are."""

from __future__ import annotations

import inspect

import pytest

import miosa._core.retry


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector: pytest.Collector, name: str, obj: object) -> None:
    # Marked before anyio's own collection hook runs, so it parametrizes the backend.
    if name.startswith("test") and inspect.iscoroutinefunction(obj):
        pytest.mark.anyio(obj)


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff in milliseconds instead of seconds, so retry tests stay fast."""
    monkeypatch.setattr(miosa._core.retry, "BASE_DELAY", 0.001)
    monkeypatch.setattr(miosa._core.retry, "MAX_DELAY", 0.002)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """The canary key of the wire tests must never reach a log, output or traceback."""
    from tests.helpers import API_KEY

    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    captured = report.longreprtext + "".join(text for _, text in report.sections)
    if API_KEY in captured:
        report.outcome = "failed"
        report.longrepr = f"the canary API key appeared in the {report.when} output of this test"
    return None
