"""The one cattrs converter: wire JSON <-> attrs models.

Hooks are compiled once per class: models are structured by the functions
`_model_codegen` generates, unstructured by cattrs' own. Unknown fields are ignored by
the structure functions but kept on the instance (`Model.raw`); unknown enum values are
kept by `OpenEnum`; Python keywords used as wire names (``from``, ``async``, ``json``)
are spelled with a trailing underscore on the model and renamed on the wire.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._dump import format_datetime, wire_name
from ._lazy_items import PageBuilder, lazy_page_builder, shape_error
from ._model_codegen import compile_structure
from .errors import ResponseValidationError

if TYPE_CHECKING:
    from .types._base import Model

T = TypeVar("T")

_SCALARS = (str, int, float, bool)


_FRACTION = re.compile(r"\.(\d+)")
_COMPACT_OFFSET = re.compile(r"([+-]\d\d)(\d\d)$")


def _normalise_iso(text: str) -> str:
    text = _FRACTION.sub(lambda m: "." + (m.group(1) + "000000")[:6], text, count=1)
    return _COMPACT_OFFSET.sub(r"\1:\2", text)


def parse_datetime(value: object, _: object = None) -> datetime:
    """ISO-8601 (``Z`` accepted) or a unix timestamp; naive values are taken as UTC."""
    if value.__class__ is str:
        try:
            # Python 3.11+ reads almost every ISO form directly; the rest take the slow path.
            result = datetime.fromisoformat(value)
        except ValueError:
            result = _parse_iso_leniently(value)
    elif isinstance(value, datetime):
        result = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    elif isinstance(value, str):
        result = _parse_iso_leniently(value)
    else:
        raise TypeError(f"expected a datetime string, got {type(value).__name__}")
    return result if result.tzinfo is not None else result.replace(tzinfo=timezone.utc)


def _parse_iso_leniently(value: str) -> datetime:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        # Python 3.10 accepts only 3- or 6-digit fractions and "+HH:MM" offsets.
        return datetime.fromisoformat(_normalise_iso(text))


def _keyword_renames(cls: type) -> dict[str, Any]:
    return {
        field.name: override(rename=wire_name(field))
        for field in attrs.fields(cls)
        if wire_name(field) != field.name
    }


def _is_free_json_dict(tp: Any) -> bool:
    return typing.get_origin(tp) in (dict, Mapping) and typing.get_args(tp)[1:] == (Any,)


def _is_scalar_union(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, getattr(__import__("types"), "UnionType", None))
        and bool(args)
        and all(a in _SCALARS or a is type(None) for a in args)
        and sum(a is not type(None) for a in args) > 1
    )


def _optional_scalar(tp: Any) -> type | None:
    args = typing.get_args(tp)
    if (
        typing.get_origin(tp) in (typing.Union, getattr(__import__("types"), "UnionType", None))
        and len(args) == 2
        and type(None) in args
    ):
        inner = args[0] if args[1] is type(None) else args[1]
        if inner in _SCALARS:
            return inner  # type: ignore[no-any-return]
    return None


def _optional_scalar_hook(tp: Any) -> Callable[[Any, Any], Any]:
    """`str | None` and friends: the common case (right type or null) costs one check."""
    inner = _optional_scalar(tp)
    assert inner is not None

    def structure(value: Any, _: Any) -> Any:
        if value is None or value.__class__ is inner:
            return value
        if inner is bool or isinstance(value, (dict, list)):
            raise TypeError(f"expected {inner.__name__}, got {type(value).__name__}")
        return inner(value)

    return structure


def _passthrough_dict(value: object, _: object) -> object:
    if not isinstance(value, dict):
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return value


def _scalar_union_hook(tp: Any) -> Callable[[Any, Any], Any]:
    """``str | int | None`` and friends: a JSON scalar of any listed kind passes as it is."""
    allowed = typing.get_args(tp)
    nullable = type(None) in allowed

    def structure(value: Any, _: Any) -> Any:
        if value is None and nullable:
            return None
        if isinstance(value, _SCALARS):
            return value
        raise TypeError(f"expected one of {allowed}, got {type(value).__name__}")

    return structure


def make_converter(*, strict: bool = False) -> cattrs.Converter:
    """Build the converter. ``strict=True`` (tests only) fails on fields the models lack."""
    converter = cattrs.Converter(detailed_validation=False, forbid_extra_keys=strict)
    converter.register_structure_hook(datetime, parse_datetime)
    converter.register_unstructure_hook(datetime, format_datetime)
    converter.register_structure_hook_func(_is_free_json_dict, _passthrough_dict)
    converter.register_structure_hook_factory(_is_scalar_union, _scalar_union_hook)
    converter.register_structure_hook_factory(
        lambda tp: _optional_scalar(tp) is not None, _optional_scalar_hook
    )

    def model_structure_factory(cls: type[Model]) -> Callable[[Any, Any], Model]:
        if strict:
            build_strict = make_dict_structure_fn(
                cls, converter, _cattrs_forbid_extra_keys=True, **_keyword_renames(cls)
            )

            def structure_strict(value: Any, _: Any) -> Model:
                if not isinstance(value, dict):
                    raise TypeError(f"expected a JSON object for {cls.__name__}, got {value!r:.80}")
                instance = build_strict(value, cls)
                object.__setattr__(instance, "_raw", value)
                return instance

            return structure_strict

        return compile_structure(cls, converter)

    def model_unstructure_factory(cls: type[Model]) -> Callable[[Model], dict[str, Any]]:
        return make_dict_unstructure_fn(cls, converter, **_keyword_renames(cls))

    def is_model(cls: Any) -> bool:
        # `Model` marks itself rather than being imported here: `Model.from_dict` imports
        # this module, and the package keeps no import cycles.
        return isinstance(cls, type) and attrs.has(cls) and getattr(cls, "__miosa_model__", False)

    converter.register_structure_hook_factory(is_model, model_structure_factory)
    converter.register_unstructure_hook_factory(is_model, model_unstructure_factory)
    return converter


converter = make_converter()
# The converter's own lookup goes through its dispatch chain on every call.
_hooks: dict[Any, Callable[[Any, Any], Any]] = {}


def _hook_for(cls: Any) -> Callable[[Any, Any], Any]:
    hook = _hooks.get(cls)
    if hook is None:
        hook = _hooks[cls] = converter.get_structure_hook(cls)
    return hook


def structure(
    payload: object,
    cls: type[T],
    *,
    status_code: int = 200,
    request_id: str | None = None,
) -> T:
    """Structure a decoded response body; any mismatch becomes `ResponseValidationError`."""
    try:
        return _hook_for(cls)(payload, cls)  # type: ignore[no-any-return]
    except Exception as exc:  # cattrs raises many types; the user needs one.
        raise shape_error(cls, exc, payload, status_code, request_id) from None


def from_plain(data: Mapping[str, Any], cls: type[T]) -> T:
    """`Model.from_dict`: a model from a dict in the wire's shape (or the Python values
    `Model.to_dict` gives); anything that does not fit raises `ValueError`."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__}.from_dict expects a mapping, got {type(data).__name__}")
    try:
        return _hook_for(cls)(dict(data), cls)  # type: ignore[no-any-return]
    except Exception as exc:
        raise ValueError(f"Cannot build {cls.__name__} from the given data: {exc}") from None


def structure_list(items: list[Any], cls: type[T], *, status_code: int = 200) -> list[T]:
    """`structure` for every item of a list, with one hook lookup for the whole page."""
    out: list[T] = []
    append = out.append
    item: object = None
    try:
        hook = _hook_for(cls)
        for item in items:
            append(hook(item, cls))
    except Exception as exc:
        raise shape_error(cls, exc, item, status_code, None) from None
    return out


# A model's lazy page builder, or None when its items are built eagerly.
_page_builders: dict[Any, PageBuilder | None] = {}


def structure_page_items(
    items: list[Any], cls: type[T], *, status_code: int = 200, request_id: str | None = None
) -> list[T]:
    """A page's items: filled field by field when read where `cls` allows
    (`miosa._lazy_items`), else `structure_list`. An item that is not an object, or lacks
    a required key, fails here."""
    try:
        build = _page_builders[cls]
    except KeyError:
        build = _page_builders[cls] = lazy_page_builder(cls, converter)
    if build is None:
        try:
            return structure_list(items, cls, status_code=status_code)
        except ResponseValidationError as exc:
            exc.request_id = request_id
            raise
    return build(items, (status_code, request_id))
