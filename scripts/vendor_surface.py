"""List the public surface of the installed `miosa` 2.x: one row per public method.

Run it with an interpreter that has the vendor's 2.19.2 installed (a throwaway venv, never
this project's), for example::

    python -m venv /tmp/v2 && /tmp/v2/bin/pip install miosa==2.19.2
    /tmp/v2/bin/python scripts/vendor_surface.py > interop/vendor_219/surface.json

Rows are dotted paths from the sync client (``client.agent_runs.create``) and, for the
objects that calls return and that carry their own methods (handles), from the handle
type (``Sandbox.files.read``). The output is the left-hand column of
``docs/migrating-from-2.md``; ``scripts/gen_migration.py`` writes that guide.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import sys
from typing import Any

# Handle types of 2.x whose methods users call on returned objects; their attribute
# groups (``sandbox.files``) are walked like the client's.
HANDLE_TYPES = ("Sandbox", "Computer")


def _public_methods(obj: Any) -> list[str]:
    names = []
    for name, value in inspect.getmembers(type(obj)):
        if name.startswith("_") or isinstance(value, property):
            continue
        if callable(value):
            names.append(name)
    return names


def _groups(obj: Any) -> dict[str, Any]:
    found = {}
    for name, value in vars(obj).items():
        if name.startswith("_") or callable(value):
            continue
        if type(value).__module__.startswith("miosa.resources"):
            found[name] = value
    return found


def _walk(prefix: str, obj: Any, seen: set[int], rows: list[dict[str, str]]) -> None:
    if id(obj) in seen:
        return
    seen.add(id(obj))
    for name in _public_methods(obj):
        method = getattr(type(obj), name)
        try:
            signature = str(inspect.signature(method))
            signature = signature.replace("(self, ", "(").replace("(self)", "()")
        except (TypeError, ValueError):
            signature = "(...)"
        doc = (inspect.getdoc(method) or "").strip().splitlines()
        summary = doc[0] if doc else ""
        rows.append({"old": f"{prefix}.{name}", "signature": signature, "summary": summary})
    for name, group in sorted(_groups(obj).items()):
        _walk(f"{prefix}.{name}", group, seen, rows)


def _handle(module: Any, name: str) -> Any:
    """An instance of a handle type built without a network (its groups need a transport)."""
    cls = getattr(module, name)
    instance = cls.__new__(cls)
    # Some handles need more than a transport and a payload: then only their class-level
    # attributes are listed.
    with contextlib.suppress(Exception):
        instance.__init__(*(_stub_args(cls)))
    return instance


def _stub_args(cls: Any) -> list[Any]:
    # Imported by name: this script runs against 2.x, whose modules this project lacks.
    transport = importlib.import_module("miosa._http").SyncTransport(
        api_key="msk_u_x", base_url="http://127.0.0.1:9"
    )
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    args: list[Any] = []
    for param in params:
        if param.default is not inspect.Parameter.empty:
            break
        args.append(transport if "transport" in param.name else {"id": "x", "name": "x"})
    return args


def main() -> None:
    miosa = importlib.import_module("miosa")
    client = miosa.Miosa(api_key="msk_u_x", base_url="http://127.0.0.1:9")
    rows: list[dict[str, str]] = []
    seen: set[int] = set()
    _walk("client", client, seen, rows)
    for name in HANDLE_TYPES:
        if hasattr(miosa, name):
            _walk(name, _handle(miosa, name), seen, rows)
    json.dump({"version": miosa.__version__, "methods": rows}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
