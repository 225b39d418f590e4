"""Record-store create and update routes whose body fields are typed.

``records.crud_endpoints`` stores a body as sent, which suits groups whose records are
only ever echoed back. The platform groups (deployments, databases, functions, ...) read
their own records again (a state machine, a port, a quota), so a mistyped field must be
refused on the way in: each collection names its fields with :class:`Field` and a create
or update answers 400 naming the first field of the wrong type. Keys not named are kept
as sent (callers pass extra keys through on purpose, such as a function's code).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from . import fields
from .common import JSON, iso, new_id, now
from .records import Collection as RecordCollection
from .records import Handler, find, records, respond
from .routing import Call

# Keys the server owns: a body never sets them.
PROTECTED = frozenset({"id", "tenant_id", "created_at", "updated_at"})
EXTERNAL = ("external_workspace_id", "external_user_id", "external_project_id")


@dataclass(frozen=True)
class Field:
    """The type (and bounds or choices) of one body field."""

    kind: type
    low: float | None = None
    high: float | None = None
    choices: Collection[Any] | None = None
    items: type | None = None

    def read(self, body: Mapping[str, Any], name: str, required: bool) -> Any:
        """The field's value, ``None`` when absent; 400 when mistyped (or required and absent)."""
        reader = fields.require if required else fields.optional
        return reader(
            body,
            name,
            self.kind,
            low=self.low,
            high=self.high,
            choices=self.choices,
            items=self.items,
        )


Spec = Mapping[str, Field]
Build = Callable[[Call, JSON], JSON]
STR = Field(str)
INT = Field(int)
BOOL = Field(bool)
OBJECT = Field(dict)
STR_MAP = Field(dict, items=str)


def typed(body: JSON, spec: Spec, required: Iterable[str] = (), *, partial: bool = False) -> JSON:
    """The body with every field of ``spec`` checked (and normalised, ``30.0`` -> ``30``).

    ``required`` fields must be present unless ``partial`` (an update). A field sent as
    ``null`` is dropped, so it neither fails a check nor overwrites a stored value.
    """
    needed = set() if partial else set(required)
    out = {k: v for k, v in body.items() if k not in PROTECTED and v is not None}
    for name, rule in spec.items():
        value = rule.read(body, name, name in needed)
        if value is not None:
            out[name] = value
    return out


def create_handler(
    collection: RecordCollection,
    spec: Spec,
    required: Iterable[str] = (),
    build: Build | None = None,
    frozen: Iterable[str] = (),
) -> Handler:
    """``POST {collection}``: a typed body, the collection's defaults, then ``build``
    (server-owned fields such as a state or a host) over the result. ``frozen`` keys are
    the server's: a body cannot set them."""
    wanted = tuple(required)
    keep = frozenset(frozen)

    async def handler(call: Call) -> Response:
        body = typed(await call.json(), spec, wanted)
        body = {k: v for k, v in body.items() if k not in keep}
        stamp = iso(now())
        record: JSON = {
            **collection.defaults,
            **body,
            **{k: call.params[k] for k in call.params if f"{{{k}}}" in collection.path},
            "id": new_id(collection.prefix),
            "tenant_id": call.store.settings.tenant_id,
            "created_at": stamp,
            "updated_at": stamp,
        }
        if build is not None:
            record = build(call, record)
        records(call, collection)[record["id"]] = record
        call.resource_id = record["id"]
        return respond(collection, record, collection.create_status)

    return handler


def update_handler(collection: RecordCollection, spec: Spec, frozen: Iterable[str] = ()) -> Handler:
    """``PATCH {item}``: the typed fields of the body merged into the record; ``frozen``
    keys (a state the server moves) are left as they are."""
    keep = frozenset(frozen)

    async def handler(call: Call) -> Response:
        record = find(call, collection)
        body = typed(await call.json(), spec, partial=True)
        record.update({k: v for k, v in body.items() if k not in keep and k not in call.params})
        record["updated_at"] = iso(now())
        return respond(collection, record)

    return handler


__all__ = [
    "BOOL",
    "EXTERNAL",
    "INT",
    "OBJECT",
    "STR",
    "STR_MAP",
    "Field",
    "Spec",
    "create_handler",
    "typed",
    "update_handler",
]
