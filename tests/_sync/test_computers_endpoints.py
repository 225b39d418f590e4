# This file was generated from
#   tests/_async/test_computers_endpoints.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Every request/response endpoint of the computer groups, exactly as it reaches the wire.

One row per endpoint: the call, then the method, path, query and JSON body the server
must see, then the kind of reply and the type of what the caller gets back. WebSocket,
SSE and streamed-download endpoints have their own tests in ``test_computers_streams``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from miosa import CommandError, Miosa, NotFoundError, ServerError, ValidationError
from miosa._sync.resources.computers import Computer
from miosa.types.computers import (
    Checkpoint,
    CheckpointRestore,
    ComputerDirEntry,
    ComputerDomain,
    ComputerEnvVar,
    ComputerExecResult,
    ComputerFileEntry,
    ComputerFileExport,
    ComputerFileStat,
    ComputerNetworkPolicyData,
    ComputerNetworkRule,
    ComputerPort,
    ComputerViewerPassword,
    ComputerViewerPasswordStatus,
    ComputerVolumeAttachment,
    DesktopActionResult,
    DesktopCursor,
    DesktopEnvironment,
    DesktopPosition,
    DesktopSize,
    DesktopWindow,
)
from tests._sync._helpers import make_client, run_case
from tests.helpers import (
    NO_BODY,
    Case,
    MockAPI,
    case_id,
    form_parts,
    json_response,
    named_pipe_giving,
    needs_fifo,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
OBJ, LIST, EMPTY, BYTES = "obj", "list", "empty", "bytes"
C = "/computers/cmp_1"


def c(client: Miosa) -> Computer:
    return client.computers.handle("cmp_1")


def reply(kind: str) -> httpx.Response:
    if kind == EMPTY:
        return httpx.Response(204)
    if kind == BYTES:
        return httpx.Response(200, content=PNG, headers={"content-type": "image/png"})
    if kind == LIST:
        return httpx.Response(200, json={"data": [{"id": "x_1"}, {"id": "x_2"}]})
    return httpx.Response(200, json={"data": {"id": "x_1"}})


Call = Callable[[Miosa], Any]

# (id, call, method, path, query, json body (None: no body), reply, result type)
ROWS: list[tuple[str, Call, str, str, dict[str, str], Any, str, type]] = [
    # -- computers ---------------------------------------------------------------------
    (
        "computers.create",
        lambda cl: cl.computers.create(
            name="agent", size="xlarge", visibility="key", metadata={"a": "1"}
        ),
        "POST",
        "/computers",
        {},
        {
            "name": "agent",
            "template_type": "miosa-desktop",
            "size": "xl",
            "visibility": "key",
            "metadata": {"a": "1"},
        },
        OBJ,
        Computer,
    ),
    (
        "computers.create-profile",
        lambda cl: cl.computers.create(
            name="a",
            template_type="miosa-sandbox",
            size="large",
            agent_runtime_profile_id="arp_1",
            skip_agent_runtime_profile=False,
        ),
        "POST",
        "/computers",
        {},
        {
            "name": "a",
            "template_type": "miosa-sandbox",
            "size": "large",
            "agent_runtime_profile_id": "arp_1",
            "skip_agent_runtime_profile": False,
        },
        OBJ,
        Computer,
    ),
    (
        "computers.create-environment",
        lambda cl: cl.computers.create(
            name="b",
            workspace_id="ws_1",
            external_workspace_id="ext_w",
            external_project_id="ext_p",
            agent_profile_id="ap_1",
            setup_file="setup.sh",
            environment="prod",
            no_env=False,
            env={"K": "v"},
            fail_fast=True,
            compute_placement_request={"provider": "aws", "regionId": "r1", "pool_id": "p1"},
        ),
        "POST",
        "/computers",
        {},
        {
            "name": "b",
            "template_type": "miosa-desktop",
            "size": "small",
            "workspace_id": "ws_1",
            "external_workspace_id": "ext_w",
            "external_project_id": "ext_p",
            "agent_profile_id": "ap_1",
            "setup_file": "setup.sh",
            "environment": "prod",
            "no_env": False,
            "env": {"K": "v"},
            "fail_fast": True,
            "compute_placement_request": {"provider": "aws", "region_id": "r1", "pool_id": "p1"},
        },
        OBJ,
        Computer,
    ),
    ("computers.get", lambda cl: cl.computers.get("cmp_1"), "GET", C, {}, None, OBJ, Computer),
    (
        "computers.update",
        lambda cl: cl.computers.update("cmp_1", name="n2", visibility="public"),
        "PATCH",
        C,
        {},
        {"name": "n2", "visibility": "public"},
        OBJ,
        Computer,
    ),
    ("computers.delete", lambda cl: cl.computers.delete("cmp_1"), "DELETE", C, {}, None, EMPTY,
     type(None)),
    (
        "computers.viewer_password",
        lambda cl: cl.computers.viewer_password("cmp_1"),
        "GET",
        C + "/viewer-password",
        {},
        None,
        OBJ,
        ComputerViewerPasswordStatus,
    ),
    (
        "computers.rotate_viewer_password",
        lambda cl: c(cl).rotate_viewer_password(),
        "POST",
        C + "/viewer-password/rotate",
        {},
        None,
        OBJ,
        ComputerViewerPassword,
    ),
    ("computer.start", lambda cl: c(cl).start(), "POST", C + "/start", {}, None, OBJ,
     Computer),
    (
        "computer.start-environment",
        lambda cl: c(cl).start(environment="staging", env={"A": "1"}, fail_fast=True),
        "POST",
        C + "/start",
        {},
        {"environment": "staging", "env": {"A": "1"}, "fail_fast": True},
        OBJ,
        Computer,
    ),
    (
        "computers.start-no-env",
        lambda cl: cl.computers.start("cmp_1", environment_id="env_1", env_id="e2", no_env=False),
        "POST",
        C + "/start",
        {},
        {"environment_id": "env_1", "env_id": "e2", "no_env": False},
        OBJ,
        Computer,
    ),
    ("computer.stop", lambda cl: c(cl).stop(), "POST", C + "/stop", {}, None, OBJ, Computer),
    ("computer.restart", lambda cl: c(cl).restart(), "POST", C + "/restart", {}, None, OBJ,
     Computer),
    ("computer.vnc_credentials", lambda cl: c(cl).vnc_credentials(), "GET",
     C + "/vnc-credentials", {}, None, OBJ, dict),
    ("computer.apps", lambda cl: c(cl).apps(), "GET", C + "/apps", {}, None, LIST, list),
    ("computer.urls", lambda cl: c(cl).urls(), "GET", C + "/urls", {}, None, LIST, list),
    ("computer.stream_token", lambda cl: c(cl).stream_token(), "POST", C + "/stream-token", {},
     None, OBJ, dict),
    ("computer.embed", lambda cl: c(cl).embed(), "GET", C + "/embed", {}, None, OBJ, dict),
    ("computer.embed-options", lambda cl: c(cl).embed(ttl=300, mode="view", view_only=True),
     "GET", C + "/embed", {"ttl": "300", "mode": "view", "view_only": "true"}, None, OBJ, dict),
    (
        "computer.clone",
        lambda cl: c(cl).clone(name="copy", extra={"region": "eu-1"}),
        "POST",
        C + "/clone",
        {},
        {"name": "copy", "region": "eu-1"},
        OBJ,
        Computer,
    ),
    ("computer.resize", lambda cl: c(cl).resize("xlarge"), "POST", C + "/resize", {},
     {"size": "xl"}, OBJ, Computer),
    ("computer.resize-explicit", lambda cl: c(cl).resize(cpu_count=4, memory_mb=8192), "POST",
     C + "/resize", {}, {"cpu_count": 4, "memory_mb": 8192}, OBJ, Computer),
    (
        "computer.move",
        lambda cl: c(cl).move(region="us-east", extra={"host_id": None}),
        "POST",
        C + "/move",
        {},
        {"region": "us-east", "host_id": None},
        OBJ,
        Computer,
    ),
    (
        "computer.screenshot_region",
        lambda cl: c(cl).screenshot_region(x=10, y=20, width=300, height=200),
        "POST",
        C + "/desktop/screenshot/region",
        {},
        {"x": 10, "y": 20, "width": 300, "height": 200},
        BYTES,
        bytes,
    ),
    ("computer.metrics", lambda cl: c(cl).metrics(window="24h"), "GET", C + "/metrics",
     {"window": "24h"}, None, OBJ, dict),
    ("computer.metrics-default", lambda cl: c(cl).metrics(), "GET", C + "/metrics",
     {"window": "1h"}, None, OBJ, dict),
    # -- inbox ---------------------------------------------------------------------------
    ("inbox.get", lambda cl: c(cl).inbox.get(), "GET", C + "/inbox", {}, None, OBJ, dict),
    ("inbox.update", lambda cl: c(cl).inbox.update({"enabled": True, "address": None}), "PATCH",
     C + "/inbox", {}, {"enabled": True, "address": None}, OBJ, dict),
    # -- desktop -------------------------------------------------------------------------
    ("desktop.screenshot", lambda cl: c(cl).desktop.screenshot(), "GET",
     C + "/desktop/screenshot", {}, None, BYTES, bytes),
    ("desktop.click", lambda cl: c(cl).desktop.click(640, 400), "POST", C + "/desktop/click", {},
     {"x": 640, "y": 400, "button": "left"}, OBJ, DesktopActionResult),
    ("desktop.right_click", lambda cl: c(cl).right_click(5, 6), "POST", C + "/desktop/click", {},
     {"x": 5, "y": 6, "button": "right"}, OBJ, DesktopActionResult),
    ("desktop.double_click", lambda cl: c(cl).desktop.double_click(1, 2), "POST",
     C + "/desktop/double-click", {}, {"x": 1, "y": 2}, OBJ, DesktopActionResult),
    ("desktop.move_mouse", lambda cl: c(cl).desktop.move_mouse(3, 4), "POST",
     C + "/desktop/move", {}, {"x": 3, "y": 4}, OBJ, DesktopActionResult),
    ("desktop.type", lambda cl: c(cl).desktop.type("hello world"), "POST", C + "/desktop/type",
     {}, {"text": "hello world"}, OBJ, DesktopActionResult),
    ("desktop.write-delay", lambda cl: c(cl).write("hi", delay=0.05), "POST",
     C + "/desktop/type", {}, {"text": "hi", "delay": 0.05}, OBJ, DesktopActionResult),
    ("desktop.key", lambda cl: c(cl).desktop.key("ctrl+c"), "POST", C + "/desktop/key", {},
     {"key": "ctrl+c"}, OBJ, DesktopActionResult),
    ("desktop.press", lambda cl: c(cl).press("Return"), "POST", C + "/desktop/key", {},
     {"key": "Return"}, OBJ, DesktopActionResult),
    ("desktop.scroll", lambda cl: c(cl).desktop.scroll("down"), "POST", C + "/desktop/scroll",
     {}, {"direction": "down", "clicks": 3}, OBJ, DesktopActionResult),
    ("desktop.scroll-at", lambda cl: c(cl).scroll("up", 5, x=10, y=0), "POST",
     C + "/desktop/scroll", {}, {"direction": "up", "clicks": 5, "x": 10, "y": 0}, OBJ,
     DesktopActionResult),
    ("desktop.drag", lambda cl: c(cl).drag(100, 100, 400, 400), "POST", C + "/desktop/drag", {},
     {"from_x": 100, "from_y": 100, "to_x": 400, "to_y": 400}, OBJ, DesktopActionResult),
    ("desktop.wait", lambda cl: c(cl).wait(5), "POST", C + "/desktop/wait", {}, {"seconds": 5},
     OBJ, DesktopActionResult),
    ("desktop.windows", lambda cl: c(cl).desktop.windows(), "GET", C + "/desktop/windows", {},
     None, LIST, list),
    ("desktop.cursor", lambda cl: c(cl).cursor(), "GET", C + "/desktop/cursor", {}, None, OBJ,
     DesktopCursor),
    ("desktop.focus_window", lambda cl: c(cl).desktop.focus_window("0x3e00007"), "POST",
     C + "/desktop/window/focus", {}, {"window_id": "0x3e00007"}, OBJ, DesktopActionResult),
    ("desktop.launch", lambda cl: c(cl).launch("firefox"), "POST", C + "/desktop/launch", {},
     {"app": "firefox"}, OBJ, DesktopActionResult),
    ("desktop.hotkey", lambda cl: c(cl).desktop.hotkey("ctrl", "shift", "t"), "POST",
     C + "/desktop/hotkey", {}, {"keys": ["ctrl", "shift", "t"]}, OBJ, DesktopActionResult),
    ("desktop.key_down", lambda cl: c(cl).desktop.key_down("shift"), "POST",
     C + "/desktop/key-down", {}, {"key": "shift"}, OBJ, DesktopActionResult),
    ("desktop.key_up", lambda cl: c(cl).desktop.key_up("shift"), "POST", C + "/desktop/key-up",
     {}, {"key": "shift"}, OBJ, DesktopActionResult),
    ("desktop.mouse_down", lambda cl: c(cl).desktop.mouse_down(7, 8), "POST",
     C + "/desktop/mouse-down", {}, {"x": 7, "y": 8, "button": "left"}, OBJ,
     DesktopActionResult),
    ("desktop.mouse_up", lambda cl: c(cl).desktop.mouse_up(7, 8, button="right"), "POST",
     C + "/desktop/mouse-up", {}, {"x": 7, "y": 8, "button": "right"}, OBJ,
     DesktopActionResult),
    ("desktop.screen_size", lambda cl: c(cl).desktop.screen_size(), "GET",
     C + "/desktop/screen-size", {}, None, OBJ, DesktopSize),
    ("desktop.accessibility_tree", lambda cl: c(cl).desktop.accessibility_tree(), "GET",
     C + "/desktop/accessibility-tree", {}, None, OBJ, dict),
    ("desktop.environment", lambda cl: c(cl).desktop.environment(), "GET",
     C + "/desktop/environment", {}, None, OBJ, DesktopEnvironment),
    ("desktop.set_wallpaper", lambda cl: c(cl).desktop.set_wallpaper("/home/u/bg.png"), "POST",
     C + "/desktop/wallpaper", {}, {"path": "/home/u/bg.png"}, OBJ, DesktopActionResult),
    ("desktop.clipboard", lambda cl: c(cl).desktop.clipboard(), "GET", C + "/desktop/clipboard",
     {}, None, OBJ, str),
    ("desktop.set_clipboard", lambda cl: c(cl).desktop.set_clipboard("copied"), "POST",
     C + "/desktop/clipboard", {}, {"text": "copied"}, OBJ, DesktopActionResult),
    ("desktop.window_size", lambda cl: c(cl).desktop.window_size("0x3e/7"), "GET",
     C + "/desktop/window/0x3e%2F7/size", {}, None, OBJ, DesktopSize),
    ("desktop.window_position", lambda cl: c(cl).desktop.window_position("0x3e"), "GET",
     C + "/desktop/window/0x3e/position", {}, None, OBJ, DesktopPosition),
    ("desktop.resize_window", lambda cl: c(cl).desktop.resize_window("0x3e", 800, 600), "POST",
     C + "/desktop/window/0x3e/resize", {}, {"width": 800, "height": 600}, OBJ,
     DesktopActionResult),
    ("desktop.move_window", lambda cl: c(cl).desktop.move_window("0x3e", 0, 30), "POST",
     C + "/desktop/window/0x3e/move", {}, {"x": 0, "y": 30}, OBJ, DesktopActionResult),
    ("desktop.maximize_window", lambda cl: c(cl).desktop.maximize_window("0x3e"), "POST",
     C + "/desktop/window/0x3e/maximize", {}, {}, OBJ, DesktopActionResult),
    ("desktop.minimize_window", lambda cl: c(cl).desktop.minimize_window("0x3e"), "POST",
     C + "/desktop/window/0x3e/minimize", {}, {}, OBJ, DesktopActionResult),
    ("desktop.close_window", lambda cl: c(cl).desktop.close_window("0x3e"), "POST",
     C + "/desktop/window/0x3e/close", {}, {}, OBJ, DesktopActionResult),
    # -- files ---------------------------------------------------------------------------
    ("files.upload", lambda cl: c(cl).files.upload("/home/user/a.bin", b"\x00\xff"), "POST",
     C + "/files/write", {}, {"path": "/home/user/a.bin", "content_base64": "AP8="}, OBJ,
     ComputerFileEntry),
    ("files.write-text", lambda cl: c(cl).files.write("/tmp/t.txt", "hé"), "POST",
     C + "/files/write", {}, {"path": "/tmp/t.txt", "content_base64": "aMOp"}, OBJ,
     ComputerFileEntry),
    ("files.list", lambda cl: c(cl).files.list("/home/user"), "GET", C + "/files",
     {"path": "/home/user"}, None, LIST, list),
    ("files.list-default", lambda cl: c(cl).files.list(), "GET", C + "/files", {}, None, LIST,
     list),
    ("files.read", lambda cl: c(cl).files.read("/home/user/a b.png"), "GET",
     C + "/files/download", {"path": "/home/user/a b.png"}, None, BYTES, bytes),
    ("files.export", lambda cl: c(cl).files.export("/tmp/r.pdf"), "POST", C + "/files/export",
     {}, {"path": "/tmp/r.pdf"}, OBJ, ComputerFileExport),
    ("files.delete", lambda cl: c(cl).files.delete("/tmp/x"), "DELETE", C + "/files", {},
     {"path": "/tmp/x"}, EMPTY, type(None)),
    ("files.stat", lambda cl: c(cl).files.stat("/etc/hosts"), "POST", C + "/files/stat", {},
     {"path": "/etc/hosts"}, OBJ, ComputerFileStat),
    ("files.mkdir", lambda cl: c(cl).files.mkdir("/srv/app"), "POST", C + "/files/mkdir", {},
     {"path": "/srv/app", "recursive": True, "mode": "0755"}, EMPTY, type(None)),
    ("files.mkdir-mode", lambda cl: c(cl).files.mkdir("/srv", recursive=False, mode=0o700),
     "POST", C + "/files/mkdir", {}, {"path": "/srv", "recursive": False, "mode": "0700"}, OBJ,
     type(None)),
    ("files.rename", lambda cl: c(cl).files.rename("/a", "/b"), "POST", C + "/files/rename", {},
     {"from": "/a", "to": "/b"}, EMPTY, type(None)),
    ("files.copy", lambda cl: c(cl).files.copy(from_="/a", to="/b", recursive=True), "POST",
     C + "/files/copy", {}, {"from": "/a", "to": "/b", "recursive": True}, EMPTY, type(None)),
    ("files.copy-default", lambda cl: c(cl).files.copy("/a", "/b"), "POST", C + "/files/copy",
     {}, {"from": "/a", "to": "/b", "recursive": False}, EMPTY, type(None)),
    ("files.chmod", lambda cl: c(cl).files.chmod("/run.sh", 0o755), "POST", C + "/files/chmod",
     {}, {"path": "/run.sh", "mode": "0755"}, EMPTY, type(None)),
    ("files.readdir", lambda cl: c(cl).files.readdir("/srv"), "GET", C + "/files/readdir",
     {"path": "/srv"}, None, LIST, list),
    # -- exec ----------------------------------------------------------------------------
    ("exec.bash", lambda cl: c(cl).exec.bash("ls -la"), "POST", C + "/exec", {},
     {"command": "ls -la"}, OBJ, ComputerExecResult),
    ("exec.bash-timeout", lambda cl: c(cl).bash("make", timeout=120), "POST", C + "/exec", {},
     {"command": "make", "timeout": 120}, OBJ, ComputerExecResult),
    ("exec.python", lambda cl: c(cl).python("print(1)", timeout=5), "POST", C + "/exec/python",
     {}, {"code": "print(1)", "timeout": 5}, OBJ, ComputerExecResult),
    # -- terminal ------------------------------------------------------------------------
    ("terminal.create", lambda cl: c(cl).terminal.create(cols=120, rows=40, shell="/bin/zsh"),
     "POST", C + "/terminal", {}, {"cols": 120, "rows": 40, "shell": "/bin/zsh"}, OBJ, dict),
    ("terminal.create-empty", lambda cl: c(cl).terminal.create(), "POST", C + "/terminal", {},
     {}, OBJ, dict),
    ("terminal.resize", lambda cl: c(cl).terminal.resize("pty/1", cols=80, rows=24), "POST",
     C + "/pty/pty%2F1/resize", {}, {"cols": 80, "rows": 24}, OBJ, dict),
    # -- env -----------------------------------------------------------------------------
    ("env.list", lambda cl: c(cl).env.list(), "GET", C + "/env", {}, None, LIST, list),
    ("env.set", lambda cl: c(cl).env.set("API_TOKEN", "t0k"), "POST", C + "/env", {},
     {"name": "API_TOKEN", "value": "t0k"}, OBJ, ComputerEnvVar),
    ("env.update", lambda cl: c(cl).env.update("API_TOKEN", "t1k"), "PATCH",
     C + "/env/API_TOKEN", {}, {"value": "t1k"}, OBJ, ComputerEnvVar),
    ("env.delete", lambda cl: c(cl).env.delete("API_TOKEN"), "DELETE", C + "/env/API_TOKEN", {},
     None, EMPTY, type(None)),
    # -- ports ---------------------------------------------------------------------------
    ("ports.list", lambda cl: c(cl).ports.list(), "GET", C + "/ports", {}, None, LIST, list),
    ("ports.create", lambda cl: c(cl).ports.create(3000, visibility="public"), "POST",
     C + "/ports", {}, {"port": 3000, "visibility": "public"}, OBJ, ComputerPort),
    ("ports.update", lambda cl: c(cl).ports.update(3000, extra={"auth": "key"}), "PATCH",
     C + "/ports/3000", {}, {"auth": "key"}, OBJ, ComputerPort),
    ("ports.delete", lambda cl: c(cl).ports.delete(3000), "DELETE", C + "/ports/3000", {}, None,
     EMPTY, type(None)),
    # -- volumes -------------------------------------------------------------------------
    ("volumes.list", lambda cl: c(cl).volumes.list(), "GET", C + "/volumes", {}, None, LIST,
     list),
    ("volumes.attach", lambda cl: c(cl).volumes.attach("vol_1", mount_path="/data"), "POST",
     C + "/volumes", {}, {"volume_id": "vol_1", "mount_path": "/data"}, OBJ,
     ComputerVolumeAttachment),
    ("volumes.attach-default", lambda cl: c(cl).volumes.attach("vol_1"), "POST",
     C + "/volumes", {}, {"volume_id": "vol_1"}, OBJ, ComputerVolumeAttachment),
    ("volumes.detach", lambda cl: c(cl).volumes.detach("att_1"), "DELETE", C + "/volumes/att_1",
     {}, None, EMPTY, type(None)),
    # -- logs ----------------------------------------------------------------------------
    ("logs.get", lambda cl: c(cl).logs.get(lines=200, since="2026-11-28T10:00:00Z"), "GET",
     C + "/logs", {"lines": "200", "since": "2026-11-28T10:00:00Z"}, None, OBJ, dict),
    # -- auto stop -----------------------------------------------------------------------
    ("auto_stop.get", lambda cl: c(cl).auto_stop.get(), "GET", C + "/auto-stop", {}, None, OBJ,
     dict),
    ("auto_stop.update", lambda cl: c(cl).auto_stop.update(0), "PATCH", C + "/auto-stop", {},
     {"seconds": 0}, OBJ, dict),
    # -- osa -----------------------------------------------------------------------------
    ("osa.submit_task", lambda cl: c(cl).osa.submit_task("book a room", extra={"priority": 2}),
     "POST", C + "/osa/task", {}, {"task": "book a room", "priority": 2}, OBJ, dict),
    ("osa.cancel_task", lambda cl: c(cl).osa.cancel_task(), "DELETE", C + "/osa/task", {}, None,
     OBJ, dict),
    ("osa.status", lambda cl: c(cl).osa.status(), "GET", C + "/osa/status", {}, None, OBJ, dict),
    ("osa.configure", lambda cl: c(cl).osa.configure({"model": "m1", "tools": ["browser"]}),
     "POST", C + "/osa/configure", {}, {"model": "m1", "tools": ["browser"]}, OBJ, dict),
    # -- checkpoints ---------------------------------------------------------------------
    ("checkpoints.create", lambda cl: c(cl).checkpoints.create(comment="before upgrade"),
     "POST", C + "/snapshots", {}, {"comment": "before upgrade"}, OBJ, Checkpoint),
    ("checkpoints.create-bare", lambda cl: c(cl).checkpoints.create(), "POST", C + "/snapshots",
     {}, {}, OBJ, Checkpoint),
    ("checkpoints.list", lambda cl: c(cl).checkpoints.list(), "GET", C + "/snapshots", {}, None,
     LIST, list),
    ("checkpoints.get", lambda cl: c(cl).checkpoints.get("snap_1"), "GET",
     C + "/snapshots/snap_1", {}, None, OBJ, Checkpoint),
    ("checkpoints.delete", lambda cl: c(cl).checkpoints.delete("snap_1"), "DELETE",
     C + "/snapshots/snap_1", {}, None, OBJ, Checkpoint),
    ("checkpoints.restore", lambda cl: c(cl).checkpoints.restore("snap_1"), "POST",
     C + "/restore/snap_1", {}, None, OBJ, CheckpointRestore),
    # -- network policy ------------------------------------------------------------------
    ("network_policy.get", lambda cl: c(cl).network_policy.get(), "GET",
     C + "/network-policy", {}, None, OBJ, ComputerNetworkPolicyData),
    (
        "network_policy.set",
        lambda cl: c(cl).network_policy.set(
            [
                ComputerNetworkRule(effect="allow", destination="*.github.com", ports="443"),
                {"effect": "deny", "destination": "any", "protocol": "udp"},
            ],
            default_effect="allow",
        ),
        "PUT",
        C + "/network-policy",
        {},
        {
            "rules": [
                {"effect": "allow", "destination": "*.github.com", "ports": "443"},
                {"effect": "deny", "destination": "any", "protocol": "udp"},
            ],
            "default_effect": "allow",
        },
        OBJ,
        ComputerNetworkPolicyData,
    ),
    ("network_policy.reset", lambda cl: c(cl).network_policy.reset(), "DELETE",
     C + "/network-policy", {}, None, EMPTY, type(None)),
    # -- domains -------------------------------------------------------------------------
    ("domains.register", lambda cl: c(cl).domains.register("app.example.com"), "POST",
     C + "/domains", {}, {"fqdn": "app.example.com"}, OBJ, ComputerDomain),
    ("domains.list", lambda cl: c(cl).domains.list(), "GET", C + "/domains", {}, None, LIST,
     list),
    ("domains.verify", lambda cl: c(cl).domains.verify("dom_1"), "POST",
     C + "/domains/dom_1/verify", {}, None, OBJ, ComputerDomain),
    ("domains.delete", lambda cl: c(cl).domains.delete("dom_1"), "DELETE", C + "/domains/dom_1",
     {}, None, OBJ, type(None)),
]  # fmt: skip


def _check(kind: str, result_type: type[Any]) -> Callable[[Any], bool]:
    """What a reply of this kind must come back as (an instance of ``result_type``)."""

    def check(result: Any) -> bool:
        if not isinstance(result, result_type):
            return False
        if kind == BYTES:
            return bool(result == PNG)
        if kind == LIST and result_type is list and isinstance(result[0], dict):
            return bool(result == [{"id": "x_1"}, {"id": "x_2"}])
        if kind == LIST:
            return [item.raw["id"] for item in result] == ["x_1", "x_2"]
        if result_type is str:
            return bool(result == "")
        if kind == OBJ and result_type is dict:
            return bool(result == {"id": "x_1"})
        if kind == OBJ and result_type not in (type(None), CheckpointRestore):
            return bool(result.raw == {"id": "x_1"})
        return True

    return check


CASES = [
    Case(
        name=name,
        call=call,
        method=method,
        path=path,
        query=params,
        body=NO_BODY if json_body is None else json_body,
        reply=reply(kind),
        check=_check(kind, result_type),
    )
    for name, call, method, path, params, json_body, kind, result_type in ROWS
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_endpoint_request_and_result(case: Case) -> None:
    run_case(case)


LIST_ITEM_TYPES = {
    "desktop.windows": DesktopWindow,
    "files.readdir": ComputerDirEntry,
    "files.list": ComputerFileEntry,
    "env.list": ComputerEnvVar,
    "ports.list": ComputerPort,
    "volumes.list": ComputerVolumeAttachment,
    "checkpoints.list": Checkpoint,
    "domains.list": ComputerDomain,
}


@pytest.mark.parametrize("row_id", sorted(LIST_ITEM_TYPES))
def test_list_endpoints_return_typed_items(row_id: str) -> None:
    row = next(r for r in ROWS if r[0] == row_id)
    api = MockAPI().on(f"{row[2]} {row[3]}", reply(LIST))
    with make_client(api) as client:
        items = row[1](client)
    assert all(type(item) is LIST_ITEM_TYPES[row_id] for item in items)


# -- reply shapes both SDK generations describe, and server errors ---------------------------


def _one(route: str, reply: httpx.Response, call: Call) -> Any:
    api = MockAPI().on(route, reply)
    with make_client(api, max_retries=0) as client:
        return call(client)


def test_exec_reads_the_output_under_stdout_or_output() -> None:
    for payload in (
        {"stdout": "hi\n", "stderr": "", "exit_code": 0},
        {"output": "hi\n", "stderr": "", "exit_code": 0, "success": True},
        {"data": {"output": "hi\n", "exit_code": 0}},
    ):
        result = _one(
            f"POST {C}/exec", json_response(200, payload), lambda cl: c(cl).exec.bash("echo hi")
        )
        assert isinstance(result, ComputerExecResult)
        assert (result.stdout, result.exit_code, result.ok) == ("hi\n", 0, True)


def test_exec_with_check_raises_command_error_on_a_non_zero_exit() -> None:
    failed = json_response(200, {"output": "", "stderr": "boom\n", "exit_code": 1})
    with pytest.raises(CommandError) as bash:
        _one(f"POST {C}/exec", failed, lambda cl: c(cl).bash("false", check=True))
    with pytest.raises(CommandError) as python:
        _one(f"POST {C}/exec/python", failed, lambda cl: c(cl).exec.python("1/0", check=True))
    assert (bash.value.command, bash.value.exit_code, bash.value.stderr) == ("false", 1, "boom\n")
    assert (python.value.command, python.value.exit_code) == ("python", 1)
    ok = json_response(200, {"stdout": "1\n", "exit_code": 0})
    result = _one(f"POST {C}/exec", ok, lambda cl: c(cl).exec.bash("echo 1", check=True))
    assert result.stdout == "1\n"


def test_file_list_reads_entries_whichever_shape_comes_back() -> None:
    entry = {"name": "a.txt", "path": "/w/a.txt", "size": 3, "is_dir": False}
    for payload in (
        {"entries": [entry], "path": "/w"},
        {"data": {"entries": [entry], "path": "/w"}},
        {"data": [entry]},
        [entry],
    ):
        result = _one(
            f"GET {C}/files", json_response(200, payload), lambda cl: c(cl).files.list("/w")
        )
        assert [e.name for e in result] == ["a.txt"]
        assert result[0].size == 3
    empty = _one(
        f"GET {C}/files", json_response(200, {"path": "/w"}), lambda cl: c(cl).files.list("/w")
    )
    assert empty == []


def test_apps_and_urls_read_a_list_or_keep_a_single_object() -> None:
    apps = [{"name": "firefox"}, {"name": "code"}]
    for apps_reply in (apps, {"apps": apps}, {"data": apps}, {"items": apps}):
        result = _one(f"GET {C}/apps", json_response(200, apps_reply), lambda cl: c(cl).apps())
        assert result == apps
    urls = {"vnc": "wss://v", "preview": "https://p"}
    for urls_reply in (urls, {"data": urls}):
        result = _one(f"GET {C}/urls", json_response(200, urls_reply), lambda cl: c(cl).urls())
        assert result == [urls]
    result = _one(
        f"GET {C}/urls", json_response(200, {"urls": ["https://a"]}), lambda cl: c(cl).urls()
    )
    assert result == ["https://a"]


def test_restore_reads_the_new_computer_flat_or_nested() -> None:
    snapshot = {"id": "snap_1", "status": "ready"}
    for data in (
        {"id": "cmp_2", "status": "provisioning"},
        {"computer": {"id": "cmp_2", "status": "provisioning"}},
    ):
        result = _one(
            f"POST {C}/restore/snap_1",
            json_response(200, {"data": data, "snapshot": snapshot}),
            lambda cl: c(cl).checkpoints.restore("snap_1"),
        )
        assert isinstance(result, CheckpointRestore)
        assert result.computer is not None and result.computer.id == "cmp_2"
        assert result.snapshot is not None and result.snapshot.id == "snap_1"


def test_windows_read_the_focus_flag_under_either_name() -> None:
    payload = {
        "data": [{"id": "w1", "app": "firefox", "focused": True}, {"id": "w2", "is_focused": False}]
    }
    result = _one(
        f"GET {C}/desktop/windows", json_response(200, payload), lambda cl: c(cl).windows()
    )
    assert [(w.id, w.app, w.has_focus) for w in result] == [
        ("w1", "firefox", True),
        ("w2", None, False),
    ]


def test_desktop_readers_parse_their_replies() -> None:
    text = _one(
        f"GET {C}/desktop/clipboard",
        json_response(200, {"text": "copied"}),
        lambda cl: c(cl).desktop.clipboard(),
    )
    assert text == "copied"
    size = _one(
        f"GET {C}/desktop/screen-size",
        json_response(200, {"width": 1920, "height": 1080}),
        lambda cl: c(cl).desktop.screen_size(),
    )
    assert (size.width, size.height) == (1920, 1080)
    env = _one(
        f"GET {C}/desktop/environment",
        json_response(200, {"name": "xfce", "session_type": "x11", "display": ":1"}),
        lambda cl: c(cl).desktop.environment(),
    )
    assert (env.name, env.session_type, env.display) == ("xfce", "x11", ":1")
    ack = _one(
        f"POST {C}/desktop/launch",
        json_response(200, {"success": True, "message": "started"}),
        lambda cl: c(cl).launch("firefox"),
    )
    assert (ack.success, ack.message) == (True, "started")


def test_resize_leaves_the_shape_check_to_the_server() -> None:
    api = MockAPI().on(f"POST {C}/resize", json_response(422, {"error": "size required"}))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ValidationError):
            client.computers.resize("cmp_1")
    assert api.body() == {}


def test_screenshot_region_falls_back_to_the_older_path_on_404() -> None:
    api = (
        MockAPI()
        .on(f"POST {C}/desktop/screenshot/region", json_response(404, {"error": "not found"}))
        .on(f"POST {C}/screenshot-region", httpx.Response(200, content=PNG))
    )
    with make_client(api, max_retries=0) as client:
        png = c(client).desktop.screenshot_region(x=1, y=2, width=3, height=4)
    assert png == PNG
    assert [r.url.path for r in api.requests] == [
        f"/api/v1{C}/desktop/screenshot/region",
        f"/api/v1{C}/screenshot-region",
    ]
    assert [json.loads(r.content) for r in api.requests] == [
        {"x": 1, "y": 2, "width": 3, "height": 4}
    ] * 2


def test_screenshot_region_raises_when_both_paths_are_missing() -> None:
    api = MockAPI()  # every route answers 404
    with make_client(api, max_retries=0) as client:
        with pytest.raises(NotFoundError):
            c(client).screenshot_region(x=1, y=2, width=3, height=4)
    assert len(api.requests) == 2


def test_screenshot_region_does_not_fall_back_on_other_errors() -> None:
    api = MockAPI().on(f"POST {C}/desktop/screenshot/region", json_response(500, {"error": "boom"}))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError):
            c(client).screenshot_region(x=1, y=2, width=3, height=4)
    assert len(api.requests) == 1


