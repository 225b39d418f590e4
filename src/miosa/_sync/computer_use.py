# This file was generated from
#   src/miosa/_async/computer_use.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Anthropic computer use over a MIOSA computer: `MiosaComputerToolset` (the current
contract), `MiosaComputerToolsetLegacy` (the per-version ``computer_2024..`` tools) and
`computer_use_loop`. The public names are in `miosa.computer_use`.

Screenshots are scaled into a bounded size before they reach the model (1280x800 by default,
aspect ratio kept), the model's coordinates are checked against that size and mapped back to
the real screen, and pointer positions are reported in the model's space.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from .._computer_use import (
    ANTHROPIC_TOOLSET_TYPE,
    CLIENT_REQUIRED,
    CONFIRM_REQUIRED_MEMBERS,
    DEFAULT_MAX_SCREENSHOT,
    LEGACY_VERSIONS,
    MEMBER_MAP,
    MEMBERS,
    READ_ONLY_MEMBERS,
    TOOLSET_NAME,
    ComputerClientRequiredError,
    ComputerToolsetConfigError,
    ComputerUseResult,
    ImageBlock,
    MemberSpec,
    Screen,
    TextBlock,
    ToolResultBlock,
    ToolsetStep,
    anthropic_computer_toolset_base,
    as_coordinate,
    as_duration,
    as_optional_coordinate,
    as_params,
    as_region,
    as_scroll,
    as_start_coordinate,
    as_text,
    assert_no_legacy_coexistence,
    call_confirm,
    check_confirm,
    check_legacy,
    create_function,
    error_result,
    error_text,
    fit,
    image_block,
    model_request,
    normalize_content,
    read_tool_use,
    reply_field,
    resolve_enabled_members,
    skipped_result,
    step_from_result,
    text_block,
    tool_result,
    validate_display_size,
)
from .._concurrency import to_thread
from .._images import png_size, scale_png
from .resources.computers import Computer

if TYPE_CHECKING:
    from ..types.params import MouseButton

__all__ = ["MiosaComputerToolset", "MiosaComputerToolsetLegacy", "computer_use_loop"]

Content = list[TextBlock | ImageBlock]


