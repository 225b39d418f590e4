"""Env, ports, volumes, network policy, domains, auto-stop, the inbox and OSA."""

from __future__ import annotations

from starlette.responses import Response

from .. import sandboxes
from ..common import JSON, iso, new_id, now
from ..fields import optional, require
from ..http import ApiError, bad_request, no_content, not_found, ok
from ..routing import Call
from ..state import Sandbox, Store
from .base import (
    VISIBILITIES,
    ComputerState,
    computer_sandbox,
    computer_state,
)

# -- env, ports, volumes, network policy, domains -------------------------------------------


def _env_json(sandbox: Sandbox) -> list[JSON]:
    return [{"name": k, "value": v} for k, (v, _) in sorted(sandbox.env.items())]


async def list_env(call: Call) -> Response:
    """``GET /computers/{computer_id}/env``: what exec and commands see."""
    return ok(_env_json(computer_sandbox(call)))


def _env_name(value: str) -> str:
    if not value or "=" in value or "\0" in value or value[0].isdigit():
        raise bad_request("name must be a variable name", field="name")
    return value


async def set_env(call: Call) -> Response:
    """``POST /computers/{computer_id}/env`` ``{name, value}``: set (or replace) one."""
    sandbox = computer_sandbox(call)
    name = _env_name(await call.require("name", str))
    value = await call.optional("value", str, "")
    if "\0" in value:
        raise bad_request("value contains NUL", field="value")
    sandbox.env[name] = (value, False)
    return ok({"name": name, "value": value})


