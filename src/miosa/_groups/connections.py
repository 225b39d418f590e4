"""Pure helpers for sign-ins and connections: the plan names and what a sign-in's end means."""

from __future__ import annotations

from typing import Any

from .._core.waiters import WaitTarget

SIGNIN_WAIT = WaitTarget.of(
    "sign-in", ready=("succeeded",), failed=("failed", "expired", "cancelled", "canceled")
)
DEFAULT_SIGNIN_TIMEOUT = 15 * 60.0
"""A sign-in session lives 15 minutes; waiting longer cannot help."""
DEFAULT_SIGNIN_POLL_INTERVAL = 2.0

# Plan names a caller may use -> (the credential id, the sign-in provider).
SUBSCRIPTIONS: dict[str, tuple[str, str]] = {}
for _credential, _signin, _names in (
    ("claude_subscription", "claude_code", ("claude", "claude_code")),
    ("chatgpt_subscription", "codex", ("chatgpt", "codex")),
    ("kimi_subscription", "kimi_code", ("kimi", "kimi_code")),
    ("mistral_subscription", "mistral_vibe", ("mistral", "mistral_vibe")),
):
    for _name in (*_names, _credential):
        SUBSCRIPTIONS[_name] = (_credential, _signin)
PLAN_NAMES = {
    "claude_code": "claude",
    "codex": "chatgpt",
    "kimi_code": "kimi",
    "mistral_vibe": "mistral",
}
SCOPE_LEVELS = frozenset({"organization", "workspace", "external_user"})


def signin_provider(plan: str) -> str:
    """The sign-in provider of a plan name (``claude`` -> ``claude_code``); a name this SDK
    does not know is passed on as is, for the server to judge."""
    found = SUBSCRIPTIONS.get(plan)
    return found[1] if found else plan


def credential_id(provider: str) -> str:
    """The credential a provider or plan name stands for (``claude`` -> ``claude_subscription``)."""
    found = SUBSCRIPTIONS.get(provider)
    return found[0] if found else provider


def check_scope(scope: str | None) -> None:
    if scope is not None and scope not in SCOPE_LEVELS:
        raise ValueError(f"scope must be one of {', '.join(sorted(SCOPE_LEVELS))}, not {scope!r}")


def end_user_scoped(settings: Any) -> bool:
    """True when a settings read for an end user answered at the end user's scope."""
    data = settings.get("data", settings) if isinstance(settings, dict) else None
    scope = data.get("scope") if isinstance(data, dict) else None
    return isinstance(scope, dict) and scope.get("level") == "external_user"


def _auth_ids(entry: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    ids: list[str] = []
    notes: dict[str, str] = {}
    for item in entry.get("supported_auth") or []:
        ident = (
            item if isinstance(item, str) else item.get("id") if isinstance(item, dict) else None
        )
        if ident:
            ids.append(ident)
            if isinstance(item, dict) and item.get("note"):
                notes[ident] = str(item["note"])
    return ids, notes


def harness_rows(settings: Any, catalog: Any) -> list[dict[str, Any]]:
    """One readiness row per harness of a settings reply, with what the catalog says it
    accepts (the catalog may be None when it could not be read)."""
    data = settings.get("data", settings) if isinstance(settings, dict) else {}
    entries = catalog.get("data") if isinstance(catalog, dict) else None
    by_id = {
        str(e.get("id") or e.get("value")): e
        for e in (entries if isinstance(entries, list) else [])
        if isinstance(e, dict) and (e.get("id") or e.get("value"))
    }
    rows = []
    for harness in data.get("harnesses") or [] if isinstance(data, dict) else []:
        connections = [
            {
                "credential": option.get("id"),
                "label": option.get("label"),
                "kind": option.get("kind"),
                "connected": bool(option.get("connected")),
                # An auth method is usable once connected; a provider must be enabled too.
                "usable": bool(option.get("connected"))
                and (kind == "auth_methods" or bool(option.get("enabled"))),
                "scope": option.get("scope"),
            }
            for kind in ("auth_methods", "providers")
            for option in harness.get(kind) or []
        ]
        entry = by_id.get(str(harness.get("id")), {})
        accepted, notes = _auth_ids(entry)
        rows.append(
            {
                "id": harness.get("id"),
                "label": harness.get("label"),
                "ready": (harness.get("status") or {}).get("state") == "ready",
                "is_default": bool(harness.get("is_default")),
                "supported_auth": accepted or [c["credential"] for c in connections],
                "auth_notes": notes,
                "unsupported_auth": [
                    {"id": u.get("id"), "reason": u.get("reason") or ""}
                    for u in entry.get("unsupported_auth") or []
                    if isinstance(u, dict)
                ],
                "connections": connections,
            }
        )
    return rows


def connection_list_payload(payload: Any) -> Any:
    """``{"data": [...], "total", "counts"}`` with the items named ``connections``."""
    if isinstance(payload, dict) and isinstance(payload.get("data"), list):
        return {**{k: v for k, v in payload.items() if k != "data"}, "connections": payload["data"]}
    if isinstance(payload, list):
        return {"connections": payload, "total": len(payload)}
    return payload
