"""Tools an LLM can call, over this SDK's sandboxes and computers: `AsyncTool`, `AsyncToolbox`.

A toolbox exports its tools in the shapes the LLM SDKs take (OpenAI chat completions and
Responses, Anthropic Messages, plain JSON Schema), runs a call in any of those shapes with
`AsyncToolbox.dispatch`, and answers in the matching shape. Whatever goes wrong in a tool
(bad arguments, an SDK error, a timeout) comes back as an error result the model can read;
only cancellation propagates.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, Protocol, cast, overload

import attrs

from ..._agent_tools import (
    DEFAULT_MAX_OUTPUT_BYTES,
    DEFAULT_MAX_OUTPUT_LINES,
    DEFAULT_TOOL_TIMEOUT,
    READ_CAP,
    AnthropicTool,
    AnthropicToolResult,
    CallShape,
    DispatchResult,
    JSONSchema,
    OpenAIChatTool,
    OpenAIChatToolMessage,
    OpenAIResponsesTool,
    OpenAIResponsesToolOutput,
    OutputLimits,
    PlainToolResult,
    ToolSchema,
    anthropic_tools,
    bound_text,
    check_arguments,
    code_text,
    decode_file,
    docstring_summary,
    error_text,
    exception_text,
    exec_text,
    json_schemas,
    object_schema,
    openai_chat_tools,
    openai_responses_tools,
    parse_tool_call,
    pid_argument,
    shape_result,
    signature_schema,
)
from ..._agent_types import Image, ToolOutput, ToolResult
from ..._concurrency import atime_limit
from ..._core.request import NOT_GIVEN
from ...errors import APITimeoutError, NotFoundError
from ...types.params import MouseButton, ScrollDirection
from ..client import AsyncMiosa
from ..resources.computers import AsyncComputer
from ..resources.sandboxes import AsyncSandbox

__all__ = ["AsyncTool", "AsyncToolFunction", "AsyncToolHandler", "AsyncToolbox"]

_CHUNK = 64 * 1024
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


class AsyncToolHandler(Protocol):
    """A tool's code: called with the decoded, schema-checked arguments."""

    async def __call__(self, arguments: Mapping[str, Any], /) -> str | ToolOutput: ...


class AsyncToolFunction(Protocol):
    """A function `AsyncTool.from_function` wraps: annotated parameters, called by keyword."""

    async def __call__(self, *args: Any, **kwargs: Any) -> str | ToolOutput: ...


def _check_name(tool: AsyncTool, attribute: object, name: str) -> None:
    if not name or len(name) > 64 or not set(name) <= _NAME_CHARS:
        raise ValueError(
            f"tool name {name!r}: 1 to 64 characters among letters, digits, '_' and '-' "
            "(what the OpenAI and Anthropic APIs accept)"
        )


@attrs.frozen(kw_only=True)
class AsyncTool:
    """One tool: a name, a description for the model, the JSON Schema of its arguments and
    the handler that runs it.

    ``timeout`` (seconds) bounds one run; None takes the toolbox's. ``destructive`` marks
    tools that destroy or overwrite something (shown in `AsyncToolbox.destructive_names`).
    """

    name: str = attrs.field(validator=_check_name)
    description: str
    parameters: JSONSchema = attrs.field(factory=lambda: object_schema({}))
    handler: AsyncToolHandler = attrs.field(repr=False)
    timeout: float | None = None
    destructive: bool = False

    @classmethod
    def from_function(
        cls,
        func: AsyncToolFunction,
        *,
        name: str | None = None,
        description: str | None = None,
        timeout: float | None = None,
        destructive: bool = False,
    ) -> AsyncTool:
        """A tool from a function with annotated parameters::

            async def lookup_ticket(ticket: str, include_comments: bool = False) -> str:
                \"\"\"Read a support ticket.\"\"\"
                ...

            tool = AsyncTool.from_function(lookup_ticket)

        The name is the function's, the description the first paragraph of its docstring,
        and the schema comes from the annotations (``str``, ``int``, ``float``, ``bool``,
        ``list[...]``, ``dict``, ``Literal[...]``, ``X | None``; parameters without a default
        are required). The model's arguments are passed as keyword arguments.
        """
        func_name = str(getattr(func, "__name__", ""))
        parameters = signature_schema(func)
        summary = description if description is not None else docstring_summary(func)
        if not summary:
            raise ValueError(f"{func_name}: give a docstring or description=")

        async def handler(arguments: Mapping[str, Any], /) -> str | ToolOutput:
            return await func(**arguments)

        return cls(
            name=name or func_name,
            description=summary,
            parameters=parameters,
            handler=handler,
            timeout=timeout,
            destructive=destructive,
        )


