"""Cloud computers (``/computers``): sandboxes under another name, with a simulated desktop.

A computer is a sandbox whose id starts ``cmp_`` and whose ``extra["kind"]`` is
``computer`` (it is not listed under ``/sandboxes``). The lifecycle routes run the sandbox
handlers (same state checks, events and logs); exec and the commands route run for real
in the computer's workspace; files are that workspace (``/workspace``, as in a sandbox;
other absolute paths answer 400 ``PATH_OUTSIDE_WORKSPACE``). The reply to a create,
start, restart, clone or restore says ``provisioning`` or ``starting``, as production's
does; the computer is ``running`` when next read.

The desktop is simulated (`screen.py`): a framebuffer of the screen's size kept in memory,
on which clicks, drags, typing and scrolls leave visible marks, so screenshots (real
PNGs) change after each action; the pointer, held keys and buttons, the clipboard and the
windows are tracked. Coordinates off the screen answer 400 ``VALIDATION_ERROR``. A
``miosa-sandbox`` computer has no desktop: its desktop routes answer 409
``UNSUPPORTED_OPERATION``; so does every desktop route while the computer is not running
(409 ``COMPUTER_NOT_RUNNING``).

Canned, documented in docs/local-server.md: VNC credentials, stream tokens, embed and
desktop URLs (well-formed, but nothing listens there), the installed apps, volume
attachments (recorded, nothing is mounted), domain verification (no DNS lookup: it
succeeds), the inbox and OSA configuration (kept and echoed). ``move`` and OSA tasks need
production's fleet and in-VM agent: 409 ``UNSUPPORTED_OPERATION``. The WebSocket routes
(``/events``, ``/exec/stream``, ``/tunnel/{port}``) are in ``sockets.py``.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import shlex
import shutil
import stat
from dataclasses import dataclass, field

import anyio
from anyio.streams.memory import MemoryObjectSendStream
from starlette.responses import Response

from . import access, commands, files, sandboxes, snapshots
from . import exec as exec_routes
from .common import JSON, iso, new_id, now
from .events import Event
from .fields import optional, require
from .http import ApiError, bad_request, json_response, no_content, not_found, ok, page_response
from .paths import WORKSPACE, resolve
from .routing import Call, Endpoint, Handler, visible
from .screen import Screen
from .sse import SSEResponse
from .state import SIZES, Sandbox, Snapshot, Store

DESKTOP = "miosa-desktop"
HEADLESS = "miosa-sandbox"
VISIBILITIES = ("public", "tenant", "key")
BUTTONS = ("left", "right", "middle")
DIRECTIONS = ("up", "down", "left", "right")
# The desktop's own wait sleeps at most this long: nothing on a simulated screen changes
# while waiting, and a long sleep would only hold the request.
MAX_WAIT_SEC = 1.0
MAX_SCROLL_CLICKS = 1000
TOKEN_TTL_SEC = 3600
APPS = (
    {"id": "xterm", "name": "Terminal", "exec": "xterm"},
    {"id": "firefox", "name": "Firefox", "exec": "firefox"},
    {"id": "thunar", "name": "Files", "exec": "thunar"},
    {"id": "mousepad", "name": "Text Editor", "exec": "mousepad"},
)


@dataclass
class ComputerState:
    """What a computer has beyond its sandbox. Kept in memory only: after a restart of a
    server with a data directory, a computer comes back with a fresh desktop."""

    screen: Screen = field(default_factory=Screen)
    updated_at: float = field(default_factory=now)
    ports: dict[int, JSON] = field(default_factory=dict)
    domains: dict[str, JSON] = field(default_factory=dict)
    volumes: dict[str, JSON] = field(default_factory=dict)
    network: JSON = field(default_factory=lambda: {"rules": [], "default_effect": "allow"})
    network_updated_at: float | None = None
    auto_stop_seconds: int = 0
    inbox: JSON = field(default_factory=lambda: {"enabled": False})
    osa: JSON = field(default_factory=dict)
    viewer_password_set_at: float | None = None


# -- lookups -------------------------------------------------------------------------------


def _sandbox(call: Call) -> Sandbox:
    ident = call.params["computer_id"]
    sandbox = call.store.sandboxes.get(ident)
    if (
        sandbox is None
        or not sandbox.alive
        or not sandboxes.is_computer(sandbox)
        or not visible(sandbox, call.principal)
    ):
        raise not_found("computer", ident)
    return sandbox


def _state(store: Store, sandbox: Sandbox) -> ComputerState:
    state = store.computers.get(sandbox.id)
    if state is None:
        state = store.computers[sandbox.id] = ComputerState()
    return state


def _running(call: Call) -> Sandbox:
    sandbox = _sandbox(call)
    if sandbox.state != "running":
        raise ApiError(
            409,
            "COMPUTER_NOT_RUNNING",
            f"computer {sandbox.id} is {sandbox.state}",
            {"status": sandbox.state, "computer_id": sandbox.id},
        )
    return sandbox


def desktop(store: Store, sandbox: Sandbox) -> Screen | None:
    """The computer's simulated desktop; None for a headless one."""
    if sandbox.extra.get("template_type", DESKTOP) == HEADLESS:
        return None
    return _state(store, sandbox).screen


def _screen(call: Call) -> Screen:
    """The running computer's desktop; 409 for a headless computer."""
    sandbox = _running(call)
    template = sandbox.extra.get("template_type", DESKTOP)
    if template == HEADLESS:
        raise ApiError(
            409,
            "UNSUPPORTED_OPERATION",
            f"computer {sandbox.id} is a {HEADLESS} computer: it has no desktop",
            {"template_type": template},
        )
    return _state(call.store, sandbox).screen


def _as_sandbox(call: Call, sandbox: Sandbox, body: JSON | None = None, **params: str) -> Call:
    return call.for_sandbox(sandbox.id, body, **params)


def _data(response: Response) -> JSON:
    payload = json.loads(bytes(response.body))
    data: JSON = payload["data"]
    return data


# -- the computer object -------------------------------------------------------------------


def _status(sandbox: Sandbox) -> str:
    return sandbox.state


def _desktop_url(store: Store, sandbox: Sandbox) -> str:
    return f"https://{sandbox.slug}.desktop.{sandboxes.preview_domain(store)}"


def computer_json(store: Store, sandbox: Sandbox, status: str | None = None) -> JSON:
    """The computer object (``ComputerData``); ``status`` overrides the stored one."""
    state = _state(store, sandbox)
    cpu, memory, disk = sandbox.geometry
    template = sandbox.extra.get("template_type", DESKTOP)
    screen = state.screen
    return {
        "id": sandbox.id,
        "object": "computer",
        "name": sandbox.name,
        "slug": sandbox.slug,
        "status": status or _status(sandbox),
        "template_type": template,
        "size": sandbox.size if sandbox.size in SIZES else None,
        "cpu_count": cpu,
        "memory_mb": memory,
        "disk_mb": disk,
        "tenant_id": store.settings.tenant_id,
        "owner_id": store.settings.owner_id,
        "ip_address": "127.0.0.1",
        "metadata": sandbox.metadata,
        "visibility": sandbox.extra.get("visibility", "tenant"),
        "sandbox_url": sandboxes.preview_url(store, sandbox),
        "preview_domain": sandboxes.preview_domain(store),
        "desktop_url": _desktop_url(store, sandbox) if template != HEADLESS else None,
        "screen": {"width": screen.width, "height": screen.height}
        if template != HEADLESS
        else None,
        "workspace_id": sandbox.extra.get("workspace_id"),
        "created_at": iso(sandbox.created_at),
        "started_at": iso(sandbox.started_at),
        "updated_at": iso(max(state.updated_at, sandbox.created_at)),
    }


