"""Pure: model fields the wire contract spells two ways (``enabled``/``active`` ...).

A model declares both spellings as fields and fills them after ``__init__``; whichever
key the server sent then shows under both names, so callers can read the documented one
whatever server version answered. A model that does nothing else after ``__init__``
says so with ``__attrs_post_init__ = aliases_filled(...)``: the generated structure
functions read the pairs from it and fill them inline, and a page's items can read such
fields one at a time (`miosa._lazy_items`).
"""

from __future__ import annotations

from collections.abc import Callable

_set = object.__setattr__

AliasPairs = tuple[tuple[str, str], ...]


def fill_aliases(instance: object, *pairs: tuple[str, str]) -> None:
    """For each ``(a, b)`` pair, copy the value that is set onto the one that is None."""
    for first, second in pairs:
        a, b = getattr(instance, first), getattr(instance, second)
        if a is None:
            if b is not None:
                _set(instance, first, b)
        elif b is None:
            _set(instance, second, a)


def aliases_filled(*pairs: tuple[str, str]) -> Callable[[object], None]:
    """An ``__attrs_post_init__`` that only fills `pairs`, and says so."""

    def __attrs_post_init__(self: object) -> None:
        fill_aliases(self, *pairs)

    __attrs_post_init__.__miosa_alias_pairs__ = pairs  # type: ignore[attr-defined]
    return __attrs_post_init__


def alias_pairs(cls: type) -> AliasPairs | None:
    """The pairs of a model whose post-init is `aliases_filled`; ``()`` when it has no
    post-init; None when its post-init does something else."""
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is None:
        return ()
    pairs: AliasPairs | None = getattr(post_init, "__miosa_alias_pairs__", None)
    return pairs
