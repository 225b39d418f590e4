"""The in-memory store: every record the server keeps, owned by its event-loop thread."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import anyio
import anyio.abc

from .common import JSON, iso, new_id, now, parse_iso
from .config import Settings
from .confine import PidsCgroups
from .events import Event, EventLog
from .idempotency import IdempotencyCache

if TYPE_CHECKING:
    from .computers import ComputerState
    from .persist import Persistence

log = logging.getLogger("miosa.local")

# Intelligence key secrets, by their SHA-256 (``POST /intelligence/keys`` and ``/rotate``
# keep them here; no route reads this table). The keys themselves are the records of
# ``/intelligence/keys``.
INTELLIGENCE_KEYS = "/intelligence/keys"
INTELLIGENCE_SECRETS = "/intelligence/keys#secrets"


def secret_digest(secret: str) -> str:
    """How a key secret is kept: its SHA-256, hex."""
    return hashlib.sha256(secret.encode()).hexdigest()


SIZES: dict[str, tuple[int, int, int]] = {
    "xs": (1, 2048, 10240),
    "small": (2, 4096, 10240),
    "medium": (4, 8192, 20480),
    "large": (8, 16384, 40960),
    "xl": (16, 32768, 81920),
}
DEFAULT_TEMPLATE = "miosa-sandbox"
CUSTOM_PREFIX = "custom-"


def custom_size(cpu_count: int, memory_mb: int, disk_mb: int) -> str:
    """The size name of a custom shape, as its resource contract spells it."""
    return f"{CUSTOM_PREFIX}{cpu_count}x{memory_mb}x{disk_mb}"


def geometry(size: str) -> tuple[int, int, int]:
    """(vCPU, MiB RAM, MiB disk) of a published size or a ``custom-<cpu>x<mem>x<disk>`` one."""
    if size.startswith(CUSTOM_PREFIX):
        cpu, memory, disk = (int(v) for v in size.removeprefix(CUSTOM_PREFIX).split("x"))
        return cpu, memory, disk
    return SIZES.get(size, SIZES["small"])


MAX_AUDIT = 100_000


@dataclass
class Principal:
    """Who sent a request: the server key or a key created through the API."""

    key_id: str
    token: str
    is_root: bool
    scopes: tuple[str, ...] = ()
    external_user_id: str | None = None


@dataclass
class ApiKey:
    """A key created with ``POST /api-keys`` or ``/api-keys/scoped``."""

    id: str
    token: str
    name: str
    scopes: list[str]
    expires_at: str | None
    created_at: float
    external_user_id: str | None = None
    last_used_at: float | None = None
    status: str = "active"
    events: list[JSON] = field(default_factory=list)


@dataclass
class Proc:
    """A background process started through the processes API."""

    pid: int
    name: str | None
    command: str
    started_at: float
    handle: anyio.abc.Process
    output: EventLog
    own_pid_namespace: bool = False
    status: str = "running"
    exit_code: int | None = None
    finished_at: float | None = None
    exited: anyio.Event = field(default_factory=anyio.Event)


class Interpreter(Protocol):
    """A process that lives with a sandbox outside the processes API (a code context's
    interpreter, `code.py`): stopped with the sandbox, paused and resumed with it."""

    @property
    def pid(self) -> int: ...
    @property
    def isolated(self) -> bool: ...
    async def stop(self) -> None: ...


@dataclass
class Sandbox:
    """One sandbox and everything hanging off it."""

    id: str
    name: str
    slug: str
    dir: Path
    template_id: str
    size: str
    created_at: float
    timeout_sec: int
    idle_timeout_sec: int | None
    always_on: bool
    persistent: bool
    metadata: JSON
    tags: list[str]
    env: dict[str, tuple[str, bool]]
    extra: JSON
    state: str = "running"
    started_at: float | None = None
    ready_at: float | None = None
    destroyed_at: float | None = None
    deadline: float | None = None
    running_since: float | None = None
    runtime_total: float = 0.0
    exec_ms_total: int = 0
    exec_count: int = 0
    events: EventLog = field(default_factory=lambda: EventLog(1000))
    logs: EventLog = field(default_factory=lambda: EventLog(5000))
    processes: dict[int, Proc] = field(default_factory=dict)
    # Code contexts by (language, name); see code.py.
    interpreters: dict[tuple[str, str], Interpreter] = field(default_factory=dict)
    # Held while a context's interpreter starts, so two first cells start one interpreter.
    interpreter_start: anyio.Lock = field(default_factory=anyio.Lock)
    previews: dict[str, JSON] = field(default_factory=dict)
    shares: dict[str, JSON] = field(default_factory=dict)
    terminals: dict[str, JSON] = field(default_factory=dict)
    exports: dict[str, JSON] = field(default_factory=dict)
    deployments: list[JSON] = field(default_factory=list)
    watcher_running: bool = False
    watch: EventLog = field(default_factory=lambda: EventLog(2000))
    watch_subscribers: int = 0
    live_cpu: int | None = None
    # The create body's ``network`` policy, normalised; see ``sandboxes.network_policy``.
    network: JSON = field(default_factory=dict)

    @property
    def geometry(self) -> tuple[int, int, int]:
        """(vCPU, MiB RAM, MiB disk) now: its size's, with vCPUs changed live by a resize."""
        cpu, memory, disk = geometry(self.size)
        return (self.live_cpu or cpu, memory, disk)

    @property
    def network_enabled(self) -> bool:
        """Whether commands may use the network: only when the sandbox's policy lets
        something out (the local server cannot filter by host, so any allow opens it all)."""
        return bool(self.network.get("enabled"))

    @property
    def workspace(self) -> Path:
        """The host directory mounted as ``/workspace``."""
        return self.dir / "workspace"

    @property
    def alive(self) -> bool:
        """Not destroyed."""
        return self.state != "destroyed"

    def runtime_sec(self, at: float | None = None) -> float:
        """Seconds spent running so far."""
        total = self.runtime_total
        if self.running_since is not None:
            total += (at or now()) - self.running_since
        return total

    def log(self, line: str, stream: str = "system") -> None:
        """Append a line to the sandbox log (``GET /logs``, ``/logs/stream``)."""
        self.logs.publish("log", {"line": line, "stream": stream, "timestamp": iso(now())})

    def set_running(self, running: bool) -> None:
        """Start or stop the runtime clock."""
        t = now()
        if running and self.running_since is None:
            self.running_since = t
        elif not running and self.running_since is not None:
            self.runtime_total += t - self.running_since
            self.running_since = None