def _touch(store: Store, sandbox: Sandbox) -> None:
    _state(store, sandbox).updated_at = now()


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
    _state(call.store, sandbox)
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
        if q.get("status") and _status(sandbox) not in (wanted or {q["status"]}):
            continue
        if q.get("workspace_id") and sandbox.extra.get("workspace_id") != q["workspace_id"]:
            continue
        items.append(computer_json(call.store, sandbox))
    return page_response(items, q)


async def get_computer(call: Call) -> Response:
    """``GET /computers/{computer_id}``."""
    return ok(computer_json(call.store, _sandbox(call)))


async def update_computer(call: Call) -> Response:
    """``PATCH /computers/{computer_id}``: name, visibility, metadata (replaced)."""
    sandbox = _sandbox(call)
    body = await call.json()
    name = optional(body, "name", str)
    visibility = optional(body, "visibility", str, choices=VISIBILITIES)
    metadata = optional(body, "metadata", dict, items=str)
    sandbox_body: JSON = {}
    if name:
        sandbox_body["name"] = name
    await sandboxes.update_sandbox(_as_sandbox(call, sandbox, sandbox_body))
    if visibility is not None:
        sandbox.extra["visibility"] = visibility
    if metadata is not None:
        sandbox.metadata = dict(metadata)
    _touch(call.store, sandbox)
    return ok(computer_json(call.store, sandbox))


async def delete_computer(call: Call) -> Response:
    """``DELETE /computers/{computer_id}``: everything goes, the workspace too."""
    sandbox = _sandbox(call)
    await sandboxes.destroy(call.store, sandbox)
    call.store.computers.pop(sandbox.id, None)
    return no_content()


# -- lifecycle -----------------------------------------------------------------------------


async def start(call: Call) -> Response:
    """``POST /computers/{computer_id}/start``: stopped or paused -> ``starting`` (running
    when next read); ``env`` is added to the environment."""
    sandbox = _sandbox(call)
    env = optional(await call.json(), "env", dict, items=str) or {}
    was = sandbox.state
    sandboxes.resume_sandbox(call.store, sandbox)
    sandbox.env |= {k: (v, False) for k, v in env.items()}
    _touch(call.store, sandbox)
    return ok(computer_json(call.store, sandbox, "running" if was == "running" else "starting"))


async def stop(call: Call) -> Response:
    """``POST /computers/{computer_id}/stop``: processes end, files and desktop stay."""
    sandbox = _sandbox(call)
    await sandboxes.stop(_as_sandbox(call, sandbox))
    _touch(call.store, sandbox)
    return ok(computer_json(call.store, sandbox))


async def restart(call: Call) -> Response:
    """``POST /computers/{computer_id}/restart``: processes end, the desktop starts afresh."""
    sandbox = _sandbox(call)
    await sandboxes.stop(_as_sandbox(call, sandbox))
    sandboxes.resume_sandbox(call.store, sandbox)
    state = _state(call.store, sandbox)
    state.screen = Screen()
    _touch(call.store, sandbox)
    return ok(computer_json(call.store, sandbox, "starting"))


async def resize(call: Call) -> Response:
    """``POST /computers/{computer_id}/resize``: a ``size``, or ``cpu_count``/``memory_mb``
    (the other taken from the current shape); none of them is a 422."""
    sandbox = _sandbox(call)
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
    _touch(call.store, sandbox)
    call.store.emit("sandbox.updated", sandboxes.sandbox_json(call.store, sandbox), sandbox)
    return ok(computer_json(call.store, sandbox))


async def move(call: Call) -> Response:
    """``POST /computers/{computer_id}/move``: the local server is one host."""
    _sandbox(call)
    await call.json()
    raise ApiError(
        409,
        "UNSUPPORTED_OPERATION",
        "the local server has one host: a computer cannot move",
        {"reason": "single_host"},
    )


async def clone(call: Call) -> Response:
    """``POST /computers/{computer_id}/clone``: a new computer with a copy of the files."""
    source = _sandbox(call)
    clone_sandbox = await _new_computer(call, await call.json(), source=source)
    return ok(computer_json(call.store, clone_sandbox, "provisioning"))


async def metrics(call: Call) -> Response:
    """``GET /computers/{computer_id}/metrics``: the sandbox metrics (disk use measured)."""
    sandbox = _sandbox(call)
    data = _data(await sandboxes.metrics(_as_sandbox(call, sandbox)))
    data.pop("sandbox_id", None)
    return ok({"computer_id": sandbox.id, **data, "resource_type": "computer"})


async def logs(call: Call) -> Response:
    """``GET /computers/{computer_id}/logs?lines=``: the computer's log lines."""
    sandbox = _sandbox(call)
    data = _data(await sandboxes.logs(_as_sandbox(call, sandbox)))
    return ok({"computer_id": sandbox.id, **data})


async def logs_stream(call: Call) -> Response:
    """``GET /computers/{computer_id}/logs/stream`` (SSE), as a sandbox's."""
    sandbox = _sandbox(call)
    return await sandboxes.logs_stream(_as_sandbox(call, sandbox))


# -- canned access -------------------------------------------------------------------------


def _token(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(24)}"


async def vnc_credentials(call: Call) -> Response:
    """``GET /computers/{computer_id}/vnc-credentials``: canned (no VNC server runs)."""
    sandbox = _sandbox(call)
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
    sandbox = _sandbox(call)
    await call.json()
    token = _token("stk")
    return ok(
        {
            "token": token,
            "expires_at": iso(now() + TOKEN_TTL_SEC),
            "url": f"{_desktop_url(call.store, sandbox)}/stream?token={token}",
            "simulated": True,
        }
    )


