"""Models of agent chats (``/agents/chats/{chat_id}``): the runs that share a ``chat_id``
and the one harness session they keep."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["ChatCompaction", "ChatContext"]


@attrs.frozen(kw_only=True)
class ChatCompaction(Model):
    """One compaction of a chat's harness session."""

    run_id: str | None = None
    focus: str | None = None
    tokens_before: int | None = None
    tokens_after: int | None = None
    compacted_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ChatContext(Model):
    """How much of the harness's context window a chat has used, its compactions so far,
    and whether a compaction can be asked for now."""

    chat_id: str | None = None
    harness: str | None = None
    harness_session_id: str | None = None
    context_window: int | None = None
    used_tokens: int | None = None
    used_percent: float | None = None
    runs: int | None = None
    compactions: tuple[ChatCompaction, ...] = ()
    can_compact: bool | None = None
    compact_unavailable_reason: str | None = None
