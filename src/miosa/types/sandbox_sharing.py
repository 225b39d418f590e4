"""Ways into a sandbox from outside: share links, port previews and terminal sessions."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["PreviewShare", "SandboxPreview", "SandboxShare", "TerminalSession"]


@attrs.frozen(kw_only=True)
class SandboxShare(Model):
    """A read-only share link (``sandbox.share``)."""

    share_id: str | None = None
    share_url: str | None = None
    expires_at: datetime | None = None
    scope: str | None = None
    id: str | None = None


@attrs.frozen(kw_only=True)
class SandboxPreview(Model):
    """A preview URL for one port (``sandbox.previews``)."""

    id: str | None = None
    port: int | None = None
    url: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class PreviewShare(Model):
    """``POST .../previews/{preview_id}/share``: a token (and URL) to share a preview."""

    token: str | None = None
    url: str | None = None
    expires_at: datetime | None = None


@attrs.frozen(kw_only=True)
class TerminalSession(Model):
    """``POST /sandboxes/{id}/terminal``: where to attach a terminal (shape left open by
    the contract; everything else is in ``raw``)."""

    session_id: str | None = None
    id: str | None = None
    ws_url: str | None = None
    ticket: str | None = None
    expires_at: datetime | None = None
