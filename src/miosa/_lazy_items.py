"""Page items that convert each field the first time it is read.

Walking a long list is dominated by building its items: an eleven-field entry costs
about 1.5 us to build eagerly, a fifth of what fetching and decoding its page costs. A
page's items are therefore built with only their decoded object (``raw``) and their
fields' slots empty. Reading an empty slot falls through to `Model.__getattr__`, which
calls the field's *filler*: it converts that one field exactly as the eager path would
(the same hooks, alias pairs filled the same way), stores it in the slot and returns it.
Later reads are plain slot reads. The item is of the model's own class, so equality,
hashing, ``repr``, pickling, copying and `to_dict` are the model's own (each reads every
field, which fills them).

What moves: a field of the wrong shape raises `ResponseValidationError` when it is read,
not when the page arrives. An item that is not a JSON object, or that lacks a required
key, still fails when the page arrives. Models whose construction does more than fill
their fields (their own post-init, validators, converters) are built eagerly as before.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from ._dump import wire_name
from ._model_codegen import FieldReader, compile_field_readers
from .errors import ResponseValidationError

# (status code, request id) of the reply an item came in.
Origin = tuple[int, "str | None"]
ItemBuilder = Callable[[Any, Origin], Any]


def shape_error(
    cls: Any, exc: BaseException, payload: object, status_code: int, request_id: str | None
) -> ResponseValidationError:
    """The error for a reply (or one field of it) that does not fit `cls`."""
    return ResponseValidationError(
        f"Unexpected response shape for {getattr(cls, '__name__', cls)}: {exc}",
        status_code=status_code,
        request_id=request_id,
        text=repr(payload)[:1024],
    )


def _getattr_is_the_models(cls: type) -> bool:
    """True when the ``__getattr__`` `cls` has is `Model`'s (the class that declares
    ``__miosa_model__``), not one of its own, such as attrs' cached properties add."""
    owner = next((k for k in cls.__mro__ if "__getattr__" in k.__dict__), None)
    return owner is not None and "__miosa_model__" in owner.__dict__


def _fillers(cls: type, readers: dict[str, FieldReader]) -> dict[str, Callable[[Any], Any]]:
    """Per field, ``(item) -> value``: convert the field from the item's ``raw``, keep it
    in the field's slot, return it; a conversion error becomes `ResponseValidationError`."""
    get_raw = inspect.getattr_static(cls, "_raw").__get__
    wire_names = {field.name: wire_name(field) for field in attrs.fields(cls)}

    def filler(name: str, read: FieldReader) -> Callable[[Any], Any]:
        keep = inspect.getattr_static(cls, name).__set__
        label, wire = f"{cls.__name__}.{name}", wire_names[name]

        def fill(item: Any) -> Any:
            raw = get_raw(item)
            try:
                value = read(raw)
            except Exception as exc:
                status_code, request_id = getattr(item, "_miosa_origin", (200, None))
                raise shape_error(label, exc, raw.get(wire), status_code, request_id) from None
            keep(item, value)
            return value

        return fill

    return {name: filler(name, read) for name, read in readers.items()}


def lazy_item_builder(cls: type, converter: cattrs.Converter) -> ItemBuilder | None:
    """``(object, origin) -> item`` building items of `cls` with empty field slots; None
    when `cls` must be built eagerly (see the module doc)."""
    if not attrs.has(cls) or not _getattr_is_the_models(cls):
        return None
    readers = compile_field_readers(cls, converter)
    if readers is None:
        return None
    # Set on the class itself: a subclass has fields (and fillers) of its own.
    type.__setattr__(cls, "__miosa_field_fillers__", _fillers(cls, readers))
    new = object.__new__
    set_raw = inspect.getattr_static(cls, "_raw").__set__
    set_origin = inspect.getattr_static(cls, "_miosa_origin").__set__
    required = tuple(wire_name(f) for f in attrs.fields(cls) if f.default is attrs.NOTHING)

    def build(value: Any, origin: Origin) -> Any:
        if value.__class__ is not dict and not isinstance(value, dict):
            raise TypeError(f"expected a JSON object for {cls.__name__}, got {value!r:.80}")
        for key in required:
            if key not in value:
                raise KeyError(key)
        item: Any = new(cls)
        set_raw(item, value)
        set_origin(item, origin)
        return item

    return build
