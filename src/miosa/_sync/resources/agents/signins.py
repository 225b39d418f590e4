# This file was generated from
#   src/miosa/_async/resources/agents/signins.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.agent_signins`` (connect a subscription plan by signing in) and
``client.agent_accounts`` (the connected keys and plans)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal

from ...._concurrency import sleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._core.waiters import Poller
from ...._groups.connections import (
    DEFAULT_SIGNIN_POLL_INTERVAL,
    DEFAULT_SIGNIN_TIMEOUT,
    SIGNIN_WAIT,
)
from ....types.agent_signins import AgentAccount, AgentSignin
from ..._resource import APIResource

SigninProvider = Literal["claude_code", "codex", "kimi_code", "mistral_vibe"]


def _signin_path(signin_id: str, tail: str = "") -> str:
    return route("/agent-signins/{signin_id}", signin_id=signin_id) + tail


class AgentSignins(APIResource):
    """``client.agent_signins``: sign-in sessions that connect a plan with no key to paste.

    A session lives 15 minutes. ``client.connections.connect_subscription`` wraps the same
    flow in a handle.
    """

    def start(
        self,
        provider: SigninProvider,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentSignin:
        """Start a sign-in. ``POST /agent-signins``.

        Args:
            provider: ``claude_code`` (the user pastes a code back), ``codex``,
                ``kimi_code`` or ``mistral_vibe`` (device-code flows).
            external_user_id: Connect the plan for one of your end users instead of the
                workspace or organization.
            extra: Body keys this SDK version does not name yet, sent as given.
        """
        payload = body(
            provider=provider, workspace_id=workspace_id, external_user_id=external_user_id
        )
        return self._object(
            "POST",
            "/agent-signins",
            AgentSignin,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def get(
        self,
        signin_id: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentSignin:
        """Where a sign-in stands. ``GET /agent-signins/{signin_id}``.

        A sign-in started for an end user is reachable only with the same
        `external_user_id` (otherwise the server answers 404).
        """
        params = query(workspace_id=workspace_id, external_user_id=external_user_id)
        return self._object(
            "GET", _signin_path(signin_id), AgentSignin, params=params, options=options
        )

    def submit_code(
        self,
        signin_id: str,
        code: str,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> AgentSignin:
        """Hand over the code the user was shown. ``POST /agent-signins/{signin_id}/code``.

        A wrong or expired code raises `miosa.ValidationError` (422
        ``SIGNIN_CODE_REJECTED``) and the sign-in stays open for another try.
        """
        payload = body(code=code, workspace_id=workspace_id, external_user_id=external_user_id)
        return self._object(
            "POST", _signin_path(signin_id, "/code"), AgentSignin, json=payload, options=options
        )

    def cancel(
        self,
        signin_id: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Cancel a sign-in (the user's page goes inert). ``DELETE /agent-signins/{signin_id}``."""
        params = query(workspace_id=workspace_id, external_user_id=external_user_id)
        self._none("DELETE", _signin_path(signin_id), params=params, options=options)

    def wait_for_completion(
        self,
        signin_id: str,
        *,
        external_user_id: str | None = None,
        timeout: float | None = DEFAULT_SIGNIN_TIMEOUT,
        poll_interval: float = DEFAULT_SIGNIN_POLL_INTERVAL,
    ) -> AgentSignin:
        """Poll ``GET /agent-signins/{signin_id}`` until the plan is connected; return it.

        Raises `miosa.ResourceFailedError` when the sign-in fails, expires or is
        cancelled, and `miosa.WaitTimeoutError` when `timeout` seconds pass first.
        """
        poller = Poller(SIGNIN_WAIT, signin_id, timeout=timeout, first_delay=poll_interval)
        while True:
            signin = self.get(signin_id, external_user_id=external_user_id)
            delay = poller.next_delay(signin.status, detail=signin.error)
            if delay is None:
                return signin
            sleep(delay)


class AgentAccounts(APIResource):
    """``client.agent_accounts``: the pasted keys, API keys and plans agents sign in with."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[AgentAccount]:
        """Every agent account. ``GET /agent-accounts``."""
        return self._list(
            "GET",
            "/agent-accounts",
            AgentAccount,
            keys=("data", "accounts", "items"),
            options=options,
        )

    def create_api_key(
        self,
        provider: str,
        *,
        api_key: str,
        name: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentAccount:
        """Add an API key account. ``POST /agent-accounts/api-keys``.

        The reply shows the key only as a redacted ``preview``.
        """
        payload = body(provider=provider, api_key=api_key, name=name, workspace_id=workspace_id)
        return self._object(
            "POST",
            "/agent-accounts/api-keys",
            AgentAccount,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    def delete(self, account_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove an agent account. ``DELETE /agent-accounts/{account_id}``."""
        self._none(
            "DELETE", route("/agent-accounts/{account_id}", account_id=account_id), options=options
        )
