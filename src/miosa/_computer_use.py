"""The pure half of `miosa.computer_use`: the contracts, reading calls, screen geometry, results.

Nothing here does I/O, so the async and the generated sync toolsets share it. Anthropic's
computer-use contracts are data (tool entries and content blocks); the ``anthropic`` package
is imported only by `anthropic_computer_toolset_base`, and only when asked.
"""

from __future__ import annotations

import base64
import functools
import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypedDict, cast, get_args

import attrs

from .errors import MiosaError
from .types.params import DesktopActionName

if TYPE_CHECKING:
    from .types.params import ScrollDirection

__all__ = [
    "ANTHROPIC_TOOLSET_TYPE",
    "CONFIRM_REQUIRED_MEMBERS",
    "DEFAULT_MAX_SCREENSHOT",
    "LEGACY_ACTION_SUPERSET",
    "LEGACY_VERSIONS",
    "MAX_ERROR_TEXT",
    "MEMBERS",
    "MEMBER_MAP",
    "READ_ONLY_MEMBERS",
    "SKIPPED_AFTER_FAILURE_TEXT",
    "TOOLSET_NAME",
    "ComputerClientRequiredError",
    "ComputerToolsetConfigError",
    "ComputerToolsetError",
    "ComputerUseResult",
    "MemberSpec",
    "Screen",
    "ToolResultBlock",
    "ToolsetStep",
    "anthropic_computer_toolset_base",
    "assert_no_legacy_coexistence",
]

ANTHROPIC_TOOLSET_TYPE = "computer_toolset_20260801"
"""The current contract: one nameless ``tools`` entry, ``{"type": ANTHROPIC_TOOLSET_TYPE}``."""

TOOLSET_NAME = "computer"
"""The ``toolset_name`` every call carries and every result echoes."""

SKIPPED_AFTER_FAILURE_TEXT = "Not executed: an earlier computer action in this turn failed."
"""The text of every call `execute_batch` skips after the first failure."""

MAX_ERROR_TEXT = 4096
"""Error texts are cut to this many characters."""

DEFAULT_MAX_SCREENSHOT = (1280, 800)
"""The box screenshots are scaled into (aspect ratio kept, never enlarged): WXGA."""

# The same names, in the same order, as `computer.act` takes: one list for both.
MEMBERS: tuple[str, ...] = get_args(DesktopActionName)
"""The members of the current contract, in its order."""

CONFIRM_REQUIRED_MEMBERS: tuple[str, ...] = ("type", "key", "hold_key")
"""Members that make ``confirm`` mandatory (Anthropic's constructor rule)."""

READ_ONLY_MEMBERS: tuple[str, ...] = ("screenshot", "zoom", "cursor_position")
"""Members that only look, so ``confirm`` is never asked about them."""

LEGACY_VERSIONS: Mapping[str, str] = {
    "computer_20251124": "computer-use-2025-11-24",
    "computer_20250124": "computer-use-2025-01-24",
    "computer_20241022": "computer-use-2024-10-22",
}
"""The legacy tool versions and the beta header each needs."""

_ACTIONS_2025 = (
    "key",
    "hold_key",
    "type",
    "cursor_position",
    "mouse_move",
    "left_click",
    "left_click_drag",
    "right_click",
    "middle_click",
    "double_click",
    "triple_click",
    "left_mouse_down",
    "left_mouse_up",
    "scroll",
    "wait",
    "screenshot",
    "zoom",
)
LEGACY_ACTION_SUPERSET: Mapping[str, tuple[str, ...]] = {
    "computer_20241022": (
        "key",
        "type",
        "cursor_position",
        "mouse_move",
        "left_click",
        "left_click_drag",
        "right_click",
        "middle_click",
        "double_click",
        "screenshot",
    ),
    "computer_20250124": _ACTIONS_2025,
    "computer_20251124": _ACTIONS_2025,
}
"""The ``action`` values each legacy version accepts."""


class ComputerToolsetError(MiosaError):
    """A computer-use toolset failure raised to the caller (not to the model)."""


class ComputerToolsetConfigError(ComputerToolsetError, ValueError):
    """A configuration the contract forbids: ``confirm`` missing while ``type``, ``key`` or
    ``hold_key`` is enabled, an unknown member or version, a bad display size, or a legacy
    entry beside the current one in one ``tools`` list."""


class ComputerClientRequiredError(ComputerToolsetError, RuntimeError):
    """`computer_use_loop` was called without a model client."""


