"""Base classes shared by every public model."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Literal, TypeVar

_EMPTY: Mapping[str, Any] = MappingProxyType({})

M = TypeVar("M", bound="Model")


class Model:
    """Base of every response model: attrs-frozen fields plus the payload they came from.

    `raw` holds the whole decoded JSON object, so fields this SDK version does not know
    yet are still reachable (``model.raw["new_field"]``).

    Models travel: `to_dict` / `to_json` give the wire's shape, `from_dict` reads it back,
    ``copy.copy``, ``copy.deepcopy`` and `pickle` keep ``raw``, and with pydantic installed
    a model is a valid FastAPI ``response_model`` and a `pydantic.TypeAdapter` type.
    """

    # `_miosa_origin`: (status code, request id) of the reply, kept by a page's items.
    __slots__ = ("_miosa_origin", "_raw")

    # Read by the converter to recognise models without importing this module.
    __miosa_model__ = True

    @property
    def raw(self) -> Mapping[str, Any]:
        """The full JSON object the server sent, unknown fields included (read-only)."""
        raw: Mapping[str, Any] = getattr(self, "_raw", _EMPTY)
        return MappingProxyType(raw) if isinstance(raw, dict) else raw

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "json",
        by_alias: bool = True,
        exclude_none: bool = False,
    ) -> dict[str, Any]:
        """The model's fields as a dict, nested models included.

        Args:
            mode: ``"json"`` (default) gives values ``json.dumps`` takes as they are:
                datetimes as ISO-8601 strings (``Z`` for UTC), enum members as their
                strings, tuples as lists. ``"python"`` keeps `datetime` objects, enum
                members and tuples.
            by_alias: keys are the wire names (``class`` for the field ``class_``);
                ``False`` gives the attribute names.
            exclude_none: leave out fields whose value is ``None``.

        Keys the server sent that the model has no field for are not included: they stay
        in `raw`. ``Model.from_dict(model.to_dict())`` equals ``model``.
        """
        if mode not in ("json", "python"):
            raise ValueError(f"mode must be 'json' or 'python', not {mode!r}")
        from .._dump import dump_model

        return dump_model(
            self, json_values=mode == "json", by_alias=by_alias, exclude_none=exclude_none
        )

    def to_json(
        self, *, indent: int | None = None, by_alias: bool = True, exclude_none: bool = False
    ) -> str:
        """`to_dict` (JSON mode) as a JSON string; ``indent`` as for `json.dumps`."""
        import json

        data = self.to_dict(by_alias=by_alias, exclude_none=exclude_none)
        return json.dumps(data, indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """A model from a dict in the wire's shape, as the SDK builds it from a reply.

        Also takes what `to_dict` gives in either mode. Keys without a field are kept in
        `raw`; a value of the wrong shape raises `ValueError`.
        """
        from .._converter import from_plain

        return from_plain(data, cls)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        # attrs' own state covers the fields only; `raw` travels alongside.
        state = self.__getstate__()  # type: ignore[attr-defined]
        raw = getattr(self, "_raw", None)
        if raw is not None and not isinstance(raw, dict):
            raw = dict(raw)  # a read-only view (a snapshot's) does not pickle
        return _restore, (type(self), state, raw)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Called by pydantic only: validation through `from_dict`, serialization to the
        wire's shape, and its JSON schema (see ``miosa._pydantic``)."""
        from .._pydantic import model_core_schema

        return model_core_schema(cls, handler)


def _restore(cls: type[M], state: Any, raw: Mapping[str, Any] | None) -> M:
    """Rebuild a pickled or copied model, ``raw`` included."""
    model = object.__new__(cls)
    model.__setstate__(state)  # type: ignore[attr-defined]
    if raw is not None:
        object.__setattr__(model, "_raw", raw)
    return model


class OpenEnum(str, enum.Enum):
    """A string enum that keeps values it does not know instead of failing.

    ``SandboxState("hibernating")`` gives a member whose ``.value`` is ``"hibernating"``;
    members compare equal to their string, so ``state == "running"`` works too.
    """

    @classmethod
    def _missing_(cls, value: object) -> OpenEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace(".", "_").replace("-", "_")
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)

    # Enum hashes by member name; hash like the string so `state in {"running"}` and
    # dict lookups agree with `state == "running"`.
    def __hash__(self) -> int:
        return str.__hash__(self)

    @property
    def is_known(self) -> bool:
        """False for a value this SDK version has no member for."""
        return self._name_ in type(self).__members__


JSONObject = dict[str, Any]
"""A free-form JSON object (metadata, options passed through verbatim)."""