async def update_env(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/env/{name}`` ``{value}``."""
    sandbox = computer_sandbox(call)
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
    sandbox = computer_sandbox(call)
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
    sandbox = computer_sandbox(call)
    return ok([p for _, p in sorted(computer_state(call.store, sandbox).ports.items())])


async def create_port(call: Call) -> Response:
    """``POST /computers/{computer_id}/ports`` ``{port, visibility}``: its preview URL."""
    sandbox = computer_sandbox(call)
    port = await call.require("port", int, low=1, high=65535)
    visibility = await call.optional("visibility", str, "public", choices=VISIBILITIES)
    record = {
        "port": port,
        "visibility": visibility,
        "url": sandboxes.preview_url(call.store, sandbox, port),
        "created_at": iso(now()),
    }
    computer_state(call.store, sandbox).ports[port] = record
    return ok(record)


async def update_port(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/ports/{port}`` ``{visibility}``."""
    sandbox = computer_sandbox(call)
    port = _port_param(call)
    record = computer_state(call.store, sandbox).ports.get(port)
    if record is None:
        raise not_found("port", str(port))
    visibility = await call.optional("visibility", str, choices=VISIBILITIES)
    if visibility is not None:
        record["visibility"] = visibility
    return ok(record)


async def delete_port(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/ports/{port}``."""
    sandbox = computer_sandbox(call)
    port = _port_param(call)
    if computer_state(call.store, sandbox).ports.pop(port, None) is None:
        raise not_found("port", str(port))
    return no_content()


async def list_volumes(call: Call) -> Response:
    """``GET /computers/{computer_id}/volumes``: attachments (recorded, nothing mounted)."""
    sandbox = computer_sandbox(call)
    return ok(list(computer_state(call.store, sandbox).volumes.values()))


async def attach_volume(call: Call) -> Response:
    """``POST /computers/{computer_id}/volumes`` ``{volume_id, mount_path}``."""
    sandbox = computer_sandbox(call)
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
    computer_state(call.store, sandbox).volumes[record["id"]] = record
    return ok(record)


async def detach_volume(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/volumes/{attachment_id}``."""
    sandbox = computer_sandbox(call)
    if computer_state(call.store, sandbox).volumes.pop(call.params["attachment_id"], None) is None:
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
    sandbox = computer_sandbox(call)
    return ok(_policy_json(call.store, sandbox, computer_state(call.store, sandbox)))


async def set_network_policy(call: Call) -> Response:
    """``PUT /computers/{computer_id}/network-policy`` ``{rules, default_effect}``: applied
    to exec at once (all or nothing: anything let out opens the network)."""
    sandbox = computer_sandbox(call)
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
    state = computer_state(call.store, sandbox)
    state.network = {"rules": rules, "default_effect": effect}
    state.network_updated_at = now()
    _apply_policy(sandbox, state)
    return ok(_policy_json(call.store, sandbox, state))


async def reset_network_policy(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/network-policy``: back to allow-all."""
    sandbox = computer_sandbox(call)
    state = computer_state(call.store, sandbox)
    state.network = {"rules": [], "default_effect": "allow"}
    state.network_updated_at = None
    _apply_policy(sandbox, state)
    return no_content()


async def list_domains(call: Call) -> Response:
    """``GET /computers/{computer_id}/domains``."""
    sandbox = computer_sandbox(call)
    return ok(list(computer_state(call.store, sandbox).domains.values()))


async def register_domain(call: Call) -> Response:
    """``POST /computers/{computer_id}/domains`` ``{fqdn}``: ``pending`` until verified."""
    sandbox = computer_sandbox(call)
    fqdn = (await call.require("fqdn", str)).strip().lower().rstrip(".")
    labels = fqdn.split(".")
    if len(labels) < 2 or not all(
        label and len(label) <= 63 and all(c.isalnum() or c == "-" for c in label)
        for label in labels
    ):
        raise bad_request("fqdn must be a domain name such as app.example.com", field="fqdn")
    state = computer_state(call.store, sandbox)
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
    state = computer_state(call.store, computer_sandbox(call))
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
    sandbox = computer_sandbox(call)
    seconds = computer_state(call.store, sandbox).auto_stop_seconds
    return ok({"computer_id": sandbox.id, "seconds": seconds, "enabled": seconds > 0})


async def update_auto_stop(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/auto-stop`` ``{seconds}`` (0 turns it off)."""
    sandbox = computer_sandbox(call)
    seconds = (
        await call.require("seconds", int, low=0, high=30 * 86400)
        if ((await call.json()).get("seconds") != 0)
        else 0
    )
    computer_state(call.store, sandbox).auto_stop_seconds = seconds
    return ok({"computer_id": sandbox.id, "seconds": seconds, "enabled": seconds > 0})


def _inbox_json(store: Store, sandbox: Sandbox) -> JSON:
    address = f"{sandbox.slug}@inbox.{sandboxes.preview_domain(store)}"
    return {"computer_id": sandbox.id, "address": address, **computer_state(store, sandbox).inbox}


async def get_inbox(call: Call) -> Response:
    """``GET /computers/{computer_id}/inbox``: the kept configuration (no mail arrives)."""
    sandbox = computer_sandbox(call)
    return ok(_inbox_json(call.store, sandbox))


async def update_inbox(call: Call) -> Response:
    """``PATCH /computers/{computer_id}/inbox``: the body's fields are merged in."""
    sandbox = computer_sandbox(call)
    body = await call.json()
    fields = {k: v for k, v in body.items() if k not in ("computer_id", "address")}
    optional(fields, "enabled", bool)
    computer_state(call.store, sandbox).inbox.update(fields)
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
    sandbox = computer_sandbox(call)
    return ok(_osa_json(sandbox, computer_state(call.store, sandbox)))


async def osa_configure(call: Call) -> Response:
    """``POST /computers/{computer_id}/osa/configure``: the configuration is kept."""
    sandbox = computer_sandbox(call)
    state = computer_state(call.store, sandbox)
    state.osa.update(await call.json())
    return ok(_osa_json(sandbox, state))


async def osa_submit(call: Call) -> Response:
    """``POST /computers/{computer_id}/osa/task``: needs production's in-VM agent."""
    computer_sandbox(call)
    await call.require("task", str)
    raise ApiError(
        409,
        "UNSUPPORTED_OPERATION",
        "the local server runs no OSA agent inside computers; use client.runs or exec",
        {"reason": "no_in_vm_agent"},
    )


async def osa_cancel(call: Call) -> Response:
    """``DELETE /computers/{computer_id}/osa/task``: there is never a task to cancel."""
    sandbox = computer_sandbox(call)
    return ok({"computer_id": sandbox.id, "cancelled": False, "status": "idle"})