@attrs.frozen(kw_only=True)
class MemberSpec:
    """How one member maps onto this SDK's computer handle.

    ``method`` is the handle call that performs it ("" when ``composed`` from several);
    ``params`` the input keys it reads; ``returns_image`` marks screenshot and zoom.
    """

    name: str
    method: str
    params: tuple[str, ...]
    returns_image: bool = False
    composed: bool = False
    description: str = ""


_POINT = ("coordinate", "x", "y")
MEMBER_MAP: Mapping[str, MemberSpec] = {
    spec.name: spec
    for spec in (
        MemberSpec(
            name="screenshot",
            method="screenshot",
            params=(),
            returns_image=True,
            description="The whole desktop as an image, scaled to the model's screen size.",
        ),
        MemberSpec(
            name="zoom",
            method="desktop.screenshot_region",
            params=("region", "x", "y", "width", "height"),
            returns_image=True,
            description="A region of the desktop as an image, at up to full resolution.",
        ),
        MemberSpec(name="left_click", method="click", params=_POINT, description="Left-click."),
        MemberSpec(name="right_click", method="click", params=_POINT, description="Right-click."),
        MemberSpec(name="middle_click", method="click", params=_POINT, description="Middle-click."),
        MemberSpec(
            name="double_click", method="double_click", params=_POINT, description="Double-click."
        ),
        MemberSpec(
            name="triple_click",
            method="",
            params=_POINT,
            composed=True,
            description="Triple-click (a double-click, then a click).",
        ),
        MemberSpec(
            name="left_click_drag",
            method="drag",
            params=("coordinate", "start_coordinate", "x", "y", "start_x", "start_y"),
            description="Press at the start (the pointer when none), move, release.",
        ),
        MemberSpec(
            name="mouse_move",
            method="move_mouse",
            params=_POINT,
            description="Move the pointer without clicking.",
        ),
        MemberSpec(
            name="left_mouse_down",
            method="desktop.mouse_down",
            params=_POINT,
            description="Press and hold the left button.",
        ),
        MemberSpec(
            name="left_mouse_up",
            method="desktop.mouse_up",
            params=_POINT,
            description="Release the left button.",
        ),
        MemberSpec(
            name="cursor_position",
            method="cursor",
            params=(),
            description="The pointer position as text, e.g. 'X=512, Y=384'.",
        ),
        MemberSpec(
            name="scroll",
            method="scroll",
            params=("coordinate", "scroll_direction", "scroll_amount", "x", "y"),
            description="Scroll up, down, left or right by a number of clicks.",
        ),
        MemberSpec(name="type", method="write", params=("text",), description="Type text."),
        MemberSpec(
            name="key", method="key", params=("text",), description="Press a key or a combo."
        ),
        MemberSpec(
            name="hold_key",
            method="",
            params=("text", "duration"),
            composed=True,
            description="Hold a key for a duration (key down, wait, key up).",
        ),
        MemberSpec(
            name="wait", method="wait", params=("duration",), description="Pause for seconds."
        ),
    )
}
"""Every member and the handle call behind it."""

_SCROLL_DIRECTIONS = ("up", "down", "left", "right")
MAX_DURATION = 100.0


# -- the optional anthropic base class ------------------------------------------------------


@functools.lru_cache(maxsize=1)
def anthropic_computer_toolset_base() -> type | None:
    """Anthropic's base class for the current toolset, or None without ``anthropic``.

    The only place ``anthropic`` is imported, and only when called.
    """
    try:
        from anthropic.tools.computer import (  # type: ignore[import-not-found, unused-ignore]
            BetaAbstractComputerToolset20260801,
        )
    except ImportError:
        return None
    base: type = BetaAbstractComputerToolset20260801
    return base


# -- content blocks and results ------------------------------------------------------------


class TextBlock(TypedDict):
    type: Literal["text"]
    text: str


class ImageSource(TypedDict):
    type: Literal["base64"]
    media_type: str
    data: str


class ImageBlock(TypedDict):
    type: Literal["image"]
    source: ImageSource


class ToolResultBlock(TypedDict):
    """A ``tool_result`` block for the Messages API (with ``toolset_name``)."""

    type: Literal["tool_result"]
    tool_use_id: Any
    toolset_name: str
    content: list[TextBlock | ImageBlock]
    is_error: bool


def text_block(text: str) -> TextBlock:
    return {"type": "text", "text": text}


