"""Every ```python block of the docs site's guide pages runs against the local server.

docs/build-an-agent.md has its own runner (tests/test_docs_agent.py, with a scripted model);
docs/migrating-from-2.md is generated and checked by tests/test_migration_guide.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from miosa.local import LocalServer

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = (
    "index.md",
    "getting-started.md",
    "sandboxes.md",
    "files.md",
    "streams.md",
    "webhooks.md",
    "errors-and-retries.md",
    "raw-responses.md",
    "agents-and-runs.md",
    "projects.md",
    "builder-and-cloud.md",
    "agent-setup.md",
    "workflows.md",
    "connect-devices-email.md",
    "open-computers.md",
    "tracing-and-http2.md",
    "deployments-and-data.md",
    "tools-and-integrations.md",
    "admin-and-billing.md",
)
BLOCKS = [
    (page, n, code)
    for page in PAGES
    for n, code in enumerate(re.findall(r"```python\n(.*?)```", (DOCS / page).read_text(), re.S))
]


def test_every_guide_page_has_examples() -> None:
    assert {page for page, _, _ in BLOCKS} == set(PAGES) - {"performance.md"}


@pytest.mark.parametrize(
    ("page", "n", "code"), BLOCKS, ids=[f"{page}-{n}" for page, n, _ in BLOCKS]
)
def test_docs_block_runs(page: str, n: int, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as server:
        monkeypatch.setenv("MIOSA_API_KEY", server.api_key)
        monkeypatch.setenv("MIOSA_BASE_URL", server.base_url)
        namespace: dict[str, object] = {"__name__": f"docs_{page}_{n}"}
        exec(compile(code, str(DOCS / page), "exec"), namespace)
