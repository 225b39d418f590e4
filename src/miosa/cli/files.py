"""``miosa files cp``: copy files into or out of a sandbox (``SANDBOX:/path``)."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

import click

from .context import Settings, json_option
from .output import emit_json, progress_bar

# `sbx_123:/workspace/a.txt`; a Windows drive (`C:\\x`) is one letter, so never matches.
_REMOTE = re.compile(r"^(?P<sandbox>[A-Za-z0-9_.-]{2,}):(?P<path>.*)$")


def split_remote(spec: str) -> tuple[str, str] | None:
    """``(sandbox_id, path)`` for ``SANDBOX:/path``, None for a local path."""
    match = _REMOTE.match(spec)
    if match is None or os.path.exists(spec):
        return None
    return match["sandbox"], match["path"] or "/workspace"


@click.group()
def files() -> None:
    """Copy files between this machine and a sandbox."""


@files.command("cp")
@click.argument("source")
@click.argument("destination")
@click.option("--progress/--no-progress", default=True, help="Progress bar on a terminal.")
@json_option
@click.pass_obj
def copy(settings: Settings, source: str, destination: str, progress: bool) -> None:
    """Copy SOURCE to DESTINATION; exactly one of them is SANDBOX:/path.

    `miosa files cp ./data.csv sbx_1:/workspace/` uploads; `miosa files cp
    sbx_1:/workspace/out.txt .` downloads. A destination ending in / (or an existing
    local directory) keeps the source's file name. Large files stream; a progress bar
    shows on a terminal.
    """
    remote_source, remote_destination = split_remote(source), split_remote(destination)
    if (remote_source is None) == (remote_destination is None):
        raise click.UsageError("exactly one of SOURCE and DESTINATION must be SANDBOX:/path")
    show = progress and not settings.json_output
    with settings.client() as client:
        if remote_destination is not None:
            sandbox_id, path = remote_destination
            if not os.path.isfile(source):
                raise click.ClickException(f"{source}: no such file")
            if path.endswith("/"):
                path += os.path.basename(source)
            files = client.sandboxes.handle(sandbox_id).files
            with progress_bar(f"upload {os.path.basename(source)}", enabled=show) as report:
                files.upload(path, Path(source), progress=report)
            size = os.path.getsize(source)
            result = {"source": source, "destination": f"{sandbox_id}:{path}", "bytes": size}
        else:
            assert remote_source is not None
            sandbox_id, path = remote_source
            local = destination
            if local.endswith(os.sep) or os.path.isdir(local):
                local = os.path.join(local, posixpath.basename(path.rstrip("/")))
            files_api = client.sandboxes.handle(sandbox_id).files
            with (
                progress_bar(f"download {posixpath.basename(path)}", enabled=show) as report,
                files_api.download(path) as body,
            ):
                size = body.write_to(local, progress=report)
            result = {"source": f"{sandbox_id}:{path}", "destination": local, "bytes": size}
    if settings.json_output:
        emit_json(result)
    else:
        click.echo(f"{result['source']} -> {result['destination']} ({size} bytes)")
