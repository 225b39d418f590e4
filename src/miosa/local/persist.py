"""Keeping the store in SQLite so a server started on the same data directory remembers.

One file, ``<data dir>/state.sqlite3`` (stdlib ``sqlite3``, WAL mode). The store stays the
in-memory object handlers use; :meth:`Persistence.sync` writes what changed since the last
sync. The route runner syncs after every mutating request before the reply leaves, the
gateway syncs an ``Idempotency-Key`` outcome before replaying it is possible, and a
background task syncs changes made outside requests (webhook deliveries, builds, the
reaper) every half second. With ``synchronous=NORMAL`` in WAL mode a committed write
survives the server process being killed (``SIGKILL``); a power cut may lose the last
commits.

Tables: ``rows(kind, id, value)`` holds one JSON document per record (a sandbox, a
webhook, a key, a generic record...), ``audit(seq, value)`` the audit log in order,
``idempotency`` the stored replies, and ``meta`` the server key. Writing compares each
record's JSON with what was last written, so a sync costs a serialisation of the state,
not a rewrite of it.

On load, a sandbox that was running or paused comes back ``stopped`` (its processes died
with the old server; its files are where they were) and ``POST /resume`` starts it again.
"""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import JSON
from .state import MAX_AUDIT, ApiKey, Sandbox, Snapshot, Store

if TYPE_CHECKING:
    from .idempotency import Entry, IdempotencyCache

log = logging.getLogger("miosa.local")

