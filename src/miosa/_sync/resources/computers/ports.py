# This file was generated from
#   src/miosa/_async/resources/computers/ports.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``computer.ports``: exposed ports under ``/computers/{id}/ports``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ....types.computers import ComputerPort
from ..._resource import ScopedResource

_PORT_KEYS = ("data", "ports", "items")


class ComputerPorts(ScopedResource):
    """``computer.ports``: expose ports and control who may reach them."""

    def _port_path(self, port: int) -> str:
        return self._prefix + route("/ports/{port}", port=port)

    def list(self, **options: Unpack[RequestOptions]) -> list[ComputerPort]:
        """Every exposed port. ``GET /computers/{computer_id}/ports``."""
        return self._list(
            "GET", self._prefix + "/ports", ComputerPort, keys=_PORT_KEYS, options=options
        )

    def get(self, port: int) -> ComputerPort | None:
        """One port from the list, or None (there is no single-port read).

        ``GET /computers/{computer_id}/ports``.
        """
        wanted = str(port)
        return next((p for p in self.list() if str(p.port) == wanted), None)

    def create(
        self,
        port: int,
        *,
        visibility: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ComputerPort:
        """Expose a port. ``POST /computers/{computer_id}/ports``.

        ``extra`` passes further visibility/auth options through verbatim.
        """
        payload = merge(body(port=port, visibility=visibility), extra)
        return self._object(
            "POST", self._prefix + "/ports", ComputerPort, json=payload, options=options
        )

    def update(
        self,
        port: int,
        *,
        visibility: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ComputerPort:
        """Change a port's visibility/auth options.

        ``PATCH /computers/{computer_id}/ports/{port}``.
        """
        payload = merge(body(visibility=visibility), extra)
        return self._object(
            "PATCH", self._port_path(port), ComputerPort, json=payload, options=options
        )

    def delete(self, port: int, **options: Unpack[RequestOptions]) -> None:
        """Stop exposing a port. ``DELETE /computers/{computer_id}/ports/{port}``."""
        self._none("DELETE", self._port_path(port), options=options)
