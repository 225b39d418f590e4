"""Sandbox lifecycle: create, read, update, destroy, pause/resume/stop, fork and friends."""

from __future__ import annotations

import re
import shutil
import signal
from pathlib import Path
from typing import Any

import anyio
from starlette.responses import Response

from . import billing, processes, templates
from .common import JSON, iso, now, split_csv
from .events import Event
from .fields import optional
from .http import (
    ApiError,
    bad_request,
    created,
    int_param,
    no_content,
    not_found,
    ok,
    page_response,
)
from .routing import Call, Endpoint, visible
from .runner import check_env
from .sse import SSEResponse, follow, last_event_id
from .state import DEFAULT_TEMPLATE, SIZES, Sandbox, Store, custom_size, geometry

DEFAULT_SIZE = "small"
DEFAULT_TIMEOUT_SEC = 3600
DEFAULT_PORT = 3000
# Create-body keys stored verbatim and echoed on the sandbox object.
PASSTHROUGH = (
    "services",
    "readiness_probe",
    "database",
    "skip_agent_runtime_profile",
    "allow_provision",
    "github_repo_url",
    "github_branch",
    "github_clone_path",
    "region",
    "entrypoint",
    "agent_runtime_profile_id",
    "workspace_id",
    "workspace_slug",
    "workspace_name",
    "project_id",
    "project_slug",
    "project_name",
    "external_workspace_id",
    "external_user_id",
    "external_project_id",
)
_OBJECT_PASSTHROUGH = ("services", "readiness_probe", "database")
_BOOL_PASSTHROUGH = ("skip_agent_runtime_profile", "allow_provision")
# The other passthrough keys are names, ids or URLs: strings when given.
_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """DNS-label-ish slug."""
    return _SLUG_RE.sub("-", text.lower()).strip("-")[:48] or "sandbox"


def preview_domain(store: Store) -> str:
    """The tenant's preview domain, ``localhost`` until one is set."""
    domain = store.preview_domain.get("domain")
    return domain if isinstance(domain, str) and domain else store.settings.preview_domain


def preview_url(store: Store, sandbox: Sandbox, port: int = DEFAULT_PORT) -> str:
    """``https://<port>-<slug>.sandbox.<preview_domain>``."""
    return f"https://{port}-{sandbox.slug}.sandbox.{preview_domain(store)}"


def url_info(store: Store, sandbox: Sandbox, port: int = DEFAULT_PORT) -> JSON:
    """The ``url_info`` block shared by the sandbox object and ``expose``."""
    url_class = "always_on_preview" if sandbox.always_on else "temporary_preview"
    return {
        "url": preview_url(store, sandbox, port),
        "class": url_class,
        "url_class": url_class,
        "stable_for_embedding": False,
        "recommended_next_action": "publish_when_ready"
        if sandbox.always_on
        else "create_alias_or_publish",
        "alias_slug": None,
        "port": port,
    }


def is_computer(sandbox: Sandbox) -> bool:
    """Whether this sandbox is a computer (served under ``/computers``, listed there only)."""
    return sandbox.extra.get("kind") == "computer"


