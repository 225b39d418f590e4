"""The public surface: sorted `__all__`, everything importable, private modules private."""

from __future__ import annotations

import importlib
import subprocess
import sys

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


def test_no_asyncio_import_in_the_package_source() -> None:
    import pathlib

    root = pathlib.Path(importlib.import_module("miosa").__file__).parent  # type: ignore[arg-type]
    offenders = [
        str(p)
        for p in root.rglob("*.py")
        for line in p.read_text().splitlines()
        if line.strip().startswith(("import asyncio", "from asyncio"))
    ]
    assert offenders == []
