"""Exec, commands, terminals and files: the computer's workspace, for real."""

from __future__ import annotations

import base64
import binascii
import os
import shlex
import shutil
import stat

import anyio
from starlette.responses import Response

from .. import access, commands, files
from .. import exec as exec_routes
from ..common import JSON, iso, now
from ..fields import optional, require
from ..http import ApiError, bad_request, no_content, not_found, ok
from ..paths import WORKSPACE, resolve
from ..routing import Call
from ..state import Sandbox
from .base import (
    TOKEN_TTL_SEC,
    as_sandbox_call,
    computer_sandbox,
    reply_data,
    running_computer,
)

# -- exec and commands ---------------------------------------------------------------------


async def _exec(call: Call, command: str, body: JSON) -> Response:
    sandbox = running_computer(call)
    translated: JSON = {"command": command}
    for key in ("timeout", "cwd", "env"):
        if key in body:
            translated[key] = body[key]
    result = reply_data(await exec_routes.exec_command(as_sandbox_call(call, sandbox, translated)))
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
    sandbox = running_computer(call)
    return await commands.run_command(as_sandbox_call(call, sandbox, await call.json()))


async def prompt_agent(call: Call) -> Response:
    """``POST /computers/{computer_id}/agent/prompts``: as a sandbox's agent steering."""
    sandbox = computer_sandbox(call)
    return await commands.queue_prompt(as_sandbox_call(call, sandbox, await call.json()))


async def stop_agent(call: Call) -> Response:
    """``POST /computers/{computer_id}/agent/stop``: as a sandbox's agent steering."""
    sandbox = computer_sandbox(call)
    return await commands.stop_agent(as_sandbox_call(call, sandbox, await call.json()))


async def create_terminal(call: Call) -> Response:
    """``POST /computers/{computer_id}/terminal``: a PTY session served over WebSocket."""
    sandbox = running_computer(call)
    data = reply_data(
        await access.create_terminal(as_sandbox_call(call, sandbox, await call.json()))
    )
    return ok({**data, "computer_id": sandbox.id})


async def resize_terminal(call: Call) -> Response:
    """``POST /computers/{computer_id}/pty/{session_id}/resize`` with ``cols`` and ``rows``."""
    sandbox = computer_sandbox(call)
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
    sandbox = computer_sandbox(call)
    virtual, entries = await _directory(call, sandbox, call.query.get("path"))
    keys = ("name", "path", "size", "is_dir", "modified_at")
    return ok({"path": virtual, "entries": [{k: e[k] for k in keys} for e in entries]})


async def readdir(call: Call) -> Response:
    """``GET /computers/{computer_id}/files/readdir?path=``: typed entries."""
    sandbox = computer_sandbox(call)
    _, entries = await _directory(call, sandbox, call.query.get("path"))
    keys = ("name", "is_dir", "is_symlink", "size", "modified_at")
    return ok([{k: e[k] for k in keys} for e in entries])


async def stat_file(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/stat``: ``lstat`` (mode as an integer)."""
    sandbox = computer_sandbox(call)
    virtual, host = await _existing(call, sandbox, (await call.json()).get("path"))
    return ok(await anyio.to_thread.run_sync(_stat_json, virtual, str(host)))


async def write_file(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/write`` with ``content_base64`` (or ``content``)."""
    sandbox = running_computer(call)
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
    sandbox = running_computer(call)
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
    sandbox = computer_sandbox(call)
    virtual, host = await _existing(call, sandbox, call.query.get("path"))
    if await host.is_dir():
        raise bad_request(f"{virtual} is a directory", code="IS_A_DIRECTORY", path=virtual)
    return files.ChunkedFileResponse(
        str(host), media_type="application/octet-stream", headers={"x-miosa-path": virtual}
    )


async def export(call: Call) -> Response:
    """``POST /computers/{computer_id}/files/export``: a download URL on this server."""
    sandbox = computer_sandbox(call)
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
    sandbox = running_computer(call)
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
    sandbox = running_computer(call)
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
    sandbox = running_computer(call)
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
    sandbox = running_computer(call)
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
    sandbox = running_computer(call)
    body = await call.json()
    _, host = await _existing(call, sandbox, body.get("path"))
    mode = _octal(body)
    if await host.is_symlink():
        raise bad_request("cannot chmod a symbolic link", field="path")
    await host.chmod(mode)
    return no_content()