def sandbox_json(store: Store, sandbox: Sandbox) -> JSON:
    """The §4 sandbox object."""
    vcpus, memory, disk = sandbox.geometry
    custom = sandbox.size not in SIZES
    info = url_info(store, sandbox)
    remaining = None
    if sandbox.deadline is not None and sandbox.state == "running" and not sandbox.always_on:
        remaining = max(0, int((sandbox.deadline - now()) * 1000))
    out: JSON = {
        "id": sandbox.id,
        "object": "sandbox",
        "state": sandbox.state,
        "status": sandbox.state,
        "name": sandbox.name,
        "slug": sandbox.slug,
        "ready": sandbox.state == "running",
        "template_id": sandbox.template_id,
        "image_id": f"img_{slugify(sandbox.template_id)}",
        "size": None if custom else sandbox.size,
        "resource_contract": {
            "id": f"sandbox/{sandbox.size}@v1",
            "version": 1,
            "product": "sandbox",
            "size": None if custom else sandbox.size,
            "vcpus": vcpus,
            "memory_mb": memory,
            "disk_size_mb": disk,
        },
        "cpu_count": vcpus,
        "memory_mb": memory,
        "disk_mb": disk,
        "disk_size_mb": disk,
        "timeout_sec": sandbox.timeout_sec,
        "timeout_remaining_ms": remaining,
        "idle_timeout_sec": sandbox.idle_timeout_sec,
        "always_on": sandbox.always_on,
        "persistent": sandbox.persistent,
        "boot_path": "local",
        "boot_ms": 0,
        "ready_at": iso(sandbox.ready_at),
        "preview_url": info["url"],
        "preview_domain": preview_domain(store),
        "url_info": info,
        "url_class": info["url_class"],
        "stable_for_embedding": info["stable_for_embedding"],
        "recommended_next_action": info["recommended_next_action"],
        "metadata": sandbox.metadata,
        "tags": list(sandbox.tags),
        "tenant_id": store.settings.tenant_id,
        "owner_id": store.settings.owner_id,
        "isolation": store.settings.isolation,
        "inserted_at": iso(sandbox.created_at),
        "created_at": iso(sandbox.created_at),
        "started_at": iso(sandbox.started_at),
        "destroyed_at": iso(sandbox.destroyed_at),
        "total_runtime_sec": round(sandbox.runtime_sec(), 3),
        "network": {k: v for k, v in sandbox.network.items() if k != "enabled"}
        | {"internet_access": sandbox.network_enabled},
    }
    for key in PASSTHROUGH:
        out[key] = sandbox.extra.get(key)
    return out


def _int_field(body: JSON, key: str, low: int = 0) -> int | None:
    return optional(body, key, int, low=low, high=_HIGHEST.get(key))


# Upper bounds past which a number is a mistake (and would overflow a limit or a clock).
_HIGHEST = {
    "cpu_count": 1024,
    "memory_mb": 1 << 24,
    "disk_mb": 1 << 30,
    "disk_size_mb": 1 << 30,
    "timeout_sec": 100 * 365 * 86400,
    "idle_timeout_sec": 100 * 365 * 86400,
}


def _str_field(body: JSON, key: str) -> str | None:
    return optional(body, key, str)


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise bad_request("tags must be an array of strings", field="tags")
    return list(dict.fromkeys(value))


def _metadata(value: Any) -> JSON:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad_request("metadata must be an object", field="metadata")
    return dict(value)


_EFFECTS = ("allow", "deny")
_MODES = ("enforce", "audit_only")


def network_policy(value: Any) -> JSON:
    """The create body's ``network``, in the egress policy's own words, normalised.

    ``{"default_effect": "allow" | "deny", "mode": "enforce" | "audit_only",
    "rules": [{"host": ..., "effect": "allow" | "deny"}, ...]}``; absent, it is deny-all.
    The local server enforces all or nothing: commands get the network when anything is
    let out (a default of ``allow``, observe-only ``audit_only`` mode, or any ``allow``
    rule), and none at all otherwise.
    """
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise bad_request("network must be an object", field="network")
    effect = value.get("default_effect", "deny")
    if effect not in _EFFECTS:
        raise bad_request("network.default_effect must be 'allow' or 'deny'", field="network")
    mode = value.get("mode", "enforce")
    if mode not in _MODES:
        raise bad_request("network.mode must be 'enforce' or 'audit_only'", field="network")
    rules_raw = value.get("rules", [])
    if not isinstance(rules_raw, list):
        raise bad_request("network.rules must be an array", field="network")
    rules: list[JSON] = []
    for rule in rules_raw:
        if not isinstance(rule, dict):
            raise bad_request("each network rule must be an object", field="network")
        host = rule.get("host", rule.get("destination"))
        rule_effect = rule.get("effect", "allow")
        if not isinstance(host, str) or not host or rule_effect not in _EFFECTS:
            raise bad_request(
                "each network rule needs a host and an effect of 'allow' or 'deny'",
                field="network",
            )
        rules.append({"host": host, "effect": rule_effect})
    enabled = (
        effect == "allow" or mode == "audit_only" or any(r["effect"] == "allow" for r in rules)
    )
    return {
        "default_effect": effect,
        "mode": mode,
        "rules": rules,
        "enabled": enabled,
        "enforcement": "all_or_nothing",
    }


