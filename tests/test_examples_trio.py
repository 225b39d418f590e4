"""examples/trio_fanout.py runs on Trio and asyncio against the local server."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import anyio
import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "trio_fanout.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("trio_fanout", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("backend", ["trio", "asyncio"])
def test_fan_out_streams_every_job(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MIOSA_API_KEY", raising=False)
    results = anyio.run(load().main, backend=backend)
    assert results == {job: [f"job{job}-step{i}" for i in (1, 2, 3)] for job in range(4)}
