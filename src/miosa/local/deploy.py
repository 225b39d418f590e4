"""Deploy records, template start (install + start command) and artifact listings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio
from starlette.responses import Response

from . import processes, runner
from .common import JSON, iso, new_id, now
from .fields import first, optional
from .http import ApiError, bad_request, ok
from .paths import resolve, virtual_of
from .routing import Call, Endpoint
from .sandboxes import DEFAULT_PORT, preview_domain, preview_url, slugify

ARTIFACT_DIRS = ("/workspace/dist", "/workspace/build", "/workspace/out", "/workspace/artifacts")
MAX_ARTIFACTS = 1000
INSTALL_TIMEOUT = 300.0


async def deploy(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/deploy``: record a deployment of ``output_path``."""
    sandbox = call.running_sandbox()
    body = await call.json()
    output = first(body, ("output_path", "path"), str)
    if output is not None:
        virtual, host = resolve(sandbox.workspace, output)
        if not await anyio.Path(host).exists():
            raise bad_request(
                f"{virtual} does not exist", code="OUTPUT_PATH_NOT_FOUND", path=virtual
            )
        output = virtual
    ident = optional(body, "deployment_id", str) or new_id("dep")
    name = slugify(optional(body, "name", str) or sandbox.name)
    domain = first(body, ("custom_domain", "domain"), str)
    url = f"https://{domain}" if domain else f"https://{name}.deploy.{preview_domain(call.store)}"
    product = optional(body, "deployment_type", str) or "miosa_deploy"
    deployment: JSON = {
        "id": ident,
        "deployment_id": ident,
        "sandbox_id": sandbox.id,
        "name": name,
        "state": "succeeded",
        "status": "succeeded",
        "deployment_type": product,
        "type": optional(body, "type", str, "static"),
        "mode": optional(body, "mode", str),
        "output_path": output,
        "source_snapshot_path": optional(body, "source_snapshot_path", str),
        "entrypoint": optional(body, "entrypoint", str),
        "build_command": optional(body, "build_command", str),
        "run_command": first(body, ("run_command", "start_command"), str),
        "port": optional(body, "port", int, low=1, high=65535),
        "health_check_path": optional(body, "health_check_path", str),
        "url": url,
        "public_url": url,
        "created_at": iso(now()),
    }
    sandbox.deployments.append(deployment)
    call.resource_id = ident
    call.store.emit("deployment.succeeded", deployment, sandbox)
    return ok(
        {
            "deployment_id": ident,
            "url": url,
            "public_url": url,
            "deployment": deployment,
            "deployment_product": product,
        }
    )


def _timeout(body: JSON, key: str, default: float, cap: float) -> float:
    value = optional(body, key, float, low=0.001)
    return default if value is None else min(value, cap)


async def start_template(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/template/start``: run the install command, start the app."""
    sandbox = call.running_sandbox()
    body = await call.json()
    store = call.store
    port = optional(body, "port", int, DEFAULT_PORT, low=1, high=65535)
    workdir = optional(body, "workdir", str)
    env = processes.sandbox_env(sandbox, {"PORT": str(port)})
    install_result: JSON | None = None
    install_command = optional(body, "install_command", str)
    if install_command and optional(body, "install", bool, True):
        spec = processes.sandbox_command(store, sandbox, install_command, workdir, env)
        limit = _timeout(
            body, "install_timeout_sec", INSTALL_TIMEOUT, store.settings.exec_max_timeout
        )
        out, err = (
            runner.Capture(store.settings.output_cap),
            runner.Capture(store.settings.output_cap),
        )
        outcome = await runner.run(spec, limit, out, err, store.exec_pids)
        install_result = {"exit_code": outcome.exit_code, "duration_ms": outcome.duration_ms}
        if outcome.exit_code != 0:
            raise ApiError(
                422,
                "INSTALL_FAILED",
                f"install command exited with {outcome.exit_code}",
                {
                    "exit_code": outcome.exit_code,
                    "stdout": out.text()[-4096:],
                    "stderr": err.text()[-4096:],
                },
            )
    process: JSON | None = None
    start_command = optional(body, "start_command", str)
    if start_command:
        spec = processes.sandbox_command(store, sandbox, start_command, workdir, env)
        proc = await processes.launch(store, sandbox, spec, start_command, "template-start", None)
        process = processes.proc_json(sandbox, proc)
    url = preview_url(store, sandbox, port)
    return ok(
        {
            "preview_url": url,
            "url": url,
            "port": port,
            "install": install_result,
            "process": process,
        }
    )


def _artifacts(workspace: Path, roots: list[Path]) -> list[JSON]:
    found: list[JSON] = []
    for root in roots:
        if not root.is_dir():
            continue
        for directory, _dirs, files in os.walk(root, followlinks=False):
            for name in sorted(files):
                host = Path(directory) / name
                st = host.lstat()
                found.append(
                    {
                        "path": virtual_of(workspace, host),
                        "name": name,
                        "size": st.st_size,
                        "modified_at": iso(st.st_mtime),
                    }
                )
                if len(found) >= MAX_ARTIFACTS:
                    return found
    return found


async def artifacts(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/artifacts``: files under dist/build/out/artifacts."""
    sandbox = call.sandbox()
    paths: Any = (
        call.store.templates.get(sandbox.template_id, {}).get("artifact_paths") or ARTIFACT_DIRS
    )
    roots = [resolve(sandbox.workspace, p)[1] for p in paths if isinstance(p, str)]
    found = await anyio.to_thread.run_sync(_artifacts, sandbox.workspace, roots)
    url = call.request.url
    for item in found:
        item["download_url"] = (
            f"{url.scheme}://{url.netloc}/api/v1/sandboxes/{sandbox.id}/exports/download?path={quote(item['path'])}"
        )
    return ok(
        {
            "artifacts": found,
            "preview": {"url": preview_url(call.store, sandbox), "port": DEFAULT_PORT},
            "deployments": sandbox.deployments,
        }
    )


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    base = "/sandboxes/{sandbox_id}"
    return [
        Endpoint("POST", base + "/deploy", deploy, "sandbox.deploy"),
        Endpoint("POST", base + "/template/start", start_template, "sandbox.template.start"),
        Endpoint("GET", base + "/artifacts", artifacts),
    ]