def resolve_size(body: JSON) -> str:
    """The size a create asks for; raw resources are placed as production places them.

    ``size`` alone, or with a disk floor; a ``cpu_count``/``memory_mb`` pair equal to a
    published size; any other pair only with a disk too. A shape off the published ones
    (a disk above the size's own counts) is ``custom-<cpu>x<mem>x<disk>``. Nothing given:
    the default size.
    """
    size = _str_field(body, "size")
    if size is not None and size not in SIZES:
        raise bad_request(f"size must be one of {', '.join(SIZES)}", field="size")
    cpu, memory = _int_field(body, "cpu_count"), _int_field(body, "memory_mb")
    disk = _int_field(body, "disk_mb")
    disk = disk if disk is not None else _int_field(body, "disk_size_mb")
    contracts = {
        k: {"cpu_count": v[0], "memory_mb": v[1], "disk_mb": v[2]} for k, v in SIZES.items()
    }
    if cpu is None and memory is None:
        named = size or DEFAULT_SIZE
        floor = SIZES[named]
        if disk is None or disk <= floor[2]:
            return named
        return custom_size(floor[0], floor[1], disk)
    tier = next((k for k, v in SIZES.items() if (v[0], v[1]) == (cpu, memory)), None)
    if size is not None and size != tier:
        raise bad_request(
            f"cpu_count/memory_mb do not match size {size}",
            code="INVALID_RESOURCES",
            contracts=contracts,
        )
    if tier is not None:
        tier_cpu, tier_memory, floor_disk = SIZES[tier]
        if disk is None or disk <= floor_disk:
            return tier
        return custom_size(tier_cpu, tier_memory, disk)
    if cpu is None or memory is None or disk is None:
        raise bad_request(
            "cpu_count and memory_mb off the published sizes need disk_size_mb too "
            "(a custom shape)",
            code="INVALID_RESOURCES",
            contracts=contracts,
        )
    if min(cpu, memory, disk) <= 0:
        raise bad_request("resources must be positive", code="INVALID_RESOURCES")
    return custom_size(cpu, memory, disk)


def _check_name(store: Store, name: str, exclude: str | None = None) -> None:
    for other in store.sandboxes.values():
        if other.alive and other.name == name and other.id != exclude:
            raise ApiError(
                409,
                "SANDBOX_NAME_TAKEN",
                f"a sandbox named {name!r} exists",
                {"sandbox_id": other.id},
            )


def _make_workspace(workspace: Path, source: Path | None) -> None:
    if source is None:
        workspace.mkdir(parents=True)
    else:
        workspace.parent.mkdir(parents=True)
        shutil.copytree(source, workspace, symlinks=True)


