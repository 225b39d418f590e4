"""The migration guide from miosa 2.x: fresh, and every right-hand side exists on this SDK."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from miosa.local import LocalServer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import gen_migration  # noqa: E402

SOURCES = ROOT / "interop" / "vendor_219"


def test_the_guide_is_fresh() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_migration.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_mapped_call_resolves_on_this_sdk() -> None:
    start = gen_migration.roots()
    unresolved = [
        (old, new)
        for old, new in gen_migration.rows()
        if new != gen_migration.PENDING
        and not new.startswith("removed:")
        and not gen_migration.resolves(new, start)
    ]
    assert unresolved == []


def test_the_mapping_names_only_2x_methods_and_removals_give_a_reason() -> None:
    surface = {m["old"] for m in json.loads((SOURCES / "surface.json").read_text())["methods"]}
    mapping: dict[str, str] = json.loads((SOURCES / "mapping.json").read_text())
    assert sorted(set(mapping) - surface) == []
    reasons = [new.removeprefix("removed:").strip() for new in mapping.values()]
    assert all(reasons), "a `removed:` entry without a reason"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("client.sandboxes.create", True),
        ("Sandbox.files.read", True),
        ("client.sandboxes.no_such_call", False),
        ("client.sandboxes", False),  # a group, not a call
        ("Nowhere.files.read", False),
        ("miosa.webhooks.is_valid", True),
        ("miosa.webhooks", False),  # a module, not a call
    ],
)
def test_resolution_finds_calls_and_only_calls(path: str, expected: bool) -> None:
    assert gen_migration.resolves(path, gen_migration.roots()) is expected


GUIDE_BLOCKS = re.findall(r"```python\n(.*?)```", gen_migration.GUIDE.read_text(), flags=re.S)


def test_the_guide_shows_each_behaviour_change() -> None:
    assert len(GUIDE_BLOCKS) >= 5


@pytest.mark.parametrize("code", GUIDE_BLOCKS, ids=[f"block{i}" for i in range(len(GUIDE_BLOCKS))])
def test_guide_block_runs(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as server:
        monkeypatch.setenv("MIOSA_API_KEY", server.api_key)
        monkeypatch.setenv("MIOSA_BASE_URL", server.base_url)
        exec(compile(code, str(gen_migration.GUIDE), "exec"), {"__name__": "migration_example"})
