"""The computer collection, its lifecycle, and the canned access routes (VNC, stream
tokens, embeds, URLs, apps, the viewer password)."""

from __future__ import annotations

import secrets

from starlette.responses import Response

from .. import sandboxes
from ..common import JSON, iso, now
from ..fields import optional, require
from ..http import ApiError, bad_request, no_content, ok, page_response
from ..routing import Call, visible
from ..screen import Screen
from ..state import SIZES, Sandbox
from .base import (
    APPS,
    DESKTOP,
    TOKEN_TTL_SEC,
    VISIBILITIES,
    ComputerState,
    as_sandbox_call,
    computer_json,
    computer_sandbox,
    computer_state,
    computer_status,
    desktop_url,
    reply_data,
    touch_computer,
)

# -- the collection ------------------------------------------------------------------------

# Create options kept on the computer (production applies them while provisioning).
_CREATE_STRINGS = (
    "workspace_id",
    "external_workspace_id",
    "external_project_id",
    "agent_runtime_profile_id",
    "agent_profile_id",
    "setup_file",
    "environment",
    "environment_id",
    "env_id",
)
_CREATE_FLAGS = ("skip_agent_runtime_profile", "no_env", "fail_fast")


async def _new_computer(call: Call, body: JSON, *, source: Sandbox | None = None) -> Sandbox:
    """A new computer from a create body, or a clone of ``source`` (its files copied)."""
    name = require(body, "name", str) if source is None else optional(body, "name", str)
    template = optional(body, "template_type", str, DESKTOP)
    visibility = optional(body, "visibility", str, "tenant", choices=VISIBILITIES)
    metadata = optional(body, "metadata", dict, items=str)
    env = optional(body, "env", dict, items=str) or {}
    size = optional(body, "size", str, choices=tuple(SIZES))
    extra: JSON = {"kind": "computer", "template_type": template, "visibility": visibility}
    for key in _CREATE_STRINGS:
        extra[key] = optional(body, key, str)
    for key in _CREATE_FLAGS:
        extra[key] = optional(body, key, bool)
    placement = optional(body, "compute_placement_request", dict)
    if source is not None:
        extra |= {k: v for k, v in source.extra.items() if k in ("template_type", "visibility")}
        name = name or f"{source.name}-clone-{secrets.token_hex(2)}"
        metadata = metadata if metadata is not None else dict(source.metadata)
        size = size or (source.size if source.size in SIZES else None)
        env = {**{k: v for k, (v, _) in source.env.items()}, **env}
    sandbox_body: JSON = {
        "name": name,
        "metadata": metadata or {},
        "env": env,
        # Computers do not expire: they run until stopped or deleted.
        "always_on": True,
        "persistent": True,
    }
    if size is not None:
        sandbox_body["size"] = size
    sandbox = await sandboxes.new_sandbox(
        call, sandbox_body, None if source is None else source.workspace, prefix="cmp"
    )
    sandbox.extra.update({k: v for k, v in extra.items() if v is not None})
    if placement is not None:
        sandbox.extra["compute_placement_request"] = placement
    # The sandbox network of a computer follows its egress policy (allow by default).
    sandbox.network = sandboxes.network_policy({"default_effect": "allow"})
    computer_state(call.store, sandbox)
    call.resource_id = sandbox.id
    return sandbox


async def create_computer(call: Call) -> Response:
    """``POST /computers``: a new computer, ``provisioning`` in the reply."""
    sandbox = await _new_computer(call, await call.json())
    return ok(computer_json(call.store, sandbox, "provisioning"))


async def list_computers(call: Call) -> Response:
    """``GET /computers`` (``status``, ``workspace_id``); ``active`` and ``running`` match."""
    q = call.query
    wanted = {"running", "active"} if q.get("status") in ("running", "active") else None
    items = []
    for sandbox in call.store.sandboxes.values():
        if not (sandbox.alive and sandboxes.is_computer(sandbox)):
            continue
        if not visible(sandbox, call.principal):
            continue
        if q.get("status") and computer_status(sandbox) not in (wanted or {q["status"]}):
            continue
        if q.get("workspace_id") and sandbox.extra.get("workspace_id") != q["workspace_id"]:
            continue
        items.append(computer_json(call.store, sandbox))
    return page_response(items, q)


async def get_computer(call: Call) -> Response:
    """``GET /computers/{computer_id}``."""
    return ok(computer_json(call.store, computer_sandbox(call)))