class AsyncToolbox:
    """An ordered set of tools with one timeout and one output budget.

    Build one over this SDK with `for_sandboxes` (every sandbox of the account), `for_sandbox`
    (one sandbox: its tools take no sandbox id), `for_computers` or `for_computer`; combine
    toolboxes with ``+``, keep or drop tools with `only` / `without`, or wrap your own
    `AsyncTool`\\ s. Destructive tools (destroy a sandbox or computer, stop a process,
    overwrite a file) are left out unless ``allow_destructive=True``.
    """

    def __init__(
        self,
        tools: Iterable[AsyncTool] = (),
        *,
        timeout: float = DEFAULT_TOOL_TIMEOUT,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
        max_output_lines: int = DEFAULT_MAX_OUTPUT_LINES,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be > 0")
        self.tools: tuple[AsyncTool, ...] = tuple(tools)
        self.timeout = float(timeout)
        self.limits = OutputLimits(max_bytes=max_output_bytes, max_lines=max_output_lines)
        self._by_name: dict[str, AsyncTool] = {}
        for tool in self.tools:
            if tool.name in self._by_name:
                raise ValueError(f"two tools are named {tool.name!r}")
            self._by_name[tool.name] = tool

    # -- catalogues over this SDK -----------------------------------------------------------

    @classmethod
    def for_sandboxes(
        cls,
        client: AsyncMiosa,
        *,
        allow_destructive: bool = False,
        template_id: str | None = None,
        size: str | None = None,
        timeout: float = DEFAULT_TOOL_TIMEOUT,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
        max_output_lines: int = DEFAULT_MAX_OUTPUT_LINES,
    ) -> AsyncToolbox:
        """Tools over every sandbox the key can reach: create, list and (when allowed)
        destroy sandboxes, and work inside one named by ``sandbox_id``.

        ``template_id`` and ``size`` are what ``create_sandbox`` uses when the model names
        none.
        """
        tools = _sandbox_tools(
            client.with_options(deadline=timeout),
            None,
            allow_destructive=allow_destructive,
            template_id=template_id,
            size=size,
            timeout=timeout,
        )
        return cls(
            tools,
            timeout=timeout,
            max_output_bytes=max_output_bytes,
            max_output_lines=max_output_lines,
        )

    @classmethod
    def for_sandbox(
        cls,
        sandbox: AsyncSandbox,
        *,
        allow_destructive: bool = False,
        timeout: float = DEFAULT_TOOL_TIMEOUT,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
        max_output_lines: int = DEFAULT_MAX_OUTPUT_LINES,
    ) -> AsyncToolbox:
        """Tools bound to one sandbox: they take no ``sandbox_id`` and cannot reach another
        sandbox, create one or destroy this one (`for_sandboxes` can).

        ``sandbox`` is a handle (``await client.sandboxes.create()``, or
        ``client.sandboxes.handle(id)`` for one you know by id).
        """
        if sandbox.id is None:
            raise ValueError("the sandbox handle has no id")
        tools = _sandbox_tools(
            sandbox._client.with_options(deadline=timeout),
            sandbox.id,
            allow_destructive=allow_destructive,
            template_id=None,
            size=None,
            timeout=timeout,
        )
        return cls(
            tools,
            timeout=timeout,
            max_output_bytes=max_output_bytes,
            max_output_lines=max_output_lines,
        )

    @classmethod
    def for_computers(
        cls,
        client: AsyncMiosa,
        *,
        allow_destructive: bool = False,
        template_type: str | None = None,
        size: str | None = None,
        timeout: float = DEFAULT_TOOL_TIMEOUT,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
        max_output_lines: int = DEFAULT_MAX_OUTPUT_LINES,
    ) -> AsyncToolbox:
        """Tools over every computer the key can reach: create, list and (when allowed)
        destroy computers, and drive one named by ``computer_id`` (shell, files,
        screenshot, click, type, key, scroll)."""
        tools = _computer_tools(
            client.with_options(deadline=timeout),
            None,
            allow_destructive=allow_destructive,
            template_type=template_type,
            size=size,
            timeout=timeout,
        )
        return cls(
            tools,
            timeout=timeout,
            max_output_bytes=max_output_bytes,
            max_output_lines=max_output_lines,
        )

    @classmethod
    def for_computer(
        cls,
        computer: AsyncComputer,
        *,
        allow_destructive: bool = False,
        timeout: float = DEFAULT_TOOL_TIMEOUT,
        max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES,
        max_output_lines: int = DEFAULT_MAX_OUTPUT_LINES,
    ) -> AsyncToolbox:
        """Tools bound to one computer: they take no ``computer_id``."""
        if computer.id is None:
            raise ValueError("the computer handle has no id")
        tools = _computer_tools(
            computer._client.with_options(deadline=timeout),
            computer.id,
            allow_destructive=allow_destructive,
            template_type=None,
            size=None,
            timeout=timeout,
        )
        return cls(
            tools,
            timeout=timeout,
            max_output_bytes=max_output_bytes,
            max_output_lines=max_output_lines,
        )

    # -- the set ------------------------------------------------------------------------------

    def _like(self, tools: Iterable[AsyncTool]) -> AsyncToolbox:
        return type(self)(
            tools,
            timeout=self.timeout,
            max_output_bytes=self.limits.max_bytes,
            max_output_lines=self.limits.max_lines,
        )

    def __add__(self, other: AsyncToolbox | Iterable[AsyncTool]) -> AsyncToolbox:
        """Both sets of tools (names must not clash), with this toolbox's settings."""
        return self._like((*self.tools, *other))

    def only(self, *names: str) -> AsyncToolbox:
        """A toolbox with just these tools (unknown names are an error)."""
        self._known(names)
        return self._like(t for t in self.tools if t.name in names)

    def without(self, *names: str) -> AsyncToolbox:
        """A toolbox without these tools (unknown names are an error)."""
        self._known(names)
        return self._like(t for t in self.tools if t.name not in names)

    def _known(self, names: Iterable[str]) -> None:
        unknown = [n for n in names if n not in self._by_name]
        if unknown:
            raise KeyError(f"no tool named {', '.join(unknown)}; tools: {', '.join(self.names)}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.tools)

    @property
    def destructive_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.tools if t.destructive)

    def __iter__(self) -> Iterator[AsyncTool]:
        return iter(self.tools)

    def __len__(self) -> int:
        return len(self.tools)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getitem__(self, name: str) -> AsyncTool:
        return self._by_name[name]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self.names)})"

    # -- exporters ------------------------------------------------------------------------------

    def openai_chat_tools(self) -> list[OpenAIChatTool]:
        """``tools=`` for OpenAI chat completions (``client.chat.completions.create``)."""
        return openai_chat_tools(self.tools)

    def openai_responses_tools(self) -> list[OpenAIResponsesTool]:
        """``tools=`` for the OpenAI Responses API (``client.responses.create``)."""
        return openai_responses_tools(self.tools)

    def anthropic_tools(self) -> list[AnthropicTool]:
        """``tools=`` for Anthropic's Messages API (``client.messages.create``)."""
        return anthropic_tools(self.tools)

    def json_schemas(self) -> list[ToolSchema]:
        """``[{"name", "description", "parameters"}]``: for anything else."""
        return json_schemas(self.tools)

    # -- running ----------------------------------------------------------------------------

    async def run(
        self,
        name: str,
        arguments: Mapping[str, Any] | None = None,
        *,
        call_id: str = "",
        argument_error: str | None = None,
        step: int = 0,
    ) -> ToolResult:
        """Run the tool ``name``; never raises for a tool failure (only on cancellation).

        Unknown tools, ``argument_error`` (arguments that were not a JSON object), arguments
        that do not fit the schema, exceptions from the handler and timeouts all come back
        as a `ToolResult` with ``is_error=True`` and a text saying what went wrong.
        """
        started = time.monotonic()
        images: tuple[Image, ...] = ()
        is_error = True
        tool = self._by_name.get(name)
        args = dict(arguments or {})
        if tool is None:
            text = error_text(
                name or "(no name)", f"no such tool; the tools are: {', '.join(self.names)}"
            )
        elif argument_error is not None:
            text = error_text(name, argument_error)
        elif (problem := check_arguments(tool.parameters, args)) is not None:
            text = error_text(name, f"invalid arguments: {problem}")
        else:
            limit = tool.timeout if tool.timeout is not None else self.timeout
            try:
                with atime_limit(limit):
                    output = await tool.handler(args)
            except (TimeoutError, APITimeoutError):
                text = error_text(name, f"timed out after {limit:g} s")
            except Exception as exc:
                text = error_text(name, exception_text(exc))
            else:
                if isinstance(output, ToolOutput):
                    text, images, is_error = output.text, output.images, output.is_error
                else:
                    text, is_error = str(output), False
        return ToolResult(
            call_id=call_id,
            name=name,
            text=bound_text(text, self.limits),
            is_error=is_error,
            images=images,
            duration=time.monotonic() - started,
            step=step,
        )

    @overload
    async def dispatch(
        self, tool_call: object, *, shape: Literal["openai_chat"]
    ) -> OpenAIChatToolMessage: ...
    @overload
    async def dispatch(
        self, tool_call: object, *, shape: Literal["openai_responses"]
    ) -> OpenAIResponsesToolOutput: ...
    @overload
    async def dispatch(
        self, tool_call: object, *, shape: Literal["anthropic"]
    ) -> AnthropicToolResult: ...
    @overload
    async def dispatch(self, tool_call: object, *, shape: Literal["plain"]) -> PlainToolResult: ...
    @overload
    async def dispatch(self, tool_call: object, *, shape: None = None) -> DispatchResult: ...

    async def dispatch(
        self, tool_call: object, *, shape: CallShape | None = None
    ) -> DispatchResult:
        """Run one tool call as an LLM SDK hands it over, and answer in its shape.

        ``tool_call`` is an OpenAI chat-completions tool call (``.id``,
        ``.function.name``, ``.function.arguments``), an OpenAI Responses ``function_call``
        item (``.call_id``, ``.name``, ``.arguments``), an Anthropic ``tool_use`` block
        (``.id``, ``.name``, ``.input``), or a plain ``{"name", "arguments"}``; objects
        and dicts alike. The answer is, in the same order: a ``{"role": "tool",
        "tool_call_id", "content"}`` message, a ``{"type": "function_call_output",
        "call_id", "output"}`` item, a ``{"type": "tool_result", "tool_use_id", "content",
        "is_error"}`` block, or ``{"id", "name", "content", "is_error"}``. ``shape`` forces
        (and types) the answer's shape. Raises `ValueError` only when ``tool_call`` is not
        a tool call at all.
        """
        parsed = parse_tool_call(tool_call)
        if parsed is None:
            raise ValueError(f"not a tool call: {type(tool_call).__name__}")
        result = await self.run(
            parsed.name, parsed.arguments, call_id=parsed.id, argument_error=parsed.argument_error
        )
        return shape_result(result, shape or parsed.shape)

    async def dispatch_all(self, items: Iterable[object]) -> list[DispatchResult]:
        """`dispatch` every tool call among ``items``, in order, skipping what is not one.

        Pass ``message.tool_calls`` (chat completions), ``response.output`` (Responses) or
        ``message.content`` (Anthropic). Anthropic wants all the results in one user
        message: ``{"role": "user", "content": await toolbox.dispatch_all(msg.content)}``.
        """
        results: list[DispatchResult] = []
        for item in items:
            parsed = parse_tool_call(item)
            if parsed is None:
                continue
            result = await self.run(
                parsed.name,
                parsed.arguments,
                call_id=parsed.id,
                argument_error=parsed.argument_error,
            )
            results.append(shape_result(result, parsed.shape))
        return results


