"""Tool servers (``/mcp-servers``), the catalogue of pre-built ones (``/mcp-catalog``), the
keys they need (``/agents/tool-keys``) and the pinned CLI tools (``/cli-tools``).

A server names the keys it needs as ``{{secret:NAME}}`` in its URL, arguments, headers
or auth, or by name under ``secret_headers`` / ``secret_env``; the tool-key routes list
exactly those names and keep one value per name and scope (organization, workspace or
end user; a read takes the narrowest scope holding it, as credentials do). Secret values
are never returned: a key shows as a ``preview``. ``secrets`` given with a server (or an
install) are stored as its keys at the server's scope.

No tool server is reached from here: a server's ``test`` checks what can be checked
locally (a ``stdio`` command is on ``PATH``, a URL is http(s), every key it needs is
set) and answers the tools it was registered with. The catalogue and the CLI tools are
a fixed list.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from starlette.responses import Response

from . import fields
from .agent_settings import Scope, preview, scope_of
from .common import JSON, iso, new_id, now
from .http import ApiError, bad_request, created, json_response, no_content, ok
from .records import Collection, find, records
from .routing import Call, Endpoint

SERVERS = Collection("/mcp-servers", "server_id", "mcp", "mcp server")
_KEYS = "agents:tool-keys"  # "{scope key}|{name}" -> {"value", "level", "updated_at"}
_SECRET_REF = re.compile(r"\{\{\s*secret:([A-Za-z0-9_.\-]+)\s*\}\}")
# Fields a server keeps as given: the type each must have (and of its items).
_SERVER_FIELDS: dict[str, tuple[type, type | None]] = {
    "name": (str, None),
    "transport": (str, None),
    "url": (str, None),
    "command": (str, None),
    "args": (list, str),
    "headers_template": (dict, str),
    "auth": (dict, None),
    "metadata": (dict, None),
}
# Free-form fields (any JSON): the tools a server offers and where its secrets go.
_OPEN_FIELDS = ("tools", "secret_headers", "secret_env")
_SCOPE_FIELDS = ("workspace_id", "external_user_id", "scope")


# -- the catalogue ----------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogEntry:
    """One pre-built server: how it is reached and the credentials each method asks for."""

    slug: str
    name: str
    description: str
    category: str
    server: JSON
    methods: tuple[JSON, ...]
    tools: tuple[str, ...]

    def method(self, wanted: str | None) -> JSON:
        """The method named ``wanted`` (the first one when none is named), 400 otherwise."""
        ids = [m["id"] for m in self.methods]
        chosen = wanted or ids[0]
        if chosen not in ids:
            raise bad_request(f"method must be one of {', '.join(ids)}", field="method")
        return next(m for m in self.methods if m["id"] == chosen)


def _field(name: str, label: str, secret: bool = True) -> JSON:
    return {"name": name, "label": label, "secret": secret, "required": True}


CATALOG: tuple[CatalogEntry, ...] = (
    CatalogEntry(
        "github",
        "GitHub",
        "Repositories, issues and pull requests.",
        "developer",
        {
            "transport": "http",
            "url": "https://api.githubcopilot.com/mcp/",
            "headers_template": {"Authorization": "Bearer {{secret:GITHUB_TOKEN}}"},
        },
        ({"id": "token", "label": "Personal access token",
          "fields": [_field("GITHUB_TOKEN", "Token")]},),
        ("search_repositories", "get_issue", "create_pull_request"),
    ),
    CatalogEntry(
        "linear",
        "Linear",
        "Issues, projects and cycles.",
        "productivity",
        {
            "transport": "http",
            "url": "https://mcp.linear.app/mcp",
            "headers_template": {"Authorization": "Bearer {{secret:LINEAR_API_KEY}}"},
        },
        ({"id": "api_key", "label": "API key", "fields": [_field("LINEAR_API_KEY", "API key")]},),
        ("list_issues", "create_issue", "update_issue"),
    ),
    CatalogEntry(
        "slack",
        "Slack",
        "Channels, messages and users.",
        "communication",
        {
            "transport": "stdio",
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-slack"],
            "secret_env": {"SLACK_BOT_TOKEN": "SLACK_BOT_TOKEN"},
        },
        ({"id": "bot_token", "label": "Bot token",
          "fields": [_field("SLACK_BOT_TOKEN", "Bot token"),
                     _field("SLACK_TEAM_ID", "Team id", secret=False)]},),
        ("list_channels", "post_message", "get_channel_history"),
    ),
    CatalogEntry(
        "filesystem",
        "Filesystem",
        "Read and write files under /workspace.",
        "developer",
        {
            "transport": "stdio",
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-filesystem", "/workspace"],
        },
        ({"id": "none", "label": "No credentials", "fields": []},),
        ("read_file", "write_file", "list_directory"),
    ),
)  # fmt: skip

CLI_TOOLS: tuple[JSON, ...] = tuple(
    {"name": name, "version": version, "description": description}
    for name, version, description in (
        ("git", "2.47.1", "Version control"),
        ("gh", "2.63.2", "GitHub CLI"),
        ("node", "22.12.0", "JavaScript runtime"),
        ("python3", "3.12.8", "Python interpreter"),
        ("uv", "0.5.11", "Python package manager"),
        ("rg", "14.1.1", "ripgrep: fast recursive search"),
        ("jq", "1.7.1", "JSON processor"),
        ("curl", "8.11.1", "HTTP client"),
    )
)


def _entry(slug: str) -> CatalogEntry:
    found = next((e for e in CATALOG if e.slug == slug), None)
    if found is None:
        raise ApiError(404, "NOT_FOUND", f"no catalog entry {slug!r}", {"slug": slug})
    return found


# -- servers ----------------------------------------------------------------------------


def _view(server: JSON) -> JSON:
    """The server as replies show it: bookkeeping (``_...``) and secrets left out."""
    return {k: v for k, v in server.items() if not k.startswith("_")}


def _names_in(value: Any) -> list[str]:
    """Key names under ``secret_headers`` / ``secret_env``: the strings of a list, or the
    string values of an object (``{"Authorization": "GITHUB_TOKEN"}``)."""
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [v for v in items if isinstance(v, str) and v]


def needed_keys(server: JSON) -> list[str]:
    """Every key name the server needs, in first-mention order."""
    referenced = json.dumps(
        [server.get(k) for k in ("url", "args", "headers_template", "auth")], ensure_ascii=False
    )
    names = _SECRET_REF.findall(referenced)
    for key in ("secret_headers", "secret_env"):
        names.extend(_names_in(server.get(key)))
    names.extend(server.get("_secret_names", []))
    return list(dict.fromkeys(names))


async def _server_fields(call: Call, *, creating: bool) -> JSON:
    """The typed server fields of the body (only those present, ``name`` required on
    create); 400 naming a mistyped one."""
    body = await call.json()
    values: JSON = {}
    for name, (kind, items) in _SERVER_FIELDS.items():
        value = fields.optional(body, name, kind, items=items)
        if value is not None:
            values[name] = value
    if creating:
        values["name"] = fields.require(body, "name", str)
    values.update({k: body[k] for k in _OPEN_FIELDS if k in body})
    return values


def _secrets(body: JSON) -> dict[str, str]:
    return fields.optional(body, "secrets", dict, items=str) or {}


def _server_scope(server: JSON) -> Scope:
    workspace = server.get("workspace_id")
    return Scope("workspace", workspace, None) if workspace else Scope("organization", None, None)


async def list_servers(call: Call) -> Response:
    """``GET /mcp-servers`` (filters: ``workspace_id``, ``status``)."""
    wanted = {k: call.query[k] for k in ("workspace_id", "status") if call.query.get(k)}
    items = [
        _view(s)
        for s in records(call, SERVERS).values()
        if all(s.get(k) == v for k, v in wanted.items())
    ]
    return ok(items)


async def create_server(call: Call) -> Response:
    """``POST /mcp-servers``: ``transport`` defaults from what is given (``stdio`` for a
    command, ``http`` otherwise); ``secrets`` become the server's keys."""
    values = await _server_fields(call, creating=True)
    body = await call.json()
    secrets = _secrets(body)
    workspace = fields.optional(body, "workspace_id", str)
    stamp = iso(now())
    server: JSON = {
        "id": new_id(SERVERS.prefix),
        "transport": "stdio" if values.get("command") else "http",
        "workspace_id": workspace,
        "url": None,
        "command": None,
        "args": [],
        "headers_template": {},
        "auth": None,
        "tools": [],
        "metadata": {},
        "secret_headers": None,
        "secret_env": None,
        **values,
        "status": "active",
        "created_at": stamp,
        "updated_at": stamp,
        "_secret_names": sorted(secrets),
    }
    records(call, SERVERS)[server["id"]] = server
    _store_keys(call, _server_scope(server), secrets)
    call.resource_id = server["id"]
    return created(_view(server))


