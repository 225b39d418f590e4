"""Quickstart: the seed's first request, against the local MIOSA server.

    pip install -e '.[local]' && python examples/quickstart.py

Starts `miosa.local.LocalServer` on 127.0.0.1 (no API key, no network), creates a
sandbox, runs a command in it and destroys it; then runs the white-label integrator's
ten steps (`examples/white_label.py`) against the same server, webhooks included. Point
the same code at the real API by setting ``MIOSA_API_KEY`` and using ``Miosa()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from miosa import Miosa
from miosa.local import LocalServer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import white_label


def first_request(client: Miosa) -> str:
    """The seed's first request: create, exec, destroy."""
    with client.sandboxes.create(template_id="miosa-sandbox", name="quickstart") as sandbox:
        print(f"created sandbox {sandbox.id} ({sandbox.state})")
        result = sandbox.exec.run("python3 -c 'print(1 + 1)'")
        print(f"exec: exit {result.exit_code}, stdout {result.stdout.strip()!r}")
    print(f"destroyed sandbox {sandbox.id}")
    return result.stdout.strip()


def main() -> None:
    with LocalServer() as server:
        print(f"local MIOSA server at {server.base_url}")
        with Miosa(api_key=server.api_key, base_url=server.base_url) as client:
            if first_request(client) != "2":
                raise SystemExit("the first request did not print 2")
            print("\nthe white-label integrator's flow:")
            with white_label.WebhookReceiver() as receiver:
                result = white_label.run(client, receiver)
            print(
                f"verified {len(result.deliveries)} webhook deliveries, "
                f"rejected {len(result.rejected)}"
            )


if __name__ == "__main__":
    main()
