"""The integrator examples work: the white-label flow end to end against the local server
(webhook deliveries received and verified), and the ASGI webhook receiver."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from miosa import Miosa, NotFoundError, webhooks
from miosa.local import LocalServer
from miosa.types import SandboxState

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SECRET = "whsec_example_secret_value"


def load_example(name: str) -> ModuleType:
    module_name = f"miosa_example_{name}"
    spec = importlib.util.spec_from_file_location(module_name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def white_label() -> ModuleType:
    return load_example("white_label")


@pytest.fixture(scope="module")
def fastapi_webhook() -> ModuleType:
    return load_example("fastapi_webhook")


# -- the white-label flow ----------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["sha256", "timestamped"])
def test_white_label_flow_runs_end_to_end(
    white_label: ModuleType, scheme: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalServer(webhook_signature=scheme) as server:
        result = white_label.main(server.base_url, server.api_key)
        with Miosa(base_url=server.base_url, api_key=server.api_key) as client:
            leftovers = _leftovers(client, result.sandbox_id, white_label.EXTERNAL_USER)

    printed = capsys.readouterr().out
    for step in range(1, 11):
        assert f"[{step}/10]" in printed

    kinds = [event.type for event in result.deliveries]
    assert {"webhook.test", "sandbox.created", "sandbox.ready", "sandbox.destroyed"} <= set(kinds)
    assert result.rejected == []
    assert len(set(e.delivery_id for e in result.deliveries)) == len(result.deliveries)
    for event in result.deliveries:
        if event.type.startswith("sandbox."):
            assert event.data.get("id") == result.sandbox_id
            assert event.data.get("external_user_id") == white_label.EXTERNAL_USER

    assert result.same_sandbox_on_retry
    assert "built dist/index.html" in result.build_output
    assert result.preview_url and result.share_url
    assert result.usage is not None and result.usage.results
    assert [r.external_user_id for r in result.usage.results] == [white_label.EXTERNAL_USER]
    assert len(result.cleaned_up) == 5
    assert leftovers == {
        "webhooks": [],
        "sandbox_gone": True,
        "quota_is_default": True,
        "product_name": "MIOSA",
        "preview_domain": None,
    }


def _leftovers(client: Miosa, sandbox_id: str, external_user_id: str) -> dict[str, Any]:
    try:
        gone = client.sandboxes.get(sandbox_id).state == SandboxState.DESTROYED
    except NotFoundError:
        gone = True
    return {
        "webhooks": [h.id for h in client.webhooks.list()],
        "sandbox_gone": gone,
        "quota_is_default": client.quotas.get(external_user_id).is_default,
        "product_name": client.tenant.branding.get().product_name,
        "preview_domain": client.tenant.preview_domain.get().preview_domain,
    }


def test_the_receiver_rejects_what_it_cannot_verify(white_label: ModuleType) -> None:
    body = json.dumps({"id": "dlv_1", "type": "sandbox.ready", "data": {}}).encode()
    good = {"X-Miosa-Signature": webhooks.sign(body, SECRET)}
    with white_label.WebhookReceiver() as receiver:
        assert receiver.deliver(body, good) == 400  # no secret yet
        receiver.use_secret(SECRET)
        assert receiver.deliver(body + b" ", good) == 400  # tampered
        assert receiver.deliver(body, good) == 204
        assert receiver.deliver(body, good) == 400  # replayed
        assert receiver.wait_for("sandbox.ready", timeout=0)
        assert not receiver.wait_for("sandbox.destroyed", timeout=0)
    assert [e.type for e in receiver.events] == ["sandbox.ready"]
    assert len(receiver.rejected) == 3


# -- the ASGI (Starlette / FastAPI) receiver --------------------------------------------


def _signed(payload: dict[str, Any], secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    stamp = int(time.time())
    return body, {
        "X-Miosa-Signature": webhooks.sign(body, secret, timestamp=stamp),
        "X-Miosa-Delivery": str(payload["id"]),
        "Content-Type": "application/json",
    }


def _http(app: Any, *, raise_app_exceptions: bool = True) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=raise_app_exceptions)
    return httpx.AsyncClient(transport=transport, base_url="http://receiver.test")


async def test_asgi_receiver_accepts_verified_deliveries_and_refuses_the_rest(
    fastapi_webhook: ModuleType,
) -> None:
    received: list[webhooks.WebhookEvent] = []
    app = fastapi_webhook.create_app(["whsec_new_secret_value", SECRET], on_event=received.append)
    path = fastapi_webhook.PATH
    body, headers = _signed({"id": "dlv_1", "type": "sandbox.ready", "data": {"id": "sbx_1"}})
    forged_body, forged = _signed(
        {"id": "dlv_2", "type": "sandbox.ready"}, "whsec_wrong_secret_value"
    )
    async with _http(app) as http:
        ok = await http.post(path, content=body, headers=headers)
        replay = await http.post(path, content=body, headers=headers)
        tampered = await http.post(path, content=body[:-1] + b" }", headers=headers)
        wrong_secret = await http.post(path, content=forged_body, headers=forged)
        unsigned = await http.post(path, content=body)
    assert (ok.status_code, ok.json()) == (200, {"ok": True})
    assert [r.status_code for r in (replay, tampered, wrong_secret, unsigned)] == [400] * 4
    assert replay.json() == {"error": "invalid webhook signature"}
    assert [(e.type, e.delivery_id, e.data) for e in received] == [
        ("sandbox.ready", "dlv_1", {"id": "sbx_1"})
    ]


async def test_asgi_receiver_reads_the_secret_from_the_environment(
    fastapi_webhook: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    body, headers = _signed({"id": "dlv_3", "type": "computer.started", "data": {}})
    monkeypatch.delenv(fastapi_webhook.SECRET_ENV, raising=False)
    async with _http(fastapi_webhook.create_app()) as http:
        unset = await http.post(fastapi_webhook.PATH, content=body, headers=headers)
        monkeypatch.setenv(fastapi_webhook.SECRET_ENV, f"whsec_rotated_secret_value, {SECRET}")
        accepted = await http.post(fastapi_webhook.PATH, content=body, headers=headers)
    assert unset.status_code == 500
    assert accepted.status_code == 200


async def test_a_failing_handler_lets_miosa_retry_the_same_delivery(
    fastapi_webhook: ModuleType,
) -> None:
    calls: list[str] = []

    def flaky(event: webhooks.WebhookEvent) -> None:
        calls.append(event.delivery_id or "")
        if len(calls) == 1:
            raise RuntimeError("database down")

    app = fastapi_webhook.create_app([SECRET], on_event=flaky)
    body, headers = _signed({"id": "dlv_4", "type": "sandbox.created", "data": {}})
    async with _http(app, raise_app_exceptions=False) as http:
        first = await http.post(fastapi_webhook.PATH, content=body, headers=headers)
        retry = await http.post(fastapi_webhook.PATH, content=body, headers=headers)
    assert (first.status_code, retry.status_code) == (500, 200)
    assert calls == ["dlv_4", "dlv_4"]
