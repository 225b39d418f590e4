"""OpenComputers fleets: host groups, host tags, shares, WireGuard meshes and IDE sessions.

As in ``open_computers``, hosts are machines the local server does not have, so records
below a host live under whatever host id the path names. Tags are kept per host id and
feed the tag catalog and ``tag_query`` groups: a group ``{"and": ["gpu", "linux"]}``
resolves to the host ids that carry both. Running a command or installing an app on a
group answers production's per-host ``fan_out`` (a queued job or install per member) and
starts nothing. A mesh hands its members consecutive addresses in its own ``/24``; an IDE
session is running at once, behind a made-up URL, with a password only ``create`` and
``reveal-password`` answer.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from starlette.responses import Response

from .common import JSON, iso, new_id, now
from .http import bad_request, json_response, no_content, not_found, paginate
from .records import Collection, crud_endpoints, find, records
from .routing import Call, Endpoint

_OC = "/opencomputers"
_HOST = _OC + "/hosts/{host_id}"

# -- tags ----------------------------------------------------------------------------------

_TAGS = "oc-host-tags"
_TAG = re.compile(r"^[a-z][a-z0-9-]{1,39}$")
MAX_TAGS = 20


def _host_tags(call: Call) -> dict[str, list[str]]:
    """Each host id's tags (stored as ``{host_id: {"tags": [...]}}`` records)."""
    table = call.store.records.get(_TAGS, {})
    return {host: list(entry["tags"]) for host, entry in table.items()}


def _set_tags(call: Call, host_id: str, tags: list[str]) -> None:
    call.store.records.setdefault(_TAGS, {})[host_id] = {"tags": tags}


def _check_tag(tag: Any) -> str:
    if not isinstance(tag, str) or not _TAG.match(tag):
        raise bad_request(
            "a tag is 2 to 40 lower-case letters, digits or '-', starting with a letter",
            field="tags",
        )
    return tag


def _tags_reply(call: Call, tags: list[str]) -> Response:
    if len(tags) > MAX_TAGS:
        raise bad_request(f"a host has at most {MAX_TAGS} tags", field="tags")
    host_id = call.params["host_id"]
    _set_tags(call, host_id, tags)
    return json_response({"host": {"id": host_id, "tags": tags}})


async def tag_catalog(call: Call) -> Response:
    """``GET /opencomputers/tags``: every tag in use, once, sorted."""
    used = {tag for tags in _host_tags(call).values() for tag in tags}
    return json_response({"tags": sorted(used)})


async def replace_tags(call: Call) -> Response:
    """``PATCH .../hosts/{host_id}/tags``: the host's tags become the body's ``tags``."""
    tags = (await call.json()).get("tags")
    if not isinstance(tags, list):
        raise bad_request("tags must be a list of tags", field="tags")
    return _tags_reply(call, list(dict.fromkeys(_check_tag(t) for t in tags)))


async def add_tag(call: Call) -> Response:
    """``POST .../hosts/{host_id}/tags/{tag}``: adding a tag the host has changes nothing."""
    tag = _check_tag(call.params["tag"])
    tags = list(_host_tags(call).get(call.params["host_id"], []))
    return _tags_reply(call, tags if tag in tags else [*tags, tag])


async def remove_tag(call: Call) -> Response:
    """``DELETE .../hosts/{host_id}/tags/{tag}``: removing a tag it lacks changes nothing."""
    tags = _host_tags(call).get(call.params["host_id"], [])
    return _tags_reply(call, [t for t in tags if t != call.params["tag"]])


# -- groups --------------------------------------------------------------------------------

GROUPS = Collection(
    _OC + "/groups",
    "group_id",
    "ocg",
    "group",
    verbs=frozenset({"delete"}),
    envelope="group",
    list_key="groups",
)
_KINDS = ("explicit", "tag_query")
_GROUP_FIELDS = ("name", "description", "icon", "color")


