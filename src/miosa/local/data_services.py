"""Managed databases, volumes and object storage (``/databases``, ``/volumes``,
``/storage``).

A database is a record with a lifecycle (``provisioning`` until the first read after
create, then ``running``; stop, start and restart move it), credentials kept beside it
and never in its record, a log of what happened to it (also as an SSE stream), and a
public-networking switch with a CIDR allowlist. No database engine runs: the host and
port name nothing that listens. Storage is real: objects are stored on disk under the
server's root, listed S3-style (``prefix``, ``max_keys``, ``marker``), read back and
deleted; a bucket's ``quota_bytes`` is enforced and only an empty bucket is deleted.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import shutil
from pathlib import Path
from urllib.parse import quote

import anyio
from starlette.responses import Response

from .common import JSON, iso, now
from .events import EventLog
from .fields import optional, require
from .http import ApiError, bad_request, int_param, json_response, no_content, not_found, ok
from .records import Action, Collection, crud_endpoints, find, records, respond
from .routing import Call, Endpoint
from .sse import SSEResponse, follow
from .typed import EXTERNAL, OBJECT, STR, Field, create_handler

DATABASES = Collection(
    "/databases",
    "database_id",
    "db",
    "database",
    verbs=frozenset({"list"}),
    filters=("state", "engine", "project_id", "environment_id", "workspace_id"),
    actions={
        "start": Action(sets={"state": "running"}),
        "stop": Action(sets={"state": "stopped"}),
        "restart": Action(sets={"state": "running"}),
    },
)
ENGINES = {"postgresql": 5432, "postgres": 5432, "mysql": 3306, "redis": 6379, "qdrant": 6333}
DATABASE_FIELDS = {
    "name": STR,
    "engine": Field(str, choices=tuple(ENGINES)),
    "engine_version": STR,
    "cpu_count": Field(int, low=1, high=64),
    "memory_mb": Field(int, low=128, high=262144),
    "storage_mb": Field(int, low=1, high=16 * 1024 * 1024),
    "region": STR,
    "workspace_id": STR,
    "project_id": STR,
    "environment_id": STR,
    "metadata": OBJECT,
    **{k: STR for k in EXTERNAL},
}
CREDENTIALS = "database-credentials"  # database id -> {"user", "password", "database"}
DATABASE_LOGS = "database-logs"  # database id -> {"lines": [...]}
NETWORKING = "database-public-networking"  # database id -> {"enabled", "allowlist"}

VOLUMES = Collection(
    "/volumes",
    "volume_id",
    "vol",
    "volume",
    verbs=frozenset({"list", "get"}),
    filters=("state", "region"),
    defaults={"state": "available", "region": "local", "attached_to": None},
)
VOLUME_FIELDS = {"name": STR, "size_gb": Field(int, low=1, high=16384), "region": STR}

BUCKETS = Collection(
    "/storage/buckets",
    "bucket_id",
    "bkt",
    "bucket",
    verbs=frozenset({"list", "get"}),
    defaults={"visibility": "private", "region": "local", "quota_bytes": None},
)
BUCKET_FIELDS = {
    "name": STR,
    "visibility": Field(str, choices=("private", "public")),
    "public": Field(bool),
    "region": STR,
    "quota_bytes": Field(int, low=0),
}
OBJECTS = "storage-objects"  # "{bucket_id}/{key}" -> object metadata
BUCKET_NAME_LIMIT = 63
MAX_KEYS = 1000
PRESIGN_MAX_SECONDS = 7 * 24 * 3600


# -- databases -------------------------------------------------------------------------------


def _log(call: Call, database_id: str, line: str) -> None:
    lines = call.store.records.setdefault(DATABASE_LOGS, {}).setdefault(database_id, {"lines": []})
    lines["lines"].append(f"{iso(now())} {line}")


def new_database(call: Call, record: JSON) -> JSON:
    """Provisioning, with credentials kept out of the record."""
    engine = record.setdefault("engine", "postgresql")
    ident = record["id"]
    record.update(
        {
            "state": "provisioning",
            "version": record.get("engine_version"),
            "host": f"{ident.replace('_', '-')}.db.{call.store.settings.preview_domain}",
            "port": ENGINES[engine],
            "region": record.get("region", "local"),
        }
    )
    call.store.records.setdefault(CREDENTIALS, {})[ident] = {
        "user": "miosa",
        "password": secrets.token_urlsafe(18),
        "database": "app",
    }
    _log(call, ident, f"{engine} database {record.get('name')!r} provisioning")
    return record


def database(call: Call) -> JSON:
    """The database named by the path (404 when absent); a provisioning one comes up on
    this read, so ``wait_until_ready`` sees ``provisioning`` once and then ``running``."""
    record = find(call, DATABASES)
    if record["state"] == "provisioning":
        record["state"] = "running"
        record["updated_at"] = iso(now())
        _log(call, record["id"], "database is ready to accept connections")
    return record


async def get_database(call: Call) -> Response:
    """``GET /databases/{database_id}``."""
    return respond(DATABASES, database(call))


async def delete_database(call: Call) -> Response:
    """``DELETE /databases/{database_id}``: its credentials, logs and networking go too."""
    ident = database(call)["id"]
    del records(call, DATABASES)[ident]
    for table in (CREDENTIALS, DATABASE_LOGS, NETWORKING):
        call.store.records.get(table, {}).pop(ident, None)
    return no_content()


def credentials_of(call: Call, record: JSON) -> JSON:
    """Connection details of a database (also what a deployment it is attached to gets)."""
    secret = call.store.records.get(CREDENTIALS, {}).get(record["id"], {})
    user, password, name = secret.get("user"), secret.get("password"), secret.get("database")
    scheme = "postgresql" if record["engine"] in ("postgresql", "postgres") else record["engine"]
    return {
        "url": f"{scheme}://{user}:{password}@{record['host']}:{record['port']}/{name}",
        "host": record["host"],
        "port": record["port"],
        "user": user,
        "username": user,
        "password": password,
        "database": name,
    }


async def database_credentials(call: Call) -> Response:
    """``GET /databases/{database_id}/credentials``."""
    return ok(credentials_of(call, database(call)))


def _lines(call: Call, database_id: str) -> list[str]:
    kept = call.store.records.get(DATABASE_LOGS, {}).get(database_id, {"lines": []})
    return list(kept["lines"])


async def database_logs(call: Call) -> Response:
    """``GET /databases/{database_id}/logs?lines=``: the newest lines of its log."""
    record = database(call)
    count = int_param(call.query, "lines", 100, 1, 10_000)
    return ok({"database_id": record["id"], "lines": _lines(call, record["id"])[-count:]})


async def database_log_stream(call: Call) -> Response:
    """``GET /databases/{database_id}/logs/stream``: the log so far as events, then the end
    (nothing writes to a local database's log while the stream is open)."""
    record = database(call)
    log = EventLog()
    for line in _lines(call, record["id"]):
        log.publish("log", {"database_id": record["id"], "line": line})
    log.close()
    return SSEResponse(follow(log, 0), call.store)


def _networking(call: Call, record: JSON) -> JSON:
    state = call.store.records.setdefault(NETWORKING, {}).setdefault(
        record["id"], {"enabled": False, "allowlist": []}
    )
    public = f"{record['id'].replace('_', '-')}.public.db.{call.store.settings.preview_domain}"
    return {
        "database_id": record["id"],
        "enabled": state["enabled"],
        "allowlist": list(state["allowlist"]),
        "host": public if state["enabled"] else None,
        "port": record["port"] if state["enabled"] else None,
    }


async def get_networking(call: Call) -> Response:
    """``GET /databases/{database_id}/public-networking``."""
    return ok(_networking(call, database(call)))


def _cidrs(values: list[str]) -> list[str]:
    """Each entry as a normalised network (``10.0.0.1`` -> ``10.0.0.1/32``); 400 otherwise."""
    out: list[str] = []
    for value in values:
        try:
            out.append(str(ipaddress.ip_network(value.strip(), strict=False)))
        except ValueError:
            raise bad_request(
                f"{value!r} is not an IP address or CIDR", field="allowlist"
            ) from None
    return out


async def enable_networking(call: Call) -> Response:
    """``POST /databases/{database_id}/public-networking {allowlist?}``: open to the
    internet, to the allowlisted networks when given (everyone otherwise)."""
    record = database(call)
    allowlist = _cidrs(optional(await call.json(), "allowlist", list, items=str) or ["0.0.0.0/0"])
    _networking(call, record)
    call.store.records[NETWORKING][record["id"]] = {"enabled": True, "allowlist": allowlist}
    _log(call, record["id"], f"public networking enabled for {', '.join(allowlist)}")
    return ok(_networking(call, record))


async def disable_networking(call: Call) -> Response:
    """``DELETE /databases/{database_id}/public-networking``."""
    record = database(call)
    call.store.records.setdefault(NETWORKING, {})[record["id"]] = {
        "enabled": False,
        "allowlist": [],
    }
    _log(call, record["id"], "public networking disabled")
    return ok(_networking(call, record))


# -- volumes ---------------------------------------------------------------------------------


async def delete_volume(call: Call) -> Response:
    """``DELETE /volumes/{volume_id}``: refused while attached to a computer."""
    volume = find(call, VOLUMES)
    for state in call.store.computers.values():
        if any(a.get("volume_id") == volume["id"] for a in state.volumes.values()):
            raise ApiError(409, "VOLUME_ATTACHED", f"volume {volume['id']!r} is attached")
    del records(call, VOLUMES)[volume["id"]]
    return no_content()


# -- storage ---------------------------------------------------------------------------------


def _new_bucket(call: Call, record: JSON) -> JSON:
    name = str(record["name"])
    if len(name) > BUCKET_NAME_LIMIT:
        raise bad_request(f"name must be at most {BUCKET_NAME_LIMIT} characters", field="name")
    if any(b["name"] == name for b in records(call, BUCKETS).values()):
        raise ApiError(409, "BUCKET_EXISTS", f"bucket {name!r} already exists", {"name": name})
    if "visibility" not in record and record.get("public") is True:
        record["visibility"] = "public"
    record["public"] = record["visibility"] == "public"
    return {**record, "object_count": 0, "used_bytes": 0, "size_bytes": 0}


def _objects(call: Call, bucket_id: str) -> list[JSON]:
    table = call.store.records.setdefault(OBJECTS, {})
    return sorted(
        (o for o in table.values() if o["bucket_id"] == bucket_id), key=lambda o: o["key"]
    )


def _blob(call: Call, bucket_id: str, key: str) -> Path:
    digest = hashlib.sha256(key.encode()).hexdigest()
    return call.store.settings.root / "storage" / bucket_id / digest


def _tally(call: Call, bucket: JSON) -> None:
    found = _objects(call, bucket["id"])
    used = sum(int(o["size_bytes"]) for o in found)
    bucket.update({"object_count": len(found), "used_bytes": used, "size_bytes": used})


def _valid_key(key: str) -> str:
    """400 for a key URL normalisation would send elsewhere (the SDK refuses them too)."""
    if not key or any(s in ("", ".", "..") for s in key.split("/")):
        raise bad_request(f"invalid object key {key!r}", field="key")
    return key


async def delete_bucket(call: Call) -> Response:
    """``DELETE /storage/buckets/{bucket_id}``: only an empty bucket, as on S3."""
    bucket = find(call, BUCKETS)
    if _objects(call, bucket["id"]):
        raise ApiError(409, "BUCKET_NOT_EMPTY", f"bucket {bucket['name']!r} is not empty")
    del records(call, BUCKETS)[bucket["id"]]
    folder = call.store.settings.root / "storage" / bucket["id"]
    await anyio.to_thread.run_sync(lambda: shutil.rmtree(folder, ignore_errors=True))
    return no_content()


async def list_objects(call: Call) -> Response:
    """``GET /storage/buckets/{bucket_id}/objects?prefix=&max_keys=&marker=``: keys in
    order after ``marker``; ``next_marker`` names the last key when more follow."""
    bucket = find(call, BUCKETS)
    prefix = call.query.get("prefix") or ""
    marker = call.query.get("marker") or ""
    limit = int_param(call.query, "max_keys", MAX_KEYS, 1, MAX_KEYS)
    found = [
        o for o in _objects(call, bucket["id"]) if o["key"].startswith(prefix) and o["key"] > marker
    ]
    page = [{k: v for k, v in o.items() if k != "bucket_id"} for o in found[:limit]]
    more = len(found) > limit
    return json_response(
        {
            "data": page,
            "next_marker": page[-1]["key"] if more else None,
            "has_more": more,
        }
    )


async def put_object(call: Call) -> Response:
    """``PUT /storage/buckets/{bucket_id}/objects/{key}``: the raw body is the object."""
    bucket = find(call, BUCKETS)
    key = _valid_key(call.params["key"])
    content = await call.request.body()
    table = call.store.records.setdefault(OBJECTS, {})
    previous = table.get(f"{bucket['id']}/{key}")
    quota = bucket.get("quota_bytes")
    used = int(bucket.get("used_bytes") or 0) - int(previous["size_bytes"] if previous else 0)
    if isinstance(quota, int) and used + len(content) > quota:
        raise ApiError(
            403,
            "QUOTA_EXCEEDED",
            f"bucket {bucket['name']!r} would exceed its quota of {quota} bytes",
            {"quota_bytes": quota, "used_bytes": used},
        )
    blob = _blob(call, bucket["id"], key)

    def write() -> None:
        blob.parent.mkdir(parents=True, exist_ok=True)
        blob.write_bytes(content)

    await anyio.to_thread.run_sync(write)
    item: JSON = {
        "bucket_id": bucket["id"],
        "key": key,
        "size_bytes": len(content),
        "content_type": call.request.headers.get("content-type") or "application/octet-stream",
        "etag": hashlib.md5(content, usedforsecurity=False).hexdigest(),
        "last_modified": iso(now()),
    }
    table[f"{bucket['id']}/{key}"] = item
    _tally(call, bucket)
    return ok({k: v for k, v in item.items() if k != "bucket_id"})


def _object(call: Call) -> tuple[JSON, JSON]:
    bucket = find(call, BUCKETS)
    key = call.params["key"]
    item = call.store.records.get(OBJECTS, {}).get(f"{bucket['id']}/{key}")
    if item is None:
        raise not_found("object", key)
    return bucket, item


async def get_object(call: Call) -> Response:
    """``GET /storage/buckets/{bucket_id}/objects/{key}``: the bytes as stored."""
    bucket, item = _object(call)
    content = await anyio.Path(_blob(call, bucket["id"], item["key"])).read_bytes()
    return Response(content, media_type=item["content_type"], headers={"etag": f'"{item["etag"]}"'})


async def delete_object(call: Call) -> Response:
    """``DELETE /storage/buckets/{bucket_id}/objects/{key}``."""
    bucket, item = _object(call)
    del call.store.records[OBJECTS][f"{bucket['id']}/{item['key']}"]
    await anyio.Path(_blob(call, bucket["id"], item["key"])).unlink(missing_ok=True)
    _tally(call, bucket)
    return no_content()


async def presign(call: Call) -> Response:
    """``POST /storage/buckets/{bucket_id}/presign {key, method, expires_in}``: a URL of
    the object route carrying an expiry and an HMAC of it under the server key (the
    local server still asks for the bearer key on that route)."""
    bucket = find(call, BUCKETS)
    body = await call.json()
    key = _valid_key(require(body, "key", str))
    method = optional(body, "method", str, "GET", choices=("GET", "PUT"))
    expires_in = optional(body, "expires_in", int, 3600, low=1, high=PRESIGN_MAX_SECONDS)
    expires = int(now()) + expires_in
    message = f"{method}\n{bucket['id']}\n{key}\n{expires}".encode()
    signature = hmac.new(call.store.settings.api_key.encode(), message, "sha256").hexdigest()
    url = call.request.url
    path = "/".join(quote(s, safe="") for s in key.split("/"))
    return ok(
        {
            "url": f"{url.scheme}://{url.netloc}/api/v1/storage/buckets/{bucket['id']}/objects/"
            f"{path}?expires={expires}&signature={signature}",
            "method": method,
            "key": key,
            "expires_at": iso(expires),
        }
    )


def endpoints() -> list[Endpoint]:
    """Routes of this module."""
    db, bucket = DATABASES.item_path, BUCKETS.item_path
    obj = bucket + "/objects/{key:path}"
    return [
        *crud_endpoints([DATABASES, VOLUMES, BUCKETS]),
        Endpoint(
            "POST",
            DATABASES.path,
            create_handler(DATABASES, DATABASE_FIELDS, ("name",), new_database),
            "database.create",
        ),
        Endpoint("GET", db, get_database),
        Endpoint("DELETE", db, delete_database, "database.delete"),
        Endpoint("GET", db + "/credentials", database_credentials),
        Endpoint("GET", db + "/logs", database_logs),
        Endpoint("GET", db + "/logs/stream", database_log_stream),
        Endpoint("GET", db + "/public-networking", get_networking),
        Endpoint("POST", db + "/public-networking", enable_networking, "database.networking"),
        Endpoint("DELETE", db + "/public-networking", disable_networking, "database.networking"),
        Endpoint(
            "POST",
            VOLUMES.path,
            create_handler(
                VOLUMES, VOLUME_FIELDS, ("name", "size_gb"), frozen=("state", "attached_to")
            ),
            "volume.create",
        ),
        Endpoint("DELETE", VOLUMES.item_path, delete_volume, "volume.delete"),
        Endpoint(
            "POST",
            BUCKETS.path,
            create_handler(BUCKETS, BUCKET_FIELDS, ("name",), _new_bucket),
            "bucket.create",
        ),
        Endpoint("DELETE", bucket, delete_bucket, "bucket.delete"),
        Endpoint("GET", bucket + "/objects", list_objects),
        Endpoint("PUT", obj, put_object, "storage_object.put"),
        Endpoint("GET", obj, get_object),
        Endpoint("DELETE", obj, delete_object, "storage_object.delete"),
        Endpoint("POST", bucket + "/presign", presign, "storage.presign"),
    ]
