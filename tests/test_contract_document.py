"""`api/openapi.json` is valid OpenAPI 3.1 and keeps the project's own rules (api/README.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "api" / "openapi.json"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RESPONSE_KINDS = {"object", "list", "page", "empty", "bytes", "sse", "websocket"}
PLACEHOLDER = re.compile(r"\{([^}]+)\}")


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(CONTRACT.read_text(encoding="utf-8"))
    return loaded


def _operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def test_the_document_is_valid_openapi_3_1(doc: dict[str, Any]) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in OpenAPIV31SpecValidator(doc).iter_errors()]
    assert errors == []
    assert doc["openapi"] == "3.1.0"
    assert doc["servers"] == [{"url": "https://api.miosa.ai/api/v1"}]


def test_the_version_is_the_package_version(doc: dict[str, Any]) -> None:
    from miosa._version import __version__

    assert doc["info"]["version"] == __version__


def test_the_file_keeps_its_format() -> None:
    """Edits and merges diff cleanly: two-space indent, sorted paths, a final newline."""
    text = CONTRACT.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert text == json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    assert list(doc["paths"]) == sorted(doc["paths"])


def test_every_operation_names_its_call_group_and_response(doc: dict[str, Any]) -> None:
    for path, method, op in _operations(doc):
        where = f"{method.upper()} {path}"
        assert isinstance(op.get("operationId"), str) and op["operationId"], where
        assert isinstance(op.get("tags"), list) and len(op["tags"]) == 1, where
        assert op.get("x-miosa-response") in RESPONSE_KINDS, where
        assert op.get("responses"), where
        for also in op.get("x-miosa-also", []):
            assert also["py"] and also["tags"], where
            assert also["x-miosa-response"] in RESPONSE_KINDS, where
        if "x-miosa-local" in op:
            assert op["x-miosa-local"] is True, where


def test_operation_ids_and_calls_are_unique(doc: dict[str, Any]) -> None:
    ids = Counter(op["operationId"] for _, _, op in _operations(doc))
    assert [i for i, n in ids.items() if n > 1] == []
    calls = Counter(
        name
        for _, _, op in _operations(doc)
        for name in [op.get("x-miosa-py", op["operationId"])]
        + [a["py"] for a in op.get("x-miosa-also", [])]
    )
    assert [c for c, n in calls.items() if n > 1] == []


def test_path_placeholders_are_the_path_parameters(doc: dict[str, Any]) -> None:
    for path, item in doc["paths"].items():
        placeholders = PLACEHOLDER.findall(path)
        assert len(placeholders) == len(set(placeholders)), path
        shared = [p["name"] for p in item.get("parameters", []) if p["in"] == "path"]
        for method, op in item.items():
            if method not in METHODS:
                continue
            own = [p["name"] for p in op.get("parameters", []) if p["in"] == "path"]
            assert sorted(own + shared) == sorted(placeholders), f"{method.upper()} {path}"
            for param in op.get("parameters", []):
                if param["in"] == "path":
                    assert param["required"] is True, (path, param["name"])


def test_empty_replies_are_204_and_others_declare_a_success(doc: dict[str, Any]) -> None:
    for path, method, op in _operations(doc):
        statuses = [s for s in op["responses"] if s.startswith(("1", "2"))]
        assert len(statuses) == 1, f"{method.upper()} {path}"
        if op["x-miosa-response"] == "empty":
            assert statuses == ["204"], f"{method.upper()} {path}"


def test_the_local_server_serves_the_core_operations(doc: dict[str, Any]) -> None:
    local = [op for _, _, op in _operations(doc) if op.get("x-miosa-local")]
    assert len(local) == 1040
    assert len(_operations(doc)) == 1142
