"""Typed reads of request-body fields: the right type or a 400 naming the field.

Handlers never index a body and hope: ``require(body, "name", str)`` returns a ``str``
or raises a 400 ``VALIDATION_ERROR`` whose details name the field, so a wrong type from a
client never reaches code that would fail on it with a 500. ``Call.require`` /
``Call.optional`` (routing.py) are the same reads on the request's own body.

Kinds: ``str``, ``int`` (not ``bool``; an integral float such as ``30.0`` counts),
``float`` (any finite number), ``bool``, ``dict`` and ``list``. A JSON ``null`` is the
same as an absent field. Integers are bounded (``low``/``high``, 64-bit by default) so a
huge number cannot overflow later arithmetic; ``items`` checks the element type of a
list (or the value type of a ``dict``, whose keys are strings in JSON anyway).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any, TypeVar, overload

from .http import bad_request

T = TypeVar("T")

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    dict: "an object",
    list: "an array",
}


def _describe(kind: type) -> str:
    return _NAMES.get(kind, kind.__name__)


def coerce(name: str, value: Any, kind: type[T], low: float | None, high: float | None) -> T:
    """``value`` as ``kind``, or a 400 naming ``name``."""
    result: Any
    if kind is int:
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise bad_request(f"{name} must be an integer", field=name)
        result = value
        low = INT64_MIN if low is None else low
        high = INT64_MAX if high is None else high
    elif kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad_request(f"{name} must be a number", field=name)
        if isinstance(value, int) and abs(value) > 2**53:
            raise bad_request(f"{name} is out of range", field=name)
        result = float(value)
        if not math.isfinite(result):
            raise bad_request(f"{name} must be a finite number", field=name)
    elif not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise bad_request(f"{name} must be {_describe(kind)}", field=name)
    else:
        result = value
    if low is not None and result < low:
        raise bad_request(f"{name} must be >= {low}", field=name, minimum=low)
    if high is not None and result > high:
        raise bad_request(f"{name} must be <= {high}", field=name, maximum=high)
    return result  # type: ignore[no-any-return]


def _check_items(name: str, value: Any, items: type | None) -> None:
    if items is None:
        return
    elements = value.values() if isinstance(value, dict) else value
    if not all(
        isinstance(v, items) and not (items is not bool and isinstance(v, bool)) for v in elements
    ):
        what = "values" if isinstance(value, dict) else "items"
        raise bad_request(f"{name} {what} must each be {_describe(items)}", field=name)


def _read(
    body: Mapping[str, Any],
    name: str,
    kind: type[T],
    *,
    low: float | None,
    high: float | None,
    choices: Collection[Any] | None,
    items: type | None,
) -> T | None:
    value = body.get(name)
    if value is None:
        return None
    result = coerce(name, value, kind, low, high)
    if choices is not None and result not in choices:
        raise bad_request(
            f"{name} must be one of {', '.join(map(str, choices))}",
            field=name,
            allowed=list(choices),
        )
    _check_items(name, result, items)
    return result


def require(
    body: Mapping[str, Any],
    name: str,
    kind: type[T],
    *,
    low: float | None = None,
    high: float | None = None,
    choices: Collection[Any] | None = None,
    items: type | None = None,
) -> T:
    """The field as ``kind``; a 400 when absent, ``null``, an empty string or mistyped."""
    value = _read(body, name, kind, low=low, high=high, choices=choices, items=items)
    if value is None or value == "":
        raise bad_request(f"{name} is required", field=name)
    return value


@overload
def optional(
    body: Mapping[str, Any],
    name: str,
    kind: type[T],
    default: None = None,
    *,
    low: float | None = None,
    high: float | None = None,
    choices: Collection[Any] | None = None,
    items: type | None = None,
) -> T | None: ...


@overload
def optional(
    body: Mapping[str, Any],
    name: str,
    kind: type[T],
    default: T,
    *,
    low: float | None = None,
    high: float | None = None,
    choices: Collection[Any] | None = None,
    items: type | None = None,
) -> T: ...


def optional(
    body: Mapping[str, Any],
    name: str,
    kind: type[T],
    default: T | None = None,
    *,
    low: float | None = None,
    high: float | None = None,
    choices: Collection[Any] | None = None,
    items: type | None = None,
) -> T | None:
    """The field as ``kind``, ``default`` when absent or ``null``; a 400 when mistyped."""
    value = _read(body, name, kind, low=low, high=high, choices=choices, items=items)
    return default if value is None else value


def first(body: Mapping[str, Any], names: Collection[str], kind: type[T]) -> T | None:
    """The first of several alias fields that is present (``command`` / ``cmd``), typed."""
    for name in names:
        value = optional(body, name, kind)
        if value is not None and value != "":
            return value
    return None


__all__ = ["coerce", "first", "optional", "require"]