@pytest.mark.parametrize(
    ("route", "call"),
    [
        (f"POST {C}/desktop/launch", lambda cl: c(cl).launch("x")),
        (f"POST {C}/desktop/hotkey", lambda cl: c(cl).desktop.hotkey("ctrl", "c")),
        (f"GET {C}/desktop/screen-size", lambda cl: c(cl).desktop.screen_size()),
        (f"GET {C}/files", lambda cl: c(cl).files.list()),
        (f"GET {C}/apps", lambda cl: c(cl).apps()),
        (f"POST {C}/start", lambda cl: c(cl).start(environment="e")),
    ],
    ids=["launch", "hotkey", "screen_size", "files.list", "apps", "start"],
)
def test_changed_endpoints_raise_the_server_error(route: str, call: Call) -> None:
    api = MockAPI().on(route, json_response(500, {"error": {"message": "boom"}}))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError):
            call(client)


def test_upload_form_posts_path_and_file_as_multipart(tmp_path: Path) -> None:
    ack = {"success": True, "message": "uploaded"}
    api = MockAPI().on(f"POST {C}/files/upload", json_response(200, ack))
    source = tmp_path / "report.csv"
    source.write_bytes(b"a,b\n1,2\n" * 1000)
    with make_client(api) as client:
        first = c(client).files.upload_form("/home/user/in.bin", b"\x00\xff")
        second = c(client).files.upload_form("/srv/r.csv", source, filename="r.csv")
    assert [r.url.path for r in api.requests] == [f"/api/v1{C}/files/upload"] * 2
    assert form_parts(api.requests[0]) == [
        ("path", None, "text/plain", b"/home/user/in.bin"),
        ("file", "in.bin", "application/octet-stream", b"\x00\xff"),
    ]
    parts = form_parts(api.requests[1])
    assert [(name, filename) for name, filename, _, _ in parts] == [
        ("path", None),
        ("file", "r.csv"),
    ]
    assert parts[1][3] == source.read_bytes()
    for request in api.requests:
        assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
        assert request.headers["content-length"] == str(len(request.content))
    assert isinstance(first, DesktopActionResult)
    assert (first.success, second.message) == (True, "uploaded")


