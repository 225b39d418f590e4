#!/usr/bin/env python3
"""Add operations to `api/openapi.json` from a short JSON spec, in the document's style.

    python scripts/add_operations.py spec.json            # add (refuses to overwrite)
    python scripts/add_operations.py spec.json --replace  # replace operations already there

The document stays the source of truth (edit it directly for anything unusual); this only
saves writing the OpenAPI boilerplate for a group of new routes. The spec is a JSON list,
one object per operation:

    {"py": "service_accounts.create",        # the SDK call (operationId)
     "method": "POST", "path": "/service-accounts",
     "response": "object",                   # object|list|page|empty|bytes|sse|websocket
     "query": {"limit": "integer"},          # query keys and JSON types ("" = untyped)
     "free_form_query": false,               # the call passes arbitrary filters through
     "body": {"name": "string"},             # JSON body keys and types; omit for no body
     "open_body": false,                     # extra body keys passed through
     "required": ["name"],                   # required body keys
     "fields": ["id", "name"],               # reply properties the SDK model reads
     "status": 201,                          # success status (default 200, 204 for empty)
     "idempotency_key": true,                # the SDK sends an Idempotency-Key header
     "local": true,                          # the local server serves it
     "evidence": ["2.19.2 resources/x.py X.create"]}
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "api" / "openapi.json"
KINDS = {"object", "list", "page", "empty", "bytes", "sse", "websocket"}
JSON_TYPES = {"string", "integer", "number", "boolean", "array", "object", ""}


def _schema(kind: str) -> dict[str, Any]:
    if kind not in JSON_TYPES:
        raise SystemExit(f"unknown JSON type {kind!r}")
    return {"type": kind} if kind else {}


def _response(spec: dict[str, Any]) -> dict[str, Any]:
    kind = spec["response"]
    status = str(spec.get("status", 204 if kind == "empty" else 200))
    if kind == "empty":
        return {status: {"description": "No Content" if status == "204" else "OK"}}
    schema: dict[str, Any]
    if kind == "bytes":
        media, schema = "application/octet-stream", {"type": "string", "format": "binary"}
    elif kind == "sse":
        media, schema = "text/event-stream", {"type": "string"}
    elif kind == "websocket":
        return {"101": {"description": "Switching Protocols"}}
    else:
        media = "application/json"
        props: dict[str, Any] = {name: {} for name in spec.get("fields", [])}
        if kind == "object":
            schema = {"type": "object", "properties": props}
        else:
            schema = {
                "type": ["array", "object"],
                "description": "a JSON array, bare or inside an envelope"
                + (", with paging data" if kind == "page" else ""),
                "properties": props,
            }
    return {status: {"description": "OK", "content": {media: {"schema": schema}}}}


def operation(spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI operation object for one spec entry."""
    if spec["response"] not in KINDS:
        raise SystemExit(f"{spec['py']}: unknown response kind {spec['response']!r}")
    params: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in re.findall(r"\{(\w+)\}", spec["path"])
    ]
    for name, kind in spec.get("query", {}).items():
        params.append({"name": name, "in": "query", "required": False, "schema": _schema(kind)})
    if spec.get("free_form_query"):
        params.append(
            {
                "name": "filters",
                "in": "query",
                "required": False,
                "style": "form",
                "explode": True,
                "schema": {"type": "object", "additionalProperties": True},
                "x-miosa-free-form": True,
            }
        )
    if spec.get("idempotency_key"):
        params.append(
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "schema": {"type": "string"},
            }
        )
    op: dict[str, Any] = {
        "operationId": spec["py"],
        "tags": [spec.get("tag", spec["py"].split(".")[0])],
        "summary": spec.get("summary", spec["py"]),
        "x-miosa-response": spec["response"],
    }
    if params:
        op["parameters"] = params
    if "body" in spec or spec.get("open_body"):
        body_schema: dict[str, Any] = {
            "type": "object",
            "properties": {k: _schema(v) for k, v in spec.get("body", {}).items()},
        }
        if spec.get("required"):
            body_schema["required"] = list(spec["required"])
        if spec.get("open_body"):
            body_schema["additionalProperties"] = True
        op["requestBody"] = {
            "required": bool(spec.get("required")),
            "content": {"application/json": {"schema": body_schema}},
        }
    op["responses"] = _response(spec)
    if spec.get("local"):
        op["x-miosa-local"] = True
    if spec.get("evidence"):
        op["x-miosa-evidence"] = list(spec["evidence"])
    return op


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("spec", type=Path)
    parser.add_argument("--replace", action="store_true")
    args = parser.parse_args()
    doc = json.loads(DOCUMENT.read_text())
    specs = json.loads(args.spec.read_text())
    for spec in specs:
        item = doc["paths"].setdefault(spec["path"], {})
        method = spec["method"].lower()
        if method in item and not args.replace:
            print(f"{spec['method']} {spec['path']} is already in the document", file=sys.stderr)
            return 1
        item[method] = operation(spec)
    doc["paths"] = dict(sorted(doc["paths"].items()))
    DOCUMENT.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"added {len(specs)} operation(s) to {DOCUMENT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
