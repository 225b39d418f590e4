# This file was generated from
#   src/miosa/_async/resources/computers/auto_stop.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.auto_stop``: idle auto-stop under ``/computers/{id}/auto-stop``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ....types._base import JSONObject
from ..._resource import ScopedResource


class ComputerAutoStop(ScopedResource):
    """``computer.auto_stop``: stop the computer after it has been idle."""

    def get(self, **options: Unpack[RequestOptions]) -> JSONObject:
        """The idle auto-stop configuration. ``GET /computers/{computer_id}/auto-stop``."""
        return self._object("GET", self._prefix + "/auto-stop", JSONObject, options=options)

    def update(self, seconds: int, **options: Unpack[RequestOptions]) -> JSONObject:
        """Stop after `seconds` idle (0 disables). ``PATCH /computers/{computer_id}/auto-stop``."""
        return self._object(
            "PATCH",
            self._prefix + "/auto-stop",
            JSONObject,
            json={"seconds": seconds},
            options=options,
        )