def test_upload_form_from_a_path_or_a_seekable_file_is_retried_whole(
    tmp_path: Path,
) -> None:
    busy = json_response(503, {"error": {"code": "BUSY"}})
    ack = json_response(200, {"success": True, "message": "uploaded"})
    api = MockAPI().on(f"POST {C}/files/upload", busy, ack, busy, ack)
    source = tmp_path / "report.csv"
    source.write_bytes(b"a,b\n1,2\n" * 1000)
    file = io.BytesIO(b"head" + source.read_bytes())
    file.seek(4)
    with make_client(api) as client:
        c(client).files.upload_form("/srv/r.csv", source)
        c(client).files.upload_form("/srv/f.csv", file)
    assert len(api.requests) == 4
    assert [form_parts(r)[1][3] for r in api.requests] == [source.read_bytes()] * 4


@needs_fifo
def test_upload_form_from_a_named_pipe_is_streamed_chunked_and_sent_once(
    tmp_path: Path,
) -> None:
    busy = json_response(503, {"error": {"code": "BUSY"}})
    ack = json_response(200, {"success": True, "message": "uploaded"})
    api = MockAPI().on(f"POST {C}/files/upload", busy, ack)
    data = b"a,b\n1,2\n" * 10_000
    with make_client(api) as client:
        files = c(client).files
        with pytest.raises(ServerError, match="one-shot stream"):
            files.upload_form("/srv/r.csv", named_pipe_giving(tmp_path / "p1", data))
        files.upload_form("/srv/r.csv", named_pipe_giving(tmp_path / "p2", data))
    assert len(api.requests) == 2
    for request in api.requests:
        assert "content-length" not in request.headers
        assert request.headers["transfer-encoding"] == "chunked"
        assert form_parts(request)[1][3] == data


def test_upload_form_raises_the_server_error() -> None:
    api = MockAPI().on(f"POST {C}/files/upload", json_response(500, {"error": "disk full"}))
    with make_client(api, max_retries=0) as client:
        with pytest.raises(ServerError):
            c(client).files.upload_form("/x", b"1")
