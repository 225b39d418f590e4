# This file was generated from
#   src/miosa/_async/resources/egress/audit.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.audit``: the log of every request the egress proxy allowed or denied."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...._concurrency import sleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import route
from ...._groups.egress import AUDIT_LIST_KEYS, AUDIT_PATH, AuditCursor
from ...._groups.platform import query_with
from ....types.egress import EgressAuditEvent
from ..._resource import APIResource

if TYPE_CHECKING:
    from ...._pager import Page


class EgressAudit(APIResource):
    """``client.audit``: egress audit events, paged or tailed as they arrive."""

    def list(
        self,
        *,
        resource_id: str | None = None,
        resource_type: str | None = None,
        host: str | None = None,
        action: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[EgressAuditEvent]:
        """Audit events, filtered. ``GET /egress/audit``; iterate the page for all of them.

        ``since``/``until`` take ISO 8601 timestamps; ``action`` is the verdict
        (``allow``/``deny``).
        """
        params = query_with(
            extra,
            resource_id=resource_id,
            resource_type=resource_type,
            host=host,
            action=action,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
        )
        return self._page(
            AUDIT_PATH, EgressAuditEvent, params=params, keys=AUDIT_LIST_KEYS, options=options
        )

    def get(self, event_id: str, **options: Unpack[RequestOptions]) -> EgressAuditEvent:
        """One audit event. ``GET /egress/audit/{event_id}``."""
        path = route("/egress/audit/{event_id}", event_id=event_id)
        return self._object(
            "GET", path, EgressAuditEvent, unwrap=("data", "event"), options=options
        )

    def tail(
        self,
        *,
        resource_id: str | None = None,
        resource_type: str | None = None,
        host: str | None = None,
        action: str | None = None,
        since: str | None = None,
        poll_interval: float = 2.0,
        extra: Mapping[str, Any] | None = None,
    ) -> EgressAuditTail:
        """Audit events as they are logged, polling ``GET /egress/audit``.

        ``for event in client.audit.tail(host="api.github.com"): ...`` runs until the
        loop breaks. Each poll asks for events since the newest one seen and each event is
        yielded once. Without ``since`` it starts with what the log holds now. No
        connection is held between polls, so there is nothing to close.
        """
        params = query_with(
            extra, resource_id=resource_id, resource_type=resource_type, host=host, action=action
        )
        return EgressAuditTail(self, params, AuditCursor(since), poll_interval)


class EgressAuditTail:
    """An iterator over egress audit events, one poll whenever it runs dry."""

    def __init__(
        self,
        audit: EgressAudit,
        params: dict[str, str],
        cursor: AuditCursor,
        poll_interval: float,
    ) -> None:
        self._audit = audit
        self._params = params
        self._cursor = cursor
        self._poll_interval = poll_interval
        self._ready: deque[EgressAuditEvent] = deque()
        self._polled = False

    def __iter__(self) -> EgressAuditTail:
        return self

    def __next__(self) -> EgressAuditEvent:
        while not self._ready:
            if self._polled:
                sleep(self._poll_interval)
            self._polled = True
            since = self._cursor.since
            params = self._params if since is None else {**self._params, "since": since}
            events = self._audit._list(
                "GET", AUDIT_PATH, EgressAuditEvent, params=params, keys=AUDIT_LIST_KEYS
            )
            self._ready.extend(self._cursor.fresh(events, lambda e: e.raw))
        return self._ready.popleft()
