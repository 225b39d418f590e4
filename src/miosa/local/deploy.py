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
    output = body.get("output_path") or body.get("path")
    if output is not None:
        if not isinstance(output, str):
            raise bad_request("output_path must be a string", field="output_path")
        virtual, host = resolve(sandbox.workspace, output)
        if not await anyio.Path(host).exists():
            raise bad_request(
                f"{virtual} does not exist", code="OUTPUT_PATH_NOT_FOUND", path=virtual
            )
        output = virtual
    ident = body.get("deployment_id") or new_id("dep")
    name = slugify(str(body.get("name") or sandbox.name))
    domain = body.get("custom_domain") or body.get("domain")
    url = (
        f"https://{domain}"
        if isinstance(domain, str) and domain
        else f"https://{name}.deploy.{preview_domain(call.store)}"
    )
    product = body.get("deployment_type") or "miosa_deploy"
    deployment: JSON = {
        "id": ident,
        "deployment_id": ident,
        "sandbox_id": sandbox.id,
        "name": name,
        "state": "succeeded",
        "status": "succeeded",
        "deployment_type": product,
        "type": body.get("type", "static"),
        "mode": body.get("mode"),
        "output_path": output,
        "source_snapshot_path": body.get("source_snapshot_path"),
        "entrypoint": body.get("entrypoint"),
        "build_command": body.get("build_command"),
        "run_command": body.get("run_command") or body.get("start_command"),
        "port": body.get("port"),
        "health_check_path": body.get("health_check_path"),
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
    value = body.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise bad_request(f"{key} must be a positive number", field=key)
    return min(float(value), cap)


async def start_template(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/template/start``: run the install command, start the app."""
    sandbox = call.running_sandbox()
    body = await call.json()
    store = call.store
    port = body.get("port", DEFAULT_PORT)
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise bad_request("port must be an integer 1-65535", field="port")
    workdir = body.get("workdir")
    if workdir is not None and not isinstance(workdir, str):
        raise bad_request("workdir must be a string", field="workdir")
    env = processes.sandbox_env(sandbox, {"PORT": str(port)})
    install_result: JSON | None = None
    install_command = body.get("install_command")
    if install_command and body.get("install", True):
        spec = processes.sandbox_command(store, sandbox, str(install_command), workdir, env)
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
    start_command = body.get("start_command")
    if start_command:
        spec = processes.sandbox_command(store, sandbox, str(start_command), workdir, env)
        proc = await processes.launch(
            store, sandbox, spec, str(start_command), "template-start", None
        )
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
