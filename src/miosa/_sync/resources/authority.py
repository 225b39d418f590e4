# This file was generated from
#   src/miosa/_async/resources/authority.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.authority``: one authorization decision for every surface that executes actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...types.authority import (
    ActionApproval,
    ActionCapability,
    ActionDecision,
    ActionGrant,
    ActionReceipt,
)
from .._resource import APIResource

Capability = Mapping[str, Any] | str
"""A capability declaration (``{"name": "sandbox.exec", ...}``) or just its name."""


def _capability(capability: Capability) -> dict[str, Any]:
    return {"name": capability} if isinstance(capability, str) else dict(capability)


class Authority(APIResource):
    """``client.authority``: ask before acting, and keep the ledger.

    The CLI, agents, MCP tools and automations submit the same capability declaration
    and invocation fingerprints and honour the decision they get back. Nothing here
    executes an action.
    """

    def catalog(self, **options: Unpack[RequestOptions]) -> list[ActionCapability]:
        """The gated actions with their risk and scope. ``GET /actions/catalog``."""
        return self._list(
            "GET",
            "/actions/catalog",
            ActionCapability,
            keys=("data", "actions", "capabilities"),
            options=options,
        )

    def authorize(
        self,
        capability: Capability,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
        request_fingerprint: str | NotGiven = NOT_GIVEN,
        params_fingerprint: str | NotGiven = NOT_GIVEN,
        surface: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ActionDecision:
        """Ask for one decision. ``POST /actions/authorize``.

        ``surface`` names the caller (``cli``, ``osa``, ``mcp``, ``agent_run``...). The
        reply's ``decision`` is ``allow`` or ``pending_approval``; a denial raises
        `miosa.PermissionDeniedError`.
        """
        payload = body(
            capability=_capability(capability),
            workspace_id=workspace_id,
            request_fingerprint=request_fingerprint,
            params_fingerprint=params_fingerprint,
            surface=surface,
        )
        return self._object(
            "POST", "/actions/authorize", ActionDecision, json=payload, options=options
        )

    def authorize_app(
        self,
        app_id: str,
        capability: Capability,
        *,
        release_id: str | NotGiven = NOT_GIVEN,
        connector_id: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        request_fingerprint: str | NotGiven = NOT_GIVEN,
        params_fingerprint: str | NotGiven = NOT_GIVEN,
        surface: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ActionDecision:
        """The same decision for a deployed app's release.

        ``POST /actions/apps/{app_id}/authorize``.
        """
        payload = body(
            capability=_capability(capability),
            workspace_id=workspace_id,
            request_fingerprint=request_fingerprint,
            params_fingerprint=params_fingerprint,
            surface=surface,
            release_id=release_id,
            connector_id=connector_id,
        )
        path = route("/actions/apps/{app_id}/authorize", app_id=app_id)
        return self._object("POST", path, ActionDecision, json=payload, options=options)

    def approvals(
        self,
        *,
        status: str | None = None,
        principal_type: str | None = None,
        run_id: str | None = None,
        agent_definition_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActionApproval]:
        """Approvals, by default those a person must still decide. ``GET /actions/approvals``."""
        params = query(
            status=status,
            principal_type=principal_type,
            run_id=run_id,
            agent_definition_id=agent_definition_id,
        )
        return self._list(
            "GET",
            "/actions/approvals",
            ActionApproval,
            params=params,
            keys=("data", "approvals"),
            options=options,
        )

    def approve(
        self,
        approval_id: str,
        *,
        reason: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ActionApproval:
        """Approve a pending request, once. ``POST /actions/approvals/{approval_id}/approve``."""
        path = route("/actions/approvals/{approval_id}/approve", approval_id=approval_id)
        return self._object("POST", path, ActionApproval, json=body(reason=reason), options=options)

    def deny(
        self,
        approval_id: str,
        *,
        reason: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ActionApproval:
        """Deny a pending request. ``POST /actions/approvals/{approval_id}/deny``."""
        path = route("/actions/approvals/{approval_id}/deny", approval_id=approval_id)
        return self._object("POST", path, ActionApproval, json=body(reason=reason), options=options)

    def grants(
        self, *, status: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[ActionGrant]:
        """Standing grants (owners and admins). ``GET /actions/grants``."""
        return self._list(
            "GET",
            "/actions/grants",
            ActionGrant,
            params=query(status=status),
            keys=("data", "grants"),
            options=options,
        )

    def create_grant(
        self,
        capability: Capability,
        *,
        principal_type: str,
        principal_id: str,
        workspace_id: str | NotGiven = NOT_GIVEN,
        constraints: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        expires_at: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActionGrant:
        """Authorize a capability for one principal from now on (owners and admins).

        ``POST /actions/grants``.
        """
        payload = body(
            capability=_capability(capability),
            workspace_id=workspace_id,
            principal_type=principal_type,
            principal_id=principal_id,
            constraints=constraints,
            expires_at=expires_at,
        )
        return self._object(
            "POST",
            "/actions/grants",
            ActionGrant,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def revoke_grant(self, grant_id: str, **options: Unpack[RequestOptions]) -> ActionGrant:
        """Revoke a standing grant. ``DELETE /actions/grants/{grant_id}``."""
        path = route("/actions/grants/{grant_id}", grant_id=grant_id)
        return self._object("DELETE", path, ActionGrant, options=options)

    def receipts(
        self, *, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> list[ActionReceipt]:
        """The ledger of authorized actions, newest first (owners and admins).

        ``GET /actions/receipts``.
        """
        return self._list(
            "GET",
            "/actions/receipts",
            ActionReceipt,
            params=query(limit=limit),
            keys=("data", "receipts"),
            options=options,
        )
