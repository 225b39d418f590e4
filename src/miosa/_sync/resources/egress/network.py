# This file was generated from
#   src/miosa/_async/resources/egress/network.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.network``: egress policies and the allowlist the egress proxy enforces."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ...._groups.egress import (
    ALLOWLIST_PATH,
    POLICIES_PATH,
    POLICY_LIST_KEYS,
    RULE_LIST_KEYS,
    SUGGESTION_LIST_KEYS,
)
from ...._groups.platform import query_with
from ....types.egress import (
    EgressPolicy,
    EgressPolicyMode,
    EgressRule,
    EgressRuleEffect,
    EgressSuggestion,
)
from ..._resource import APIResource


def _policy_path(policy_id: str) -> str:
    return route("/egress/policies/{policy_id}", policy_id=policy_id)


class EgressNetwork(APIResource):
    """``client.network``: which hosts sandboxes and computers may reach through the proxy.

    A policy has a mode (``enforce`` blocks what its rules deny, ``audit_only`` only logs
    it) and a default effect for hosts no rule names; rules allow or deny one host (a
    glob), optionally only some methods and paths. Run a policy in ``audit_only`` first,
    read `suggestions`, then `lockdown`.
    """

    def _rule(
        self,
        effect: EgressRuleEffect,
        host: str,
        fields: Mapping[str, object],
        extra: Mapping[str, Any] | None,
        idempotency_key: str | None,
    ) -> EgressRule:
        payload = merge(body(host=host, effect=effect, **fields), extra)
        return self._object(
            "POST",
            ALLOWLIST_PATH,
            EgressRule,
            json=payload,
            idempotency_key=idempotency_key,
            unwrap=("data", "rule"),
        )

    def allow(
        self,
        host: str,
        *,
        methods: Sequence[str] | NotGiven = NOT_GIVEN,
        path_glob: str | NotGiven = NOT_GIVEN,
        policy_id: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> EgressRule:
        """Add an ``allow`` rule for ``host``. ``POST /egress/allowlist``."""
        fields = body(
            methods=methods,
            path_glob=path_glob,
            policy_id=policy_id,
            resource_id=resource_id,
            resource_type=resource_type,
            note=note,
        )
        return self._rule("allow", host, fields, extra, idempotency_key)

    def deny(
        self,
        host: str,
        *,
        methods: Sequence[str] | NotGiven = NOT_GIVEN,
        path_glob: str | NotGiven = NOT_GIVEN,
        policy_id: str | NotGiven = NOT_GIVEN,
        resource_id: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> EgressRule:
        """Add a ``deny`` rule for ``host``. ``POST /egress/allowlist``."""
        fields = body(
            methods=methods,
            path_glob=path_glob,
            policy_id=policy_id,
            resource_id=resource_id,
            resource_type=resource_type,
            note=note,
        )
        return self._rule("deny", host, fields, extra, idempotency_key)

    def rules(
        self,
        *,
        policy_id: str | None = None,
        resource_id: str | None = None,
        resource_type: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EgressRule]:
        """Allowlist rules, optionally of one policy or resource. ``GET /egress/allowlist``."""
        params = query_with(
            extra, policy_id=policy_id, resource_id=resource_id, resource_type=resource_type
        )
        return self._list(
            "GET", ALLOWLIST_PATH, EgressRule, params=params, keys=RULE_LIST_KEYS, options=options
        )

    def remove_rule(self, rule_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a rule. ``DELETE /egress/allowlist/{rule_id}``."""
        self._none("DELETE", route("/egress/allowlist/{rule_id}", rule_id=rule_id), options=options)

    def policies(
        self,
        *,
        resource_id: str | None = None,
        resource_type: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EgressPolicy]:
        """The egress policies. ``GET /egress/policies``."""
        params = query_with(extra, resource_id=resource_id, resource_type=resource_type)
        return self._list(
            "GET",
            POLICIES_PATH,
            EgressPolicy,
            params=params,
            keys=POLICY_LIST_KEYS,
            options=options,
        )

    def get_policy(self, policy_id: str, **options: Unpack[RequestOptions]) -> EgressPolicy:
        """One policy with its rules. ``GET /egress/policies/{policy_id}``."""
        return self._object(
            "GET", _policy_path(policy_id), EgressPolicy, unwrap=("data", "policy"), options=options
        )

    def create_policy(
        self,
        *,
        name: str,
        mode: EgressPolicyMode = "enforce",
        default_effect: EgressRuleEffect = "deny",
        resource_id: str | NotGiven = NOT_GIVEN,
        resource_type: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EgressPolicy:
        """Create a policy, attached to a resource when one is named. ``POST /egress/policies``."""
        payload = body(
            name=name,
            mode=mode,
            default_effect=default_effect,
            resource_id=resource_id,
            resource_type=resource_type,
            description=description,
        )
        return self._object(
            "POST",
            POLICIES_PATH,
            EgressPolicy,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            unwrap=("data", "policy"),
            options=options,
        )

    def update_policy(
        self,
        policy_id: str,
        *,
        mode: EgressPolicyMode | NotGiven = NOT_GIVEN,
        default_effect: EgressRuleEffect | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> EgressPolicy:
        """Change a policy. ``PATCH /egress/policies/{policy_id}``."""
        payload = body(mode=mode, default_effect=default_effect, name=name, description=description)
        return self._object(
            "PATCH",
            _policy_path(policy_id),
            EgressPolicy,
            json=merge(payload, extra),
            unwrap=("data", "policy"),
            options=options,
        )

    def lockdown(self, *, policy_id: str) -> EgressPolicy:
        """Enforce a policy: what it denies is blocked. ``PATCH /egress/policies/{policy_id}``.

        A policy is changed by id (`policies` lists them with the resources they apply to).
        """
        return self.update_policy(policy_id, mode="enforce")

    def observe(self, *, policy_id: str) -> EgressPolicy:
        """Put a policy in ``audit_only``: denials are logged, not blocked.

        ``PATCH /egress/policies/{policy_id}``.
        """
        return self.update_policy(policy_id, mode="audit_only")

    def suggestions(
        self,
        *,
        resource_id: str | None = None,
        resource_type: str | None = None,
        since: str = "7d",
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EgressSuggestion]:
        """Rules suggested from the traffic denied since ``since`` (``7d``, ``24h``...).

        ``GET /egress/audit/suggestions``.
        """
        params = query_with(
            extra, resource_id=resource_id, resource_type=resource_type, since=since
        )
        return self._list(
            "GET",
            "/egress/audit/suggestions",
            EgressSuggestion,
            params=params,
            keys=SUGGESTION_LIST_KEYS,
            options=options,
        )