# -- the sandbox catalogue --------------------------------------------------------------------

_SANDBOX_ID: JSONSchema = {"type": "string", "description": "The sandbox's id (sbx_...)."}
_PATH: JSONSchema = {"type": "string", "description": "An absolute path, e.g. /workspace/app.py."}
_PID: JSONSchema = {
    "type": ["integer", "string"],
    "description": "The process id start_process returned.",
}
_PORT: JSONSchema = {"type": "integer", "minimum": 1, "maximum": 65535}


def _command_timeout(timeout: float) -> JSONSchema:
    top = max(1, int(timeout) - 10)
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": top,
        "description": f"Seconds before the command is killed (default and most: {top}).",
    }


def _sandbox_tools(
    client: AsyncMiosa,
    bound_id: str | None,
    *,
    allow_destructive: bool,
    template_id: str | None,
    size: str | None,
    timeout: float,
) -> list[AsyncTool]:
    """The sandbox tools; with ``bound_id`` they act on that sandbox and take no id."""
    command_top = max(1, int(timeout) - 10)

    def target(args: Mapping[str, Any]) -> AsyncSandbox:
        return client.sandboxes.handle(bound_id or str(args["sandbox_id"]))

    def schema(properties: Mapping[str, JSONSchema], required: Iterable[str] = ()) -> JSONSchema:
        if bound_id is not None:
            return object_schema(properties, list(required))
        return object_schema({"sandbox_id": _SANDBOX_ID, **properties}, ["sandbox_id", *required])

    async def create_sandbox(args: Mapping[str, Any]) -> str:
        sandbox = await client.sandboxes.create(
            name=args.get("name", NOT_GIVEN),
            template_id=args.get("template_id", template_id or NOT_GIVEN),
            size=args.get("size", size or NOT_GIVEN),
        )
        return (
            f"Created sandbox {sandbox.id} (state {sandbox.state}, template "
            f"{sandbox.template_id}). Work under /workspace."
        )

    async def list_sandboxes(args: Mapping[str, Any]) -> str:
        sandboxes = await client.sandboxes.list()
        if not sandboxes:
            return "No sandboxes."
        return "\n".join(f"{s.id}  {s.state}  {s.name or ''}".rstrip() for s in sandboxes)

    async def destroy_sandbox(args: Mapping[str, Any]) -> str:
        await client.sandboxes.destroy(str(args["sandbox_id"]))
        return f"Destroyed sandbox {args['sandbox_id']}."

    async def exec_(args: Mapping[str, Any]) -> ToolOutput:
        result = await target(args).exec.run(
            str(args["command"]),
            cwd=args.get("cwd", NOT_GIVEN),
            timeout=int(args.get("timeout", command_top)),
        )
        text = exec_text(result.stdout, result.stderr, result.exit_code)
        return ToolOutput(text=text, is_error=result.exit_code != 0)

    async def run_code(args: Mapping[str, Any]) -> ToolOutput:
        result = await target(args).code.run(
            str(args["code"]),
            context=args.get("context", NOT_GIVEN),
            timeout=int(args.get("timeout", command_top)),
        )
        images = tuple(Image(data=o.data, media_type=o.mime_type) for o in result.images)
        return ToolOutput(text=code_text(result), images=images, is_error=result.error is not None)

    async def read_file(args: Mapping[str, Any]) -> str:
        path, data = str(args["path"]), bytearray()
        async with target(args).files.download(path, chunk_size=_CHUNK) as body:
            async for chunk in body:
                data += chunk
                if len(data) > READ_CAP:
                    break
        return decode_file(bytes(data[:READ_CAP]), path, more=len(data) > READ_CAP)

    async def write_file(args: Mapping[str, Any]) -> ToolOutput:
        sandbox, path = target(args), str(args["path"])
        if not allow_destructive:
            try:
                existing = await sandbox.files.stat(path)
            except NotFoundError:
                existing = None
            if existing is not None and existing.exists is not False:
                return ToolOutput(
                    text=error_text(
                        "write_file",
                        f"{path} already exists and overwriting files is not enabled; "
                        "write to a new path",
                    ),
                    is_error=True,
                )
        written = await sandbox.files.write(path, str(args["content"]))
        size_note = "" if written.size_bytes is None else f" ({written.size_bytes} bytes)"
        return ToolOutput(text=f"Wrote {written.path or path}{size_note}.")

    async def list_files(args: Mapping[str, Any]) -> str:
        path = str(args.get("path", "/workspace"))
        listing = await target(args).files.list(path)
        lines = [
            f"{e.name}/" if e.is_dir else f"{e.name}  {e.size if e.size is not None else '?'} B"
            for e in listing
        ]
        return "\n".join(lines) if lines else f"{path} is empty."

    async def start_process(args: Mapping[str, Any]) -> str:
        process = await target(args).processes.start(
            str(args["command"]), name=args.get("name", NOT_GIVEN), cwd=args.get("cwd", NOT_GIVEN)
        )
        return (
            f"Started process pid={process.pid} ({process.status or process.state or 'running'})."
            " Read its output with read_process_output."
        )

    async def read_process_output(args: Mapping[str, Any]) -> str:
        sandbox, pid = target(args), pid_argument(args["pid"])
        process = await sandbox.processes.get(pid)
        logs = await sandbox.processes.logs(pid, tail=int(args.get("tail") or 200))
        status = process.status or process.state or "unknown"
        if process.exit_code is not None:
            status += f", exit_code {process.exit_code}"
        return f"process {pid}: {status}\n" + (logs.rstrip("\n") or "(no output yet)")

    async def stop_process(args: Mapping[str, Any]) -> str:
        pid = pid_argument(args["pid"])
        await target(args).processes.stop(pid)
        return f"Stopped process {pid}."

    async def preview_url(args: Mapping[str, Any]) -> str:
        port = int(args["port"])
        preview = await target(args).previews.create(port)
        if not preview.url:
            return f"The server gave no preview URL for port {port}."
        return f"Port {port} is served at {preview.url}"

    async def snapshot_sandbox(args: Mapping[str, Any]) -> str:
        snapshot = await target(args).snapshots.create(args.get("comment", NOT_GIVEN))
        return f"Snapshot {snapshot.id} ({snapshot.status or 'created'})."

    async def fork_sandbox(args: Mapping[str, Any]) -> str:
        sandbox = target(args)
        fork = await client.sandboxes.fork(
            str(sandbox.id),
            snapshot_id=args.get("snapshot_id", NOT_GIVEN),
            name=args.get("name", NOT_GIVEN),
        )
        return f"Forked sandbox {sandbox.id} into {fork.id} (state {fork.state})."

    tools: list[AsyncTool] = []
    if bound_id is None:
        tools += [
            AsyncTool(
                name="create_sandbox",
                description=(
                    "Create a MIOSA sandbox: a Linux workspace with a shell, files under "
                    "/workspace, background processes and preview URLs. Returns its id."
                ),
                parameters=object_schema(
                    {
                        "name": {"type": "string"},
                        "template_id": {"type": "string"},
                        "size": {"type": "string", "description": "e.g. small, medium, large"},
                    }
                ),
                handler=create_sandbox,
            ),
            AsyncTool(
                name="list_sandboxes",
                description="List the sandboxes: id, state and name, one per line.",
                handler=list_sandboxes,
            ),
        ]
        if allow_destructive:
            tools.append(
                AsyncTool(
                    name="destroy_sandbox",
                    description="Destroy a sandbox and everything in it. Cannot be undone.",
                    parameters=object_schema({"sandbox_id": _SANDBOX_ID}, ["sandbox_id"]),
                    handler=destroy_sandbox,
                    destructive=True,
                )
            )
    tools += [
        AsyncTool(
            name="exec",
            description=(
                "Run a shell command (/bin/sh) in the sandbox and wait for it: returns the "
                "exit code, stdout and stderr. Long outputs are cut in the middle. For servers "
                "and other long-running commands use start_process."
            ),
            parameters=schema(
                {
                    "command": {"type": "string"},
                    "cwd": {"type": "string", "description": "Working directory."},
                    "timeout": _command_timeout(timeout),
                },
                ["command"],
            ),
            handler=exec_,
        ),
        AsyncTool(
            name="run_code",
            description=(
                "Run Python code in a persistent interpreter in the sandbox, like a notebook "
                "cell: variables, imports and functions stay for the next call (per context). "
                "Returns stdout, stderr, the value of the last expression, images it displays "
                "and the traceback of an error. The working directory is /workspace."
            ),
            parameters=schema(
                {
                    "code": {"type": "string", "description": "Python source to run."},
                    "context": {
                        "type": "string",
                        "description": "A separate interpreter by name (default: 'default').",
                    },
                    "timeout": _command_timeout(timeout),
                },
                ["code"],
            ),
            handler=run_code,
        ),
        AsyncTool(
            name="read_file",
            description="Read a text file from the sandbox (at most its first MiB).",
            parameters=schema({"path": _PATH}, ["path"]),
            handler=read_file,
        ),
        AsyncTool(
            name="write_file",
            description=(
                "Write a UTF-8 text file in the sandbox (parent directories are created)."
                + ("" if allow_destructive else " Existing files are not overwritten.")
            ),
            parameters=schema({"path": _PATH, "content": {"type": "string"}}, ["path", "content"]),
            handler=write_file,
            destructive=allow_destructive,
        ),
        AsyncTool(
            name="list_files",
            description="List a directory of the sandbox (default /workspace).",
            parameters=schema({"path": _PATH}),
            handler=list_files,
        ),
        AsyncTool(
            name="start_process",
            description=(
                "Start a command in the background (a dev server, a watcher) and return its "
                "pid at once."
            ),
            parameters=schema(
                {"command": {"type": "string"}, "name": {"type": "string"}, "cwd": _PATH},
                ["command"],
            ),
            handler=start_process,
        ),
        AsyncTool(
            name="read_process_output",
            description="The status and the latest output lines of a background process.",
            parameters=schema(
                {
                    "pid": _PID,
                    "tail": {"type": "integer", "minimum": 1, "maximum": 2000},
                },
                ["pid"],
            ),
            handler=read_process_output,
        ),
    ]
    if allow_destructive:
        tools.append(
            AsyncTool(
                name="stop_process",
                description="Stop a background process (SIGTERM, then SIGKILL).",
                parameters=schema({"pid": _PID}, ["pid"]),
                handler=stop_process,
                destructive=True,
            )
        )
    tools += [
        AsyncTool(
            name="preview_url",
            description=(
                "Expose a port of the sandbox and return its public preview URL (start the "
                "server first with start_process)."
            ),
            parameters=schema({"port": _PORT}, ["port"]),
            handler=preview_url,
        ),
        AsyncTool(
            name="snapshot_sandbox",
            description="Snapshot the sandbox's files now; returns the snapshot id.",
            parameters=schema({"comment": {"type": "string"}}),
            handler=snapshot_sandbox,
        ),
        AsyncTool(
            name="fork_sandbox",
            description=(
                "Copy the sandbox (as it is now, or from a snapshot) into a new sandbox; "
                "returns the new id."
            ),
            parameters=schema({"snapshot_id": {"type": "string"}, "name": {"type": "string"}}),
            handler=fork_sandbox,
        ),
    ]
    return tools


