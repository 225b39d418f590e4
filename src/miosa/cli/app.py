"""The root ``miosa`` group: connection options, ``--json``, and errors as one line."""

from __future__ import annotations

import click

from .._version import __version__
from . import events, files, local, run, sandboxes, shell
from .context import MiosaGroup, Settings


@click.group(cls=MiosaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--api-key",
    envvar="MIOSA_API_KEY",
    show_envvar=True,
    default=None,
    help="API key (default: $MIOSA_API_KEY).",
)
@click.option(
    "--base-url",
    envvar="MIOSA_BASE_URL",
    show_envvar=True,
    default=None,
    help="API root (default: $MIOSA_BASE_URL or https://api.miosa.ai/api/v1).",
)
@click.option("--json", "json_output", is_flag=True, help="Print JSON for scripts.")
@click.version_option(__version__, prog_name="miosa")
@click.pass_context
def cli(ctx: click.Context, api_key: str | None, base_url: str | None, json_output: bool) -> None:
    """Work with MIOSA sandboxes from the command line.

    Reads the same environment as the SDK client: MIOSA_API_KEY (or MIOSA_ACCESS_TOKEN),
    MIOSA_BASE_URL and MIOSA_TENANT.
    """
    ctx.obj = Settings(api_key, base_url, json_output)


cli.add_command(sandboxes.sandboxes)
cli.add_command(run.exec_command)
cli.add_command(files.files)
cli.add_command(shell.shell)
cli.add_command(events.events)
cli.add_command(local.local)
