"""Pure helpers for machine environments: reply shapes."""

from __future__ import annotations

from typing import Any


def _rows(value: Any, key: str) -> Any:
    """A ``{name: preview}`` (or ``{name: {...}}``) mapping as a list of rows; lists as is."""
    if not isinstance(value, dict):
        return value
    return [
        {key: name, **item} if isinstance(item, dict) else {key: name, "preview": item}
        for name, item in value.items()
    ]


def machine_environment(payload: Any) -> Any:
    """An environment reply, from ``{"environment": ...}`` or bare, with ``variables`` and
    ``secret_files`` as lists of rows whichever shape the server used."""
    if isinstance(payload, dict) and isinstance(payload.get("environment"), dict):
        payload = payload["environment"]
    if not isinstance(payload, dict):
        return payload
    out = dict(payload)
    for field, key in (("variables", "name"), ("secret_files", "path")):
        if field in out:
            out[field] = _rows(out[field], key)
    return out


def environment_list(payload: Any) -> Any:
    """``GET /environments``: the object with each environment normalised; a bare array is
    taken as the environments. (A top-level ``data`` array is the deprecated deployment
    inventory, not an envelope: ``client.deployment_environments`` lists it.)"""
    if isinstance(payload, list):
        payload = {"environments": payload}
    if isinstance(payload, dict) and isinstance(payload.get("data"), dict):
        inner = payload["data"]
        payload = inner if "environments" in inner else payload
    if not isinstance(payload, dict):
        return payload
    envs = payload.get("environments")
    if isinstance(envs, list):
        return {**payload, "environments": [machine_environment(e) for e in envs]}
    return payload
