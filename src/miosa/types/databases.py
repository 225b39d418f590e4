"""Models of managed databases, their credentials and logs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = ["Database", "DatabaseCredentials", "DatabaseLogs", "DatabasePublicNetworking"]


@attrs.frozen(kw_only=True)
class Database(Model):
    """A managed database (``/databases``).

    ``state`` is a plain string: the contract does not enumerate database states.
    """

    id: str | None = None
    tenant_id: str | None = None
    environment_id: str | None = None
    name: str | None = None
    state: str | None = None
    engine: str | None = None
    engine_version: str | None = None
    version: str | None = None
    cpu_count: int | None = None
    memory_mb: int | None = None
    storage_mb: int | None = None
    host: str | None = None
    port: int | None = None
    region: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DatabaseCredentials(Model):
    """Connection details. Secret: ``password`` and ``url`` are left out of the repr."""

    url: str | None = attrs.field(default=None, repr=False)
    host: str | None = None
    port: int | None = None
    user: str | None = None
    username: str | None = None
    password: str | None = attrs.field(default=None, repr=False)
    database: str | None = None


@attrs.frozen(kw_only=True)
class DatabaseLogs(Model):
    """``GET /databases/{id}/logs``: recent log lines (the server fills one of the two)."""

    lines: tuple[str, ...] | None = None
    logs: tuple[str, ...] | None = None

    @property
    def entries(self) -> tuple[str, ...]:
        """The log lines, whichever field the server used."""
        return self.lines or self.logs or ()


@attrs.frozen(kw_only=True)
class DatabasePublicNetworking(Model):
    """``/databases/{id}/public-networking``: whether the database is reachable from the
    internet, and from which addresses.

    ``allowlist`` is the field the request sets; ``enabled``, ``host`` and ``port`` are the
    likely names of the rest (guess). Everything sent is in ``raw``.
    """

    enabled: bool | None = None
    allowlist: tuple[str, ...] | None = None
    host: str | None = None
    port: int | None = None
