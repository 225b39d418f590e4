"""A generic record store for the plain CRUD groups of the API.

Most product areas (agents, projects, secrets, workflows, ...) are lists of records that
are created, read, listed, changed and deleted, plus a few verbs that move a record's
state (``POST /runs/{run_id}/cancel``). Rather than a hand-written module per group, a
group declares its collections and the store serves them with the same envelope,
pagination, validation and errors as the hand-written routes:

    AGENTS = Collection("/agents", "agent_id", "agt", "agent", required=("name",),
                        actions={"archive": Action(sets={"status": "archived"})})

    def endpoints() -> list[Endpoint]:
        return crud_endpoints([AGENTS])

Records live in ``store.records[collection.path]`` keyed by id. A collection nested under
a parent (``/projects/{project_id}/services``) stores the parent's path parameters in each
record and lists only the records of that parent. The parent itself is not checked: the
local server is a test double, and a child of an unknown parent is simply empty.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import bad_request, json_response, no_content, not_found, ok, paginate
from .routing import Call, Endpoint

Handler = Callable[[Call], Awaitable[Response]]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Types a required body field may have; anything else in a required field is a 400.
_SCALARS = (str, int, float, bool)


@dataclass(frozen=True)
class Action:
    """``POST {collection}/{id}/{verb}``: set fields on the record and return it.

    ``sets`` are written as given; ``from_body`` copies those body keys onto the record
    (when present), so ``POST /runs/{id}/retry {"reason": ...}`` keeps the reason.
    ``reply`` replaces the record in the reply (for verbs that answer an ack).
    """

    sets: JSON = field(default_factory=dict)
    from_body: tuple[str, ...] = ()
    reply: JSON | None = None
    status: int = 200


@dataclass(frozen=True)
class Collection:
    """One CRUD collection served from the record store.

    ``path`` is the collection route relative to ``/api/v1``; ``id_param`` the name of the
    item's path parameter; ``prefix`` the id prefix (``agt`` gives ``agt_3f2a...``);
    ``name`` the noun used in 404 messages. ``verbs`` limits the standard routes served;
    ``update`` is the method (or methods) that change a record. ``required`` body fields
    must be present and scalar on create; ``defaults`` fill absent fields on create.
    ``filters`` are query parameters matched for equality against fields on list.
    ``seed`` records exist from the start (ids given). ``envelope`` is the key a record is
    answered under (``{"data": {...}}`` by default; some routes answer ``{"group": {...}}``)
    and ``list_key`` the key of a list reply.
    """

    path: str
    id_param: str
    prefix: str
    name: str
    verbs: frozenset[str] = frozenset({"list", "create", "get", "update", "delete"})
    update: tuple[str, ...] = ("PATCH", "PUT")
    required: tuple[str, ...] = ()
    defaults: JSON = field(default_factory=dict)
    filters: tuple[str, ...] = ()
    actions: Mapping[str, Action] = field(default_factory=dict)
    seed: tuple[JSON, ...] = ()
    create_status: int = 201
    envelope: str = "data"
    list_key: str = "data"

    @property
    def item_path(self) -> str:
        return f"{self.path}/{{{self.id_param}}}"


@dataclass(frozen=True)
class Singleton:
    """One JSON object at ``path`` (settings-like resources): GET reads, PUT/PATCH merge."""

    path: str
    defaults: JSON = field(default_factory=dict)
    methods: tuple[str, ...] = ("GET", "PUT", "PATCH")


def records(call: Call, collection: Collection) -> dict[str, JSON]:
    """The collection's records, seeded on first use."""
    table = call.store.records.get(collection.path)
    if table is None:
        table = {}
        for seed in collection.seed:
            record = {"created_at": iso(call.store.started_at), **seed}
            table[str(record["id"])] = record
        call.store.records[collection.path] = table
    return table


def _parents(call: Call, collection: Collection) -> JSON:
    """The parent path parameters of the collection (``project_id`` of
    ``/projects/{project_id}/services``), from the request's path.

    Only the collection's own placeholders count: a handler on a deeper route (such as
    ``/runs/{run_id}/files/{file_id}``) looking up the run must not filter by ``file_id``.
    """
    names = _PLACEHOLDER.findall(collection.path)
    return {k: call.params[k] for k in names if k in call.params}


def find(call: Call, collection: Collection) -> JSON:
    """The record named by the path, 404 when absent (or under another parent)."""
    ident = call.params[collection.id_param]
    record = records(call, collection).get(ident)
    if record is None or any(record.get(k) != v for k, v in _parents(call, collection).items()):
        raise not_found(collection.name, ident)
    return record


def respond(collection: Collection, obj: Any, status: int = 200) -> Response:
    """``obj`` under the collection's envelope key."""
    return json_response({collection.envelope: obj}, status)


