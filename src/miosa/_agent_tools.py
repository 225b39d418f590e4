"""The pure half of `miosa.agent`'s tools: schemas, exporters, tool-call shapes, bounding.

Nothing here does I/O, so `AsyncToolbox` and `Toolbox` share it as it is. The LLM SDKs are
never imported: their tool-call objects are read by attribute (or key, for dicts), and the
shapes they take are plain dicts described by the TypedDicts below.
"""

from __future__ import annotations

import base64
import inspect
import json
import struct
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, Protocol, TypeAlias, TypedDict

import attrs

from ._agent_types import Image, ToolResult
from .types.sandbox_code import CodeResult

JSONSchema: TypeAlias = dict[str, Any]
"""A JSON Schema document (the arguments of a tool: ``{"type": "object", ...}``)."""

CallShape: TypeAlias = Literal["openai_chat", "openai_responses", "anthropic", "plain"]
"""The family a tool call came from, which decides the shape of its result."""

DEFAULT_MAX_OUTPUT_BYTES = 16_384
DEFAULT_MAX_OUTPUT_LINES = 400
DEFAULT_TOOL_TIMEOUT = 120.0


class ToolSpec(Protocol):
    """What the exporters read from a tool."""

    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def parameters(self) -> JSONSchema: ...


# -- exporters -----------------------------------------------------------------------------


class ToolSchema(TypedDict):
    """The plain shape: a name, a description and the JSON Schema of the arguments."""

    name: str
    description: str
    parameters: JSONSchema


class OpenAIChatFunction(TypedDict):
    name: str
    description: str
    parameters: JSONSchema


class OpenAIChatTool(TypedDict):
    """One entry of ``tools=`` for OpenAI chat completions (and compatible hosts)."""

    type: Literal["function"]
    function: OpenAIChatFunction


class OpenAIResponsesTool(TypedDict):
    """One entry of ``tools=`` for the OpenAI Responses API."""

    type: Literal["function"]
    name: str
    description: str
    parameters: JSONSchema


class AnthropicTool(TypedDict):
    """One entry of ``tools=`` for the Anthropic Messages API."""

    name: str
    description: str
    input_schema: JSONSchema


def json_schemas(tools: Iterable[ToolSpec]) -> list[ToolSchema]:
    return [
        {"name": t.name, "description": t.description, "parameters": t.parameters} for t in tools
    ]


def openai_chat_tools(tools: Iterable[ToolSpec]) -> list[OpenAIChatTool]:
    return [
        {
            "type": "function",
            "function": {"name": t.name, "description": t.description, "parameters": t.parameters},
        }
        for t in tools
    ]


def openai_responses_tools(tools: Iterable[ToolSpec]) -> list[OpenAIResponsesTool]:
    return [
        {
            "type": "function",
            "name": t.name,
            "description": t.description,
            "parameters": t.parameters,
        }
        for t in tools
    ]


def anthropic_tools(tools: Iterable[ToolSpec]) -> list[AnthropicTool]:
    return [
        {"name": t.name, "description": t.description, "input_schema": t.parameters} for t in tools
    ]


def object_schema(properties: Mapping[str, JSONSchema], required: Sequence[str] = ()) -> JSONSchema:
    """``{"type": "object", "properties": ..., "required": [...]}`` with no extra keys."""
    return {
        "type": "object",
        "properties": dict(properties),
        "required": list(required),
        "additionalProperties": False,
    }


_PYTHON_TYPES: Mapping[object, JSONSchema] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    list: {"type": "array"},
    dict: {"type": "object"},
}