async def get_server(call: Call) -> Response:
    """``GET /mcp-servers/{server_id}``."""
    return ok(_view(find(call, SERVERS)))


async def update_server(call: Call) -> Response:
    """``PATCH /mcp-servers/{server_id}``: only the fields given change."""
    server = find(call, SERVERS)
    values = await _server_fields(call, creating=False)
    secrets = _secrets(await call.json())
    server.update(values)
    server["_secret_names"] = sorted({*server.get("_secret_names", []), *secrets})
    server["updated_at"] = iso(now())
    _store_keys(call, _server_scope(server), secrets)
    return ok(_view(server))


async def delete_server(call: Call) -> Response:
    """``DELETE /mcp-servers/{server_id}`` (the keys stay: other servers may use them)."""
    server = find(call, SERVERS)
    del records(call, SERVERS)[server["id"]]
    return no_content()


def _reach(server: JSON) -> str | None:
    """Why the server cannot be reached from here, or None when it looks reachable."""
    if server.get("transport") == "stdio":
        command = server.get("command")
        if not command:
            return "a stdio server needs a command"
        return None if shutil.which(str(command)) else f"command {command!r} not found on PATH"
    url = urlsplit(str(server.get("url") or ""))
    if url.scheme not in ("http", "https") or not url.netloc:
        return "the server needs an http(s) url"
    return None