def _group_fields(body: JSON, *, creating: bool) -> JSON:
    """The writable fields of a group body, each type-checked."""
    fields: JSON = {}
    for name in _GROUP_FIELDS:
        if name in body:
            if not isinstance(body[name], str) or (name == "name" and not body[name]):
                raise bad_request(f"{name} must be a non-empty string", field=name)
            fields[name] = body[name]
    if creating and "name" not in fields:
        raise bad_request("name is required", field="name")
    if "kind" in body:
        if body["kind"] not in _KINDS:
            raise bad_request(f"kind must be one of {', '.join(_KINDS)}", field="kind")
        fields["kind"] = body["kind"]
    if "tag_query" in body:
        query = body["tag_query"]
        if (
            not isinstance(query, dict)
            or len(query) != 1
            or not set(query) <= {"and", "or"}
            or not isinstance(next(iter(query.values())), list)
        ):
            raise bad_request('tag_query is {"and": [tags]} or {"or": [tags]}', field="tag_query")
        fields["tag_query"] = {op: [_check_tag(t) for t in tags] for op, tags in query.items()}
    return fields


def _members(call: Call, group: JSON) -> list[str]:
    """The host ids a group resolves to: its list, or the hosts its tag query matches."""
    if group["kind"] != "tag_query":
        return list(group["host_ids"])
    query: dict[str, list[str]] = group["tag_query"] or {"and": []}
    op, wanted = next(iter(query.items()))
    match = all if op == "and" else any
    return sorted(
        host
        for host, tags in _host_tags(call).items()
        if wanted and match(tag in tags for tag in wanted)
    )


def _public(call: Call, group: JSON) -> JSON:
    shown = {k: v for k, v in group.items() if k != "host_ids"}
    return {**shown, "member_count": len(_members(call, group))}


async def list_groups(call: Call) -> Response:
    """``GET /opencomputers/groups``."""
    groups = [_public(call, g) for g in records(call, GROUPS).values()]
    payload = paginate(groups, call.query)
    payload["groups"] = payload.pop("data")
    return json_response(payload)


async def create_group(call: Call) -> Response:
    """``POST /opencomputers/groups``."""
    fields = _group_fields(await call.json(), creating=True)
    stamp = iso(now())
    group: JSON = {
        "description": None,
        "icon": None,
        "color": None,
        "kind": "explicit",
        "tag_query": {},
        **fields,
        "id": new_id(GROUPS.prefix),
        "tenant_id": None,
        "host_ids": [],
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, GROUPS)[group["id"]] = group
    call.resource_id = group["id"]
    return json_response({"group": _public(call, group)}, 201)


async def get_group(call: Call) -> Response:
    """``GET /opencomputers/groups/{group_id}``: the group and its resolved members."""
    group = find(call, GROUPS)
    tags = _host_tags(call)
    members = [{"id": h, "name": h, "tags": tags.get(h, [])} for h in _members(call, group)]
    return json_response({"group": _public(call, group), "members": members})


async def update_group(call: Call) -> Response:
    """``PATCH /opencomputers/groups/{group_id}``."""
    group = find(call, GROUPS)
    group.update(_group_fields(await call.json(), creating=False), updated_at=iso(now()))
    return json_response({"group": _public(call, group)})


def _explicit(call: Call) -> JSON:
    group = find(call, GROUPS)
    if group["kind"] != "explicit":
        raise bad_request("members are added to explicit groups only", field="kind")
    return group


async def add_member(call: Call) -> Response:
    """``POST .../groups/{group_id}/members/{host_id}``."""
    group = _explicit(call)
    await call.json()
    host_id = call.params["host_id"]
    if host_id not in group["host_ids"]:
        group["host_ids"].append(host_id)
    return json_response({"ok": True, "host_id": host_id, "group_id": group["id"]})


async def add_members(call: Call) -> Response:
    """``POST .../groups/{group_id}/members`` with ``{"host_ids": [...]}``."""
    group = _explicit(call)
    host_ids = (await call.json()).get("host_ids")
    if not isinstance(host_ids, list) or not all(isinstance(h, str) and h for h in host_ids):
        raise bad_request("host_ids must be a list of host ids", field="host_ids")
    added = [h for h in dict.fromkeys(host_ids) if h not in group["host_ids"]]
    group["host_ids"].extend(added)
    return json_response({"ok": True, "group_id": group["id"], "added": len(added)})


