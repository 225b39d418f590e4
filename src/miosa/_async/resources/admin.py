"""Platform administration: ``client.admin`` (``/admin/*``).

Needs an admin credential (an ``msk_a_*`` / ``msk_p_*`` key or an admin JWT); other keys
get `miosa.PermissionDeniedError`. Lists are cursor pages (``async for`` walks them all).
Replies the contract leaves untyped (reports and actions) come back as JSON objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ..._groups.admin import json_object
from ...types._base import JSONObject
from ...types.admin import (
    AdminApiKey,
    AdminAuditEntry,
    AdminComputer,
    AdminCreditBalance,
    AdminCreditTransaction,
    AdminImpersonation,
    AdminTenant,
    AdminUser,
)
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager

T = TypeVar("T")


def _user(user_id: str, action: str = "") -> str:
    return route("/admin/users/{user_id}", user_id=user_id) + action


def _tenant(tenant_id: str, action: str = "") -> str:
    return route("/admin/tenants/{tenant_id}", tenant_id=tenant_id) + action


def _computer(computer_id: str, action: str = "") -> str:
    return route("/admin/computers/{computer_id}", computer_id=computer_id) + action


def _credits(tenant_id: str, action: str) -> str:
    return route("/admin/credits/{tenant_id}", tenant_id=tenant_id) + action


class AsyncAdmin(AsyncAPIResource):
    """``client.admin``: users, tenants, credits, computers, API keys and the Optimal model."""

    async def _reply(
        self,
        method: str,
        path: str,
        *,
        json: object = NOT_GIVEN,
    ) -> JSONObject:
        payload, _ = await self._json(method, path, json=json)
        return json_object(payload)

    def _cursor_page(
        self, path: str, cast_to: type[T], keys: tuple[str, ...], **params: object
    ) -> AsyncPager[T]:
        return self._page(path, cast_to, params=query(**params), keys=keys)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """Call an admin route this SDK has no method for; returns the decoded JSON reply.

        ``path`` is below the API root and starts with ``/admin/``
        (``await client.admin.request("GET", "/admin/stats")``); path parameters in it
        must already be percent-encoded. ``params`` become query parameters (None
        dropped, booleans lower-case). Retries, errors and the credential work as for
        every other call; a 204 gives None.
        """
        if not path.startswith("/admin/"):
            raise ValueError(f"admin.request takes a path under /admin/, not {path!r}")
        payload, _ = await self._json(
            method.upper(),
            path,
            params=query(**dict(params or {})),
            json=NOT_GIVEN if json_body is None else dict(json_body),
            options=options,
        )
        return payload

    # -- overview ---------------------------------------------------------------------

    async def dashboard(self) -> JSONObject:
        """The admin dashboard figures. ``GET /admin/dashboard``."""
        return await self._reply("GET", "/admin/dashboard")

    async def stats(self) -> JSONObject:
        """Platform statistics. ``GET /admin/stats``."""
        return await self._reply("GET", "/admin/stats")

    def audit_log(
        self, *, limit: int | None = None, cursor: str | None = None
    ) -> AsyncPager[AdminAuditEntry]:
        """The platform audit log, newest first, a page at a time. ``GET /admin/audit-log``."""
        return self._cursor_page(
            "/admin/audit-log",
            AdminAuditEntry,
            ("data", "items", "audit_log", "events", "entries"),
            limit=limit,
            cursor=cursor,
        )

    async def detailed_health(self) -> JSONObject:
        """Health of every platform component. ``GET /admin/health/detailed``."""
        return await self._reply("GET", "/admin/health/detailed")

    # -- credits ----------------------------------------------------------------------

    async def grant_credits(
        self,
        *,
        tenant_id: str,
        amount: float,
        description: str,
        expires_at: str | NotGiven = NOT_GIVEN,
    ) -> JSONObject:
        """Grant credits to a tenant (``expires_at``: ISO-8601). ``POST /admin/credits/grant``."""
        payload = body(
            tenant_id=tenant_id, amount=amount, description=description, expires_at=expires_at
        )
        return await self._reply("POST", "/admin/credits/grant", json=payload)

    async def deduct_credits(
        self, *, tenant_id: str, amount: float, description: str
    ) -> JSONObject:
        """Take credits from a tenant. ``POST /admin/credits/deduct``."""
        payload = body(tenant_id=tenant_id, amount=amount, description=description)
        return await self._reply("POST", "/admin/credits/deduct", json=payload)

    async def refund_credits(
        self,
        *,
        tenant_id: str,
        amount: float,
        description: str,
        transaction_id: str | NotGiven = NOT_GIVEN,
    ) -> JSONObject:
        """Refund credits, optionally against one transaction. ``POST /admin/credits/refund``."""
        payload = body(
            tenant_id=tenant_id,
            amount=amount,
            description=description,
            transaction_id=transaction_id,
        )
        return await self._reply("POST", "/admin/credits/refund", json=payload)

    async def tenant_balance(
        self, tenant_id: str, **options: Unpack[RequestOptions]
    ) -> AdminCreditBalance:
        """A tenant's credit balance. ``GET /admin/credits/{tenant_id}/balance``."""
        return await self._object(
            "GET", _credits(tenant_id, "/balance"), AdminCreditBalance, options=options
        )

    def tenant_credit_history(
        self, tenant_id: str, *, limit: int | None = None, cursor: str | None = None
    ) -> AsyncPager[AdminCreditTransaction]:
        """A tenant's credit transactions, a page at a time.

        ``GET /admin/credits/{tenant_id}/history``.
        """
        return self._cursor_page(
            _credits(tenant_id, "/history"),
            AdminCreditTransaction,
            ("data", "items", "transactions"),
            limit=limit,
            cursor=cursor,
        )

    # -- users ------------------------------------------------------------------------

    def list_users(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        q: str | None = None,
        status: str | None = None,
    ) -> AsyncPager[AdminUser]:
        """Search users, a page at a time. ``GET /admin/users``.

        ``status`` is ``"active"``, ``"suspended"`` or ``"deleted"``; ``q`` is free text.
        """
        return self._cursor_page(
            "/admin/users",
            AdminUser,
            ("data", "items", "users"),
            limit=limit,
            cursor=cursor,
            q=q,
            status=status,
        )

    async def get_user(self, user_id: str, **options: Unpack[RequestOptions]) -> AdminUser:
        """Fetch a user. ``GET /admin/users/{user_id}``."""
        return await self._object("GET", _user(user_id), AdminUser, options=options)

    async def update_user(
        self, user_id: str, attributes: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> AdminUser:
        """Set a user's attributes (sent as the whole body). ``PUT /admin/users/{user_id}``."""
        return await self._object(
            "PUT", _user(user_id), AdminUser, json=dict(attributes), options=options
        )

    async def delete_user(self, user_id: str) -> JSONObject:
        """Delete a user. ``DELETE /admin/users/{user_id}``."""
        return await self._reply("DELETE", _user(user_id))

    async def change_user_role(self, user_id: str, *, role: str) -> JSONObject:
        """Change a user's role. ``POST /admin/users/{user_id}/role``.

        ``role`` is ``"user"``, ``"admin"``, ``"owner"`` or ``"super_admin"``.
        """
        return await self._reply("POST", _user(user_id, "/role"), json={"role": role})

    async def force_logout(self, user_id: str) -> JSONObject:
        """End all of a user's sessions. ``POST /admin/users/{user_id}/force-logout``."""
        return await self._reply("POST", _user(user_id, "/force-logout"))

    async def suspend_user(self, user_id: str, *, reason: str | NotGiven = NOT_GIVEN) -> JSONObject:
        """Suspend a user. ``POST /admin/users/{user_id}/suspend``.

        Without a ``reason`` no body is sent.
        """
        return await self._reply(
            "POST", _user(user_id, "/suspend"), json=body(reason=reason) or NOT_GIVEN
        )

    async def unsuspend_user(self, user_id: str) -> JSONObject:
        """Lift a user's suspension. ``POST /admin/users/{user_id}/unsuspend``."""
        return await self._reply("POST", _user(user_id, "/unsuspend"))

    async def ban_user(
        self, user_id: str, *, reason: str, expires_at: str | NotGiven = NOT_GIVEN
    ) -> JSONObject:
        """Ban a user, until ``expires_at`` (ISO-8601) if given.

        ``POST /admin/users/{user_id}/ban``.
        """
        return await self._reply(
            "POST", _user(user_id, "/ban"), json=body(reason=reason, expires_at=expires_at)
        )

    async def unban_user(self, user_id: str) -> JSONObject:
        """Lift a user's ban. ``POST /admin/users/{user_id}/unban``."""
        return await self._reply("POST", _user(user_id, "/unban"))

    async def bulk_user_action(
        self,
        *,
        user_ids: Sequence[str],
        action: str,
        params: Mapping[str, Any] | NotGiven = NOT_GIVEN,
    ) -> JSONObject:
        """Apply one action to many users. ``POST /admin/users/bulk``.

        ``action`` is ``"suspend"``, ``"unsuspend"``, ``"delete"``, ``"tag"`` or
        ``"notify"``; ``params`` carries the action's options.
        """
        payload = body(user_ids=list(user_ids), action=action, params=params)
        return await self._reply("POST", "/admin/users/bulk", json=payload)

    # -- tenants ----------------------------------------------------------------------

    def list_tenants(
        self, *, limit: int | None = None, cursor: str | None = None, q: str | None = None
    ) -> AsyncPager[AdminTenant]:
        """Search tenants, a page at a time. ``GET /admin/tenants``."""
        return self._cursor_page(
            "/admin/tenants",
            AdminTenant,
            ("data", "items", "tenants"),
            limit=limit,
            cursor=cursor,
            q=q,
        )

    async def tenant_detail(self, tenant_id: str) -> JSONObject:
        """Everything about one tenant. ``GET /admin/tenants/{tenant_id}/detail``."""
        return await self._reply("GET", _tenant(tenant_id, "/detail"))

    async def suspend_tenant(
        self, tenant_id: str, *, reason: str | NotGiven = NOT_GIVEN
    ) -> JSONObject:
        """Suspend a tenant. ``POST /admin/tenants/{tenant_id}/suspend``.

        Without a ``reason`` no body is sent.
        """
        return await self._reply(
            "POST", _tenant(tenant_id, "/suspend"), json=body(reason=reason) or NOT_GIVEN
        )

    async def unsuspend_tenant(self, tenant_id: str) -> JSONObject:
        """Lift a tenant's suspension. ``POST /admin/tenants/{tenant_id}/unsuspend``."""
        return await self._reply("POST", _tenant(tenant_id, "/unsuspend"))

    async def change_tenant_plan(
        self, tenant_id: str, *, plan: str, prorate: bool = True
    ) -> JSONObject:
        """Move a tenant to ``"free"``, ``"starter"``, ``"pro"`` or ``"scale"``.

        ``POST /admin/tenants/{tenant_id}/plan``; ``prorate`` is always sent.
        """
        return await self._reply(
            "POST", _tenant(tenant_id, "/plan"), json={"plan": plan, "prorate": prorate}
        )

    async def delete_tenant(self, tenant_id: str) -> JSONObject:
        """Delete a tenant. ``DELETE /admin/tenants/{tenant_id}``."""
        return await self._reply("DELETE", _tenant(tenant_id))

    # -- computers --------------------------------------------------------------------

    def list_computers(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        status: str | None = None,
        tenant_id: str | None = None,
    ) -> AsyncPager[AdminComputer]:
        """Computers across tenants, a page at a time. ``GET /admin/computers``."""
        return self._cursor_page(
            "/admin/computers",
            AdminComputer,
            ("data", "items", "computers"),
            limit=limit,
            cursor=cursor,
            status=status,
            tenant_id=tenant_id,
        )

    async def delete_computer(self, computer_id: str) -> JSONObject:
        """Delete any tenant's computer. ``DELETE /admin/computers/{computer_id}``."""
        return await self._reply("DELETE", _computer(computer_id))

    async def suspend_computer(self, computer_id: str) -> JSONObject:
        """Suspend a computer. ``POST /admin/computers/{computer_id}/suspend``."""
        return await self._reply("POST", _computer(computer_id, "/suspend"))

    async def resume_computer(self, computer_id: str) -> JSONObject:
        """Resume a suspended computer. ``POST /admin/computers/{computer_id}/resume``."""
        return await self._reply("POST", _computer(computer_id, "/resume"))

    async def restart_computer(self, computer_id: str) -> JSONObject:
        """Restart a computer. ``POST /admin/computers/{computer_id}/restart``."""
        return await self._reply("POST", _computer(computer_id, "/restart"))

    async def purge_stale_computers(self) -> JSONObject:
        """Remove computers stuck in stale states. ``POST /admin/computers/purge-stale``."""
        return await self._reply("POST", "/admin/computers/purge-stale")

    # -- API keys ---------------------------------------------------------------------

    def list_api_keys(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        tenant_id: str | None = None,
        status: str | None = None,
    ) -> AsyncPager[AdminApiKey]:
        """API keys across tenants, a page at a time. ``GET /admin/api-keys``.

        ``status`` is ``"active"``, ``"revoked"`` or ``"expired"``.
        """
        return self._cursor_page(
            "/admin/api-keys",
            AdminApiKey,
            ("data", "items", "keys", "api_keys"),
            limit=limit,
            cursor=cursor,
            tenant_id=tenant_id,
            status=status,
        )

    async def create_api_key(
        self,
        *,
        name: str,
        tenant_id: str,
        user_id: str,
        key_type: str = "user",
        purpose: str = "api",
        rate_limit_rpm: int | NotGiven = NOT_GIVEN,
        expires_at: str | NotGiven = NOT_GIVEN,
        allowed_ips: Sequence[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> AdminApiKey:
        """Create a key for any tenant and user. ``POST /admin/api-keys``.

        ``key_type`` is ``"user"``, ``"admin"`` or ``"platform"``; ``purpose`` is
        ``"api"`` or ``"optimal"`` (both always sent). The plaintext key, when the
        server returns it, is only in this reply.
        """
        payload = body(
            name=name,
            tenant_id=tenant_id,
            user_id=user_id,
            key_type=key_type,
            purpose=purpose,
            rate_limit_rpm=rate_limit_rpm,
            expires_at=expires_at,
            allowed_ips=allowed_ips if isinstance(allowed_ips, NotGiven) else list(allowed_ips),
        )
        return await self._object(
            "POST", "/admin/api-keys", AdminApiKey, json=payload, options=options
        )

    async def api_key_stats(self) -> JSONObject:
        """Key counts and usage. ``GET /admin/api-keys/stats``."""
        return await self._reply("GET", "/admin/api-keys/stats")

    async def bulk_revoke_api_keys(self, *, key_ids: Sequence[str]) -> JSONObject:
        """Revoke many keys at once. ``POST /admin/api-keys/bulk-revoke``."""
        return await self._reply(
            "POST", "/admin/api-keys/bulk-revoke", json={"key_ids": list(key_ids)}
        )

    async def revoke_api_key(self, key_id: str) -> JSONObject:
        """Revoke one key. ``DELETE /admin/api-keys/{key_id}``."""
        return await self._reply("DELETE", route("/admin/api-keys/{key_id}", key_id=key_id))

    # -- Optimal model and impersonation ----------------------------------------------

    async def optimal_status(self) -> JSONObject:
        """The Optimal model service's status. ``GET /admin/optimal/status``."""
        return await self._reply("GET", "/admin/optimal/status")

    async def list_optimal_models(self) -> JSONObject:
        """The models Optimal can switch to. ``GET /admin/optimal/models``."""
        return await self._reply("GET", "/admin/optimal/models")

    async def switch_optimal_model(self, *, model_id: str) -> JSONObject:
        """Switch Optimal to another model. ``POST /admin/optimal/models/switch``."""
        return await self._reply(
            "POST", "/admin/optimal/models/switch", json={"model_id": model_id}
        )

    async def impersonate(
        self, *, external_user_id: str, ttl_sec: int = 3600, **options: Unpack[RequestOptions]
    ) -> AdminImpersonation:
        """Get a short-lived ``msi_*`` token acting as an end user. ``POST /admin/impersonate``.

        ``ttl_sec`` (default one hour) is always sent.
        """
        return await self._object(
            "POST",
            "/admin/impersonate",
            AdminImpersonation,
            json={"external_user_id": external_user_id, "ttl_sec": ttl_sec},
            options=options,
        )
