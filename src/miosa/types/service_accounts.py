"""Models of service accounts, their keys, and browser SSE tickets."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["ServiceAccount", "ServiceAccountDeletion", "ServiceAccountKey", "SseTicket"]


@attrs.frozen(kw_only=True)
class ServiceAccount(Model):
    """A non-human principal owning scope-limited API keys (``/service-accounts``).

    Its keys carry no ``user_id``, so they outlive the person who minted them.
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    active_key_count: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ServiceAccountKey(Model):
    """A key of a service account. ``key`` (the secret) is present once, on creation."""

    id: str | None = None
    name: str | None = None
    key: str | None = None
    prefix: str | None = None
    scopes: tuple[str, ...] = ()
    workspace_id: str | None = None
    allowed_ips: tuple[str, ...] = ()
    expires_at: datetime | None = None
    last_used_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ServiceAccountDeletion(Model):
    """The receipt of deleting a service account: its keys are revoked in the same step."""

    id: str | None = None
    deleted: bool | None = None
    revoked_keys: int | None = None


@attrs.frozen(kw_only=True)
class SseTicket(Model):
    """A short-lived, single-use credential for a browser ``EventSource``."""

    ticket: str | None = None
    expires_in: int | None = None
