# This file was generated from
#   src/miosa/_async/resources/builder_sessions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Builder UI sessions (durable, cross-device builder state)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import body, route
from ..._groups.platform import query_with
from ...types.builder_sessions import BuilderSession
from .._resource import APIResource


def _session_path(session_id: str) -> str:
    return route("/builder/sessions/{session_id}", session_id=session_id)


class BuilderSessions(APIResource):
    """``client.builder_sessions``."""

    def list(
        self,
        *,
        limit: int | None = 50,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[BuilderSession]:
        """List builder sessions (50 by default). ``GET /builder/sessions``.

        ``extra`` adds further query parameters, sent as given.
        """
        params = query_with(extra, limit=limit)
        return self._list(
            "GET",
            "/builder/sessions",
            BuilderSession,
            params=params,
            keys=("data", "items", "sessions"),
            options=options,
        )

    def get(self, session_id: str) -> BuilderSession | None:
        """One session by id, or None. ``GET /builder/sessions`` filtered here.

        The API has no per-session route, so this searches the first ``list()`` page.
        """
        return next((s for s in self.list() if s.id == session_id), None)

    def update_title(
        self, session_id: str, *, title: str, **options: Unpack[RequestOptions]
    ) -> BuilderSession:
        """Rename a session. ``PATCH /builder/sessions/{session_id}/title``."""
        return self._object(
            "PATCH",
            _session_path(session_id) + "/title",
            BuilderSession,
            json=body(title=title),
            options=options,
        )

    def delete(self, session_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a session. ``DELETE /builder/sessions/{session_id}``."""
        self._none("DELETE", _session_path(session_id), options=options)