async def new_sandbox(
    call: Call, body: JSON, source: Path | None = None, *, prefix: str = "sbx"
) -> Sandbox:
    """Validate a create/fork body, make the directory (copying ``source``), emit events.

    ``prefix`` starts the id (``cmp`` for a computer).
    """
    store = call.store
    extra: JSON = {}
    for key in PASSTHROUGH:
        if key not in body:
            continue
        if key in _OBJECT_PASSTHROUGH:
            extra[key] = body[key]
        elif key in _BOOL_PASSTHROUGH:
            extra[key] = optional(body, key, bool)
        else:
            extra[key] = optional(body, key, str)
    principal = call.principal
    if principal.external_user_id is not None:
        extra["external_user_id"] = principal.external_user_id
    template_id = _str_field(body, "template_id") or _str_field(body, "image") or DEFAULT_TEMPLATE
    size = resolve_size(body)
    env_raw = optional(body, "env", dict, {})
    env = {k: (v, False) for k, v in check_env(env_raw).items()}
    billing.enforce_quota(store, extra.get("external_user_id"), new_sandbox=True, new_running=True)
    ident = store.new_sandbox_id(prefix)
    name = _str_field(body, "name") or f"sandbox-{ident[4:12]}"
    _check_name(store, name)
    timeout_sec = _int_field(body, "timeout_sec", 1) or DEFAULT_TIMEOUT_SEC
    created_at = now()
    sandbox = Sandbox(
        id=ident,
        name=name,
        slug=slugify(_str_field(body, "slug") or name),
        dir=store.settings.sandboxes_dir / ident,
        template_id=template_id,
        size=size,
        created_at=created_at,
        timeout_sec=timeout_sec,
        idle_timeout_sec=_int_field(body, "idle_timeout_sec", 0),
        always_on=optional(body, "always_on", bool, False),
        persistent=optional(body, "persistent", bool, False),
        metadata=_metadata(body.get("metadata")),
        tags=_tags(body.get("tags")),
        env=env,
        extra=extra,
        state="provisioning",
        network=network_policy(body.get("network")),
    )
    if source is None:
        source, template_env = templates.template_source(store, template_id)
        sandbox.env = {**{k: (v, False) for k, v in template_env.items()}, **env}
    # Registered before the first await, so concurrent creates see its name and quota share.
    store.sandboxes[ident] = sandbox
    try:
        await anyio.to_thread.run_sync(_make_workspace, sandbox.workspace, source)
    except OSError as exc:
        del store.sandboxes[ident]
        raise ApiError(
            500, "SANDBOX_ERROR", f"could not create the sandbox directory: {exc}"
        ) from exc
    call.resource_id = ident
    store.emit("sandbox.created", sandbox_json(store, sandbox), sandbox)
    t = now()
    sandbox.state = "running"
    sandbox.started_at = sandbox.ready_at = t
    sandbox.deadline = t + timeout_sec
    sandbox.set_running(True)
    sandbox.log(f"sandbox {ident} created from template {template_id} ({size})")
    store.emit("sandbox.ready", sandbox_json(store, sandbox) | {"ready_at": iso(t)}, sandbox)
    return sandbox


async def destroy(store: Store, sandbox: Sandbox, reason: str = "deleted") -> None:
    """Stop everything in the sandbox, mark it destroyed and end its streams."""
    if not sandbox.alive:
        return
    await processes.stop_all(sandbox)
    sandbox.set_running(False)
    sandbox.state = "destroyed"
    sandbox.destroyed_at = now()
    sandbox.log(f"sandbox destroyed ({reason})")
    store.emit("sandbox.destroyed", sandbox_json(store, sandbox) | {"reason": reason}, sandbox)
    sandbox.events.close()
    sandbox.logs.close()
    sandbox.watch.close()
    if store.cgroups is not None:
        store.cgroups.release(sandbox.id)
    directory = sandbox.dir
    await anyio.to_thread.run_sync(lambda: shutil.rmtree(directory, ignore_errors=True))


def fail(store: Store, sandbox: Sandbox, operation: str, error: BaseException) -> ApiError:
    """Report an internal failure as a ``sandbox.error`` event and a 500."""
    store.emit(
        "sandbox.error",
        {
            "sandbox_id": sandbox.id,
            "operation": operation,
            "error": str(error),
            "state": sandbox.state,
        },
        sandbox,
    )
    return ApiError(
        500, "SANDBOX_ERROR", f"{operation} failed: {error}", {"sandbox_id": sandbox.id}
    )


# -- handlers ---------------------------------------------------------------------------


async def create_sandbox(call: Call) -> Response:
    """``POST /sandboxes``."""
    sandbox = await new_sandbox(call, await call.json())
    return created(sandbox_json(call.store, sandbox))


