"""Models users can hand on: `to_dict` / `to_json` / `from_dict`, copies and pickles."""

from __future__ import annotations

import copy
import json
import pickle
import subprocess
import sys
from datetime import datetime, timezone
from typing import Any

import pytest

from miosa._converter import structure
from miosa.types import (
    ExecResult,
    FileTreeNode,
    Model,
    SandboxData,
    SandboxLogOutput,
    SandboxSize,
    SandboxState,
)

SANDBOX_WIRE: dict[str, Any] = {
    "id": "sbx_1",
    "state": "running",
    "size": "small",
    "name": "build",
    "created_at": "2026-03-01T10:20:30.123456Z",
    "ready_at": "2026-03-01T10:20:31Z",
    "metadata": {"team": "infra", "tags": ["a", "b"]},
    "url_info": {"url": "https://p.example", "class": "stable", "port": 3000},
    "resource_contract": {"id": "rc_1", "version": 2, "size": "small", "vcpus": 2},
    "total_runtime_sec": 12.5,
    "brand_new_field": {"kept": True},
}


def sandbox() -> SandboxData:
    return structure(SANDBOX_WIRE, SandboxData)


def test_to_dict_gives_wire_names_and_json_values() -> None:
    data = sandbox().to_dict()
    assert data["state"] == "running" and type(data["state"]) is str
    assert data["size"] == "small" and type(data["size"]) is str
    assert data["created_at"] == "2026-03-01T10:20:30.123456Z"
    assert data["ready_at"] == "2026-03-01T10:20:31Z"
    assert data["url_info"] == {
        "url": "https://p.example",
        "class": "stable",  # the field is `class_`
        "url_class": None,
        "stable_for_embedding": None,
        "recommended_next_action": None,
        "alias_slug": None,
        "port": 3000,
    }
    assert data["metadata"] == {"team": "infra", "tags": ["a", "b"]}
    assert data["name"] == "build" and data["disk_mb"] is None
    # Only the model's fields: what it has no field for stays in `raw`.
    assert "brand_new_field" not in data
    assert json.loads(json.dumps(data)) == data


def test_to_dict_python_mode_keeps_datetimes_enums_and_tuples() -> None:
    data = sandbox().to_dict(mode="python")
    assert data["state"] is SandboxState.RUNNING
    assert data["size"] is SandboxSize.SMALL
    assert data["created_at"] == datetime(2026, 3, 1, 10, 20, 30, 123456, tzinfo=timezone.utc)
    assert data["url_info"]["class"] == "stable"
    logs = structure({"lines": ["a", "b"], "entries": [{"line": "a"}]}, SandboxLogOutput)
    python = logs.to_dict(mode="python")
    assert python["lines"] == ("a", "b")
    assert python["entries"] == ({"line": "a", "stream": None, "timestamp": None, "id": None},)
    assert logs.to_dict()["lines"] == ["a", "b"]


def test_to_dict_options() -> None:
    model = sandbox()
    assert model.to_dict(by_alias=False)["url_info"]["class_"] == "stable"
    slim = model.to_dict(exclude_none=True)
    assert slim["url_info"] == {"url": "https://p.example", "class": "stable", "port": 3000}
    assert "disk_mb" not in slim and slim["id"] == "sbx_1"
    with pytest.raises(ValueError, match="mode"):
        model.to_dict(mode="yaml")  # type: ignore[arg-type]


def test_to_json() -> None:
    result = structure({"stdout": "héllo\n", "exit_code": 2}, ExecResult)
    assert result.to_json() == (
        '{"stdout": "héllo\\n", "stderr": "", "exit_code": 2, "duration_ms": null}'
    )
    assert json.loads(result.to_json(indent=2)) == result.to_dict()
    assert result.to_json(indent=2).startswith('{\n  "stdout"')
    assert json.loads(sandbox().to_json(exclude_none=True))["created_at"].endswith("Z")


@pytest.mark.parametrize(
    ("cls", "wire"),
    [
        (ExecResult, {"stdout": "out", "stderr": "err", "exit_code": 1, "duration_ms": 7.5}),
        (SandboxData, SANDBOX_WIRE),
        (
            SandboxLogOutput,
            {"lines": ["x"], "entries": [{"line": "x", "timestamp": "2026-01-02T03:04:05Z"}]},
        ),
        (
            FileTreeNode,
            {
                "path": "/w",
                "type": "directory",
                "children": [{"path": "/w/a", "type": "file", "size": 3, "children": []}],
            },
        ),
    ],
)
def test_from_dict_reads_what_to_dict_gives_in_both_modes(cls: type[Model], wire: Any) -> None:
    model = structure(wire, cls)
    for mode in ("json", "python"):
        again = cls.from_dict(model.to_dict(mode=mode))
        assert again == model
        assert type(again) is cls
    assert cls.from_dict(wire) == model
    assert cls.from_dict(wire).raw == wire


def test_from_dict_keeps_unknown_keys_and_values_and_copies_the_input() -> None:
    data = {"id": "sbx_2", "state": "hibernating", "extra": 1}
    model = SandboxData.from_dict(data)
    assert model.state == "hibernating" and model.state is not None
    assert not model.state.is_known
    assert model.raw["extra"] == 1
    data["extra"] = 2
    assert model.raw["extra"] == 1
    assert SandboxData.from_dict(model.to_dict()).state == "hibernating"


def test_from_dict_refuses_the_wrong_shape() -> None:
    with pytest.raises(ValueError, match="Cannot build SandboxData"):
        SandboxData.from_dict({"state": "running"})  # `id` is required
    with pytest.raises(ValueError, match="Cannot build ExecResult"):
        ExecResult.from_dict({"exit_code": {"not": "an int"}})
    with pytest.raises(TypeError, match="expects a mapping"):
        ExecResult.from_dict([("exit_code", 1)])  # type: ignore[arg-type]


def test_copies_and_pickles_keep_raw() -> None:
    model = sandbox()
    for clone in (
        copy.copy(model),
        copy.deepcopy(model),
        pickle.loads(pickle.dumps(model)),
        pickle.loads(pickle.dumps(model, protocol=2)),
    ):
        assert clone == model and clone is not model
        assert type(clone) is SandboxData
        assert dict(clone.raw) == SANDBOX_WIRE
        assert clone.raw["brand_new_field"] == {"kept": True}
        assert clone.url_info is not None and clone.url_info.raw["class"] == "stable"
    deep = copy.deepcopy(model)
    assert deep.raw["metadata"] is not model.raw["metadata"]
    # A model built by hand has no payload; its copies have none either.
    assert dict(copy.copy(ExecResult(stdout="x")).raw) == {}


def test_a_live_handle_refuses_to_be_copied_and_its_snapshot_pickles() -> None:
    from miosa import Miosa

    with Miosa(api_key="msk_probe", base_url="http://127.0.0.1:9") as client:
        handle = client.sandboxes.handle("sbx_1")
        for action in (copy.copy, copy.deepcopy, pickle.dumps):
            with pytest.raises(TypeError, match=r"use its `\.model`"):
                action(handle)
        snapshot = handle.model
        assert pickle.loads(pickle.dumps(snapshot)) == snapshot
        assert handle.to_dict()["id"] == "sbx_1"


def test_dumping_a_model_does_not_import_pydantic_or_cattrs() -> None:
    code = (
        "import sys; from miosa.types import ExecResult; "
        "r = ExecResult(stdout='x'); r.to_json(); r.to_dict(mode='python'); "
        "print('pydantic' in sys.modules, 'cattrs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
