"""The public surface: sorted `__all__`, everything importable, private modules private."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import miosa
import miosa.types


def test_all_is_sorted_and_importable() -> None:
    names = [n for n in miosa.__all__ if n != "__version__"]
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    for name in miosa.__all__:
        assert getattr(miosa, name) is not None
    assert miosa.types.__all__ == sorted(miosa.types.__all__, key=lambda n: (not n.isupper(), n))
    for name in miosa.types.__all__:
        assert getattr(miosa.types, name) is not None


def test_sync_and_async_clients_are_twins() -> None:
    public = {n for n in dir(miosa.AsyncMiosa) if not n.startswith("_")}
    assert public == {n for n in dir(miosa.Miosa) if not n.startswith("_")}


def test_importing_miosa_does_not_import_the_clients() -> None:
    code = "import sys, miosa; print('miosa._sync.client' in sys.modules, 'cattrs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("client", ["Miosa", "AsyncMiosa"])
def test_building_a_client_does_not_import_the_model_converter(client: str) -> None:
    """The converter (cattrs, attrs) loads with the first typed result, not with the client:
    `from miosa import Miosa` stays within its import-time budget (benchmarks/RESULTS.md)."""
    code = (
        f"import sys; from miosa import {client}; {client}(api_key='msk_probe'); "
        "print('cattrs' in sys.modules, 'miosa._converter' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_no_asyncio_import_in_the_package_source() -> None:
    import pathlib

    root = pathlib.Path(importlib.import_module("miosa").__file__).parent  # type: ignore[arg-type]
    # The code-context driver is never imported: the local server hands its source to the
    # sandbox's own python3, where asyncio runs cells that use top-level await.
    driver = root / "local" / "code_driver.py"
    offenders = [
        str(p)
        for p in root.rglob("*.py")
        if p != driver
        for line in p.read_text().splitlines()
        if line.strip().startswith(("import asyncio", "from asyncio"))
    ]
    assert offenders == []
