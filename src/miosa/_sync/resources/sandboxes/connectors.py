# This file was generated from
#   src/miosa/_async/resources/sandboxes/connectors.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``sandbox.connectors``: MIOSA Connect providers bound into one sandbox.

The same bindings a deployment has (``client.deployments.connectors``), under
``/sandboxes/{sandbox_id}/connectors``: a connector stored with ``client.connectors`` is
exposed to the sandbox as an environment variable, its credential brokered by the server.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, merge, route
from ...._groups.platform import connector_binding_body
from ....types.deployments import ConnectorBinding, ConnectorPreflight, ConnectorSyncResult
from ..._resource import ScopedResource

_UNWRAP = ("data", "binding")


class SandboxConnectors(ScopedResource):
    """``sandbox.connectors``: attach, list, detach and re-apply Connect bindings."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[ConnectorBinding]:
        """The sandbox's bindings. ``GET /sandboxes/{sandbox_id}/connectors``."""
        return self._list(
            "GET",
            self._prefix + "/connectors",
            ConnectorBinding,
            keys=("data", "connectors", "items", "bindings"),
            options=options,
        )

    def attach(
        self,
        connector: str,
        *,
        env: str,
        mode: str | NotGiven = "brokered_env",
        installation_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_user_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ConnectorBinding:
        """Expose `connector` (its uid, e.g. ``"github/default"``) as the env var `env`.

        ``POST /sandboxes/{sandbox_id}/connectors``. ``mode`` defaults to
        ``"brokered_env"`` (``"brokered-env"`` is sent with an underscore); pass
        ``NOT_GIVEN`` to leave the choice to the server.
        """
        payload = connector_binding_body(
            connector,
            env,
            mode,
            installation_id=installation_id,
            project_id=project_id,
            environment=environment,
            external_user_id=external_user_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
        )
        return self._object(
            "POST",
            self._prefix + "/connectors",
            ConnectorBinding,
            json=payload,
            unwrap=_UNWRAP,
            options=options,
        )

    def detach(self, binding_or_connector: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a binding, by binding id or connector uid.

        ``DELETE /sandboxes/{sandbox_id}/connectors/{binding_or_connector}`` (the uid's
        ``/`` is percent-encoded: it is one path segment).
        """
        path = self._prefix + route(
            "/connectors/{binding_or_connector}", binding_or_connector=binding_or_connector
        )
        self._none("DELETE", path, options=options)

    def sync(self, **options: Unpack[RequestOptions]) -> ConnectorSyncResult:
        """Apply the bindings to the running sandbox again (after a credential changed).

        ``POST /sandboxes/{sandbox_id}/connectors/sync``.
        """
        return self._object(
            "POST",
            self._prefix + "/connectors/sync",
            ConnectorSyncResult,
            json={},
            unwrap=_UNWRAP,
            options=options,
        )

    def preflight(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> ConnectorPreflight:
        """Check that the bindings would apply, without applying them.

        ``POST /sandboxes/{sandbox_id}/connectors/preflight``; ``extra`` is the body.
        """
        return self._object(
            "POST",
            self._prefix + "/connectors/preflight",
            ConnectorPreflight,
            json=merge({}, extra),
            unwrap=_UNWRAP,
            options=options,
        )