def image_block(png: bytes, media_type: str = "image/png") -> ImageBlock:
    data = base64.b64encode(png).decode("ascii")
    return {"type": "image", "source": {"type": "base64", "media_type": media_type, "data": data}}


def tool_result(
    tool_use_id: Any, content: list[TextBlock | ImageBlock], *, is_error: bool
) -> ToolResultBlock:
    return {
        "type": "tool_result",
        "tool_use_id": tool_use_id,
        "toolset_name": TOOLSET_NAME,
        "content": content,
        "is_error": is_error,
    }


def error_result(tool_use_id: Any, message: str) -> ToolResultBlock:
    return tool_result(tool_use_id, [text_block(message[:MAX_ERROR_TEXT])], is_error=True)


def error_text(exc: BaseException) -> str:
    """``ClassName: message``, cut to `MAX_ERROR_TEXT`."""
    return f"{type(exc).__name__}: {exc or type(exc).__name__}"[:MAX_ERROR_TEXT]


def skipped_result(block: object) -> ToolResultBlock:
    """The result of a call skipped after an earlier failure in the same batch."""
    try:
        _, _, tool_use_id = read_tool_use(block)
    except ComputerToolsetConfigError:
        tool_use_id = None
    return error_result(tool_use_id, SKIPPED_AFTER_FAILURE_TEXT)


# -- reading calls ---------------------------------------------------------------------------


def _field(block: object, key: str, default: Any = None) -> Any:
    value = block.get(key, default) if isinstance(block, Mapping) else getattr(block, key, default)
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    return default if value is None else value


def as_params(block: object) -> dict[str, Any]:
    """A call's ``input`` as a dict (a mapping, a pydantic model, or an object)."""
    raw = _field(block, "input", {})
    if isinstance(raw, Mapping):
        return {str(k): v for k, v in raw.items()}
    if hasattr(raw, "__dict__"):
        return dict(vars(raw))
    return {}


def read_tool_use(block: object) -> tuple[str, str | None, Any]:
    """(name, toolset_name, tool_use_id) of a ``tool_use`` block (object or dict)."""
    looks_like = (
        block.get("type") == "tool_use" or "name" in block
        if isinstance(block, Mapping)
        else getattr(block, "type", None) == "tool_use" or hasattr(block, "name")
    )
    if not looks_like:
        raise ComputerToolsetConfigError(
            "execute() takes a tool_use block: a mapping with 'name', or an object with "
            ".name, .input and .id"
        )
    toolset_name = _field(block, "toolset_name")
    if toolset_name is None:
        nested = as_params(block).get("toolset_name")
        toolset_name = None if nested is None else str(nested)
    tool_use_id = _field(block, "id", _field(block, "tool_use_id"))
    return str(_field(block, "name")), toolset_name, tool_use_id


def call_confirm(confirm: Callable[..., Any], name: str, params: Mapping[str, Any]) -> bool:
    """Ask ``confirm``: ``confirm(name, input)`` when it takes two arguments, else
    ``confirm({"name", "input", "toolset_name"})`` (both forms Anthropic's SDK uses)."""
    call = {"name": name, "input": dict(params), "toolset_name": TOOLSET_NAME}
    try:
        signature = inspect.signature(confirm)
    except (TypeError, ValueError):
        return bool(confirm(call))
    parameters = signature.parameters.values()
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(positional) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in parameters):
        return bool(confirm(name, dict(params)))
    return bool(confirm(call))


