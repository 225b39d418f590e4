"""Page items that convert each field the first time it is read.

Walking a long list is dominated by building its items: an eleven-field entry costs
about 1.3 us to build eagerly, a sixth of what fetching and decoding its page costs. A
page's items are therefore built with only their decoded object (``raw``) and their
fields' slots empty. Reading an empty slot falls through to the ``__getattr__`` this
module gives the model (`compile_lazy_getattr`): it converts that one field exactly as
the eager path would (the same hooks, alias pairs filled the same way), stores it in the
slot and returns it. Later reads are plain slot reads. The item is of the model's own
class, so equality, hashing, ``repr``, pickling, copying and `to_dict` are the model's
own (each reads every field, which fills them).

What moves: a field of the wrong shape raises `ResponseValidationError` when it is read,
not when the page arrives. An item that is not a JSON object, or that lacks a required
key, still fails when the page arrives. Models whose construction does more than fill
their fields (their own post-init, validators, converters, a ``__getattr__`` of their
own) are built eagerly as before.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from ._dump import wire_name
from ._model_codegen import compile_lazy_getattr
from .errors import ResponseValidationError

# (status code, request id) of the reply an item came in.
Origin = tuple[int, "str | None"]
PageBuilder = Callable[[list[Any], Origin], list[Any]]


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


def _failure(cls: type) -> Callable[[Any, str, Exception], None]:
    """What the lazy ``__getattr__`` of `cls` calls when a field does not convert: raise
    `ResponseValidationError` naming the field, with the reply's status and request id."""
    wire_names = {field.name: wire_name(field) for field in attrs.fields(cls)}

    def fail(item: Any, name: str, exc: Exception) -> None:
        status_code, request_id = getattr(item, "_miosa_origin", (200, None))
        value = item.raw.get(wire_names[name])
        raise shape_error(f"{cls.__name__}.{name}", exc, value, status_code, request_id)

    return fail


def lazy_page_builder(cls: type, converter: cattrs.Converter) -> PageBuilder | None:
    """``(items, origin) -> list`` building a page's items of `cls` with empty field
    slots, after giving `cls` its lazy ``__getattr__``; None when `cls` must be built
    eagerly (see the module doc)."""
    inherited = getattr(cls, "__getattr__", None)
    if not attrs.has(cls) or not (inherited is None or hasattr(inherited, "__miosa_lazy__")):
        return None  # a __getattr__ of its own (attrs' cached properties) would be lost
    lazy_getattr = compile_lazy_getattr(cls, converter, _failure(cls))
    if lazy_getattr is None:
        return None
    type.__setattr__(cls, "__getattr__", lazy_getattr)
    new = object.__new__
    set_raw = inspect.getattr_static(cls, "_raw").__set__
    set_origin = inspect.getattr_static(cls, "_miosa_origin").__set__
    required = tuple(wire_name(f) for f in attrs.fields(cls) if f.default is attrs.NOTHING)

    def build(values: list[Any], origin: Origin) -> list[Any]:
        items: list[Any] = []
        append = items.append
        for value in values:
            if value.__class__ is not dict and not isinstance(value, dict):
                problem: Exception = TypeError(
                    f"expected a JSON object for {cls.__name__}, got {value!r:.80}"
                )
                raise shape_error(cls, problem, value, *origin)
            for key in required:
                if key not in value:
                    raise shape_error(cls, KeyError(key), value, *origin)
            item = new(cls)
            set_raw(item, value)
            set_origin(item, origin)
            append(item)
        return items

    return build
