"""Models of connections (``/connections``: every outward identity MIOSA holds for you),
credential checks, tool-server keys (``/agents/tool-keys``) and harness readiness."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "Connection",
    "ConnectionList",
    "CredentialCheck",
    "HarnessConnection",
    "HarnessReadiness",
    "ToolKey",
]


@attrs.frozen(kw_only=True)
class Connection(Model):
    """One connection: a model-provider credential, an app, or a tool server. Never a
    secret; a key shows as a ``preview``. ``ref`` (``<type>:<id>``) is unique across
    families."""

    ref: str | None = None
    id: str | None = None
    type: str | None = None
    family: str | None = None
    """``models``, ``apps`` or ``tools``."""
    kind: str | None = None
    provider: str | None = None
    label: str | None = None
    status: str | None = None
    usable_by: tuple[str, ...] = ()
    shared: bool | None = None
    preview: str | None = None
    scope: str | None = None
    workspace_id: str | None = None
    external_user_id: str | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ConnectionList(Model):
    """``GET /connections``: the connections, their total and a count per family."""

    connections: tuple[Connection, ...] = ()
    total: int | None = None
    counts: dict[str, int] | None = None

    def __iter__(self) -> Iterator[Connection]:
        return iter(self.connections)

    def __len__(self) -> int:
        return len(self.connections)


@attrs.frozen(kw_only=True)
class CredentialCheck(Model):
    """Whether a credential works: one cheap authenticated call to the provider (for a
    plan, its stored state). ``ok`` is None when the provider did not answer."""

    credential: str | None = None
    ok: bool | None = None
    check: str | None = None
    status: str | None = None
    http_status: int | None = None
    detail: str | None = None
    scope: str | None = None
    checked_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ToolKey(Model):
    """A key a tool server needs (its ``{{secret:NAME}}``) and whether the scope holds it."""

    name: str | None = None
    connected: bool | None = None
    preview: str | None = None
    scope: str | None = None
    servers: tuple[str, ...] = ()
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class HarnessConnection(Model):
    """One credential a harness can sign in with, at this scope."""

    credential: str | None = None
    label: str | None = None
    kind: str | None = None
    connected: bool | None = None
    usable: bool | None = None
    scope: str | None = None


@attrs.frozen(kw_only=True)
class HarnessReadiness(Model):
    """``client.harnesses.list()``: whether a harness can run, and with which credentials."""

    id: str | None = None
    label: str | None = None
    ready: bool | None = None
    is_default: bool | None = None
    supported_auth: tuple[str, ...] = ()
    auth_notes: dict[str, str] | None = None
    unsupported_auth: tuple[dict[str, Any], ...] = ()
    connections: tuple[HarnessConnection, ...] = ()
