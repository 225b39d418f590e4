# This file was generated from
#   tests/_async/test_sandbox_access.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for the smaller sandbox sub-resources: share links, previews, snapshots,
tags, terminal sessions and logs."""

from __future__ import annotations

import httpx

from miosa import Sandbox
from miosa.types.sandbox_sharing import (
    PreviewShare,
    SandboxPreview,
    SandboxShare,
    TerminalSession,
)
from miosa.types.sandbox_snapshots import SandboxSnapshot
from miosa.types.sandboxes import SandboxLogLine, SandboxLogOutput
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response, sandbox_json

SBX = "/sandboxes/sbx_1"


def routes(api: MockAPI) -> list[tuple[str, str]]:
    return [(r.method, r.url.path.removeprefix("/api/v1")) for r in api.requests]


def test_share_links() -> None:
    share = {"share_id": "shr_1", "share_url": "https://s?ms=t", "scope": "read"}
    api = (
        MockAPI()
        .on(f"POST {SBX}/shares", json_response(201, {"data": share}))
        .on(f"GET {SBX}/shares", json_response(200, {"shares": [share]}))
        .on(f"DELETE {SBX}/shares/shr_1", httpx.Response(204))
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        created = sandbox.share.create(expires_in=3600)
        sandbox.shares.create()
        listed = sandbox.share.list()
        sandbox.share.revoke("shr_1")
    assert api.body(0) == {"scope": "read", "expires_in": 3600}
    assert api.body(1) == {"scope": "read"}
    assert created == SandboxShare(share_id="shr_1", share_url="https://s?ms=t", scope="read")
    assert listed == [created]
    assert routes(api)[-1] == ("DELETE", f"{SBX}/shares/shr_1")


def test_previews() -> None:
    preview = {"id": "prv_1", "port": 8000, "url": "https://8000-x.sandbox.example"}
    api = (
        MockAPI()
        .on(f"GET {SBX}/previews", json_response(200, {"previews": [preview]}))
        .on(f"POST {SBX}/previews", json_response(201, {"data": preview}))
        .on(f"GET {SBX}/previews/prv_1", json_response(200, preview))
        .on(f"DELETE {SBX}/previews/prv_1", httpx.Response(204))
        .on(
            f"POST {SBX}/previews/prv_1/share",
            json_response(200, {"data": {"token": "psh_1", "url": "https://p?ms=psh_1"}}),
        )
        .on(f"DELETE {SBX}/previews/prv_1/share", httpx.Response(204))
    )
    with make_client(api) as client:
        previews = client.sandboxes.handle("sbx_1").previews
        listed = previews.list()
        created = previews.create(8000, extra={"public": True})
        got = previews.get("prv_1")
        shared = previews.share("prv_1")
        previews.share("prv_1", ttl_seconds=60)
        previews.revoke_share("prv_1")
        previews.delete("prv_1")
    expected = SandboxPreview(id="prv_1", port=8000, url="https://8000-x.sandbox.example")
    assert listed == [expected] and created == got == expected
    assert api.body(1) == {"port": 8000, "public": True}
    assert api.body(3) == {"ttl_seconds": 3600}
    assert api.body(4) == {"ttl_seconds": 60}
    assert shared == PreviewShare(token="psh_1", url="https://p?ms=psh_1")
    assert routes(api)[-2:] == [
        ("DELETE", f"{SBX}/previews/prv_1/share"),
        ("DELETE", f"{SBX}/previews/prv_1"),
    ]


def test_snapshots_and_restore_into_a_new_handle() -> None:
    snap = {"id": "snap_1", "sandbox_id": "sbx_1", "status": "ready", "comment": "pre"}
    api = (
        MockAPI()
        .on(f"POST {SBX}/snapshots", json_response(201, {"data": snap}))
        .on(f"GET {SBX}/snapshots", json_response(200, {"snapshots": [snap]}))
        .on(
            f"POST {SBX}/restore/snap_1",
            json_response(200, {"data": sandbox_json(id="sbx_2", name="restored")}),
        )
        .on(f"DELETE {SBX}/snapshots/snap_1", httpx.Response(204))
        .on("GET /sandboxes/sbx_2", json_response(200, sandbox_json(id="sbx_2")))
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        created = sandbox.snapshots.create("pre")
        sandbox.snapshots.create(keep=True, retention_seconds=60)
        sandbox.snapshots.create()
        listed = sandbox.snapshots.list()
        restored = sandbox.snapshots.restore("snap_1")
        restored.refresh()  # the new handle is bound to the client
        sandbox.snapshots.delete("snap_1")
    assert [api.body(i) for i in range(3)] == [
        {"comment": "pre"},
        {"keep": True, "retention_seconds": 60},
        {},
    ]
    assert created == SandboxSnapshot(
        id="snap_1", sandbox_id="sbx_1", status="ready", comment="pre"
    )
    assert listed == [created]
    assert isinstance(restored, Sandbox) and restored is not sandbox
    assert (restored.id, sandbox.id, sandbox.name) == ("sbx_2", "sbx_1", None)
    assert api.body(4) == {}
    assert routes(api)[-2:] == [("GET", "/sandboxes/sbx_2"), ("DELETE", f"{SBX}/snapshots/snap_1")]


def test_tags_set_merges_the_reply_into_the_handle() -> None:
    api = MockAPI().on(
        f"PATCH {SBX}/tags",
        json_response(200, {"data": sandbox_json(tags=["a", "b"], name="tagged")}),
        json_response(200, {"data": {"tags": ["c"]}}),
    )
    with make_client(api) as client:
        sandbox = client.sandboxes.handle("sbx_1")
        same = sandbox.tags.set(["a", "b"])
        again = sandbox.tags.set(("c",))
    assert api.body(0) == {"tags": ["a", "b"]}
    assert api.body(1) == {"tags": ["c"]}
    assert same is sandbox is again
    assert sandbox.tag_names == ("a", "b") and sandbox.name == "tagged"


def test_terminal_sessions() -> None:
    api = (
        MockAPI()
        .on(
            f"POST {SBX}/terminal",
            json_response(201, {"data": {"session_id": "term_1", "ws_url": "wss://t", "x": 1}}),
        )
        .on(f"DELETE {SBX}/terminal/term_1", httpx.Response(204))
    )
    with make_client(api) as client:
        terminal = client.sandboxes.handle("sbx_1").terminal
        session = terminal.create(cols=120, rows=40, shell="/bin/bash", env={"T": "1"})
        terminal.create()
        terminal.delete("term_1")
    assert api.body(0) == {"cols": 120, "rows": 40, "shell": "/bin/bash", "env": {"T": "1"}}
    assert api.body(1) == {}
    assert session == TerminalSession(session_id="term_1", ws_url="wss://t")
    assert session.raw["x"] == 1
    assert routes(api)[-1] == ("DELETE", f"{SBX}/terminal/term_1")


def test_logs_get_in_each_shape_and_stream() -> None:
    stream_body = (
        b'id: 7\ndata: {"line":"booted","stream":"system","timestamp":"2026-11-28T10:00:00Z"}\n\n'
        b"id: 8\ndata: plain line\n\n"
    )
    api = (
        MockAPI()
        .on(
            f"GET {SBX}/logs",
            json_response(200, {"data": {"lines": ["a", "b"], "entries": [{"line": "a"}]}}),
            json_response(200, {"data": "x\ny\n"}),
        )
        .on(
            f"GET {SBX}/logs/stream",
            httpx.Response(200, headers={"content-type": "text/event-stream"}, content=stream_body),
        )
    )
    with make_client(api) as client:
        logs = client.sandboxes.handle("sbx_1").logs
        first = logs.get(lines=2)
        second = logs.get()
        with logs.stream() as lines:
            streamed = [line for line in lines]
    assert dict(api.requests[0].url.params) == {"lines": "2"}
    assert dict(api.requests[1].url.params) == {}
    assert first == SandboxLogOutput(lines=("a", "b"), entries=(SandboxLogLine(line="a"),))
    assert second.lines == ("x", "y") and second.text == "x\ny"
    assert [(s.line, s.stream, s.id) for s in streamed] == [
        ("booted", "system", "7"),
        ("plain line", None, "8"),
    ]
    assert streamed[0].timestamp is not None and streamed[0].timestamp.year == 2026
