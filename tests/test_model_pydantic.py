"""Models in pydantic and FastAPI: `TypeAdapter` validation and dumps, ``response_model``."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, TypeAdapter, ValidationError

from miosa._converter import structure
from miosa.types import ExecResult, FileTreeNode, SandboxData, SandboxState

from .test_model_serialization import SANDBOX_WIRE


def test_type_adapter_validates_from_a_dict_or_a_model() -> None:
    adapter = TypeAdapter(SandboxData)
    from_dict = adapter.validate_python(SANDBOX_WIRE)
    assert from_dict == structure(SANDBOX_WIRE, SandboxData)
    assert from_dict.raw["brand_new_field"] == {"kept": True}
    assert from_dict.state is SandboxState.RUNNING
    model = structure(SANDBOX_WIRE, SandboxData)
    assert adapter.validate_python(model) is model
    from_json = adapter.validate_json(adapter.dump_json(model))
    assert from_json == model
    with pytest.raises(ValidationError, match="expected a SandboxData or a mapping"):
        adapter.validate_python(42)
    with pytest.raises(ValidationError, match="Cannot build SandboxData"):
        adapter.validate_python({"name": "no id"})


def test_type_adapter_dumps_the_wire_shape() -> None:
    adapter = TypeAdapter(SandboxData)
    model = structure(SANDBOX_WIRE, SandboxData)
    assert adapter.dump_python(model, mode="json") == model.to_dict()
    python = adapter.dump_python(model)
    assert python["state"] is SandboxState.RUNNING
    assert python["created_at"] == model.created_at
    assert python["url_info"]["class"] == "stable"
    slim = adapter.dump_python(model, mode="json", exclude_none=True)
    assert slim == model.to_dict(exclude_none=True)
    tree = TypeAdapter(FileTreeNode)
    node = tree.validate_python({"path": "/", "children": [{"path": "/a", "children": []}]})
    assert tree.dump_python(node, mode="json") == node.to_dict()


def test_models_nest_in_pydantic_models_and_describe_their_json_schema() -> None:
    class Report(BaseModel):
        result: ExecResult
        sandboxes: list[SandboxData] = []

    report = Report.model_validate({"result": {"stdout": "ok", "exit_code": 0}})
    assert report.result == ExecResult(stdout="ok")
    assert report.model_dump(mode="json")["result"] == report.result.to_dict()
    schema = Report.model_json_schema(mode="serialization")
    defs = schema["$defs"]
    exit_code = defs["ExecResult"]["properties"]["exit_code"]
    assert exit_code == {"title": "Exit Code", "type": "integer"}
    url_info = defs["UrlInfo"]["properties"]
    assert "class" in url_info and "class_" not in url_info
    assert TypeAdapter(FileTreeNode).json_schema()["$defs"]["FileTreeNode"]["properties"][
        "children"
    ]["items"] == {"$ref": "#/$defs/FileTreeNode"}


def app() -> FastAPI:
    api = FastAPI()

    @api.get("/run", response_model=ExecResult)
    def run() -> Any:
        return structure({"stdout": "hi\n", "exit_code": 3, "extra": 1}, ExecResult)

    @api.get("/sandbox", response_model=SandboxData, response_model_exclude_none=True)
    def get_sandbox() -> Any:
        return structure(SANDBOX_WIRE, SandboxData)

    @api.get("/runs", response_model=list[ExecResult])
    def runs() -> Any:
        return [ExecResult(stdout="a"), {"stdout": "b", "exit_code": 1}]

    return api


async def test_fastapi_serves_models_as_response_models() -> None:
    transport = httpx.ASGITransport(app=app())
    async with httpx.AsyncClient(transport=transport, base_url="http://app.test") as http:
        run = await http.get("/run")
        sandbox = await http.get("/sandbox")
        runs = await http.get("/runs")
        openapi = await http.get("/openapi.json")
    assert run.status_code == 200
    assert run.json() == {"stdout": "hi\n", "stderr": "", "exit_code": 3, "duration_ms": None}
    assert sandbox.status_code == 200
    assert sandbox.json() == structure(SANDBOX_WIRE, SandboxData).to_dict(exclude_none=True)
    assert sandbox.json()["created_at"] == "2026-03-01T10:20:30.123456Z"
    assert runs.json() == [
        {"stdout": "a", "stderr": "", "exit_code": 0, "duration_ms": None},
        {"stdout": "b", "stderr": "", "exit_code": 1, "duration_ms": None},
    ]
    assert openapi.status_code == 200
    schemas = openapi.json()["components"]["schemas"]
    exec_fields = set(schemas["ExecResult"]["properties"])
    assert exec_fields == {"stdout", "stderr", "exit_code", "duration_ms"}
    assert schemas["SandboxData"]["required"] == ["id"]


def test_importing_miosa_and_building_a_model_does_not_import_pydantic() -> None:
    code = (
        "import sys, miosa; from miosa.types import ExecResult; ExecResult(stdout='x'); "
        "print('pydantic' in sys.modules, 'pydantic_core' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
