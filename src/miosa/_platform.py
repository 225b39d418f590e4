"""Pure helpers for the platform groups: deployments, databases, storage and settings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import quote

from ._request import NotGiven, query
from ._waiters import WaitTarget

DEPLOYMENT_READY: Final = WaitTarget.of("deployment", ready={"running"}, failed={"failed"})
VERSION_READY: Final = WaitTarget.of(
    "deployment version", ready={"ready"}, failed={"failed", "archived"}
)
# The contract names no database states; these are the usual spellings (guess).
DATABASE_READY: Final = WaitTarget.of(
    "database", ready={"running", "ready", "available", "active"}, failed={"failed", "error"}
)


def release_promote_key(deployment_id: str, release_id: str) -> str:
    """The contract's deterministic default Idempotency-Key for promoting a release.

    Promoting the same release twice is the same operation, so a repeated call (a retry
    after a timeout, a second click) is recognised by the server as a replay.
    """
    return f"promote:{deployment_id}:{release_id}"


def object_key_path(key: str) -> str:
    """A storage object key as path segments: each percent-encoded, ``/`` kept.

    Keys such as ``logs/2026/app.txt`` address nested objects, as on S3. A key that is
    empty, starts or ends with ``/``, or has an empty, ``.`` or ``..`` segment is
    refused: URL normalisation would send such a key to a different object.
    """
    segments = key.split("/")
    if not key or any(s in ("", ".", "..") for s in segments):
        raise ValueError(f"invalid object key {key!r}")
    return "/".join(quote(s, safe="") for s in segments)


def bucket_visibility(visibility: str | NotGiven, public: bool | NotGiven) -> str | NotGiven:
    """``visibility`` as sent: the explicit value wins, else derived from ``public``."""
    if not isinstance(visibility, NotGiven) or isinstance(public, NotGiven):
        return visibility
    return "public" if public else "private"


def unwrap_present(payload: Any, keys: Iterable[str]) -> Any:
    """The value under the first of `keys` present in an object payload, else the payload.

    For untyped replies whose envelope may hold an object or an array.
    """
    if isinstance(payload, dict):
        for key in keys:
            if key in payload:
                return payload[key]
    return payload


def query_with(extra: Mapping[str, Any] | None, **params: object) -> dict[str, str]:
    """Query parameters plus caller-supplied extra ones; the named parameters win."""
    return {**query(**dict(extra or {})), **query(**params)}