def _annotation_schema(annotation: object, where: str) -> tuple[JSONSchema, bool]:
    """(schema, nullable) for one parameter's annotation."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or isinstance(annotation, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _annotation_schema(members[0], where)[0], True
        raise TypeError(f"{where}: unions other than X | None are not supported")
    if origin is Literal:
        values = list(typing.get_args(annotation))
        return {"enum": values}, False
    if origin in (list, tuple, Sequence, typing.Sequence):
        args = typing.get_args(annotation)
        schema: JSONSchema = {"type": "array"}
        if args and args[0] is not Ellipsis:
            schema["items"] = _annotation_schema(args[0], where)[0]
        return schema, False
    if origin in (dict, Mapping, typing.Mapping):
        return {"type": "object"}, False
    found = _PYTHON_TYPES.get(annotation)
    if found is None:
        raise TypeError(
            f"{where}: cannot describe {annotation!r} in JSON Schema; use str, int, float, "
            "bool, list, dict, Literal or X | None, or pass parameters= yourself"
        )
    return dict(found), False


def signature_schema(func: Callable[..., object]) -> JSONSchema:
    """The JSON Schema of ``func``'s keyword-callable parameters, from its annotations.

    Parameters without a default are required; ``X | None`` and defaults make them
    optional. Supported: ``str``, ``int``, ``float``, ``bool``, ``list[...]``, ``dict``,
    ``Literal[...]`` and ``X | None``.
    """
    where = str(getattr(func, "__name__", "the function"))
    hints = typing.get_type_hints(func)
    properties: dict[str, JSONSchema] = {}
    required: list[str] = []
    for name, parameter in inspect.signature(func).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.kind is parameter.POSITIONAL_ONLY:
            raise TypeError(f"{where}: positional-only parameter {name!r}")
        if name not in hints:
            raise TypeError(f"{where}: parameter {name!r} has no annotation")
        schema, nullable = _annotation_schema(hints[name], f"{where}({name})")
        properties[name] = schema
        if parameter.default is parameter.empty and not nullable:
            required.append(name)
    return object_schema(properties, required)


def docstring_summary(func: Callable[..., object]) -> str:
    """The first paragraph of ``func``'s docstring, on one line."""
    doc = inspect.getdoc(func) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


# -- reading tool calls --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ParsedCall:
    """A tool call read from any of the supported shapes."""

    shape: CallShape
    id: str
    name: str
    arguments: Mapping[str, Any]
    argument_error: str | None = None