class MiosaComputerToolset:
    """The current computer-use contract (``computer_toolset_20260801``) over one computer.

    Hand `tools` (one nameless entry) to the Messages API, then `execute` each ``tool_use``
    block it sends back (its ``name`` is the member, ``toolset_name`` is ``"computer"``), or
    `execute_batch` them all: in order, stopping at the first failure. Results are
    ``tool_result`` blocks; only ``screenshot`` and ``zoom`` carry an image. Nothing raises
    for a failed action: it comes back as an error result the model can read.

    ``confirm`` is called before every action that changes something (``confirm(call)`` or
    ``confirm(name, input)``; False refuses it) and is required while ``type``, ``key`` or
    ``hold_key`` are enabled. ``configs`` turns members off (``{"zoom": False}``).
    ``max_screenshot_size`` is the box screenshots are scaled into (None: never scaled).
    """

    toolset_type: str = ANTHROPIC_TOOLSET_TYPE
    members: tuple[str, ...] = MEMBERS
    member_map: Mapping[str, MemberSpec] = MEMBER_MAP
    confirm_required_members: tuple[str, ...] = CONFIRM_REQUIRED_MEMBERS
    beta_header: str | None = None  # the current contract needs none

    def __init__(
        self,
        computer: Computer,
        *,
        confirm: Callable[..., Any] | None = None,
        configs: Mapping[str, Any] | None = None,
        max_screenshot_size: tuple[int, int] | None = DEFAULT_MAX_SCREENSHOT,
    ) -> None:
        self.computer = computer
        self._confirm = confirm
        self._configs = dict(configs or {})
        self.enabled_members: list[str] = resolve_enabled_members(self._configs, self.members)
        check_confirm(self.enabled_members, confirm)
        self.max_screenshot_size = max_screenshot_size
        self._screen: Screen | None = None

    # -- the tools entry ---------------------------------------------------------------------

    @property
    def tools(self) -> list[dict[str, Any]]:
        """``[{"type": "computer_toolset_20260801"}]``: the entry for ``tools=``."""
        return [{"type": self.toolset_type}]

    def merge_tools(self, *other_tools: Iterable[Any]) -> list[Any]:
        """This toolset's entry followed by ``other_tools``; a legacy computer tool among
        them raises `ComputerToolsetConfigError` (the API takes one shape)."""
        merged: list[Any] = list(self.tools)
        for group in other_tools:
            merged.extend(group)
        assert_no_legacy_coexistence(merged)
        return merged

    @classmethod
    def anthropic_subclass(cls) -> type | None:
        """This class mixed with Anthropic's own toolset base class, or None when the
        ``anthropic`` package is not installed (it is imported only here)."""
        base = anthropic_computer_toolset_base()
        if base is None:
            return None
        if issubclass(cls, base):
            return cls
        return type(f"{cls.__name__}Anthropic", (cls, base), {"__doc__": cls.__doc__})

    # -- the screen --------------------------------------------------------------------------

    def _model_size(self, real: tuple[int, int]) -> tuple[int, int]:
        return fit(real, self.max_screenshot_size)

    def screen(self) -> Screen:
        """The real screen size and the model's, read once (``desktop.screen_size``, or the
        first screenshot when the computer does not say) and updated by every screenshot."""
        if self._screen is None:
            size = self.computer.desktop.screen_size()
            if size.width and size.height:
                real = (int(size.width), int(size.height))
            else:
                found = png_size(self.computer.screenshot())
                if found is None:
                    raise ComputerToolsetConfigError("the computer reported no screen size")
                real = found
            self._screen = Screen(real, self._model_size(real))
        return self._screen

    def _scaled(self, png: bytes, size: tuple[int, int]) -> bytes:
        found = png_size(png)
        if found is None or found == size:
            return png
        return to_thread(lambda: scale_png(png, *size))

    def _screenshot(self) -> bytes:
        png = self.computer.screenshot()
        real = png_size(png)
        if real is not None and (self._screen is None or self._screen.real != real):
            self._screen = Screen(real, self._model_size(real))
        screen = self.screen()
        return self._scaled(png, screen.model)

    # -- running calls -----------------------------------------------------------------------

    def _member_of(self, block: object, name: str) -> tuple[str, dict[str, Any]]:
        return name, as_params(block)

    def _refusal(self, member: str) -> str | None:
        if member not in self.member_map:
            return f"Unknown computer tool member: {member!r}"
        if member not in self.enabled_members:
            return f"Computer tool member {member!r} is disabled by configs."
        return None

    def execute(self, block: object) -> ToolResultBlock:
        """Run one ``tool_use`` block; a ``tool_result`` block (never raises for a failed
        action: unknown or disabled members, bad or off-screen coordinates, a refused
        ``confirm`` and SDK errors are all error results)."""
        try:
            name, toolset_name, tool_use_id = read_tool_use(block)
        except ComputerToolsetConfigError as exc:
            return error_result(None, error_text(exc))
        if toolset_name is not None and toolset_name != TOOLSET_NAME:
            return error_result(
                tool_use_id, f"Unknown toolset_name {toolset_name!r}; expected {TOOLSET_NAME!r}."
            )
        try:
            member, params = self._member_of(block, name)
        except ComputerToolsetConfigError as exc:
            return error_result(tool_use_id, str(exc))
        refusal = self._refusal(member)
        if refusal is not None:
            return error_result(tool_use_id, refusal)
        if self._confirm is not None and member not in READ_ONLY_MEMBERS:
            try:
                approved = call_confirm(self._confirm, member, params)
            except Exception as exc:
                return error_result(tool_use_id, error_text(exc))
            if not approved:
                return error_result(tool_use_id, f"Action {member!r} was not confirmed.")
        try:
            content = self._perform(member, params)
        except ComputerToolsetConfigError as exc:
            return error_result(tool_use_id, str(exc))
        except Exception as exc:
            return error_result(tool_use_id, error_text(exc))
        return tool_result(tool_use_id, content, is_error=False)

    def execute_batch(self, blocks: Iterable[object]) -> list[ToolResultBlock]:
        """Run blocks in order and stop at the first failure: it gets its error result and
        every later block gets `SKIPPED_AFTER_FAILURE_TEXT`."""
        results: list[ToolResultBlock] = []
        failed = False
        for block in blocks:
            if failed:
                results.append(skipped_result(block))
                continue
            result = self.execute(block)
            failed = result["is_error"]
            results.append(result)
        return results

    @staticmethod
    def skipped_result(block: object) -> ToolResultBlock:
        """The result of a block skipped after a failure earlier in its batch."""
        return skipped_result(block)

    def _point(self, params: Mapping[str, Any]) -> tuple[int, int]:
        x, y = as_coordinate(params)
        return (self.screen()).to_real(x, y)

    def _perform(self, member: str, params: Mapping[str, Any]) -> Content:
        computer, desktop = self.computer, self.computer.desktop
        if member == "screenshot":
            return [image_block(self._screenshot())]
        if member == "zoom":
            x, y, w, h = as_region(params)
            screen = self.screen()
            rx, ry, rw, rh = screen.region_to_real(x, y, w, h)
            png = desktop.screenshot_region(x=rx, y=ry, width=rw, height=rh)
            return [image_block(self._scaled(png, fit((rw, rh), self.max_screenshot_size)))]
        if member in ("left_click", "right_click", "middle_click"):
            button = cast("MouseButton", member.removesuffix("_click"))
            x, y = as_coordinate(params)
            computer.click(*self._point(params), button)
            return [text_block(f"{button.capitalize()} click at ({x}, {y}).")]
        if member in ("double_click", "triple_click"):
            x, y = as_coordinate(params)
            real = self._point(params)
            computer.double_click(*real)
            if member == "triple_click":  # no triple-click route: a double, then a single
                computer.click(*real, "left")
            return [text_block(f"{member.split('_')[0].capitalize()} click at ({x}, {y}).")]
        if member == "left_click_drag":
            x, y = as_coordinate(params)
            screen = self.screen()
            end = screen.to_real(x, y)
            start_model = as_start_coordinate(params)
            if start_model is None:
                cursor = desktop.cursor()
                start = (int(cursor.x or 0), int(cursor.y or 0))
                start_model = screen.to_model(*start)
            else:
                start = screen.to_real(*start_model, "start_coordinate")
            computer.drag(*start, *end)
            return [text_block(f"Dragged from {start_model} to ({x}, {y}).")]
        if member == "mouse_move":
            x, y = as_coordinate(params)
            computer.move_mouse(*self._point(params))
            return [text_block(f"Moved the pointer to ({x}, {y}).")]
        if member in ("left_mouse_down", "left_mouse_up"):
            x, y = as_coordinate(params)
            real = self._point(params)
            if member == "left_mouse_down":
                desktop.mouse_down(*real, button="left")
            else:
                desktop.mouse_up(*real, button="left")
            state = "down" if member == "left_mouse_down" else "up"
            return [text_block(f"Left mouse button {state} at ({x}, {y}).")]
        if member == "cursor_position":
            cursor = desktop.cursor()
            x, y = (self.screen()).to_model(int(cursor.x or 0), int(cursor.y or 0))
            return [text_block(f"X={x}, Y={y}")]
        if member == "scroll":
            direction, amount = as_scroll(params)
            at = as_optional_coordinate(params)
            if at is None:
                computer.scroll(direction, amount)
                return [text_block(f"Scrolled {direction} {amount} click(s).")]
            rx, ry = (self.screen()).to_real(*at)
            computer.scroll(direction, amount, x=rx, y=ry)
            return [text_block(f"Scrolled {direction} {amount} click(s) at {at}.")]
        if member == "type":
            text = as_text(params)
            computer.write(text)
            return [text_block(f"Typed {len(text)} character(s).")]
        if member == "key":
            key = as_text(params)
            computer.key(key)
            return [text_block(f"Pressed {key}.")]
        if member == "hold_key":
            key, duration = as_text(params), as_duration(params)
            desktop.key_down(key)
            try:
                computer.wait(duration)
            finally:
                desktop.key_up(key)
            return [text_block(f"Held {key} for {duration:g} second(s).")]
        if member == "wait":
            duration = as_duration(params)
            computer.wait(duration)
            return [text_block(f"Waited {duration:g} second(s).")]
        raise ComputerToolsetConfigError(f"unknown computer member {member!r}")