async def update_computer(call: Call) -> Response:
    """``PATCH /computers/{computer_id}``: name, visibility, metadata (replaced)."""
    sandbox = computer_sandbox(call)
    body = await call.json()
    name = optional(body, "name", str)
    visibility = optional(body, "visibility", str, choices=VISIBILITIES)
    metadata = optional(body, "metadata", dict, items=str)
    sandbox_body: JSON = {}
    if name:
        sandbox_body["name"] = name
    await sandboxes.update_sandbox(as_sandbox_call(call, sandbox, sandbox_body))
    if visibility is not None:
        sandbox.extra["visibility"] = visibility
    if metadata is not None:
        sandbox.metadata = dict(metadata)
    touch_computer(call.store, sandbox)
    return ok(computer_json(call.store, sandbox))


async def delete_computer(call: Call) -> Response:
    """``DELETE /computers/{computer_id}``: everything goes, the workspace too."""
    sandbox = computer_sandbox(call)
    await sandboxes.destroy(call.store, sandbox)
    call.store.computers.pop(sandbox.id, None)
    return no_content()


# -- lifecycle -----------------------------------------------------------------------------


async def start(call: Call) -> Response:
    """``POST /computers/{computer_id}/start``: stopped or paused -> ``starting`` (running
    when next read); ``env`` is added to the environment."""
    sandbox = computer_sandbox(call)
    env = optional(await call.json(), "env", dict, items=str) or {}
    was = sandbox.state
    sandboxes.resume_sandbox(call.store, sandbox)
    sandbox.env |= {k: (v, False) for k, v in env.items()}
    touch_computer(call.store, sandbox)
    return ok(computer_json(call.store, sandbox, "running" if was == "running" else "starting"))


async def stop(call: Call) -> Response:
    """``POST /computers/{computer_id}/stop``: processes end, files and desktop stay."""
    sandbox = computer_sandbox(call)
    await sandboxes.stop(as_sandbox_call(call, sandbox))
    touch_computer(call.store, sandbox)
    return ok(computer_json(call.store, sandbox))


async def restart(call: Call) -> Response:
    """``POST /computers/{computer_id}/restart``: processes end, the desktop starts afresh."""
    sandbox = computer_sandbox(call)
    await sandboxes.stop(as_sandbox_call(call, sandbox))
    sandboxes.resume_sandbox(call.store, sandbox)
    state = computer_state(call.store, sandbox)
    state.screen = Screen()
    touch_computer(call.store, sandbox)
    return ok(computer_json(call.store, sandbox, "starting"))


async def resize(call: Call) -> Response:
    """``POST /computers/{computer_id}/resize``: a ``size``, or ``cpu_count``/``memory_mb``
    (the other taken from the current shape); none of them is a 422."""
    sandbox = computer_sandbox(call)
    body = await call.json()
    size = optional(body, "size", str, choices=tuple(SIZES))
    cpu_count = optional(body, "cpu_count", int, low=1, high=1024)
    memory_mb = optional(body, "memory_mb", int, low=128, high=4 * 1024 * 1024)
    if size is None and cpu_count is None and memory_mb is None:
        raise ApiError(
            422, "VALIDATION_ERROR", "give size, cpu_count or memory_mb", {"field": "size"}
        )
    cpu, memory, disk = sandbox.geometry
    shape: JSON = {"size": size}
    if cpu_count is not None or memory_mb is not None:
        shape = {"cpu_count": cpu_count or cpu, "memory_mb": memory_mb or memory, "disk_mb": disk}
    sandbox.size = sandboxes.resolve_size(shape)
    sandbox.live_cpu = None
    touch_computer(call.store, sandbox)
    call.store.emit("sandbox.updated", sandboxes.sandbox_json(call.store, sandbox), sandbox)
    return ok(computer_json(call.store, sandbox))


async def move(call: Call) -> Response:
    """``POST /computers/{computer_id}/move``: the local server is one host."""
    computer_sandbox(call)
    await call.json()
    raise ApiError(
        409,
        "UNSUPPORTED_OPERATION",
        "the local server has one host: a computer cannot move",
        {"reason": "single_host"},
    )


async def clone(call: Call) -> Response:
    """``POST /computers/{computer_id}/clone``: a new computer with a copy of the files."""
    source = computer_sandbox(call)
    clone_sandbox = await _new_computer(call, await call.json(), source=source)
    return ok(computer_json(call.store, clone_sandbox, "provisioning"))


async def metrics(call: Call) -> Response:
    """``GET /computers/{computer_id}/metrics``: the sandbox metrics (disk use measured)."""
    sandbox = computer_sandbox(call)
    data = reply_data(await sandboxes.metrics(as_sandbox_call(call, sandbox)))
    data.pop("sandbox_id", None)
    return ok({"computer_id": sandbox.id, **data, "resource_type": "computer"})


