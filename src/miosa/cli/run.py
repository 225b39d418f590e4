"""``miosa exec SANDBOX -- CMD``: run a command, stream its output, exit with its code."""

from __future__ import annotations

import shlex
import sys

import click

from ..types.sandbox_exec import ExecExit, ExecStderr, ExecStdout
from .context import Settings, json_option
from .output import emit_json
from .sandboxes import parse_pairs


@click.command("exec", context_settings={"ignore_unknown_options": True})
@click.argument("sandbox_id")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@click.option("--cwd", default=None, help="Working directory (default /workspace).")
@click.option("--env", "env", multiple=True, metavar="KEY=VALUE", help="Environment (repeatable).")
@click.option("--timeout", type=int, default=None, help="The command's limit in seconds.")
@json_option
@click.pass_obj
def exec_command(
    settings: Settings,
    sandbox_id: str,
    command: tuple[str, ...],
    cwd: str | None,
    env: tuple[str, ...],
    timeout: int | None,
) -> None:
    """Run COMMAND in SANDBOX with /bin/sh, streaming its output as it comes.

    One argument is a shell line (`miosa exec sbx -- 'ls | wc -l'`); several are quoted
    into one (`miosa exec sbx -- ls -la /tmp`). Exits with the command's exit code. With
    --json, prints one JSON object per line: {"type": "stdout"|"stderr", "line": ...}, then
    {"type": "exit", "exit_code": N}.
    """
    line = command[0] if len(command) == 1 else shlex.join(command)
    options: dict[str, object] = {"cwd": cwd, "env": parse_pairs(env, "--env") or None}
    if timeout is not None:
        options["timeout"] = timeout
    exit_code: int | None = None
    with settings.client() as client:
        sandbox = client.sandboxes.handle(sandbox_id)
        stream = sandbox.exec.stream(line, **{k: v for k, v in options.items() if v is not None})
        with stream as output:
            for chunk in output:
                if isinstance(chunk, ExecExit):
                    exit_code = chunk.exit_code
                    if settings.json_output:
                        emit_json({"type": "exit", "exit_code": chunk.exit_code})
                elif isinstance(chunk, (ExecStdout, ExecStderr)):
                    if settings.json_output:
                        emit_json({"type": chunk.type, "line": chunk.line})
                    else:
                        click.echo(chunk.line, err=isinstance(chunk, ExecStderr))
    if exit_code is None:
        raise click.ClickException("the command's output ended without an exit code")
    sys.exit(exit_code)
