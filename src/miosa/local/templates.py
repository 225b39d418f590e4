"""Sandbox templates (built-in and user-built from a build spec) and the product catalog.

A build really runs the spec's ``steps`` in a scratch sandbox directory; sandboxes created
from a template with a ready build start with a copy of that directory.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import anyio
from starlette.responses import Response

from . import runner
from .common import JSON, iso, new_id, now
from .confine import Limits
from .fields import optional, require
from .http import (
    ApiError,
    bad_request,
    created,
    json_response,
    not_found,
    ok,
    page_response,
    paginate,
)
from .routing import Call, Endpoint
from .state import DEFAULT_TEMPLATE, SIZES, Store

SPEC_TYPES: dict[str, tuple[type, ...]] = {
    "from": (str,),
    "vcpu": (int,),
    "memoryMib": (int,),
    "diskMib": (int,),
    "steps": (list,),
    "env": (dict,),
    "workdir": (str,),
    "user": (str,),
    "startCmd": (str,),
    "readyCmd": (str,),
    "previewPort": (int,),
    "artifactPaths": (list,),
}
BUILT_INS: list[JSON] = [
    {
        "id": DEFAULT_TEMPLATE,
        "name": "MIOSA sandbox",
        "preview_port": 3000,
        "aliases": ["default", "base"],
    },
    {"id": "python", "name": "Python", "preview_port": 8000, "aliases": ["python3"]},
    {"id": "node", "name": "Node.js", "preview_port": 3000, "aliases": ["nodejs"]},
]
BUILD_STEP_TIMEOUT = 600.0


def _built_in(spec: JSON, store: Store) -> JSON:
    return {
        "id": spec["id"],
        "name": spec["name"],
        "slug": spec["id"],
        "description": f"{spec['name']} (local server: the host's /usr, read-only)",
        "image_id": f"img_{spec['id']}",
        "built_in": True,
        "status": "ready",
        "state": "ready",
        "preview_port": spec["preview_port"],
        "workdir": "/workspace",
        "install_command": None,
        "start_command": None,
        "readiness_probe": None,
        "artifact_paths": [],
        "aliases": spec["aliases"],
        "build_spec": None,
        "metadata": {},
        "latest_build_id": None,
        "created_at": iso(store.started_at),
        "updated_at": iso(store.started_at),
    }


def all_templates(store: Store) -> list[JSON]:
    """Built-ins first, then the tenant's own templates."""
    return [_built_in(spec, store) for spec in BUILT_INS] + list(store.templates.values())


def find_template(store: Store, ident: str) -> JSON | None:
    """A template by id, slug or alias."""
    for template in all_templates(store):
        if ident in (template["id"], template["slug"], *template.get("aliases", [])):
            return template
    return None


def template_source(store: Store, ident: str) -> tuple[Path | None, dict[str, str]]:
    """The built directory and env a new sandbox of template ``ident`` starts from."""
    template = store.templates.get(ident) or next(
        (t for t in store.templates.values() if t["slug"] == ident), None
    )
    if template is None or template.get("status") != "ready":
        return None, {}
    build = store.builds.get(template.get("latest_build_id") or "")
    spec = template.get("build_spec") or {}
    env = {str(k): str(v) for k, v in (spec.get("env") or {}).items()}
    path = build.get("_dir") if build else None
    return (Path(path) if path else None), env


def validate_spec(spec: Any) -> list[JSON]:
    """Errors (``[{code, field, message}]``) in a camelCase build spec."""
    if not isinstance(spec, dict):
        return [
            {
                "code": "INVALID_TYPE",
                "field": "build_spec",
                "message": "build_spec must be an object",
            }
        ]
    errors: list[JSON] = []
    if not isinstance(spec.get("from"), str) or not spec.get("from"):
        errors.append({"code": "REQUIRED", "field": "from", "message": "from is required"})
    for key, value in spec.items():
        expected = SPEC_TYPES.get(key)
        if expected is None:
            errors.append(
                {
                    "code": "UNKNOWN_FIELD",
                    "field": key,
                    "message": f"unknown build spec field {key!r}",
                }
            )
        elif value is not None and (not isinstance(value, expected) or isinstance(value, bool)):
            errors.append(
                {
                    "code": "INVALID_TYPE",
                    "field": key,
                    "message": f"{key} must be {expected[0].__name__}",
                }
            )
    for index, step in enumerate(spec.get("steps") or []):
        if not isinstance(step, str) and not (
            isinstance(step, dict) and isinstance(step.get("run"), str)
        ):
            errors.append(
                {
                    "code": "INVALID_STEP",
                    "field": f"steps[{index}]",
                    "message": "a step is a string or {run: string}",
                }
            )
    port = spec.get("previewPort")
    if isinstance(port, int) and not 1 <= port <= 65535:
        errors.append(
            {
                "code": "OUT_OF_RANGE",
                "field": "previewPort",
                "message": "previewPort must be 1-65535",
            }
        )
    return errors


