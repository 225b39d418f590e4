"""Conformance with the wire contract, `api/openapi.json` (see api/README.md).

For every SDK call in the contract (each operation's ``operationId``, or ``x-miosa-py``,
and each call in its ``x-miosa-also``), the method named by that dotted path is called on
a sync `Miosa` client with only its required arguments, and the request that reaches the
wire must have the contract's method and path, and only body and query keys the contract
names. Run with ``-s`` to see the coverage table per group.
"""

from __future__ import annotations

import inspect
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from miosa import Miosa, NotFoundError, UnsupportedRouteError
from tests.helpers import API_KEY, BASE_URL

CONTRACT = Path(__file__).resolve().parents[1] / "api" / "openapi.json"
METHODS = ("get", "put", "post", "delete", "patch")

# Routes the server removed after the contract was written (SDK 2.19.2 resources/community.py):
# the SDK raises `MiosaError` for them instead of sending a request.
REMOVED_ROUTES = {"community.install_template", "community.rate_template"}
# Routes only the admin API has (2.19.2 resources/open_computers/hosts.py update): the SDK
# raises `MiosaError` saying so instead of sending a request a tenant key gets 404 for.
ADMIN_ONLY_ROUTES = {"open_computers.hosts.update"}
# Calls that read a list and pick one item from it client-side: the mock's list holds no
# item of the dummy name, so they raise NotFoundError after the request was sent.
CLIENT_SIDE_LOOKUPS = {"connections.get"}


def _query_keys(operation: dict[str, Any]) -> list[str] | None:
    """The query keys an operation names; None when it passes free-form filters through."""
    names = []
    for param in operation.get("parameters", []):
        if param["in"] != "query":
            continue
        if param.get("x-miosa-free-form"):
            return None
        names.append(param["name"].removesuffix("[]"))
    return names


def _body_keys(operation: dict[str, Any]) -> list[str] | None:
    """The JSON body keys an operation names; None when the body is open-ended."""
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    if schema is None:
        return []
    if schema.get("additionalProperties") is True:
        return None
    return list(schema.get("properties", {}))


def _endpoints() -> list[tuple[str, dict[str, Any]]]:
    """One entry per SDK call: group, py, method, path, response kind, allowed keys."""
    doc = json.loads(CONTRACT.read_text())
    found: list[tuple[str, dict[str, Any]]] = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            calls = [
                {
                    "py": op.get("x-miosa-py", op["operationId"]),
                    "group": op["tags"][0],
                    "response": op["x-miosa-response"],
                    # On a shared route, each call has its own keys (the operation's are the union).
                    "query": op.get("x-miosa-query", _query_keys(op)),
                    "body": op.get("x-miosa-body", _body_keys(op)),
                    "base": op.get("x-miosa-base"),
                }
            ]
            for also in op.get("x-miosa-also", []):
                calls.append(
                    {
                        "py": also["py"],
                        "group": also["tags"][0],
                        "response": also["x-miosa-response"],
                        "query": also["x-miosa-query"],
                        "body": also["x-miosa-body"],
                        "base": op.get("x-miosa-base"),
                    }
                )
            for call in calls:
                entry = {**call, "method": method.upper(), "path": path}
                found.append((f"{entry['group']}:{entry['py']}:{entry['method']}", entry))
    return found


ENDPOINTS = _endpoints()
# Every call is traced: its span must name the contract route it was built from.
SPANS = InMemorySpanExporter()
TRACING = TracerProvider()
TRACING.add_span_processor(SimpleSpanProcessor(SPANS))
PLACEHOLDER = re.compile(r"\{(\w+)\}")
SSE_BODY = b'id: 1\nevent: message\ndata: {"type": "message", "data": {"id": "id_1"}}\n\n'
READY_BODY = b'id: 1\nevent: ready\ndata: {"ready_at": "2026-11-28T10:00:00Z"}\n\n'


