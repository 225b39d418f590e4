"""Pure rules behind a few sandbox calls: env-var sets, logs, build specs, the sandbox host."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias
from urllib.parse import urlsplit, urlunsplit

from ._converter import structure
from .types.sandbox_env import EnvVar

__all__ = [
    "DEEP_TREE_DEPTH",
    "EnvInput",
    "build_spec_payload",
    "env_payload",
    "env_vars_of",
    "merge_env",
    "process_logs_text",
    "sandbox_host_base_url",
    "sandbox_logs_fields",
]

DEEP_TREE_DEPTH = 32
"""``files.tree(recursive=True)`` asks for this depth: deep enough for any real project
(the contract has no "unbounded" value; its default depth is 3)."""


EnvInput: TypeAlias = Mapping[str, str] | Iterable[EnvVar | Mapping[str, object]]
"""Variables as ``{"KEY": "value"}``, or as `EnvVar` / ``{"key", "value", "encrypted"}``
items (the shape ``env.list()`` returns)."""


def _entry(key: object, value: object, encrypted: object = False) -> dict[str, object]:
    if not isinstance(key, str) or not key:
        raise ValueError(f"env var names must be non-empty strings, not {key!r}")
    if not isinstance(value, str):
        raise ValueError(f"the value of {key} must be a string, not {type(value).__name__}")
    entry: dict[str, object] = {"key": key, "value": value}
    if encrypted:
        entry["encrypted"] = True
    return entry


def env_payload(variables: EnvInput) -> list[dict[str, object]]:
    """The ``vars`` array of ``PUT /env`` for a whole set given in either shape."""
    if isinstance(variables, Mapping):
        return [_entry(k, v) for k, v in variables.items()]
    out: list[dict[str, object]] = []
    for item in variables:
        if isinstance(item, EnvVar):
            out.append(_entry(item.key, item.value, item.encrypted))
        else:
            out.append(_entry(item.get("key"), item.get("value"), item.get("encrypted", False)))
    return out


_ENV_KEYS = ("data", "vars", "env", "items")


def _env_items(payload: Any) -> Any:
    # A list under one of the envelope keys, one level down at most ({"data": {"vars": [...]}}).
    if not isinstance(payload, dict):
        return payload
    for holder in (payload, payload.get("data")):
        if isinstance(holder, dict):
            for key in _ENV_KEYS:
                if isinstance(holder.get(key), list):
                    return holder[key]
    inner = payload.get("data")
    if isinstance(inner, dict):
        return inner.get("env") if isinstance(inner.get("env"), dict) else inner
    if isinstance(payload.get("env"), dict):
        return payload["env"]
    return payload


def env_vars_of(payload: Any) -> list[EnvVar] | None:
    """The variables in an env reply, or None when the reply carries no variable set.

    Accepted: a list of ``{key, value, encrypted}`` (bare, or under ``data``/``vars``/
    ``env``/``items``, also one level down in ``data``), or an object ``{"KEY": "value"}``
    (bare, or under ``data`` or ``env``) whose values are strings (None for a hidden one).
    An object with other values (``{"ok": true}``, ``{"updated": 2}``) is not a set: None.
    """
    items = _env_items(payload)
    if isinstance(items, dict):
        if not all(isinstance(v, str) or v is None for v in items.values()):
            return None
        return [EnvVar(key=k, value=v) for k, v in items.items()]
    if not isinstance(items, list):
        return None
    return [structure(item, EnvVar) for item in items if isinstance(item, dict)]


def merge_env(
    current: Iterable[EnvVar], updates: Mapping[str, str], *, encrypted: bool = False
) -> list[dict[str, object]]:
    """The full set after changing ``updates`` on top of ``current`` (order kept).

    The server replaces the whole set on every write and does not echo encrypted
    values, so a variable whose value came back hidden cannot be written back: that
    raises `ValueError` rather than silently wiping the secret.
    """
    out: list[dict[str, object]] = []
    hidden: list[str] = []
    seen: set[str] = set()
    for var in current:
        if var.key is None or var.key in seen:
            continue
        seen.add(var.key)
        if var.key in updates:
            out.append(_entry(var.key, updates[var.key], encrypted))
        elif var.value is None:
            hidden.append(var.key)
        else:
            out.append(_entry(var.key, var.value, var.encrypted))
    if hidden:
        raise ValueError(
            "cannot update single variables: the server hides the values of "
            f"{', '.join(sorted(hidden))}, and writing the set back would erase them; "
            "use env.replace(...) with every variable's value"
        )
    out.extend(_entry(k, v, encrypted) for k, v in updates.items() if k not in seen)
    return out


def process_logs_text(payload: Any) -> str:
    """A process's log text: a string under ``data`` (or ``logs``), or a bare string."""
    if isinstance(payload, str):
        return payload
    if isinstance(payload, dict):
        for holder in (payload, payload.get("data")):
            if isinstance(holder, dict):
                for key in ("data", "logs", "output"):
                    if isinstance(holder.get(key), str):
                        return str(holder[key])
                lines = holder.get("lines")
                if isinstance(lines, list):
                    return "".join(f"{line}\n" for line in lines)
    return ""


def sandbox_logs_fields(payload: Any) -> dict[str, Any]:
    """``{"lines": [...], "entries": [...]}`` from a logs reply: ``{data: {lines}}``, a bare
    object, a list of lines, or one string (split into lines)."""
    data = payload.get("data", payload) if isinstance(payload, dict) else payload
    if isinstance(data, str):
        return {"lines": data.splitlines()}
    if isinstance(data, list):
        return {"lines": [str(line) for line in data]}
    if not isinstance(data, dict):
        return {}
    lines = data.get("lines")
    if isinstance(lines, str):
        lines = lines.splitlines()
    fields: dict[str, Any] = {"lines": [str(x) for x in lines] if isinstance(lines, list) else []}
    entries = data.get("entries")
    if isinstance(entries, list):
        fields["entries"] = [e for e in entries if isinstance(e, dict)]
    return fields


_BUILD_SPEC_KEYS = {
    "memory_mib": "memoryMib",
    "disk_mib": "diskMib",
    "start_cmd": "startCmd",
    "ready_cmd": "readyCmd",
    "preview_port": "previewPort",
    "artifact_paths": "artifactPaths",
}


def build_spec_payload(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A build spec as the API wants it: camelCase keys (``memoryMib``, ``startCmd`` ...),
    with their snake_case spellings translated; other keys are kept as given."""
    return {_BUILD_SPEC_KEYS.get(key, key): value for key, value in spec.items()}


def sandbox_host_base_url(base_url: str) -> str:
    """The base URL of the per-sandbox host that serves ``files/tree`` and ``files/watch``.

    On the public API those two routes are served by ``sandboxes.<domain>``, not by
    ``api.<domain>`` (there the legacy ``GET /sandboxes/{id}/files/{path}`` download route
    takes the path). A base URL whose host starts with ``api.`` gets that label replaced by
    ``sandboxes.`` (scheme, port and ``/api/v1`` path kept); any other base URL (a local
    server, a proxy, a custom domain) is returned unchanged and serves them itself.
    """
    parts = urlsplit(base_url)
    netloc = parts.netloc
    at = netloc.rfind("@") + 1
    if netloc[at : at + 4].lower() != "api.":
        return base_url
    return urlunsplit(parts._replace(netloc=netloc[:at] + "sandboxes." + netloc[at + 4 :]))
