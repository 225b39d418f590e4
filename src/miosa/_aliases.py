"""Pure: model fields the wire contract spells two ways (``enabled``/``active`` ...).

A model declares both spellings as fields and calls `fill_aliases` from
``__attrs_post_init__``; whichever key the server sent then shows under both names,
so callers can read the documented one whatever server version answered.
"""

from __future__ import annotations

_set = object.__setattr__


def fill_aliases(instance: object, *pairs: tuple[str, str]) -> None:
    """For each ``(a, b)`` pair, copy the value that is set onto the one that is None."""
    for first, second in pairs:
        a, b = getattr(instance, first), getattr(instance, second)
        if a is None:
            if b is not None:
                _set(instance, first, b)
        elif b is None:
            _set(instance, second, a)
