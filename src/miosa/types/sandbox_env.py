"""Environment variables of a sandbox."""

from __future__ import annotations

import attrs

from ._base import Model

__all__ = ["EnvVar"]


@attrs.frozen(kw_only=True)
class EnvVar(Model):
    """One variable. ``value`` is None when the server does not echo it (``encrypted``)."""

    key: str | None = None
    value: str | None = None
    encrypted: bool | None = None
