# This file was generated from
#   src/miosa/_async/resources/computers/inbox.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.inbox``: the inbox configuration at ``/computers/{id}/inbox``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import merge
from ....types._base import JSONObject
from ..._resource import ScopedResource


class ComputerInbox(ScopedResource):
    """``computer.inbox``: read and change the computer's inbox configuration."""

    def get(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """The inbox configuration. ``GET /computers/{computer_id}/inbox``."""
        return self._object("GET", self._prefix + "/inbox", JSONObject, options=options)

    def update(
        self, fields: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> JSONObject:
        """Change inbox fields (passed through). ``PATCH /computers/{computer_id}/inbox``."""
        return self._object(
            "PATCH", self._prefix + "/inbox", JSONObject, json=merge({}, fields), options=options
        )
