"""Sandbox files: read, write, list, stat, tree, watch and exports.

There is no delete route (the API has none; clients run ``rm`` through exec) and no
``/files/batch`` route (batch writes are ``/files/write-many``).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import stat
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import anyio
from anyio.streams.memory import MemoryObjectSendStream
from starlette.background import BackgroundTask
from starlette.responses import FileResponse, Response

from . import watcher
from .common import JSON, MIB, iso, new_id, now
from .events import Event
from .http import ApiError, bad_request, created, int_param, not_found, ok
from .paths import WORKSPACE, normalize, resolve, virtual_of
from .routing import Call, Endpoint
from .sse import SSEResponse, follow, last_event_id
from .state import Sandbox, Store

MAX_LIST_ENTRIES = 10_000
MAX_TREE_DEPTH = 32
MAX_JSON_READ = 64 * MIB


class ChunkedFileResponse(FileResponse):
    """A file streamed from disk in 1 MiB chunks."""

    chunk_size = MIB


def _decode(content: Any, encoding: Any, field: str) -> bytes:
    if not isinstance(content, str):
        raise bad_request(f"{field} must be a string", field=field)
    if encoding in ("utf-8", "utf8", "text"):
        return content.encode()
    try:
        return base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise bad_request(
            f"{field} is not valid base64", code="INVALID_BASE64", field=field
        ) from None


def _write(host: Path, data: bytes, mode: int | None) -> None:
    """Write a temporary file and rename it, so a symlink at ``host`` is replaced, not followed."""
    if host.is_dir() and not host.is_symlink():
        raise IsADirectoryError(str(host))
    host.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=host.parent, prefix=watcher.TEMP_PREFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode if mode is not None else 0o644)
        os.replace(tmp, host)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


async def write_one(
    store: Store, sandbox: Sandbox, path: Any, data: bytes, mode: int | None = None
) -> JSON:
    """Write one file and publish ``sandbox.file.written``."""
    if not isinstance(path, str):
        raise bad_request("path must be a string", field="path")
    virtual, host = resolve(sandbox.workspace, path)
    if virtual == WORKSPACE:
        raise bad_request("cannot write to /workspace itself", code="IS_A_DIRECTORY", path=virtual)
    try:
        await anyio.to_thread.run_sync(_write, host, data, mode)
    except IsADirectoryError:
        raise bad_request(
            f"{virtual} is a directory", code="IS_A_DIRECTORY", path=virtual
        ) from None
    except NotADirectoryError:
        raise bad_request(
            f"a parent of {virtual} is a file", code="NOT_A_DIRECTORY", path=virtual
        ) from None
    info = {"path": virtual, "size_bytes": len(data), "size": len(data)}
    store.emit("sandbox.file.written", info, sandbox)
    return info


def _mode(body: JSON) -> int | None:
    raw = body.get("mode")
    if raw is None:
        return None
    try:
        value = int(raw, 8) if isinstance(raw, str) else int(raw)
    except (TypeError, ValueError):
        raise bad_request("mode must be an octal string or an integer", field="mode") from None
    return value & 0o7777


def _entry(root: Path, host: Path) -> JSON:
    st = host.lstat()
    is_dir = stat.S_ISDIR(st.st_mode)
    kind = "dir" if is_dir else "symlink" if stat.S_ISLNK(st.st_mode) else "file"
    return {
        "name": host.name if host != root else "workspace",
        "path": virtual_of(root, host),
        "size": 0 if is_dir else st.st_size,
        "size_bytes": 0 if is_dir else st.st_size,
        "is_dir": is_dir,
        "type": kind,
        "mode": format(stat.S_IMODE(st.st_mode), "04o"),
        "modified_at": iso(st.st_mtime),
    }


def _listing(root: Path, host: Path, depth: int) -> list[JSON]:
    out: list[JSON] = []

    def walk(directory: Path, level: int) -> None:
        for child in sorted(directory.iterdir(), key=lambda p: p.name):
            if len(out) >= MAX_LIST_ENTRIES:
                return
            out.append(_entry(root, child))
            if level < depth and child.is_dir() and not child.is_symlink():
                walk(child, level + 1)

    walk(host, 1)
    return out


def _tree(root: Path, host: Path, depth: int, budget: list[int]) -> JSON:
    entry = _entry(root, host)
    node: JSON = {
        "path": entry["path"],
        "name": entry["name"],
        "type": "dir" if entry["is_dir"] else "file",
        "size": entry["size"],
        "modified_at": entry["modified_at"],
    }
    if entry["is_dir"]:
        children: list[JSON] = []
        if depth > 0:
            for child in sorted(host.iterdir(), key=lambda p: p.name):
                if budget[0] <= 0:
                    node["truncated"] = True
                    break
                budget[0] -= 1
                children.append(_tree(root, child, depth - 1, budget))
        node["children"] = children
    return node


async def _existing(sandbox: Sandbox, path: str) -> tuple[str, Path]:
    virtual, host = resolve(sandbox.workspace, path)
    if not await anyio.Path(host).exists():
        raise not_found("file", virtual)
    return virtual, host


# -- handlers ---------------------------------------------------------------------------


async def write_file(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/files`` with ``path`` and base64 ``content``."""
    sandbox = call.running_sandbox()
    body = await call.json()
    content = body.get("content", body.get("content_base64", ""))
    data = await anyio.to_thread.run_sync(_decode, content, body.get("encoding"), "content")
    return ok(
        await write_one(call.store, sandbox, body.get("path"), data, _mode(body))
        | {"written": True}
    )


