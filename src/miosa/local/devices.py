"""Unified devices (``/devices``): the local server's sandboxes, seen as devices.

Every sandbox is a device of kind ``sandbox``; the lifecycle routes run the sandbox
handlers themselves (same state checks, same events), exec runs the command for real, and
files are the sandbox's workspace. The local server has no desktop computers, so the
``browser`` route answers 409 ``UNSUPPORTED_OPERATION`` as production does for a device
whose kind has no desktop.
"""

from __future__ import annotations

import base64
import binascii
import json

import anyio
from starlette.responses import Response

from . import exec as exec_routes
from . import files, sandboxes
from .common import JSON
from .http import ApiError, bad_request, not_found, ok
from .paths import resolve
from .routing import Call, Endpoint, Handler, visible
from .state import Sandbox

CAPABILITIES = ("exec", "files", "expose", "pause", "resume", "stop", "extend", "destroy")


def _device_json(call: Call, sandbox: Sandbox) -> JSON:
    data = sandboxes.sandbox_json(call.store, sandbox)
    return {
        "id": sandbox.id,
        "kind": "sandbox",
        "type": "sandbox",
        "name": sandbox.name,
        "state": sandbox.state,
        "status": sandbox.state,
        "ready": sandbox.state == "running",
        "persistent": sandbox.persistent,
        "always_on": sandbox.always_on,
        "preview_url": data.get("preview_url"),
        "metadata": sandbox.metadata,
        "created_at": data.get("created_at"),
    }


def _as_sandbox(call: Call, body: JSON | None = None) -> Call:
    return call.for_sandbox(call.params["device_id"], body)


def _data(response: Response) -> JSON:
    payload = json.loads(bytes(response.body))
    data: JSON = payload["data"]
    return data


def _sandbox(call: Call) -> Sandbox:
    try:
        return _as_sandbox(call).sandbox()
    except ApiError as error:
        raise not_found("device", call.params["device_id"]) from error


async def list_devices(call: Call) -> Response:
    """``GET /devices``: every live sandbox; ``kind=computer`` finds none."""
    if call.query.get("kind", "sandbox") != "sandbox":
        return ok([])
    found = [
        _device_json(call, s)
        for s in call.store.sandboxes.values()
        if s.alive and visible(s, call.principal) and not sandboxes.is_computer(s)
    ]
    return ok(found)


async def get_device(call: Call) -> Response:
    """``GET /devices/{device_id}``."""
    return ok(_device_json(call, _sandbox(call)))


async def capabilities(call: Call) -> Response:
    """``GET /devices/{device_id}/capabilities``: everything but the desktop browser."""
    sandbox = _sandbox(call)
    return ok({"id": sandbox.id, "kind": "sandbox", "capabilities": list(CAPABILITIES)})


async def exec_command(call: Call) -> Response:
    """``POST /devices/{device_id}/exec``: ``timeout_ms`` in milliseconds."""
    _sandbox(call)
    body = await call.json()
    translated: JSON = {k: body[k] for k in ("command", "cwd", "env") if k in body}
    timeout_ms = body.get("timeout_ms")
    if timeout_ms is not None:
        if isinstance(timeout_ms, bool) or not isinstance(timeout_ms, int) or timeout_ms <= 0:
            raise bad_request("timeout_ms must be a positive integer", field="timeout_ms")
        translated["timeout"] = timeout_ms / 1000
    result = _data(await exec_routes.exec_command(_as_sandbox(call, translated)))
    status = "timed_out" if result["timed_out"] else "completed"
    return ok({**result, "status": status if result["exit_code"] == 0 else "failed"})


async def list_files(call: Call) -> Response:
    """``GET /devices/{device_id}/files?path=``: one level, the workspace by default."""
    _sandbox(call)
    listing = _data(await files.list_files(_as_sandbox(call)))
    return ok(
        [
            {k: e.get(k) for k in ("name", "path", "type", "size")} | {"modified": e["modified_at"]}
            for e in listing["entries"]
        ]
    )


