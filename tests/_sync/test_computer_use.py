# This file was generated from
#   tests/_async/test_computer_use.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Computer use (`miosa.computer_use`) over a fake computer: the desktop routes answered by a
scripted API with a 1920x1080 screen. Checked: the tool entries of the current and legacy
contracts, every member's requests on the wire with coordinates mapped from the model's
1280x720 to the real screen, screenshots scaled and returned as image blocks, coordinate
validation, confirm, configs, batch stop-on-failure, and the loop with a scripted model."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from miosa import Miosa
from miosa._images import png_size
from miosa._sync.resources.computers import Computer
from miosa.computer_use import (
    SKIPPED_AFTER_FAILURE_TEXT,
    ComputerClientRequiredError,
    ComputerToolsetConfigError,
    MiosaComputerToolset,
    MiosaComputerToolsetLegacy,
    computer_use_loop,
)
from miosa.local import LocalServer
from tests._sync._helpers import make_client
from tests.helpers import MockAPI, json_response
from tests.test_images import png_of

C = "/computers/cmp_1"
SCREEN = (1920, 1080)


class FakeDesktop(MockAPI):
    """The desktop routes of one computer: a screen, a pointer, and a log of actions."""

    def __init__(self, size: tuple[int, int] = SCREEN, *, report_size: bool = True) -> None:
        super().__init__()
        self.size = size
        self.cursor = (960, 540)
        self.actions: list[tuple[str, dict[str, Any]]] = []
        self.screen_png = png_of(*size)
        self.on(
            f"GET {C}/desktop/screen-size",
            json_response(200, {"data": {"width": size[0], "height": size[1]}})
            if report_size
            else json_response(200, {"data": {}}),
        )
        self.on(f"GET {C}/desktop/screenshot", self._png(lambda body: self.screen_png))
        self.on(
            f"POST {C}/desktop/screenshot/region",
            self._png(lambda body: png_of(body["width"], body["height"])),
        )
        self.on(
            f"GET {C}/desktop/cursor",
            lambda request: json_response(
                200, {"data": {"x": self.cursor[0], "y": self.cursor[1]}}
            ),
        )
        for action in (
            "click",
            "double-click",
            "move",
            "drag",
            "mouse-down",
            "mouse-up",
            "scroll",
            "type",
            "key",
            "key-down",
            "key-up",
            "wait",
        ):
            self.on(f"POST {C}/desktop/{action}", self._act(action))

    def _png(self, make: Any) -> Any:
        def reply(request: httpx.Request) -> httpx.Response:
            body = json.loads(request.content) if request.content else {}
            return httpx.Response(200, content=make(body), headers={"content-type": "image/png"})

        return reply

    def _act(self, action: str) -> Any:
        def reply(request: httpx.Request) -> httpx.Response:
            body = json.loads(request.content)
            self.actions.append((action, body))
            if action == "key" and body["key"] == "explode":
                return json_response(500, {"error": {"code": "DESKTOP_ERROR", "message": "boom"}})
            return json_response(200, {"data": {"ok": True}})

        return reply


def use(name: str, tool_id: str = "toolu_1", **params: Any) -> dict[str, Any]:
    return {
        "type": "tool_use",
        "id": tool_id,
        "name": name,
        "toolset_name": "computer",
        "input": params,
    }


def image_of(result: Any) -> bytes:
    block = result["content"][0]
    assert block["type"] == "image" and block["source"]["media_type"] == "image/png"
    return base64.b64decode(block["source"]["data"])


def text_of(result: Any) -> str:
    block = result["content"][0]
    assert block["type"] == "text"
    return str(block["text"])


def always(call: Any) -> bool:
    return True