async def embed(call: Call) -> Response:
    """``GET /computers/{computer_id}/embed?ttl=&mode=&view_only=``: a canned viewer link."""
    sandbox = _sandbox(call)
    ttl = _int_query(call, "ttl", TOKEN_TTL_SEC, 1, 86400)
    view_only = call.query.get("view_only", "false").lower() in ("true", "1")
    mode = call.query.get("mode") or "interactive"
    token = _token("emb")
    return ok(
        {
            "url": f"{_desktop_url(call.store, sandbox)}/embed?token={token}",
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
    sandbox = _sandbox(call)
    store = call.store
    found: list[JSON] = [
        {"name": "preview", "url": sandboxes.preview_url(store, sandbox)},
        {"name": "desktop", "url": _desktop_url(store, sandbox)},
    ]
    found += [
        {"name": f"port-{port}", "port": port, "url": info["url"]}
        for port, info in sorted(_state(store, sandbox).ports.items())
    ]
    return ok(found)


async def apps(call: Call) -> Response:
    """``GET /computers/{computer_id}/apps``: the simulated desktop's applications."""
    _sandbox(call)
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
    sandbox = _sandbox(call)
    return ok(_password_status(sandbox, _state(call.store, sandbox)))


async def rotate_viewer_password(call: Call) -> Response:
    """``POST /computers/{computer_id}/viewer-password/rotate``: a new one, shown once."""
    sandbox = _sandbox(call)
    state = _state(call.store, sandbox)
    state.viewer_password_set_at = now()
    password = secrets.token_urlsafe(12)
    status = _password_status(sandbox, state)
    return ok({"viewer_password": password, "password": password, **status})


# -- exec and commands ---------------------------------------------------------------------


async def _exec(call: Call, command: str, body: JSON) -> Response:
    sandbox = _running(call)
    translated: JSON = {"command": command}
    for key in ("timeout", "cwd", "env"):
        if key in body:
            translated[key] = body[key]
    result = _data(await exec_routes.exec_command(_as_sandbox(call, sandbox, translated)))
    return ok({**result, "output": result["stdout"], "success": result["exit_code"] == 0})


async def exec_bash(call: Call) -> Response:
    """``POST /computers/{computer_id}/exec``: a shell command, run for real."""
    body = await call.json()
    return await _exec(call, require(body, "command", str), body)


async def exec_python(call: Call) -> Response:
    """``POST /computers/{computer_id}/exec/python``: ``python3 -c code``, run for real."""
    body = await call.json()
    code = require(body, "code", str)
    return await _exec(call, shlex.join(["python3", "-c", code]), body)


async def run_command(call: Call) -> Response:
    """``POST /computers/{computer_id}/commands``: as a sandbox's machine command."""
    sandbox = _running(call)
    return await commands.run_command(_as_sandbox(call, sandbox, await call.json()))


async def prompt_agent(call: Call) -> Response:
    """``POST /computers/{computer_id}/agent/prompts``: as a sandbox's agent steering."""
    sandbox = _sandbox(call)
    return await commands.queue_prompt(_as_sandbox(call, sandbox, await call.json()))


async def stop_agent(call: Call) -> Response:
    """``POST /computers/{computer_id}/agent/stop``: as a sandbox's agent steering."""
    sandbox = _sandbox(call)
    return await commands.stop_agent(_as_sandbox(call, sandbox, await call.json()))


async def create_terminal(call: Call) -> Response:
    """``POST /computers/{computer_id}/terminal``: a PTY session served over WebSocket."""
    sandbox = _running(call)
    data = _data(await access.create_terminal(_as_sandbox(call, sandbox, await call.json())))
    return ok({**data, "computer_id": sandbox.id})


async def resize_terminal(call: Call) -> Response:
    """``POST /computers/{computer_id}/pty/{session_id}/resize`` with ``cols`` and ``rows``."""
    sandbox = _sandbox(call)
    cols = await call.require("cols", int, low=1, high=9999)
    rows = await call.require("rows", int, low=1, high=9999)
    ident = call.params["session_id"]
    session = sandbox.terminals.get(ident)
    if session is None:
        raise not_found("terminal session", ident)
    session["cols"], session["rows"] = cols, rows
    return ok({"session_id": ident, "cols": cols, "rows": rows, "success": True})


# -- files ---------------------------------------------------------------------------------


async def _path(
    call: Call, sandbox: Sandbox, value: object, name: str = "path"
) -> tuple[str, anyio.Path]:
    if not isinstance(value, str) or not value:
        raise bad_request(f"{name} is required", field=name)
    virtual, host = resolve(sandbox.workspace, value)
    return virtual, anyio.Path(host)


async def _existing(
    call: Call, sandbox: Sandbox, value: object, name: str = "path"
) -> tuple[str, anyio.Path]:
    virtual, host = await _path(call, sandbox, value, name)
    if not await host.exists() and not await host.is_symlink():
        raise not_found("file", virtual)
    return virtual, host


def _stat_json(virtual: str, host: str) -> JSON:
    st = os.lstat(host)
    link = stat.S_ISLNK(st.st_mode)
    return {
        "path": virtual,
        "name": os.path.basename(virtual) or "workspace",
        "size": st.st_size,
        "mode": stat.S_IMODE(st.st_mode),
        "is_dir": stat.S_ISDIR(st.st_mode),
        "is_symlink": link,
        "symlink_target": os.readlink(host) if link else None,
        "modified_at": iso(st.st_mtime),
    }


def _entries(virtual: str, host: str) -> list[JSON]:
    out = []
    for name in sorted(os.listdir(host))[: files.MAX_LIST_ENTRIES]:
        try:
            out.append(_stat_json(f"{virtual.rstrip('/')}/{name}", os.path.join(host, name)))
        except OSError:
            continue
    return out


async def _directory(call: Call, sandbox: Sandbox, raw: str | None) -> tuple[str, list[JSON]]:
    if raw is not None and raw.strip("/") == "" and raw.startswith("/"):
        # The root holds one directory here, the workspace: listing it shows where files go.
        entry = await anyio.to_thread.run_sync(_stat_json, WORKSPACE, str(sandbox.workspace))
        return "/", [entry]
    virtual, host = await _existing(call, sandbox, raw or WORKSPACE)
    if not await host.is_dir():
        raise bad_request(f"{virtual} is not a directory", code="NOT_A_DIRECTORY", path=virtual)
    return virtual, await anyio.to_thread.run_sync(_entries, virtual, str(host))


async def list_files(call: Call) -> Response:
    """``GET /computers/{computer_id}/files?path=``: ``{path, entries}`` (``/workspace``)."""
    sandbox = _sandbox(call)
    virtual, entries = await _directory(call, sandbox, call.query.get("path"))
    keys = ("name", "path", "size", "is_dir", "modified_at")
    return ok({"path": virtual, "entries": [{k: e[k] for k in keys} for e in entries]})


async def readdir(call: Call) -> Response:
    """``GET /computers/{computer_id}/files/readdir?path=``: typed entries."""
    sandbox = _sandbox(call)
    _, entries = await _directory(call, sandbox, call.query.get("path"))
    keys = ("name", "is_dir", "is_symlink", "size", "modified_at")
    return ok([{k: e[k] for k in keys} for e in entries])


async def stat_file(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/stat``: ``lstat`` (mode as an integer)."""
    sandbox = _sandbox(call)
    virtual, host = await _existing(call, sandbox, (await call.json()).get("path"))
    return ok(await anyio.to_thread.run_sync(_stat_json, virtual, str(host)))


async def write_file(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/write`` with ``content_base64`` (or ``content``)."""
    sandbox = _running(call)
    body = await call.json()
    encoded = optional(body, "content_base64", str)
    if encoded is not None:
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise bad_request("content_base64 is not base64", field="content_base64") from None
    else:
        data = optional(body, "content", str, "").encode()
    written = await files.write_one(call.store, sandbox, body.get("path"), data)
    return ok(
        {
            "path": written["path"],
            "name": os.path.basename(written["path"]),
            "size": written["size"],
            "is_dir": False,
            "modified_at": iso(now()),
        }
    )


async def upload_form(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/upload``: multipart ``path`` and ``file``."""
    sandbox = _running(call)
    try:
        form = await call.request.form()
    except Exception:  # a body that is not multipart: whatever the parser raises
        raise bad_request("the body must be multipart/form-data with path and file") from None
    try:
        path, upload = form.get("path"), form.get("file")
        if not isinstance(path, str) or upload is None or isinstance(upload, str):
            raise bad_request("path and file are required", field="file")
        data = await upload.read()
    finally:
        await form.close()
    written = await files.write_one(call.store, sandbox, path, data)
    return ok({"success": True, "message": f"wrote {written['size']} bytes to {written['path']}"})


async def download(call: Call) -> Response:
    """``GET /computers/{computer_id}/files/download?path=``: the raw bytes."""
    sandbox = _sandbox(call)
    virtual, host = await _existing(call, sandbox, call.query.get("path"))
    if await host.is_dir():
        raise bad_request(f"{virtual} is a directory", code="IS_A_DIRECTORY", path=virtual)
    return files.ChunkedFileResponse(
        str(host), media_type="application/octet-stream", headers={"x-miosa-path": virtual}
    )


async def export(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/export``: a download URL on this server."""
    sandbox = _sandbox(call)
    virtual, _ = await _existing(call, sandbox, (await call.json()).get("path"))
    url = files._download_url(call, sandbox, [virtual])
    return ok({"url": url, "expires_at": iso(now() + TOKEN_TTL_SEC), "path": virtual})


def _remove(host: str) -> None:
    if os.path.isdir(host) and not os.path.islink(host):
        shutil.rmtree(host)
    else:
        os.unlink(host)


async def delete_file(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/files`` with ``{"path"}``: a file or a tree."""
    sandbox = _running(call)
    virtual, host = await _existing(call, sandbox, (await call.json()).get("path"))
    if virtual == WORKSPACE:
        raise bad_request("cannot delete /workspace itself", field="path")
    await anyio.to_thread.run_sync(_remove, str(host))
    return no_content()


def _octal(body: JSON) -> int:
    raw = body.get("mode")
    if isinstance(raw, str) and raw and all(c in "01234567" for c in raw.removeprefix("0o")):
        return int(raw.removeprefix("0o"), 8) & 0o7777
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 0o7777:
        return raw
    raise bad_request("mode must be octal digits such as '0755'", field="mode")


async def mkdir(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/mkdir`` (``recursive``, ``mode``)."""
    sandbox = _running(call)
    body = await call.json()
    virtual, host = await _path(call, sandbox, body.get("path"))
    recursive = optional(body, "recursive", bool, True)
    mode = _octal(body) if body.get("mode") is not None else 0o755
    try:
        await host.mkdir(mode=mode, parents=recursive, exist_ok=recursive)
    except FileExistsError:
        raise ApiError(409, "ALREADY_EXISTS", f"{virtual} exists", {"path": virtual}) from None
    except (FileNotFoundError, NotADirectoryError):
        raise bad_request(f"a parent of {virtual} is missing", code="NOT_A_DIRECTORY") from None
    return no_content()


async def _two_paths(call: Call, sandbox: Sandbox) -> tuple[str, anyio.Path, str, anyio.Path]:
    body = await call.json()
    source, source_host = await _existing(call, sandbox, body.get("from"), "from")
    target, target_host = await _path(call, sandbox, body.get("to"), "to")
    if WORKSPACE in (source, target):
        raise bad_request("/workspace itself cannot be moved or replaced", field="to")
    if not await target_host.parent.is_dir():
        raise bad_request(f"the parent of {target} is not a directory", code="NOT_A_DIRECTORY")
    return source, source_host, target, target_host


async def rename(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/rename`` ``{from, to}``."""
    sandbox = _running(call)
    virtual, source, target, target_host = await _two_paths(call, sandbox)
    if f"{target}/".startswith(f"{virtual}/"):
        raise bad_request("cannot move a directory into itself", field="to")
    try:
        await anyio.to_thread.run_sync(os.replace, str(source), str(target_host))
    except OSError as exc:
        raise bad_request(f"cannot rename: {exc.strerror}", field="to") from None
    return no_content()


def _copy(source: str, target: str, recursive: bool) -> None:
    if os.path.isdir(source) and not os.path.islink(source):
        if not recursive:
            raise IsADirectoryError(source)
        shutil.copytree(source, target, symlinks=True, dirs_exist_ok=True)
    else:
        shutil.copy2(source, target, follow_symlinks=False)


async def copy(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/copy`` ``{from, to, recursive}``."""
    sandbox = _running(call)
    body = await call.json()
    recursive = optional(body, "recursive", bool, False)
    virtual, source, target, target_host = await _two_paths(call, sandbox)
    if f"{target}/".startswith(f"{virtual}/"):
        raise bad_request("cannot copy a directory into itself", field="to")
    try:
        await anyio.to_thread.run_sync(_copy, str(source), str(target_host), recursive)
    except IsADirectoryError:
        raise bad_request(
            f"{virtual} is a directory: copy with recursive", field="recursive"
        ) from None
    except OSError as exc:
        raise bad_request(f"cannot copy: {exc.strerror}", field="to") from None
    return no_content()


async def chmod(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/chmod`` ``{path, mode}``."""
    sandbox = _running(call)
    body = await call.json()
    _, host = await _existing(call, sandbox, body.get("path"))
    mode = _octal(body)
    if await host.is_symlink():
        raise bad_request("cannot chmod a symbolic link", field="path")
    await host.chmod(mode)
    return no_content()


# -- env, ports, volumes, network policy, domains -------------------------------------------


def _env_json(sandbox: Sandbox) -> list[JSON]:
    return [{"name": k, "value": v} for k, (v, _) in sorted(sandbox.env.items())]


async def list_env(call: Call) -> Response:
    """``GET /computers/{computer_id}/env``: what exec and commands see."""
    return ok(_env_json(_sandbox(call)))


def _env_name(value: str) -> str:
    if not value or "=" in value or "\0" in value or value[0].isdigit():
        raise bad_request("name must be a variable name", field="name")
    return value


async def set_env(call: Call) -> Response:
    """``POST /computers/{computer_id}/env`` ``{name, value}``: set (or replace) one."""
    sandbox = _sandbox(call)
    name = _env_name(await call.require("name", str))
    value = await call.optional("value", str, "")
    if "\0" in value:
        raise bad_request("value contains NUL", field="value")
    sandbox.env[name] = (value, False)
    return ok({"name": name, "value": value})


async def update_env(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/env/{name}`` ``{value}``."""
    sandbox = _sandbox(call)
    name = call.params["name"]
    if name not in sandbox.env:
        raise not_found("environment variable", name)
    value = await call.optional("value", str, "")
    if "\0" in value:
        raise bad_request("value contains NUL", field="value")
    sandbox.env[name] = (value, False)
    return ok({"name": name, "value": value})


async def delete_env(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/env/{name}``."""
    sandbox = _sandbox(call)
    if sandbox.env.pop(call.params["name"], None) is None:
        raise not_found("environment variable", call.params["name"])
    return no_content()


def _port_param(call: Call) -> int:
    raw = call.params["port"]
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise bad_request("port must be an integer from 1 to 65535", field="port")
    return int(raw)


async def list_ports(call: Call) -> Response:
    """``GET /computers/{computer_id}/ports``."""
    sandbox = _sandbox(call)
    return ok([p for _, p in sorted(_state(call.store, sandbox).ports.items())])


async def create_port(call: Call) -> Response:
    """``POST /computers/{computer_id}/ports`` ``{port, visibility}``: its preview URL."""
    sandbox = _sandbox(call)
    port = await call.require("port", int, low=1, high=65535)
    visibility = await call.optional("visibility", str, "public", choices=VISIBILITIES)
    record = {
        "port": port,
        "visibility": visibility,
        "url": sandboxes.preview_url(call.store, sandbox, port),
        "created_at": iso(now()),
    }
    _state(call.store, sandbox).ports[port] = record
    return ok(record)


async def update_port(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/ports/{port}`` ``{visibility}``."""
    sandbox = _sandbox(call)
    port = _port_param(call)
    record = _state(call.store, sandbox).ports.get(port)
    if record is None:
        raise not_found("port", str(port))
    visibility = await call.optional("visibility", str, choices=VISIBILITIES)
    if visibility is not None:
        record["visibility"] = visibility
    return ok(record)


async def delete_port(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/ports/{port}``."""
    sandbox = _sandbox(call)
    port = _port_param(call)
    if _state(call.store, sandbox).ports.pop(port, None) is None:
        raise not_found("port", str(port))
    return no_content()


async def list_volumes(call: Call) -> Response:
    """``GET /computers/{computer_id}/volumes``: attachments (recorded, nothing mounted)."""
    sandbox = _sandbox(call)
    return ok(list(_state(call.store, sandbox).volumes.values()))


async def attach_volume(call: Call) -> Response:
    """``POST /computers/{computer_id}/volumes`` ``{volume_id, mount_path}``."""
    sandbox = _sandbox(call)
    volume_id = await call.require("volume_id", str)
    mount_path = await call.optional("mount_path", str, f"/mnt/{volume_id}")
    if not mount_path.startswith("/"):
        raise bad_request("mount_path must be absolute", field="mount_path")
    record: JSON = {
        "id": new_id("vat"),
        "volume_id": volume_id,
        "computer_id": sandbox.id,
        "mount_path": mount_path,
        "created_at": iso(now()),
    }
    _state(call.store, sandbox).volumes[record["id"]] = record
    return ok(record)


async def detach_volume(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/volumes/{attachment_id}``."""
    sandbox = _sandbox(call)
    if _state(call.store, sandbox).volumes.pop(call.params["attachment_id"], None) is None:
        raise not_found("volume attachment", call.params["attachment_id"])
    return no_content()


def _policy_json(store: Store, sandbox: Sandbox, state: ComputerState) -> JSON:
    return {
        "computer_id": sandbox.id,
        "tenant_id": store.settings.tenant_id,
        "rules": state.network["rules"],
        "default_effect": state.network["default_effect"],
        "inserted_at": iso(state.network_updated_at),
        "updated_at": iso(state.network_updated_at),
    }


def _apply_policy(sandbox: Sandbox, state: ComputerState) -> None:
    # The local server enforces all or nothing (see sandboxes.network_policy).
    sandbox.network = sandboxes.network_policy(
        {
            "default_effect": state.network["default_effect"],
            "rules": [
                {"host": r["destination"], "effect": r["effect"]} for r in state.network["rules"]
            ],
        }
    )


async def get_network_policy(call: Call) -> Response:
    """``GET /computers/{computer_id}/network-policy``."""
    sandbox = _sandbox(call)
    return ok(_policy_json(call.store, sandbox, _state(call.store, sandbox)))


async def set_network_policy(call: Call) -> Response:
    """``PUT /computers/{computer_id}/network-policy`` ``{rules, default_effect}``: applied
    to exec at once (all or nothing: anything let out opens the network)."""
    sandbox = _sandbox(call)
    rules_raw = (
        await call.require("rules", list, items=dict) if "rules" in await call.json() else []
    )
    effect = await call.optional("default_effect", str, "deny", choices=("allow", "deny"))
    rules = []
    for raw in rules_raw:
        rules.append(
            {
                "effect": require(raw, "effect", str, choices=("allow", "deny")),
                "destination": require(raw, "destination", str),
                "ports": optional(raw, "ports", str),
                "protocol": optional(raw, "protocol", str),
            }
        )
    state = _state(call.store, sandbox)
    state.network = {"rules": rules, "default_effect": effect}
    state.network_updated_at = now()
    _apply_policy(sandbox, state)
    return ok(_policy_json(call.store, sandbox, state))


async def reset_network_policy(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/network-policy``: back to allow-all."""
    sandbox = _sandbox(call)
    state = _state(call.store, sandbox)
    state.network = {"rules": [], "default_effect": "allow"}
    state.network_updated_at = None
    _apply_policy(sandbox, state)
    return no_content()


async def list_domains(call: Call) -> Response:
    """``GET /computers/{computer_id}/domains``."""
    sandbox = _sandbox(call)
    return ok(list(_state(call.store, sandbox).domains.values()))


async def register_domain(call: Call) -> Response:
    """``POST /computers/{computer_id}/domains`` ``{fqdn}``: ``pending`` until verified."""
    sandbox = _sandbox(call)
    fqdn = (await call.require("fqdn", str)).strip().lower().rstrip(".")
    labels = fqdn.split(".")
    if len(labels) < 2 or not all(
        label and len(label) <= 63 and all(c.isalnum() or c == "-" for c in label)
        for label in labels
    ):
        raise bad_request("fqdn must be a domain name such as app.example.com", field="fqdn")
    state = _state(call.store, sandbox)
    if any(d["fqdn"] == fqdn for d in state.domains.values()):
        raise ApiError(409, "DOMAIN_TAKEN", f"{fqdn} is registered", {"fqdn": fqdn})
    target = f"{sandbox.slug}.sandbox.{sandboxes.preview_domain(call.store)}"
    t = iso(now())
    record: JSON = {
        "id": new_id("dom"),
        "computer_id": sandbox.id,
        "tenant_id": call.store.settings.tenant_id,
        "fqdn": fqdn,
        "status": "pending",
        "verification_target": target,
        "instructions": f"Add a CNAME record from {fqdn} to {target}, then verify.",
        "verified_at": None,
        "tls_issued_at": None,
        "created_at": t,
        "updated_at": t,
    }
    state.domains[record["id"]] = record
    return ok(record)


def _domain(call: Call) -> tuple[ComputerState, JSON]:
    state = _state(call.store, _sandbox(call))
    record = state.domains.get(call.params["domain_id"])
    if record is None:
        raise not_found("domain", call.params["domain_id"])
    return state, record


async def verify_domain(call: Call) -> Response:
    """``POST /computers/{computer_id}/domains/{domain_id}/verify``: no DNS lookup is made
    locally, so verification succeeds (``active``, with a TLS issue time)."""
    _, record = _domain(call)
    t = iso(now())
    record.update(status="active", verified_at=t, tls_issued_at=t, updated_at=t)
    return ok(record)


async def delete_domain(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/domains/{domain_id}``: the record, ``removed``."""
    state, record = _domain(call)
    del state.domains[record["id"]]
    return ok({**record, "status": "removed", "updated_at": iso(now())})


# -- auto-stop, inbox, OSA ------------------------------------------------------------------


async def get_auto_stop(call: Call) -> Response:
    """``GET /computers/{computer_id}/auto-stop`` (recorded; the local server does not stop
    idle computers)."""
    sandbox = _sandbox(call)
    seconds = _state(call.store, sandbox).auto_stop_seconds
    return ok({"computer_id": sandbox.id, "seconds": seconds, "enabled": seconds > 0})


async def update_auto_stop(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/auto-stop`` ``{seconds}`` (0 turns it off)."""
    sandbox = _sandbox(call)
    seconds = (
        await call.require("seconds", int, low=0, high=30 * 86400)
        if ((await call.json()).get("seconds") != 0)
        else 0
    )
    _state(call.store, sandbox).auto_stop_seconds = seconds
    return ok({"computer_id": sandbox.id, "seconds": seconds, "enabled": seconds > 0})


def _inbox_json(store: Store, sandbox: Sandbox) -> JSON:
    address = f"{sandbox.slug}@inbox.{sandboxes.preview_domain(store)}"
    return {"computer_id": sandbox.id, "address": address, **_state(store, sandbox).inbox}


async def get_inbox(call: Call) -> Response:
    """``GET /computers/{computer_id}/inbox``: the kept configuration (no mail arrives)."""
    sandbox = _sandbox(call)
    return ok(_inbox_json(call.store, sandbox))


async def update_inbox(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/inbox``: the body's fields are merged in."""
    sandbox = _sandbox(call)
    body = await call.json()
    fields = {k: v for k, v in body.items() if k not in ("computer_id", "address")}
    optional(fields, "enabled", bool)
    _state(call.store, sandbox).inbox.update(fields)
    return ok(_inbox_json(call.store, sandbox))


def _osa_json(sandbox: Sandbox, state: ComputerState) -> JSON:
    return {
        "computer_id": sandbox.id,
        "status": "idle",
        "configured": bool(state.osa),
        "config": state.osa,
        "task": None,
    }


async def osa_status(call: Call) -> Response:
    """``GET /computers/{computer_id}/osa/status``: idle (no agent runs in the VM)."""
    sandbox = _sandbox(call)
    return ok(_osa_json(sandbox, _state(call.store, sandbox)))


async def osa_configure(call: Call) -> Response:
    """``POST /computers/{computer_id}/osa/configure``: the configuration is kept."""
    sandbox = _sandbox(call)
    state = _state(call.store, sandbox)
    state.osa.update(await call.json())
    return ok(_osa_json(sandbox, state))


async def osa_submit(call: Call) -> Response:
    """``POST /computers/{computer_id}/osa/task``: needs production's in-VM agent."""
    _sandbox(call)
    await call.require("task", str)
    raise ApiError(
        409,
        "UNSUPPORTED_OPERATION",
        "the local server runs no OSA agent inside computers; use client.runs or exec",
        {"reason": "no_in_vm_agent"},
    )


async def osa_cancel(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/osa/task``: there is never a task to cancel."""
    sandbox = _sandbox(call)
    return ok({"computer_id": sandbox.id, "cancelled": False, "status": "idle"})


# -- checkpoints -----------------------------------------------------------------------------


def _checkpoint_json(store: Store, snap: Snapshot, status: str | None = None) -> JSON:
    return {
        "id": snap.id,
        "computer_id": snap.sandbox_id,
        "tenant_id": store.settings.tenant_id,
        "comment": snap.comment,
        "status": status or snap.status,
        "state_size_bytes": snap.size_bytes,
        "memory_size_bytes": 0,
        "rootfs_size_bytes": snap.size_bytes,
        "compressed_size_bytes": snap.size_bytes,
        "s3_bucket": None,
        "s3_prefix": None,
        "parent_snapshot_id": None,
        "error": None,
        "created_at": iso(snap.created_at),
        "updated_at": iso(snap.created_at),
    }


def _checkpoint(call: Call, sandbox: Sandbox) -> Snapshot:
    ident = call.params["snapshot_id"]
    snap = call.store.snapshots.get(ident)
    if snap is None or snap.sandbox_id != sandbox.id:
        raise not_found("checkpoint", ident)
    return snap


async def create_checkpoint(call: Call) -> Response:
    """``POST /computers/{computer_id}/snapshots`` ``{comment}``: a copy of the files
    (``creating`` in the reply, ``ready`` when next read; memory is not captured)."""
    sandbox = _sandbox(call)
    comment = await call.optional("comment", str)
    snap = await snapshots.take_snapshot(_as_sandbox(call, sandbox), {"comment": comment})
    call.resource_id = snap.id
    return ok(_checkpoint_json(call.store, snap, "creating"))


async def list_checkpoints(call: Call) -> Response:
    """``GET /computers/{computer_id}/snapshots``."""
    sandbox = _sandbox(call)
    found = [
        _checkpoint_json(call.store, s)
        for s in call.store.snapshots.values()
        if s.sandbox_id == sandbox.id
    ]
    return ok(found)


async def get_checkpoint(call: Call) -> Response:
    """``GET /computers/{computer_id}/snapshots/{snapshot_id}``."""
    sandbox = _sandbox(call)
    return ok(_checkpoint_json(call.store, _checkpoint(call, sandbox)))


async def delete_checkpoint(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/snapshots/{snapshot_id}``: the record, ``deleted``."""
    sandbox = _sandbox(call)
    snap = _checkpoint(call, sandbox)
    del call.store.snapshots[snap.id]
    await anyio.to_thread.run_sync(lambda: shutil.rmtree(snap.dir, ignore_errors=True))
    return ok(_checkpoint_json(call.store, snap, "deleted"))


async def checkpoint_events(call: Call) -> Response:
    """``GET /computers/{computer_id}/snapshots/{snapshot_id}/events`` (SSE): the steps a
    checkpoint went through, then the stream ends."""
    sandbox = _sandbox(call)
    snap = _checkpoint(call, sandbox)
    steps = (("creating", "capture", 0), ("uploading", "upload", 50), (snap.status, "done", 100))

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        async with out:
            for seq, (status, step, progress) in enumerate(steps, 1):
                payload = {
                    "type": "snapshot.progress",
                    "snapshot_id": snap.id,
                    "status": status,
                    "step": step,
                    "progress": progress,
                }
                await out.send(Event(seq, "snapshot.progress", payload))

    return SSEResponse(produce, call.store)


async def restore_checkpoint(call: Call) -> Response:
    """``POST /computers/{computer_id}/restore/{snapshot_id}``: a NEW computer with the
    checkpoint's files, ``{data: computer, snapshot: checkpoint}``."""
    sandbox = _sandbox(call)
    snap = _checkpoint(call, sandbox)
    await call.json()
    name = f"{sandbox.name}-restore-{secrets.token_hex(2)}"
    size = sandbox.size if sandbox.size in SIZES else None
    body: JSON = {"name": name, "metadata": dict(sandbox.metadata)}
    if size is not None:
        body["size"] = size
    restored = await sandboxes.new_sandbox(
        call,
        {**body, "always_on": True, "persistent": True},
        snap.dir,
        prefix="cmp",
    )
    restored.extra.update(
        {k: v for k, v in sandbox.extra.items() if k in ("kind", "template_type", "visibility")}
    )
    restored.network = sandbox.network
    call.resource_id = restored.id
    return json_response(
        {
            "data": computer_json(call.store, restored, "provisioning"),
            "snapshot": _checkpoint_json(call.store, snap),
        }
    )


# -- the desktop -------------------------------------------------------------------------------


def _done(message: str) -> Response:
    return ok({"success": True, "status": "ok", "message": message})


async def _point(
    call: Call, screen: Screen, x_name: str = "x", y_name: str = "y"
) -> tuple[int, int]:
    x = await call.require(x_name, int, low=0, high=screen.width - 1)
    y = await call.require(y_name, int, low=0, high=screen.height - 1)
    return x, y


async def _button(call: Call) -> str:
    return await call.optional("button", str, "left", choices=BUTTONS)


def _png(data: bytes) -> Response:
    return Response(data, media_type="image/png")


async def screenshot(call: Call) -> Response:
    """``GET /computers/{computer_id}/desktop/screenshot``: the screen as a PNG."""
    screen = _screen(call)
    return _png(await anyio.to_thread.run_sync(screen.png))


async def screenshot_region(call: Call) -> Response:
    """``POST /computers/{computer_id}/desktop/screenshot/region`` ``{x, y, width, height}``."""
    screen = _screen(call)
    x, y = await _point(call, screen)
    width = await call.require("width", int, low=1, high=screen.width - x)
    height = await call.require("height", int, low=1, high=screen.height - y)
    return _png(await anyio.to_thread.run_sync(screen.region_png, x, y, width, height))


async def click(call: Call) -> Response:
    """``POST .../desktop/click`` ``{x, y, button}``: a cross at the point."""
    screen = _screen(call)
    x, y = await _point(call, screen)
    button = await _button(call)
    screen.click(x, y, button)
    return _done(f"{button} click at ({x}, {y})")


async def double_click(call: Call) -> Response:
    """``POST .../desktop/double-click`` ``{x, y}``."""
    screen = _screen(call)
    x, y = await _point(call, screen)
    screen.click(x, y, "left", count=2)
    return _done(f"double click at ({x}, {y})")


async def move_mouse(call: Call) -> Response:
    """``POST .../desktop/move`` ``{x, y}``: the pointer moves (nothing is drawn)."""
    screen = _screen(call)
    x, y = await _point(call, screen)
    screen.move(x, y)
    return _done(f"pointer at ({x}, {y})")


async def drag(call: Call) -> Response:
    """``POST .../desktop/drag`` ``{from_x, from_y, to_x, to_y}``: a line."""
    screen = _screen(call)
    x0, y0 = await _point(call, screen, "from_x", "from_y")
    x1, y1 = await _point(call, screen, "to_x", "to_y")
    screen.drag(x0, y0, x1, y1)
    return _done(f"dragged from ({x0}, {y0}) to ({x1}, {y1})")


async def mouse_down(call: Call) -> Response:
    """``POST .../desktop/mouse-down`` ``{x, y, button}``."""
    screen = _screen(call)
    x, y = await _point(call, screen)
    button = await _button(call)
    screen.mouse_down(x, y, button)
    return _done(f"{button} button down at ({x}, {y})")


async def mouse_up(call: Call) -> Response:
    """``POST .../desktop/mouse-up`` ``{x, y, button}``: a line from the press."""
    screen = _screen(call)
    x, y = await _point(call, screen)
    button = await _button(call)
    screen.mouse_up(x, y, button)
    return _done(f"{button} button up at ({x}, {y})")


async def scroll(call: Call) -> Response:
    """``POST .../desktop/scroll`` ``{direction, clicks, x?, y?}``."""
    screen = _screen(call)
    direction = await call.require("direction", str, choices=DIRECTIONS)
    clicks = await call.optional("clicks", int, 3, low=1, high=MAX_SCROLL_CLICKS)
    body = await call.json()
    at = None
    if body.get("x") is not None or body.get("y") is not None:
        at = await _point(call, screen)
    screen.scroll_by(direction, clicks, at)
    return _done(f"scrolled {direction} {clicks}")


async def type_text(call: Call) -> Response:
    """``POST .../desktop/type`` ``{text, delay?}``: blocks from the text cursor."""
    screen = _screen(call)
    text = await call.require("text", str)
    await call.optional("delay", float, low=0)
    screen.type(text)
    return _done(f"typed {len(text)} characters")


async def _key_name(call: Call) -> str:
    key = (await call.require("key", str)).strip()
    if not key:
        raise bad_request("key is required", field="key")
    return key


async def key(call: Call) -> Response:
    """``POST .../desktop/key`` ``{key}`` (``Enter``, ``ctrl+c``)."""
    screen = _screen(call)
    name = await _key_name(call)
    screen.key(name)
    return _done(f"pressed {name}")


async def key_down(call: Call) -> Response:
    """``POST .../desktop/key-down`` ``{key}``: held until key-up."""
    screen = _screen(call)
    name = await _key_name(call)
    screen.key_down(name)
    return _done(f"holding {name}")


async def key_up(call: Call) -> Response:
    """``POST .../desktop/key-up`` ``{key}``."""
    screen = _screen(call)
    name = await _key_name(call)
    screen.key_up(name)
    return _done(f"released {name}")


async def hotkey(call: Call) -> Response:
    """``POST .../desktop/hotkey`` ``{keys: [...]}``: pressed together."""
    screen = _screen(call)
    keys = await call.require("keys", list, items=str)
    if not keys or not all(k.strip() for k in keys):
        raise bad_request("keys must name at least one key", field="keys")
    screen.hotkey(keys)
    return _done(f"pressed {'+'.join(keys)}")


async def wait(call: Call) -> Response:
    """``POST .../desktop/wait`` ``{seconds}``: returns after at most a second (nothing on
    the simulated screen changes meanwhile)."""
    _screen(call)
    seconds = (
        await call.require("seconds", float, low=0, high=3600)
        if ((await call.json()).get("seconds") != 0)
        else 0.0
    )
    await anyio.sleep(min(seconds, MAX_WAIT_SEC))
    return _done(f"waited {seconds:g} seconds")


async def windows(call: Call) -> Response:
    """``GET .../desktop/windows``: the open windows, back to front."""
    screen = _screen(call)
    return ok([w.to_json(w.id == screen.focused) for w in screen.windows])


async def cursor(call: Call) -> Response:
    """``GET .../desktop/cursor``: the pointer."""
    x, y = _screen(call).cursor
    return ok({"x": x, "y": y})


async def screen_size(call: Call) -> Response:
    """``GET .../desktop/screen-size``."""
    screen = _screen(call)
    return ok({"width": screen.width, "height": screen.height})


async def environment(call: Call) -> Response:
    """``GET .../desktop/environment``: the simulated session."""
    screen = _screen(call)
    return ok(
        {
            "name": "miosa-local (simulated)",
            "session_type": "x11",
            "resolution": f"{screen.width}x{screen.height}",
            "width": screen.width,
            "height": screen.height,
            "color_depth": 24,
            "display": ":1",
            "simulated": True,
        }
    )


async def accessibility_tree(call: Call) -> Response:
    """``GET .../desktop/accessibility-tree``: the desktop and its windows."""
    return ok(_screen(call).accessibility_tree())


async def clipboard(call: Call) -> Response:
    """``GET .../desktop/clipboard``: ``{text}``."""
    return ok({"text": _screen(call).clipboard})


async def set_clipboard(call: Call) -> Response:
    """``POST .../desktop/clipboard`` ``{text}``."""
    screen = _screen(call)
    text = await call.optional("text", str, "")
    screen.set_clipboard(text)
    return _done(f"clipboard holds {len(text)} characters")


async def set_wallpaper(call: Call) -> Response:
    """``POST .../desktop/wallpaper`` ``{path}``: an absolute path or an https URL (the
    image is not fetched: the wallpaper becomes a colour derived from it)."""
    screen = _screen(call)
    path = await call.require("path", str)
    if not (path.startswith("/") or path.startswith("https://")):
        raise bad_request("path must be absolute or an https:// URL", field="path")
    screen.set_wallpaper(path)
    return _done(f"wallpaper set to {path}")


async def launch(call: Call) -> Response:
    """``POST .../desktop/launch`` ``{app}``: a new focused window for it."""
    screen = _screen(call)
    app = (await call.require("app", str)).strip()
    if not app:
        raise bad_request("app is required", field="app")
    known = next((a for a in APPS if app.lower() in (a["id"], a["name"].lower())), None)
    title = known["name"] if known else app
    window = screen.open(title, known["exec"] if known else app)
    return ok(
        {"success": True, "status": "ok", "message": f"launched {title}", "window_id": window.id}
    )


async def focus_window(call: Call) -> Response:
    """``POST .../desktop/window/focus`` ``{window_id}``."""
    screen = _screen(call)
    ident = str(await call.require("window_id", str))
    if screen.window(ident) is None:
        raise not_found("window", ident)
    screen.focus(ident)
    return _done(f"focused {ident}")


def _window_call(call: Call) -> tuple[Screen, str]:
    screen = _screen(call)
    ident = call.params["window_id"]
    if screen.window(ident) is None:
        raise not_found("window", ident)
    return screen, ident


def _window_action(action: str) -> Handler:
    async def run(call: Call) -> Response:
        screen, ident = _window_call(call)
        await call.json()
        {"close": screen.close, "maximize": screen.maximize, "minimize": screen.minimize}[action](
            ident
        )
        return _done(f"{action}d {ident}")

    run.__doc__ = f"``POST .../desktop/window/{{window_id}}/{action}``."
    return run


async def move_window(call: Call) -> Response:
    """``POST .../desktop/window/{window_id}/move`` ``{x, y}`` (a window may leave the
    screen partly, as on a real desktop)."""
    screen, ident = _window_call(call)
    x = await call.require("x", int, low=-screen.width, high=screen.width)
    y = await call.require("y", int, low=-screen.height, high=screen.height)
    screen.place(ident, x=x, y=y)
    return _done(f"moved {ident} to ({x}, {y})")


async def resize_window(call: Call) -> Response:
    """``POST .../desktop/window/{window_id}/resize`` ``{width, height}``."""
    screen, ident = _window_call(call)
    width = await call.require("width", int, low=1, high=screen.width * 4)
    height = await call.require("height", int, low=1, high=screen.height * 4)
    screen.place(ident, width=width, height=height)
    return _done(f"resized {ident} to {width}x{height}")


async def window_position(call: Call) -> Response:
    """``GET .../desktop/window/{window_id}/position``."""
    screen, ident = _window_call(call)
    window = screen.window(ident)
    assert window is not None
    return ok({"x": window.x, "y": window.y})


async def window_size(call: Call) -> Response:
    """``GET .../desktop/window/{window_id}/size``."""
    screen, ident = _window_call(call)
    window = screen.window(ident)
    assert window is not None
    return ok({"width": window.width, "height": window.height})


# -- routes ------------------------------------------------------------------------------------


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    item = "/computers/{computer_id}"
    desk = item + "/desktop"
    window = desk + "/window/{window_id}"
    return [
        Endpoint("GET", "/computers", list_computers),
        Endpoint("POST", "/computers", create_computer, "computer.create"),
        Endpoint("GET", item, get_computer),
        Endpoint("PATCH", item, update_computer, "computer.update"),
        Endpoint("DELETE", item, delete_computer, "computer.delete"),
        Endpoint("POST", item + "/start", start, "computer.start"),
        Endpoint("POST", item + "/stop", stop, "computer.stop"),
        Endpoint("POST", item + "/restart", restart, "computer.restart"),
        Endpoint("POST", item + "/resize", resize, "computer.resize"),
        Endpoint("POST", item + "/move", move, "computer.move"),
        Endpoint("POST", item + "/clone", clone, "computer.clone"),
        Endpoint("GET", item + "/metrics", metrics),
        Endpoint("GET", item + "/logs", logs),
        Endpoint("GET", item + "/logs/stream", logs_stream),
        Endpoint("GET", item + "/vnc-credentials", vnc_credentials),
        Endpoint("POST", item + "/stream-token", stream_token, "computer.stream_token"),
        Endpoint("GET", item + "/embed", embed),
        Endpoint("GET", item + "/urls", urls),
        Endpoint("GET", item + "/apps", apps),
        Endpoint("GET", item + "/viewer-password", viewer_password),
        Endpoint(
            "POST",
            item + "/viewer-password/rotate",
            rotate_viewer_password,
            "computer.viewer_password.rotate",
        ),
        Endpoint("POST", item + "/exec", exec_bash, "computer.exec"),
        Endpoint("POST", item + "/exec/python", exec_python, "computer.exec"),
        Endpoint("POST", item + "/commands", run_command, "computer.command"),
        Endpoint("POST", item + "/agent/prompts", prompt_agent, "agent.prompt"),
        Endpoint("POST", item + "/agent/stop", stop_agent, "agent.stop"),
        Endpoint("POST", item + "/terminal", create_terminal, "computer.terminal.create"),
        Endpoint("POST", item + "/pty/{session_id}/resize", resize_terminal),
        Endpoint("GET", item + "/files", list_files),
        Endpoint("DELETE", item + "/files", delete_file, "computer.file.delete"),
        Endpoint("GET", item + "/files/readdir", readdir),
        Endpoint("POST", item + "/files/stat", stat_file),
        Endpoint("POST", item + "/files/write", write_file, "computer.file.write"),
        Endpoint("POST", item + "/files/upload", upload_form, "computer.file.write"),
        Endpoint("GET", item + "/files/download", download),
        Endpoint("POST", item + "/files/export", export),
        Endpoint("POST", item + "/files/mkdir", mkdir, "computer.file.mkdir"),
        Endpoint("POST", item + "/files/rename", rename, "computer.file.rename"),
        Endpoint("POST", item + "/files/copy", copy, "computer.file.copy"),
        Endpoint("POST", item + "/files/chmod", chmod, "computer.file.chmod"),
        Endpoint("GET", item + "/env", list_env),
        Endpoint("POST", item + "/env", set_env, "computer.env.set"),
        Endpoint("PATCH", item + "/env/{name}", update_env, "computer.env.update"),
        Endpoint("DELETE", item + "/env/{name}", delete_env, "computer.env.delete"),
        Endpoint("GET", item + "/ports", list_ports),
        Endpoint("POST", item + "/ports", create_port, "computer.port.create"),
        Endpoint("PATCH", item + "/ports/{port}", update_port, "computer.port.update"),
        Endpoint("DELETE", item + "/ports/{port}", delete_port, "computer.port.delete"),
        Endpoint("GET", item + "/volumes", list_volumes),
        Endpoint("POST", item + "/volumes", attach_volume, "computer.volume.attach"),
        Endpoint(
            "DELETE", item + "/volumes/{attachment_id}", detach_volume, "computer.volume.detach"
        ),
        Endpoint("GET", item + "/network-policy", get_network_policy),
        Endpoint("PUT", item + "/network-policy", set_network_policy, "computer.network.set"),
        Endpoint(
            "DELETE", item + "/network-policy", reset_network_policy, "computer.network.reset"
        ),
        Endpoint("GET", item + "/domains", list_domains),
        Endpoint("POST", item + "/domains", register_domain, "computer.domain.register"),
        Endpoint(
            "POST", item + "/domains/{domain_id}/verify", verify_domain, "computer.domain.verify"
        ),
        Endpoint("DELETE", item + "/domains/{domain_id}", delete_domain, "computer.domain.delete"),
        Endpoint("GET", item + "/auto-stop", get_auto_stop),
        Endpoint("PATCH", item + "/auto-stop", update_auto_stop, "computer.auto_stop.update"),
        Endpoint("GET", item + "/inbox", get_inbox),
        Endpoint("PATCH", item + "/inbox", update_inbox, "computer.inbox.update"),
        Endpoint("GET", item + "/osa/status", osa_status),
        Endpoint("POST", item + "/osa/configure", osa_configure, "computer.osa.configure"),
        Endpoint("POST", item + "/osa/task", osa_submit, "computer.osa.task"),
        Endpoint("DELETE", item + "/osa/task", osa_cancel, "computer.osa.cancel"),
        Endpoint("GET", item + "/snapshots", list_checkpoints),
        Endpoint("POST", item + "/snapshots", create_checkpoint, "computer.checkpoint.create"),
        Endpoint("GET", item + "/snapshots/{snapshot_id}", get_checkpoint),
        Endpoint(
            "DELETE",
            item + "/snapshots/{snapshot_id}",
            delete_checkpoint,
            "computer.checkpoint.delete",
        ),
        Endpoint("GET", item + "/snapshots/{snapshot_id}/events", checkpoint_events),
        Endpoint(
            "POST",
            item + "/restore/{snapshot_id}",
            restore_checkpoint,
            "computer.checkpoint.restore",
        ),
        Endpoint("GET", desk + "/screenshot", screenshot),
        Endpoint("POST", desk + "/screenshot/region", screenshot_region),
        Endpoint("POST", desk + "/click", click, "computer.desktop.click"),
        Endpoint("POST", desk + "/double-click", double_click, "computer.desktop.click"),
        Endpoint("POST", desk + "/move", move_mouse, "computer.desktop.move"),
        Endpoint("POST", desk + "/drag", drag, "computer.desktop.drag"),
        Endpoint("POST", desk + "/mouse-down", mouse_down, "computer.desktop.mouse"),
        Endpoint("POST", desk + "/mouse-up", mouse_up, "computer.desktop.mouse"),
        Endpoint("POST", desk + "/scroll", scroll, "computer.desktop.scroll"),
        Endpoint("POST", desk + "/type", type_text, "computer.desktop.type"),
        Endpoint("POST", desk + "/key", key, "computer.desktop.key"),
        Endpoint("POST", desk + "/key-down", key_down, "computer.desktop.key"),
        Endpoint("POST", desk + "/key-up", key_up, "computer.desktop.key"),
        Endpoint("POST", desk + "/hotkey", hotkey, "computer.desktop.key"),
        Endpoint("POST", desk + "/wait", wait),
        Endpoint("GET", desk + "/windows", windows),
        Endpoint("GET", desk + "/cursor", cursor),
        Endpoint("GET", desk + "/screen-size", screen_size),
        Endpoint("GET", desk + "/environment", environment),
        Endpoint("GET", desk + "/accessibility-tree", accessibility_tree),
        Endpoint("GET", desk + "/clipboard", clipboard),
        Endpoint("POST", desk + "/clipboard", set_clipboard, "computer.desktop.clipboard"),
        Endpoint("POST", desk + "/wallpaper", set_wallpaper, "computer.desktop.wallpaper"),
        Endpoint("POST", desk + "/launch", launch, "computer.desktop.launch"),
        Endpoint("POST", desk + "/window/focus", focus_window, "computer.desktop.window"),
        Endpoint("POST", window + "/close", _window_action("close"), "computer.desktop.window"),
        Endpoint(
            "POST", window + "/maximize", _window_action("maximize"), "computer.desktop.window"
        ),
        Endpoint(
            "POST", window + "/minimize", _window_action("minimize"), "computer.desktop.window"
        ),
        Endpoint("POST", window + "/move", move_window, "computer.desktop.window"),
        Endpoint("POST", window + "/resize", resize_window, "computer.desktop.window"),
        Endpoint("GET", window + "/position", window_position),
        Endpoint("GET", window + "/size", window_size),
    ]