def _reply(entry: dict[str, Any]) -> httpx.Response:
    kind = entry["response"]
    if kind == "empty":
        return httpx.Response(204)
    if kind == "bytes":
        return httpx.Response(
            200, content=b"\x89PNG\r\n", headers={"content-type": "application/octet-stream"}
        )
    if kind == "sse":
        # The readiness stream's contract names its events: `ready` ends the wait.
        content = READY_BODY if entry["path"].endswith("/readiness/stream") else SSE_BODY
        return httpx.Response(200, content=content, headers={"content-type": "text/event-stream"})
    if kind in ("list", "page"):
        return httpx.Response(200, json={"data": [{"id": "id_1"}], "next_cursor": None})
    return httpx.Response(200, json={"data": {"id": "id_1"}})


def _dummy(annotation: Any) -> Any:
    """A value of the parameter's annotated type (annotations are strings under PEP 563)."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    text = str(text)
    if re.search(r"\bbytes\b", text) and "str" not in text.split("|")[0]:
        return b"data"
    first = text.split("|")[0].strip()
    if first.startswith(("int", "float")):
        return 1
    if first.startswith("bool"):
        return True
    if first.startswith(("Sequence", "list", "tuple", "Iterable")):
        return []
    if first.startswith(("Mapping", "dict", "JSONObject")):
        return {}
    if first.startswith("bytes"):
        return b"data"
    return "value_1"


def _resolve(client: Miosa, py: str, path_values: dict[str, str]) -> Any:
    parts = py.split(".")
    if parts[0] == "computer":
        target: Any = client.computers.handle(path_values["computer_id"])
        parts = parts[1:]
    elif parts[0] == "sandboxes" and len(parts) == 3:
        target = client.sandboxes.handle(path_values["sandbox_id"])
        parts = parts[1:]
    else:
        target = client
    for part in parts:
        target = getattr(target, part)
    return target


def _call(
    method: Any, entry: dict[str, Any], path_values: dict[str, str], also: tuple[str, ...] = ()
) -> Any:
    """Call with the required arguments and the path's values, plus dummies for the
    optional arguments named in ``also``."""
    signature = inspect.signature(method)
    leading = [
        name
        for name, param in signature.parameters.items()
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD)
        and param.default is inspect.Parameter.empty
    ][: len(path_values)]
    renamed = len(leading) == len(path_values) and all(
        signature.parameters[name].annotation == "str" for name in leading
    )
    if path_values and renamed and not set(path_values) & set(signature.parameters):
        # The SDK names the path's parameters otherwise (``connections.set_key(provider)``
        # on ``/agents/credentials/{credential}``): they are its first positional ones.
        path_values = dict(zip(leading, path_values.values(), strict=True))
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for name, param in signature.parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        required = param.default is inspect.Parameter.empty
        if name in path_values and (required or param.kind == param.POSITIONAL_OR_KEYWORD):
            value: Any = path_values[name]
        elif name in also:
            value = _dummy(param.annotation)
        elif not required:
            continue
        else:
            value = _dummy(param.annotation)
        if param.kind == param.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    return method(*args, **kwargs)


def _consume(result: Any) -> None:
    """Enter and drain what a streaming method returns; iterate pages lazily returned."""
    if hasattr(result, "__enter__") and hasattr(result, "__exit__"):
        with result as stream:
            if hasattr(stream, "__iter__"):
                for _ in stream:
                    pass


@pytest.fixture(scope="module")
def coverage() -> Iterator[Counter[str]]:
    counts: Counter[str] = Counter()
    yield counts
    groups = sorted({e["group"] for _, e in ENDPOINTS})
    print("\nconformance: endpoints covered / in scope, per group")
    total_ok = total = 0
    for group in groups:
        in_scope = sum(1 for _, e in ENDPOINTS if e["group"] == group)
        ok = counts[group]
        total_ok, total = total_ok + ok, total + in_scope
        print(f"  {group:32} {ok:4d} / {in_scope:4d}")
    print(f"  {'TOTAL':32} {total_ok:4d} / {total:4d}")


@pytest.mark.parametrize(("entry"), [e for _, e in ENDPOINTS], ids=[i for i, _ in ENDPOINTS])
def test_endpoint_conforms(entry: dict[str, Any], coverage: Counter[str]) -> None:
    requests: list[httpx.Request] = []

    placeholders = PLACEHOLDER.findall(entry["path"])
    path_values = {name: f"{name}_1" for name in placeholders}
    # A ``host-root`` route is served at the root of the API host, outside ``/api/v1``.
    prefix = "" if entry["base"] == "host-root" else "/api/v1"
    expected_path = prefix + PLACEHOLDER.sub(
        lambda m: quote(path_values[m.group(1)], safe=""), entry["path"]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.url.raw_path.decode().split("?")[0] == expected_path:
            return _reply(entry)
        # Another call a composite method makes (a refresh after a wait): a plain object.
        return httpx.Response(200, json={"data": {"id": "id_1"}})

    client = Miosa(
        api_key=API_KEY,
        base_url=BASE_URL,
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        tracing=TRACING,
    )
    SPANS.clear()
    method = _resolve(client, entry["py"], path_values)
    if entry["py"] in REMOVED_ROUTES | ADMIN_ONLY_ROUTES:
        reason = "admin-only" if entry["py"] in ADMIN_ONLY_ROUTES else "the server removed"
        with pytest.raises(UnsupportedRouteError, match=reason):
            _call(method, entry, path_values)
        assert not requests
        coverage[entry["group"]] += 1
        return
    try:
        result = _call(method, entry, path_values)
    except NotFoundError:
        assert entry["py"] in CLIENT_SIDE_LOOKUPS and requests
        result = None
    except ValueError:
        # A call that needs one of several optional keys (resize: cpu_count and/or
        # memory_mb) refuses before any request: give it the body keys.
        assert not requests
        result = _call(method, entry, path_values, tuple(entry["body"] or ()))
    _consume(result)

    if entry["response"] == "websocket" and not requests:
        assert expected_path.removeprefix("/api/v1") in result.url
        coverage[entry["group"]] += 1
        return
    assert requests, "no request reached the wire"
    # A composite call (read-modify-write, wait-then-fetch) may send more than one request;
    # the endpoint is covered when the contract's request is among them.
    matching = [
        r
        for r in requests
        if r.method == entry["method"] and r.url.raw_path.decode().split("?")[0] == expected_path
    ]
    sent = [f"{r.method} {r.url.raw_path.decode()}" for r in requests]
    assert matching, f"expected {entry['method']} {expected_path}, sent {sent}"
    request = matching[0]
    span_names = [span.name for span in SPANS.get_finished_spans()]
    assert f"miosa {entry['method']} {entry['path']}" in span_names, (
        f"the call's span names another route: {span_names}"
    )
    allowed_body = None if entry["body"] is None else set(entry["body"])
    content_type = request.headers.get("content-type", "")
    if allowed_body is not None and request.content and "json" in content_type:
        sent = json.loads(request.content)
        if isinstance(sent, dict):
            extra = set(sent) - allowed_body
            assert not extra, f"body keys {extra} not in the contract"
    allowed_query = None if entry["query"] is None else set(entry["query"])
    if allowed_query is not None:
        sent_query = {k.rstrip("[]") for k in request.url.params}
        assert sent_query <= allowed_query, f"query {sent_query - allowed_query} not in contract"
    coverage[entry["group"]] += 1


def test_the_contract_is_found() -> None:
    """Guard: the conformance run above is only meaningful when the contract was read."""
    assert CONTRACT.is_file()
    assert len(ENDPOINTS) == 1170  # 1142 operations; 28 routes are reached by two SDK calls
    assert len({(e["method"], e["path"]) for _, e in ENDPOINTS}) == 1142
    assert len({e["py"] for _, e in ENDPOINTS}) == 1170


def test_dummy_values_follow_the_annotation() -> None:
    assert _dummy("str") == "value_1"
    assert _dummy("int | NotGiven") == 1
    assert _dummy("Sequence[str]") == []
    assert _dummy("Mapping[str, Any] | NotGiven") == {}
    assert _dummy("bytes") == b"data"
    assert _dummy("str | bytes") == "value_1"
