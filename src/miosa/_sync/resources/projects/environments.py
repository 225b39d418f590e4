# This file was generated from
#   src/miosa/_async/resources/projects/environments.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Machine environments (``/environments``): what a new sandbox or computer inherits, and the
deployment environment inventory (``/deployment-environments``).

Scope: a workspace-bound API key always acts in its workspace; otherwise ``workspace_id``
picks a workspace (a query parameter on reads and deletes, a body field on writes), and
without it the call acts at the organization level.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._groups.environments import environment_list, machine_environment
from ...._groups.platform import query_with
from ....types.environments import (
    DeploymentEnvironment,
    EffectiveEnvironment,
    EnvironmentBilling,
    EnvironmentUpgrade,
    EnvironmentVersion,
    MachineEnvironment,
    MachineEnvironmentList,
    RevealedEnvironmentVariable,
    RevealedSecretFile,
)
from ..._resource import APIResource

_UNWRAP = ("environment", "data")


def _env_path(id_or_name: str) -> str:
    return route("/environments/{id_or_name}", id_or_name=id_or_name)


class Environments(APIResource):
    """``client.environments``: repositories, variables, secret files and credentials that
    new machines inherit. Not a project's deploy targets (``client.projects.environments``).

    Environments are addressed by id or by name. Each change makes a new immutable version.
    """

    def _environment(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> MachineEnvironment:
        return self._object(
            method,
            path,
            MachineEnvironment,
            params=params,
            json=json,
            idempotency_key=idempotency_key,
            unwrap=_UNWRAP,
            prepare=machine_environment,
        )

    def list(
        self,
        *,
        workspace_id: str | None = None,
        include_deleted: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> MachineEnvironmentList:
        """The environments in scope, the effective default first, with the default's id
        and the billing account. ``GET /environments``."""
        return self._object(
            "GET",
            "/environments",
            MachineEnvironmentList,
            params=query(workspace_id=workspace_id, include_deleted=include_deleted),
            unwrap=(),
            prepare=environment_list,
            options=options,
        )

    def get(self, id_or_name: str, *, workspace_id: str | None = None) -> MachineEnvironment:
        """One environment, by id or name. ``GET /environments/{id_or_name}``."""
        return self._environment(
            "GET", _env_path(id_or_name), params=query(workspace_id=workspace_id)
        )

    def create(
        self,
        name: str,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
        is_default: bool | NotGiven = NOT_GIVEN,
        safe_for_third_parties: bool | NotGiven = NOT_GIVEN,
        pass_github: bool | NotGiven = NOT_GIVEN,
        pass_secrets: bool | NotGiven = NOT_GIVEN,
        pass_sandbox_credentials: bool | NotGiven = NOT_GIVEN,
        pass_agents_credentials: bool | NotGiven = NOT_GIVEN,
        extends_default: bool | NotGiven = NOT_GIVEN,
        variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        plain_variables: Sequence[str] | NotGiven = NOT_GIVEN,
        secret_files: Sequence[Mapping[str, str]] | NotGiven = NOT_GIVEN,
        repositories: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        cli_tools: Mapping[str, str] | NotGiven = NOT_GIVEN,
        connections: Sequence[str] | NotGiven = NOT_GIVEN,
        setup_script: str | NotGiven = NOT_GIVEN,
        setup_blocking: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
    ) -> MachineEnvironment:
        """Create an environment at version 1. ``POST /environments``.

        Args:
            variables: ``{"NAME": "value"}``; values are secret unless named in
                ``plain_variables``.
            secret_files: ``[{"path": ..., "contents": ...}]`` written into each machine.
            repositories: ``[{"repo": "owner/name", "base_branch": ..., "setup_script": ...}]``.
            cli_tools: Tool name to version.
            connections: Connection ids whose credentials machines may use.
            extends_default: Start from the scope's default environment.

        ``pass_github``, ``pass_secrets``, ``pass_sandbox_credentials`` and
        ``pass_agents_credentials`` choose which of the owner's credentials machines receive.
        """
        payload = body(
            name=name,
            workspace_id=workspace_id,
            is_default=is_default,
            safe_for_third_parties=safe_for_third_parties,
            pass_github=pass_github,
            pass_secrets=pass_secrets,
            pass_sandbox_credentials=pass_sandbox_credentials,
            pass_agents_credentials=pass_agents_credentials,
            extends_default=extends_default,
            variables=variables,
            plain_variables=plain_variables,
            secret_files=secret_files,
            repositories=repositories,
            cli_tools=cli_tools,
            connections=connections,
            setup_script=setup_script,
            setup_blocking=setup_blocking,
        )
        return self._environment(
            "POST", "/environments", json=payload, idempotency_key=idempotency_key
        )

    def update(
        self,
        id_or_name: str,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        is_default: bool | NotGiven = NOT_GIVEN,
        safe_for_third_parties: bool | NotGiven = NOT_GIVEN,
        pass_github: bool | NotGiven = NOT_GIVEN,
        pass_secrets: bool | NotGiven = NOT_GIVEN,
        pass_sandbox_credentials: bool | NotGiven = NOT_GIVEN,
        pass_agents_credentials: bool | NotGiven = NOT_GIVEN,
        extends_default: bool | NotGiven = NOT_GIVEN,
        variables_set: Mapping[str, str] | NotGiven = NOT_GIVEN,
        variables_unset: Sequence[str] | NotGiven = NOT_GIVEN,
        secret_files_set: Sequence[Mapping[str, str]] | NotGiven = NOT_GIVEN,
        secret_files_unset: Sequence[str] | NotGiven = NOT_GIVEN,
        repositories_set: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        repositories_unset: Sequence[Any] | NotGiven = NOT_GIVEN,
        cli_tools_set: Mapping[str, str] | NotGiven = NOT_GIVEN,
        cli_tools_unset: Sequence[str] | NotGiven = NOT_GIVEN,
        connections_set: Sequence[str] | NotGiven = NOT_GIVEN,
        connections_unset: Sequence[str] | NotGiven = NOT_GIVEN,
        setup_script: str | NotGiven = NOT_GIVEN,
        setup_blocking: bool | NotGiven = NOT_GIVEN,
        plain_variables: Sequence[str] | NotGiven = NOT_GIVEN,
        variables: Mapping[str, str] | NotGiven = NOT_GIVEN,
        secret_files: Sequence[Mapping[str, str]] | NotGiven = NOT_GIVEN,
        repositories: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        cli_tools: Mapping[str, str] | NotGiven = NOT_GIVEN,
        connections: Sequence[str] | NotGiven = NOT_GIVEN,
    ) -> MachineEnvironment:
        """Save every change in one request, as one new version.

        ``PATCH /environments/{id_or_name}``. The ``*_set``/``*_unset`` fields change
        single entries; ``variables``, ``secret_files``, ``repositories``, ``cli_tools``
        and ``connections`` replace the whole list. Masked values round-trip: a variable
        sent back with the exact ``preview`` the API returned, or a secret file without
        ``contents``, keeps its stored value.
        """
        payload = body(
            workspace_id=workspace_id,
            name=name,
            is_default=is_default,
            safe_for_third_parties=safe_for_third_parties,
            pass_github=pass_github,
            pass_secrets=pass_secrets,
            pass_sandbox_credentials=pass_sandbox_credentials,
            pass_agents_credentials=pass_agents_credentials,
            extends_default=extends_default,
            variables_set=variables_set,
            variables_unset=variables_unset,
            secret_files_set=secret_files_set,
            secret_files_unset=secret_files_unset,
            repositories_set=repositories_set,
            repositories_unset=repositories_unset,
            cli_tools_set=cli_tools_set,
            cli_tools_unset=cli_tools_unset,
            connections_set=connections_set,
            connections_unset=connections_unset,
            setup_script=setup_script,
            setup_blocking=setup_blocking,
            plain_variables=plain_variables,
            variables=variables,
            secret_files=secret_files,
            repositories=repositories,
            cli_tools=cli_tools,
            connections=connections,
        )
        return self._environment("PATCH", _env_path(id_or_name), json=payload)

    def delete(
        self, id_or_name: str, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete an environment; machines keep their pinned version.

        ``DELETE /environments/{id_or_name}``. The organization default cannot be
        deleted (`ConflictError`, ``ENVIRONMENT_IS_DEFAULT``).
        """
        self._none(
            "DELETE",
            _env_path(id_or_name),
            params=query(workspace_id=workspace_id),
            options=options,
        )

    def rename(
        self, id_or_name: str, name: str, *, workspace_id: str | NotGiven = NOT_GIVEN
    ) -> MachineEnvironment:
        """Rename an environment (no new version).

        ``POST /environments/{id_or_name}/rename``.
        """
        return self._environment(
            "POST",
            _env_path(id_or_name) + "/rename",
            json=body(name=name, workspace_id=workspace_id),
        )

    def make_default(
        self, id_or_name: str, *, workspace_id: str | NotGiven = NOT_GIVEN
    ) -> MachineEnvironment:
        """Make it the default of its scope. ``POST /environments/{id_or_name}/default``."""
        return self._environment(
            "POST", _env_path(id_or_name) + "/default", json=body(workspace_id=workspace_id)
        )

    def inherit_default(
        self, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Stop overriding the default in a workspace: inherit the organization's again.

        ``DELETE /environments/default``; at the organization level this is a
        `ValidationError` (there is nothing to inherit from).
        """
        self._none(
            "DELETE",
            "/environments/default",
            params=query(workspace_id=workspace_id),
            options=options,
        )

    def billing(
        self, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> EnvironmentBilling:
        """The account new machines bill. ``GET /environments/billing``."""
        return self._object(
            "GET",
            "/environments/billing",
            EnvironmentBilling,
            params=query(workspace_id=workspace_id),
            unwrap=("billing", "data"),
            options=options,
        )

    def versions(
        self, id_or_name: str, *, workspace_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[EnvironmentVersion]:
        """The environment's versions, newest first; they never hold values.

        ``GET /environments/{id_or_name}/versions``.
        """
        return self._list(
            "GET",
            _env_path(id_or_name) + "/versions",
            EnvironmentVersion,
            params=query(workspace_id=workspace_id),
            keys=("versions", "data"),
            options=options,
        )

    def upgrade(
        self,
        id_or_name: str,
        *,
        machine_ids: Sequence[str] | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> EnvironmentUpgrade:
        """Move pinned machines (all, or ``machine_ids``) to the latest version.

        ``POST /environments/{id_or_name}/upgrade``.
        """
        return self._object(
            "POST",
            _env_path(id_or_name) + "/upgrade",
            EnvironmentUpgrade,
            json=body(machine_ids=machine_ids, workspace_id=workspace_id),
            options=options,
        )

    def effective(
        self,
        id_or_name: str,
        *,
        workspace_id: str | None = None,
        agent_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> EffectiveEnvironment:
        """What a machine, or a run of ``agent_id``, in this environment receives.

        ``GET /environments/{id_or_name}/effective``; values stay masked.
        """
        return self._object(
            "GET",
            _env_path(id_or_name) + "/effective",
            EffectiveEnvironment,
            params=query(workspace_id=workspace_id, agent_id=agent_id),
            unwrap=("effective", "data"),
            prepare=machine_environment,
            options=options,
        )

    def set_variable(
        self,
        id_or_name: str,
        name: str,
        value: str,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
    ) -> MachineEnvironment:
        """Set one variable (a new version).

        ``PUT /environments/{id_or_name}/variables/{name}``.
        """
        path = _env_path(id_or_name) + route("/variables/{name}", name=name)
        return self._environment("PUT", path, json=body(value=value, workspace_id=workspace_id))

    def remove_variable(
        self, id_or_name: str, name: str, *, workspace_id: str | None = None
    ) -> MachineEnvironment:
        """Remove one variable (a new version).

        ``DELETE /environments/{id_or_name}/variables/{name}``.
        """
        path = _env_path(id_or_name) + route("/variables/{name}", name=name)
        return self._environment("DELETE", path, params=query(workspace_id=workspace_id))

    def reveal_variable(
        self,
        id_or_name: str,
        name: str,
        *,
        workspace_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RevealedEnvironmentVariable:
        """One variable's plaintext; the read is audit-logged.

        ``GET /environments/{id_or_name}/variables/{name}/reveal``.
        """
        path = _env_path(id_or_name) + route("/variables/{name}/reveal", name=name)
        return self._object(
            "GET",
            path,
            RevealedEnvironmentVariable,
            params=query(workspace_id=workspace_id),
            options=options,
        )

    def set_file(
        self,
        id_or_name: str,
        path: str,
        contents: str,
        *,
        workspace_id: str | NotGiven = NOT_GIVEN,
    ) -> MachineEnvironment:
        """Set one secret file (a new version). ``PUT /environments/{id_or_name}/files``."""
        return self._environment(
            "PUT",
            _env_path(id_or_name) + "/files",
            json=body(path=path, contents=contents, workspace_id=workspace_id),
        )

    def remove_file(
        self, id_or_name: str, path: str, *, workspace_id: str | None = None
    ) -> MachineEnvironment:
        """Remove one secret file (a new version).

        ``DELETE /environments/{id_or_name}/files?path=...``.
        """
        return self._environment(
            "DELETE",
            _env_path(id_or_name) + "/files",
            params=query(path=path, workspace_id=workspace_id),
        )

    def reveal_file(
        self,
        id_or_name: str,
        path: str,
        *,
        workspace_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RevealedSecretFile:
        """One secret file's contents; the read is audit-logged.

        ``GET /environments/{id_or_name}/files/reveal?path=...``.
        """
        return self._object(
            "GET",
            _env_path(id_or_name) + "/files/reveal",
            RevealedSecretFile,
            params=query(path=path, workspace_id=workspace_id),
            options=options,
        )

    def add_repository(
        self,
        id_or_name: str,
        repo: str,
        *,
        source: str | NotGiven = NOT_GIVEN,
        base_branch: str | NotGiven = NOT_GIVEN,
        setup_script: str | NotGiven = NOT_GIVEN,
        setup_blocking: bool | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
    ) -> MachineEnvironment:
        """Add a repository, or replace its settings when it is already there.

        ``POST /environments/{id_or_name}/repositories``.
        """
        payload = body(
            repo=repo,
            source=source,
            base_branch=base_branch,
            setup_script=setup_script,
            setup_blocking=setup_blocking,
            workspace_id=workspace_id,
        )
        return self._environment("POST", _env_path(id_or_name) + "/repositories", json=payload)

    def remove_repository(
        self,
        id_or_name: str,
        repo: str,
        *,
        source: str | None = None,
        workspace_id: str | None = None,
    ) -> MachineEnvironment:
        """Remove a repository.

        ``DELETE /environments/{id_or_name}/repositories?repo=...``.
        """
        return self._environment(
            "DELETE",
            _env_path(id_or_name) + "/repositories",
            params=query(repo=repo, source=source, workspace_id=workspace_id),
        )


class DeploymentEnvironments(APIResource):
    """``client.deployment_environments``: the production and preview environments of
    deployments (not machine environments)."""

    def list(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[DeploymentEnvironment]:
        """The deployment environment inventory. ``GET /deployment-environments``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        return self._list(
            "GET",
            "/deployment-environments",
            DeploymentEnvironment,
            params=query_with(extra),
            keys=("data", "environments", "deployment_environments"),
            options=options,
        )
