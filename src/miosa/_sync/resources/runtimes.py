# This file was generated from
#   src/miosa/_async/resources/runtimes.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.runtimes`` (sandbox runtime backends), ``client.runtime_capabilities`` (the
live capability contract) and ``client.runtime_env`` (inherited runtime env vars)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...types.runtimes import RuntimeCapabilityContract, RuntimeEnvVar, SandboxRuntimeInfo
from .._resource import APIResource

EnvScope = Literal["tenant", "workspace", "project"]


class Runtimes(APIResource):
    """``client.runtimes``: the runtime backends sandboxes run on (read-only)."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[SandboxRuntimeInfo]:
        """Every runtime with its live gate state: check ``available`` before asking for one.

        ``GET /sandboxes/runtimes``.
        """
        return self._list(
            "GET",
            "/sandboxes/runtimes",
            SandboxRuntimeInfo,
            keys=("data", "runtimes", "items"),
            options=options,
        )


class RuntimeCapabilities(APIResource):
    """``client.runtime_capabilities``: what this deployment's runtimes support."""

    def get(self, **options: Unpack[RequestOptions]) -> RuntimeCapabilityContract:
        """The live runtime capability contract. ``GET /runtime-capabilities``."""
        return self._object(
            "GET", "/runtime-capabilities", RuntimeCapabilityContract, options=options
        )


def _env_path(env_id: str) -> str:
    return route("/runtime-env/{env_id}", env_id=env_id)


class RuntimeEnv(APIResource):
    """``client.runtime_env``: env vars a tenant, workspace or project passes down to its
    sandboxes, computers, deployments and agent runtimes; values are never returned."""

    def list(
        self,
        *,
        scope: EnvScope | None = None,
        workspace_id: str | None = None,
        project_id: str | None = None,
        target: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[RuntimeEnvVar]:
        """The env vars, filtered. ``GET /runtime-env``."""
        params = query(scope=scope, workspace_id=workspace_id, project_id=project_id, target=target)
        return self._list(
            "GET",
            "/runtime-env",
            RuntimeEnvVar,
            params=params,
            keys=("data", "env", "items"),
            options=options,
        )

    def get(self, env_id: str, **options: Unpack[RequestOptions]) -> RuntimeEnvVar:
        """One env var, without its value. ``GET /runtime-env/{env_id}``."""
        return self._object("GET", _env_path(env_id), RuntimeEnvVar, options=options)

    def set(
        self,
        *,
        name: str,
        value: str,
        scope: EnvScope | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        target: str | NotGiven = NOT_GIVEN,
        enabled: bool | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> RuntimeEnvVar:
        """Set an env var (setting the same name, scope and target again replaces it).

        ``POST /runtime-env``.

        Args:
            scope: ``tenant`` (default), ``workspace`` (with `workspace_id`) or
                ``project`` (with `project_id`).
            target: What receives it (``all``, ``sandbox``, ``computer``, ...).
            extra: Body keys this SDK version does not name yet, sent as given.
        """
        payload = body(
            name=name,
            value=value,
            scope=scope,
            workspace_id=workspace_id,
            project_id=project_id,
            target=target,
            enabled=enabled,
            metadata=metadata,
        )
        return self._object(
            "POST", "/runtime-env", RuntimeEnvVar, json=merge(payload, extra), options=options
        )

    def delete(self, env_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete an env var. ``DELETE /runtime-env/{env_id}``."""
        self._none("DELETE", _env_path(env_id), options=options)