def _integer(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ComputerToolsetConfigError(f"{what} must be an integer, got {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise ComputerToolsetConfigError(f"{what} must be an integer, got {value!r}") from None
    if number != int(number):
        raise ComputerToolsetConfigError(f"{what} must be an integer, got {value!r}")
    return int(number)


def _pair(value: object, what: str) -> tuple[int, int] | None:
    if isinstance(value, Mapping):
        if value.get("x") is None or value.get("y") is None:
            return None
        return _integer(value["x"], f"{what}.x"), _integer(value["y"], f"{what}.y")
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise ComputerToolsetConfigError(f"{what} must be [x, y], got {list(value)!r}")
        return _integer(value[0], f"{what}[0]"), _integer(value[1], f"{what}[1]")
    return None


def as_coordinate(params: Mapping[str, Any]) -> tuple[int, int]:
    """The ``coordinate: [x, y]`` of a call (or ``{"x", "y"}``, or flat ``x`` and ``y``)."""
    found = _pair(params.get("coordinate"), "coordinate")
    if found is None and params.get("x") is not None and params.get("y") is not None:
        found = _integer(params["x"], "x"), _integer(params["y"], "y")
    if found is None:
        raise ComputerToolsetConfigError(
            "this action needs a coordinate: coordinate=[x, y] (or x and y)"
        )
    return found


def as_optional_coordinate(params: Mapping[str, Any]) -> tuple[int, int] | None:
    if params.get("coordinate") is None and (params.get("x") is None or params.get("y") is None):
        return None
    return as_coordinate(params)


def as_start_coordinate(params: Mapping[str, Any]) -> tuple[int, int] | None:
    found = _pair(params.get("start_coordinate"), "start_coordinate")
    if found is None and params.get("start_x") is not None and params.get("start_y") is not None:
        found = _integer(params["start_x"], "start_x"), _integer(params["start_y"], "start_y")
    return found


def as_region(params: Mapping[str, Any]) -> tuple[int, int, int, int]:
    """A zoom rectangle as (x, y, width, height): ``region: [x1, y1, x2, y2]`` (the
    contract's form), ``region: {"x", "y", "width", "height"}`` or flat keys."""
    region = params.get("region")
    keys = ("x", "y", "width", "height")
    if isinstance(region, Mapping) and all(region.get(k) is not None for k in keys):
        x, y, w, h = (_integer(region[k], f"region.{k}") for k in keys)
    elif isinstance(region, (list, tuple)) and len(region) == 4:
        x1, y1, x2, y2 = (_integer(v, "region") for v in region)
        x, y, w, h = x1, y1, x2 - x1, y2 - y1
    elif all(params.get(k) is not None for k in keys):
        x, y, w, h = (_integer(params[k], k) for k in keys)
    else:
        raise ComputerToolsetConfigError(
            "zoom needs region=[x1, y1, x2, y2] (or x, y, width and height)"
        )
    if w <= 0 or h <= 0:
        raise ComputerToolsetConfigError(f"the zoom region is empty ({w}x{h})")
    return x, y, w, h


def as_text(params: Mapping[str, Any]) -> str:
    text = params.get("text")
    if text is None or (isinstance(text, str) and not text):
        raise ComputerToolsetConfigError("this action needs a non-empty 'text'")
    return str(text)


def as_duration(params: Mapping[str, Any]) -> float:
    raw = params.get("duration")
    if raw is None or isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise ComputerToolsetConfigError("this action needs a 'duration' in seconds")
    try:
        duration = float(raw)
    except ValueError:
        raise ComputerToolsetConfigError(f"duration must be a number, got {raw!r}") from None
    if not 0 <= duration <= MAX_DURATION:
        raise ComputerToolsetConfigError(
            f"duration must be between 0 and {MAX_DURATION:g} seconds, got {duration:g}"
        )
    return duration


def as_scroll(params: Mapping[str, Any]) -> tuple[ScrollDirection, int]:
    direction = str(params.get("scroll_direction", "down"))
    if direction not in _SCROLL_DIRECTIONS:
        raise ComputerToolsetConfigError(
            f"scroll_direction must be one of {', '.join(_SCROLL_DIRECTIONS)}, got {direction!r}"
        )
    amount = _integer(params.get("scroll_amount", 3), "scroll_amount")
    if not 0 <= amount <= 100:
        raise ComputerToolsetConfigError(f"scroll_amount must be 0 to 100, got {amount}")
    return cast("ScrollDirection", direction), amount


# -- configuration -------------------------------------------------------------------------------


def resolve_enabled_members(
    configs: Mapping[str, Any] | None, available: Sequence[str]
) -> list[str]:
    """``available`` less what ``configs`` turns off (``False`` or ``{"enabled": False}``)."""
    enabled = list(available)
    for member, value in (configs or {}).items():
        if member not in available:
            raise ComputerToolsetConfigError(
                f"configs names unknown member {member!r}; members: {', '.join(available)}"
            )
        if isinstance(value, Mapping):
            on = bool(value.get("enabled", True))
        elif isinstance(value, bool):
            on = value
        else:
            raise ComputerToolsetConfigError(
                f"configs[{member!r}] must be a bool or a mapping with 'enabled'"
            )
        if not on:
            enabled.remove(member)
    return enabled


def check_confirm(enabled: Sequence[str], confirm: object) -> None:
    gated = [m for m in CONFIRM_REQUIRED_MEMBERS if m in enabled]
    if gated and confirm is None:
        raise ComputerToolsetConfigError(
            f"confirm is required when {', '.join(gated)} are enabled: pass "
            "confirm=<callable returning bool>, or turn them off with "
            'configs={"type": False, "key": False, "hold_key": False}'
        )


def validate_display_size(width: int | None, height: int | None) -> tuple[int, int]:
    """Both legacy display dimensions, positive integers."""
    missing = [
        n for n, v in (("display_width_px", width), ("display_height_px", height)) if v is None
    ]
    if missing:
        raise ComputerToolsetConfigError(
            f"the legacy computer tool needs {' and '.join(missing)} (positive integers)"
        )
    assert width is not None and height is not None
    if isinstance(width, bool) or isinstance(height, bool) or int(width) <= 0 or int(height) <= 0:
        raise ComputerToolsetConfigError(
            f"display dimensions must be positive integers, got {width}x{height}"
        )
    return int(width), int(height)


def check_legacy(
    version: str, members: Sequence[str] | None, configs: Mapping[str, Any] | None
) -> list[str]:
    """The members a legacy toolset offers; raises for an unknown version or action."""
    if version not in LEGACY_VERSIONS:
        raise ComputerToolsetConfigError(
            f"unknown legacy version {version!r}; one of {', '.join(sorted(LEGACY_VERSIONS))}"
        )
    superset = LEGACY_ACTION_SUPERSET[version]
    available = list(members) if members is not None else list(superset)
    unknown = sorted({m for m in [*available, *(configs or {})] if m not in superset})
    if unknown:
        raise ComputerToolsetConfigError(
            f"{version} does not support {', '.join(unknown)}; its actions: {', '.join(superset)}"
        )
    return available


def assert_no_legacy_coexistence(entries: Iterable[Any]) -> None:
    """Raise `ComputerToolsetConfigError` when the current toolset entry shares a ``tools``
    list with a legacy computer tool (the API takes one shape)."""
    kinds = (e.get("type") if isinstance(e, Mapping) else getattr(e, "type", None) for e in entries)
    types = [str(kind) for kind in kinds if kind is not None]
    if ANTHROPIC_TOOLSET_TYPE in types:
        clashes = sorted({t for t in types if t in LEGACY_VERSIONS})
        if clashes:
            raise ComputerToolsetConfigError(
                f"{ANTHROPIC_TOOLSET_TYPE} cannot share a tools list with a legacy computer "
                f"tool ({', '.join(clashes)}); submit one shape"
            )


# -- screen geometry -------------------------------------------------------------------------


def fit(size: tuple[int, int], box: tuple[int, int] | None) -> tuple[int, int]:
    """``size`` shrunk into ``box`` with its aspect ratio (never enlarged; None: as is)."""
    width, height = size
    if box is None or (width <= box[0] and height <= box[1]):
        return size
    ratio = min(box[0] / width, box[1] / height)
    return max(1, round(width * ratio)), max(1, round(height * ratio))


@attrs.frozen
class Screen:
    """The real screen and the screen the model sees (its screenshots' size, its coordinate
    space); coordinates are checked in the model's space and mapped to the real one."""

    real: tuple[int, int]
    model: tuple[int, int]

    @property
    def scaled(self) -> bool:
        return self.real != self.model

    def check(self, x: int, y: int, what: str = "coordinate") -> None:
        width, height = self.model
        if not (0 <= x < width and 0 <= y < height):
            raise ComputerToolsetConfigError(
                f"{what} ({x}, {y}) is outside the screen: x must be 0..{width - 1} and "
                f"y 0..{height - 1}"
            )

    def to_real(self, x: int, y: int, what: str = "coordinate") -> tuple[int, int]:
        """A model coordinate, validated, as a real screen coordinate."""
        self.check(x, y, what)
        if not self.scaled:
            return x, y
        (rw, rh), (mw, mh) = self.real, self.model
        return min(rw - 1, x * rw // mw), min(rh - 1, y * rh // mh)

    def to_model(self, x: int, y: int) -> tuple[int, int]:
        """A real screen coordinate (the pointer) in the model's space."""
        (rw, rh), (mw, mh) = self.real, self.model
        return min(mw - 1, x * mw // rw), min(mh - 1, y * mh // rh)

    def region_to_real(self, x: int, y: int, w: int, h: int) -> tuple[int, int, int, int]:
        """A zoom region (model space, inside the screen) in real pixels."""
        self.check(x, y, "region start")
        self.check(x + w - 1, y + h - 1, "region end")
        (rw, rh), (mw, mh) = self.real, self.model
        left, top = x * rw // mw, y * rh // mh
        right, bottom = -(-(x + w) * rw // mw), -(-(y + h) * rh // mh)
        return left, top, max(1, min(rw, right) - left), max(1, min(rh, bottom) - top)


# -- the loop's records ----------------------------------------------------------------------


@attrs.define(kw_only=True)
class ToolsetStep:
    """One computer action the loop ran, as the model saw its result."""

    index: int
    action: str
    input: dict[str, Any] = attrs.field(factory=dict)
    ok: bool = True
    error: str | None = None
    text: str | None = None
    image_base64: str | None = None
    tool_use_id: Any = None

    @property
    def is_error(self) -> bool:
        """The action failed (or was skipped after a failure)."""
        return not self.ok


@attrs.define(kw_only=True)
class ComputerUseResult:
    """What `computer_use_loop` ends with: the final text, every step, the transcript.

    ``stopped_reason`` is ``end_turn`` (the model stopped asking for actions),
    ``max_tokens`` (its reply was cut off) or ``max_iterations``.
    """

    final_text: str = ""
    steps: list[ToolsetStep] = attrs.field(factory=list)
    iterations: int = 0
    stopped_reason: str = "end_turn"
    messages: list[dict[str, Any]] = attrs.field(factory=list)


def step_from_result(index: int, block: object, result: Mapping[str, Any]) -> ToolsetStep:
    params = as_params(block)
    texts, image = [], None
    for content in result.get("content") or []:
        if content.get("type") == "text":
            texts.append(str(content.get("text", "")))
        elif content.get("type") == "image":
            image = (content.get("source") or {}).get("data")
    failed = bool(result.get("is_error"))
    text = "\n".join(t for t in texts if t) or None
    return ToolsetStep(
        index=index,
        action=str(params.get("action") or _field(block, "name") or ""),
        input=params,
        ok=not failed,
        error=text if failed else None,
        text=None if failed else text,
        image_base64=image,
        tool_use_id=result.get("tool_use_id"),
    )


def normalize_content(content: object) -> list[dict[str, Any]]:
    """A Messages API ``content`` (text, dicts, or the SDK's block objects) as dicts."""
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    blocks: list[dict[str, Any]] = []
    for block in content if isinstance(content, Iterable) else []:
        if isinstance(block, Mapping):
            blocks.append(dict(block))
        elif hasattr(block, "model_dump"):
            blocks.append(dict(block.model_dump()))
        elif hasattr(block, "to_dict"):
            blocks.append(dict(block.to_dict()))
        else:
            blocks.append({k: v for k, v in vars(block).items() if not k.startswith("_")})
    return blocks


def reply_field(reply: object, key: str) -> Any:
    if isinstance(reply, Mapping):
        return reply.get(key)
    return getattr(reply, key, None)


def model_request(
    *,
    model: str,
    system: str | None,
    messages: list[dict[str, Any]],
    tools: list[dict[str, Any]],
    max_tokens: int,
    extra: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """The keyword arguments of one ``messages.create`` call."""
    kwargs: dict[str, Any] = {
        "model": model,
        "max_tokens": max_tokens,
        "messages": list(messages),  # a snapshot: the loop keeps appending to its own
        "tools": tools,
    }
    if system is not None:
        kwargs["system"] = system
    kwargs.update(extra or {})
    return kwargs


def create_function(client: object) -> Callable[..., Any]:
    """How to call the model: ``client(**kw)``, ``client.messages.create`` or ``client.create``."""
    if callable(client) and not hasattr(client, "messages"):
        return client
    messages_api = getattr(client, "messages", None)
    if messages_api is not None and hasattr(messages_api, "create"):
        return messages_api.create  # type: ignore[no-any-return]
    if hasattr(client, "create"):
        return client.create  # type: ignore[no-any-return]
    raise ComputerClientRequiredError(
        "client must be callable, or have .messages.create(...) or .create(...)"
    )


CLIENT_REQUIRED = (
    "computer_use_loop needs a model client: client=<an Anthropic client> (an object with "
    ".messages.create(...)) or client=<a callable taking model=, max_tokens=, messages=, "
    "tools=>. The anthropic package is never imported here, so none is made for you."
)