async def list_sandboxes(call: Call) -> Response:
    """``GET /sandboxes`` with state / tags / external-id filters."""
    q = call.query
    states = split_csv(q.get("state") or q.get("status"))
    tags = split_csv(q.get("tags"))
    items = []
    for sandbox in call.store.sandboxes.values():
        if not visible(sandbox, call.principal) or is_computer(sandbox):
            continue
        if states and sandbox.state not in states:
            continue
        if not states and not sandbox.alive:
            continue
        if tags and not set(tags) <= set(sandbox.tags):
            continue
        if any(
            q.get(k) and sandbox.extra.get(k) != q.get(k)
            for k in PASSTHROUGH
            if k.startswith("external_")
        ):
            continue
        if q.get("template_id") and sandbox.template_id != q["template_id"]:
            continue
        items.append(sandbox_json(call.store, sandbox))
    return page_response(items, q)


async def get_sandbox(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}``."""
    return ok(sandbox_json(call.store, call.sandbox()))


async def get_by_name(call: Call) -> Response:
    """``GET /sandboxes/by-name/{name}``."""
    name = call.params["name"]
    for sandbox in call.store.sandboxes.values():
        if sandbox.alive and sandbox.name == name and visible(sandbox, call.principal):
            return ok(sandbox_json(call.store, sandbox))
    raise not_found("sandbox", name)


async def delete_sandbox(call: Call) -> Response:
    """``DELETE /sandboxes/{sandbox_id}``."""
    await destroy(call.store, call.sandbox())
    return no_content()


async def update_sandbox(call: Call) -> Response:
    """``PATCH /sandboxes/{sandbox_id}``; metadata is merged (``null`` removes a key)."""
    sandbox = call.sandbox()
    body = await call.json()
    name = _str_field(body, "name")
    if name is not None:
        _check_name(call.store, name, exclude=sandbox.id)
        sandbox.name = name
    slug = _str_field(body, "slug")
    if slug is not None:
        sandbox.slug = slugify(slug)
    if "tags" in body:
        sandbox.tags = _tags(body["tags"])
    if body.get("metadata") is not None:
        for key, value in _metadata(body["metadata"]).items():
            if value is None:
                sandbox.metadata.pop(key, None)
            else:
                sandbox.metadata[key] = value
    for flag in ("always_on", "persistent"):
        value = optional(body, flag, bool)
        if value is not None:
            setattr(sandbox, flag, value)
    timeout = _int_field(body, "timeout_sec", 1)
    if timeout is not None:
        sandbox.timeout_sec = timeout
        sandbox.deadline = now() + timeout
    if "idle_timeout_sec" in body:
        sandbox.idle_timeout_sec = _int_field(body, "idle_timeout_sec", 0)
    data = sandbox_json(call.store, sandbox)
    call.store.emit("sandbox.updated", data, sandbox)
    return ok(data)


async def set_tags(call: Call) -> Response:
    """``PATCH /sandboxes/{sandbox_id}/tags``: replaces the list."""
    sandbox = call.sandbox()
    sandbox.tags = _tags((await call.json()).get("tags"))
    data = sandbox_json(call.store, sandbox)
    call.store.emit("sandbox.updated", data, sandbox)
    return ok(data)


async def extend(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/extend``: push the deadline out by ``timeout_sec``."""
    sandbox = call.sandbox()
    extra = _int_field(await call.json(), "timeout_sec", 1) or sandbox.timeout_sec
    sandbox.deadline = max(sandbox.deadline or now(), now()) + extra
    data = sandbox_json(call.store, sandbox)
    call.store.emit("sandbox.extended", data | {"extended_by_sec": extra}, sandbox)
    return ok(data)


def pause_sandbox(store: Store, sandbox: Sandbox) -> None:
    """Running -> paused (processes SIGSTOPped); paused stays; 409 from any other state."""
    if sandbox.state == "running":
        processes.signal_all(sandbox, signal.SIGSTOP)
        sandbox.state = "paused"
        sandbox.set_running(False)
        sandbox.log("sandbox paused")
        store.emit("sandbox.paused", sandbox_json(store, sandbox), sandbox)
    elif sandbox.state != "paused":
        raise ApiError(
            409,
            "INVALID_STATE",
            f"cannot pause a {sandbox.state} sandbox",
            {"state": sandbox.state},
        )