def test_the_current_contract_maps_every_member_onto_the_desktop() -> None:
    api = FakeDesktop()
    with make_client(api, max_retries=0) as client:
        toolset = MiosaComputerToolset(client.computers.handle("cmp_1"), confirm=always)
        shot = toolset.execute(use("screenshot"))
        texts = []
        for call in (
            use("left_click", coordinate=[640, 360]),
            use("right_click", coordinate=[0, 0]),
            use("middle_click", coordinate=[1279, 719]),
            use("double_click", coordinate=[100, 100]),
            use("triple_click", coordinate=[100, 100]),
            use("left_click_drag", start_coordinate=[10, 10], coordinate=[20, 30]),
            use("left_click_drag", coordinate=[20, 30]),
            use("mouse_move", coordinate=[300, 200]),
            use("left_mouse_down", coordinate=[1, 2]),
            use("left_mouse_up", coordinate=[3, 4]),
            use("cursor_position"),
            use("scroll", coordinate=[640, 360], scroll_direction="up", scroll_amount=5),
            use("scroll", scroll_direction="down"),
            use("type", text="héllo"),
            use("key", text="ctrl+s"),
            use("hold_key", text="shift", duration=0.5),
            use("wait", duration=1),
        ):
            result = toolset.execute(call)
            assert result["is_error"] is False, result
            texts.append(text_of(result))
        zoom = toolset.execute(use("zoom", region=[0, 0, 640, 360]))
    assert toolset.tools == [{"type": "computer_toolset_20260801"}]
    assert toolset.beta_header is None
    assert shot["toolset_name"] == "computer" and shot["tool_use_id"] == "toolu_1"
    assert png_size(image_of(shot)) == (1280, 720)  # 1920x1080 scaled into 1280x800
    assert png_size(image_of(zoom)) == (960, 540)  # a quarter of the real screen, full size
    assert api.actions == [
        ("click", {"x": 960, "y": 540, "button": "left"}),
        ("click", {"x": 0, "y": 0, "button": "right"}),
        ("click", {"x": 1918, "y": 1078, "button": "middle"}),
        ("double-click", {"x": 150, "y": 150}),
        ("double-click", {"x": 150, "y": 150}),
        ("click", {"x": 150, "y": 150, "button": "left"}),
        ("drag", {"from_x": 15, "from_y": 15, "to_x": 30, "to_y": 45}),
        ("drag", {"from_x": 960, "from_y": 540, "to_x": 30, "to_y": 45}),
        ("move", {"x": 450, "y": 300}),
        ("mouse-down", {"x": 1, "y": 3, "button": "left"}),
        ("mouse-up", {"x": 4, "y": 6, "button": "left"}),
        ("scroll", {"direction": "up", "clicks": 5, "x": 960, "y": 540}),
        ("scroll", {"direction": "down", "clicks": 3}),
        ("type", {"text": "héllo"}),
        ("key", {"key": "ctrl+s"}),
        ("key-down", {"key": "shift"}),
        ("wait", {"seconds": 0.5}),
        ("key-up", {"key": "shift"}),
        ("wait", {"seconds": 1.0}),
    ]
    assert texts[0] == "Left click at (640, 360)."
    assert texts[4] == "Triple click at (100, 100)."
    assert texts[6] == "Dragged from (640, 360) to (20, 30)."  # the pointer, in model space
    assert texts[10] == "X=640, Y=360"
    region_requests = [r for r in api.requests if r.url.path.endswith("/screenshot/region")]
    assert json.loads(region_requests[0].content) == {"x": 0, "y": 0, "width": 960, "height": 540}


def test_coordinates_and_inputs_are_validated_before_any_action() -> None:
    api = FakeDesktop()
    with make_client(api, max_retries=0) as client:
        toolset = MiosaComputerToolset(client.computers.handle("cmp_1"), confirm=always)
        results = [
            toolset.execute(call)
            for call in (
                use("left_click", coordinate=[1280, 10]),
                use("left_click", coordinate=[-1, 10]),
                use("left_click", coordinate=[1.5, 2]),
                use("left_click", coordinate=[True, 2]),
                use("left_click", coordinate=[1, 2, 3]),
                use("left_click"),
                use("scroll", scroll_direction="sideways"),
                use("wait", duration=1000),
                use("type", text=""),
                use("zoom", region=[10, 10, 5, 20]),
                use("zoom", region=[0, 0, 2000, 100]),
                use("fly"),
                {"type": "tool_use", "id": "t", "name": "screenshot", "toolset_name": "other"},
                "not a block",
            )
        ]
    assert all(r["is_error"] for r in results)
    texts = [text_of(r) for r in results]
    assert texts[0] == (
        "coordinate (1280, 10) is outside the screen: x must be 0..1279 and y 0..719"
    )
    assert texts[1].startswith("coordinate (-1, 10) is outside the screen")
    assert texts[2] == "coordinate[0] must be an integer, got 1.5"
    assert texts[3] == "coordinate[0] must be an integer, got True"
    assert texts[4] == "coordinate must be [x, y], got [1, 2, 3]"
    assert texts[5].startswith("this action needs a coordinate")
    assert texts[6].startswith("scroll_direction must be one of up, down, left, right")
    assert texts[7] == "duration must be between 0 and 100 seconds, got 1000"
    assert texts[8] == "this action needs a non-empty 'text'"
    assert texts[9] == "the zoom region is empty (-5x10)"
    assert texts[10].startswith("region end (1999, 99) is outside the screen")
    assert texts[11] == "Unknown computer tool member: 'fly'"
    assert texts[12] == "Unknown toolset_name 'other'; expected 'computer'."
    assert texts[13].startswith("ComputerToolsetConfigError: execute() takes a tool_use block")
    assert api.actions == []


