"""``miosa local``: run the local MIOSA-compatible server (as ``python -m miosa.local``)."""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Literal

import click

from .context import Settings, json_option
from .output import emit_json

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


@click.command("local")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=int, default=0, help="Port (default: a free one).")
@click.option("--api-key", "key", default=None, help="API key to accept (default: generated).")
@click.option("--root", default=None, help="Data directory (default: temporary, removed).")
@click.option(
    "--isolation",
    type=click.Choice(["auto", "bwrap", "none"]),
    default="auto",
    show_default=True,
    help="Run commands in bubblewrap (auto: when available) or directly (none).",
)
@json_option
@click.pass_obj
def local(
    settings: Settings, host: str, port: int, key: str | None, root: str | None, isolation: str
) -> None:
    """Serve the MIOSA API locally until Ctrl-C (needs the 'local' extra).

    Prints the base URL and API key to use; with --json, one JSON object
    {"base_url", "api_key", "root", "isolation"}.
    """
    from ..local.__main__ import missing_extra_module

    missing = missing_extra_module()
    if missing is not None:
        raise click.ClickException(
            f"the local server needs the 'local' extra (no module named {missing!r}): "
            "pip install 'miosa[local]'"
        )
    from ..local import LocalServer

    mode: Literal["auto", "bwrap", "none"] = "auto"
    if isolation in ("bwrap", "none"):
        mode = "bwrap" if isolation == "bwrap" else "none"
    server = LocalServer(api_key=key, root=root, isolation=mode, host=host, port=port)
    server.start()
    stop = threading.Event()

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        if settings.json_output:
            emit_json(
                {
                    "base_url": server.base_url,
                    "api_key": server.api_key,
                    "root": str(server.root),
                    "isolation": server.isolation,
                }
            )
        else:
            click.echo(f"MIOSA local server: {server.base_url}")
            click.echo(f"export MIOSA_BASE_URL={server.base_url} MIOSA_API_KEY={server.api_key}")
            if server.isolation != "bwrap":
                click.echo("Isolation: NONE - commands run directly on this host", err=True)
            if host not in _LOOPBACK:
                click.echo(f"WARNING: listening on {host}, reachable beyond this machine", err=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
