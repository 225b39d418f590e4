"""API keys: ``/api-keys``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..._integrator import iso_param
from ..._request import NOT_GIVEN, NotGiven, body, query, route
from ...types.api_keys import ApiKey
from .._resource import AsyncAPIResource
from ..pagination import AsyncPage


def _expiry(expires_at: datetime | str | NotGiven) -> str | NotGiven:
    return expires_at if isinstance(expires_at, NotGiven) else iso_param(expires_at)


class AsyncApiKeys(AsyncAPIResource):
    """``client.api_keys``: keys for your tenant, and keys scoped to one end user."""

    async def list(
        self, *, limit: int | None = None, cursor: str | None = None
    ) -> AsyncPage[ApiKey]:
        """One page of keys (no plaintext); ``async for`` walks every page. ``GET /api-keys``."""
        return await self._page("/api-keys", ApiKey, params=query(limit=limit, cursor=cursor))

    async def create(
        self,
        name: str,
        *,
        scopes: Sequence[str] | NotGiven = NOT_GIVEN,
        expires_at: datetime | str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> ApiKey:
        """Create a key; its plaintext is in this reply only (``.secret``). ``POST /api-keys``."""
        payload = body(name=name, scopes=scopes, expires_at=_expiry(expires_at))
        return await self._object(
            "POST", "/api-keys", ApiKey, json=payload, idempotency_key=idempotency_key
        )

    async def create_scoped(
        self,
        external_user_id: str,
        scopes: Sequence[str],
        *,
        expires_at: datetime | str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> ApiKey:
        """Create a key that acts only for one of your end users. ``POST /api-keys/scoped``.

        Hand it to that user's client: it sees only sandboxes attributed to
        ``external_user_id``. The plaintext is in this reply only (``key.secret``).
        """
        payload = body(
            external_user_id=external_user_id, scopes=scopes, expires_at=_expiry(expires_at)
        )
        return await self._object(
            "POST", "/api-keys/scoped", ApiKey, json=payload, idempotency_key=idempotency_key
        )

    async def delete(self, key_id: str) -> None:
        """Revoke a key at once. ``DELETE /api-keys/{key_id}``."""
        await self._none("DELETE", route("/api-keys/{key_id}", key_id=key_id))
