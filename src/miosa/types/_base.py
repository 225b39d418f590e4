"""Base classes shared by every public model."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Model:
    """Base of every response model: attrs-frozen fields plus the payload they came from.

    `raw` holds the whole decoded JSON object, so fields this SDK version does not know
    yet are still reachable (``model.raw["new_field"]``).
    """

    __slots__ = ("_raw",)

    @property
    def raw(self) -> Mapping[str, Any]:
        """The full JSON object the server sent, unknown fields included (read-only)."""
        raw: Mapping[str, Any] = getattr(self, "_raw", _EMPTY)
        return MappingProxyType(raw) if isinstance(raw, dict) else raw


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
