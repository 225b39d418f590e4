"""An MCP server over this SDK's agent tools: ``python -m miosa.mcp``.

It serves the `miosa.agent` toolbox (sandboxes: create, list, exec, files, processes,
previews, snapshots, forks, and the ``run_code`` interpreter; computers with
``--computers``) to any MCP client, over stdio by default or streamable HTTP with
``--port``. It reads the client's configuration: ``MIOSA_API_KEY`` (or
``MIOSA_ACCESS_TOKEN``) and ``MIOSA_BASE_URL``.

    pip install 'miosa[mcp]'
    python -m miosa.mcp                           # stdio, for Claude Desktop, Cursor, ...
    python -m miosa.mcp --sandbox sbx_123         # tools bound to one sandbox
    python -m miosa.mcp --port 8765               # streamable HTTP at http://127.0.0.1:8765/mcp

A tool failure is an MCP result with ``isError: true`` and a text the model can read;
images (screenshots, plots from ``run_code``) are image content. Destructive tools (destroy a
sandbox or computer, stop a process, overwrite files) are offered only with
``--allow-destructive``.

The official ``mcp`` package is imported only when the server is built, so ``import miosa``
never loads it.
"""

from __future__ import annotations

import argparse
import base64
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._agent_tools import DEFAULT_TOOL_TIMEOUT
from .._async.agent.tools import AsyncToolbox
from .._async.client import AsyncMiosa

if TYPE_CHECKING:
    from mcp.server.lowlevel import Server

__all__ = ["build_server", "main", "toolbox_for"]

SERVER_NAME = "miosa"


def toolbox_for(
    client: AsyncMiosa,
    *,
    sandbox: str | None = None,
    computer: str | None = None,
    computers: bool = False,
    allow_destructive: bool = False,
    timeout: float = DEFAULT_TOOL_TIMEOUT,
) -> AsyncToolbox:
    """The tools the server offers: every sandbox (or the one ``sandbox`` names), and the
    computers when asked (``computers``, or the one ``computer`` names)."""
    if sandbox is not None:
        box = AsyncToolbox.for_sandbox(
            client.sandboxes.handle(sandbox), allow_destructive=allow_destructive, timeout=timeout
        )
    else:
        box = AsyncToolbox.for_sandboxes(
            client, allow_destructive=allow_destructive, timeout=timeout
        )
    if computer is not None:
        box += AsyncToolbox.for_computer(
            client.computers.handle(computer), allow_destructive=allow_destructive, timeout=timeout
        )
    elif computers:
        box += AsyncToolbox.for_computers(
            client, allow_destructive=allow_destructive, timeout=timeout
        )
    return box


def build_server(toolbox: AsyncToolbox, *, name: str = SERVER_NAME) -> Server[Any]:
    """A low-level MCP `Server` that lists ``toolbox``'s tools and runs them.

    ``tools/call`` never fails at the protocol level for a tool failure: unknown tools,
    bad arguments, SDK errors and timeouts come back as ``isError`` results.
    """
    import mcp.types as types
    from mcp.server.lowlevel import Server

    from .._version import __version__

    tools = [
        types.Tool(
            name=tool.name,
            description=tool.description,
            input_schema=tool.parameters,
            annotations=types.ToolAnnotations(destructive_hint=tool.destructive),
        )
        for tool in toolbox
    ]

    async def list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tools)

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        result = await toolbox.run(params.name, params.arguments or {})
        content: list[types.TextContent | types.ImageContent] = [
            types.TextContent(type="text", text=result.text)
        ]
        content += [
            types.ImageContent(
                type="image",
                data=base64.b64encode(image.data).decode("ascii"),
                mime_type=image.media_type,
            )
            for image in result.images
        ]
        return types.CallToolResult(content=list(content), is_error=result.is_error)

    return Server(
        name,
        version=__version__,
        instructions=(
            "Tools over MIOSA cloud sandboxes: run commands and Python (run_code keeps "
            "variables between calls), read and write files under /workspace, start "
            "background processes and expose their ports."
        ),
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m miosa.mcp",
        description="Serve MIOSA sandboxes (and computers) to MCP clients. Reads "
        "MIOSA_API_KEY and MIOSA_BASE_URL like the SDK client.",
    )
    parser.add_argument("--sandbox", help="bind the tools to this sandbox id")
    parser.add_argument("--computer", help="add tools bound to this computer id")
    parser.add_argument("--computers", action="store_true", help="add tools over every computer")
    parser.add_argument(
        "--allow-destructive",
        action="store_true",
        help="offer tools that destroy sandboxes or computers, stop processes, overwrite files",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TOOL_TIMEOUT,
        help=f"seconds each tool call may take (default {DEFAULT_TOOL_TIMEOUT:g})",
    )
    parser.add_argument(
        "--port", type=int, help="serve streamable HTTP on this port instead of stdio"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address for --port (default 127.0.0.1)"
    )
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    async with AsyncMiosa() as client:
        toolbox = toolbox_for(
            client,
            sandbox=args.sandbox,
            computer=args.computer,
            computers=args.computers,
            allow_destructive=args.allow_destructive,
            timeout=args.timeout,
        )
        server = build_server(toolbox)
        if args.port is None:
            from mcp.server.stdio import stdio_server

            async with stdio_server() as (read_stream, write_stream):
                await server.run(read_stream, write_stream, server.create_initialization_options())
            return
        import uvicorn

        app = server.streamable_http_app(host=args.host)
        config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning")
        print(f"MCP at http://{args.host}:{args.port}/mcp", file=sys.stderr, flush=True)
        await uvicorn.Server(config).serve()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server until its input closes (stdio) or it is interrupted (HTTP)."""
    args = _arguments(argv)
    try:
        import anyio
        import mcp  # noqa: F401  # only to say what is missing, before anything starts
    except ImportError as exc:
        print(
            f"miosa.mcp needs the MCP extra ({exc.name} is missing): pip install 'miosa[mcp]'",
            file=sys.stderr,
        )
        return 1
    from ..errors import ConfigurationError

    try:
        anyio.run(_serve, args)
    except ConfigurationError as exc:
        print(f"miosa.mcp: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0
