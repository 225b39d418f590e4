"""The white-label integrator's flow, end to end, in ten steps.

You run a product on top of MIOSA: your brand, your preview domain, your end users.
This script does what such an integration does on day one and prints each step:

 1. brand the MIOSA-hosted pages            (``client.tenant.branding.set``)
 2. serve previews under your own domain    (``client.tenant.preview_domain.set/verify``)
 3. receive signed webhooks                 (``client.webhooks.create`` + ``miosa.webhooks.verify``)
 4. cap what one of your users may run      (``client.quotas.set``)
 5. create a sandbox attributed to the user (``external_user_id``, ``idempotency_key``)
 6. write the user's files and build them   (``sandbox.files.write_many``, ``sandbox.exec.run``)
 7. mint a preview token                    (``sandbox.preview_token``)
 8. make a share link                       (``sandbox.share.create``)
 9. read the user's usage                   (``client.usage.get``)
10. clean up                                (sandbox, webhook, quota, branding, domain)

Run it with no configuration and it starts the local MIOSA server (``pip install
'miosa[local]'``) and runs against it::

    python examples/white_label.py

The webhook receiver listens on 127.0.0.1, so MIOSA must be able to reach this machine:
that is the case for the local server; against the hosted API, point a webhook at a
public URL instead (see ``examples/fastapi_webhook.py``).
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from miosa import Miosa, webhooks
from miosa.errors import WebhookVerificationError
from miosa.types.usage import UsageReport
from miosa.webhooks import WebhookEvent, WebhookEventType

EXTERNAL_USER = "acme-user-42"
EXTERNAL_PROJECT = "acme-project-7"
PREVIEW_DOMAIN = "previews.acme-ide.dev"
DELIVERY_TIMEOUT = 15.0
SUBSCRIBED = [
    WebhookEventType.SANDBOX_CREATED,
    WebhookEventType.SANDBOX_READY,
    WebhookEventType.SANDBOX_DESTROYED,
]
FILES = {
    "index.html": "<!doctype html><h1>Hello from Acme IDE</h1>\n",
    "build.sh": "set -e\nmkdir -p dist\ncp index.html dist/\necho built dist/index.html\n",
}

Print = Callable[[str], None]


class WebhookReceiver:
    """A small HTTP endpoint on 127.0.0.1 that verifies every delivery it receives.

    ``secret`` is set once ``webhooks.create`` returned it; until then every delivery
    is rejected. Verified events land in `events`, rejected ones in `rejected`.
    """

    def __init__(self) -> None:
        self.secret: str | None = None
        self.events: list[WebhookEvent] = []
        self.rejected: list[str] = []
        self._guard = webhooks.ReplayGuard()
        self._changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = receiver.deliver(body, self.headers)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass  # keep the demo output readable

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/miosa/webhooks"

    def deliver(self, body: bytes, headers: webhooks.Headers) -> int:
        """Verify one delivery; 204 when it is genuine, 400 otherwise."""
        with self._changed:
            secret = self.secret
        try:
            if secret is None:
                raise WebhookVerificationError("no signing secret yet")
            event = webhooks.verify(body, headers, secret, replay_guard=self._guard)
        except WebhookVerificationError as exc:
            with self._changed:
                self.rejected.append(str(exc))
                self._changed.notify_all()
            return 400
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()
        return 204

    def use_secret(self, secret: str | None) -> None:
        """Verify deliveries from now on with ``secret`` (the one ``webhooks.create`` returned)."""
        with self._changed:
            self.secret = secret

    def wait_for(self, *types: str, timeout: float = DELIVERY_TIMEOUT) -> bool:
        """Block until a verified delivery of each of ``types`` arrived (or time out)."""
        with self._changed:
            return self._changed.wait_for(
                lambda: set(types) <= {e.type for e in self.events}, timeout=timeout
            )

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@dataclass
class WhiteLabelResult:
    """What the flow produced, for callers (and the test) to check."""

    sandbox_id: str = ""
    same_sandbox_on_retry: bool = False
    build_output: str = ""
    preview_url: str | None = None
    share_url: str | None = None
    usage: UsageReport | None = None
    deliveries: list[WebhookEvent] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    cleaned_up: list[str] = field(default_factory=list)


class _Cleanup:
    """Undo steps registered as the flow goes, run in reverse at the end (or on error)."""

    def __init__(self, out: Print) -> None:
        self._steps: list[tuple[str, Callable[[], object]]] = []
        self._out = out
        self.done: list[str] = []

    def add(self, label: str, undo: Callable[[], object]) -> None:
        self._steps.append((label, undo))

    def run(self) -> None:
        while self._steps:
            label, undo = self._steps.pop()
            undo()
            self.done.append(label)
            self._out(f"      - {label}")


def run(client: Miosa, receiver: WebhookReceiver, out: Print = print) -> WhiteLabelResult:
    """The ten steps against ``client``; webhooks go to ``receiver``."""
    result = WhiteLabelResult()
    cleanup = _Cleanup(out)
    try:
        _steps(client, receiver, result, cleanup, out)
    finally:
        out("[10/10] clean up")
        cleanup.run()
        result.cleaned_up = cleanup.done
        result.deliveries = list(receiver.events)
        result.rejected = list(receiver.rejected)
    return result


def _steps(
    client: Miosa,
    receiver: WebhookReceiver,
    result: WhiteLabelResult,
    cleanup: _Cleanup,
    out: Print,
) -> None:
    branding = client.tenant.branding.set(
        product_name="Acme IDE",
        logo_url="https://acme-ide.dev/logo.svg",
        support_email="help@acme-ide.dev",
        primary_color="#6d28d9",
    )
    cleanup.add("branding reset to the platform defaults", client.tenant.branding.delete)
    out(f"[1/10] branding: {branding.product_name} ({branding.primary_color})")

    domain = client.tenant.preview_domain.set(PREVIEW_DOMAIN)
    cleanup.add("preview domain removed", client.tenant.preview_domain.delete)
    check = client.tenant.preview_domain.verify()
    out(f"[2/10] preview domain: {domain.preview_domain} verified={check.verified}")

    hook = client.webhooks.create(url=receiver.url, events=SUBSCRIBED, name="acme-ide")
    cleanup.add(f"webhook {hook.id} deleted", lambda: client.webhooks.delete(hook.id or ""))
    receiver.use_secret(hook.secret)
    test = client.webhooks.test(hook.id or "")
    out(f"[3/10] webhook {hook.id} -> {receiver.url}; test delivery {test.state}")

    quota = client.quotas.set(EXTERNAL_USER, max_sandboxes=3, max_concurrent=2)
    cleanup.add(f"quota of {EXTERNAL_USER} removed", lambda: client.quotas.delete(EXTERNAL_USER))
    limits = f"{quota.max_sandboxes} sandboxes, {quota.max_concurrent} running"
    out(f"[4/10] quota for {EXTERNAL_USER}: {limits}")

    key = f"acme-ide-{EXTERNAL_PROJECT}-{uuid.uuid4()}"
    sandbox = client.sandboxes.create(
        name="acme-ide-demo",
        external_user_id=EXTERNAL_USER,
        external_project_id=EXTERNAL_PROJECT,
        idempotency_key=key,
    )
    result.sandbox_id = sandbox.id

    def destroy() -> None:
        sandbox.destroy()
        receiver.wait_for(WebhookEventType.SANDBOX_DESTROYED)

    cleanup.add(f"sandbox {sandbox.id} destroyed", destroy)
    again = client.sandboxes.create(
        name="acme-ide-demo",
        external_user_id=EXTERNAL_USER,
        external_project_id=EXTERNAL_PROJECT,
        idempotency_key=key,
    )
    result.same_sandbox_on_retry = again.id == sandbox.id
    receiver.wait_for(WebhookEventType.SANDBOX_CREATED, WebhookEventType.SANDBOX_READY)
    out(
        f"[5/10] sandbox {sandbox.id} for {sandbox.external_user_id}/{sandbox.external_project_id}"
        f" (retry with the same idempotency key -> same sandbox: {result.same_sandbox_on_retry})"
    )

    written = sandbox.files.write_many([{"path": p, "content": c} for p, c in FILES.items()])
    if not written.ok:
        raise RuntimeError(f"could not write {[f.path for f in written.failed]}")
    build = sandbox.exec.run("sh build.sh")
    if not build.ok:
        raise RuntimeError(f"build failed ({build.exit_code}): {build.stderr}")
    result.build_output = build.stdout.strip()
    out(f"[6/10] wrote {len(written.written)} files; build: {result.build_output}")

    token = sandbox.preview_token(expires_in=3600)
    result.preview_url = token.url
    out(f"[7/10] preview token expires {token.expires_at}: {token.url}")

    share = sandbox.share.create(expires_in=3600)
    result.share_url = share.share_url
    out(f"[8/10] share link: {result.share_url}")

    usage = client.usage.get(
        external_user_id=EXTERNAL_USER, group_by="external_user_id", period="month-to-date"
    )
    result.usage = usage
    for row in usage.results or ():
        spent = f"{row.sandbox_seconds} sandbox-seconds, {row.credit_cents} credit cents"
        out(f"[9/10] usage of {row.external_user_id}: {spent}")
    if not usage.results:
        out(f"[9/10] usage of {EXTERNAL_USER}: nothing recorded yet")


@contextmanager
def _server_if_needed(
    base_url: str | None, api_key: str | None
) -> Iterator[tuple[str | None, str | None]]:
    if base_url is None and api_key is None and not os.environ.get("MIOSA_API_KEY"):
        from miosa.local import LocalServer

        with LocalServer() as server:
            print(f"local MIOSA server at {server.base_url}")
            yield server.base_url, server.api_key
    else:
        yield base_url, api_key


def main(base_url: str | None = None, api_key: str | None = None) -> WhiteLabelResult:
    """Run the flow against ``base_url`` (default: ``MIOSA_BASE_URL``, else a local server)."""
    with (
        _server_if_needed(base_url, api_key) as (url, key),
        Miosa(base_url=url, api_key=key) as client,
        WebhookReceiver() as receiver,
    ):
        result = run(client, receiver)
    kinds = sorted({e.type for e in result.deliveries})
    print(f"verified {len(result.deliveries)} webhook deliveries {kinds}")
    print(f"rejected {len(result.rejected)} deliveries")
    return result


if __name__ == "__main__":
    main()
