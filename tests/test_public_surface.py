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


# A call through a mock transport, then which optional modules the process has loaded.
_CALL_THEN_REPORT = """
import sys
{block}
import httpx
from miosa import Miosa

def reply(request):
    return httpx.Response(200, json={{"data": {{"id": "sbx_1", "state": "running"}}}})

client = Miosa(api_key="msk_probe", http_client=httpx.Client(transport=httpx.MockTransport(reply)))
client.sandboxes.get("sbx_1")
print(client._http._tracer is not None, sys.modules.get("opentelemetry") is not None)
"""


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("", ["False", "False"]),  # installed (the dev extra) but not used by the application
        ("sys.modules['opentelemetry'] = None", ["False", "False"]),  # not installed
        ("import opentelemetry.trace", ["True", "True"]),  # the application uses it: auto
    ],
    ids=["unused", "not-installed", "used"],
)
def test_opentelemetry_is_loaded_only_when_the_application_uses_it(
    block: str, expected: list[str]
) -> None:
    """Tracing is auto: the SDK never imports OpenTelemetry itself, neither with `import
    miosa` nor with a call, and traces when the application has imported it."""
    code = _CALL_THEN_REPORT.format(block=block)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == expected
