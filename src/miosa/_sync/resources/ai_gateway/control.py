# This file was generated from
#   src/miosa/_async/resources/ai_gateway/control.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The gateway's control plane (``/ai-gateway``): policies, budget, limits, environments,
settings and request traces."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._core.structure import structure_response
from ...._groups.ai_gateway import optional_object
from ...._groups.platform import query_with
from ....types.ai_gateway import (
    GatewayBudget,
    GatewayEnvironment,
    GatewayLimit,
    GatewayLimits,
    GatewayPolicy,
    GatewayRequest,
    GatewaySettings,
    LoggingMode,
    RoutingStrategy,
)
from ..._resource import APIResource

if TYPE_CHECKING:
    from ...._pager import Page

LimitScope = Literal["key", "environment"]


def _policy_path(policy_id: str) -> str:
    return route("/ai-gateway/policies/{policy_id}", policy_id=policy_id)


def _limit_path(scope_type: str, scope_value: str) -> str:
    return route(
        "/ai-gateway/limits/{scope_type}/{scope_value}",
        scope_type=scope_type,
        scope_value=scope_value,
    )


class GatewayPolicies(APIResource):
    """``client.ai_gateway.policies``: routing and fallback policies, in priority order."""

    def list(
        self,
        *,
        workspace_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[GatewayPolicy]:
        """The tenant's policies. ``GET /ai-gateway/policies``; ``extra`` adds filters."""
        params = query_with(extra, workspace_id=workspace_id)
        return self._list(
            "GET",
            "/ai-gateway/policies",
            GatewayPolicy,
            params=params,
            keys=("data", "policies"),
            options=options,
        )

    def create(
        self,
        *,
        name: str,
        selector: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        primary_model: str | NotGiven = NOT_GIVEN,
        fallback_models: Sequence[str] | NotGiven = NOT_GIVEN,
        alias_name: str | NotGiven = NOT_GIVEN,
        strategy: RoutingStrategy | str | NotGiven = NOT_GIVEN,
        weights: Mapping[str, float] | NotGiven = NOT_GIVEN,
        priority: int | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> GatewayPolicy:
        """Create a policy. ``POST /ai-gateway/policies``.

        ``selector`` says which requests it matches; ``weights`` (model -> weight) go
        with the ``weighted`` strategy.
        """
        payload = body(
            name=name,
            selector=selector,
            primary_model=primary_model,
            fallback_models=fallback_models,
            alias_name=alias_name,
            strategy=strategy,
            weights=weights,
            priority=priority,
            enabled=enabled,
        )
        return self._object(
            "POST", "/ai-gateway/policies", GatewayPolicy, json=payload, options=options
        )

    def get(self, policy_id: str, **options: Unpack[RequestOptions]) -> GatewayPolicy:
        """One policy. ``GET /ai-gateway/policies/{policy_id}``."""
        return self._object("GET", _policy_path(policy_id), GatewayPolicy, options=options)

    def update(
        self,
        policy_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        selector: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        primary_model: str | NotGiven = NOT_GIVEN,
        fallback_models: Sequence[str] | NotGiven = NOT_GIVEN,
        alias_name: str | NotGiven = NOT_GIVEN,
        strategy: RoutingStrategy | str | NotGiven = NOT_GIVEN,
        weights: Mapping[str, float] | NotGiven = NOT_GIVEN,
        priority: int | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> GatewayPolicy:
        """Change the fields given. ``PATCH /ai-gateway/policies/{policy_id}``."""
        payload = body(
            name=name,
            selector=selector,
            primary_model=primary_model,
            fallback_models=fallback_models,
            alias_name=alias_name,
            strategy=strategy,
            weights=weights,
            priority=priority,
            enabled=enabled,
        )
        return self._object(
            "PATCH", _policy_path(policy_id), GatewayPolicy, json=payload, options=options
        )

    def delete(self, policy_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a policy. ``DELETE /ai-gateway/policies/{policy_id}``."""
        self._none("DELETE", _policy_path(policy_id), options=options)


class GatewayBudgetResource(APIResource):
    """``client.ai_gateway.budget``: the gateway's spending and rate limits."""

    def get(self, **options: Unpack[RequestOptions]) -> GatewayBudget | None:
        """The budget, or None when none is configured. ``GET /ai-gateway/budget``."""
        payload, response = self._json("GET", "/ai-gateway/budget", options=options)
        found = optional_object(payload)
        return None if found is None else structure_response(found, GatewayBudget, response)

    def set(
        self,
        *,
        monthly_credit_limit: float | NotGiven | None = NOT_GIVEN,
        per_request_credit_limit: float | NotGiven | None = NOT_GIVEN,
        requests_per_minute: int | NotGiven | None = NOT_GIVEN,
        tokens_per_day: int | NotGiven | None = NOT_GIVEN,
        hard_limit: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> GatewayBudget:
        """Configure the limits and whether they block (``hard_limit``) or only report.
        ``PUT /ai-gateway/budget``."""
        payload = body(
            monthly_credit_limit=monthly_credit_limit,
            per_request_credit_limit=per_request_credit_limit,
            requests_per_minute=requests_per_minute,
            tokens_per_day=tokens_per_day,
            hard_limit=hard_limit,
        )
        return self._object(
            "PUT", "/ai-gateway/budget", GatewayBudget, json=payload, options=options
        )


class GatewayLimitsResource(APIResource):
    """``client.ai_gateway.limits``: per-key and per-environment limits."""

    def list(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> GatewayLimits:
        """Organization, key and environment limits with their usage.
        ``GET /ai-gateway/limits``; ``extra`` adds filters."""
        return self._object(
            "GET",
            "/ai-gateway/limits",
            GatewayLimits,
            params=query_with(extra),
            options=options,
        )

    def set(
        self,
        scope_type: LimitScope | str,
        scope_value: str,
        *,
        requests_per_minute: int | NotGiven | None = NOT_GIVEN,
        tokens_per_day: int | NotGiven | None = NOT_GIVEN,
        monthly_credit_limit: float | NotGiven | None = NOT_GIVEN,
        hard_limit: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> GatewayLimit:
        """Set the limits of a key (``scope_type="key"``, its id) or an environment (its
        name). ``PUT /ai-gateway/limits/{scope_type}/{scope_value}``."""
        payload = body(
            requests_per_minute=requests_per_minute,
            tokens_per_day=tokens_per_day,
            monthly_credit_limit=monthly_credit_limit,
            hard_limit=hard_limit,
        )
        return self._object(
            "PUT",
            _limit_path(scope_type, scope_value),
            GatewayLimit,
            json=payload,
            options=options,
        )

    def delete(
        self, scope_type: LimitScope | str, scope_value: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Remove a key's or environment's limits.
        ``DELETE /ai-gateway/limits/{scope_type}/{scope_value}``."""
        self._none("DELETE", _limit_path(scope_type, scope_value), options=options)


class GatewayEnvironments(APIResource):
    """``client.ai_gateway.environments``: key environments (production, staging ...)."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[GatewayEnvironment]:
        """Each environment with its keys, policies and usage.
        ``GET /ai-gateway/environments``."""
        return self._list(
            "GET",
            "/ai-gateway/environments",
            GatewayEnvironment,
            keys=("data", "environments"),
            options=options,
        )


class GatewaySettingsResource(APIResource):
    """``client.ai_gateway.settings``: organization-wide gateway settings."""

    def get(self, **options: Unpack[RequestOptions]) -> GatewaySettings:
        """The settings. ``GET /ai-gateway/settings``."""
        return self._object("GET", "/ai-gateway/settings", GatewaySettings, options=options)

    def update(
        self,
        *,
        default_model: str | NotGiven = NOT_GIVEN,
        logging_mode: LoggingMode | str | NotGiven = NOT_GIVEN,
        retention_days: int | NotGiven = NOT_GIVEN,
        default_classification: str | NotGiven = NOT_GIVEN,
        transcription_enabled: bool | NotGiven | None = NOT_GIVEN,
        acknowledge_no_baa: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> GatewaySettings:
        """Change the settings given. ``PUT /ai-gateway/settings``.

        ``retention_days`` is 1 to 30; ``transcription_enabled=None`` resets it to the
        default. A healthcare organization enables transcription only with
        ``acknowledge_no_baa=True``.
        """
        payload = body(
            default_model=default_model,
            logging_mode=logging_mode,
            retention_days=retention_days,
            default_classification=default_classification,
            transcription_enabled=transcription_enabled,
            acknowledge_no_baa=acknowledge_no_baa,
        )
        return self._object(
            "PUT", "/ai-gateway/settings", GatewaySettings, json=payload, options=options
        )


class GatewayRequests(APIResource):
    """``client.ai_gateway.requests``: per-request traces, kept for the retention period."""

    def list(
        self,
        *,
        status: Literal["success", "error"] | None = None,
        provider: str | None = None,
        model: str | None = None,
        api_key_id: str | None = None,
        request_id: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[GatewayRequest]:
        """Request traces, newest first. ``GET /ai-gateway/requests``; iterate the page
        for all of them.

        ``from_``/``to`` take ISO 8601 timestamps; the page's ``raw`` also carries the
        reply's ``summary`` and ``retention_days``.
        """
        params = query(
            status=status,
            provider=provider,
            model=model,
            api_key_id=api_key_id,
            request_id=request_id,
            to=to,
            limit=limit,
            cursor=cursor,
            **{"from": from_},
        )
        return self._page(
            "/ai-gateway/requests",
            GatewayRequest,
            params=params,
            keys=("data", "requests"),
            options=options,
        )

    def get(self, request_id: str, **options: Unpack[RequestOptions]) -> GatewayRequest:
        """One request trace. ``GET /ai-gateway/requests/{request_id}``."""
        path = route("/ai-gateway/requests/{request_id}", request_id=request_id)
        return self._object("GET", path, GatewayRequest, options=options)