FILENAME = "state.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rows (
    kind TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
    owner TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, created REAL NOT NULL,
    status INTEGER NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL,
    PRIMARY KEY (owner, key)
);
"""

# Store attributes kept as one row per entry (``dict[str, JSON]``).
TABLES = (
    "api_key_presets",
    "quotas",
    "webhooks",
    "webhook_secrets",
    "deliveries",
    "templates",
    "builds",
    "members",
    "workspace_invites",
    "org_invites",
    "org_members",
)
# Store attributes kept whole, one row each.
SINGLES = ("tenant", "preview_domain", "branding", "credit_transactions", "replay_ids")

# Sandbox fields that describe it (the rest is live: streams, processes, watchers).
SANDBOX_FIELDS = (
    "id", "name", "slug", "template_id", "size", "created_at", "timeout_sec",
    "idle_timeout_sec", "always_on", "persistent", "metadata", "tags", "env", "extra", "state",
    "started_at", "ready_at", "destroyed_at", "deadline", "runtime_total", "exec_ms_total",
    "exec_count", "previews", "shares", "exports", "deployments", "live_cpu", "network",
)  # fmt: skip


def stored_api_key(directory: Path) -> str | None:
    """The server key the last run on ``directory`` used, if there was one."""
    path = directory / FILENAME
    if not path.exists():
        return None
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'api_key'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        db.close()
    return None if row is None else str(row[0])


def _default(value: Any) -> Any:
    """JSON for the few non-JSON values records hold (paths, sets); ``None`` otherwise."""
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    return None


def dumps(value: Any) -> str:
    """Canonical JSON of a record (comparable between syncs)."""
    return json.dumps(value, default=_default, separators=(",", ":"), ensure_ascii=False)


class Persistence:
    """The SQLite file of one data directory; used from the server's event-loop thread."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / FILENAME
        # The loop thread owns it; the owning LocalServer thread only reads meta first.
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._written: dict[tuple[str, str], str] = {}
        self._last_audit: str | None = None

    def close(self) -> None:
        """Close the file (after a final sync)."""
        self.db.close()

    # -- meta ---------------------------------------------------------------------------

    def meta(self, name: str) -> str | None:
        """A stored setting (such as the server key), or ``None``."""
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, name: str, value: str) -> None:
        """Store a setting."""
        self.db.execute(
            "INSERT INTO meta (name, value) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    # -- writing ------------------------------------------------------------------------

    def sync(self, store: Store) -> None:
        """Write every record that changed since the last sync, in one transaction."""
        current = dict(_rows(store))
        changed = [(k, v) for k, v in current.items() if self._written.get(k) != v]
        gone = [k for k in self._written if k not in current]
        audit = _new_audit(store.audit, self._last_audit)
        if not changed and not gone and not audit:
            return
        with self._transaction():
            self.db.executemany(
                "INSERT INTO rows (kind, id, value) VALUES (?, ?, ?) "
                "ON CONFLICT(kind, id) DO UPDATE SET value = excluded.value",
                [(kind, ident, value) for (kind, ident), value in changed],
            )
            self.db.executemany("DELETE FROM rows WHERE kind = ? AND id = ?", gone)
            if audit:
                self.db.executemany(
                    "INSERT INTO audit (id, value) VALUES (?, ?)",
                    [(str(entry["id"]), dumps(entry)) for entry in audit],
                )
                self.db.execute(
                    "DELETE FROM audit WHERE seq <= (SELECT MAX(seq) FROM audit) - ?", (MAX_AUDIT,)
                )
        for key, value in changed:
            self._written[key] = value
        for key in gone:
            del self._written[key]
        if audit:
            self._last_audit = str(audit[-1]["id"])

    def save_reply(self, scope: tuple[str, str], entry: Entry) -> None:
        """Store an ``Idempotency-Key``'s reply (before the client can see it)."""
        headers = [
            [base64.b64encode(k).decode(), base64.b64encode(v).decode()] for k, v in entry.headers
        ]
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO idempotency VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    *scope,
                    entry.fingerprint,
                    entry.created,
                    entry.status,
                    dumps(headers),
                    entry.body,
                ),
            )

    def forget_reply(self, scope: tuple[str, str]) -> None:
        """Drop a stored reply (evicted from the cache, or expired)."""
        self.db.execute("DELETE FROM idempotency WHERE owner = ? AND key = ?", scope)

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # -- loading ------------------------------------------------------------------------

    def load(self, store: Store, replies: IdempotencyCache) -> None:
        """Fill a fresh store (and the idempotency cache) from the file."""
        for kind, ident, text in self.db.execute("SELECT kind, id, value FROM rows"):
            self._written[(kind, ident)] = text
            value = json.loads(text)
            if kind == "sandboxes":
                store.sandboxes[ident] = _sandbox(value, store.settings.sandboxes_dir / ident)
            elif kind == "snapshots":
                snapshot = Snapshot(**{**value, "dir": Path(value["dir"])})
                store.snapshots[ident] = snapshot
            elif kind == "api_keys":
                store.api_keys[ident] = ApiKey(**value)
            elif kind == "records":
                path, record_id = json.loads(ident)
                store.records.setdefault(path, {})[record_id] = value
            elif kind == "single":
                setattr(store, ident, set(value) if ident == "replay_ids" else value)
            elif kind in TABLES:
                getattr(store, kind)[ident] = value
        for ident, text in self.db.execute("SELECT id, value FROM audit ORDER BY seq"):
            store.audit.append(json.loads(text))
            self._last_audit = ident
        rows = self.db.execute(
            "SELECT owner, key, fingerprint, created, status, headers, body FROM idempotency"
        )
        for owner, key, fp, created, status, headers, body in rows:
            pairs = [(base64.b64decode(k), base64.b64decode(v)) for k, v in json.loads(headers)]
            replies.restore((owner, key), fp, created, status, pairs, bytes(body))


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on error)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _rows(store: Store) -> Iterator[tuple[tuple[str, str], str]]:
    """Every persisted record of the store as ((kind, id), JSON text)."""
    for ident, sandbox in store.sandboxes.items():
        yield ("sandboxes", ident), dumps({f: getattr(sandbox, f) for f in SANDBOX_FIELDS})
    for ident, snapshot in store.snapshots.items():
        yield ("snapshots", ident), dumps(_fields(snapshot))
    for ident, key in store.api_keys.items():
        yield ("api_keys", ident), dumps(_fields(key))
    for kind in TABLES:
        table: dict[str, Any] = getattr(store, kind)
        for ident, value in table.items():
            yield (kind, ident), dumps(value)
    for path, records in store.records.items():
        for ident, record in records.items():
            yield ("records", dumps([path, ident])), dumps(record)
    for name in SINGLES:
        yield ("single", name), dumps(getattr(store, name))


def _fields(obj: Any) -> JSON:
    return {f.name: getattr(obj, f.name) for f in dataclass_fields(obj)}


def _new_audit(audit: list[JSON], last: str | None) -> list[JSON]:
    """The audit entries appended after the one with id ``last``."""
    if last is None:
        return list(audit)
    for index in range(len(audit) - 1, -1, -1):
        if audit[index]["id"] == last:
            return audit[index + 1 :]
    return list(audit)


def _sandbox(value: JSON, directory: Path) -> Sandbox:
    """A sandbox record as a live :class:`Sandbox`: a running or paused one is stopped."""
    data = {k: value[k] for k in SANDBOX_FIELDS if k in value}
    data["env"] = {k: (v[0], bool(v[1])) for k, v in data.get("env", {}).items()}
    sandbox = Sandbox(dir=directory, **data)
    if sandbox.state in ("running", "paused", "provisioning"):
        sandbox.state = "stopped"
        sandbox.log("sandbox stopped: the server restarted")
    return sandbox
