"""What every computer route shares: the computer's own state, the lookups, and the
JSON a computer is shown as."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from starlette.responses import Response

from .. import sandboxes
from ..common import JSON, iso, now
from ..http import ApiError, not_found
from ..routing import Call, visible
from ..screen import Screen
from ..state import SIZES, Sandbox, Store

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


def computer_sandbox(call: Call) -> Sandbox:
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


def computer_state(store: Store, sandbox: Sandbox) -> ComputerState:
    state = store.computers.get(sandbox.id)
    if state is None:
        state = store.computers[sandbox.id] = ComputerState()
    return state


def running_computer(call: Call) -> Sandbox:
    sandbox = computer_sandbox(call)
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
    return computer_state(store, sandbox).screen


def computer_screen(call: Call) -> Screen:
    """The running computer's desktop; 409 for a headless computer."""
    sandbox = running_computer(call)
    template = sandbox.extra.get("template_type", DESKTOP)
    if template == HEADLESS:
        raise ApiError(
            409,
            "UNSUPPORTED_OPERATION",
            f"computer {sandbox.id} is a {HEADLESS} computer: it has no desktop",
            {"template_type": template},
        )
    return computer_state(call.store, sandbox).screen


def as_sandbox_call(call: Call, sandbox: Sandbox, body: JSON | None = None, **params: str) -> Call:
    return call.for_sandbox(sandbox.id, body, **params)


def reply_data(response: Response) -> JSON:
    payload = json.loads(bytes(response.body))
    data: JSON = payload["data"]
    return data


# -- the computer object -------------------------------------------------------------------


def computer_status(sandbox: Sandbox) -> str:
    return sandbox.state


def desktop_url(store: Store, sandbox: Sandbox) -> str:
    return f"https://{sandbox.slug}.desktop.{sandboxes.preview_domain(store)}"


def computer_json(store: Store, sandbox: Sandbox, status: str | None = None) -> JSON:
    """The computer object (``ComputerData``); ``status`` overrides the stored one."""
    state = computer_state(store, sandbox)
    cpu, memory, disk = sandbox.geometry
    template = sandbox.extra.get("template_type", DESKTOP)
    screen = state.screen
    return {
        "id": sandbox.id,
        "object": "computer",
        "name": sandbox.name,
        "slug": sandbox.slug,
        "status": status or computer_status(sandbox),
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
        "desktop_url": desktop_url(store, sandbox) if template != HEADLESS else None,
        "screen": {"width": screen.width, "height": screen.height}
        if template != HEADLESS
        else None,
        "workspace_id": sandbox.extra.get("workspace_id"),
        "created_at": iso(sandbox.created_at),
        "started_at": iso(sandbox.started_at),
        "updated_at": iso(max(state.updated_at, sandbox.created_at)),
    }


def touch_computer(store: Store, sandbox: Sandbox) -> None:
    computer_state(store, sandbox).updated_at = now()
