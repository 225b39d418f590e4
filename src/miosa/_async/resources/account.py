"""``client.account`` (who a credential is) and ``client.tokens`` (scoped delegation tokens)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import body, merge, route
from ..._groups.account import check_scoped_token, scope_list, whoami
from ..._groups.platform import query_with
from ...types.account import ScopedToken, Whoami
from .._resource import AsyncAPIResource


class AsyncAccount(AsyncAPIResource):
    """``client.account``: what the credential in use resolves to."""

    async def whoami(
        self, *, tenant: str | None = None, **options: Unpack[RequestOptions]
    ) -> Whoami:
        """The user, organization, workspace, plan and scopes of this credential.

        ``GET /whoami``; needs no scope. ``tenant`` asks as if acting in that
        organization (it is sent as ``X-MIOSA-Tenant`` for this call only).
        """
        headers = None if tenant is None else {"X-MIOSA-Tenant": tenant}
        return await self._object(
            "GET",
            "/whoami",
            Whoami,
            headers=headers,
            unwrap=("data",),
            prepare=whoami,
            options=options,
        )


class AsyncTokens(AsyncAPIResource):
    """``client.tokens``: short-lived tokens a platform mints for its own end users.

    Authenticated with the organization's key, a platform mints a JWT bound to one end
    user and workspace, carrying at most the caller's own scopes, and hands it to its
    client-side app.
    """

    async def create_scoped(
        self,
        *,
        user_id: str,
        workspace_id: str,
        expires_in_seconds: int = 3600,
        scopes: Sequence[str] | None = None,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ScopedToken:
        """Mint a delegation token. ``POST /tokens/scoped``.

        ``scopes`` narrows the caller's scopes (None: all of them); ``expires_in_seconds``
        is at most 86400. The reply's ``token`` is shown this once.
        """
        check_scoped_token(user_id, workspace_id, expires_in_seconds)
        payload = body(
            user_id=user_id, workspace_id=workspace_id, expires_in_seconds=expires_in_seconds
        )
        wanted = scope_list(scopes)
        if wanted is not None:
            payload["scopes"] = wanted
        return await self._object(
            "POST",
            "/tokens/scoped",
            ScopedToken,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def list_scoped(
        self,
        *,
        user_id: str | None = None,
        workspace_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ScopedToken]:
        """Delegation tokens (never their JWTs). ``GET /tokens/scoped``."""
        params = query_with(extra, user_id=user_id, workspace_id=workspace_id)
        return await self._list(
            "GET",
            "/tokens/scoped",
            ScopedToken,
            params=params,
            keys=("data", "tokens"),
            options=options,
        )

    async def delete_scoped(self, token_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revoke a delegation token. ``DELETE /tokens/scoped/{token_id}``."""
        await self._none(
            "DELETE", route("/tokens/scoped/{token_id}", token_id=token_id), options=options
        )