@dataclass
class Snapshot:
    """A copy of a sandbox directory."""

    id: str
    sandbox_id: str
    dir: Path
    comment: str | None
    keep: bool
    retention_seconds: int | None
    expires_at: float | None
    created_at: float
    size_bytes: int = 0
    status: str = "ready"

    def to_json(self) -> JSON:
        """Wire form."""
        return {
            "id": self.id,
            "snapshot_id": self.id,
            "sandbox_id": self.sandbox_id,
            "status": self.status,
            "comment": self.comment,
            "keep": self.keep,
            "retention_seconds": self.retention_seconds,
            "size_bytes": self.size_bytes,
            "last_used_at": None,
            "expires_at": iso(self.expires_at),
            "created_at": iso(self.created_at),
            "updated_at": iso(self.created_at),
        }


EventListener = Callable[[Event, "Sandbox | None"], None]


class Store:
    """All server state plus the few services handlers share (events, background tasks).

    Handlers run on one event loop, so plain dicts suffice; anything touched from the
    owning :class:`LocalServer`'s thread lives in ``faults.py`` / ``recording.py`` instead.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sandboxes: dict[str, Sandbox] = {}
        self.snapshots: dict[str, Snapshot] = {}
        self.api_keys: dict[str, ApiKey] = {}
        self.api_key_presets: dict[str, JSON] = {}
        self.audit: list[JSON] = []
        self.quotas: dict[str, JSON] = {}
        self.webhooks: dict[str, JSON] = {}
        self.webhook_secrets: dict[str, str] = {}
        self.deliveries: dict[str, JSON] = {}
        self.replay_ids: set[str] = set()
        self.templates: dict[str, JSON] = {}
        self.builds: dict[str, JSON] = {}
        self.tenant: JSON = {}
        self.preview_domain: JSON = {}
        self.branding: JSON = {}
        self.members: dict[str, dict[str, JSON]] = {}
        self.workspace_invites: dict[str, JSON] = {}
        self.org_invites: dict[str, JSON] = {}
        self.org_members: dict[str, JSON] = {
            settings.owner_id: {
                "user_id": settings.owner_id,
                "email": "owner@localhost",
                "name": "Local owner",
                "role": "owner",
                "joined_at": iso(now()),
            }
        }
        self.credit_transactions: list[JSON] = []
        # The generic record store (records.py): collection path -> id -> record.
        self.records: dict[str, dict[str, JSON]] = {}
        # What a computer (a sandbox with extra["kind"] == "computer") has beyond its
        # sandbox: the simulated desktop and its settings, by id (the computers package).
        self.computers: dict[str, ComputerState] = {}
        self.tenant_events = EventLog(5000)
        self.exec_pids: set[int] = set()
        # Per-sandbox pids cgroups, when this host lets the server make them.
        self.cgroups: PidsCgroups | None = None
        self.webhook_client: Any = None
        # With a data directory: the SQLite file state is written to (persist.py).
        self.persistence: Persistence | None = None
        # Idempotency-Key replies, kept here so they are persisted with the rest.
        self.replies = IdempotencyCache()
        self.listeners: list[EventListener] = []
        self.started_at = now()
        self._task_group: anyio.abc.TaskGroup | None = None
        self.shutting_down: anyio.Event | None = None
        self.root_principal = Principal(
            key_id="key_root", token=settings.api_key, is_root=True, scopes=("*",)
        )

    # -- background work -------------------------------------------------------------

    def attach(self, task_group: anyio.abc.TaskGroup) -> None:
        """Give the store the server-lifetime task group (called on the loop thread)."""
        self._task_group = task_group
        self.shutting_down = anyio.Event()

    def spawn(
        self, func: Callable[..., Awaitable[Any]], *args: Any, name: str | None = None
    ) -> None:
        """Run ``func`` in the background for at most the server's lifetime; errors are logged."""
        if self._task_group is None:
            raise RuntimeError("store is not attached to a running server")

        async def guarded() -> None:
            try:
                await func(*args)
            except Exception:
                log.exception("background task %s failed", name or getattr(func, "__name__", func))

        self._task_group.start_soon(guarded, name=name)

    # -- persistence -----------------------------------------------------------------

    def commit(self) -> None:
        """Write what changed to the data directory (nothing without one)."""
        if self.persistence is not None:
            self.persistence.sync(self)

    # -- auth ------------------------------------------------------------------------

    def authenticate(self, token: str) -> Principal | None:
        """The principal behind a bearer token, or ``None``."""
        if token == self.settings.api_key:
            return self.root_principal
        for key in self.api_keys.values():
            if key.token == token:
                if key.status != "active":
                    return None
                if key.expires_at is not None:
                    expiry = parse_iso(key.expires_at)
                    if expiry is not None and expiry < now():
                        return None
                key.last_used_at = now()
                return Principal(
                    key_id=key.id,
                    token=token,
                    is_root=False,
                    scopes=tuple(key.scopes),
                    external_user_id=key.external_user_id,
                )
        return None

    def authenticate_intelligence(self, token: str) -> Principal | None:
        """The principal behind an active Intelligence key (``msk_i_...``), or ``None``.

        Such a key is only good for the Intelligence routes (the gateway decides where it
        is asked)."""
        entry = self.records.get(INTELLIGENCE_SECRETS, {}).get(secret_digest(token), {})
        key = self.records.get(INTELLIGENCE_KEYS, {}).get(str(entry.get("key_id")))
        if key is None or key.get("status") != "active":
            return None
        key["last_used_at"] = iso(now())
        return Principal(
            key_id=str(key["id"]), token=token, is_root=False, scopes=("intelligence",)
        )

    # -- audit ---------------------------------------------------------------------

    def record_audit(
        self,
        principal: Principal,
        action: str,
        resource_id: str | None,
        metadata: JSON,
        ip_address: str | None = None,
    ) -> JSON:
        """Append an audit entry; the oldest fall off past ``MAX_AUDIT``."""
        created = iso(now())
        resource_type = action.split(".", 1)[0]
        entry: JSON = {
            "id": new_id("aud", 10),
            "action": action,
            "type": action,
            "actor_id": principal.key_id,
            "actor_type": "api_key",
            "resource_type": resource_type,
            "resource": resource_type,
            "resource_id": resource_id,
            "metadata": metadata,
            "ip_address": ip_address,
            "tenant_id": self.settings.tenant_id,
            "created_at": created,
            "inserted_at": created,
        }
        self.audit.append(entry)
        if len(self.audit) > MAX_AUDIT:
            del self.audit[: len(self.audit) - MAX_AUDIT]
        return entry

    # -- events ----------------------------------------------------------------------

    def emit(self, type_: str, data: JSON, sandbox: Sandbox | None = None) -> Event:
        """Publish an event to its sandbox's stream, the tenant stream and the listeners."""
        payload: JSON = {
            "data": data,
            "timestamp": iso(now()),
            "tenant_id": self.settings.tenant_id,
        }
        if sandbox is not None:
            payload["sandbox_id"] = sandbox.id
            sandbox.events.publish(type_, payload)
        event = self.tenant_events.publish(type_, payload)
        for listener in list(self.listeners):
            try:
                listener(event, sandbox)
            except Exception:
                log.exception("event listener failed for %s", type_)
        return event

    def new_sandbox_id(self, prefix: str = "sbx") -> str:
        """A fresh, unused sandbox id (computers, sandboxes under another name, use ``cmp``)."""
        while True:
            ident = new_id(prefix)
            if ident not in self.sandboxes:
                return ident
