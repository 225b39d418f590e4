"""``miosa events``: tail the tenant's event stream."""

from __future__ import annotations

import json

import click

from .context import Settings, json_option
from .output import emit_json


@click.command("events")
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="NAME",
    help="Only these event types or globs, e.g. 'sandbox.*' (repeatable).",
)
@click.option("--count", type=int, default=None, help="Stop after this many events.")
@json_option
@click.pass_obj
def events(settings: Settings, types: tuple[str, ...], count: int | None) -> None:
    """Print the tenant's events as they happen (GET /events/stream) until Ctrl-C.

    Each event is one line: time, type, sandbox and data; with --json, the event's
    whole payload as one JSON object per line.
    """
    if count is not None and count < 1:
        raise click.BadParameter("must be at least 1", param_hint="--count")
    seen = 0
    with settings.client() as client, client.events.stream(types=list(types) or None) as stream:
        for event in stream:
            if settings.json_output:
                emit_json({**dict(event.raw), "id": event.id, "type": event.type})
            else:
                when = event.occurred_at.isoformat() if event.occurred_at else "-"
                data = json.dumps(event.data, default=str, ensure_ascii=False)
                click.echo(f"{when}  {event.type}  {event.sandbox_id or '-'}  {data}")
            seen += 1
            if count is not None and seen >= count:
                break