async def test_server(call: Call) -> Response:
    """``POST /mcp-servers/{server_id}/test``: local checks only (see the module doc);
    the server's ``status`` becomes ``active`` or ``error``."""
    server = find(call, SERVERS)
    scope = _server_scope(server)
    missing = [n for n in needed_keys(server) if _held(call, scope, n) is None]
    problem = _reach(server) or (f"keys not set: {', '.join(missing)}" if missing else None)
    server["status"] = "error" if problem else "active"
    server["updated_at"] = iso(now())
    registered = server.get("tools")
    tools = registered if isinstance(registered, list) else []
    return ok(
        {
            "ok": problem is None,
            "server_id": server["id"],
            "transport": server.get("transport"),
            "status": server["status"],
            "tools": tools,
            "tool_count": len(tools),
            "missing_keys": missing,
            "message": problem or "reachable",
            "checked_at": server["updated_at"],
        }
    )


# -- tool keys --------------------------------------------------------------------------


def _keys(call: Call) -> dict[str, JSON]:
    return call.store.records.setdefault(_KEYS, {})


def _held(call: Call, scope: Scope, name: str) -> JSON | None:
    """The key as `scope` reads it: the narrowest scope holding it wins."""
    table = _keys(call)
    return next((table[f"{k}|{name}"] for k in scope.chain if f"{k}|{name}" in table), None)


