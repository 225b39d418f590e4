"""What every command shares: the settings the root options set, ``--json``, and SDK
errors shown as one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import MiosaError

F = TypeVar("F", bound=Callable[..., Any])


class Settings:
    """What the root options set, handed to every command through Click's context."""

    def __init__(self, api_key: str | None, base_url: str | None, json_output: bool) -> None:
        self.api_key = api_key
        self.base_url = base_url
        self.json_output = json_output

    def client(self) -> Any:
        """A blocking `Miosa` client; unset options fall back to the ``MIOSA_*`` variables."""
        from .._sync.client import Miosa

        return Miosa(api_key=self.api_key, base_url=self.base_url)


class MiosaGroup(click.Group):
    """Turns SDK errors into a one-line message and exit status 1 (no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MiosaError as exc:
            raise click.ClickException(_one_line(exc)) from None


def _one_line(exc: MiosaError) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def json_option(command: F) -> F:
    """``--json`` on a command: machine-readable output (the root's ``--json`` also works)."""

    def remember(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
        if value:
            ctx.find_object(Settings).json_output = True  # type: ignore[union-attr]
        return value

    decorated: F = click.option(
        "--json",
        "json_output",
        is_flag=True,
        expose_value=False,
        callback=remember,
        help="Print JSON (one document, or one per line for streams) for scripts.",
    )(command)
    return decorated
