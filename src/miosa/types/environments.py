"""Models of machine environments: the template of repositories, variables, secret files and
credentials a new sandbox or computer inherits (``/environments``), and the deployment
environment inventory (``/deployment-environments``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "DeploymentEnvironment",
    "EffectiveEnvironment",
    "EnvironmentBilling",
    "EnvironmentRepository",
    "EnvironmentSecretFile",
    "EnvironmentUpgrade",
    "EnvironmentVariable",
    "EnvironmentVersion",
    "MachineEnvironment",
    "MachineEnvironmentList",
    "RevealedEnvironmentVariable",
    "RevealedSecretFile",
]


@attrs.frozen(kw_only=True)
class EnvironmentVariable(Model):
    """A variable of an environment, masked. Sending ``preview`` back unchanged on an update
    keeps the stored value; a ``plain`` variable is not a secret."""

    name: str | None = None
    preview: str | None = None
    plain: bool | None = None


@attrs.frozen(kw_only=True)
class EnvironmentSecretFile(Model):
    """A secret file written into each machine at ``path``; its contents are never listed."""

    path: str | None = None
    preview: str | None = None
    size: int | None = None


@attrs.frozen(kw_only=True)
class EnvironmentRepository(Model):
    """A repository cloned into each machine, with an optional setup script."""

    repo: str | None = None
    source: str | None = None
    base_branch: str | None = None
    setup_script: str | None = None
    setup_blocking: bool | None = None


@attrs.frozen(kw_only=True)
class MachineEnvironment(Model):
    """An environment (``/environments``): what a new sandbox or computer inherits.

    ``workspace_id`` is None for an organization-wide environment. Every change makes a new
    immutable ``version``; machines stay pinned to theirs until upgraded.
    """

    id: str | None = None
    name: str | None = None
    workspace_id: str | None = None
    version: int | None = None
    is_default: bool | None = None
    safe_for_third_parties: bool | None = None
    pass_github: bool | None = None
    pass_secrets: bool | None = None
    pass_sandbox_credentials: bool | None = None
    pass_agents_credentials: bool | None = None
    extends_default: bool | None = None
    variables: tuple[EnvironmentVariable, ...] = ()
    plain_variables: tuple[str, ...] = ()
    secret_files: tuple[EnvironmentSecretFile, ...] = ()
    repositories: tuple[EnvironmentRepository, ...] = ()
    cli_tools: dict[str, str] | None = None
    connections: tuple[str, ...] = ()
    setup_script: str | None = None
    setup_blocking: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EnvironmentBilling(Model):
    """The account new machines bill, for a "New sandboxes bill ..." line."""

    account_id: str | None = None
    name: str | None = None
    workspace_id: str | None = None


@attrs.frozen(kw_only=True)
class MachineEnvironmentList(Model):
    """``GET /environments``: the environments (the effective default first), the default's
    id and the billing account."""

    environments: tuple[MachineEnvironment, ...] = ()
    default_environment_id: str | None = None
    billing: EnvironmentBilling | None = None


@attrs.frozen(kw_only=True)
class EnvironmentVersion(Model):
    """One immutable version of an environment; it never holds values."""

    id: str | None = None
    version: int | None = None
    created_by: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EnvironmentUpgrade(Model):
    """``POST /environments/{id}/upgrade``: the machines moved to the latest version."""

    version: int | None = None
    upgraded: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class EffectiveEnvironment(Model):
    """What a machine (or an agent run) in the environment receives, defaults merged in."""

    environment_id: str | None = None
    version: int | None = None
    variables: tuple[EnvironmentVariable, ...] = ()
    secret_files: tuple[EnvironmentSecretFile, ...] = ()
    repositories: tuple[EnvironmentRepository, ...] = ()
    cli_tools: dict[str, str] | None = None
    connections: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class RevealedEnvironmentVariable(Model):
    """One variable's plaintext (the read is audit-logged)."""

    name: str | None = None
    value: str | None = None


@attrs.frozen(kw_only=True)
class RevealedSecretFile(Model):
    """One secret file's contents (the read is audit-logged)."""

    path: str | None = None
    contents: str | None = None


@attrs.frozen(kw_only=True)
class DeploymentEnvironment(Model):
    """A deployment's production or preview environment, from the inventory."""

    id: str | None = None
    name: str | None = None
    deployment_id: str | None = None
    project_id: str | None = None
    url: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
