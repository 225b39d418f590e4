"""``LocalServer``: the local MIOSA-compatible server on a background thread."""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import socket
import tempfile
import threading
import time
from concurrent.futures import Future
from contextlib import AbstractContextManager, suppress
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from .common import MIB
from .faults import API_PREFIX, Fault, FaultPlan
from .persist import Persistence, stored_api_key
from .recording import RecordedRequest, RequestLog

if TYPE_CHECKING:
    import uvicorn
    from anyio.from_thread import BlockingPortal

    from .state import Store

log = logging.getLogger("miosa.local")

START_TIMEOUT = 15.0
STOP_TIMEOUT = 5.0


def process_limit_kind(mode: str, have_cgroups: bool) -> str | None:
    """What enforces ``max_processes``: a pids cgroup, ``RLIMIT_NPROC``, or nothing.

    ``RLIMIT_NPROC`` needs a user namespace of the command's own (it counts every process
    of the user otherwise), and the kernel never applies it to root.
    """
    if have_cgroups:
        return "cgroup"
    if mode != "none" and os.geteuid() != 0:
        return "rlimit"
    return None


def generate_api_key() -> str:
    """A fresh ``msk_local_...`` key."""
    return "msk_local_" + secrets.token_hex(16)


class LocalServer:
    """A real HTTP server implementing the MIOSA wire contract on 127.0.0.1.

    Use ``with LocalServer() as srv:`` or ``async with LocalServer() as srv:`` (asyncio
    or Trio: the server always runs on its own thread and event loop), or call
    :meth:`start` / :meth:`stop`. ``srv.base_url`` and ``srv.api_key`` are what a client
    needs. Faults are scripted with :meth:`inject`; every request is kept in
    :attr:`requests`.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        root: str | Path | None = None,
        data_dir: str | Path | None = None,
        isolation: Literal["auto", "bwrap", "userns", "none"] = "auto",
        heartbeat_interval: float = 15.0,
        port: int = 0,
        host: str = "127.0.0.1",
        webhook_signature: Literal["sha256", "timestamped"] = "sha256",
        max_body_bytes: int = 256 * MIB,
        max_processes: int | None = 1024,
        cpu_seconds: int | None = 3600,
    ) -> None:
        if isolation not in ("auto", "bwrap", "userns", "none"):
            raise ValueError("isolation must be 'auto', 'bwrap', 'userns' or 'none'")
        for name, limit in (("max_processes", max_processes), ("cpu_seconds", cpu_seconds)):
            if limit is not None and (isinstance(limit, bool) or limit < 1):
                raise ValueError(f"{name} must be a positive integer or None")
        if webhook_signature not in ("sha256", "timestamped"):
            raise ValueError("webhook_signature must be 'sha256' or 'timestamped'")
        if heartbeat_interval <= 0:
            raise ValueError("heartbeat_interval must be > 0")
        self.data_dir = Path(data_dir).resolve() if data_dir is not None else None
        if self.data_dir is not None:
            if root is not None and Path(root).resolve() != self.data_dir:
                raise ValueError("give root or data_dir, not both (data_dir is the root)")
            root = self.data_dir
            # The key of the last run on this data directory, unless another is given.
            api_key = api_key or stored_api_key(self.data_dir)
        self.api_key: str = api_key or generate_api_key()
        self.host = host
        self.port = port
        self.isolation_requested = isolation
        self.isolation: str | None = None
        self.process_limit: str | None = None
        self.heartbeat_interval = float(heartbeat_interval)
        self.webhook_signature = webhook_signature
        self.max_body_bytes = max_body_bytes
        self.max_processes = max_processes
        self.cpu_seconds = cpu_seconds
        self._root_arg = Path(root) if root is not None else None
        self.root: Path | None = None
        self._owns_root = False
        self._faults = FaultPlan()
        self._requests = RequestLog()
        self._lock = threading.Lock()
        self._portal_cm: AbstractContextManager[BlockingPortal] | None = None
        self._portal: BlockingPortal | None = None
        self._uvicorn: uvicorn.Server | None = None
        self._store: Store | None = None
        self._serving: Future[None] | None = None

    # -- addresses -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://host:port`` (no path)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/api/v1``: every contract path hangs off it."""
        return self.url + API_PREFIX

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._portal is not None

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> LocalServer:
        """Bind, start serving and return once requests are accepted."""
        with self._lock:
            if self._portal is not None:
                raise RuntimeError("LocalServer is already running")
            try:
                self._start()
            except BaseException:
                self._teardown()
                raise
        return self

    def _start(self) -> None:
        import anyio.from_thread
        import uvicorn

        from .app import build_app
        from .config import Settings
        from .confine import PidsCgroups
        from .runner import resolve_isolation
        from .state import Store

        isolation = resolve_isolation(self.isolation_requested)
        self.isolation = isolation.mode
        if self._root_arg is None:
            self.root = Path(tempfile.mkdtemp(prefix="miosa-local-"))
            self._owns_root = True
        else:
            self.root = self._root_arg.resolve()
            self.root.mkdir(parents=True, exist_ok=True)
        settings = Settings(
            api_key=self.api_key,
            root=self.root,
            isolation=isolation.mode,
            bwrap_path=isolation.bwrap,
            unshare_path=isolation.unshare,
            heartbeat_interval=self.heartbeat_interval,
            webhook_signature=self.webhook_signature,
            max_body_bytes=self.max_body_bytes,
            max_processes=self.max_processes,
            cpu_seconds=self.cpu_seconds,
        )
        for directory in (
            settings.sandboxes_dir,
            settings.snapshots_dir,
            settings.tmp_dir,
            settings.namespace_root,
        ):
            directory.mkdir(parents=True, exist_ok=True)
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted connections only
        # when the listening socket says TCP, and without it every reply waits ~40 ms (Nagle).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        self.port = sock.getsockname()[1]
        store = Store(settings)
        if self.data_dir is not None:
            store.persistence = Persistence(self.data_dir)
            store.persistence.set_meta("api_key", self.api_key)
        if settings.max_processes is not None:
            store.cgroups = PidsCgroups.create()
            self.process_limit = process_limit_kind(isolation.mode, store.cgroups is not None)
            if self.process_limit is None:
                log.warning(
                    "miosa.local: max_processes=%d is not enforced here (%s)",
                    settings.max_processes,
                    "running as root without a writable pids cgroup"
                    if isolation.mode != "none"
                    else "no isolation and no writable pids cgroup",
                )
        config = uvicorn.Config(
            build_app(store, self._faults, self._requests),
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            http="h11",
            ws="auto",
            proxy_headers=False,
            server_header=False,
            timeout_graceful_shutdown=1,
            timeout_keep_alive=5,
        )
        server = uvicorn.Server(config)
        self._store, self._uvicorn = store, server
        self._portal_cm = anyio.from_thread.start_blocking_portal("asyncio")
        self._portal = self._portal_cm.__enter__()
        self._serving = self._portal.start_task_soon(self._serve, server, store, sock)
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if self._serving.done():
                self._serving.result()
                raise RuntimeError("local server exited during startup")
            if time.monotonic() > deadline:
                raise TimeoutError("local server did not start in time")
            time.sleep(0.005)

    @staticmethod
    async def _serve(server: uvicorn.Server, store: Store, sock: socket.socket) -> None:
        import anyio

        from .lifecycle import run_background, shutdown

        if store.persistence is not None:
            # On the loop thread: the records hold loop-bound objects (events).
            store.persistence.load(store, store.replies)
            store.replies.persistence = store.persistence
        async with anyio.create_task_group() as tg:
            store.attach(tg)
            run_background(store)
            try:
                await server.serve(sockets=[sock])
            finally:
                with anyio.CancelScope(shield=True):
                    await shutdown(store)
                tg.cancel_scope.cancel()

    def stop(self) -> None:
        """Stop serving, kill sandbox processes, remove a temporary root (idempotent)."""
        with self._lock:
            self._teardown()

    def _teardown(self) -> None:
        portal, server, store = self._portal, self._uvicorn, self._store
        if portal is not None and store is not None:
            from .lifecycle import begin_shutdown

            with suppress(Exception):
                portal.call(begin_shutdown, store)
        if server is not None:
            server.should_exit = True
        if self._serving is not None:
            try:
                self._serving.result(timeout=STOP_TIMEOUT)
            except Exception:
                if server is not None:
                    server.force_exit = True
        if self._portal_cm is not None:
            with suppress(Exception):
                self._portal_cm.__exit__(None, None, None)
        self._portal_cm = self._portal = None
        self._uvicorn = self._store = None
        self._serving = None
        if self._owns_root and self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self._owns_root = False

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> LocalServer:
        import anyio.to_thread

        await anyio.to_thread.run_sync(self.start)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        import anyio
        import anyio.to_thread

        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(self.stop)

    # -- test helpers --------------------------------------------------------------------

    def inject(self, method: str, path: str, *faults: Fault) -> None:
        """Queue ``faults`` for requests to ``method`` (``"*"`` = any) and ``path``.

        ``path`` is relative to ``/api/v1``: a route template (``/sandboxes/{sandbox_id}``)
        or a glob where ``*`` matches one segment and ``**`` any number of them. Matching
        requests consume the faults in order, one each, then behave normally.
        """
        self._faults.add(method, path, faults)

    def clear_faults(self) -> None:
        """Drop every fault not consumed yet."""
        self._faults.clear()

    @property
    def pending_faults(self) -> int:
        """Faults queued and not consumed yet."""
        return self._faults.pending

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far (a copy), oldest first."""
        return self._requests.snapshot()

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        self._requests.clear()

    def set_heartbeat_interval(self, seconds: float) -> None:
        """Change the SSE keep-alive interval (applies to open streams too)."""
        if seconds <= 0:
            raise ValueError("heartbeat interval must be > 0")
        self.heartbeat_interval = float(seconds)
        if self._store is not None:
            self._store.settings.heartbeat_interval = float(seconds)

    def client(self, **kwargs: Any) -> Any:
        """A ``miosa.Miosa`` client pointed at this server."""
        from miosa import Miosa

        return Miosa(api_key=self.api_key, base_url=self.base_url, **kwargs)

    def async_client(self, **kwargs: Any) -> Any:
        """A ``miosa.AsyncMiosa`` client pointed at this server."""
        from miosa import AsyncMiosa

        return AsyncMiosa(api_key=self.api_key, base_url=self.base_url, **kwargs)

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<LocalServer {self.base_url} {state}>"