# -- the computer catalogue -------------------------------------------------------------------

_COMPUTER_ID: JSONSchema = {"type": "string", "description": "The computer's id."}
_COORD: JSONSchema = {"type": "integer", "minimum": 0}


def _computer_tools(
    client: AsyncMiosa,
    bound_id: str | None,
    *,
    allow_destructive: bool,
    template_type: str | None,
    size: str | None,
    timeout: float,
) -> list[AsyncTool]:
    """The computer tools; with ``bound_id`` they act on that computer and take no id."""
    command_top = max(1, int(timeout) - 10)

    def target(args: Mapping[str, Any]) -> AsyncComputer:
        return client.computers.handle(bound_id or str(args["computer_id"]))

    def schema(properties: Mapping[str, JSONSchema], required: Iterable[str] = ()) -> JSONSchema:
        if bound_id is not None:
            return object_schema(properties, list(required))
        return object_schema(
            {"computer_id": _COMPUTER_ID, **properties}, ["computer_id", *required]
        )

    async def create_computer(args: Mapping[str, Any]) -> str:
        computer = await client.computers.create(
            name=str(args["name"]),
            template_type=args.get("template_type", template_type or NOT_GIVEN),
            size=args.get("size", size or NOT_GIVEN),
        )
        return (
            f"Created computer {computer.id} (status {computer.status}). It may take a "
            "minute to be running."
        )

    async def list_computers(args: Mapping[str, Any]) -> str:
        page = await client.computers.list()
        if not page.items:
            return "No computers."
        return "\n".join(f"{c.id}  {c.status}  {c.name or ''}".rstrip() for c in page.items)

    async def destroy_computer(args: Mapping[str, Any]) -> str:
        await client.computers.delete(str(args["computer_id"]))
        return f"Destroyed computer {args['computer_id']}."

    async def computer_exec(args: Mapping[str, Any]) -> ToolOutput:
        result = await target(args).bash(
            str(args["command"]), timeout=int(args.get("timeout", command_top))
        )
        text = exec_text(result.stdout, result.stderr, result.exit_code)
        return ToolOutput(text=text, is_error=result.exit_code != 0)

    async def computer_read_file(args: Mapping[str, Any]) -> str:
        path, data = str(args["path"]), bytearray()
        async with target(args).files.download(path, chunk_size=_CHUNK) as body:
            async for chunk in body:
                data += chunk
                if len(data) > READ_CAP:
                    break
        return decode_file(bytes(data[:READ_CAP]), path, more=len(data) > READ_CAP)

    async def computer_write_file(args: Mapping[str, Any]) -> ToolOutput:
        computer, path = target(args), str(args["path"])
        if not allow_destructive:
            try:
                await computer.files.stat(path)
            except NotFoundError:
                pass
            else:
                return ToolOutput(
                    text=error_text(
                        "computer_write_file",
                        f"{path} already exists and overwriting files is not enabled; "
                        "write to a new path",
                    ),
                    is_error=True,
                )
        content = str(args["content"])
        await computer.files.write(path, content)
        return ToolOutput(text=f"Wrote {path} ({len(content.encode('utf-8'))} bytes).")

    async def computer_list_files(args: Mapping[str, Any]) -> str:
        path = str(args.get("path", "/"))
        listing = await target(args).files.list(path)
        lines = [
            f"{e.name}/" if e.is_dir else f"{e.name}  {e.size if e.size is not None else '?'} B"
            for e in listing
        ]
        return "\n".join(lines) if lines else f"{path} is empty."

    async def computer_preview_url(args: Mapping[str, Any]) -> str:
        computer = await target(args).refresh()
        port = int(args["port"])
        return f"Port {port} is served at {computer.preview_url(port)}"

    async def computer_screenshot(args: Mapping[str, Any]) -> ToolOutput:
        png = await target(args).screenshot()
        return ToolOutput(
            text=f"Screenshot of the desktop ({len(png)} bytes, PNG).",
            images=(Image(data=png, media_type="image/png"),),
        )

    async def computer_click(args: Mapping[str, Any]) -> str:
        x, y = int(args["x"]), int(args["y"])
        # The tool's schema restricts the values; the server refuses any other.
        button = cast(MouseButton, str(args.get("button", "left")))
        if args.get("double"):
            await target(args).double_click(x, y)
            return f"Double-clicked at ({x}, {y})."
        await target(args).click(x, y, button)
        return f"Clicked {button} at ({x}, {y})."

    async def computer_type(args: Mapping[str, Any]) -> str:
        text = str(args["text"])
        await target(args).write(text)
        return f"Typed {len(text)} characters."

    async def computer_key(args: Mapping[str, Any]) -> str:
        key = str(args["key"])
        await target(args).key(key)
        return f"Pressed {key}."

    async def computer_scroll(args: Mapping[str, Any]) -> str:
        direction = cast(ScrollDirection, str(args["direction"]))
        clicks = int(args.get("clicks", 3))
        await target(args).scroll(
            direction, clicks, x=args.get("x", NOT_GIVEN), y=args.get("y", NOT_GIVEN)
        )
        return f"Scrolled {direction} {clicks} clicks."

    tools: list[AsyncTool] = []
    if bound_id is None:
        tools += [
            AsyncTool(
                name="create_computer",
                description=(
                    "Boot a MIOSA cloud computer (a Linux desktop with a browser): returns its "
                    "id. It takes a while to be running."
                ),
                parameters=object_schema(
                    {
                        "name": {"type": "string"},
                        "template_type": {"type": "string"},
                        "size": {"type": "string"},
                    },
                    ["name"],
                ),
                handler=create_computer,
            ),
            AsyncTool(
                name="list_computers",
                description="List the computers: id, status and name, one per line.",
                handler=list_computers,
            ),
        ]
        if allow_destructive:
            tools.append(
                AsyncTool(
                    name="destroy_computer",
                    description="Delete a computer for good. Cannot be undone.",
                    parameters=object_schema({"computer_id": _COMPUTER_ID}, ["computer_id"]),
                    handler=destroy_computer,
                    destructive=True,
                )
            )
    tools += [
        AsyncTool(
            name="computer_exec",
            description="Run a bash command on the computer: exit code, stdout and stderr.",
            parameters=schema(
                {"command": {"type": "string"}, "timeout": _command_timeout(timeout)}, ["command"]
            ),
            handler=computer_exec,
        ),
        AsyncTool(
            name="computer_read_file",
            description="Read a text file from the computer (at most its first MiB).",
            parameters=schema({"path": _PATH}, ["path"]),
            handler=computer_read_file,
        ),
        AsyncTool(
            name="computer_write_file",
            description="Write a UTF-8 text file on the computer."
            + ("" if allow_destructive else " Existing files are not overwritten."),
            parameters=schema({"path": _PATH, "content": {"type": "string"}}, ["path", "content"]),
            handler=computer_write_file,
            destructive=allow_destructive,
        ),
        AsyncTool(
            name="computer_list_files",
            description="List a directory of the computer.",
            parameters=schema({"path": _PATH}, ["path"]),
            handler=computer_list_files,
        ),
        AsyncTool(
            name="computer_preview_url",
            description="The public URL of a port served on the computer.",
            parameters=schema({"port": _PORT}, ["port"]),
            handler=computer_preview_url,
        ),
        AsyncTool(
            name="computer_screenshot",
            description="Take a screenshot of the computer's desktop (returns the image).",
            parameters=schema({}),
            handler=computer_screenshot,
        ),
        AsyncTool(
            name="computer_click",
            description="Click at screen coordinates (pixels from the top left).",
            parameters=schema(
                {
                    "x": _COORD,
                    "y": _COORD,
                    "button": {"type": "string", "enum": ["left", "right", "middle"]},
                    "double": {"type": "boolean", "description": "Double-click (left)."},
                },
                ["x", "y"],
            ),
            handler=computer_click,
        ),
        AsyncTool(
            name="computer_type",
            description="Type text into the focused element.",
            parameters=schema({"text": {"type": "string"}}, ["text"]),
            handler=computer_type,
        ),
        AsyncTool(
            name="computer_key",
            description='Press a key or a combination, e.g. "Return", "ctrl+c".',
            parameters=schema({"key": {"type": "string"}}, ["key"]),
            handler=computer_key,
        ),
        AsyncTool(
            name="computer_scroll",
            description="Scroll the desktop, optionally at a point.",
            parameters=schema(
                {
                    "direction": {"type": "string", "enum": ["up", "down", "left", "right"]},
                    "clicks": {"type": "integer", "minimum": 1, "maximum": 50},
                    "x": _COORD,
                    "y": _COORD,
                },
                ["direction"],
            ),
            handler=computer_scroll,
        ),
    ]
    return tools