def _check_required(body: JSON, names: Iterable[str]) -> None:
    for name in names:
        value = body.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is required", field=name)
        if not isinstance(value, _SCALARS):
            raise bad_request(f"{name} must be a string or a number", field=name)


def _list_handler(collection: Collection) -> Handler:
    async def handler(call: Call) -> Response:
        parents = _parents(call, collection)
        wanted = {n: call.query[n] for n in collection.filters if call.query.get(n)}
        items = [
            r
            for r in records(call, collection).values()
            if all(r.get(k) == v for k, v in parents.items())
            and all(str(r.get(k)) == v for k, v in wanted.items())
        ]
        payload = paginate(items, call.query)
        if collection.list_key != "data":
            payload[collection.list_key] = payload.pop("data")
        return json_response(payload)

    return handler


def _create_handler(collection: Collection) -> Handler:
    async def handler(call: Call) -> Response:
        body = await call.json()
        _check_required(body, collection.required)
        stamp = iso(now())
        record: JSON = {
            **collection.defaults,
            **body,
            **_parents(call, collection),
            "id": new_id(collection.prefix),
            "created_at": stamp,
            "updated_at": stamp,
        }
        records(call, collection)[record["id"]] = record
        call.resource_id = record["id"]
        return respond(collection, record, collection.create_status)

    return handler


def _get_handler(collection: Collection) -> Handler:
    async def handler(call: Call) -> Response:
        return respond(collection, find(call, collection))

    return handler


def _update_handler(collection: Collection) -> Handler:
    async def handler(call: Call) -> Response:
        record = find(call, collection)
        body = await call.json()
        protected = {"id", "created_at", *_parents(call, collection)}
        record.update({k: v for k, v in body.items() if k not in protected})
        record["updated_at"] = iso(now())
        return respond(collection, record)

    return handler


def _delete_handler(collection: Collection) -> Handler:
    async def handler(call: Call) -> Response:
        record = find(call, collection)
        del records(call, collection)[record["id"]]
        return no_content()

    return handler


def _action_handler(collection: Collection, action: Action) -> Handler:
    async def handler(call: Call) -> Response:
        record = find(call, collection)
        body = await call.json()
        record.update(action.sets)
        record.update({k: body[k] for k in action.from_body if k in body})
        record["updated_at"] = iso(now())
        if action.reply is not None:
            return ok(action.reply, action.status)
        return respond(collection, record, action.status)

    return handler


def crud_endpoints(collections: Iterable[Collection]) -> builtins.list[Endpoint]:
    """The standard routes and action routes of each collection."""
    found: list[Endpoint] = []
    for c in collections:
        if "list" in c.verbs:
            found.append(Endpoint("GET", c.path, _list_handler(c)))
        if "create" in c.verbs:
            found.append(Endpoint("POST", c.path, _create_handler(c), f"{c.name}.create"))
        if "get" in c.verbs:
            found.append(Endpoint("GET", c.item_path, _get_handler(c)))
        if "update" in c.verbs:
            for method in c.update:
                found.append(Endpoint(method, c.item_path, _update_handler(c), f"{c.name}.update"))
        if "delete" in c.verbs:
            found.append(Endpoint("DELETE", c.item_path, _delete_handler(c), f"{c.name}.delete"))
        for verb, action in c.actions.items():
            found.append(
                Endpoint(
                    "POST", f"{c.item_path}/{verb}", _action_handler(c, action), f"{c.name}.{verb}"
                )
            )
    return found


def singleton_endpoints(singletons: Iterable[Singleton]) -> builtins.list[Endpoint]:
    """GET returns the object (defaults first); PUT/PATCH merge the body into it."""
    found: list[Endpoint] = []
    for s in singletons:

        def current(call: Call, s: Singleton = s) -> JSON:
            return call.store.records.setdefault(s.path, {}).setdefault("", dict(s.defaults))

        async def get(call: Call, current: Callable[[Call], JSON] = current) -> Response:
            return ok(current(call))

        async def merge(call: Call, current: Callable[[Call], JSON] = current) -> Response:
            value = current(call)
            value.update(await call.json())
            value["updated_at"] = iso(now())
            return ok(value)

        for method in s.methods:
            if method == "GET":
                found.append(Endpoint("GET", s.path, get))
            else:
                found.append(Endpoint(method, s.path, merge, f"{s.path.strip('/')}.update"))
    return found


def echo(reply: Callable[[Call, JSON], Any], status: int = 200) -> Handler:
    """A handler answering ``{"data": reply(call, body)}``: for verbs with no state to keep."""

    async def handler(call: Call) -> Response:
        body = await call.json() if call.request.method != "GET" else {}
        return ok(reply(call, body), status)

    return handler


__all__ = [
    "Action",
    "Collection",
    "Singleton",
    "crud_endpoints",
    "echo",
    "find",
    "records",
    "respond",
    "singleton_endpoints",
]
