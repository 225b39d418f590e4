"""Every ```python block in README.md runs, against the local server, so the docs stay true."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import anyio
import pytest

from miosa.local import LocalServer

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 8


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_block_runs(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as server:
        monkeypatch.setenv("MIOSA_API_KEY", server.api_key)
        monkeypatch.setenv("MIOSA_BASE_URL", server.base_url)
        namespace: dict[str, object] = {"__name__": "readme_example"}
        exec(compile(code, str(README), "exec"), namespace)
        client = namespace.get("client")
        close = getattr(client, "close", None)
        if callable(close):
            closing = close()
            if inspect.isawaitable(closing):  # an `AsyncMiosa` (the FastAPI example)

                async def wait() -> None:
                    await closing

                anyio.run(wait)