def test_confirm_configs_and_batches_stop_at_the_first_failure() -> None:
    api = FakeDesktop()
    asked: list[tuple[str, dict[str, Any]]] = []

    def confirm(name: str, params: dict[str, Any]) -> bool:
        asked.append((name, params))
        return name != "key" or params["text"] != "alt+f4"

    with make_client(api, max_retries=0) as client:
        computer = client.computers.handle("cmp_1")
        with pytest.raises(ComputerToolsetConfigError, match="confirm is required when type"):
            MiosaComputerToolset(computer)
        read_only = MiosaComputerToolset(
            computer, configs={"type": False, "key": {"enabled": False}, "hold_key": False}
        )
        disabled = read_only.execute(use("type", text="x"))
        toolset = MiosaComputerToolset(computer, confirm=confirm)
        refused = toolset.execute(use("key", text="alt+f4"))
        batch = toolset.execute_batch(
            [
                use("key", "a", text="a"),
                use("key", "b", text="explode"),
                use("key", "c", text="c"),
                use("screenshot", "d"),
            ]
        )
    assert text_of(disabled) == "Computer tool member 'type' is disabled by configs."
    assert text_of(refused) == "Action 'key' was not confirmed."
    assert asked[0] == ("key", {"text": "alt+f4"})
    assert [r["tool_use_id"] for r in batch] == ["a", "b", "c", "d"]
    assert [r["is_error"] for r in batch] == [False, True, True, True]
    assert text_of(batch[1]).startswith("ServerError: ")
    assert [text_of(r) for r in batch[2:]] == [SKIPPED_AFTER_FAILURE_TEXT] * 2
    assert [a for a, _ in api.actions] == ["key", "key"]  # a, explode; c never ran


def test_the_legacy_contract_takes_an_action_and_its_declared_screen() -> None:
    api = FakeDesktop()
    with make_client(api, max_retries=0) as client:
        computer = client.computers.handle("cmp_1")
        with pytest.raises(ComputerToolsetConfigError, match="needs display_width_px"):
            MiosaComputerToolsetLegacy(computer)
        with pytest.raises(ComputerToolsetConfigError, match="does not support zoom"):
            MiosaComputerToolsetLegacy(
                computer,
                version="computer_20241022",
                display_width_px=1024,
                display_height_px=768,
                members=["zoom"],
            )
        legacy = MiosaComputerToolsetLegacy(computer, display_width_px=960, display_height_px=540)
        old = MiosaComputerToolsetLegacy(
            computer, version="computer_20241022", display_width_px=1920, display_height_px=1080
        )
        legacy_call = {"type": "tool_use", "id": "t1", "name": "computer"}
        shot = legacy.execute({**legacy_call, "input": {"action": "screenshot"}})
        click = legacy.execute(
            {**legacy_call, "input": {"action": "left_click", "coordinate": [480, 270]}}
        )
        no_action = legacy.execute({**legacy_call, "input": {}})
        unsupported = old.execute({**legacy_call, "input": {"action": "scroll"}})
        full = old.execute({**legacy_call, "input": {"action": "screenshot"}})
        with pytest.raises(ComputerToolsetConfigError, match="cannot share a tools list"):
            MiosaComputerToolset(computer, confirm=always).merge_tools(legacy.tools)
    assert legacy.tools == [
        {
            "type": "computer_20251124",
            "name": "computer",
            "display_width_px": 960,
            "display_height_px": 540,
        }
    ]
    assert legacy.beta_header == "computer-use-2025-11-24"
    assert png_size(image_of(shot)) == (960, 540)
    assert not click["is_error"] and api.actions == [
        ("click", {"x": 960, "y": 540, "button": "left"})
    ]
    assert text_of(no_action) == "a legacy computer call needs an 'action'"
    assert text_of(unsupported) == "computer_20241022 does not support action 'scroll'"
    assert image_of(full) == api.screen_png  # declared at the real size: sent as it is


