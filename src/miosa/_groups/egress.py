"""Pure helpers for the egress groups: secrets, network policies and the audit log."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

from .._core.waiters import WaitTarget

T = TypeVar("T")

SECRETS_PATH: Final = "/egress/secrets"
BINDINGS_PATH: Final = "/egress/bindings"
POLICIES_PATH: Final = "/egress/policies"
ALLOWLIST_PATH: Final = "/egress/allowlist"
AUDIT_PATH: Final = "/egress/audit"

# The envelopes production answers lists in, by group.
SECRET_LIST_KEYS: Final = ("data", "secrets", "items")
BINDING_LIST_KEYS: Final = ("data", "bindings", "items")
PROVIDER_LIST_KEYS: Final = ("data", "providers", "items")
POLICY_LIST_KEYS: Final = ("data", "policies", "items")
RULE_LIST_KEYS: Final = ("data", "rules", "allowlist", "items")
SUGGESTION_LIST_KEYS: Final = ("data", "suggestions", "items")
AUDIT_LIST_KEYS: Final = ("data", "events", "audit", "items")

# A connected OAuth credential reads one of these; a secret with no status is a plain
# stored value, ready as soon as it exists.
OAUTH_SECRET: Final = WaitTarget.of(
    "OAuth credential",
    ready={"ready", "connected", "active", "succeeded", "completed"},
    failed={"failed", "error", "revoked", "expired"},
)


def oauth_secret_state(secret: Mapping[str, Any] | None) -> str | None:
    """The wait state of a polled secret: None while absent, ``ready`` when it has none."""
    if secret is None:
        return None
    status = secret.get("status")
    return "ready" if status is None else str(status)


def oauth_start(payload: Any) -> Any:
    """``POST /egress/oauth/start``'s reply with camelCase keys read as snake_case."""
    if not isinstance(payload, dict):
        return payload
    out = dict(payload)
    for camel, snake in (("authorizeUrl", "authorize_url"), ("secretId", "secret_id")):
        if camel in out:
            value = out.pop(camel)
            out.setdefault(snake, value)
    return out


class AuditCursor:
    """Where a polling tail of the audit log has got to.

    Each poll asks for events at or after the newest timestamp seen (ISO 8601 strings in
    one format compare in time order); the events at exactly that timestamp were already
    yielded, so their ids are remembered, and only theirs, so the memory stays small
    however long the tail runs.
    """

    def __init__(self, since: str | None) -> None:
        self.since = since
        self._at_since: set[str] = set()

    def fresh(self, events: Iterable[T], raw: Callable[[T], Mapping[str, Any]]) -> list[T]:
        """The events not yielded before, in order; advances the cursor past them."""
        out: list[T] = []
        for event in events:
            fields = raw(event)
            ident = str(fields.get("id") or "")
            stamp = fields.get("inserted_at") or fields.get("timestamp")
            if ident and ident in self._at_since:
                continue
            out.append(event)
            if not isinstance(stamp, str):
                continue
            if self.since is None or stamp > self.since:
                self.since, self._at_since = stamp, set()
            if stamp == self.since and ident:
                self._at_since.add(ident)
        return out
