"""`LiveModel`: what makes a handle over a frozen model a live object (pure, no I/O).

A handle (`AsyncSandbox`, `AsyncComputer` ...) extends its frozen model so that every
field reads as an attribute, but `refresh()` and the lifecycle calls change those fields in
place. So the handle is not a value: its fields are assignable, equality is identity, it
has no hash, its repr names what identifies it, and `model` gives the frozen snapshot.
Put `LiveModel` first among the bases so that it wins over the model's attrs methods.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs


class LiveModel:
    """Mixin for a handle class ``class AsyncX(LiveModel, XData)``."""

    __slots__ = ()

    # Set by each handle class: the frozen model it extends, and the fields its repr shows.
    _model_type: ClassVar[type[Any]]
    _repr_fields: ClassVar[tuple[str, ...]] = ("id",)

    # Mutable, so not hashable; equality is identity.
    __hash__ = None  # type: ignore[assignment]

    def __setattr__(self, name: str, value: Any) -> None:
        # The model is frozen; the handle is not (slots still refuse unknown names).
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        object.__delattr__(self, name)

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __repr__(self) -> str:
        # What identifies the object and its state, not a wall of None fields.
        shown = [
            f"{name}={getattr(value, 'value', value)!r}"  # an enum member shows as its string
            for name in self._repr_fields
            if (value := getattr(self, name)) is not None
        ]
        return f"{type(self).__name__}({', '.join(shown)})"

    def __reduce__(self) -> Any:
        # A copy would lose the client it is bound to (or copy the client); the frozen
        # snapshot is the value to keep.
        raise TypeError(
            f"a {type(self).__name__} is bound to its client and cannot be copied or "
            "pickled: use its `.model` (a frozen snapshot) or `.to_dict()`"
        )

    def _unbound_copy(self) -> Any:
        """A new handle of the same class with the current fields, bound to no client yet
        (a raw call runs on a copy bound to its own client; see ``with_raw_response``)."""
        model_type = self._model_type
        copy = type(self)(**{a.name: getattr(self, a.name) for a in attrs.fields(model_type)})
        object.__setattr__(copy, "_raw", getattr(self, "raw", None))
        return copy

    def _snapshot(self) -> Any:
        """A frozen model of the current fields, ``raw`` included (attached as cattrs does)."""
        model_type = self._model_type
        fields = {a.name: getattr(self, a.name) for a in attrs.fields(model_type)}
        snapshot = model_type(**fields)
        object.__setattr__(snapshot, "_raw", getattr(self, "raw", None))
        return snapshot
