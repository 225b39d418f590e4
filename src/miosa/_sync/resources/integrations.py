# This file was generated from
#   src/miosa/_async/resources/integrations.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Account-level OAuth integrations (GitHub, Slack, Linear, Discord)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ...types.integrations import (
    GithubRepo,
    GithubSshKey,
    Integration,
    IntegrationAuthorization,
    IntegrationProvider,
    IntegrationTestResult,
    LinearIssue,
)
from .._resource import APIResource


def _provider_path(provider: str, suffix: str = "") -> str:
    return route("/integrations/{provider}", provider=provider) + suffix


class Integrations(APIResource):
    """``client.integrations``: connect, refresh and use OAuth integrations."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Integration]:
        """List the tenant's connected integrations. ``GET /integrations``."""
        return self._list(
            "GET",
            "/integrations",
            Integration,
            keys=("data", "items", "integrations"),
            options=options,
        )

    def catalog(self, **options: Unpack[RequestOptions]) -> builtins.list[IntegrationProvider]:
        """List the providers that can be connected. ``GET /integrations/catalog``."""
        return self._list(
            "GET",
            "/integrations/catalog",
            IntegrationProvider,
            keys=("data", "items", "catalog"),
            options=options,
        )

    def start(self, provider: str, **options: Unpack[RequestOptions]) -> IntegrationAuthorization:
        """Begin the OAuth flow for a provider. ``GET /integrations/{provider}/start``.

        Send the user to the returned `~IntegrationAuthorization.redirect_url`.
        """
        return self._object(
            "GET", _provider_path(provider, "/start"), IntegrationAuthorization, options=options
        )

    def refresh(self, provider: str, **options: Unpack[RequestOptions]) -> Integration:
        """Force-refresh a provider's access token. ``POST /integrations/{provider}/refresh``."""
        return self._object(
            "POST", _provider_path(provider, "/refresh"), Integration, options=options
        )

    def disconnect(self, provider: str, **options: Unpack[RequestOptions]) -> None:
        """Disconnect (revoke) an integration. ``DELETE /integrations/{provider}``."""
        self._none("DELETE", _provider_path(provider), options=options)

    def github_repos(self, **options: Unpack[RequestOptions]) -> builtins.list[GithubRepo]:
        """List the GitHub repositories within reach. ``GET /integrations/github/repos``."""
        return self._list(
            "GET",
            "/integrations/github/repos",
            GithubRepo,
            keys=("data", "items", "repos"),
            options=options,
        )

    def github_ssh_keys(self, **options: Unpack[RequestOptions]) -> builtins.list[GithubSshKey]:
        """List the configured GitHub SSH keys. ``GET /integrations/github/ssh-keys``."""
        return self._list(
            "GET",
            "/integrations/github/ssh-keys",
            GithubSshKey,
            keys=("data", "items", "keys", "ssh_keys"),
            options=options,
        )

    def slack_send_test(
        self,
        *,
        message: str | NotGiven = NOT_GIVEN,
        channel: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> IntegrationTestResult:
        """Send a test message to Slack. ``POST /integrations/slack/send-test``."""
        payload = merge(body(message=message, channel=channel), extra)
        return self._object(
            "POST",
            "/integrations/slack/send-test",
            IntegrationTestResult,
            json=payload,
            options=options,
        )

    def discord_send_test(
        self,
        *,
        message: str | NotGiven = NOT_GIVEN,
        channel_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> IntegrationTestResult:
        """Send a test message to Discord. ``POST /integrations/discord/send-test``."""
        payload = merge(body(message=message, channel_id=channel_id), extra)
        return self._object(
            "POST",
            "/integrations/discord/send-test",
            IntegrationTestResult,
            json=payload,
            options=options,
        )

    def linear_start(self, **options: Unpack[RequestOptions]) -> IntegrationAuthorization:
        """Begin the Linear OAuth flow. ``GET /integrations/linear/start``."""
        return self._object(
            "GET", "/integrations/linear/start", IntegrationAuthorization, options=options
        )

    def linear_create_issue(
        self,
        *,
        title: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        team_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> LinearIssue:
        """Create a Linear issue. ``POST /integrations/linear/create-issue``."""
        payload = merge(body(title=title, description=description, team_id=team_id), extra)
        return self._object(
            "POST", "/integrations/linear/create-issue", LinearIssue, json=payload, options=options
        )
