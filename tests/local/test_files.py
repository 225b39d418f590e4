"""Files: write/read/list/stat/tree/write-many, the /fs/* routes, deletion through exec (no
delete or batch route), path confinement, large files, exports, watch."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import threading
import time

import httpx

from miosa.local import LocalServer

from ._support import b64, collect


def write(client: httpx.Client, sandbox: str, path: str, data: bytes) -> httpx.Response:
    return client.post(f"/sandboxes/{sandbox}/files", json={"path": path, "content": b64(data)})


def test_write_read_list_stat_tree_delete(
    client: httpx.Client, sandbox: str, server: LocalServer
) -> None:
    reply = write(client, sandbox, "/workspace/dir/a.txt", b"hello")
    assert reply.status_code == 200
    assert reply.json()["data"] == {
        "path": "/workspace/dir/a.txt",
        "size_bytes": 5,
        "size": 5,
        "written": True,
    }
    assert write(client, sandbox, "b.bin", b"\x00\xff").json()["data"]["path"] == "/workspace/b.bin"

    read = client.get(f"/sandboxes/{sandbox}/files/workspace/dir/a.txt")
    assert read.status_code == 200 and read.content == b"hello"
    assert read.headers["content-type"] == "application/octet-stream"
    as_json = client.get(f"/sandboxes/{sandbox}/files/workspace/b.bin", params={"format": "json"})
    assert as_json.json()["data"]["content"] == b64(b"\x00\xff")

    listing = client.get(f"/sandboxes/{sandbox}/files").json()["data"]
    assert listing["path"] == "/workspace"
    assert {(e["name"], e["is_dir"]) for e in listing["entries"]} == {
        ("dir", True),
        ("b.bin", False),
    }
    deep = client.get(f"/sandboxes/{sandbox}/files", params={"path": "/workspace", "depth": 2})
    assert "/workspace/dir/a.txt" in {e["path"] for e in deep.json()["data"]["entries"]}

    stat = client.post(f"/sandboxes/{sandbox}/files/stat", json={"path": "/workspace/dir/a.txt"})
    assert stat.json()["data"]["size"] == 5 and stat.json()["data"]["is_dir"] is False
    assert client.post(f"/sandboxes/{sandbox}/files/stat", json={"path": "nope"}).status_code == 404

    tree = client.get(f"/sandboxes/{sandbox}/files/tree").json()["data"]
    assert tree["type"] == "dir" and tree["path"] == "/workspace"
    names = {c["name"]: c for c in tree["children"]}
    assert names["dir"]["children"][0]["name"] == "a.txt"
    shallow = client.get(f"/sandboxes/{sandbox}/files/tree", params={"depth": 1}).json()["data"]
    assert {c["name"]: c for c in shallow["children"]}["dir"]["children"] == []

    # No delete route (as in production): files go with `rm` through exec.
    gone = client.delete(f"/sandboxes/{sandbox}/files", params={"path": "/workspace/dir"})
    assert gone.status_code == 405
    assert (server.root / "sandboxes" / sandbox / "workspace" / "dir" / "a.txt").exists()
    rm = {"command": "rm -r -- dir", "cwd": "/workspace"}
    assert client.post(f"/sandboxes/{sandbox}/exec", json=rm).json()["data"]["exit_code"] == 0
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/dir/a.txt").status_code == 404
    again = client.post(f"/sandboxes/{sandbox}/exec", json=rm).json()["data"]
    assert again["exit_code"] != 0 and "No such file" in again["stderr"]


def test_write_many_and_batch(client: httpx.Client, sandbox: str) -> None:
    many = client.post(
        f"/sandboxes/{sandbox}/files/write-many",
        json={
            "files": [
                {"path": "/workspace/m1.txt", "content_base64": b64(b"1")},
                {"path": "m2.txt", "content_base64": b64(b"22")},
                {"path": "/etc/evil", "content_base64": b64(b"x")},
                {"path": "bad.txt", "content_base64": "***"},
            ]
        },
    ).json()["data"]
    assert many["written"] == [
        {"path": "/workspace/m1.txt", "size_bytes": 1},
        {"path": "/workspace/m2.txt", "size_bytes": 2},
    ]
    assert [(f["path"], f["code"]) for f in many["failed"]] == [
        ("/etc/evil", "PATH_OUTSIDE_WORKSPACE"),
        ("bad.txt", "INVALID_BASE64"),
    ]
    # /files/batch does not exist: the download route's path glob answers 405.
    batch = client.post(
        f"/sandboxes/{sandbox}/files/batch",
        json={"files": [{"path": "b.txt", "content": b64(b"b")}]},
    )
    assert batch.status_code == 405
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/b.txt").status_code == 404
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/m2.txt").content == b"22"
    fs_many = client.post(
        f"/sandboxes/{sandbox}/fs/write-many",
        json={"files": [{"path": "f.txt", "content_base64": b64(b"fs")}]},
    )
    assert fs_many.json()["data"] == {
        "written": [{"path": "/workspace/f.txt", "size_bytes": 2}],
        "failed": [],
    }


def test_the_fs_routes(client: httpx.Client, sandbox: str) -> None:
    # /fs/write decodes content_base64 and writes content as it is (the legacy /files
    # route decodes content as base64).
    base = f"/sandboxes/{sandbox}/fs"
    encoded = client.post(base + "/write", json={"path": "a.bin", "content_base64": b64(b"\x00")})
    assert encoded.status_code == 200
    assert encoded.json()["data"]["path"] == "/workspace/a.bin"
    verbatim = client.post(base + "/write", json={"path": "/workspace/t.txt", "content": "aGk="})
    assert verbatim.json()["data"]["size_bytes"] == 4
    assert client.get(base + "/download", params={"path": "/workspace/a.bin"}).content == b"\x00"
    text = client.get(base + "/download", params={"path": "t.txt"})
    assert text.content == b"aGk=" and text.headers["content-type"] == "application/octet-stream"
    assert client.get(base + "/download", params={"path": "nope"}).status_code == 404
    assert client.get(base + "/download").status_code == 400
    assert client.get(base + "/download", params={"path": "/etc/passwd"}).status_code == 400
    stat = client.post(base + "/stat", json={"path": "/workspace/t.txt"}).json()["data"]
    assert stat["size"] == 4 and stat["is_dir"] is False


def test_paths_outside_the_workspace_are_refused(
    client: httpx.Client, sandbox: str, server: LocalServer
) -> None:
    def refused(reply: httpx.Response) -> None:
        assert reply.status_code == 400, reply.text
        assert reply.json()["error"]["code"] == "PATH_OUTSIDE_WORKSPACE"

    refused(write(client, sandbox, "../escape.txt", b"x"))
    refused(write(client, sandbox, "/workspace/../escape.txt", b"x"))
    refused(write(client, sandbox, "/etc/passwd", b"x"))
    refused(client.get(f"/sandboxes/{sandbox}/files/etc/passwd"))
    refused(client.get(f"/sandboxes/{sandbox}/files/workspace/%2e%2e/%2e%2e/etc/passwd"))
    refused(client.get(f"/sandboxes/{sandbox}/files", params={"path": "/"}))
    refused(client.post(f"/sandboxes/{sandbox}/files/stat", json={"path": "/workspace/../.."}))
    assert not (server.root / "sandboxes" / sandbox / "escape.txt").exists()

    # Symlinks that resolve outside are refused for reads and writes alike.
    workspace = server.root / "sandboxes" / sandbox / "workspace"
    os.symlink("/etc/passwd", workspace / "link")
    os.symlink("/etc", workspace / "etcdir")
    refused(client.get(f"/sandboxes/{sandbox}/files/workspace/link"))
    refused(write(client, sandbox, "/workspace/etcdir/evil", b"x"))
    refused(client.get(f"/sandboxes/{sandbox}/files", params={"path": "/workspace/etcdir"}))
    # A link inside the workspace is fine, and deleting a link removes only the link.
    os.symlink("a.txt", workspace / "inner")
    write(client, sandbox, "a.txt", b"inside")
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/inner").content == b"inside"
    rm = {"command": "rm -r -- etcdir", "cwd": "/workspace"}
    assert client.post(f"/sandboxes/{sandbox}/exec", json=rm).json()["data"]["exit_code"] == 0
    assert not os.path.lexists(workspace / "etcdir")
    assert os.path.isdir("/etc")


def test_symlink_made_inside_the_sandbox_cannot_escape(client: httpx.Client, sandbox: str) -> None:
    client.post(
        f"/sandboxes/{sandbox}/exec", json={"command": "ln -s /etc/hostname h; ln -s / root"}
    )
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/h").status_code == 400
    assert client.get(f"/sandboxes/{sandbox}/files/workspace/root/etc/passwd").status_code == 400


def test_fifty_megabyte_binary_round_trip(client: httpx.Client, sandbox: str) -> None:
    data = os.urandom(1024 * 1024) * 50
    digest = hashlib.sha256(data).hexdigest()
    reply = client.post(
        f"/sandboxes/{sandbox}/files",
        json={"path": "/workspace/big.bin", "content": b64(data)},
        timeout=60,
    )
    assert reply.status_code == 200 and reply.json()["data"]["size_bytes"] == len(data)
    del data
    sha = hashlib.sha256()
    size = 0
    with client.stream("GET", f"/sandboxes/{sandbox}/files/workspace/big.bin", timeout=60) as resp:
        assert resp.status_code == 200
        assert int(resp.headers["content-length"]) == 50 * 1024 * 1024
        for chunk in resp.iter_raw():
            sha.update(chunk)
            size += len(chunk)
    assert size == 50 * 1024 * 1024 and sha.hexdigest() == digest


def test_exports_single_file_and_archive(client: httpx.Client, sandbox: str) -> None:
    write(client, sandbox, "out/a.txt", b"A")
    write(client, sandbox, "out/b.txt", b"BB")
    export = client.post(
        f"/sandboxes/{sandbox}/exports", json={"paths": ["/workspace/out/a.txt", "/workspace/out"]}
    )
    assert export.status_code == 201
    record = export.json()["data"]
    assert record["status"] == "ready" and record["sandbox_id"] == sandbox
    single = client.get(record["files"][0]["download_url"])
    assert single.status_code == 200 and single.content == b"A"
    archive = client.get(record["archive_download_url"])
    assert archive.status_code == 200
    with tarfile.open(fileobj=io.BytesIO(archive.content), mode="r:gz") as tar:
        names = set(tar.getnames())
    assert {"out/a.txt", "out/b.txt"} <= names
    repeated = client.get(
        f"/sandboxes/{sandbox}/exports/download",
        params=[("paths[]", "/workspace/out/a.txt"), ("paths[]", "/workspace/out/b.txt")],
    )
    with tarfile.open(fileobj=io.BytesIO(repeated.content), mode="r:gz") as tar:
        assert set(tar.getnames()) == {"out/a.txt", "out/b.txt"}
    missing = client.post(f"/sandboxes/{sandbox}/exports", json={"path": "/workspace/none"})
    assert missing.status_code == 404


def test_watch_reports_created_modified_deleted(client: httpx.Client, sandbox: str) -> None:
    def change() -> None:
        time.sleep(0.4)
        write(client, sandbox, "w.txt", b"1")
        time.sleep(0.4)
        write(client, sandbox, "w.txt", b"22")
        time.sleep(0.4)
        client.post(f"/sandboxes/{sandbox}/exec", json={"command": "rm -- /workspace/w.txt"})

    worker = threading.Thread(target=change)
    worker.start()
    try:
        events = collect(client, "GET", f"/sandboxes/{sandbox}/files/watch", count=3, seconds=8)
    finally:
        worker.join(10)
    kinds = [(e.data["type"], e.data["event"], e.data["path"]) for e in events]
    assert kinds == [
        ("created", "created", "/workspace/w.txt"),
        ("modified", "modified", "/workspace/w.txt"),
        ("deleted", "deleted", "/workspace/w.txt"),
    ]
    assert events[0].event == "created" and events[1].data["size_bytes"] == 2
    assert events[0].data["is_dir"] is False
    assert int(events[2].id or 0) > int(events[0].id or 0)
