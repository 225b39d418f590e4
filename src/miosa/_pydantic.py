"""Pydantic support for MIOSA models: FastAPI ``response_model``, `pydantic.TypeAdapter`.

Imported only from `Model.__get_pydantic_core_schema__`, which pydantic alone calls, and
pydantic itself is imported inside the functions here: the SDK never imports pydantic and
does not depend on it (the ``pydantic`` extra names the versions it works with).

- Validation takes a model instance as it is, or a mapping through `Model.from_dict`
  (the converter the SDK reads replies with, so unknown enum values and extra keys are
  kept exactly as in a reply).
- Serialization gives the wire's shape: one key per field under its wire name (always,
  so a dump validates back), each value serialized by pydantic from the field's type
  (JSON values in JSON mode, which is what FastAPI sends; Python values in Python mode).
  Pydantic's ``exclude_none`` applies.
- The JSON schema (FastAPI's OpenAPI document) is that same wire shape.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._dump import wire_name

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import core_schema

# Model classes whose schema is being built on this thread: a model that contains itself
# (a file tree) refers to its own definition instead of recursing.
_building = threading.local()


def _ref(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}:{id(cls)}"


def model_core_schema(cls: type, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
    """The core schema of model class `cls` (see the module doc)."""
    from pydantic_core import core_schema

    building: set[type] = _building.__dict__.setdefault("classes", set())
    if cls in building:
        return core_schema.definition_reference_schema(_ref(cls))
    building.add(cls)
    try:
        return _model_core_schema(cls, handler)
    finally:
        building.discard(cls)


def _model_core_schema(cls: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
    from pydantic_core import core_schema

    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    names = tuple((field.name, wire_name(field)) for field in fields)
    shape = core_schema.typed_dict_schema(
        {
            wire_name(field): core_schema.typed_dict_field(
                _field_schema(field.type, handler), required=field.default is attrs.NOTHING
            )
            for field in fields
        },
        extra_behavior="allow",
        metadata={"pydantic_js_updates": {"title": cls.__name__}},
    )

    def validate(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise ValueError(f"expected a {cls.__name__} or a mapping, got {type(value).__name__}")
        return cls.from_dict(value)

    def fields_by_wire_name(value: Any) -> dict[str, Any]:
        # Values as they are: pydantic serializes each one through `shape`.
        return {wire: getattr(value, name) for name, wire in names}

    return core_schema.no_info_plain_validator_function(
        validate,
        ref=_ref(cls),
        json_schema_input_schema=shape,
        serialization=core_schema.plain_serializer_function_ser_schema(
            fields_by_wire_name, return_schema=shape
        ),
    )


def _field_schema(tp: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
    from pydantic.errors import PydanticSchemaGenerationError
    from pydantic_core import core_schema

    try:
        return handler.generate_schema(tp)
    except PydanticSchemaGenerationError:  # a type pydantic cannot describe: any JSON
        return core_schema.any_schema()