def _check_spec(spec: Any) -> JSON:
    errors = validate_spec(spec)
    if errors:
        raise ApiError(422, "INVALID_BUILD_SPEC", "build_spec is invalid", {"errors": errors})
    assert isinstance(spec, dict)
    return spec


def _build_json(build: JSON) -> JSON:
    return {k: v for k, v in build.items() if not k.startswith("_")}


async def _run_build(store: Store, template: JSON, build: JSON) -> None:
    spec: JSON = build["build_spec"] or {}
    workspace = store.settings.root / "templates" / build["id"] / "workspace"
    started = now()
    build.update(state="building", status="building", started_at=iso(started))
    logs: list[str] = build["logs"]
    failure: tuple[str, str] | None = None
    try:
        await anyio.Path(workspace).mkdir(parents=True, exist_ok=True)
        env = runner.check_env(spec.get("env") or {})
        for index, step in enumerate(spec.get("steps") or []):
            command = step if isinstance(step, str) else step["run"]
            logs.append(f"$ {command}")
            cmd = runner.build_command(
                store.settings,
                workspace,
                command,
                spec.get("workdir"),
                env,
                network=True,
                limits=Limits(
                    processes=store.settings.max_processes,
                    cpu_seconds=store.settings.cpu_seconds,
                ),
            )
            out, err = (
                runner.Capture(store.settings.output_cap),
                runner.Capture(store.settings.output_cap),
            )
            outcome = await runner.run(cmd, BUILD_STEP_TIMEOUT, out, err, store.exec_pids)
            logs.extend((out.text() + err.text()).splitlines()[-200:])
            if outcome.exit_code != 0:
                failure = (
                    "STEP_FAILED",
                    f"step {index} exited with {outcome.exit_code}: {command}",
                )
                break
    except (ApiError, OSError) as exc:
        failure = ("BUILD_ERROR", str(exc))
    finished = now()
    build.update(finished_at=iso(finished), duration_ms=int((finished - started) * 1000))
    if failure is not None:
        build.update(
            state="failed",
            status="failed",
            error_code=failure[0],
            error_message=failure[1],
            error=failure[1],
        )
        template.update(status="failed", state="failed", updated_at=iso(finished))
        store.emit("template.build.failed", _build_json(build))
        await anyio.to_thread.run_sync(lambda: shutil.rmtree(workspace.parent, ignore_errors=True))
        return
    build.update(
        state="ready", status="ready", image_id=f"img_{build['id']}", rootfs_path=str(workspace)
    )
    build["_dir"] = str(workspace)
    template.update(
        status="ready",
        state="ready",
        image_id=build["image_id"],
        latest_build_id=build["id"],
        updated_at=iso(finished),
    )
    store.emit("template.build.ready", _build_json(build))


def _start_build(call: Call, template: JSON, spec: JSON | None, metadata: Any) -> JSON:
    ident = new_id("bld")
    stamp = iso(now())
    build: JSON = {
        "id": ident,
        "sandbox_template_id": template["id"],
        "template_id": template["id"],
        "source_type": "build_spec",
        "state": "queued",
        "status": "queued",
        "image_id": None,
        "rootfs_path": None,
        "snapshot_manifest": None,
        "log_url": None,
        "logs": [],
        "error_code": None,
        "error_message": None,
        "error": None,
        "started_at": None,
        "finished_at": None,
        "duration_ms": None,
        "build_spec": spec,
        "metadata": metadata or {},
        "inserted_at": stamp,
        "created_at": stamp,
    }
    call.store.builds[ident] = build
    template.update(status="building", state="building")
    call.store.spawn(_run_build, call.store, template, build, name=f"build {ident}")
    return build


# -- handlers ---------------------------------------------------------------------------


async def list_templates(call: Call) -> Response:
    """``GET /sandbox-templates`` (``include_aliases=true`` adds alias rows)."""
    items = all_templates(call.store)
    if call.query.get("include_aliases", "").lower() in ("1", "true"):
        items = items + [
            t | {"id": a, "alias_of": t["id"]} for t in items for a in t.get("aliases", [])
        ]
    return json_response(paginate(items, call.query) | {"default_template_id": DEFAULT_TEMPLATE})


async def get_template(call: Call) -> Response:
    """``GET /sandbox-templates/{template_id}``."""
    template = find_template(call.store, call.params["template_id"])
    if template is None:
        raise not_found("template", call.params["template_id"])
    return ok(template)


def _mutable_template(call: Call) -> JSON:
    ident = call.params["template_id"]
    template = call.store.templates.get(ident)
    if template is None:
        if find_template(call.store, ident) is not None:
            raise ApiError(409, "BUILT_IN_TEMPLATE", f"{ident} is built in and cannot be rebuilt")
        raise not_found("template", ident)
    return template


