# This file was generated from
#   src/miosa/_async/resources/egress/secrets.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.secrets``: the egress credential vault (``/egress/secrets``, bindings, OAuth)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ...._concurrency import sleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ...._core.waiters import Poller
from ...._groups.egress import (
    BINDING_LIST_KEYS,
    BINDINGS_PATH,
    OAUTH_SECRET,
    PROVIDER_LIST_KEYS,
    SECRET_LIST_KEYS,
    SECRETS_PATH,
    oauth_secret_state,
    oauth_start,
)
from ...._groups.platform import query_with
from ....types.egress import (
    EgressBinding,
    EgressSecret,
    EgressSecretScope,
    EgressSecretType,
    OauthProvider,
    OauthStart,
)
from ..._resource import APIResource


def _secret_path(secret_id: str) -> str:
    return route("/egress/secrets/{secret_id}", secret_id=secret_id)


class EgressSecrets(APIResource):
    """``client.secrets``: credentials the egress proxy injects into outbound requests.

    A secret is stored once and exposed to a sandbox or computer through a binding (as an
    environment variable); its value never comes back from the API.
    """

    def set(
        self,
        *,
        name: str,
        value: str,
        type: EgressSecretType | str = "api_key",  # noqa: A002 - the wire name
        scope: EgressSecretScope | str = "user",
        expose_as_env: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        owner_user_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        refresh_token: str | NotGiven = NOT_GIVEN,
        expires_at: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EgressSecret:
        """Store a secret. ``POST /egress/secrets``.

        With both ``expose_as_env`` and ``resource_id`` the server also binds the secret
        to that resource, so it appears there as that environment variable.
        """
        payload = body(
            name=name,
            value=value,
            type=type,
            scope=scope,
            expose_as_env=expose_as_env,
            workspace_id=workspace_id,
            owner_user_id=owner_user_id,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            resource_id=resource_id,
            resource_type=resource_type,
            refresh_token=refresh_token,
            expires_at=expires_at,
            metadata=metadata,
        )
        return self._object(
            "POST",
            SECRETS_PATH,
            EgressSecret,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            unwrap=("data", "secret"),
            options=options,
        )

    def list(
        self,
        *,
        scope: EgressSecretScope | str | None = None,
        type: EgressSecretType | str | None = None,  # noqa: A002 - the wire name
        provider: str | None = None,
        workspace_id: str | None = None,
        owner_user_id: str | None = None,
        external_user_id: str | None = None,
        external_workspace_id: str | None = None,
        resource_id: str | None = None,
        resource_type: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EgressSecret]:
        """The secrets the caller may see, values masked. ``GET /egress/secrets``."""
        params = query_with(
            extra,
            scope=scope,
            type=type,
            provider=provider,
            workspace_id=workspace_id,
            owner_user_id=owner_user_id,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            resource_id=resource_id,
            resource_type=resource_type,
        )
        return self._list(
            "GET", SECRETS_PATH, EgressSecret, params=params, keys=SECRET_LIST_KEYS, options=options
        )

    def get(self, secret_id: str, **options: Unpack[RequestOptions]) -> EgressSecret:
        """One secret, value masked. ``GET /egress/secrets/{secret_id}``."""
        return self._object(
            "GET", _secret_path(secret_id), EgressSecret, unwrap=("data", "secret"), options=options
        )

    def rotate(
        self,
        secret_id: str,
        new_value: str,
        *,
        refresh_token: str | NotGiven = NOT_GIVEN,
        expires_at: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> EgressSecret:
        """Replace a secret's value; bindings pick it up. ``PATCH /egress/secrets/{secret_id}``."""
        payload = body(value=new_value, refresh_token=refresh_token, expires_at=expires_at)
        return self._object(
            "PATCH",
            _secret_path(secret_id),
            EgressSecret,
            json=merge(payload, extra),
            unwrap=("data", "secret"),
            options=options,
        )

    def delete(self, secret_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a secret and its bindings. ``DELETE /egress/secrets/{secret_id}``."""
        self._none("DELETE", _secret_path(secret_id), options=options)

    def create_binding(
        self,
        *,
        secret_id: str,
        resource_id: str,
        resource_type: str,
        expose_as_env: str,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EgressBinding:
        """Expose a secret to a resource as ``expose_as_env``. ``POST /egress/bindings``.

        ``resource_type`` is ``sandbox`` or ``computer``.
        """
        payload = body(
            secret_id=secret_id,
            resource_id=resource_id,
            resource_type=resource_type,
            expose_as_env=expose_as_env,
        )
        return self._object(
            "POST",
            BINDINGS_PATH,
            EgressBinding,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            unwrap=("data", "binding"),
            options=options,
        )

    def list_bindings(
        self,
        *,
        resource_id: str | None = None,
        resource_type: str | None = None,
        secret_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EgressBinding]:
        """Bindings, optionally of one resource or one secret. ``GET /egress/bindings``."""
        params = query_with(
            extra, resource_id=resource_id, resource_type=resource_type, secret_id=secret_id
        )
        return self._list(
            "GET",
            BINDINGS_PATH,
            EgressBinding,
            params=params,
            keys=BINDING_LIST_KEYS,
            options=options,
        )

    def delete_binding(self, binding_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a binding (the secret stays). ``DELETE /egress/bindings/{binding_id}``."""
        self._none(
            "DELETE", route("/egress/bindings/{binding_id}", binding_id=binding_id), options=options
        )

    def providers(self, **options: Unpack[RequestOptions]) -> builtins.list[OauthProvider]:
        """The OAuth providers the tenant can connect. ``GET /egress/oauth/providers``."""
        return self._list(
            "GET",
            "/egress/oauth/providers",
            OauthProvider,
            keys=PROVIDER_LIST_KEYS,
            options=options,
        )

    def connect(
        self,
        provider: str,
        *,
        expose_as_env: str | NotGiven = NOT_GIVEN,
        scope: EgressSecretScope | str | NotGiven = NOT_GIVEN,
        owner_user_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        redirect_uri: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OauthStart:
        """Start an OAuth connect flow. ``POST /egress/oauth/start``.

        Show ``authorize_url`` to the end user (this SDK opens no browser); once they
        consent, the provider's callback stores the credential as a secret, which
        `wait_for_oauth` waits for.
        """
        payload = body(
            provider=provider,
            expose_as_env=expose_as_env,
            scope=scope,
            owner_user_id=owner_user_id,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            resource_id=resource_id,
            resource_type=resource_type,
            redirect_uri=redirect_uri,
        )
        return self._object(
            "POST",
            "/egress/oauth/start",
            OauthStart,
            json=merge(payload, extra),
            prepare=oauth_start,
            options=options,
        )

    def wait_for_oauth(
        self,
        flow: OauthStart | None = None,
        *,
        provider: str | None = None,
        secret_id: str | None = None,
        timeout: float = 300.0,
        poll_interval: float = 2.0,
    ) -> EgressSecret:
        """Wait until an OAuth flow has stored its credential, and return that secret.

        There is no status route for a flow: this polls ``GET /egress/secrets/{secret_id}``
        when the secret's id is known (given, or in the ``flow``), else
        ``GET /egress/secrets?provider=...`` for a connected secret of the provider.
        Raises `miosa.WaitTimeoutError` after ``timeout`` seconds and
        `miosa.ResourceFailedError` when the secret named by id reads ``failed``,
        ``error``, ``revoked`` or ``expired``.
        """
        if flow is not None:
            secret_id = secret_id or flow.secret_id
            provider = provider or flow.provider
        if secret_id is None and provider is None:
            raise ValueError("wait_for_oauth needs the flow, a provider or a secret_id")
        poller = Poller(
            OAUTH_SECRET,
            secret_id or str(provider),
            timeout=timeout,
            first_delay=poll_interval,
            max_delay=poll_interval,
        )
        while True:
            found = self._poll_oauth(secret_id, provider)
            delay = poller.next_delay(oauth_secret_state(found.raw if found else None))
            if found is not None and delay is None:
                return found
            sleep(delay or 0.0)

    def _poll_oauth(self, secret_id: str | None, provider: str | None) -> EgressSecret | None:
        if secret_id is not None:
            return self.get(secret_id)
        # Only a connected secret ends the wait: an older failed one of the same provider
        # says nothing about this flow.
        secrets = self.list(provider=provider)
        return next((s for s in secrets if oauth_secret_state(s.raw) in OAUTH_SECRET.ready), None)
