"""Pure helpers for the account groups: whoami's plan, scoped token checks, notifications."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from .._converter import structure
from .._core.sse import ServerSentEvent
from .._events import decode_payload, is_skip
from ..types.notifications import Notification

MAX_SCOPED_TOKEN_SECONDS: Final = 86_400


def whoami(payload: Any) -> Any:
    """``/whoami`` with a plan given as a bare name read as ``{"id": ..., "name": ...}``."""
    if isinstance(payload, dict) and isinstance(payload.get("plan"), str):
        return {**payload, "plan": {"id": payload["plan"], "name": payload["plan"]}}
    return payload


def check_scoped_token(user_id: str, workspace_id: str, expires_in_seconds: int) -> None:
    """What the API would refuse, refused before the request (``ValueError``)."""
    if not user_id:
        raise ValueError("user_id is required")
    if not workspace_id:
        raise ValueError("workspace_id is required")
    if not 0 < expires_in_seconds <= MAX_SCOPED_TOKEN_SECONDS:
        raise ValueError(f"expires_in_seconds must be 1..{MAX_SCOPED_TOKEN_SECONDS}")


def scope_list(scopes: Sequence[str] | None) -> list[str] | None:
    return None if scopes is None else list(scopes)


def parse_notification(sse: ServerSentEvent) -> Notification | None:
    """One ``/notifications/stream`` event; empty and non-JSON payloads are skipped."""
    payload = decode_payload(sse)
    if is_skip(payload) or not isinstance(payload, dict) or set(payload) == {"line"}:
        return None
    inner = payload.get("data")
    if isinstance(inner, dict) and "id" in inner and "id" not in payload:
        payload = inner
    return structure(payload, Notification)