async def create_template(call: Call) -> Response:
    """``POST /sandbox-templates``; a ``build_spec`` starts a build at once."""
    body = await call.json()
    name = require(body, "name", str)
    spec = _check_spec(body["build_spec"]) if body.get("build_spec") is not None else None
    metadata = optional(body, "metadata", dict, {})
    ident = new_id("tpl")
    slug = optional(body, "slug", str) or name.lower().replace(" ", "-")
    if find_template(call.store, slug) is not None:
        raise ApiError(409, "TEMPLATE_SLUG_TAKEN", f"template slug {slug!r} exists", {"slug": slug})
    stamp = iso(now())
    spec_or_empty: JSON = spec or {}
    template: JSON = {
        "id": ident,
        "name": name,
        "slug": slug,
        "description": optional(body, "description", str),
        "image_id": None,
        "built_in": False,
        "status": "draft",
        "state": "draft",
        "preview_port": spec_or_empty.get("previewPort"),
        "workdir": spec_or_empty.get("workdir", "/workspace"),
        "install_command": None,
        "start_command": spec_or_empty.get("startCmd"),
        "readiness_probe": {"command": spec_or_empty["readyCmd"]}
        if spec_or_empty.get("readyCmd")
        else None,
        "artifact_paths": spec_or_empty.get("artifactPaths", []),
        "aliases": [],
        "build_spec": spec,
        "metadata": metadata,
        "latest_build_id": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    call.store.templates[ident] = template
    call.resource_id = ident
    if spec is not None:
        _start_build(call, template, spec, metadata)
    return created(template)


async def build_spec_schema(call: Call) -> Response:
    """``GET /sandbox-templates/build-spec``: the JSON schema (bare, not wrapped)."""
    names = {str: "string", int: "integer", list: "array", dict: "object"}
    return json_response(
        {
            "version": "1",
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "MIOSA sandbox build spec",
            "type": "object",
            "required": ["from"],
            "additionalProperties": False,
            "properties": {key: {"type": names[types[0]]} for key, types in SPEC_TYPES.items()},
        }
    )


async def validate(call: Call) -> Response:
    """``POST /sandbox-templates/validate``."""
    spec = (await call.json()).get("build_spec")
    errors = validate_spec(spec)
    return ok({"valid": not errors, "build_spec": spec, "errors": errors})


async def list_builds(call: Call) -> Response:
    """``GET /sandbox-templates/{template_id}/builds``."""
    template = find_template(call.store, call.params["template_id"])
    if template is None:
        raise not_found("template", call.params["template_id"])
    items = [
        _build_json(b)
        for b in call.store.builds.values()
        if b["sandbox_template_id"] == template["id"]
    ]
    return page_response(items, call.query)


async def create_build(call: Call) -> Response:
    """``POST /sandbox-templates/{template_id}/builds`` (the template's spec unless given one)."""
    template = _mutable_template(call)
    body = await call.json()
    spec = (
        _check_spec(body["build_spec"])
        if body.get("build_spec") is not None
        else template.get("build_spec")
    )
    if spec is None:
        raise bad_request("the template has no build_spec; pass one", field="build_spec")
    template["build_spec"] = spec
    build = _start_build(call, template, spec, optional(body, "metadata", dict))
    call.resource_id = build["id"]
    return created(_build_json(build))


async def get_build(call: Call) -> Response:
    """``GET /sandbox-template-builds/{build_id}``."""
    build = call.store.builds.get(call.params["build_id"])
    if build is None:
        raise not_found("build", call.params["build_id"])
    return ok(_build_json(build))


async def catalog(call: Call) -> Response:
    """``GET /templates``: the product catalog."""
    sizes = [
        {
            "size": name,
            "vcpus": v,
            "memory_mb": m,
            "disk_size_mb": d,
            "contract_id": f"sandbox/{name}@v1",
        }
        for name, (v, m, d) in SIZES.items()
    ]
    templates = [
        {
            "id": t["id"],
            "name": t["name"],
            "product": "sandbox",
            "default_size": "small",
            "image_id": t["image_id"],
            "aliases": t.get("aliases", []),
            "sizes": [{"size": s["size"], "state": "available"} for s in sizes],
            "readiness": "ready" if t["status"] == "ready" else t["status"],
            "readiness_contract": {"probe": "exec", "timeout_sec": 30},
        }
        for t in all_templates(call.store)
    ]
    return ok(
        {
            "templates": templates,
            "products": [{"id": "sandbox", "name": "Sandbox"}],
            "sizes": sizes,
            "shape_contracts": {s["contract_id"]: s for s in sizes},
            "readiness_states": ["provisioning", "ready", "not_ready", "error"],
            "rules": {
                "raw_resources_must_match_size": True,
                "default_template_id": DEFAULT_TEMPLATE,
            },
        }
    )


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", "/sandbox-templates", list_templates),
        Endpoint("POST", "/sandbox-templates", create_template, "template.create"),
        Endpoint("GET", "/sandbox-templates/build-spec", build_spec_schema),
        Endpoint("POST", "/sandbox-templates/validate", validate),
        Endpoint("GET", "/sandbox-templates/{template_id}", get_template),
        Endpoint("GET", "/sandbox-templates/{template_id}/builds", list_builds),
        Endpoint(
            "POST", "/sandbox-templates/{template_id}/builds", create_build, "template.build.create"
        ),
        Endpoint("GET", "/sandbox-template-builds/{build_id}", get_build),
        Endpoint("GET", "/templates", catalog),
    ]