def test_the_screen_size_comes_from_a_screenshot_when_the_computer_does_not_say() -> None:
    api = FakeDesktop(size=(1000, 500), report_size=False)
    with make_client(api, max_retries=0) as client:
        toolset = MiosaComputerToolset(
            client.computers.handle("cmp_1"), confirm=always, max_screenshot_size=None
        )
        result = toolset.execute(use("mouse_move", coordinate=[999, 499]))
        outside = toolset.execute(use("mouse_move", coordinate=[999, 500]))
    assert not result["is_error"] and api.actions == [("move", {"x": 999, "y": 499})]
    assert outside["is_error"]


def test_the_loop_runs_a_scripted_model_until_it_stops() -> None:
    api = FakeDesktop()
    turns = [
        {
            "content": [
                {"type": "text", "text": "Looking."},
                use("screenshot", "s1"),
                use("left_click", "c1", coordinate=[10, 10]),
            ],
            "stop_reason": "tool_use",
        },
        {"content": [{"type": "text", "text": "Done."}], "stop_reason": "end_turn"},
    ]
    requests: list[dict[str, Any]] = []

    def model(**kwargs: Any) -> dict[str, Any]:
        requests.append(kwargs)
        return turns[len(requests) - 1]

    steps: list[Any] = []
    with make_client(api, max_retries=0) as client:
        computer: Computer = client.computers.handle("cmp_1")
        with pytest.raises(ComputerClientRequiredError):
            computer_use_loop(computer, instruction="x")
        result = computer_use_loop(
            computer,
            client=model,
            instruction="Click the corner",
            confirm=always,
            on_step=steps.append,
            system="Be brief.",
        )
    assert (result.final_text, result.stopped_reason, result.iterations) == ("Done.", "end_turn", 2)
    assert [(s.action, s.ok) for s in result.steps] == [("screenshot", True), ("left_click", True)]
    assert steps == result.steps and result.steps[0].image_base64
    assert requests[0]["tools"] == [{"type": "computer_toolset_20260801"}]
    assert requests[0]["system"] == "Be brief." and requests[0]["model"] == "claude-sonnet-5"
    assert [m["role"] for m in requests[1]["messages"]] == ["user", "assistant", "user"]
    tool_results = requests[1]["messages"][2]["content"]
    assert [r["tool_use_id"] for r in tool_results] == ["s1", "c1"]


def test_the_toolset_and_the_loop_drive_a_computer_on_the_local_server() -> None:
    # The local server's simulated 1280x800 desktop: the model's space is the screen's.
    turns = [
        {
            "content": [
                use("left_click", "c1", coordinate=[200, 150]),
                use("type", "t1", text="hi"),
            ],
            "stop_reason": "tool_use",
        },
        {"content": [{"type": "text", "text": "Done."}], "stop_reason": "end_turn"},
    ]
    requests: list[dict[str, Any]] = []

    def model(**kwargs: Any) -> dict[str, Any]:
        requests.append(kwargs)
        return turns[len(requests) - 1]

    with (
        LocalServer() as server,
        Miosa(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        computer = client.computers.create(name="agent-desk")
        computer.wait_until_ready(timeout=10)
        toolset = MiosaComputerToolset(computer, confirm=always)
        first = toolset.execute(use("screenshot"))
        results = [
            toolset.execute(call)
            for call in (
                use("left_click", coordinate=[640, 360]),
                use("double_click", coordinate=[10, 10]),
                use("left_click_drag", start_coordinate=[50, 50], coordinate=[90, 70]),
                use("mouse_move", coordinate=[300, 200]),
                use("cursor_position"),
                use("scroll", coordinate=[640, 360], scroll_direction="down", scroll_amount=2),
                use("type", text="héllo"),
                use("key", text="Return"),
                use("hold_key", text="shift", duration=0.1),
                use("wait", duration=0.1),
            )
        ]
        second = toolset.execute(use("screenshot"))
        zoom = toolset.execute(use("zoom", region=[0, 0, 640, 400]))
        outside = toolset.execute(use("left_click", coordinate=[1280, 10]))
        looped = computer_use_loop(computer, client=model, instruction="Say hi", confirm=always)
        final_shot = computer.screenshot()
    assert [r["is_error"] for r in results] == [False] * len(results), results
    assert text_of(results[4]) == "X=300, Y=200"
    assert png_size(image_of(first)) == png_size(image_of(second)) == (1280, 800)
    assert image_of(first) != image_of(second)
    assert png_size(image_of(zoom)) == (640, 400)
    assert outside["is_error"]
    assert (looped.final_text, looped.stopped_reason) == ("Done.", "end_turn")
    assert [(step.action, step.ok) for step in looped.steps] == [
        ("left_click", True),
        ("type", True),
    ]
    assert final_shot != image_of(second)  # the loop's click and typing drew on the screen