def _store_keys(call: Call, scope: Scope, values: dict[str, str]) -> None:
    for name, value in values.items():
        _keys(call)[f"{scope.chain[0]}|{name}"] = {
            "value": value,
            "level": scope.level,
            "updated_at": iso(now()),
        }


def _visible(call: Call, scope: Scope) -> list[JSON]:
    """The servers a scope sees: the organization's and its workspace's."""
    return [
        s
        for s in records(call, SERVERS).values()
        if not s.get("workspace_id") or s.get("workspace_id") == scope.workspace_id
    ]


def _key_view(call: Call, scope: Scope, name: str, servers: list[JSON]) -> JSON:
    held = _held(call, scope, name)
    return {
        "name": name,
        "connected": held is not None,
        "preview": preview(str(held["value"])) if held else None,
        "scope": held["level"] if held else scope.level,
        "servers": [s["name"] for s in servers if name in needed_keys(s)],
        "updated_at": held["updated_at"] if held else None,
    }


def _known(call: Call, scope: Scope, name: str) -> list[JSON]:
    """The visible servers; 404 ``UNKNOWN_TOOL_KEY`` when none of them needs ``name``."""
    servers = _visible(call, scope)
    if not any(name in needed_keys(s) for s in servers):
        raise ApiError(
            404, "UNKNOWN_TOOL_KEY", f"no tool server uses the key {name!r}", {"name": name}
        )
    return servers


def _query_scope(call: Call) -> Scope:
    return scope_of({k: call.query.get(k) for k in _SCOPE_FIELDS})


async def list_tool_keys(call: Call) -> Response:
    """``GET /agents/tool-keys``: every key the visible servers need, set or not."""
    scope = _query_scope(call)
    servers = _visible(call, scope)
    names = dict.fromkeys(n for s in servers for n in needed_keys(s))
    return ok([_key_view(call, scope, n, servers) for n in names])


async def set_tool_key(call: Call) -> Response:
    """``PUT /agents/tool-keys/{name}``: set or rotate the key at exactly this scope."""
    body = await call.json()
    value = fields.require(body, "value", str)
    scope = scope_of({k: fields.optional(body, k, str) for k in _SCOPE_FIELDS})
    name = call.params["name"]
    servers = _known(call, scope, name)
    _store_keys(call, scope, {name: value})
    return ok(_key_view(call, scope, name, servers))


async def delete_tool_key(call: Call) -> Response:
    """``DELETE /agents/tool-keys/{name}``: a wider scope's key stays and now shows."""
    scope = _query_scope(call)
    name = call.params["name"]
    servers = _known(call, scope, name)
    _keys(call).pop(f"{scope.chain[0]}|{name}", None)
    return ok(_key_view(call, scope, name, servers))


# -- catalogue --------------------------------------------------------------------------


def _entry_view(call: Call, entry: CatalogEntry, workspace: str | None) -> JSON:
    added = [
        {"id": s["id"], "name": s["name"], "workspace_id": s.get("workspace_id")}
        for s in records(call, SERVERS).values()
        if (s.get("metadata") or {}).get("catalog_slug") == entry.slug
        and (workspace is None or s.get("workspace_id") in (None, workspace))
    ]
    return {
        "slug": entry.slug,
        "name": entry.name,
        "description": entry.description,
        "category": entry.category,
        "transport": entry.server["transport"],
        "methods": list(entry.methods),
        "tools": list(entry.tools),
        "added": added,
    }


async def list_catalog(call: Call) -> Response:
    """``GET /mcp-catalog``: the whole catalogue, each entry with the servers added from it."""
    workspace = call.query.get("workspace_id") or None
    items = [_entry_view(call, e, workspace) for e in CATALOG]
    categories = sorted({e.category for e in CATALOG})
    return json_response(
        {"data": items, "total": len(items), "categories": categories, "excluded": []}
    )


