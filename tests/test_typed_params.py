"""Typed parameters: enumerated values as ``Literal`` s, nested bodies as ``TypedDict`` s,
and an ``Args:`` entry for every parameter of the main calls, in both clients."""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable
from typing import Any

import pytest

from miosa._async.resources.computers.desktop import AsyncComputerDesktop
from miosa._async.resources.computers.exec import AsyncComputerExec
from miosa._async.resources.computers.resource import AsyncComputers
from miosa._async.resources.sandboxes.collection import AsyncSandboxes
from miosa._async.resources.sandboxes.exec import AsyncSandboxExec
from miosa._async.resources.sandboxes.files import AsyncSandboxFiles
from miosa._async.resources.sandboxes.processes import AsyncSandboxProcesses
from miosa._async.resources.webhooks import AsyncWebhooks
from miosa._sync.resources.computers.resource import Computers
from miosa._sync.resources.sandboxes.collection import Sandboxes
from miosa._sync.resources.sandboxes.exec import SandboxExec
from miosa.types import params
from miosa.types.computers import ComputerVisibility
from miosa.types.sandboxes import SandboxSize, SandboxState


def literal_values(annotation: Any) -> set[object]:
    """Every value a (possibly nested, unioned) ``Literal`` in `annotation` allows."""
    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    return {v for arg in typing.get_args(annotation) for v in literal_values(arg)}


def members(annotation: Any) -> set[type]:
    return {a for a in typing.get_args(annotation) if isinstance(a, type)}


@pytest.mark.parametrize("create", [AsyncSandboxes.create, Sandboxes.create])
def test_sandbox_create_and_list_take_the_contracts_values(create: Callable[..., Any]) -> None:
    hints = typing.get_type_hints(create)
    assert literal_values(hints["size"]) == {"xs", "small", "medium", "large", "xl"}
    assert SandboxSize in members(hints["size"])
    placement = typing.get_args(hints["compute_placement_request"])
    assert params.ComputePlacementRequest in placement
    states = literal_values(typing.get_type_hints(AsyncSandboxes.list)["state"])
    assert states == {member.value for member in SandboxState}
    scope = typing.get_type_hints(AsyncSandboxes.preview_token)["scope"]
    assert literal_values(scope) == {"read", "interact"}


@pytest.mark.parametrize("computers", [AsyncComputers, Computers])
def test_computer_calls_take_the_contracts_values(computers: Any) -> None:
    create = typing.get_type_hints(computers.create)
    assert literal_values(create["size"]) == {"xs", "small", "medium", "large", "xl", "xlarge"}
    assert literal_values(create["visibility"]) == {"public", "tenant", "key"}
    assert ComputerVisibility in members(create["visibility"])
    desktop = AsyncComputerDesktop
    assert literal_values(typing.get_type_hints(desktop.click)["button"]) == {
        "left",
        "right",
        "middle",
    }
    direction = typing.get_type_hints(desktop.scroll)["direction"]
    assert literal_values(direction) == {"up", "down", "left", "right"}


def test_the_placement_typed_dict_matches_the_contract() -> None:
    hints = typing.get_type_hints(params.ComputePlacementRequest)
    assert set(hints) == {"provider", "region_id", "pool_id", "host_id", "fallback"}
    assert params.ComputePlacementRequest.__required_keys__ == frozenset({"provider"})
    assert literal_values(hints["provider"]) == {"miosa", "aws", "gcp", "opencomputers"}
    assert literal_values(hints["fallback"]) == {"deny", "miosa"}


MAIN_CALLS: list[Callable[..., Any]] = [
    AsyncSandboxes.create,
    AsyncSandboxes.get,
    AsyncSandboxes.list,
    AsyncSandboxes.destroy,
    AsyncSandboxes.update,
    AsyncSandboxes.preview_token,
    AsyncSandboxExec.run,
    AsyncSandboxFiles.read,
    AsyncSandboxFiles.write,
    AsyncSandboxFiles.upload,
    AsyncSandboxFiles.list,
    AsyncSandboxProcesses.start,
    AsyncComputers.create,
    AsyncComputers.update,
    AsyncComputerExec.bash,
    AsyncComputerExec.python,
    AsyncWebhooks.create,
]


def documented(doc: str) -> set[str]:
    section = doc.split("Args:", 1)[1]
    section = re.split(r"\n\S|\n\n[A-Z]\w+:", "\n" + section.lstrip("\n"), maxsplit=1)[0]
    return set(re.findall(r"^\s{4}(\w+):", section, flags=re.M))


@pytest.mark.parametrize("call", MAIN_CALLS, ids=lambda c: c.__qualname__)
def test_every_parameter_of_a_main_call_is_described(call: Callable[..., Any]) -> None:
    doc = inspect.getdoc(call) or ""
    assert "Args:" in doc
    # The per-call options (**options: RequestOptions) are documented once, on their type.
    parameters = {
        name
        for name, p in inspect.signature(call).parameters.items()
        if p.kind is not p.VAR_KEYWORD
    } - {"self"}
    assert documented(doc) == parameters
    assert re.search(r"``(GET|POST|PUT|PATCH|DELETE) /", doc), "names the wire call"


@pytest.mark.parametrize(
    ("async_call", "sync_call"),
    [
        (AsyncSandboxes.create, Sandboxes.create),
        (AsyncSandboxExec.run, SandboxExec.run),
        (AsyncComputers.create, Computers.create),
    ],
)
def test_the_sync_client_carries_the_same_docstrings(
    async_call: Callable[..., Any], sync_call: Callable[..., Any]
) -> None:
    expected = (inspect.getdoc(async_call) or "").replace("AsyncSandbox", "Sandbox")
    expected = expected.replace("async with await ", "with ").replace("await ", "")
    assert inspect.getdoc(sync_call) == expected
    assert "await" not in (inspect.getdoc(sync_call) or "")
