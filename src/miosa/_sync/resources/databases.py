# This file was generated from
#   src/miosa/_async/resources/databases.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Managed databases: ``/databases``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..._concurrency import sleep
from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ..._core.waiters import DEFAULT_FIRST_DELAY, Poller
from ..._events import parse_event
from ..._groups.platform import DATABASE_READY, query_with
from ...types.databases import (
    Database,
    DatabaseCredentials,
    DatabaseLogs,
    DatabasePublicNetworking,
)
from ...types.events import Event
from .._resource import APIResource
from ..streams import EventStream

if TYPE_CHECKING:
    from ..._pager import Page


def _database_path(database_id: str) -> str:
    return route("/databases/{database_id}", database_id=database_id)


class Databases(APIResource):
    """``client.databases``: create, run and inspect managed databases."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        state: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[Database]:
        """List databases. ``GET /databases``; ``extra`` adds query parameters."""
        params = query_with(extra, limit=limit, cursor=cursor, state=state)
        return self._page(
            "/databases",
            Database,
            params=params,
            keys=("data", "items", "databases"),
            options=options,
        )

    def get(self, database_id: str, **options: Unpack[RequestOptions]) -> Database:
        """Fetch a database. ``GET /databases/{database_id}``."""
        return self._object("GET", _database_path(database_id), Database, options=options)

    def create(
        self,
        *,
        name: str,
        engine: str | NotGiven = NOT_GIVEN,
        engine_version: str | NotGiven = NOT_GIVEN,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
        storage_mb: int | NotGiven = NOT_GIVEN,
        region: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Database:
        """Create a database (e.g. ``engine="postgresql"``). ``POST /databases``.

        The database starts provisioning; `wait_until_ready` waits for it.
        ``extra`` adds body keys this SDK does not name.
        """
        payload = body(
            name=name,
            engine=engine,
            engine_version=engine_version,
            cpu_count=cpu_count,
            memory_mb=memory_mb,
            storage_mb=storage_mb,
            region=region,
            workspace_id=workspace_id,
            project_id=project_id,
            environment_id=environment_id,
            external_workspace_id=external_workspace_id,
            external_user_id=external_user_id,
            external_project_id=external_project_id,
            metadata=metadata,
        )
        return self._object(
            "POST",
            "/databases",
            Database,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def delete(self, database_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a database. ``DELETE /databases/{database_id}``."""
        self._none("DELETE", _database_path(database_id), options=options)

    def start(self, database_id: str, **options: Unpack[RequestOptions]) -> Database:
        """Start a stopped database. ``POST /databases/{database_id}/start``."""
        return self._object(
            "POST", _database_path(database_id) + "/start", Database, options=options
        )

    def stop(self, database_id: str, **options: Unpack[RequestOptions]) -> Database:
        """Stop a database. ``POST /databases/{database_id}/stop``."""
        return self._object(
            "POST", _database_path(database_id) + "/stop", Database, options=options
        )

    def restart(self, database_id: str, **options: Unpack[RequestOptions]) -> Database:
        """Restart a database. ``POST /databases/{database_id}/restart``."""
        return self._object(
            "POST", _database_path(database_id) + "/restart", Database, options=options
        )

    def credentials(
        self, database_id: str, **options: Unpack[RequestOptions]
    ) -> DatabaseCredentials:
        """Connection credentials (secret). ``GET /databases/{database_id}/credentials``."""
        return self._object(
            "GET",
            _database_path(database_id) + "/credentials",
            DatabaseCredentials,
            unwrap=("data", "credentials"),
            options=options,
        )

    def logs(
        self,
        database_id: str,
        *,
        lines: int | None = None,
        since: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> DatabaseLogs:
        """Recent log lines. ``GET /databases/{database_id}/logs``."""
        return self._object(
            "GET",
            _database_path(database_id) + "/logs",
            DatabaseLogs,
            params=query(lines=lines, since=since),
            options=options,
        )

    def stream_logs(self, database_id: str) -> EventStream[Event]:
        """Follow the database's log as server-sent events.

        ``GET /databases/{database_id}/logs/stream``; use as
        ``with client.databases.stream_logs(id) as logs: for event in logs``.
        Each event's ``data`` is the decoded JSON line.
        """
        return self._events(_database_path(database_id) + "/logs/stream", parse_event)

    def public_networking(
        self, database_id: str, **options: Unpack[RequestOptions]
    ) -> DatabasePublicNetworking:
        """Whether the database is reachable from the internet.

        ``GET /databases/{database_id}/public-networking``.
        """
        return self._object(
            "GET",
            _database_path(database_id) + "/public-networking",
            DatabasePublicNetworking,
            options=options,
        )

    def enable_public_networking(
        self,
        database_id: str,
        *,
        allowlist: Sequence[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> DatabasePublicNetworking:
        """Open the database to the internet, to ``allowlist`` addresses (CIDRs) if given.

        ``POST /databases/{database_id}/public-networking``.
        """
        allowed = allowlist if isinstance(allowlist, NotGiven) else list(allowlist)
        return self._object(
            "POST",
            _database_path(database_id) + "/public-networking",
            DatabasePublicNetworking,
            json=body(allowlist=allowed),
            options=options,
        )

    def disable_public_networking(
        self, database_id: str, **options: Unpack[RequestOptions]
    ) -> DatabasePublicNetworking:
        """Close the database to the internet again.

        ``DELETE /databases/{database_id}/public-networking``.
        """
        return self._object(
            "DELETE",
            _database_path(database_id) + "/public-networking",
            DatabasePublicNetworking,
            options=options,
        )

    def wait_until_ready(
        self,
        database_id: str,
        *,
        timeout: float = 600.0,
        poll_interval: float = DEFAULT_FIRST_DELAY,
    ) -> Database:
        """Poll ``GET /databases/{database_id}`` until the database is up.

        Up means state ``running``, ``ready``, ``available`` or ``active``; ``failed``
        or ``error`` raise `miosa.MiosaError`; `miosa.APITimeoutError` after ``timeout``
        seconds. Polls every ``poll_interval`` seconds, growing by half up to 10 s.
        """
        poller = Poller(DATABASE_READY, database_id, timeout=timeout, first_delay=poll_interval)
        while True:
            database = self.get(database_id)
            delay = poller.next_delay(database.state)
            if delay is None:
                return database
            sleep(delay)