async def read_file(call: Call) -> Response:
    """``GET /devices/{device_id}/files/read?path=``: the content base64-encoded."""
    sandbox = _sandbox(call)
    virtual, host = resolve(sandbox.workspace, call.query.get("path") or "")
    path = anyio.Path(host)
    if not await path.exists():
        raise not_found("file", virtual)
    if await path.is_dir():
        raise bad_request(f"{virtual} is a directory", code="IS_A_DIRECTORY", path=virtual)
    data = await path.read_bytes()
    content = base64.b64encode(data).decode()
    return ok({"path": virtual, "size": len(data), "encoding": "base64", "content": content})


async def write_file(call: Call) -> Response:
    """``POST /devices/{device_id}/files/write`` with text ``content`` or ``content_base64``."""
    sandbox = _as_sandbox(call).running_sandbox()
    body = await call.json()
    if isinstance(body.get("content_base64"), str):
        try:
            data = base64.b64decode(body["content_base64"], validate=True)
        except binascii.Error:
            raise bad_request("content_base64 is not base64", field="content_base64") from None
    elif isinstance(body.get("content"), str):
        data = body["content"].encode()
    else:
        raise bad_request("content or content_base64 is required", field="content")
    written = await files.write_one(call.store, sandbox, body.get("path"), data)
    return ok({"path": written["path"], "size": written["size"]})


async def expose(call: Call) -> Response:
    """``POST /devices/{device_id}/expose``: the preview URL of the port."""
    sandbox = _sandbox(call)
    port = (await call.json()).get("port")
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise bad_request("port must be an integer from 1 to 65535", field="port")
    url = sandboxes.preview_url(call.store, sandbox, port)
    return ok({"port": port, "url": url, "ready": sandbox.state == "running"})


async def browser(call: Call) -> Response:
    """``GET /devices/{device_id}/browser``: sandboxes have no desktop."""
    _sandbox(call)
    raise ApiError(
        409, "UNSUPPORTED_OPERATION", "a sandbox device has no desktop browser", {"kind": "sandbox"}
    )


def _lifecycle(handler: Handler) -> Handler:
    """A sandbox lifecycle route, answered as ``{id, state}``."""

    async def run(call: Call) -> Response:
        _sandbox(call)
        data = _data(await handler(_as_sandbox(call, await call.json())))
        return ok({"id": data["id"], "state": data["state"]})

    return run


async def extend(call: Call) -> Response:
    """``POST /devices/{device_id}/extend`` with ``timeout_sec``: the device."""
    sandbox = _sandbox(call)
    await sandboxes.extend(_as_sandbox(call, await call.json()))
    return ok(_device_json(call, sandbox))


async def destroy(call: Call) -> Response:
    """``DELETE /devices/{device_id}``: ``{id, state: "destroyed"}``."""
    sandbox = _sandbox(call)
    await sandboxes.destroy(call.store, sandbox)
    return ok({"id": sandbox.id, "state": "destroyed"})


def endpoints() -> list[Endpoint]:
    item = "/devices/{device_id}"
    return [
        Endpoint("GET", "/devices", list_devices),
        Endpoint("GET", item, get_device),
        Endpoint("DELETE", item, destroy, "device.destroy"),
        Endpoint("GET", f"{item}/capabilities", capabilities),
        Endpoint("POST", f"{item}/exec", exec_command, "device.exec"),
        Endpoint("GET", f"{item}/files", list_files),
        Endpoint("GET", f"{item}/files/read", read_file),
        Endpoint("POST", f"{item}/files/write", write_file, "device.file.write"),
        Endpoint("POST", f"{item}/expose", expose, "device.expose"),
        Endpoint("GET", f"{item}/browser", browser),
        Endpoint("POST", f"{item}/pause", _lifecycle(sandboxes.pause), "device.pause"),
        Endpoint("POST", f"{item}/stop", _lifecycle(sandboxes.stop), "device.stop"),
        Endpoint("POST", f"{item}/resume", _lifecycle(sandboxes.resume), "device.resume"),
        Endpoint("POST", f"{item}/extend", extend, "device.extend"),
    ]
