"""Sandbox environment variables (used by every exec and process)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .common import JSON
from .http import bad_request, json_response, no_content, not_found
from .routing import Call, Endpoint
from .runner import check_env
from .state import Sandbox


def env_list(sandbox: Sandbox) -> list[JSON]:
    """``[{key, value, encrypted}]``; encrypted values are never echoed."""
    return [
        {"key": key, "value": None if encrypted else value, "encrypted": encrypted}
        for key, (value, encrypted) in sorted(sandbox.env.items())
    ]


def _reply(sandbox: Sandbox) -> Response:
    # Only ``data``: a client that unwraps ``{"data": ...}`` only when the envelope has at
    # most two keys (2.19.2) would otherwise hand its caller the envelope.
    return json_response({"data": env_list(sandbox)})


def parse_vars(body: JSON) -> dict[str, tuple[str, bool]]:
    """``vars: [{key, value, encrypted}]`` (also ``vars``/``env`` as a plain object)."""
    raw: Any = body.get("vars", body.get("env"))
    out: dict[str, tuple[str, bool]] = {}
    if isinstance(raw, dict):
        return {k: (v, False) for k, v in check_env(raw).items()}
    if not isinstance(raw, list):
        raise bad_request("vars must be an array of {key, value, encrypted}", field="vars")
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            raise bad_request("each var needs a string key", field="vars")
        value = check_env({item["key"]: item.get("value", "")})
        out[item["key"]] = (value.get(item["key"], ""), bool(item.get("encrypted", False)))
    return out


async def get_env(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/env``."""
    return _reply(call.sandbox())


async def set_env(call: Call) -> Response:
    """``PUT /sandboxes/{sandbox_id}/env``: replaces the whole set."""
    sandbox = call.sandbox()
    sandbox.env = parse_vars(await call.json())
    return _reply(sandbox)


async def delete_env(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}/env/{key}``."""
    sandbox = call.sandbox()
    key = call.params["key"]
    if key not in sandbox.env:
        raise not_found("env var", key)
    del sandbox.env[key]
    return no_content()


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", "/sandboxes/{sandbox_id}/env", get_env),
        Endpoint("PUT", "/sandboxes/{sandbox_id}/env", set_env, "sandbox.env.update"),
        Endpoint("DELETE", "/sandboxes/{sandbox_id}/env/{key}", delete_env, "sandbox.env.delete"),
    ]
