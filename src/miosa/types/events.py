"""Events delivered by server-sent event streams."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import Model

__all__ = ["Event"]


@attrs.frozen(kw_only=True)
class Event(Model):
    """One event from a stream.

    ``type`` is the SSE ``event:`` name, else the payload's ``type``; ``data`` is the
    payload's ``data`` member when it has one, else the whole payload; ``raw`` is the
    whole decoded payload; ``id`` is the SSE id (used to resume).
    """

    type: str
    data: Any = None
    id: str | None = None
