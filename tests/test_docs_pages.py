"""Every ```python block of the docs site's guide pages runs against the local server,
and every resource group of the client appears in at least one runnable example.

docs/build-an-agent.md has its own runner (tests/test_docs_agent.py, with a scripted model),
and so has docs/organization.md (tests/test_docs_organization.py);
docs/migrating-from-2.md is generated and checked by tests/test_migration_guide.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from miosa import Miosa
from miosa._sync._resource import APIResource
from miosa.local import LocalServer

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
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


# Resource groups no example can call: the local server serves none of their routes (none
# of their operations is marked x-miosa-local in api/openapi.json), so an example would
# only show a 404. Remove a group from here once the local server serves one of its routes.
UNCOVERED_GROUPS: dict[str, str] = {}


def resource_groups() -> set[str]:
    """The public attributes of `Miosa` that are resource groups (``client.<group>``)."""
    client = Miosa(api_key="msk_unused", base_url="http://127.0.0.1:9/api/v1")
    try:
        return {
            name
            for name in dir(client)
            if not name.startswith("_") and isinstance(getattr(client, name), APIResource)
        }
    finally:
        client.close()


def example_code() -> str:
    """The ```python blocks of docs/*.md (but the generated migration guide) and README.md,
    and the scripts in examples/."""
    pages = [p for p in sorted(DOCS.glob("*.md")) if p.name != "migrating-from-2.md"]
    blocks = [
        code
        for page in [*pages, ROOT / "README.md"]
        for code in re.findall(r"```python\n(.*?)```", page.read_text(), re.S)
    ]
    return "\n".join(blocks + [p.read_text() for p in sorted((ROOT / "examples").glob("*.py"))])


def test_resource_groups_are_found() -> None:
    groups = resource_groups()
    assert {"sandboxes", "deployments", "admin", "mcp"} <= groups
    assert not groups & {"with_options", "close", "options", "base_url", "with_raw_response"}
    assert set(UNCOVERED_GROUPS) <= groups


def test_every_resource_group_has_an_example() -> None:
    used = set(re.findall(r"\.(\w+)\b", example_code()))
    groups = resource_groups()
    missing = sorted(groups - used - set(UNCOVERED_GROUPS))
    assert not missing, f"resource groups in no runnable example: {missing}"
    covered = sorted(set(UNCOVERED_GROUPS) & used)
    assert not covered, f"groups with an example now; remove them from UNCOVERED_GROUPS: {covered}"
