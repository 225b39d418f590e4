"""Every ```python block of docs/organization.md runs against the local server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from miosa.local import LocalServer

PAGE = Path(__file__).resolve().parents[1] / "docs" / "organization.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE.read_text(), flags=re.S)


def test_the_page_has_examples() -> None:
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_page_block_runs(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as server:
        monkeypatch.setenv("MIOSA_API_KEY", server.api_key)
        monkeypatch.setenv("MIOSA_BASE_URL", server.base_url)
        namespace: dict[str, object] = {"__name__": "docs_example"}
        try:
            exec(compile(code, str(PAGE), "exec"), namespace)
        finally:
            close = getattr(namespace.get("client"), "close", None)
            if callable(close):
                close()