def _get(obj: object, key: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def decode_arguments(raw: object) -> tuple[dict[str, Any], str | None]:
    """Arguments as a dict, from a JSON string or a mapping; else ``({}, why)``."""
    if raw is None or raw == "":
        return {}, None
    if isinstance(raw, Mapping):
        return dict(raw), None
    if isinstance(raw, (str, bytes)):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            return {}, f"the arguments are not valid JSON ({exc.msg} at position {exc.pos})"
        except (ValueError, RecursionError):
            return {}, "the arguments are not valid JSON"
        if isinstance(value, dict):
            return value, None
        return {}, f"the arguments must be a JSON object, got {type(value).__name__}"
    return {}, f"the arguments must be a JSON object, got {type(raw).__name__}"


def parse_tool_call(call: object) -> ParsedCall | None:
    """Read a tool call; None when ``call`` is not one (a text block, a reasoning item ...).

    Accepted, as objects (attribute access) or dicts:

    * OpenAI chat completions: ``{"id", "type": "function", "function": {"name", "arguments"}}``
    * OpenAI Responses: ``{"type": "function_call", "call_id", "name", "arguments"}``
    * Anthropic Messages: ``{"type": "tool_use", "id", "name", "input"}``
    * plain: ``{"name", "arguments"}`` (``id`` optional; ``arguments`` a dict or JSON text)
    """
    kind = _get(call, "type")
    function = _get(call, "function")
    if kind == "tool_use":
        arguments, error = decode_arguments(_get(call, "input"))
        return ParsedCall(
            shape="anthropic",
            id=str(_get(call, "id") or ""),
            name=str(_get(call, "name") or ""),
            arguments=arguments,
            argument_error=error,
        )
    if kind == "function_call":
        arguments, error = decode_arguments(_get(call, "arguments"))
        return ParsedCall(
            shape="openai_responses",
            id=str(_get(call, "call_id") or _get(call, "id") or ""),
            name=str(_get(call, "name") or ""),
            arguments=arguments,
            argument_error=error,
        )
    if function is not None and kind in (None, "function"):
        arguments, error = decode_arguments(_get(function, "arguments"))
        return ParsedCall(
            shape="openai_chat",
            id=str(_get(call, "id") or ""),
            name=str(_get(function, "name") or ""),
            arguments=arguments,
            argument_error=error,
        )
    name = _get(call, "name")
    if kind is None and isinstance(name, str) and name:
        raw = _get(call, "arguments")
        arguments, error = decode_arguments(raw if raw is not None else _get(call, "input"))
        return ParsedCall(
            shape="plain",
            id=str(_get(call, "id") or ""),
            name=name,
            arguments=arguments,
            argument_error=error,
        )
    return None


# -- shaping results -----------------------------------------------------------------------


class OpenAIChatToolMessage(TypedDict):
    """A ``role: tool`` message for chat completions."""

    role: Literal["tool"]
    tool_call_id: str
    content: str


class ResponsesInputText(TypedDict):
    type: Literal["input_text"]
    text: str


class ResponsesInputImage(TypedDict):
    type: Literal["input_image"]
    image_url: str


class OpenAIResponsesToolOutput(TypedDict):
    """A ``function_call_output`` input item for the Responses API."""

    type: Literal["function_call_output"]
    call_id: str
    output: str | list[ResponsesInputText | ResponsesInputImage]


class AnthropicTextBlock(TypedDict):
    type: Literal["text"]
    text: str


class AnthropicImageSource(TypedDict):
    type: Literal["base64"]
    media_type: str
    data: str


class AnthropicImageBlock(TypedDict):
    type: Literal["image"]
    source: AnthropicImageSource


class AnthropicToolResult(TypedDict):
    """A ``tool_result`` content block for the Messages API."""

    type: Literal["tool_result"]
    tool_use_id: str
    content: str | list[AnthropicTextBlock | AnthropicImageBlock]
    is_error: bool


class PlainToolResult(TypedDict):
    """The result of a plain ``{"name", "arguments"}`` call."""

    id: str
    name: str
    content: str
    is_error: bool


DispatchResult: TypeAlias = (
    OpenAIChatToolMessage | OpenAIResponsesToolOutput | AnthropicToolResult | PlainToolResult
)


def data_url(image: Image) -> str:
    return f"data:{image.media_type};base64," + base64.b64encode(image.data).decode("ascii")


def chat_tool_message(result: ToolResult) -> OpenAIChatToolMessage:
    return {"role": "tool", "tool_call_id": result.call_id, "content": text_only(result)}


def responses_tool_output(result: ToolResult) -> OpenAIResponsesToolOutput:
    if not result.images:
        return {"type": "function_call_output", "call_id": result.call_id, "output": result.text}
    parts: list[ResponsesInputText | ResponsesInputImage] = [
        {"type": "input_text", "text": result.text}
    ]
    parts.extend({"type": "input_image", "image_url": data_url(i)} for i in result.images)
    return {"type": "function_call_output", "call_id": result.call_id, "output": parts}


def anthropic_tool_result(result: ToolResult) -> AnthropicToolResult:
    content: str | list[AnthropicTextBlock | AnthropicImageBlock] = result.text
    if result.images:
        blocks: list[AnthropicTextBlock | AnthropicImageBlock] = [
            {"type": "text", "text": result.text}
        ]
        blocks.extend(
            {
                "type": "image",
                "source": {
                    "type": "base64",
                    "media_type": i.media_type,
                    "data": base64.b64encode(i.data).decode("ascii"),
                },
            }
            for i in result.images
        )
        content = blocks
    return {
        "type": "tool_result",
        "tool_use_id": result.call_id,
        "content": content,
        "is_error": result.is_error,
    }


def plain_tool_result(result: ToolResult) -> PlainToolResult:
    return {
        "id": result.call_id,
        "name": result.name,
        "content": text_only(result),
        "is_error": result.is_error,
    }


def shape_result(result: ToolResult, shape: CallShape) -> DispatchResult:
    """The result in the shape its call came in."""
    if shape == "openai_chat":
        return chat_tool_message(result)
    if shape == "openai_responses":
        return responses_tool_output(result)
    if shape == "anthropic":
        return anthropic_tool_result(result)
    return plain_tool_result(result)


def text_only(result: ToolResult) -> str:
    """The result's text, saying where images were left out (text-only formats)."""
    if not result.images:
        return result.text
    note = ", ".join(describe_image(i) for i in result.images)
    return f"{result.text}\n[{len(result.images)} image(s) not included here: {note}]"


def describe_image(image: Image) -> str:
    size = png_size(image.data) if image.media_type == "image/png" else None
    dims = f" {size[0]}x{size[1]}" if size else ""
    return f"{image.media_type}{dims}, {len(image.data)} bytes"


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG header, None when ``data`` is not a PNG."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


# -- bounding output -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OutputLimits:
    """The budget of one tool result's text: at most ``max_bytes`` (UTF-8) and
    ``max_lines``; beyond it the head and the tail are kept and the cut is said."""

    max_bytes: int = DEFAULT_MAX_OUTPUT_BYTES
    max_lines: int = DEFAULT_MAX_OUTPUT_LINES

    def __attrs_post_init__(self) -> None:
        if self.max_bytes < 256:
            raise ValueError("max_bytes must be at least 256")
        if self.max_lines < 2:
            raise ValueError("max_lines must be at least 2")


def bound_text(text: str, limits: OutputLimits) -> str:
    """``text`` within ``limits``: unchanged when it fits, else head + marker + tail.

    The head gets about two thirds of the budget (where commands print what they are
    doing), the tail the rest (where they print how it ended). Cuts fall on line breaks
    where possible and never split a UTF-8 character.
    """
    size = len(text.encode("utf-8"))
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if size <= limits.max_bytes and lines <= limits.max_lines:
        return text
    budget = limits.max_bytes - 120  # room for the marker
    head_lines = limits.max_lines * 2 // 3
    head = _head(text, head_lines, budget * 2 // 3)
    tail = _tail(text[len(head) :], limits.max_lines - head_lines, budget - budget * 2 // 3)
    middle = text[len(head) : len(text) - len(tail)]
    cut_bytes = len(middle.encode("utf-8"))
    cut_lines = middle.count("\n")
    what = f"{cut_lines} lines, {cut_bytes} bytes" if cut_lines else f"{cut_bytes} bytes"
    marker = f"\n[... {what} cut: the output was too long ...]\n"
    return head.rstrip("\n") + marker + tail


def _head(text: str, max_lines: int, max_bytes: int) -> str:
    """The longest prefix of at most ``max_lines`` lines and ``max_bytes`` bytes."""
    end = 0
    for _ in range(max_lines):
        found = text.find("\n", end)
        if found < 0:
            end = len(text)
            break
        end = found + 1
    head = text[:end]
    if len(head.encode("utf-8")) > max_bytes:
        head = head.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
        newline = head.rfind("\n")
        if newline >= len(head) // 2:
            head = head[: newline + 1]
    return head


def _tail(text: str, max_lines: int, max_bytes: int) -> str:
    """The longest suffix of at most ``max_lines`` lines and ``max_bytes`` bytes."""
    if max_lines <= 0 or not text:
        return ""
    search_end = len(text) - 1 if text.endswith("\n") else len(text)
    start = 0
    for _ in range(max_lines):
        found = text.rfind("\n", 0, search_end)
        if found < 0:
            start = 0
            break
        start, search_end = found + 1, found
    tail = text[start:]
    data = tail.encode("utf-8")
    if len(data) > max_bytes:
        tail = data[len(data) - max_bytes :].decode("utf-8", "ignore")
        newline = tail.find("\n")
        if 0 <= newline < len(tail) // 2:
            tail = tail[newline + 1 :]
    return tail


# -- checking arguments --------------------------------------------------------------------

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def check_arguments(schema: JSONSchema, arguments: Mapping[str, Any]) -> str | None:
    """What is wrong with ``arguments`` against the tool's schema, None when nothing is.

    Covers what tool schemas use: ``required``, ``properties`` with ``type``, ``enum``,
    ``minimum``/``maximum`` and ``additionalProperties: false``. Anything else in the schema
    is left to the handler.
    """
    properties: Mapping[str, JSONSchema] = schema.get("properties") or {}
    missing = [name for name in schema.get("required") or () if name not in arguments]
    if missing:
        return "missing required argument(s): " + ", ".join(repr(m) for m in missing)
    if schema.get("additionalProperties") is False:
        unknown = [name for name in arguments if name not in properties]
        if unknown:
            known = ", ".join(properties) or "none"
            return (
                "unknown argument(s): "
                + ", ".join(repr(u) for u in unknown)
                + f" (accepted: {known})"
            )
    for name, value in arguments.items():
        spec = properties.get(name)
        if spec is None:
            continue
        problem = _check_value(spec, value)
        if problem:
            return f"argument {name!r} {problem}"
    return None


def _check_value(spec: JSONSchema, value: object) -> str | None:
    kind = spec.get("type")
    kinds = [kind] if isinstance(kind, str) else list(kind or [])
    if kinds:
        ok = False
        for k in kinds:
            accepted = _JSON_TYPES.get(k, (object,))
            is_bool = isinstance(value, bool)
            if isinstance(value, accepted) and (k == "boolean" or not is_bool):
                ok = True
            if k == "integer" and isinstance(value, float) and value.is_integer():
                ok = True
        if not ok:
            return f"must be of type {' or '.join(kinds)}, got {_json_type(value)}"
    enum = spec.get("enum")
    if enum is not None and value not in enum:
        return "must be one of " + ", ".join(json.dumps(e) for e in enum)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in spec and value < spec["minimum"]:
            return f"must be >= {spec['minimum']}"
        if "maximum" in spec and value > spec["maximum"]:
            return f"must be <= {spec['maximum']}"
    return None


def _json_type(value: object) -> str:
    for name, accepted in _JSON_TYPES.items():
        if isinstance(value, accepted) and not (isinstance(value, bool) and name != "boolean"):
            return name
    return type(value).__name__


# -- wording -------------------------------------------------------------------------------


def error_text(name: str, problem: str) -> str:
    """The text of an error result: says which tool failed and why, for the model to read."""
    return f"Error: {name}: {problem}"


def exception_text(exc: BaseException) -> str:
    """An exception as the model reads it: its type and message (never a traceback)."""
    message = str(exc).strip() or "no message"
    return f"{type(exc).__name__}: {message}"


def exec_text(stdout: str, stderr: str, exit_code: int) -> str:
    parts = [f"exit_code: {exit_code}"]
    if stdout:
        parts.append("stdout:\n" + stdout.rstrip("\n"))
    if stderr:
        parts.append("stderr:\n" + stderr.rstrip("\n"))
    if not stdout and not stderr:
        parts.append("(no output)")
    return "\n".join(parts)


def code_text(result: CodeResult) -> str:
    """A cell's outcome for the model: output, the last expression's value, other outputs
    (images go along as image blocks) and, when it failed, the error and traceback."""
    parts: list[str] = []
    if result.stdout:
        parts.append("stdout:\n" + result.stdout.rstrip("\n"))
    stderr = result.stderr
    if (
        result.error is not None
        and result.error.traceback
        and stderr.endswith(result.error.traceback)
    ):
        stderr = stderr[: -len(result.error.traceback)]  # said once, under error
    if stderr:
        parts.append("stderr:\n" + stderr.rstrip("\n"))
    if result.result is not None:
        value = result.result
        parts.append("result: " + (value if isinstance(value, str) else json.dumps(value)))
    inline = ("text/plain", "text/markdown")
    for output in result.outputs:
        if output.mime_type in inline:
            parts.append(f"{output.mime_type}:\n{output.text}")
    others = [o.mime_type for o in result.outputs if not o.is_image and o.mime_type not in inline]
    if others:
        parts.append("other outputs (not shown): " + ", ".join(others))
    images = len(result.images)
    if images:
        parts.append(f"({images} image{'s' if images > 1 else ''} attached)")
    if result.error is not None:
        error = result.error
        head = f"error: {error.name}: {error.value}" if error.value else f"error: {error.name}"
        parts.append(head + ("\n" + error.traceback.rstrip("\n") if error.traceback else ""))
    return "\n".join(parts) if parts else "(no output)"


READ_CAP = 1 << 20
"""The most a file-reading tool reads of one file (the result is then bounded as usual)."""


def decode_file(data: bytes, path: str, *, more: bool = False) -> str:
    """A file's bytes as text for the model; binary files are described, not dumped.

    ``more`` says the file goes on past ``data`` (it was read up to `READ_CAP`).
    """
    if b"\x00" in data[:8192]:
        size = f"over {len(data)}" if more else str(len(data))
        return f"{path} is a binary file ({size} bytes); not shown."
    text = data.decode("utf-8", "replace")
    if more:
        text += (
            f"\n[only the first {len(data)} bytes of {path} were read; use a command "
            "(tail, grep, sed -n) for the rest]"
        )
    return text


def pid_argument(value: object) -> int | str:
    """A pid as the model sends it: digits become an int (servers differ; both work)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else text