class MiosaComputerToolsetLegacy(MiosaComputerToolset):
    """The legacy computer tool (``computer_20251124``, ``computer_20250124`` or
    ``computer_20241022``): one named tool whose calls carry an ``action``.

    ``display_width_px`` x ``display_height_px`` is the screen the model is told about:
    screenshots are scaled to it and its coordinates mapped back to the real screen (none of
    that when it is the real size). ``confirm`` is optional here; ``members`` narrows the
    version's actions.
    """

    def __init__(
        self,
        computer: Computer,
        *,
        version: str = "computer_20251124",
        display_width_px: int | None = None,
        display_height_px: int | None = None,
        confirm: Callable[..., Any] | None = None,
        configs: Mapping[str, Any] | None = None,
        members: Sequence[str] | None = None,
        name: str = "computer",
    ) -> None:
        available = check_legacy(version, members, configs)
        width, height = validate_display_size(display_width_px, display_height_px)
        self.version = version
        self.name = name
        self.display_width_px, self.display_height_px = width, height
        self.beta_header = LEGACY_VERSIONS[version]
        self.toolset_type = version
        self.computer = computer
        self._confirm = confirm
        self._configs = dict(configs or {})
        self.enabled_members = resolve_enabled_members(self._configs, available)
        self.max_screenshot_size = (width, height)
        self._screen = None

    def _model_size(self, real: tuple[int, int]) -> tuple[int, int]:
        return (self.display_width_px, self.display_height_px)

    @property
    def tools(self) -> list[dict[str, Any]]:
        """The legacy tool entry: type, name and the display size."""
        return [
            {
                "type": self.version,
                "name": self.name,
                "display_width_px": self.display_width_px,
                "display_height_px": self.display_height_px,
            }
        ]

    def _member_of(self, block: object, name: str) -> tuple[str, dict[str, Any]]:
        params = as_params(block)
        action = params.get("action")
        if action is None:
            raise ComputerToolsetConfigError("a legacy computer call needs an 'action'")
        return str(action), params

    def _refusal(self, member: str) -> str | None:
        if member not in check_legacy(self.version, None, None):
            return f"{self.version} does not support action {member!r}"
        if member not in self.enabled_members:
            return f"Computer action {member!r} is disabled by configs."
        return None


