"""What a user installs: declared dependencies, licence, package page and metadata."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from miosa.local import LocalServer

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_PAGE = ROOT / "docs" / "package-page.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PACKAGE_PAGE.read_text(), flags=re.S)

sys.path.insert(0, str(ROOT / "scripts"))
import check_dependencies  # noqa: E402


def test_every_runtime_import_is_a_declared_dependency() -> None:
    assert check_dependencies.problems() == []


def test_the_check_catches_an_undeclared_import(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text(
        "import sniffio\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import fastapi\n"
        "def later():\n    import pydantic\n"
        "def optional():\n    try:\n        import rich\n    except ImportError:\n        pass\n"
    )
    found = {(i.module, i.lazy, i.guarded) for i in check_dependencies.imports_of_file(module)}
    assert found - {("typing", False, False)} == {
        ("sniffio", False, False),
        ("pydantic", True, False),
        ("rich", True, True),
    }


def test_the_check_fails_on_an_import_no_requirement_provides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, extras = check_dependencies.declared()
    assert "anyio" in base
    monkeypatch.setattr(check_dependencies, "declared", lambda: (base - {"anyio"}, extras))
    problems = check_dependencies.problems()
    assert any("_concurrency.py" in p and "'anyio'" in p for p in problems), problems


def test_the_extras_resolve_through_each_other() -> None:
    base, extras = check_dependencies.declared()
    assert {"starlette", "uvicorn", "websockets"} <= extras["local"]
    assert extras["local"] <= extras["dev"]
    assert "httpx" in base


def test_the_licence_file_matches_the_metadata() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License")
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'license = "MIT"' in pyproject
    assert 'license-files = ["LICENSE"]' in pyproject
    assert '"License :: OSI Approved' not in pyproject  # PEP 639: the expression says it


def test_the_changelog_has_an_entry_for_the_current_version() -> None:
    from miosa import __version__

    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## {__version__}" in changelog or "## Unreleased" in changelog


def test_the_package_page_makes_sense_outside_the_repository() -> None:
    text = PACKAGE_PAGE.read_text()
    assert "pip install -e" not in text
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links and all(link.startswith("https://") for link in links), links
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_package_page_block_runs(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as server:
        monkeypatch.setenv("MIOSA_API_KEY", server.api_key)
        monkeypatch.setenv("MIOSA_BASE_URL", server.base_url)
        namespace: dict[str, object] = {"__name__": "package_page_example"}
        exec(compile(code, str(PACKAGE_PAGE), "exec"), namespace)
        close = getattr(namespace.get("client"), "close", None)
        if callable(close):
            close()


def test_the_dependency_script_runs_as_ci_runs_it() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_dependencies.py")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