async def _credentials(call: Call, entry: CatalogEntry) -> tuple[JSON, dict[str, str], list[str]]:
    """The chosen method, the values given (strings) and the required fields missing."""
    body = await call.json()
    method = entry.method(fields.optional(body, "method", str))
    values = fields.optional(body, "values", dict, items=str) or {}
    missing = [f["name"] for f in method["fields"] if f["required"] and not values.get(f["name"])]
    return method, values, missing


async def test_catalog(call: Call) -> Response:
    """``POST /mcp-catalog/{slug}/test``: whether the credentials are complete (nothing
    is sent to the provider from here)."""
    entry = _entry(call.params["slug"])
    method, _, missing = await _credentials(call, entry)
    return ok(
        {
            "ok": not missing,
            "slug": entry.slug,
            "method": method["id"],
            "missing": missing,
            "message": f"missing: {', '.join(missing)}" if missing else "credentials complete",
        }
    )


async def install_catalog(call: Call) -> Response:
    """``POST /mcp-catalog/{slug}/install``: a server from the entry; its secret values
    become keys at its scope (``secrets`` names them), the others go in its metadata."""
    entry = _entry(call.params["slug"])
    method, values, missing = await _credentials(call, entry)
    if missing:
        raise bad_request(f"{missing[0]} is required", field=missing[0], missing=missing)
    body = await call.json()
    secret = {f["name"] for f in method["fields"] if f["secret"]}
    stamp = iso(now())
    server: JSON = {
        "id": new_id(SERVERS.prefix),
        "name": fields.optional(body, "name", str) or entry.name,
        "workspace_id": fields.optional(body, "workspace_id", str),
        "url": None,
        "command": None,
        "args": [],
        "headers_template": {},
        "auth": None,
        "secret_headers": None,
        "secret_env": None,
        **json.loads(json.dumps(entry.server)),
        "tools": [{"name": t} for t in entry.tools],
        "metadata": {
            "catalog_slug": entry.slug,
            "method": method["id"],
            "settings": {k: v for k, v in values.items() if k not in secret},
        },
        "status": "active",
        "created_at": stamp,
        "updated_at": stamp,
        "_secret_names": sorted(secret),
    }
    records(call, SERVERS)[server["id"]] = server
    stored = {k: v for k, v in values.items() if k in secret}
    _store_keys(call, _server_scope(server), stored)
    call.resource_id = server["id"]
    return json_response({"data": _view(server), "secrets": sorted(stored)}, 201)


async def list_cli_tools(call: Call) -> Response:
    """``GET /cli-tools``: the tools pinned in the platform image (a fixed list)."""
    return ok(list(CLI_TOOLS))


def endpoints() -> list[Endpoint]:
    item = SERVERS.item_path
    return [
        Endpoint("GET", SERVERS.path, list_servers),
        Endpoint("POST", SERVERS.path, create_server, "mcp_server.create"),
        Endpoint("GET", item, get_server),
        Endpoint("PATCH", item, update_server, "mcp_server.update"),
        Endpoint("DELETE", item, delete_server, "mcp_server.delete"),
        Endpoint("POST", item + "/test", test_server, "mcp_server.test"),
        Endpoint("GET", "/mcp-catalog", list_catalog),
        Endpoint("POST", "/mcp-catalog/{slug}/test", test_catalog),
        Endpoint("POST", "/mcp-catalog/{slug}/install", install_catalog, "mcp_catalog.install"),
        Endpoint("GET", "/agents/tool-keys", list_tool_keys),
        Endpoint("PUT", "/agents/tool-keys/{name}", set_tool_key, "tool_key.set"),
        Endpoint("DELETE", "/agents/tool-keys/{name}", delete_tool_key, "tool_key.delete"),
        Endpoint("GET", "/cli-tools", list_cli_tools),
    ]


__all__ = ["CATALOG", "CLI_TOOLS", "SERVERS", "endpoints", "needed_keys"]
