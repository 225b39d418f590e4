"""API keys: ``/api-keys``."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ..._groups.integrator import iso_param
from ...types.api_keys import ApiKey, ApiKeyEvent, ApiKeyPreset
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


def _key_path(key_id: str, action: str = "") -> str:
    return route("/api-keys/{key_id}", key_id=key_id) + action


def _expiry(expires_at: datetime | str | NotGiven) -> str | NotGiven:
    return expires_at if isinstance(expires_at, NotGiven) else iso_param(expires_at)


class AsyncApiKeys(AsyncAPIResource):
    """``client.api_keys``: keys for your tenant, and keys scoped to one end user."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[ApiKey]:
        """One page of keys (no plaintext); ``async for`` walks every page. ``GET /api-keys``."""
        return self._page(
            "/api-keys",
            ApiKey,
            params=query(limit=limit, cursor=cursor),
            keys=("data", "keys", "api_keys", "items"),
            options=options,
        )

    async def create(
        self,
        name: str,
        *,
        scopes: Sequence[str] | NotGiven = NOT_GIVEN,
        expires_at: datetime | str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ApiKey:
        """Create a key; its plaintext is in this reply only (``.secret``). ``POST /api-keys``."""
        payload = body(name=name, scopes=scopes, expires_at=_expiry(expires_at))
        return await self._object(
            "POST",
            "/api-keys",
            ApiKey,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def create_scoped(
        self,
        external_user_id: str,
        scopes: Sequence[str],
        *,
        expires_at: datetime | str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ApiKey:
        """Create a key that acts only for one of your end users. ``POST /api-keys/scoped``.

        Hand it to that user's client: it sees only sandboxes attributed to
        ``external_user_id``. The plaintext is in this reply only (``key.secret``).
        """
        payload = body(
            external_user_id=external_user_id, scopes=scopes, expires_at=_expiry(expires_at)
        )
        return await self._object(
            "POST",
            "/api-keys/scoped",
            ApiKey,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def get(self, key_id: str, **options: Unpack[RequestOptions]) -> ApiKey:
        """One key (no plaintext); ``end_user`` for a key scoped to an end user.

        ``GET /api-keys/{key_id}``.
        """
        return await self._object("GET", _key_path(key_id), ApiKey, options=options)

    async def update(
        self,
        key_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        scopes: Sequence[str] | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ApiKey:
        """Rename a key, change its scopes or its ``status``. ``PATCH /api-keys/{key_id}``.

        Only the fields given are sent.
        """
        payload = body(
            name=name,
            scopes=scopes if isinstance(scopes, NotGiven) else list(scopes),
            status=status,
        )
        return await self._object("PATCH", _key_path(key_id), ApiKey, json=payload, options=options)

    async def rotate(self, key_id: str, **options: Unpack[RequestOptions]) -> ApiKey:
        """Replace a key's plaintext; the old one stops working. ``POST /api-keys/{key_id}/rotate``.

        The new plaintext is in this reply only (``.secret``).
        """
        return await self._object("POST", _key_path(key_id, "/rotate"), ApiKey, options=options)

    async def events(
        self,
        key_id: str,
        *,
        limit: int | None = None,
        event_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ApiKeyEvent]:
        """A key's audit trail: when and from where it was used, and every change.

        ``GET /api-keys/{key_id}/events``; ``event_type`` (sent as ``type``) keeps one kind.
        """
        return await self._list(
            "GET",
            _key_path(key_id, "/events"),
            ApiKeyEvent,
            params=query(limit=limit, type=event_type),
            keys=("data", "keys", "api_keys", "events", "items"),
            options=options,
        )

    async def delete(self, key_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revoke a key at once. ``DELETE /api-keys/{key_id}``."""
        await self._none("DELETE", _key_path(key_id), options=options)

    async def presets(self, **options: Unpack[RequestOptions]) -> builtins.list[ApiKeyPreset]:
        """The named scope sets, built-in and your own. ``GET /api-keys/presets``."""
        return await self._list(
            "GET", "/api-keys/presets", ApiKeyPreset, keys=("data", "items"), options=options
        )

    async def create_preset(
        self,
        *,
        name: str,
        scopes: Sequence[str],
        description: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ApiKeyPreset:
        """Save a named scope set for the organisation (owners and admins; built-in
        names are reserved). ``POST /api-keys/presets``.
        """
        payload = body(name=name, scopes=list(scopes), description=description)
        return await self._object(
            "POST", "/api-keys/presets", ApiKeyPreset, json=payload, options=options
        )

    async def delete_preset(self, name: str, **options: Unpack[RequestOptions]) -> None:
        """Remove one of your presets. ``DELETE /api-keys/presets/{name}``."""
        await self._none("DELETE", route("/api-keys/presets/{name}", name=name), options=options)