def resume_sandbox(store: Store, sandbox: Sandbox) -> None:
    """Paused or stopped -> running; running stays; 409 from any other state."""
    if sandbox.state in ("paused", "stopped"):
        billing.enforce_quota(
            store, sandbox.extra.get("external_user_id"), new_sandbox=False, new_running=True
        )
        processes.signal_all(sandbox, signal.SIGCONT)
        sandbox.state = "running"
        sandbox.set_running(True)
        sandbox.ready_at = now()
        sandbox.deadline = now() + sandbox.timeout_sec
        sandbox.log("sandbox resumed")
        store.emit("sandbox.resumed", sandbox_json(store, sandbox), sandbox)
        store.emit("sandbox.ready", sandbox_json(store, sandbox), sandbox)
    elif sandbox.state != "running":
        raise ApiError(
            409,
            "INVALID_STATE",
            f"cannot resume a {sandbox.state} sandbox",
            {"state": sandbox.state},
        )


async def pause(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/pause``: processes are SIGSTOPped."""
    sandbox = call.sandbox()
    pause_sandbox(call.store, sandbox)
    return ok(sandbox_json(call.store, sandbox))


async def resume(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/resume``: paused or stopped -> running."""
    sandbox = call.sandbox()
    resume_sandbox(call.store, sandbox)
    return ok(sandbox_json(call.store, sandbox))


async def stop(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/stop``: processes end, the files stay (state ``stopped``)."""
    sandbox = call.sandbox()
    if sandbox.state in ("running", "paused"):
        processes.signal_all(sandbox, signal.SIGCONT)
        await processes.stop_all(sandbox)
        sandbox.state = "stopped"
        sandbox.set_running(False)
        sandbox.log("sandbox stopped")
        call.store.emit("sandbox.stopped", sandbox_json(call.store, sandbox), sandbox)
    return ok(sandbox_json(call.store, sandbox))


def _resources_json(sandbox: Sandbox) -> JSON:
    cpu, memory, _ = sandbox.geometry
    booted = geometry(sandbox.size)[0]
    running = sandbox.state == "running"
    return {
        "resources": {"cpu": cpu, "memory_mb": memory},
        "capabilities": {
            "live_cpu": running,
            "live_cpu_max": booted,
            "live_memory": False,
            "live_memory_reason": "memory changes need a restart",
        },
    }


async def get_resources(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/resources``: vCPUs, memory, what can change live."""
    sandbox = call.sandbox()
    return ok({"id": sandbox.id} | _resources_json(sandbox))


async def resize(call: Call) -> Response:
    """``PATCH /sandboxes/{sandbox_id}/resources``: vCPUs change live up to the booted count
    on a running sandbox; more vCPUs, or any memory change, answer ``requires_restart``."""
    sandbox = call.running_sandbox()
    body = await call.json()
    cpu_count, memory_mb = _int_field(body, "cpu_count", 1), _int_field(body, "memory_mb", 1)
    if cpu_count is None and memory_mb is None:
        raise bad_request("give cpu_count and/or memory_mb", field="cpu_count")
    cpu, memory, _ = sandbox.geometry
    changes: JSON = {}
    requires_restart = False
    if cpu_count is not None and cpu_count != cpu:
        if cpu_count <= geometry(sandbox.size)[0]:
            changes["cpu"] = {"from": cpu, "to": cpu_count}
            sandbox.live_cpu = cpu_count
        else:
            requires_restart = True
    if memory_mb is not None and memory_mb != memory:
        requires_restart = True
    return ok(
        {
            "applied_live": bool(changes),
            "requires_restart": requires_restart,
            "changes": changes,
            "billing": {"vcpus": sandbox.geometry[0]},
        }
        | _resources_json(sandbox)
    )


async def usage(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/usage``: runtime, exec time, estimated cost."""
    sandbox = call.sandbox(allow_destroyed=True)
    vcpus, memory, _ = sandbox.geometry
    runtime = sandbox.runtime_sec()
    remaining = None
    if sandbox.deadline is not None and sandbox.state == "running":
        remaining = max(0, int((sandbox.deadline - now()) * 1000))
    return ok(
        {
            "sandbox_id": sandbox.id,
            "state": sandbox.state,
            "runtime_sec": round(runtime, 3),
            "provisioned_vcpu_ms": int(runtime * 1000 * vcpus),
            "provisioned_memory_mb_ms": int(runtime * 1000 * memory),
            "creation_count": 1,
            "active_cpu_ms": sandbox.exec_ms_total,
            "exec_ms": sandbox.exec_ms_total,
            "exec_count": sandbox.exec_count,
            "network_ingress_bytes": 0,
            "network_egress_bytes": 0,
            "measurement_status": {
                "active_cpu": "estimated_from_exec_wall_time",
                "network": "not_measured",
                "provisioned_resources": "measured",
            },
            "estimated_cost_cents": billing.credit_cents(sandbox),
            "timeout_sec": sandbox.timeout_sec,
            "timeout_remaining_ms": remaining,
        }
    )


async def fork(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/fork``: a new sandbox with a copy of the files."""
    parent = call.sandbox()
    body = await call.json()
    source = parent.workspace
    snapshot_id = _str_field(body, "snapshot_id")
    if snapshot_id:
        snap = call.store.snapshots.get(snapshot_id)
        if snap is None:
            raise not_found("snapshot", snapshot_id)
        source = snap.dir
    merged: JSON = {
        "template_id": parent.template_id,
        "size": parent.size,
        "timeout_sec": parent.timeout_sec,
        "idle_timeout_sec": parent.idle_timeout_sec,
        "always_on": parent.always_on,
        "persistent": parent.persistent,
        "tags": list(parent.tags),
        **{k: parent.extra[k] for k in PASSTHROUGH if k in parent.extra},
        "metadata": {**parent.metadata, "forked_from": parent.id},
        "network": {k: v for k, v in parent.network.items() if k != "enabled"},
    }
    merged.update({k: v for k, v in body.items() if v is not None and k != "snapshot_id"})
    child = await new_sandbox(call, merged, source=source)
    child.env = {**parent.env, **child.env}  # the parent's env (encrypted flags too), body wins
    child.extra["forked_from"] = parent.id
    call.store.emit(
        "sandbox.forked",
        {"sandbox_id": child.id, "parent_id": parent.id, "snapshot_id": snapshot_id},
        parent,
    )
    return created(
        sandbox_json(call.store, child) | {"forked_from": parent.id, "snapshot_id": snapshot_id}
    )


async def readiness(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/readiness``."""
    sandbox = call.sandbox()
    ready = sandbox.state == "running"
    return ok(
        {
            "ready": ready,
            "status": "ready" if ready else sandbox.state,
            "state": sandbox.state,
            "ready_at": iso(sandbox.ready_at) if ready else None,
        }
    )


async def readiness_stream(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/readiness/stream``: ``ready``, or ``timeout`` after it."""
    sandbox = call.sandbox()
    try:
        wait = min(float(call.query.get("timeout", "30")), 600.0)
    except ValueError:
        raise bad_request("timeout must be a number of seconds", field="timeout") from None

    async def produce(out: Any) -> None:
        async with out:
            with anyio.move_on_after(wait):
                while sandbox.state != "running" and sandbox.alive:
                    await sandbox.events.wait_after(sandbox.events.last_id)
            if sandbox.state == "running":
                await out.send(
                    Event(1, "ready", {"type": "ready", "ready_at": iso(sandbox.ready_at)})
                )
            else:
                await out.send(
                    Event(
                        1,
                        "timeout",
                        {"type": "timeout", "reason": "not_ready", "state": sandbox.state},
                    )
                )

    return SSEResponse(produce, call.store)


async def metrics(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/metrics``: sizes plus measured disk use and processes."""
    sandbox = call.sandbox()
    vcpus, memory, disk = sandbox.geometry
    used = await anyio.to_thread.run_sync(_disk_usage, sandbox)
    running = sum(1 for p in sandbox.processes.values() if p.status == "running")
    return ok(
        {
            "sandbox_id": sandbox.id,
            "resource_type": "sandbox",
            "window": call.query.get("window", "1h"),
            "current": {
                "cpu_count": vcpus,
                "memory_mb": memory,
                "disk_size_mb": disk,
                "disk_used_bytes": used,
                "process_count": running,
            },
            "series": [],
        }
    )


def _disk_usage(sandbox: Sandbox) -> int:
    total = 0
    for index, path in enumerate(sandbox.workspace.rglob("*")):
        if index > 100_000:
            break
        try:
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_size
        except OSError:
            continue
    return total


async def events_stream(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/events``: the sandbox's history, then live, until destroyed."""
    sandbox = call.sandbox(allow_destroyed=True)
    return SSEResponse(follow(sandbox.events, last_event_id(call.request) or 0), call.store)


async def logs(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/logs?lines=N``."""
    sandbox = call.sandbox(allow_destroyed=True)
    count = int_param(call.query, "lines", 200, 1, 5000)
    entries = [e.data for e in sandbox.logs.all()][-count:]
    return ok(
        {
            "lines": [e["line"] for e in entries],
            "entries": [{k: v for k, v in e.items() if k != "type"} for e in entries],
        }
    )


async def logs_stream(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/logs/stream``: ``{line, stream, timestamp}`` events."""
    sandbox = call.sandbox(allow_destroyed=True)
    return SSEResponse(follow(sandbox.logs, last_event_id(call.request) or 0), call.store)


async def reap_expired(store: Store) -> None:
    """Destroy running sandboxes whose timeout passed (always-on ones never expire)."""
    while True:
        await anyio.sleep(1.0)
        t = now()
        for sandbox in list(store.sandboxes.values()):
            if (
                sandbox.state == "running"
                and not sandbox.always_on
                and sandbox.deadline is not None
                and sandbox.deadline < t
            ):
                await destroy(store, sandbox, reason="timeout")


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("POST", "/sandboxes", create_sandbox, "sandbox.create"),
        Endpoint("GET", "/sandboxes", list_sandboxes),
        Endpoint("GET", "/sandboxes/by-name/{name}", get_by_name),
        Endpoint("GET", "/sandboxes/{sandbox_id}", get_sandbox),
        Endpoint("DELETE", "/sandboxes/{sandbox_id}", delete_sandbox, "sandbox.delete"),
        Endpoint("PATCH", "/sandboxes/{sandbox_id}", update_sandbox, "sandbox.update"),
        Endpoint("PATCH", "/sandboxes/{sandbox_id}/tags", set_tags, "sandbox.tags.update"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/extend", extend, "sandbox.extend"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/pause", pause, "sandbox.pause"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/resume", resume, "sandbox.resume"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/stop", stop, "sandbox.stop"),
        Endpoint("GET", "/sandboxes/{sandbox_id}/usage", usage),
        Endpoint("GET", "/sandboxes/{sandbox_id}/resources", get_resources),
        Endpoint("PATCH", "/sandboxes/{sandbox_id}/resources", resize, "sandbox.resize"),
        Endpoint("POST", "/sandboxes/{sandbox_id}/fork", fork, "sandbox.fork"),
        Endpoint("GET", "/sandboxes/{sandbox_id}/readiness", readiness),
        Endpoint("GET", "/sandboxes/{sandbox_id}/readiness/stream", readiness_stream),
        Endpoint("GET", "/sandboxes/{sandbox_id}/metrics", metrics),
        Endpoint("GET", "/sandboxes/{sandbox_id}/events", events_stream),
        Endpoint("GET", "/sandboxes/{sandbox_id}/logs", logs),
        Endpoint("GET", "/sandboxes/{sandbox_id}/logs/stream", logs_stream),
    ]
