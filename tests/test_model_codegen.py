"""The generated structure functions give what cattrs' own generated functions give.

Every model in `miosa.types` is structured from a payload that fills each field (and from
variants with wrong types and missing keys) by both the SDK's converter and a reference
converter built from cattrs' `make_dict_structure_fn`; results and failures must agree.
"""

from __future__ import annotations

import enum
import importlib
import keyword
import pkgutil
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs
import cattrs
import pytest
from attrs import AttrsInstance
from cattrs.gen import make_dict_structure_fn

import miosa.types
from miosa._converter import _keyword_renames, make_converter, structure
from miosa._model_codegen import compile_structure
from miosa.errors import ResponseValidationError
from miosa.types import Model, OpenEnum


def _all_models() -> list[type[AttrsInstance]]:
    found: dict[str, type[AttrsInstance]] = {}
    for info in pkgutil.iter_modules(miosa.types.__path__):
        module = importlib.import_module(f"miosa.types.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Model) and attrs.has(value):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


# Built by hand, never structured by the converter: the code interpreter's result
# (miosa._groups.code decodes base64 outputs into bytes and reads the error from the
# traceback) and a device bootstrap's report (devices.bootstrap composes it client-side
# from the replies of its steps).
HAND_BUILT = {"CodeOutput", "CodeResult", "DeviceBootstrap", "DeviceBootstrapStep"}
MODELS = [m for m in _all_models() if m.__qualname__ not in HAND_BUILT]


def _reference_converter() -> cattrs.Converter:
    """The SDK's converter with cattrs' own generated function for every model."""
    converter = make_converter()

    def factory(cls: type[Model]) -> Callable[[Any, Any], Model]:
        build = make_dict_structure_fn(cls, converter, **_keyword_renames(cls))

        def hook(value: Any, _: Any) -> Model:
            if not isinstance(value, dict):
                raise TypeError("not a dict")
            instance = build(value, cls)
            object.__setattr__(instance, "_raw", value)
            return instance

        return hook

    converter.register_structure_hook_factory(
        lambda tp: isinstance(tp, type) and issubclass(tp, Model) and attrs.has(tp), factory
    )
    return converter


REFERENCE = _reference_converter()


def _sample(tp: Any, depth: int = 0) -> Any:
    """A JSON value a server could send for type `tp` (wire names, strings for datetimes)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _sample(next(a for a in args if a is not type(None)), depth)
    if origin is typing.Literal:
        return args[0]
    if tp is Any or tp is object:
        return {"free": [1, "two"]}
    if tp is str:
        return "text"
    if tp is bool:
        return True
    if tp is int:
        return 7
    if tp is float:
        return 2.5
    if tp is datetime:
        return "2026-11-28T10:00:00.25+02:00"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp)).value
    if isinstance(tp, type) and attrs.has(tp):
        attrs.resolve_types(tp)
        if depth > 2:
            return _minimal(tp)
        return {_wire(f): _sample(f.type, depth + 1) for f in attrs.fields(tp)}
    if origin is tuple and args and args[-1] is not Ellipsis:  # a fixed-length tuple
        return [_sample(arg, depth + 1) for arg in args]
    if origin in (list, Sequence, tuple, set, frozenset):
        return [_sample(args[0], depth + 1)] if args else []
    if origin in (dict, Mapping):
        return {"key": _sample(args[1], depth + 1)} if args else {}
    raise AssertionError(f"no sample for {tp!r}")


def _wire(field: attrs.Attribute[Any]) -> str:
    return field.name[:-1] if keyword.iskeyword(field.name[:-1]) else field.name


def _required(cls: type) -> list[attrs.Attribute[Any]]:
    attrs.resolve_types(cls)
    return [f for f in attrs.fields(cls) if f.default is attrs.NOTHING]


def _minimal(cls: type) -> dict[str, Any]:
    return {_wire(f): _sample(f.type, 3) for f in _required(cls)}


def _both(payload: Any, cls: type) -> tuple[Any, Any]:
    """(ours, reference): each the result or the exception type it raised."""
    outcomes: list[Any] = []
    convert: Callable[[], object]
    for convert in (
        lambda: structure(payload, cls),
        lambda: REFERENCE.structure(payload, cls),
    ):
        try:
            outcomes.append(convert())
        except Exception as exc:  # the two are compared by exception type
            outcomes.append(type(exc))
    return outcomes[0], outcomes[1]


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__qualname__)
def test_every_model_structures_a_full_payload_as_cattrs_does(cls: type[Model]) -> None:
    payload = _sample(cls)
    ours, reference = _both(payload, cls)
    assert not isinstance(ours, type), f"{cls.__qualname__} failed: {ours}"
    assert ours == reference
    assert dict(ours.raw) == payload
    ours, reference = _both(_minimal(cls), cls)
    assert not isinstance(ours, type) and ours == reference


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__qualname__)
def test_every_model_agrees_with_cattrs_on_wrong_and_missing_values(
    cls: type[AttrsInstance],
) -> None:
    payload = _sample(cls)
    for field in attrs.fields(attrs.resolve_types(cls)):
        for bad in ([1], {"x": 1}, "7", 3, None, True):
            changed = {**payload, _wire(field): bad}
            ours, reference = _both(changed, cls)
            if isinstance(reference, type):
                assert ours is ResponseValidationError, (field.name, bad, ours)
            else:
                assert ours == reference, (field.name, bad)
        if field.default is attrs.NOTHING:
            missing = {k: v for k, v in payload.items() if k != _wire(field)}
            assert _both(missing, cls)[0] is ResponseValidationError


class Mood(OpenEnum):
    CALM = "calm"
    EMPTY = ""


@attrs.frozen(kw_only=True)
class Node(Model):
    name: str
    children: tuple[Node, ...] = ()
    parent: Node | None = None
    mood: Mood | None = None
    note: str = ""
    count: int = 0
    tags: list[str] = attrs.field(factory=list)
    when: datetime | None = None
    class_: str | None = None


def test_a_model_that_contains_itself() -> None:
    tree = {"name": "root", "children": [{"name": "a", "children": [{"name": "b"}]}]}
    node = structure(tree, Node)
    assert node.children[0].children[0] == Node(name="b")
    assert node.children[0].raw == tree["children"][0]


def test_absent_keys_take_the_field_defaults_and_factories_run_per_instance() -> None:
    first, second = structure({"name": "x"}, Node), structure({"name": "y"}, Node)
    assert (first.note, first.count, first.children, first.tags) == ("", 0, (), [])
    assert first.tags is not second.tags


def test_enum_members_including_a_falsy_one_and_unknown_values() -> None:
    assert structure({"name": "x", "mood": "calm"}, Node).mood is Mood.CALM
    assert structure({"name": "x", "mood": ""}, Node).mood is Mood.EMPTY
    unknown = structure({"name": "x", "mood": "stormy"}, Node).mood
    assert unknown == "stormy" and unknown is not None and not unknown.is_known
    with pytest.raises(ResponseValidationError):
        structure({"name": "x", "mood": ["calm"]}, Node)


def test_keyword_names_and_explicit_nulls() -> None:
    node = structure({"name": "x", "class": "c", "parent": None, "when": None}, Node)
    assert node.class_ == "c" and node.parent is None and node.when is None


def test_dict_subclasses_are_accepted_and_other_values_refused() -> None:
    class Payload(dict[str, Any]):
        pass

    assert structure(Payload(name="x"), Node).name == "x"
    for value in (["name"], "x", None, 3):
        with pytest.raises(ResponseValidationError, match="Node"):
            structure(value, Node)


def test_factories_that_take_self_are_refused_when_compiling() -> None:
    @attrs.frozen(kw_only=True)
    class Odd(Model):
        size: int = attrs.field(default=attrs.Factory(lambda self: 1, takes_self=True))

    with pytest.raises(TypeError, match="takes_self"):
        compile_structure(Odd, make_converter())
