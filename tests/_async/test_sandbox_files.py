"""Wire tests for ``sandbox.files`` and ``sandbox.exports``: exact requests, parsed replies,
and uploads/downloads that stream instead of holding the file."""

from __future__ import annotations

import base64
import io
import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from miosa import MiosaError, NotFoundError, ServerError
from miosa.types.sandbox_files import (
    FileEntry,
    FileEvent,
    FileEventType,
    FileStat,
    SandboxExport,
    WriteManyResult,
    WrittenFile,
)
from tests._async._helpers import make_client
from tests.helpers import MockAPI, json_response, named_pipe_giving, needs_fifo

FILES = "/sandboxes/sbx_1/files"


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content)


def routes(api: MockAPI) -> list[tuple[str, str]]:
    return [(r.method, r.url.path.removeprefix("/api/v1")) for r in api.requests]


# -- read ---------------------------------------------------------------------------------


async def test_read_returns_raw_bytes_and_read_text_decodes() -> None:
    api = MockAPI().on(
        f"GET {FILES}/workspace/out%20dir/r%C3%A9sum%C3%A9.txt",
        httpx.Response(200, content="héllo\n".encode(), headers={"content-type": "text/plain"}),
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        raw = await files.read("/workspace/out dir/résumé.txt")
        text = await files.read_text("workspace/out dir/résumé.txt")
        with pytest.raises(ValueError):
            await files.read("/workspace/../etc/passwd")
    assert raw == "héllo\n".encode()
    assert text == "héllo\n"
    assert api.requests[0].url.raw_path == b"/api/v1" + FILES.encode() + (
        b"/workspace/out%20dir/r%C3%A9sum%C3%A9.txt"
    )
    assert len(api.requests) == 2


async def test_read_decodes_a_json_base64_reply_but_not_a_json_file() -> None:
    payload = {
        "data": {"path": "/workspace/a.bin", "content": base64.b64encode(b"\x00\xff").decode()}
    }
    package = b'{"name": "app", "content": "not base64 %%"}'
    api = (
        MockAPI()
        .on(f"GET {FILES}/workspace/a.bin", json_response(200, payload))
        .on(
            f"GET {FILES}/workspace/package.json",
            httpx.Response(200, content=package, headers={"content-type": "application/json"}),
        )
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        assert await files.read("/workspace/a.bin") == b"\x00\xff"
        assert await files.read("/workspace/package.json") == package


async def test_read_of_a_missing_file_raises_not_found() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        with pytest.raises(NotFoundError):
            await client.sandboxes.handle("sbx_1").files.read("/workspace/nope")


# -- write, upload --------------------------------------------------------------------------


async def test_write_sends_base64_json_for_str_and_bytes() -> None:
    api = MockAPI().on(
        f"POST {FILES}",
        json_response(200, {"data": {"path": "/workspace/app.py", "size_bytes": 11}}),
        httpx.Response(204),
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        first = await files.write("/workspace/app.py", "print('hi')")
        second = await files.write("/workspace/b.bin", b"\x00\x01\x02")
    assert api.body(0) == {"path": "/workspace/app.py", "content": "cHJpbnQoJ2hpJyk="}
    assert api.body(1) == {"path": "/workspace/b.bin", "content": "AAEC"}
    assert api.requests[0].headers["content-type"] == "application/json"
    assert first == WrittenFile(path="/workspace/app.py", size_bytes=11)
    assert second == WrittenFile(path="/workspace/b.bin", size_bytes=3)


def upload_reply(request: httpx.Request) -> httpx.Response:
    body = sent_json(request)
    size = len(base64.b64decode(body["content"], validate=True))
    return json_response(200, {"data": {"path": body["path"], "size_bytes": size}})


async def test_upload_from_a_path_streams_valid_json_with_a_content_length(
    tmp_path: Path,
) -> None:
    data = os.urandom(3 * 100_000 + 2)
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    api = MockAPI().on(f"POST {FILES}", upload_reply)
    async with make_client(api) as client:
        written = await client.sandboxes.handle("sbx_1").files.upload(
            "/workspace/big.bin", source, chunk_size=64 * 1024
        )
    request = api.last
    assert sent_json(request) == {
        "path": "/workspace/big.bin",
        "content": base64.b64encode(data).decode(),
    }
    assert request.headers["content-type"] == "application/json"
    assert int(request.headers["content-length"]) == len(request.content)
    assert written == WrittenFile(path="/workspace/big.bin", size_bytes=len(data))


async def test_upload_from_a_file_object_or_an_iterator_goes_chunked() -> None:
    pieces = [b"a", b"bc", b"", b"defg", b"h" * 1000]

    async def produce() -> AsyncIterator[bytes]:
        for piece in pieces:
            yield piece

    api = MockAPI().on(f"POST {FILES}", upload_reply)
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        from_file = await files.upload("/workspace/f.bin", io.BytesIO(b"xyz" * 5000), chunk_size=10)
        from_iter = await files.upload("/workspace/i.bin", produce())
        from_bytes = await files.upload("/workspace/b.bin", b"raw")
    first, second, third = (sent_json(r) for r in api.requests)
    assert base64.b64decode(first["content"]) == b"xyz" * 5000
    assert base64.b64decode(second["content"]) == b"".join(pieces)
    assert third == {"path": "/workspace/b.bin", "content": "cmF3"}
    assert api.requests[0].headers["transfer-encoding"] == "chunked"
    assert "content-length" not in api.requests[1].headers
    assert (from_file.size_bytes, from_iter.size_bytes, from_bytes.size_bytes) == (15000, 1007, 3)


async def test_upload_never_takes_a_str_that_is_not_a_local_file_for_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    api = MockAPI().on(f"POST {FILES}", upload_reply)
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        with pytest.raises(TypeError, match=r"not a local file \('hello world'\).*pathlib\.Path"):
            await files.upload("/workspace/greeting.txt", "hello world")
    assert api.requests == []


async def test_upload_still_reads_a_str_local_path_with_a_deprecation_warning(
    tmp_path: Path,
) -> None:
    source = tmp_path / "data.txt"
    source.write_bytes(b"from disk")
    api = MockAPI().on(f"POST {FILES}", upload_reply)
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        with pytest.warns(DeprecationWarning, match=r"pass pathlib\.Path") as warned:
            written = await files.upload("/workspace/data.txt", str(source))
    assert sent_json(api.last) == {
        "path": "/workspace/data.txt",
        "content": base64.b64encode(b"from disk").decode(),
    }
    assert int(api.last.headers["content-length"]) == len(api.last.content)
    assert written.size_bytes == len(b"from disk")
    # The warning points at the caller's line, not at the SDK.
    assert [w.filename for w in warned] == [__file__]


BUSY = json_response(503, {"error": {"code": "BUSY"}})


async def test_an_upload_from_a_path_or_a_seekable_file_is_retried_from_its_start(
    tmp_path: Path,
) -> None:
    data = os.urandom(100_000)
    source = tmp_path / "data.bin"
    source.write_bytes(data)
    file = io.BytesIO(b"skip" + data)
    file.seek(4)  # the body starts where the file stands, on every attempt
    for upload_source in (source, file):
        api = MockAPI().on(f"POST {FILES}", BUSY, BUSY, upload_reply)
        async with make_client(api) as client:
            files = client.sandboxes.handle("sbx_1").files
            written = await files.upload("/workspace/d.bin", upload_source, chunk_size=4096)
        assert len(api.requests) == 3
        bodies = [base64.b64decode(sent_json(r)["content"]) for r in api.requests]
        assert bodies == [data] * 3
        assert written.size_bytes == len(data)


async def test_an_upload_from_an_iterator_is_not_retried_and_says_why() -> None:
    async def produce() -> AsyncIterator[bytes]:
        yield b"data"

    api = MockAPI().on(f"POST {FILES}", BUSY)
    async with make_client(api) as client:
        with pytest.raises(ServerError, match="one-shot stream") as info:
            await client.sandboxes.handle("sbx_1").files.upload("/workspace/x", produce())
    assert len(api.requests) == 1
    assert "pass bytes, a regular file's path or a seekable file" in str(info.value)


@needs_fifo
async def test_an_upload_from_a_named_pipe_is_streamed_chunked_and_sent_once(
    tmp_path: Path,
) -> None:
    # A pipe's size (0) says nothing of what it gives, and it cannot be read a second time.
    data = os.urandom(200_000)
    api = MockAPI().on(f"POST {FILES}", BUSY, upload_reply)
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        with pytest.raises(ServerError, match="one-shot stream"):
            await files.upload("/workspace/x", named_pipe_giving(tmp_path / "p1", data))
        assert len(api.requests) == 1
        calls: list[tuple[int, int | None]] = []
        written = await files.upload(
            "/workspace/x",
            named_pipe_giving(tmp_path / "p2", data),
            chunk_size=65536,
            progress=lambda done, total: calls.append((done, total)),
        )
    for request in api.requests:
        assert "content-length" not in request.headers
        assert request.headers["transfer-encoding"] == "chunked"
        assert base64.b64decode(sent_json(request)["content"]) == data
    assert written.size_bytes == len(data)
    assert calls[0] == (0, None) and calls[-1] == (len(data), None)


async def test_upload_reports_progress_chunk_by_chunk(tmp_path: Path) -> None:
    data = os.urandom(300_002)
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    calls: list[tuple[int, int | None]] = []
    api = MockAPI().on(f"POST {FILES}", upload_reply)
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        await files.upload(
            "/workspace/big.bin",
            source,
            chunk_size=64 * 1024,
            progress=lambda done, total: calls.append((done, total)),
        )
        # chunk_size is cut to whole 3-byte groups: 65535 raw bytes a chunk.
        assert calls == [(n, 300_002) for n in (0, 65535, 131070, 196605, 262140, 300_002)]
        calls.clear()
        await files.upload(
            "/workspace/b.bin", b"x" * 25, chunk_size=10, progress=lambda *a: calls.append(a)
        )
        assert calls == [(0, 25), (9, 25), (18, 25), (25, 25)]
        assert base64.b64decode(sent_json(api.last)["content"]) == b"x" * 25
        calls.clear()
        await files.upload(
            "/workspace/f.bin",
            io.BytesIO(b"abcdef"),
            chunk_size=3,
            progress=lambda *a: calls.append(a),
        )
        assert calls == [(0, None), (3, None), (6, None)]


async def test_upload_progress_is_reported_as_the_source_is_read() -> None:
    order: list[str] = []

    async def produce() -> AsyncIterator[bytes]:
        for piece in (b"abc", b"defgh", b"ij"):
            order.append(f"read {len(piece)}")
            yield piece

    api = MockAPI().on(f"POST {FILES}", upload_reply)
    async with make_client(api) as client:
        await client.sandboxes.handle("sbx_1").files.upload(
            "/workspace/i.bin",
            produce(),
            progress=lambda done, total: order.append(f"{done}/{total}"),
        )
    assert order == ["0/None", "read 3", "3/None", "read 5", "8/None", "read 2", "10/None"]
    assert base64.b64decode(sent_json(api.last)["content"]) == b"abcdefghij"


# -- download -------------------------------------------------------------------------------


async def test_download_streams_in_bounded_chunks_and_writes_to_a_path(tmp_path: Path) -> None:
    data = os.urandom(300_000)
    api = MockAPI().on(
        f"GET {FILES}/workspace/big.bin",
        lambda request: httpx.Response(200, content=data),
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        body = files.download("/workspace/big.bin", chunk_size=64 * 1024)
        assert api.requests == []
        async with body:
            chunks = [chunk async for chunk in body]
        calls: list[tuple[int, int | None]] = []
        async with files.download("/workspace/big.bin", chunk_size=128 * 1024) as second:
            written = await second.write_to(
                tmp_path / "copy.bin", progress=lambda done, total: calls.append((done, total))
            )
    assert calls == [(n, 300_000) for n in (0, 131072, 262144, 300_000)]
    assert b"".join(chunks) == data
    assert max(len(c) for c in chunks) <= 64 * 1024 and len(chunks) == 5
    assert written == len(data) and (tmp_path / "copy.bin").read_bytes() == data


async def test_download_of_a_missing_file_raises_when_entered() -> None:
    api = MockAPI()
    async with make_client(api) as client:
        body = client.sandboxes.handle("sbx_1").files.download("/workspace/nope")
        with pytest.raises(NotFoundError):
            async with body:
                raise AssertionError("not reached")  # pragma: no cover


# -- listing, stat, tree -------------------------------------------------------------------------


async def test_list_stat_and_tree() -> None:
    entry = {"name": "a.py", "path": "/workspace/a.py", "size": 3, "is_dir": False}
    node = {
        "path": "/workspace",
        "name": "workspace",
        "type": "dir",
        "children": [{"path": "/workspace/a.py", "name": "a.py", "type": "file", "size": 3}],
    }
    api = (
        MockAPI()
        .on(
            f"GET {FILES}", json_response(200, {"data": {"path": "/workspace", "entries": [entry]}})
        )
        .on(
            f"POST {FILES}/stat",
            json_response(200, {"data": {"path": "/workspace/a.py", "size": 3, "mode": "0644"}}),
        )
        .on(f"GET {FILES}/tree", json_response(200, {"data": node}), json_response(200, node))
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        listing = await files.list()
        await files.list("/workspace/src", depth=2)
        stat = await files.stat("/workspace/a.py")
        tree = await files.tree()
        await files.tree("/workspace/src", recursive=False)
        await files.tree("/workspace", depth=5)
    params = [dict(r.url.params) for r in api.requests]
    # tree goes to the per-sandbox host; list and stat stay on the API host.
    assert [r.url.host for r in api.requests] == ["api.test.miosa"] * 3 + [
        "sandboxes.test.miosa"
    ] * 3
    assert {str(r.url.copy_with(query=None)) for r in api.requests[3:]} == {
        "https://sandboxes.test.miosa/api/v1/sandboxes/sbx_1/files/tree"
    }
    assert all(
        r.headers["authorization"] == api.requests[0].headers["authorization"] for r in api.requests
    )
    assert params[0] == {"path": "/workspace"}
    assert params[1] == {"path": "/workspace/src", "depth": "2"}
    assert api.body(2) == {"path": "/workspace/a.py"}
    assert params[3] == {"path": "/workspace", "depth": "32"}
    assert params[4] == {"path": "/workspace/src", "depth": "1"}
    assert params[5] == {"path": "/workspace", "depth": "5"}
    # A plain list of entries (the list() rule): no wrapper model.
    assert type(listing) is list and [e.name for e in listing] == ["a.py"]
    assert all(isinstance(e, FileEntry) for e in listing)
    assert stat == FileStat(path="/workspace/a.py", size=3, mode="0644")
    assert tree.is_dir and [n.path for n in tree.walk()] == ["/workspace", "/workspace/a.py"]


async def test_tree_and_watch_stay_on_a_base_url_that_is_not_an_api_host() -> None:
    node = {"path": "/workspace", "type": "dir", "children": []}
    api = (
        MockAPI()
        .on(f"GET {FILES}/tree", json_response(200, {"data": node}))
        .on(
            f"GET {FILES}/watch",
            httpx.Response(200, headers={"content-type": "text/event-stream"}, content=b""),
        )
    )
    async with make_client(api, base_url="http://127.0.0.1:8123/api/v1") as client:
        files = client.sandboxes.handle("sbx_1").files
        await files.tree()
        async with files.watch() as changes:
            assert [event async for event in changes] == []
    assert [str(r.url.copy_with(query=None)) for r in api.requests] == [
        "http://127.0.0.1:8123/api/v1/sandboxes/sbx_1/files/tree",
        "http://127.0.0.1:8123/api/v1/sandboxes/sbx_1/files/watch",
    ]


# -- batch writes, delete ------------------------------------------------------------------


async def test_write_many_accepts_tuples_and_dicts_of_str_or_bytes() -> None:
    reply = {
        "data": {
            "written": [{"path": "/workspace/a", "size_bytes": 1}],
            "failed": [{"path": "/workspace/b", "error": "denied", "code": "EACCES"}],
        }
    }
    api = MockAPI().on(
        f"POST {FILES}/write-many",
        json_response(200, reply),
        json_response(200, {"written": [], "failed": []}),
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        result = await files.write_many(
            [("/workspace/a", "1"), {"path": "/workspace/b", "content": b"\x00"}]
        )
        legacy = await files.write_files([("/workspace/c", "é")])
        with pytest.raises(ValueError):
            await files.write_many([{"path": "/workspace/d"}])
    assert api.body(0) == {
        "files": [
            {"path": "/workspace/a", "content_base64": "MQ=="},
            {"path": "/workspace/b", "content_base64": "AA=="},
        ]
    }
    # write_files is write_many: the /files/batch route does not exist.
    assert routes(api) == [("POST", f"{FILES}/write-many")] * 2
    assert api.body(1) == {"files": [{"path": "/workspace/c", "content_base64": "w6k="}]}
    assert isinstance(result, WriteManyResult) and not result.ok
    assert result.failed[0].error == "denied"
    assert legacy.ok


async def test_delete_runs_rm_through_exec_with_the_path_quoted() -> None:
    ok = {"data": {"stdout": "", "stderr": "", "exit_code": 0}}
    missing = {
        "stdout": "",
        "stderr": "rm: cannot remove '/workspace/gone': No such file\n",
        "exit_code": 1,
    }
    api = MockAPI().on(
        "POST /sandboxes/sbx_1/exec",
        json_response(200, ok),
        json_response(200, missing),
        json_response(200, ok),
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        # Typed as returning nothing; the value it really returns is checked too.
        assert await files.delete("/workspace/it's a dir/") is None  # type: ignore[func-returns-value]
        with pytest.raises(MiosaError, match="No such file") as failed:
            await files.delete("workspace/gone")
        await files.delete("/tmp/-x y")
        for bad in ("", "/", "/workspace", "/workspace/", "/workspace/../etc", "/a//b", "a/./b"):
            with pytest.raises(ValueError):
                await files.delete(bad)
    assert not isinstance(failed.value, NotFoundError)
    assert routes(api) == [("POST", "/sandboxes/sbx_1/exec")] * 3
    assert api.body(2) == {"command": "rm -r -- '/tmp/-x y'"}
    assert api.body(0) == {"command": "rm -r -- 'it'\"'\"'s a dir'", "cwd": "/workspace"}
    assert api.body(1) == {"command": "rm -r -- gone", "cwd": "/workspace"}


# -- watch ----------------------------------------------------------------------------------


async def test_watch_yields_typed_events_from_either_spelling() -> None:
    body = (
        b'id: 1\nevent: created\ndata: {"type":"created","path":"/workspace/a","size_bytes":3}\n\n'
        b'id: 2\ndata: {"event":"renamed","path":"/workspace/b","old_path":"/workspace/a",'
        b'"is_dir":false}\n\n'
        b'id: 3\ndata: {"type":"moved","path":"/workspace/c"}\n\n'
    )
    api = MockAPI().on(
        f"GET {FILES}/watch",
        httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body),
    )
    async with make_client(api) as client:
        files = client.sandboxes.handle("sbx_1").files
        async with files.watch() as changes:
            events = [event async for event in changes]
        async with files.watch("/workspace/src", recursive=False) as changes:
            pass
    assert {r.url.host for r in api.requests} == {"sandboxes.test.miosa"}
    assert api.requests[0].url.path == "/api/v1/sandboxes/sbx_1/files/watch"
    assert dict(api.requests[0].url.params) == {"path": "/workspace"}
    assert dict(api.requests[1].url.params) == {"path": "/workspace/src", "recursive": "false"}
    assert events == [
        FileEvent(type=FileEventType.CREATED, path="/workspace/a", size_bytes=3, id="1"),
        FileEvent(
            type=FileEventType.RENAMED,
            path="/workspace/b",
            old_path="/workspace/a",
            is_dir=False,
            id="2",
        ),
        FileEvent(type=FileEventType("moved"), path="/workspace/c", id="3"),
    ]
    assert events[2].type == "moved" and events[2].type is not None
    assert not events[2].type.is_known


# -- exports ---------------------------------------------------------------------------------


async def test_exports_create_and_download_one_path_or_several() -> None:
    export = {
        "id": "exp_1",
        "status": "ready",
        "files": [{"path": "/workspace/a", "filename": "a", "download_url": "https://d/a"}],
        "archive_download_url": "https://d/all.tar.gz",
    }
    api = (
        MockAPI()
        .on("POST /sandboxes/sbx_1/exports", json_response(201, {"data": export}))
        .on(
            "GET /sandboxes/sbx_1/exports/download",
            lambda request: httpx.Response(200, content=b"archive-bytes"),
        )
    )
    async with make_client(api) as client:
        exports = client.sandboxes.handle("sbx_1").exports
        created = await exports.create(paths=["/workspace/a", "/workspace/b"], label="build")
        async with exports.download("/workspace/a") as one:
            single = await one.read()
        async with exports.download(
            paths=["/workspace/a", "/workspace/b c"], filename="out.tar.gz"
        ) as many:
            archive = b"".join([chunk async for chunk in many])
    assert api.body(0) == {"paths": ["/workspace/a", "/workspace/b"], "label": "build"}
    assert isinstance(created, SandboxExport)
    assert created.files[0].download_url == "https://d/a"
    assert api.requests[1].url.params.multi_items() == [("path", "/workspace/a")]
    assert api.requests[2].url.params.multi_items() == [
        ("paths[]", "/workspace/a"),
        ("paths[]", "/workspace/b c"),
        ("filename", "out.tar.gz"),
    ]
    assert single == archive == b"archive-bytes"
