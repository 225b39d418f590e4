"""Models back to plain dicts: what `Model.to_dict` and `Model.to_json` give.

The inverse of structuring: keys are the wire names (``class`` for the field ``class_``)
and, in JSON mode, values are what ``json.loads`` would give (datetimes as ISO-8601
strings with ``Z`` for UTC, enum members as their strings, tuples as lists). In Python
mode datetimes and enum members stay as they are. Only the models' fields are written;
keys the server sent that a model has no field for stay in ``model.raw``.

Pure and free of cattrs, so dumping a model costs no import beyond attrs.
"""

from __future__ import annotations

import enum
import keyword
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

_SCALARS = frozenset({str, int, float, bool, type(None)})

# Per model class: (attribute name, wire name) of every field, in declaration order.
_plans: dict[type, tuple[tuple[str, str], ...]] = {}


def wire_name(field: attrs.Attribute[Any]) -> str:
    """``from_`` on the model is ``from`` on the wire; other names are the same."""
    name = field.name
    return name[:-1] if name.endswith("_") and keyword.iskeyword(name[:-1]) else name


def format_datetime(value: datetime) -> str:
    """ISO-8601, with ``Z`` for UTC (the form the API sends)."""
    return value.isoformat().replace("+00:00", "Z")


def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = tuple((f.name, wire_name(f)) for f in attrs.fields(cls))
    return plan


def is_model(value: object) -> bool:
    """True for an instance of an attrs class (every MIOSA model is one)."""
    return getattr(value.__class__, "__attrs_attrs__", None) is not None


def dump_model(
    model: Any, *, json_values: bool = True, by_alias: bool = True, exclude_none: bool = False
) -> dict[str, Any]:
    """`model`'s fields as a dict; nested models become dicts too (see the module doc)."""
    out: dict[str, Any] = {}
    for name, wire in _plan(model.__class__):
        value = getattr(model, name)
        if value is None and exclude_none:
            continue
        out[wire if by_alias else name] = _dump_value(value, json_values, by_alias, exclude_none)
    return out


def _dump_value(value: Any, json_values: bool, by_alias: bool, exclude_none: bool) -> Any:
    cls = value.__class__
    if cls in _SCALARS:
        return value
    if isinstance(value, enum.Enum):
        return value.value if json_values else value
    if isinstance(value, datetime):
        return format_datetime(value) if json_values else value
    if is_model(value):
        return dump_model(
            value, json_values=json_values, by_alias=by_alias, exclude_none=exclude_none
        )
    if isinstance(value, Mapping):
        return {
            key: _dump_value(item, json_values, by_alias, exclude_none)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        items = [_dump_value(item, json_values, by_alias, exclude_none) for item in value]
        return items if json_values or cls is list else tuple(items)
    return value
