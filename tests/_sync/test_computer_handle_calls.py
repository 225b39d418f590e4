# This file was generated from
#   tests/_async/test_computer_handle_calls.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Computer handle calls built on other routes: the viewer link, agent runs, ``look`` and
the desktop and idle waits (the local server does not serve computers: wire tests only)."""

from __future__ import annotations

import base64
import time

import httpx
import pytest

from miosa import AuthenticationError, ResourceFailedError, WaitTimeoutError
from miosa.types import ComputerLook, ComputerViewer, Run
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

C = "/computers/cmp_1"
PNG = b"\x89PNG\r\n\x1a\nfake"
TREE = {
    "role": "window",
    "name": "Form",
    "children": [
        {"role": "label", "name": "Name"},
        {"role": "button", "name": "Submit", "bounds": {"x": 100, "y": 200, "width": 80,
                                                        "height": 30}},
        {"role": "button", "label": "Cancel", "bbox": [10, 20, 30, 40]},
    ],
}  # fmt: skip

CASES = [
    Case(call=lambda c: c.computers.handle("cmp_1").viewer_url(
             ttl_seconds=600, view_only=True, mode="vnc"),
         method="GET", path=C + "/embed", query={"ttl": "600", "mode": "vnc", "view_only": "true"},
         reply={"data": {"url": "https://view.example/e/t", "expires_at": "2026-12-04T12:00:00Z",
                         "mode": "vnc"}},
         check=lambda r: isinstance(r, ComputerViewer) and r.url == "https://view.example/e/t"
         and r.mode == "vnc" and r.view_only is None and r.expires_at is not None,
         name="viewer_url"),
    Case(call=lambda c: c.computers.viewer_url("cmp_1"), method="GET", path=C + "/embed",
         reply={"url": "https://view.example/e/u"},
         check=lambda r: isinstance(r, ComputerViewer) and r.url == "https://view.example/e/u",
         name="computers.viewer_url"),
    Case(call=lambda c: c.computers.handle("cmp_1").run_agent(
             "open the browser", runner="codex", model="gpt-5", wait=False),
         method="POST", path="/runs",
         body={"instruction": "open the browser", "target_kind": "computer",
               "target_id": "cmp_1", "computer_id": "cmp_1", "runtime_id": "cmp_1",
               "runner": "codex", "model": "gpt-5", "cwd": "/workspace"},
         header_names=("idempotency-key",), status=201, result=Run, name="run_agent"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_run_agent_waits_for_the_final_run() -> None:
    api = (
        MockAPI()
        .on("POST /runs", json_response(201, {"id": "run_1", "status": "queued"}))
        .on("GET /runs/run_1", json_response(200, {"id": "run_1", "status": "failed"}))
    )
    with make_client(api) as client:
        run = client.computers.handle("cmp_1").run_agent("click OK")
    assert (run.id, run.status) == ("run_1", "failed")  # returned, not raised
    assert [r.method for r in api.requests] == ["POST", "GET"]


def _desktop(api: MockAPI) -> MockAPI:
    return (
        api.on(f"GET {C}/desktop/screenshot", httpx.Response(200, content=PNG))
        .on(f"GET {C}/desktop/screen-size", json_response(200, {"width": 1280, "height": 800}))
        .on(f"GET {C}/desktop/accessibility-tree", json_response(200, TREE))
    )


def test_look_reads_the_screen_its_size_and_the_tree() -> None:
    api = _desktop(MockAPI())
    with make_client(api) as client:
        view = client.computers.handle("cmp_1").look()
        tree_only = client.computers.handle("cmp_1").look(include_image=False)
    assert isinstance(view, ComputerLook)
    assert base64.b64decode(view.image_base64 or "") == PNG
    assert (view.width, view.height, view.tree) == (1280, 800, TREE)
    assert (tree_only.image_base64, tree_only.width, tree_only.tree) == (None, None, TREE)
    assert [r.url.path.rsplit("/", 1)[-1] for r in api.requests] == [
        "screenshot",
        "screen-size",
        "accessibility-tree",
        "accessibility-tree",
    ]


def test_look_finds_nodes_by_name_with_their_centre() -> None:
    view = ComputerLook(tree=TREE)
    submit = view.find("submit")
    assert submit is not None and submit["coordinates"] == [140, 215]
    cancel = view.find("Cancel")
    assert cancel is not None and cancel["coordinates"] == [25, 40]
    name = view.find("name")
    assert name is not None and "coordinates" not in name
    assert view.find("Delete") is None and ComputerLook().find("x") is None


def test_wait_for_desktop_polls_until_the_desktop_answers() -> None:
    not_yet = {"error": {"code": "DESKTOP_UNAVAILABLE", "message": "starting"}}
    api = (
        MockAPI()
        .on(
            f"GET {C}/desktop/screen-size",
            json_response(404, not_yet),
            json_response(503, not_yet),
            json_response(200, {"width": 1280, "height": 800}),
        )
        .on(f"GET {C}/embed", json_response(200, {"url": "https://view.example/e"}))
        .on(f"GET {C}/vnc-credentials", json_response(200, {"password": "pw"}))
    )
    with make_client(api, max_retries=0) as client:
        computer = client.computers.handle("cmp_1")
        embed = computer.wait_for_desktop(timeout=5, poll_interval=0)
        vnc = computer.wait_for_desktop(vnc=True, timeout=5, poll_interval=0)
    assert embed["url"] == "https://view.example/e" and vnc["password"] == "pw"
    assert [r.url.path.rsplit("/", 1)[-1] for r in api.requests] == [
        "screen-size",
        "screen-size",
        "screen-size",
        "embed",
        "screen-size",
        "vnc-credentials",
    ]


def test_wait_for_desktop_times_out_and_raises_other_errors_at_once() -> None:
    starting = json_response(409, {"error": {"code": "NOT_RUNNING", "message": "starting"}})
    denied = json_response(401, {"error": {"code": "UNAUTHORIZED", "message": "bad key"}})
    api = MockAPI().on(f"GET {C}/desktop/screen-size", starting)
    other = MockAPI().on(f"GET {C}/desktop/screen-size", denied)
    with make_client(api, max_retries=0) as client:
        with pytest.raises(WaitTimeoutError, match="computer desktop cmp_1"):
            client.computers.handle("cmp_1").wait_for_desktop(timeout=0.05, poll_interval=0.01)
    with make_client(other, max_retries=0) as client:
        with pytest.raises(AuthenticationError):
            client.computers.handle("cmp_1").wait_for_desktop(timeout=5)
    assert len(other.requests) == 1


def test_wait_until_idle_needs_the_status_to_stay_running() -> None:
    api = MockAPI().on(
        f"GET {C}",
        json_response(200, {"id": "cmp_1", "status": "starting"}),
        json_response(200, {"id": "cmp_1", "status": "active", "name": "n"}),
    )
    with make_client(api) as client:
        computer = client.computers.handle("cmp_1")
        started = time.monotonic()
        same = computer.wait_until_idle(timeout=5, poll_interval=0.01, idle_seconds=0.1)
        waited = time.monotonic() - started
    assert same is computer and (computer.status, computer.name) == ("active", "n")
    assert waited >= 0.1 and len(api.requests) >= 3


def test_wait_until_idle_fails_on_error_and_times_out_while_changing() -> None:
    broken = MockAPI().on(f"GET {C}", json_response(200, {"id": "cmp_1", "status": "error"}))
    flapping = MockAPI().on(
        f"GET {C}",
        *[json_response(200, {"id": "cmp_1", "status": s}) for s in ("active", "stopping") * 50],
    )
    with make_client(broken) as client:
        with pytest.raises(ResourceFailedError, match="'error'"):
            client.computers.handle("cmp_1").wait_until_idle(timeout=5, poll_interval=0)
    with make_client(flapping) as client:
        with pytest.raises(WaitTimeoutError):
            client.computers.handle("cmp_1").wait_until_idle(
                timeout=0.2, poll_interval=0.01, idle_seconds=0.05
            )
