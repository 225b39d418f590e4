"""``python3 -m miosa.ssh_tunnel <sandbox id>``: OpenSSH's ``ProxyCommand`` for sandboxes.

It relays stdin to the sandbox's SSH tunnel (``WS /sandboxes/{id}/ssh-tunnel``) and the
tunnel back to stdout, authenticated like the client (``MIOSA_API_KEY``, or
``MIOSA_ACCESS_TOKEN``; ``MIOSA_BASE_URL`` for another host)::

    Host miosa
        HostName <sandbox id>
        User root
        ProxyCommand python3 -m miosa.ssh_tunnel %h

``client.ssh.command`` and ``client.ssh.config_snippet`` render exactly this. It needs the
``websockets`` package: ``pip install "miosa[ssh]"``.
"""

from __future__ import annotations

import sys
import threading
from typing import BinaryIO

_CHUNK = 65536


def relay(sandbox_id: str, source: BinaryIO, sink: BinaryIO) -> None:
    """Pump ``source`` into the tunnel and the tunnel into ``sink`` until either side ends."""
    try:
        from websockets.exceptions import ConnectionClosed
        from websockets.sync.client import connect
    except ImportError:  # pragma: no cover - depends on the environment
        raise SystemExit(
            'miosa.ssh_tunnel needs the websockets package: pip install "miosa[ssh]"'
        ) from None
    from ._sync.client import Miosa

    with Miosa() as client:
        target = client.ws.ssh_tunnel(sandbox_id)
    with connect(target.url, additional_headers=dict(target.headers)) as socket:
        read = getattr(source, "read1", source.read)

        def upstream() -> None:
            try:
                while chunk := read(_CHUNK):
                    socket.send(chunk)
            except (ConnectionClosed, OSError):
                pass
            finally:
                socket.close()

        sender = threading.Thread(target=upstream, daemon=True)
        sender.start()
        try:
            for message in socket:
                sink.write(message.encode() if isinstance(message, str) else message)
                sink.flush()
        except ConnectionClosed:
            pass


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not args[0]:
        print("usage: python3 -m miosa.ssh_tunnel <sandbox id>", file=sys.stderr)
        return 2
    relay(args[0], sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
