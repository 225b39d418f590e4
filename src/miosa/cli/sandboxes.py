"""``miosa sandboxes list|create|get|destroy``."""

from __future__ import annotations

from collections.abc import Sequence

import click

from .context import Settings, json_option
from .output import as_data, emit_fields, emit_json, emit_table

_COLUMNS = ("id", "name", "state", "template_id", "created_at")


def parse_pairs(values: Sequence[str], option: str) -> dict[str, str]:
    """``KEY=VALUE`` options as a dict (a value may contain ``=``)."""
    pairs: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {value!r}", param_hint=option)
        pairs[key] = rest
    return pairs


@click.group()
def sandboxes() -> None:
    """Create, list, inspect and destroy sandboxes."""


@sandboxes.command("list")
@click.option("--state", default=None, help="Only sandboxes in this state (e.g. running).")
@click.option("--tag", "tags", multiple=True, help="Only sandboxes with this tag (repeatable).")
@json_option
@click.pass_obj
def list_sandboxes(settings: Settings, state: str | None, tags: tuple[str, ...]) -> None:
    """List sandboxes (GET /sandboxes)."""
    with settings.client() as client:
        found = client.sandboxes.list(state=state, tags=list(tags) or None)
    rows = [as_data(sandbox) for sandbox in found]
    if settings.json_output:
        emit_json(rows)
    else:
        emit_table(rows, _COLUMNS)


@sandboxes.command("create")
@click.option("--name", default=None, help="A name for the sandbox.")
@click.option("--template", "template_id", default=None, help="Template id to start from.")
@click.option("--size", default=None, help="Size (e.g. small, medium, large).")
@click.option("--env", "env", multiple=True, metavar="KEY=VALUE", help="Environment (repeatable).")
@click.option("--tag", "tags", multiple=True, help="Tag (repeatable).")
@click.option("--timeout", "timeout_sec", type=int, default=None, help="Lifetime in seconds.")
@json_option
@click.pass_obj
def create_sandbox(
    settings: Settings,
    name: str | None,
    template_id: str | None,
    size: str | None,
    env: tuple[str, ...],
    tags: tuple[str, ...],
    timeout_sec: int | None,
) -> None:
    """Create a sandbox and print its id (POST /sandboxes)."""
    options: dict[str, object] = {
        "name": name,
        "template_id": template_id,
        "size": size,
        "env": parse_pairs(env, "--env") or None,
        "tags": list(tags) or None,
        "timeout_sec": timeout_sec,
    }
    with settings.client() as client:
        sandbox = client.sandboxes.create(**{k: v for k, v in options.items() if v is not None})
    if settings.json_output:
        emit_json(sandbox)
    else:
        click.echo(sandbox.id)


@sandboxes.command("get")
@click.argument("sandbox_id")
@json_option
@click.pass_obj
def get_sandbox(settings: Settings, sandbox_id: str) -> None:
    """Show one sandbox (GET /sandboxes/{id})."""
    with settings.client() as client:
        sandbox = client.sandboxes.get(sandbox_id)
    if settings.json_output:
        emit_json(sandbox)
    else:
        emit_fields(as_data(sandbox))


@sandboxes.command("destroy")
@click.argument("sandbox_ids", nargs=-1, required=True)
@json_option
@click.pass_obj
def destroy_sandboxes(settings: Settings, sandbox_ids: tuple[str, ...]) -> None:
    """Destroy one or more sandboxes (DELETE /sandboxes/{id})."""
    with settings.client() as client:
        for sandbox_id in sandbox_ids:
            client.sandboxes.destroy(sandbox_id)
            if not settings.json_output:
                click.echo(f"destroyed {sandbox_id}")
    if settings.json_output:
        emit_json({"destroyed": list(sandbox_ids)})
