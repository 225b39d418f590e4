# This file was generated from
#   src/miosa/_async/resources/sandboxes/egress.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The egress groups seen from one sandbox: ``sandbox.secrets``, ``sandbox.network`` and
``sandbox.audit``.

Each call is the top-level group's (``client.secrets``, ``client.network``,
``client.audit``) with ``resource_id`` set to this sandbox and ``resource_type`` to
``sandbox``; the requests are made there, not repeated here. Calls on one record by id
(``get``, ``rotate``, ``delete``, ``remove_rule``) take the id as it is.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ...._core.request import NOT_GIVEN, NotGiven
from ....errors import MiosaError
from ....types.egress import (
    EgressAuditEvent,
    EgressBinding,
    EgressPolicy,
    EgressRule,
    EgressSecret,
    EgressSecretScope,
    EgressSecretType,
    EgressSuggestion,
    OauthStart,
)
from ..._resource import ScopedResource
from ._base import HandleBound

if TYPE_CHECKING:
    from ...._pager import Page
    from ..egress import EgressAuditTail


class _Scoped(HandleBound, ScopedResource):
    _resource_type = "sandbox"

    @property
    def _resource_id(self) -> str:
        return self.handle.id


class SandboxSecrets(_Scoped):
    """``sandbox.secrets``: the credential vault (``client.secrets``) for this sandbox."""

    def set(
        self,
        *,
        name: str,
        value: str,
        type: EgressSecretType | str = "api_key",  # noqa: A002 - the wire name
        scope: EgressSecretScope | str = "user",
        expose_as_env: str | NotGiven = NOT_GIVEN,
        refresh_token: str | NotGiven = NOT_GIVEN,
        expires_at: str | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> EgressSecret:
        """Store a secret for this sandbox. ``POST /egress/secrets``.

        With ``expose_as_env`` the server also binds it here, as that environment variable.
        """
        return self._client.secrets.set(
            name=name,
            value=value,
            type=type,
            scope=scope,
            expose_as_env=expose_as_env,
            refresh_token=refresh_token,
            expires_at=expires_at,
            metadata=metadata,
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            extra=extra,
            idempotency_key=idempotency_key,
        )

    def list(
        self,
        *,
        scope: EgressSecretScope | str | None = None,
        type: EgressSecretType | str | None = None,  # noqa: A002 - the wire name
        provider: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> builtins.list[EgressSecret]:
        """This sandbox's secrets, values masked. ``GET /egress/secrets?resource_id=...``."""
        return self._client.secrets.list(
            scope=scope,
            type=type,
            provider=provider,
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            extra=extra,
        )

    def get(self, secret_id: str) -> EgressSecret:
        """One secret, value masked. ``GET /egress/secrets/{secret_id}``."""
        return self._client.secrets.get(secret_id)

    def rotate(
        self,
        secret_id: str,
        new_value: str,
        *,
        refresh_token: str | NotGiven = NOT_GIVEN,
        expires_at: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> EgressSecret:
        """Replace a secret's value. ``PATCH /egress/secrets/{secret_id}``."""
        return self._client.secrets.rotate(
            secret_id, new_value, refresh_token=refresh_token, expires_at=expires_at, extra=extra
        )

    def delete(self, secret_id: str) -> None:
        """Delete a secret and its bindings. ``DELETE /egress/secrets/{secret_id}``."""
        self._client.secrets.delete(secret_id)

    def connect(
        self,
        provider: str,
        *,
        expose_as_env: str | NotGiven = NOT_GIVEN,
        scope: EgressSecretScope | str | NotGiven = NOT_GIVEN,
        redirect_uri: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> OauthStart:
        """Start an OAuth flow whose credential lands on this sandbox.

        ``POST /egress/oauth/start``; follow it with ``client.secrets.wait_for_oauth(flow)``.
        """
        return self._client.secrets.connect(
            provider,
            expose_as_env=expose_as_env,
            scope=scope,
            redirect_uri=redirect_uri,
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            extra=extra,
        )

    def list_bindings(
        self, *, secret_id: str | None = None, extra: Mapping[str, Any] | None = None
    ) -> builtins.list[EgressBinding]:
        """The secrets exposed to this sandbox. ``GET /egress/bindings?resource_id=...``."""
        return self._client.secrets.list_bindings(
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            secret_id=secret_id,
            extra=extra,
        )


class SandboxNetwork(_Scoped):
    """``sandbox.network``: egress rules and policies (``client.network``) for this sandbox."""

    def allow(
        self,
        host: str,
        *,
        methods: Sequence[str] | NotGiven = NOT_GIVEN,
        path_glob: str | NotGiven = NOT_GIVEN,
        policy_id: str | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> EgressRule:
        """Let this sandbox reach ``host`` (a glob). ``POST /egress/allowlist``."""
        return self._client.network.allow(
            host,
            methods=methods,
            path_glob=path_glob,
            policy_id=policy_id,
            note=note,
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            extra=extra,
            idempotency_key=idempotency_key,
        )

    def deny(
        self,
        host: str,
        *,
        methods: Sequence[str] | NotGiven = NOT_GIVEN,
        path_glob: str | NotGiven = NOT_GIVEN,
        policy_id: str | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> EgressRule:
        """Block ``host`` (a glob) for this sandbox. ``POST /egress/allowlist``."""
        return self._client.network.deny(
            host,
            methods=methods,
            path_glob=path_glob,
            policy_id=policy_id,
            note=note,
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            extra=extra,
            idempotency_key=idempotency_key,
        )

    def rules(
        self, *, policy_id: str | None = None, extra: Mapping[str, Any] | None = None
    ) -> builtins.list[EgressRule]:
        """This sandbox's rules. ``GET /egress/allowlist?resource_id=...``."""
        return self._client.network.rules(
            policy_id=policy_id,
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            extra=extra,
        )

    def remove_rule(self, rule_id: str) -> None:
        """Delete a rule. ``DELETE /egress/allowlist/{rule_id}``."""
        self._client.network.remove_rule(rule_id)

    def policies(self, *, extra: Mapping[str, Any] | None = None) -> builtins.list[EgressPolicy]:
        """The policies attached to this sandbox. ``GET /egress/policies?resource_id=...``."""
        return self._client.network.policies(
            resource_id=self._resource_id, resource_type=self._resource_type, extra=extra
        )

    def _policy_id(self, policy_id: str | None) -> str:
        if policy_id is not None:
            return policy_id
        attached = [p.id for p in self.policies() if p.id]
        if len(attached) == 1:
            return attached[0]
        where = f"{self._resource_type} {self._resource_id}"
        if not attached:
            raise MiosaError(
                f"no egress policy is attached to {where}: create one with "
                f"client.network.create_policy(name=..., resource_id={self._resource_id!r}, "
                f"resource_type={self._resource_type!r})"
            )
        raise MiosaError(
            f"{len(attached)} egress policies are attached to {where} "
            f"({', '.join(attached)}): pass policy_id="
        )

    def lockdown(self, *, policy_id: str | None = None) -> EgressPolicy:
        """Enforce this sandbox's policy: what it denies is blocked.

        ``PATCH /egress/policies/{policy_id}``. Without ``policy_id`` the one policy
        attached to this sandbox is used (found with ``GET /egress/policies?resource_id=``);
        `MiosaError` when there is none or several.
        """
        return self._client.network.lockdown(policy_id=self._policy_id(policy_id))

    def observe(self, *, policy_id: str | None = None) -> EgressPolicy:
        """Put this sandbox's policy in ``audit_only``: denials are logged, not blocked.

        ``PATCH /egress/policies/{policy_id}``; the policy is found as for `lockdown`.
        """
        return self._client.network.observe(policy_id=self._policy_id(policy_id))

    def suggestions(
        self, *, since: str = "7d", extra: Mapping[str, Any] | None = None
    ) -> builtins.list[EgressSuggestion]:
        """Rules suggested from what this sandbox was denied since ``since``.

        ``GET /egress/audit/suggestions?resource_id=...``.
        """
        return self._client.network.suggestions(
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            since=since,
            extra=extra,
        )


class SandboxAudit(_Scoped):
    """``sandbox.audit``: the egress audit log (``client.audit``) of this sandbox."""

    def list(
        self,
        *,
        host: str | None = None,
        action: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Page[EgressAuditEvent]:
        """This sandbox's audit events. ``GET /egress/audit?resource_id=...``; iterate the
        page for all of them."""
        return self._client.audit.list(
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            host=host,
            action=action,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
            extra=extra,
        )

    def get(self, event_id: str) -> EgressAuditEvent:
        """One audit event. ``GET /egress/audit/{event_id}``."""
        return self._client.audit.get(event_id)

    def tail(
        self,
        *,
        host: str | None = None,
        action: str | None = None,
        since: str | None = None,
        poll_interval: float = 2.0,
        extra: Mapping[str, Any] | None = None,
    ) -> EgressAuditTail:
        """This sandbox's audit events as they are logged, polling ``GET /egress/audit``.

        As ``client.audit.tail``: ``for event in sandbox.audit.tail(): ...`` runs
        until the loop breaks, each event once.
        """
        return self._client.audit.tail(
            resource_id=self._resource_id,
            resource_type=self._resource_type,
            host=host,
            action=action,
            since=since,
            poll_interval=poll_interval,
            extra=extra,
        )
