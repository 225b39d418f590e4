"""Drive the vendor's published client (``miosa==2.19.2``) through the platform groups.

Run it with an interpreter that has ``miosa==2.19.2`` installed (not this project's
environment: both import as ``miosa``), against a server given by ``MIOSA_BASE_URL``
and ``MIOSA_API_KEY`` (``python -m miosa.local`` prints both)::

    MIOSA_BASE_URL=... MIOSA_API_KEY=... /path/to/venv/bin/python flows_platform.py

Every flow uses only the client's public API. One line is printed per flow
(``ok <flow>`` or ``FAIL <flow>: <reason>``); all flows run even when one fails, and
the exit status is 1 when any failed.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import miosa

Flow = Callable[[Any], None]


class FlowError(AssertionError):
    """A flow saw something a working server would not have produced."""


def check(condition: object, message: str) -> None:
    if not condition:
        raise FlowError(message)


# -- a receiver for webhook deliveries ----------------------------------------------------


class Receiver:
    """A local HTTP endpoint that records what is POSTed to it."""

    def __init__(self) -> None:
        self.received: queue.Queue[tuple[dict[str, str], bytes]] = queue.Queue()
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                received.put(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/hooks"

    def next(self, timeout: float = 10.0) -> tuple[dict[str, str], bytes]:
        try:
            return self.received.get(timeout=timeout)
        except queue.Empty:
            raise FlowError(f"no delivery arrived within {timeout}s") from None

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _secret_of(created: dict[str, Any]) -> str:
    secret = created.get("secret")
    check(isinstance(secret, str) and secret, f"create reply lost the signing secret: {created}")
    return str(secret)


# -- flows --------------------------------------------------------------------------------


def flow_webhooks(client: Any) -> None:
    receiver = Receiver()
    try:
        created = client.webhooks.create(
            url=receiver.url,
            events=["sandbox.created", "sandbox.destroyed"],
            description="interop flow",
        )
        hook_id = created.get("id")
        check(isinstance(hook_id, str) and hook_id, f"create reply has no id: {created}")
        secret = _secret_of(created)
        check(created.get("url") == receiver.url, f"create reply url: {created.get('url')!r}")

        listed = client.webhooks.list()
        check(any(h.get("id") == hook_id for h in listed), f"list misses {hook_id}: {listed}")

        fetched = client.webhooks.get(hook_id)
        check(fetched.get("id") == hook_id, f"get returned {fetched}")
        check(fetched.get("secret") in (None, ""), "get must not reveal the secret")

        updated = client.webhooks.update(hook_id, events=["sandbox.*"], description="changed")
        check(updated.get("events") == ["sandbox.*"], f"update events: {updated.get('events')}")
        check(updated.get("description") == "changed", f"update description: {updated}")

        delivery = client.webhooks.test(hook_id)
        check(isinstance(delivery, dict), f"test reply is not an object: {delivery!r}")
        headers, body = receiver.next()
        signature = headers.get("x-miosa-signature", "")
        check(signature, f"delivery has no X-MIOSA-Signature header: {sorted(headers)}")
        check(
            miosa.verify_webhook_signature(body, signature, secret),
            f"signature {signature!r} does not verify with the create secret",
        )
        check(
            not miosa.verify_webhook_signature(body, signature, secret + "x"),
            "signature verifies with a wrong secret",
        )

        deliveries = client.webhooks.deliveries(hook_id)
        check(len(deliveries) >= 1, f"deliveries list is empty: {deliveries}")

        client.webhooks.delete(hook_id)
        try:
            client.webhooks.get(hook_id)
        except miosa.NotFoundError:
            pass
        else:
            raise FlowError("get after delete did not raise NotFoundError")
    finally:
        receiver.close()


def flow_usage(client: Any) -> None:
    rollup = client.usage.get(group_by="external_user_id", period="7d")
    check(isinstance(rollup, dict), f"usage.get reply: {rollup!r}")
    check(isinstance(rollup.get("results"), list), f"usage.get has no results list: {rollup}")
    summary = client.usage.current()
    check(isinstance(summary, dict) and "period_start" in summary, f"usage.current: {summary}")
    report = client.usage.report(period_start="2026-01-01T00:00:00Z")
    check(isinstance(report, dict) and "period_start" in report, f"usage.report: {report}")
    sessions = client.usage.sessions(limit=5)
    check(isinstance(sessions, list), f"usage.sessions: {sessions!r}")


def flow_quotas(client: Any) -> None:
    user = f"interop-{uuid.uuid4().hex[:8]}"
    quota = client.quotas.set(user, max_sandboxes=3, max_concurrent=1)
    check(quota.get("max_sandboxes") == 3, f"quotas.set reply: {quota}")
    fetched = client.quotas.get(user)
    check(fetched.get("max_concurrent") == 1, f"quotas.get reply: {fetched}")
    client.quotas.delete(user)
    reverted = client.quotas.get(user)
    check(reverted.get("max_sandboxes") is None, f"quota not reverted: {reverted}")


def flow_api_keys(client: Any) -> None:
    created = client.api_keys.create(name="interop flow", scopes=["sandboxes:read"])
    key_id = created.get("id")
    plaintext = created.get("token") or created.get("key")
    check(isinstance(key_id, str) and key_id, f"create reply has no id: {created}")
    check(isinstance(plaintext, str) and plaintext, f"create reply has no plaintext: {created}")

    listed = client.api_keys.list()
    check(any(k.get("id") == key_id for k in listed), f"list misses {key_id}")
    check(
        all(not k.get("token") and not k.get("key") for k in listed),
        "list reveals plaintext keys",
    )

    # The new key authenticates on its own.
    base_url = client._transport._base_url
    with miosa.Miosa(api_key=plaintext, base_url=base_url, max_retries=0) as other:
        other.quotas.get("interop-probe")

    fetched = client.api_keys.get(key_id)
    check(fetched.get("id") == key_id, f"get returned {fetched}")
    check(not fetched.get("token") and not fetched.get("key"), "get reveals the plaintext")
    renamed = client.api_keys.update(key_id, name="interop renamed")
    check(renamed.get("name") == "interop renamed", f"update reply: {renamed}")
    rotated = client.api_keys.rotate(key_id)
    new_plaintext = rotated.get("token") or rotated.get("key")
    check(new_plaintext and new_plaintext != plaintext, f"rotate reply: {rotated}")
    with miosa.Miosa(api_key=plaintext, base_url=base_url, max_retries=0) as old:
        try:
            old.quotas.get("interop-probe")
        except miosa.AuthenticationError:
            pass
        else:
            raise FlowError("the plaintext from before the rotation still authenticates")
    plaintext = str(new_plaintext)
    presets = client.api_keys.presets()
    check(isinstance(presets, list) and presets, f"presets: {presets!r}")

    client.api_keys.delete(key_id)
    listed = client.api_keys.list()
    check(all(k.get("id") != key_id for k in listed), "revoked key is still listed")
    with miosa.Miosa(api_key=plaintext, base_url=base_url, max_retries=0) as other:
        try:
            other.quotas.get("interop-probe")
        except miosa.AuthenticationError:
            pass
        else:
            raise FlowError("a revoked key still authenticates")


def flow_credits(client: Any) -> None:
    # A sandbox that ran for a moment leaves a fractional spend behind: production reports
    # whole credits all the same, and 2.19.2 reads the balance as an integer.
    sandbox = client.sandboxes.create(name="interop-credits")
    sandbox_id = sandbox.id if hasattr(sandbox, "id") else sandbox["id"]
    time.sleep(1.2)
    client.sandboxes.delete(sandbox_id)
    balance = client.get_balance()
    check(isinstance(balance.balance, int), f"balance is not an integer: {balance.balance!r}")
    check(balance.lifetime_spent is not None, f"balance has no lifetime_spent: {balance!r}")
    transactions = client.get_transactions()
    check(isinstance(transactions.data, list), f"transactions: {transactions!r}")
    usage = client.get_usage()
    check(usage.total is not None, f"credits usage has no total: {usage!r}")


def flow_events(client: Any) -> None:
    events: queue.Queue[dict[str, Any]] = queue.Queue()
    failure: list[BaseException] = []

    def follow() -> None:
        try:
            for event in client.events.stream(types=["webhook.*"]):
                events.put(event)
                return
        except BaseException as exc:  # reported by the flow
            failure.append(exc)

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    time.sleep(0.5)  # let the stream connect before the event happens
    receiver = Receiver()
    try:
        hook = client.webhooks.create(url=receiver.url, events=["sandbox.created"])
        client.webhooks.test(hook["id"])
        try:
            event = events.get(timeout=10)
        except queue.Empty:
            detail = f": {failure[0]!r}" if failure else ""
            raise FlowError(f"no tenant event within 10s{detail}") from None
        check(
            str(event.get("type", "")).startswith("webhook."),
            f"unexpected event payload: {event}",
        )
        client.webhooks.delete(hook["id"])
    finally:
        receiver.close()


FLOWS: dict[str, Flow] = {
    "webhooks": flow_webhooks,
    "usage": flow_usage,
    "quotas": flow_quotas,
    "api-keys": flow_api_keys,
    "credits": flow_credits,
    "events": flow_events,
}


def main() -> int:
    base_url = os.environ.get("MIOSA_BASE_URL")
    api_key = os.environ.get("MIOSA_API_KEY")
    if not base_url or not api_key:
        print("FAIL setup: set MIOSA_BASE_URL and MIOSA_API_KEY", flush=True)
        return 2
    failed = 0
    with miosa.Miosa(api_key=api_key, base_url=base_url, max_retries=0) as client:
        for name, flow in FLOWS.items():
            try:
                flow(client)
            except Exception as exc:
                failed += 1
                reason = str(exc) if isinstance(exc, FlowError) else repr(exc)
                print(f"FAIL {name}: {reason}", flush=True)
                if os.environ.get("FLOWS_TRACEBACK"):
                    traceback.print_exc()
            else:
                print(f"ok {name}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