def computer_use_loop(
    computer: Computer,
    *,
    toolset: MiosaComputerToolset | None = None,
    model: str = "claude-sonnet-5",
    instruction: str,
    max_iterations: int = 20,
    on_step: Callable[[ToolsetStep], None] | None = None,
    client: Any = None,
    system: str | None = None,
    max_tokens: int = 4096,
    confirm: Callable[..., Any] | None = None,
    configs: Mapping[str, Any] | None = None,
    request_options: Mapping[str, Any] | None = None,
) -> ComputerUseResult:
    """Let a Claude model drive ``computer`` until it stops asking for actions.

    ``client`` is required: an Anthropic client (its ``messages.create`` is called) or a
    callable taking ``model=``, ``max_tokens=``, ``messages=``, ``tools=`` (``system=`` and
    ``request_options`` when given), of the same kind as this loop (``AsyncAnthropic`` here,
    ``Anthropic`` for the blocking loop). Each turn's
    actions run with `execute_batch`; ``on_step`` sees each as a `ToolsetStep`. Ends after
    ``max_iterations`` model calls at most.
    """
    if client is None:
        raise ComputerClientRequiredError(CLIENT_REQUIRED)
    create = create_function(client)
    if toolset is None:
        toolset = MiosaComputerToolset(computer, confirm=confirm, configs=configs)
    messages: list[dict[str, Any]] = [{"role": "user", "content": instruction}]
    result = ComputerUseResult(stopped_reason="max_iterations", messages=messages)
    for iteration in range(1, max_iterations + 1):
        result.iterations = iteration
        reply = create(
            **model_request(
                model=model,
                system=system,
                messages=messages,
                tools=toolset.tools,
                max_tokens=max_tokens,
                extra=request_options,
            )
        )
        content = normalize_content(reply_field(reply, "content"))
        messages.append({"role": "assistant", "content": content})
        calls = [block for block in content if block.get("type") == "tool_use"]
        if not calls:
            result.final_text = "\n".join(
                str(b.get("text", "")) for b in content if b.get("type") == "text"
            )
            stop = reply_field(reply, "stop_reason")
            result.stopped_reason = "max_tokens" if stop == "max_tokens" else "end_turn"
            break
        results = toolset.execute_batch(calls)
        for block, outcome in zip(calls, results, strict=True):
            step = step_from_result(len(result.steps), block, outcome)
            result.steps.append(step)
            if on_step is not None:
                on_step(step)
        messages.append({"role": "user", "content": results})
    return result