async def remove_member(call: Call) -> Response:
    """``DELETE .../groups/{group_id}/members/{host_id}``."""
    group = _explicit(call)
    host_id = call.params["host_id"]
    if host_id not in group["host_ids"]:
        raise not_found("group member", host_id)
    group["host_ids"].remove(host_id)
    return no_content()


def _fan_out(call: Call, group: JSON, id_key: str, prefix: str) -> Response:
    members = _members(call, group)
    if not members:
        return json_response({"fan_out": [], "warning": "group has no members"})
    entries = [
        {"host_id": h, "host_name": h, id_key: new_id(prefix), "status": "queued"} for h in members
    ]
    return json_response({"fan_out": entries})


async def group_exec(call: Call) -> Response:
    """``POST .../groups/{group_id}/exec``: a queued job per member."""
    group = find(call, GROUPS)
    cmd = (await call.json()).get("cmd")
    if not isinstance(cmd, str) or not cmd:
        raise bad_request("cmd is required", field="cmd")
    return _fan_out(call, group, "job_id", "ocj")


async def group_install(call: Call) -> Response:
    """``POST .../groups/{group_id}/apps/{app_id}/install``: a queued install per member."""
    group = find(call, GROUPS)
    await call.json()
    return _fan_out(call, group, "install_id", "oci")


# -- shares --------------------------------------------------------------------------------

SHARES = Collection(
    _HOST + "/shares",
    "share_id",
    "ocsh",
    "share",
    verbs=frozenset({"list", "delete"}),
    envelope="share",
    list_key="shares",
)


def _permissions(value: Any) -> list[str]:
    """The permission list; a preset is kept by its name (this server does not expand it)."""
    if isinstance(value, str) and value:
        return [value]
    if isinstance(value, list) and value and all(isinstance(p, str) and p for p in value):
        return value
    raise bad_request(
        "permissions is a non-empty list of permissions or a preset name", field="permissions"
    )


