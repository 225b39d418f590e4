"""One generated structure function per model: the hot path from a JSON object to a model.

cattrs' generated functions call a hook for every field and build the instance from a
keyword dict. Most MIOSA fields are optional scalars that arrive with the right type, so
the functions compiled here test the type inline and call a hook only when a value needs
converting, then call the class with literal keyword arguments. The hooks are the
converter's own, so the results and the errors are the ones cattrs would give.
"""

from __future__ import annotations

import enum
import inspect
import linecache
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

from ._aliases import alias_pairs
from ._dump import wire_name

StructureFn = Callable[[Any, Any], Any]

_SCALARS = (str, int, float, bool)
_MISSING = object()


def _split_optional(tp: Any) -> tuple[Any, bool]:
    """``X | None`` -> (X, True); anything else -> (tp, False)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if len(args) == 2 and type(None) in args:
            return (args[0] if args[1] is type(None) else args[1]), True
    return tp, False


def _exact_class(tp: Any) -> type | None:
    """The one class a value of type `tp` arrives as from ``json.loads``, if there is one."""
    if tp in _SCALARS:
        return tp  # type: ignore[no-any-return]
    origin = typing.get_origin(tp)
    if origin in (dict, Mapping) and typing.get_args(tp)[1:] == (Any,):
        return dict
    return None


def _conversion(var: str, index: int, guard_none: bool, exact: type | None, is_enum: bool) -> str:
    """The statement that converts ``var`` in place, or leaves it when it is already right."""
    convert = f"{var} = h{index}({var}, t{index})"
    if is_enum:
        # A known member is one dict lookup; the hook handles values the enum lacks.
        convert = f"{var} = m{index}.get({var}) or {convert.split(' = ', 1)[1]}"
    conditions = [f"{var} is not None"] if guard_none else []
    if exact is not None:
        conditions.append(f"{var}.__class__ is not c{index}")
    return f"if {' and '.join(conditions)}: {convert}" if conditions else convert


def _slot_setters(cls: type) -> list[Callable[[Any, Any], None]] | None:
    """The setters of each field's slot, in field order, when attrs' ``__init__`` would do
    nothing but set them (and call ``__attrs_post_init__``, which the generated function
    then calls too); None when it does more (or the class has no slots)."""
    if getattr(cls, "__attrs_pre_init__", None):
        return None
    code = getattr(inspect.getattr_static(cls, "__init__"), "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        return None  # a hand-written __init__
    if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
        return None  # cache_hash: __init__ also clears the cached hash
    setters = []
    for field in attrs.fields(cls):
        if field.validator is not None or field.converter is not None or not field.init:
            return None
        descriptor = inspect.getattr_static(cls, field.name, None)
        if not isinstance(descriptor, types.MemberDescriptorType):
            return None
        setters.append(descriptor.__set__)
    return setters


class _Generated:
    """The names and statements shared by one model's generated functions.

    Field hooks are looked up on the first call of any of them, when a model that contains
    itself (a file tree) finds its own hook already registered.
    """

    def __init__(self, cls: type, converter: cattrs.Converter) -> None:
        attrs.resolve_types(cls)
        self.cls = cls
        self.fields = attrs.fields(cls)
        self.index = {field.name: index for index, field in enumerate(self.fields)}
        self.hook_types: dict[str, Any] = {}
        self.names: dict[str, Any] = {
            "_cls": cls,
            "_MISSING": _MISSING,
            "_new": object.__new__,
            # The base model's slot: every model keeps the object it came from.
            "_set_raw": inspect.getattr_static(cls, "_raw").__set__,
            "_pending": True,
            "_resolve": self._resolve_hooks,
            "_refuse": self._refuse,
        }
        self._converter = converter

    def _resolve_hooks(self) -> None:
        for name, tp in self.hook_types.items():
            self.names[name] = self._converter.get_structure_hook(tp)
        self.names["_pending"] = False

    def _refuse(self, value: object) -> None:
        raise TypeError(f"expected a JSON object for {self.cls.__name__}, got {value!r:.80}")

    def field_lines(self, index: int, indent: str) -> list[str]:
        """Statements that leave field `index`'s converted value in ``v<index>``, reading
        the object through a local ``get`` (its ``get`` method) or ``o``."""
        field, names = self.fields[index], self.names
        var, wire = f"v{index}", wire_name(field)
        inner, optional = _split_optional(field.type)
        exact = _exact_class(inner)
        # Scalar hooks also refuse containers, so they see the whole `X | None` type.
        hook_type = field.type if exact in _SCALARS else inner
        self.hook_types[f"h{index}"] = names[f"t{index}"] = hook_type
        names[f"c{index}"] = exact
        is_enum = isinstance(inner, type) and issubclass(inner, enum.Enum)
        if is_enum:
            names[f"m{index}"] = inner._value2member_map_
        guard_none = optional or field.default is None
        conversion = _conversion(var, index, guard_none, exact, is_enum)
        if field.default is attrs.NOTHING:
            lines = [f"{var} = o[{wire!r}]", conversion]
        elif field.default is None:
            lines = [f"{var} = get({wire!r})", conversion]
        else:
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    raise TypeError(
                        f"{self.cls.__name__}.{field.name}: takes_self defaults unsupported"
                    )
                names[f"d{index}"], fill = default.factory, f"d{index}()"
            else:
                names[f"d{index}"], fill = default, f"d{index}"
            lines = [
                f"{var} = get({wire!r}, _MISSING)",
                f"if {var} is _MISSING:",
                f"    {var} = {fill}",
                "else:",
                f"    {conversion}",
            ]
        return [indent + line for line in lines]

    def compile(self, source: str, kind: str) -> dict[str, Any]:
        cls = self.cls
        filename = f"<miosa generated {kind} {cls.__module__}.{cls.__qualname__}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), self.names)
        return self.names


def compile_structure(cls: type, converter: cattrs.Converter) -> StructureFn:
    """Generate the structure hook ``(o, _) -> cls`` for an attrs model.

    A value that is not a JSON object raises `TypeError`; a missing required key raises
    `KeyError`; a field of the wrong shape raises what the converter's hook for it raises.
    The object itself is kept as ``_raw``.
    """
    gen = _Generated(cls, converter)
    lines = [
        f"def structure_{cls.__name__}(o, _=None):",
        "    if o.__class__ is not dict and not isinstance(o, dict): _refuse(o)",
        "    if _pending: _resolve()",
        "    get = o.get",
    ]
    for index in range(len(gen.fields)):
        lines += gen.field_lines(index, "    ")
    setters = _slot_setters(cls)
    pairs = alias_pairs(cls)
    if setters is None:
        arguments = ", ".join(f"{field.alias}=v{i}" for i, field in enumerate(gen.fields))
        lines.append(f"    instance = _cls({arguments})")
    else:
        if pairs is not None:
            # `aliases_filled` is the whole post-init: fill the pairs here instead.
            for first, second in pairs:
                a, b = f"v{gen.index[first]}", f"v{gen.index[second]}"
                lines += [f"    if {a} is None: {a} = {b}", f"    elif {b} is None: {b} = {a}"]
        # attrs' frozen __init__ sets each slot through object.__setattr__; with nothing
        # else in it (no validator, converter or post-init) the slots' own setters do the
        # same for about half the cost, which is most of a list item's structuring.
        lines.append("    instance = _new(_cls)")
        for index, setter in enumerate(setters):
            gen.names[f"s{index}"] = setter
            lines.append(f"    s{index}(instance, v{index})")
        if pairs is None:
            lines.append("    instance.__attrs_post_init__()")  # as attrs' __init__ ends
    lines += [
        "    _set_raw(instance, o)",
        "    return instance",
    ]
    names = gen.compile("\n".join(lines) + "\n", "structure")
    fn: StructureFn = names[f"structure_{cls.__name__}"]
    return fn


def compile_lazy_getattr(
    cls: type, converter: cattrs.Converter, fail: Callable[[Any, str, Exception], None]
) -> Callable[[Any, str], Any] | None:
    """A ``__getattr__`` for `cls` that fills an empty field slot from the item's ``raw``.

    Python calls it only when normal lookup failed, which for a field means its slot is
    empty. It converts that one field as `compile_structure` would (alias pairs
    included), keeps it in the slot and returns it; a conversion error goes to ``fail(item,
    name, error)``, which raises. Any other name raises `AttributeError`. None for a model
    whose structuring is more than its fields (a validator, a converter or a post-init of
    its own). One function with a branch per field: a call per field read would cost as
    much again.
    """
    pairs = alias_pairs(cls)
    setters = _slot_setters(cls)
    if pairs is None or setters is None:
        return None
    gen = _Generated(cls, converter)
    gen.names["_fail"] = fail
    # Each spelling falls back to the other, as `fill_aliases` fills whichever is None.
    partner = {**dict(pairs), **{second: first for first, second in pairs}}
    lines = ["def __getattr__(self, name):"]
    for index, field in enumerate(gen.fields):
        gen.names[f"s{index}"] = setters[index]
        lines += [
            f"    if name == {field.name!r}:",
            "        o = self._raw",
            "        try:",
            "            if _pending: _resolve()",
            "            get = o.get",
        ]
        lines += gen.field_lines(index, "            ")
        second = partner.get(field.name)
        if second is not None:
            other = gen.index[second]
            lines.append(f"            if v{index} is None:")
            lines += gen.field_lines(other, "                ")
            lines.append(f"                v{index} = v{other}")
        lines += [
            "        except Exception as exc:",
            "            _fail(self, name, exc)",
            f"        s{index}(self, v{index})",
            f"        return v{index}",
        ]
    # type(self): a subclass built eagerly inherits this function.
    lines.append(
        "    raise AttributeError(f'{type(self).__name__!r} object has no attribute {name!r}',"
        " name=name, obj=self)"
    )
    names = gen.compile("\n".join(lines) + "\n", "lazy __getattr__")
    getattr_fn: Callable[[Any, str], Any] = names["__getattr__"]
    getattr_fn.__miosa_lazy__ = True  # type: ignore[attr-defined]
    return getattr_fn
