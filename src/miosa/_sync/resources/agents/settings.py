# This file was generated from
#   src/miosa/_async/resources/agents/settings.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.agent_settings``: harnesses, credentials, the model catalog and defaults.

Settings and credentials are held for the organization; a workspace may override any of
them and an end user of a platform (``external_user_id``) may hold credentials of their
own. ``workspace_id`` is a query parameter on reads and deletes and a body field on
writes: without it a call reads or writes the organization level.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._groups.agent_settings import catalog_payload, harness_update_payload
from ....types.agent_settings import (
    AgentBuildTemplate,
    AgentCredential,
    AgentDefaults,
    EffectiveAgentSettings,
    HarnessCatalog,
    HarnessModel,
    HarnessUpdate,
    HarnessVersion,
)
from ..._resource import APIResource


def _credential_path(credential: str) -> str:
    return route("/agents/credentials/{credential}", credential=credential)


class AgentSettings(APIResource):
    """``client.agent_settings``: what answers a prompt, at the organization, a workspace
    or an end user. A harness id is also a run's ``runner``."""

    def harnesses(self, **options: Unpack[RequestOptions]) -> HarnessCatalog:
        """Every harness and the credentials it accepts. ``GET /agents/harnesses``."""
        return self._object(
            "GET",
            "/agents/harnesses",
            HarnessCatalog,
            unwrap=(),
            prepare=catalog_payload,
            options=options,
        )

    def harness_versions(
        self, *, include_models: bool = False, **options: Unpack[RequestOptions]
    ) -> builtins.list[HarnessVersion]:
        """Harnesses with their pinned CLI versions. ``GET /agents/harness-versions``.

        `include_models` adds each harness's models (``?include=models``).
        """
        params = query(include="models" if include_models else None)
        return self._list(
            "GET",
            "/agents/harness-versions",
            HarnessVersion,
            params=params,
            keys=("data", "harnesses", "items"),
            options=options,
        )

    def templates(self, **options: Unpack[RequestOptions]) -> builtins.list[AgentBuildTemplate]:
        """Starting points for building an agent. ``GET /agents/templates``."""
        return self._list(
            "GET",
            "/agents/templates",
            AgentBuildTemplate,
            keys=("data", "templates", "items"),
            options=options,
        )

    def defaults(
        self, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> AgentDefaults:
        """The harness, model and effort new agents start with. ``GET /agents/defaults``."""
        params = query(workspace_id=workspace_id)
        return self._object(
            "GET", "/agents/defaults", AgentDefaults, params=params, options=options
        )

    def put_defaults(
        self,
        *,
        harness: str | NotGiven = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        effort: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentDefaults:
        """Write the agent defaults. ``PUT /agents/defaults``.

        Args:
            extra: Body keys this SDK version does not name yet, sent as given.
        """
        payload = body(harness=harness, model=model, effort=effort, workspace_id=workspace_id)
        return self._object(
            "PUT", "/agents/defaults", AgentDefaults, json=merge(payload, extra), options=options
        )

    def settings(
        self,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EffectiveAgentSettings:
        """The effective settings: default harness, harnesses, credentials.

        ``GET /agents/settings``; the reply's ``scope.level`` names the scope it answers for.
        """
        params = query(workspace_id=workspace_id, external_user_id=external_user_id)
        return self._object(
            "GET", "/agents/settings", EffectiveAgentSettings, params=params, options=options
        )

    def update_settings(
        self,
        *,
        default_harness: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> EffectiveAgentSettings:
        """Star a harness as the scope's default (clearing any other star).

        ``PATCH /agents/settings``; answers the settings as ``settings()`` reads them.
        """
        payload = body(default_harness=default_harness, workspace_id=workspace_id)
        return self._object(
            "PATCH", "/agents/settings", EffectiveAgentSettings, json=payload, options=options
        )

    def update_harness(
        self,
        harness: str,
        *,
        auth_method: str | NotGiven = NOT_GIVEN,
        primary_provider: str | NotGiven = NOT_GIVEN,
        backup_provider: str | NotGiven = NOT_GIVEN,
        enabled_providers: Sequence[str] | NotGiven = NOT_GIVEN,
        default_model: str | NotGiven = NOT_GIVEN,
        default_effort: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> HarnessUpdate:
        """Change one harness at this scope. ``PATCH /agents/settings/harnesses/{harness}``.

        Args:
            auth_method: For a ``single`` harness: the credential it signs in with
                (activating another replaces it).
            primary_provider: For a ``multi`` harness: the provider it runs on.
            backup_provider: Used only while the primary is not connected. Both must be
                connected.
            enabled_providers: Deprecated: the platform picks primary and backup from it.
        """
        payload = body(
            auth_method=auth_method,
            primary_provider=primary_provider,
            backup_provider=backup_provider,
            enabled_providers=enabled_providers,
            default_model=default_model,
            default_effort=default_effort,
            workspace_id=workspace_id,
        )
        path = route("/agents/settings/harnesses/{harness}", harness=harness)
        return self._object(
            "PATCH",
            path,
            HarnessUpdate,
            json=payload,
            unwrap=(),
            prepare=harness_update_payload,
            options=options,
        )

    def models(
        self,
        *,
        harness: str | None = None,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[HarnessModel]:
        """A harness's models in display order. ``GET /agents/models``.

        Models the scope cannot use are listed too, with ``available=False`` and an
        ``unavailable_reason``.
        """
        params = query(
            harness=harness, workspace_id=workspace_id, external_user_id=external_user_id
        )
        return self._list(
            "GET",
            "/agents/models",
            HarnessModel,
            params=params,
            keys=("data", "models", "items"),
            options=options,
        )

    def credentials(
        self,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[AgentCredential]:
        """Every credential of the catalog with its state at this scope.

        ``GET /agents/credentials``.
        """
        params = query(workspace_id=workspace_id, external_user_id=external_user_id)
        return self._list(
            "GET",
            "/agents/credentials",
            AgentCredential,
            params=params,
            keys=("data", "credentials", "items"),
            options=options,
        )

    def put_credential(
        self,
        credential: str,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        usable_by: Sequence[str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentCredential:
        """Connect or replace one credential. ``PUT /agents/credentials/{credential}``.

        Args:
            api_key: The key, for a credential that takes one.
            usable_by: Harness ids allowed to use it (default: every harness).
            extra: The form fields of a credential that takes several (Bedrock's
                ``aws_access_key_id``, ...), sent as given.

        The reply shows the key only as a redacted ``preview``.
        """
        payload = body(
            api_key=api_key,
            workspace_id=workspace_id,
            external_user_id=external_user_id,
            usable_by=usable_by,
        )
        return self._object(
            "PUT",
            _credential_path(credential),
            AgentCredential,
            json=merge(extra or {}, payload),
            options=options,
        )

    def delete_credential(
        self,
        credential: str,
        *,
        workspace_id: str | None = None,
        external_user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AgentCredential:
        """Disconnect a credential at exactly this scope.

        ``DELETE /agents/credentials/{credential}``. A workspace's delete leaves the
        organization's credential, which the workspace then inherits; the reply is the
        credential as it now reads.
        """
        params = query(workspace_id=workspace_id, external_user_id=external_user_id)
        return self._object(
            "DELETE", _credential_path(credential), AgentCredential, params=params, options=options
        )
