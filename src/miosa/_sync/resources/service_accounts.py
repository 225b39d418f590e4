# This file was generated from
#   src/miosa/_async/resources/service_accounts.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Service accounts (``/service-accounts``) and browser SSE tickets (``/sse/ticket``)."""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, route
from ...types.service_accounts import (
    ServiceAccount,
    ServiceAccountDeletion,
    ServiceAccountKey,
    SseTicket,
)
from .._resource import APIResource


def _account_path(account_id: str) -> str:
    return route("/service-accounts/{account_id}", account_id=account_id)


class ServiceAccounts(APIResource):
    """``client.service_accounts``: non-human principals and the keys they own.

    Managing them needs an organization owner or admin.
    """

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[ServiceAccount]:
        """The organization's service accounts, ordered by name. ``GET /service-accounts``."""
        return self._list(
            "GET", "/service-accounts", ServiceAccount, keys=("data",), options=options
        )

    def create(
        self,
        *,
        name: str,
        description: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceAccount:
        """Create a service account. ``POST /service-accounts``."""
        return self._object(
            "POST",
            "/service-accounts",
            ServiceAccount,
            json=body(name=name, description=description),
            idempotency_key=idempotency_key,
            options=options,
        )

    def update(
        self,
        account_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ServiceAccount:
        """Rename or redescribe a service account. ``PATCH /service-accounts/{account_id}``."""
        return self._object(
            "PATCH",
            _account_path(account_id),
            ServiceAccount,
            json=body(name=name, description=description),
            options=options,
        )

    def delete(self, account_id: str, **options: Unpack[RequestOptions]) -> ServiceAccountDeletion:
        """Delete a service account and revoke every key it owns, in one step.

        ``DELETE /service-accounts/{account_id}``; the receipt counts the revoked keys.
        """
        return self._object(
            "DELETE", _account_path(account_id), ServiceAccountDeletion, options=options
        )

    def list_keys(
        self, account_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ServiceAccountKey]:
        """A service account's keys, newest first, never their secrets.

        ``GET /service-accounts/{account_id}/keys``.
        """
        path = _account_path(account_id) + "/keys"
        return self._list("GET", path, ServiceAccountKey, keys=("data",), options=options)

    def create_key(
        self,
        account_id: str,
        *,
        scopes: Sequence[str],
        name: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        expires_in_days: int | NotGiven = NOT_GIVEN,
        allowed_ips: Sequence[str] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceAccountKey:
        """Mint a key for a service account. ``POST /service-accounts/{account_id}/keys``.

        Args:
            scopes: What the key may do; at least one scope.
            name: A label for the key.
            workspace_id: Restrict the key to one workspace of the organization.
            expires_in_days: Lifetime; without it the key does not expire.
            allowed_ips: Addresses or CIDR ranges the key may be used from.

        The reply's ``key`` is the secret, returned this once: store it now.
        """
        payload = body(
            scopes=list(scopes),
            name=name,
            workspace_id=workspace_id,
            expires_in_days=expires_in_days,
            allowed_ips=allowed_ips if isinstance(allowed_ips, NotGiven) else list(allowed_ips),
        )
        return self._object(
            "POST",
            _account_path(account_id) + "/keys",
            ServiceAccountKey,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )


class SseTickets(APIResource):
    """``client.sse_ticket``: credentials a backend hands its browsers for event streams."""

    def create(self, **options: Unpack[RequestOptions]) -> SseTicket:
        """Mint a tenant-scoped, single-use SSE ticket. ``POST /sse/ticket``.

        A browser passes the ticket to ``EventSource`` instead of a bearer token in the URL.
        """
        return self._object("POST", "/sse/ticket", SseTicket, json={}, options=options)