async def logs(call: Call) -> Response:
    """``GET /computers/{computer_id}/logs?lines=``: the computer's log lines."""
    sandbox = computer_sandbox(call)
    data = reply_data(await sandboxes.logs(as_sandbox_call(call, sandbox)))
    return ok({"computer_id": sandbox.id, **data})


async def logs_stream(call: Call) -> Response:
    """``GET /computers/{computer_id}/logs/stream`` (SSE), as a sandbox's."""
    sandbox = computer_sandbox(call)
    return await sandboxes.logs_stream(as_sandbox_call(call, sandbox))


# -- canned access -------------------------------------------------------------------------


def _token(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(24)}"


async def vnc_credentials(call: Call) -> Response:
    """``GET /computers/{computer_id}/vnc-credentials``: canned (no VNC server runs)."""
    sandbox = computer_sandbox(call)
    host = f"{sandbox.slug}.desktop.{sandboxes.preview_domain(call.store)}"
    return ok(
        {
            "computer_id": sandbox.id,
            "host": host,
            "port": 5900,
            "password": secrets.token_urlsafe(12),
            "url": f"vnc://{host}:5900",
            "websocket_url": f"wss://{host}/websockify",
            "simulated": True,
        }
    )


async def stream_token(call: Call) -> Response:
    """``POST /computers/{computer_id}/stream-token``: canned token and viewer URL."""
    sandbox = computer_sandbox(call)
    await call.json()
    token = _token("stk")
    return ok(
        {
            "token": token,
            "expires_at": iso(now() + TOKEN_TTL_SEC),
            "url": f"{desktop_url(call.store, sandbox)}/stream?token={token}",
            "simulated": True,
        }
    )


async def embed(call: Call) -> Response:
    """``GET /computers/{computer_id}/embed?ttl=&mode=&view_only=``: a canned viewer link."""
    sandbox = computer_sandbox(call)
    ttl = _int_query(call, "ttl", TOKEN_TTL_SEC, 1, 86400)
    view_only = call.query.get("view_only", "false").lower() in ("true", "1")
    mode = call.query.get("mode") or "interactive"
    token = _token("emb")
    return ok(
        {
            "url": f"{desktop_url(call.store, sandbox)}/embed?token={token}",
            "expires_at": iso(now() + ttl),
            "mode": mode,
            "view_only": view_only,
            "simulated": True,
        }
    )


def _int_query(call: Call, name: str, default: int, low: int, high: int) -> int:
    raw = call.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(f"query parameter {name!r} must be an integer", param=name) from None
    if not low <= value <= high:
        raise bad_request(f"{name} must be from {low} to {high}", param=name)
    return value


async def urls(call: Call) -> Response:
    """``GET /computers/{computer_id}/urls``: its preview, desktop and exposed-port URLs."""
    sandbox = computer_sandbox(call)
    store = call.store
    found: list[JSON] = [
        {"name": "preview", "url": sandboxes.preview_url(store, sandbox)},
        {"name": "desktop", "url": desktop_url(store, sandbox)},
    ]
    found += [
        {"name": f"port-{port}", "port": port, "url": info["url"]}
        for port, info in sorted(computer_state(store, sandbox).ports.items())
    ]
    return ok(found)


async def apps(call: Call) -> Response:
    """``GET /computers/{computer_id}/apps``: the simulated desktop's applications."""
    computer_sandbox(call)
    return ok([dict(app) for app in APPS])


def _password_status(sandbox: Sandbox, state: ComputerState) -> JSON:
    at = iso(state.viewer_password_set_at)
    return {
        "computer_id": sandbox.id,
        "password_set": at is not None,
        "password_set_at": at,
        "viewer_password_set_at": at,
        "rotated_at": at,
    }


async def viewer_password(call: Call) -> Response:
    """``GET /computers/{computer_id}/viewer-password``: whether one was set."""
    sandbox = computer_sandbox(call)
    return ok(_password_status(sandbox, computer_state(call.store, sandbox)))


async def rotate_viewer_password(call: Call) -> Response:
    """``POST /computers/{computer_id}/viewer-password/rotate``: a new one, shown once."""
    sandbox = computer_sandbox(call)
    state = computer_state(call.store, sandbox)
    state.viewer_password_set_at = now()
    password = secrets.token_urlsafe(12)
    status = _password_status(sandbox, state)
    return ok({"viewer_password": password, "password": password, **status})
