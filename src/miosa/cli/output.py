"""How commands print: JSON for scripts (``--json``), tables and bars only on a terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, cast

import attrs
import click

from ..types._base import Model


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` is attached to a terminal (a person is reading it)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed
        return False


def as_data(value: object) -> Any:
    """A model as the API sent it (its ``raw`` reply), anything else as it is."""
    if isinstance(value, Model):
        raw = value.raw
        if raw:
            return dict(raw)
        return attrs.asdict(cast(Any, value), recurse=True)
    return value


def emit_json(value: object) -> None:
    """One JSON document on one line of standard output."""
    click.echo(json.dumps(as_data(value), default=str, ensure_ascii=False, separators=(",", ":")))


def emit_table(rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> None:
    """Rows as a table: Rich's on a terminal, tab-separated columns otherwise."""
    if is_terminal(sys.stdout):
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, box=None, header_style="bold")
        for row in rows:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        Console().print(table)
        return
    for row in rows:
        click.echo("\t".join(_cell(row.get(column)) for column in columns))


def emit_fields(data: Mapping[str, object]) -> None:
    """``key: value`` lines (nested values as JSON)."""
    for key, value in data.items():
        if value is None:
            continue
        shown = value if isinstance(value, str) else json.dumps(value, default=str)
        click.echo(f"{key}: {shown}")


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return str(getattr(value, "value", value))


class Progress(Protocol):
    def __call__(self, done: int, total: int | None) -> None: ...


@contextmanager
def progress_bar(label: str, *, enabled: bool) -> Iterator[Progress | None]:
    """A Rich progress bar on standard error when ``enabled`` and it is a terminal."""
    if not enabled or not is_terminal(sys.stderr):
        yield None
        return
    import rich.console
    import rich.progress

    with rich.progress.Progress(
        "[progress.description]{task.description}",
        rich.progress.BarColumn(),
        rich.progress.DownloadColumn(),
        rich.progress.TransferSpeedColumn(),
        console=rich.console.Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update
