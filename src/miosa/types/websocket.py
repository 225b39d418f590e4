"""Where to open a WebSocket the API serves (the SDK's HTTP client cannot speak WebSocket)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = ["WebSocketTarget"]


@attrs.frozen(kw_only=True)
class WebSocketTarget:
    """Everything a WebSocket library needs to connect: URL, headers and subprotocol.

    The headers include the credential; do not log them.
    """

    url: str
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    subprotocol: str | None = None


def websocket_target(
    base_url: str,
    path: str,
    headers: Mapping[str, str],
    *,
    subprotocol: str | None = None,
    query: str = "",
) -> WebSocketTarget:
    """The ``ws(s)://`` URL for an API path, with the auth and tenant headers to send."""
    scheme, rest = base_url.split("://", 1)
    ws_scheme = "wss" if scheme == "https" else "ws"
    url = f"{ws_scheme}://{rest}{path}" + (f"?{query}" if query else "")
    wanted = ("Authorization", "User-Agent", "X-MIOSA-Tenant")
    keep = {k: v for k, v in headers.items() if k in wanted}
    if subprotocol:
        keep["Sec-WebSocket-Protocol"] = subprotocol
    return WebSocketTarget(url=url, headers=keep, subprotocol=subprotocol)
