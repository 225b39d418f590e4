"""``python -m miosa.local``: run the local MIOSA-compatible server until interrupted."""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from .server import LocalServer

LOOPBACK = ("127.0.0.1", "::1", "localhost")
# What the ``local`` extra installs (pyproject.toml); the server needs all three.
EXTRA_MODULES = ("starlette", "uvicorn", "websockets")
MISSING_EXTRA = (
    "python -m miosa.local needs the 'local' extra, which is not installed "
    "(no module named {name!r}).\nInstall it with: pip install 'miosa[local]'"
)


def missing_extra_module() -> str | None:
    """The first module of the ``local`` extra that cannot be imported, or None."""
    for name in EXTRA_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m miosa.local",
        description="Run a local MIOSA-compatible API server (sandboxes are directories on disk).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default 0: a free port)")
    parser.add_argument("--api-key", default=None, help="API key to accept (default: generated)")
    parser.add_argument(
        "--root", default=None, help="data directory (default: a temporary one removed at exit)"
    )
    parser.add_argument(
        "--data-dir",
        default=None,
        help="keep state here (SQLite) and in its sandboxes/ across restarts; implies --root",
    )
    parser.add_argument(
        "--isolation",
        choices=("auto", "bwrap", "userns", "none"),
        default="auto",
        help="confine commands with bubblewrap, else a user namespace (auto: the strongest "
        "that works here), or run them directly on the host (none)",
    )
    parser.add_argument(
        "--max-processes",
        type=_limit,
        default=1024,
        help="processes a sandbox may run at once (0: unlimited; default 1024)",
    )
    parser.add_argument(
        "--cpu-seconds",
        type=_limit,
        default=3600,
        help="CPU seconds one sandbox process may use (0: unlimited; default 3600)",
    )
    parser.add_argument(
        "--heartbeat", type=float, default=15.0, help="SSE keep-alive interval in seconds"
    )
    parser.add_argument(
        "--webhook-signature",
        choices=("sha256", "timestamped"),
        default="sha256",
        help="X-Miosa-Signature format: sha256=<hex> or t=<unix>,v1=<hex>",
    )
    return parser.parse_args(argv)


def _limit(text: str) -> int | None:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value or None


def main(argv: Sequence[str] | None = None) -> int:
    """Start the server, print how to reach it, serve until SIGINT/SIGTERM."""
    args = parse_args(argv)
    missing = missing_extra_module()
    if missing is not None:
        print(MISSING_EXTRA.format(name=missing), file=sys.stderr)
        return 1
    server = LocalServer(
        api_key=args.api_key,
        root=args.root,
        data_dir=args.data_dir,
        isolation=args.isolation,
        heartbeat_interval=args.heartbeat,
        port=args.port,
        host=args.host,
        webhook_signature=args.webhook_signature,
        max_processes=args.max_processes,
        cpu_seconds=args.cpu_seconds,
    )
    server.start()
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    print(f"MIOSA local server: {server.base_url}", flush=True)
    print(f"API key: {server.api_key}", flush=True)
    print(f"Data directory: {server.root}", flush=True)
    if server.data_dir is not None:
        print("State: kept in the data directory across restarts", flush=True)
    if server.isolation == "bwrap":
        print("Isolation: bubblewrap (/workspace is the sandbox directory)", flush=True)
    elif server.isolation == "userns":
        print("Isolation: user namespace (/workspace is the sandbox directory)", flush=True)
    else:
        print("Isolation: NONE - commands run directly on this host", file=sys.stderr, flush=True)
    if args.host not in LOOPBACK:
        print(f"WARNING: listening on {args.host}, reachable beyond this machine", file=sys.stderr)
    print(f"export MIOSA_BASE_URL={server.base_url} MIOSA_API_KEY={server.api_key}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