async def read_file(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/files/{path}``: raw bytes streamed from disk."""
    sandbox = call.sandbox()
    virtual, host = await _existing(sandbox, "/" + call.params["path"].lstrip("/"))
    if await anyio.Path(host).is_dir():
        raise bad_request(f"{virtual} is a directory", code="IS_A_DIRECTORY", path=virtual)
    if call.query.get("format") == "json" or call.query.get("encoding") == "base64":
        size = (await anyio.Path(host).stat()).st_size
        if size > MAX_JSON_READ:
            raise bad_request(
                "file too large for a JSON read; read the raw bytes", code="FILE_TOO_LARGE"
            )
        data = await anyio.Path(host).read_bytes()
        return ok(
            {
                "path": virtual,
                "content": base64.b64encode(data).decode(),
                "encoding": "base64",
                "size": size,
            }
        )
    return ChunkedFileResponse(
        host, media_type="application/octet-stream", headers={"x-miosa-path": virtual}
    )


async def list_files(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/files?path=&depth=``."""
    sandbox = call.sandbox()
    virtual, host = await _existing(sandbox, call.query.get("path") or WORKSPACE)
    depth = int_param(call.query, "depth", 1, 1, MAX_TREE_DEPTH)
    if not await anyio.Path(host).is_dir():
        raise bad_request(f"{virtual} is not a directory", code="NOT_A_DIRECTORY", path=virtual)
    entries = await anyio.to_thread.run_sync(_listing, sandbox.workspace, host, depth)
    return ok({"path": virtual, "entries": entries, "truncated": len(entries) >= MAX_LIST_ENTRIES})


async def stat_file(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/files/stat`` with ``path``."""
    sandbox = call.sandbox()
    path = (await call.json()).get("path")
    if not isinstance(path, str):
        raise bad_request("path is required", field="path")
    _, host = await _existing(sandbox, path)
    entry = await anyio.to_thread.run_sync(_entry, sandbox.workspace, host)
    return ok(entry | {"exists": True})


async def tree(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/files/tree?path=&depth=`` (``recursive=true`` = deep)."""
    sandbox = call.sandbox()
    _, host = await _existing(sandbox, call.query.get("path") or WORKSPACE)
    recursive = call.query.get("recursive", "").lower() in ("1", "true", "yes")
    depth = int_param(call.query, "depth", MAX_TREE_DEPTH if recursive else 3, 0, MAX_TREE_DEPTH)
    node = await anyio.to_thread.run_sync(_tree, sandbox.workspace, host, depth, [MAX_LIST_ENTRIES])
    return ok(node)


async def _write_batch(call: Call, content_keys: tuple[str, ...]) -> JSON:
    sandbox = call.running_sandbox()
    files = (await call.json()).get("files")
    if not isinstance(files, list):
        raise bad_request("files must be an array", field="files")
    written: list[JSON] = []
    failed: list[JSON] = []
    for item in files:
        path = item.get("path") if isinstance(item, dict) else None
        try:
            if not isinstance(item, dict):
                raise bad_request("each file must be an object")
            content = next((item[k] for k in content_keys if k in item), None)
            data = _decode(content, item.get("encoding"), content_keys[0])
            info = await write_one(call.store, sandbox, path, data, _mode(item))
            written.append({"path": info["path"], "size_bytes": info["size_bytes"]})
        except ApiError as err:
            failed.append({"path": path, "error": err.message, "code": err.code})
    return {"written": written, "failed": failed}


async def write_many(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/files/write-many`` (also ``/fs/write-many``)."""
    return ok(await _write_batch(call, ("content_base64", "content")))


async def fs_write(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/fs/write``: ``content_base64`` is decoded, ``content``
    written as it is (UTF-8), unlike the legacy ``/files`` route which decodes ``content``."""
    sandbox = call.running_sandbox()
    body = await call.json()
    if "content_base64" in body:
        raw = body["content_base64"]
        data = await anyio.to_thread.run_sync(_decode, raw, "base64", "content_base64")
    else:
        data = await anyio.to_thread.run_sync(_decode, body.get("content", ""), "text", "content")
    return ok(
        await write_one(call.store, sandbox, body.get("path"), data, _mode(body))
        | {"written": True}
    )


async def fs_download(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/fs/download?path=``: raw bytes streamed from disk."""
    sandbox = call.sandbox()
    raw = call.query.get("path")
    if not raw:
        raise bad_request("path query parameter is required", field="path")
    virtual, host = await _existing(sandbox, raw)
    if await anyio.Path(host).is_dir():
        raise bad_request(f"{virtual} is a directory", code="IS_A_DIRECTORY", path=virtual)
    return ChunkedFileResponse(
        host, media_type="application/octet-stream", headers={"x-miosa-path": virtual}
    )


async def watch(call: Call) -> Response:
    """``GET /sandboxes/{sandbox_id}/files/watch?path=&recursive=``: SSE of file changes."""
    sandbox = call.sandbox()
    prefix = normalize(call.query.get("path") or WORKSPACE)
    recursive = call.query.get("recursive", "true").lower() not in ("0", "false", "no")
    await watcher.ensure_watching(call.store, sandbox)
    resume = last_event_id(call.request)
    start = resume if resume is not None else sandbox.watch.last_id

    def keep(event: Event) -> bool:
        path = str(event.data.get("path", ""))
        if path == prefix:
            return True
        if not path.startswith(prefix.rstrip("/") + "/"):
            return False
        return recursive or "/" not in path[len(prefix.rstrip("/")) + 1 :]

    inner = follow(sandbox.watch, start, keep)

    async def produce(out: MemoryObjectSendStream[Event]) -> None:
        sandbox.watch_subscribers += 1
        try:
            await inner(out)
        finally:
            sandbox.watch_subscribers -= 1

    return SSEResponse(produce, call.store)


def _download_url(
    call: Call, sandbox: Sandbox, paths: list[str], filename: str | None = None
) -> str:
    query: list[tuple[str, str]] = (
        [("path", paths[0])] if len(paths) == 1 else [("paths[]", p) for p in paths]
    )
    if filename:
        query.append(("filename", filename))
    url = call.request.url
    return f"{url.scheme}://{url.netloc}/api/v1/sandboxes/{sandbox.id}/exports/download?{urlencode(query)}"


async def create_export(call: Call) -> Response:
    """``POST /sandboxes/{sandbox_id}/exports`` with ``path`` or ``paths``."""
    sandbox = call.sandbox()
    body = await call.json()
    raw: Any = body.get("paths") or ([body["path"]] if body.get("path") else None)
    if not isinstance(raw, list) or not raw or not all(isinstance(p, str) for p in raw):
        raise bad_request("path or paths is required", field="paths")
    paths = [(await _existing(sandbox, p))[0] for p in raw]
    filename = body.get("filename") if isinstance(body.get("filename"), str) else None
    ident = new_id("exp")
    files = [
        {
            "path": p,
            "filename": os.path.basename(p) or "workspace",
            "download_url": _download_url(call, sandbox, [p]),
        }
        for p in paths
    ]
    record = {
        "id": ident,
        "sandbox_id": sandbox.id,
        "label": body.get("label"),
        "status": "ready",
        "files": files,
        "archive_download_url": _download_url(call, sandbox, paths, filename or f"{ident}.tar.gz"),
        "created_at": iso(now()),
    }
    sandbox.exports[ident] = record
    call.resource_id = ident
    return created(record)


def _archive(workspace: Path, hosts: list[Path], tmp_dir: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=tmp_dir, suffix=".tar.gz")
    os.close(fd)
    with tarfile.open(name, "w:gz") as archive:
        for host in hosts:
            archive.add(
                host, arcname=os.path.relpath(host, workspace) if host != workspace else "workspace"
            )
    return Path(name)


async def download_export(call: Call) -> Response:
    """``GET .../exports/download?path=`` (one file) or ``paths[]=...`` (a tar.gz)."""
    sandbox = call.sandbox()
    q = call.query
    raw = q.getlist("paths[]") + q.getlist("paths") + q.getlist("path")
    if not raw:
        raise bad_request("path or paths[] is required", field="path")
    resolved = [await _existing(sandbox, p) for p in raw]
    filename = q.get("filename")
    if len(resolved) == 1 and not await anyio.Path(resolved[0][1]).is_dir():
        virtual, host = resolved[0]
        return ChunkedFileResponse(
            host,
            media_type="application/octet-stream",
            filename=filename or os.path.basename(virtual),
        )
    archive = await anyio.to_thread.run_sync(
        _archive, sandbox.workspace, [h for _, h in resolved], call.store.settings.tmp_dir
    )
    cleanup: Callable[[], None] = lambda: archive.unlink(missing_ok=True)  # noqa: E731
    return ChunkedFileResponse(
        archive,
        media_type="application/gzip",
        filename=filename or f"{sandbox.id}-export.tar.gz",
        background=BackgroundTask(cleanup),
    )


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    base = "/sandboxes/{sandbox_id}"
    return [
        Endpoint("POST", base + "/files", write_file, "sandbox.file.write"),
        Endpoint("GET", base + "/files", list_files),
        Endpoint("POST", base + "/files/stat", stat_file),
        # Served on the per-sandbox host in production; a local base URL is that host too.
        Endpoint("GET", base + "/files/tree", tree),
        Endpoint("POST", base + "/files/write-many", write_many, "sandbox.file.write_many"),
        Endpoint("GET", base + "/files/watch", watch),
        # The canonical /fs/* file routes (the /files/* ones above are their legacy twins).
        Endpoint("POST", base + "/fs/write", fs_write, "sandbox.file.write"),
        Endpoint("GET", base + "/fs/download", fs_download),
        Endpoint("POST", base + "/fs/stat", stat_file),
        Endpoint("POST", base + "/fs/write-many", write_many, "sandbox.file.write_many"),
        Endpoint("GET", base + "/files/{path:path}", read_file),
        Endpoint("POST", base + "/exports", create_export, "sandbox.export.create"),
        Endpoint("GET", base + "/exports/download", download_export),
    ]