def _expires(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise bad_request("expires_in_days must be a positive integer", field="expires_in_days")
    return str(iso(now() + value * 86400))


async def create_share(call: Call) -> Response:
    """``POST .../hosts/{host_id}/shares``: the one-time invite URL is in this reply only."""
    body = await call.json()
    email = body.get("grantee_email")
    if not isinstance(email, str) or "@" not in email:
        raise bad_request("grantee_email must be an email address", field="grantee_email")
    note = body.get("note")
    if note is not None and not isinstance(note, str):
        raise bad_request("note must be a string", field="note")
    share: JSON = {
        "id": new_id(SHARES.prefix),
        "host_id": call.params["host_id"],
        "grantee_user_id": None,
        "grantee_email": email,
        "grantee_tenant_id": None,
        "granter_user_id": None,
        "granter_tenant_id": None,
        "permissions": _permissions(body.get("permissions")),
        "state": "pending",
        "note": note,
        "accepted_at": None,
        "expires_at": (
            _expires(body["expires_in_days"]) if body.get("expires_in_days") is not None else None
        ),
        "last_used_at": None,
        "created_at": iso(now()),
    }
    records(call, SHARES)[share["id"]] = share
    call.resource_id = share["id"]
    base = str(call.request.base_url).rstrip("/")
    invite = f"{base}/share/accept/{secrets.token_urlsafe(24)}"
    return json_response(
        {"share": share, "invite_url": invite, "note": "the invite link works once"}, 201
    )


async def update_share(call: Call) -> Response:
    """``PATCH .../hosts/{host_id}/shares/{share_id}``: permissions and expiry."""
    share = find(call, SHARES)
    body = await call.json()
    if "permissions" in body:
        share["permissions"] = _permissions(body["permissions"])
    if body.get("expires_in_days") is not None:
        share["expires_at"] = _expires(body["expires_in_days"])
    return json_response({"share": share})


# -- meshes --------------------------------------------------------------------------------

MESHES = Collection(
    _OC + "/meshes",
    "mesh_id",
    "ocm",
    "mesh",
    verbs=frozenset({"list", "delete"}),
    envelope="mesh",
    list_key="meshes",
)
_PEERS = "oc-mesh-peers"


def _peers(call: Call, mesh_id: str) -> dict[str, JSON]:
    table: dict[str, dict[str, JSON]] = call.store.records.setdefault(_PEERS, {})
    return table.setdefault(mesh_id, {})


def _join(call: Call, mesh: JSON, host_id: str) -> JSON:
    peers = _peers(call, mesh["id"])
    if host_id in peers:
        return peers[host_id]
    if len(peers) >= 254:
        raise bad_request("the mesh is full", field="host_id")
    taken = {int(p["assigned_ip"].rsplit(".", 1)[1]) for p in peers.values()}
    octet = next(n for n in range(1, 255) if n not in taken)
    stamp = iso(now())
    peer: JSON = {
        "id": new_id("ocmp"),
        "host_id": host_id,
        "assigned_ip": mesh["cidr"].rsplit(".", 1)[0] + f".{octet}",
        "pubkey": secrets.token_urlsafe(32),
        "endpoint": None,
        "latest_handshake": None,
        "rx_bytes": 0,
        "tx_bytes": 0,
        "state": "active",
        "inserted_at": stamp,
        "updated_at": stamp,
    }
    peers[host_id] = peer
    return peer


async def create_mesh(call: Call) -> Response:
    """``POST /opencomputers/meshes``: ``host_ids`` join at once."""
    body = await call.json()
    name = body.get("name")
    if not isinstance(name, str) or not name:
        raise bad_request("name is required", field="name")
    host_ids = body.get("host_ids", [])
    if not isinstance(host_ids, list) or not all(isinstance(h, str) and h for h in host_ids):
        raise bad_request("host_ids must be a list of host ids", field="host_ids")
    table = records(call, MESHES)
    stamp = iso(now())
    mesh: JSON = {
        "id": new_id(MESHES.prefix),
        "name": name,
        "cidr": f"10.77.{len(table) % 256}.0/24",
        "state": "active",
        "listen_port_base": 51820,
        "preshared_key_rotated_at": None,
        "inserted_at": stamp,
        "updated_at": stamp,
    }
    table[mesh["id"]] = mesh
    call.resource_id = mesh["id"]
    for host_id in host_ids:
        _join(call, mesh, host_id)
    return json_response({"mesh": mesh}, 201)


async def get_mesh(call: Call) -> Response:
    """``GET /opencomputers/meshes/{mesh_id}``: with its peers."""
    mesh = find(call, MESHES)
    return json_response({"mesh": {**mesh, "peers": list(_peers(call, mesh["id"]).values())}})


async def add_mesh_host(call: Call) -> Response:
    """``POST .../meshes/{mesh_id}/hosts/{host_id}``: the host's peer record."""
    mesh = find(call, MESHES)
    await call.json()
    return json_response({"peer": _join(call, mesh, call.params["host_id"])}, 201)


async def remove_mesh_host(call: Call) -> Response:
    """``DELETE .../meshes/{mesh_id}/hosts/{host_id}``."""
    mesh = find(call, MESHES)
    if _peers(call, mesh["id"]).pop(call.params["host_id"], None) is None:
        raise not_found("mesh peer", call.params["host_id"])
    return no_content()


# -- IDE sessions --------------------------------------------------------------------------

IDE_SESSIONS = Collection(
    _HOST + "/ide-sessions",
    "session_id",
    "ocide",
    "IDE session",
    verbs=frozenset({"list", "get", "delete"}),
    envelope="session",
    list_key="sessions",
)
_IDE_KINDS = {"code-server": 8080, "jupyter": 8888}
_PASSWORDS = "oc-ide-passwords"


async def create_ide_session(call: Call) -> Response:
    """``POST .../hosts/{host_id}/ide-sessions``: the password is in this reply."""
    body = await call.json()
    kind = body.get("kind", "code-server")
    if not isinstance(kind, str) or kind not in _IDE_KINDS:
        raise bad_request(f"kind must be one of {', '.join(_IDE_KINDS)}", field="kind")
    working_dir = body.get("working_dir")
    if working_dir is not None and not isinstance(working_dir, str):
        raise bad_request("working_dir must be a path", field="working_dir")
    stamp = iso(now())
    ident = new_id(IDE_SESSIONS.prefix)
    url = f"{str(call.request.base_url).rstrip('/')}/t/{ident}/"
    session: JSON = {
        "id": ident,
        "kind": kind,
        "state": "running",
        "working_dir": working_dir,
        "port": _IDE_KINDS[kind],
        "public_url": url,
        "tunnel_id": new_id("oct"),
        "last_activity_at": stamp,
        "idle_timeout_ms": 3_600_000,
        "last_error": None,
        "host_id": call.params["host_id"],
        "created_at": stamp,
        "updated_at": stamp,
    }
    records(call, IDE_SESSIONS)[ident] = session
    password = secrets.token_urlsafe(18)
    call.store.records.setdefault(_PASSWORDS, {})[ident] = {"password": password}
    call.resource_id = ident
    return json_response({"session": session, "public_url": url, "password": password}, 201)


async def reveal_ide_password(call: Call) -> Response:
    """``POST .../ide-sessions/{session_id}/reveal-password``."""
    session = find(call, IDE_SESSIONS)
    password = call.store.records.get(_PASSWORDS, {}).get(session["id"], {}).get("password")
    return json_response({"password": password, "public_url": session["public_url"]})


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    return [
        Endpoint("GET", _OC + "/tags", tag_catalog),
        Endpoint("PATCH", _HOST + "/tags", replace_tags, "host tags.replace"),
        Endpoint("POST", _HOST + "/tags/{tag}", add_tag, "host tags.add"),
        Endpoint("DELETE", _HOST + "/tags/{tag}", remove_tag, "host tags.remove"),
        *crud_endpoints([GROUPS, SHARES, MESHES, IDE_SESSIONS]),
        Endpoint("GET", GROUPS.path, list_groups),
        Endpoint("POST", GROUPS.path, create_group, "group.create"),
        Endpoint("GET", GROUPS.item_path, get_group),
        Endpoint("PATCH", GROUPS.item_path, update_group, "group.update"),
        Endpoint("POST", GROUPS.item_path + "/members", add_members, "group.add_members"),
        Endpoint("POST", GROUPS.item_path + "/members/{host_id}", add_member, "group.add_member"),
        Endpoint(
            "DELETE", GROUPS.item_path + "/members/{host_id}", remove_member, "group.remove_member"
        ),
        Endpoint("POST", GROUPS.item_path + "/exec", group_exec, "group.exec"),
        Endpoint(
            "POST", GROUPS.item_path + "/apps/{app_id}/install", group_install, "group.install_app"
        ),
        Endpoint("POST", SHARES.path, create_share, "share.create"),
        Endpoint("PATCH", SHARES.item_path, update_share, "share.update"),
        Endpoint("POST", MESHES.path, create_mesh, "mesh.create"),
        Endpoint("GET", MESHES.item_path, get_mesh),
        Endpoint("POST", MESHES.item_path + "/hosts/{host_id}", add_mesh_host, "mesh.add_host"),
        Endpoint(
            "DELETE", MESHES.item_path + "/hosts/{host_id}", remove_mesh_host, "mesh.remove_host"
        ),
        Endpoint("POST", IDE_SESSIONS.path, create_ide_session, "IDE session.create"),
        Endpoint(
            "POST",
            IDE_SESSIONS.item_path + "/reveal-password",
            reveal_ide_password,
            "IDE session.reveal_password",
        ),
    ]
