"""Receive MIOSA webhooks in an ASGI app and verify every delivery.

Written with Starlette (what FastAPI is built on, and what the ``local`` extra installs),
so it runs as is::

    MIOSA_WEBHOOK_SECRET=whsec_... uvicorn examples.fastapi_webhook:app --port 8000

While rotating the signing secret, give both, new first:
``MIOSA_WEBHOOK_SECRET=whsec_new...,whsec_old...``.

The FastAPI version is the same three steps in a route::

    from fastapi import FastAPI, HTTPException, Request
    from miosa import webhooks
    from miosa.errors import WebhookVerificationError

    app = FastAPI()
    guard = webhooks.ReplayGuard()

    @app.post("/miosa/webhooks")
    async def receive(request: Request) -> dict[str, bool]:
        body = await request.body()  # the raw bytes: never re-serialised JSON
        try:
            event = webhooks.verify(body, request.headers, secret=SECRETS, replay_guard=guard)
        except WebhookVerificationError:
            raise HTTPException(status_code=400, detail="invalid webhook signature")
        handle(event)
        return {"ok": True}

Rules that matter whichever framework you use: verify the raw body before parsing it,
answer 400 when verification fails (MIOSA shows it in the delivery log), answer 2xx
quickly once it succeeds (non-2xx makes MIOSA retry the same delivery id), and keep one
`ReplayGuard` per process so a replayed delivery is refused.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from miosa import webhooks
from miosa.errors import WebhookVerificationError

log = logging.getLogger("miosa.examples.webhooks")

SECRET_ENV = "MIOSA_WEBHOOK_SECRET"
PATH = "/miosa/webhooks"

EventHandler = Callable[[webhooks.WebhookEvent], None]


def secrets_from_env() -> list[str]:
    """The signing secret(s) from ``MIOSA_WEBHOOK_SECRET`` (comma-separated while rotating)."""
    return [s.strip() for s in os.environ.get(SECRET_ENV, "").split(",") if s.strip()]


def log_event(event: webhooks.WebhookEvent) -> None:
    """The default handler: react to the events you care about."""
    if event.type == webhooks.WebhookEventType.SANDBOX_READY:
        log.info("sandbox %s is ready", event.data.get("id") or event.data.get("sandbox_id"))
    else:
        log.info("received %s (delivery %s)", event.type, event.delivery_id)


def create_app(
    secrets: Sequence[str] | None = None,
    *,
    on_event: EventHandler = log_event,
    replay_guard: webhooks.ReplayGuard | None = None,
) -> Starlette:
    """An app with one ``POST /miosa/webhooks`` route.

    ``secrets`` default to ``MIOSA_WEBHOOK_SECRET``, read on each request so the app can
    be imported before the environment is set.
    """
    guard = replay_guard if replay_guard is not None else webhooks.ReplayGuard()

    async def receive(request: Request) -> Response:
        keys = list(secrets) if secrets is not None else secrets_from_env()
        if not keys:
            return JSONResponse({"error": f"{SECRET_ENV} is not set"}, status_code=500)
        body = await request.body()
        try:
            event = webhooks.verify(body, request.headers, secret=keys, replay_guard=guard)
        except WebhookVerificationError as exc:
            log.warning("rejected a webhook delivery: %s", exc)
            return JSONResponse({"error": "invalid webhook signature"}, status_code=400)
        try:
            on_event(event)
        except Exception:
            # Let MIOSA retry this delivery: forget it so the retry is not a "replay".
            if event.replay_key:
                guard.forget(event.replay_key)
            raise
        return JSONResponse({"ok": True})

    return Starlette(routes=[Route(PATH, receive, methods=["POST"])])


app = create_app()
