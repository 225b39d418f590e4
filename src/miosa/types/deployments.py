"""Models of deployments, their versions, releases, runtime instances, builds and env."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "ConnectorBinding",
    "ConnectorPreflight",
    "ConnectorSyncResult",
    "Deployment",
    "DeploymentBuild",
    "DeploymentDatabaseAttachment",
    "DeploymentEnvVar",
    "DeploymentLogs",
    "DeploymentObservability",
    "DeploymentProduct",
    "DeploymentProof",
    "DeploymentProofCheck",
    "DeploymentRelease",
    "DeploymentReleaseKind",
    "DeploymentRequestLogs",
    "DeploymentRoutes",
    "DeploymentService",
    "DeploymentSourceType",
    "DeploymentState",
    "DeploymentVersion",
    "DeploymentVersionKind",
    "DeploymentVersionState",
    "DockerDeployApp",
    "MigrationBackup",
    "MigrationBackupResult",
    "PublishResult",
    "RuntimeInstance",
    "RuntimeInstanceLogs",
    "RuntimeInstanceState",
]


class DeploymentState(OpenEnum):
    PENDING = "pending"
    BUILDING = "building"
    RUNNING = "running"
    STOPPED = "stopped"
    FAILED = "failed"


class DeploymentSourceType(OpenEnum):
    REPO = "repo"
    SANDBOX = "sandbox"
    UPLOAD = "upload"


class DeploymentProduct(OpenEnum):
    MIOSA_DEPLOY = "miosa_deploy"
    DOCKER_DEPLOY = "docker_deploy"


class DeploymentVersionKind(OpenEnum):
    STATIC = "static"
    DYNAMIC = "dynamic"
    SANDBOX_BACKED = "sandbox_backed"


class DeploymentVersionState(OpenEnum):
    CREATED = "created"
    BUILDING = "building"
    READY = "ready"
    FAILED = "failed"
    ARCHIVED = "archived"


class DeploymentReleaseKind(OpenEnum):
    STATIC = "static"
    OCI = "oci"
    ROOTFS = "rootfs"


class RuntimeInstanceState(OpenEnum):
    PROVISIONING = "provisioning"
    STARTING = "starting"
    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"
    ERROR = "error"
    STOPPED = "stopped"
    DESTROYED = "destroyed"


@attrs.frozen(kw_only=True)
class DockerDeployApp(Model):
    """The App Engine container behind a ``docker_deploy`` deployment."""

    id: str | None = None
    deployment_id: str | None = None
    deployment_version_id: str | None = None
    docker_deploy_host_id: str | None = None
    name: str | None = None
    app_id: str | None = None
    container_id: str | None = None
    status: str | None = None
    runtime_ip: str | None = None
    runtime_port: int | str | None = None
    public_url: str | None = None
    last_health_status: str | None = None
    last_error: str | None = None
    last_seen_at: datetime | None = None
    deployed_at: datetime | None = None
    stopped_at: datetime | None = None


@attrs.frozen(kw_only=True)
class Deployment(Model):
    """A deployment (``/deployments``); ``public_url`` is its canonical address."""

    id: str | None = None
    tenant_id: str | None = None
    owner_id: str | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    name: str | None = None
    slug: str | None = None
    state: DeploymentState | None = None
    source_type: DeploymentSourceType | None = None
    repo_url: str | None = None
    repo_provider: str | None = None
    branch: str | None = None
    build_command: str | None = None
    run_command: str | None = None
    runtime_image: str | None = None
    auto_deploy: bool | None = None
    current_build_id: str | None = None
    active_version_id: str | None = None
    active_release_id: str | None = None
    running_artifact_sha256: str | None = None
    custom_domain_id: str | None = None
    linked_database_id: str | None = None
    deployment_product: DeploymentProduct | None = None
    docker_deploy_host_id: str | None = None
    docker_deploy_app: DockerDeployApp | None = None
    public_url: str | None = None
    auto_subdomain: str | None = None
    metadata: dict[str, Any] | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DeploymentVersion(Model):
    """One published version of a deployment (``/deployments/{id}/versions``)."""

    id: str | None = None
    deployment_id: str | None = None
    tenant_id: str | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    created_by: str | None = None
    source_sandbox_id: str | None = None
    build_id: str | None = None
    version_number: int | None = None
    kind: DeploymentVersionKind | None = None
    state: DeploymentVersionState | None = None
    artifact_uri: str | None = None
    artifact_manifest: dict[str, Any] | None = None
    artifact_sha256: str | None = None
    runtime_image: str | None = None
    runtime_command: str | None = None
    runtime_port: int | None = None
    health_check_path: str | None = None
    build_log_uri: str | None = None
    metadata: dict[str, Any] | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    promoted_at: datetime | None = None
    archived_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DeploymentRelease(Model):
    """A runnable artifact of a version (``/deployments/{id}/releases``)."""

    id: str | None = None
    deployment_id: str | None = None
    environment_id: str | None = None
    deployment_version_id: str | None = None
    service_id: str | None = None
    tenant_id: str | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    source_sandbox_id: str | None = None
    build_id: str | None = None
    kind: DeploymentReleaseKind | None = None
    state: str | None = None
    artifact_uri: str | None = None
    artifact_sha256: str | None = None
    artifact_manifest: dict[str, Any] | None = None
    storage_backend: str | None = None
    storage_uri: str | None = None
    sha256: str | None = None
    size_bytes: int | None = None
    start_command: str | None = None
    port: int | None = None
    health_check_path: str | None = None
    build_log_uri: str | None = None
    metadata: dict[str, Any] | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    ready_at: datetime | None = None
    archived_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DeploymentService(Model):
    """A service a publish created or updated (web, worker, postgres ...)."""

    id: str | None = None
    deployment_id: str | None = None
    environment_id: str | None = None
    tenant_id: str | None = None
    type: str | None = None
    name: str | None = None
    desired_replicas: int | None = None
    state: str | None = None
    metadata: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class PublishResult(Model):
    """``POST /deployments/{id}/publish``: what the publish produced."""

    deployment: Deployment | None = None
    version: DeploymentVersion | None = None
    release: DeploymentRelease | None = None
    services: tuple[DeploymentService, ...] | None = None
    promoted: bool | None = None


@attrs.frozen(kw_only=True)
class MigrationBackup(Model):
    """A database backup taken before a version's migrations run."""

    id: str | None = None
    database_id: str | None = None
    state: str | None = None
    backup_type: str | None = None
    size_bytes: int | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class MigrationBackupResult(Model):
    """``POST .../versions/{version_id}/migration-backup``: the backup and the version."""

    backup: MigrationBackup | None = None
    version: DeploymentVersion | None = None


@attrs.frozen(kw_only=True)
class RuntimeInstance(Model):
    """A running copy of a release (``/deployments/{id}/runtime-instances``)."""

    id: str | None = None
    deployment_id: str | None = None
    environment_id: str | None = None
    service_id: str | None = None
    release_id: str | None = None
    tenant_id: str | None = None
    host_id: str | None = None
    node_id: str | None = None
    vm_id: str | None = None
    desired_state: str | None = None
    state: RuntimeInstanceState | None = None
    ip_address: str | None = None
    port: int | None = None
    health_check_path: str | None = None
    last_health_check_at: datetime | None = None
    last_heartbeat_at: datetime | None = None
    started_at: datetime | None = None
    stopped_at: datetime | None = None
    error_message: str | None = None
    restart_count: int | None = None
    cpu_limit_millicores: int | None = None
    memory_limit_mb: int | None = None
    runtime_log_path: str | None = None
    metadata: dict[str, Any] | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RuntimeInstanceLogs(Model):
    """The tail of a runtime instance's log, as one string (not a stream)."""

    logs: str | None = None
    runtime_instance_id: str | None = None
    deployment_id: str | None = None
    log_path: str | None = None


@attrs.frozen(kw_only=True)
class DeploymentBuild(Model):
    """A build of a repo-backed deployment (``/deployments/{id}/builds``)."""

    id: str | None = None
    deployment_id: str | None = None
    commit_sha: str | None = None
    commit_message: str | None = None
    triggered_by: str | None = None
    state: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: int | None = None
    log_url: str | None = None
    image_digest: str | None = None
    error_message: str | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DeploymentEnvVar(Model):
    """One env record of a deployment.

    The contract calls these records free-form; ``key``/``value``/``environment`` are
    the likely fields (guess) and everything sent is in ``raw``.
    """

    id: str | None = None
    key: str | None = None
    value: str | None = None
    environment: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DeploymentLogs(Model):
    """``GET /deployments/{id}/logs``: the deployment's recent log output (not a stream).

    ``logs`` is one string or a list of lines, as the server sends it; `text` gives
    either as one string.
    """

    deployment_id: str | None = None
    runtime_instance_id: str | None = None
    log_path: str | None = None
    logs: Any = None

    @property
    def text(self) -> str:
        """The log as one string (lines joined with newlines)."""
        if isinstance(self.logs, list | tuple):
            return "\n".join(str(line) for line in self.logs)
        return "" if self.logs is None else str(self.logs)


@attrs.frozen(kw_only=True)
class DeploymentProofCheck(Model):
    """One check of a deployment proof: what was checked, whether it held, how to recover."""

    id: str | None = None
    ok: bool | None = None
    message: str | None = None
    details: dict[str, Any] | None = None
    recovery: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
class DeploymentProof(Model):
    """``GET /deployments/{id}/proof``: the server's evidence that a deployment is live."""

    ok: bool | None = None
    deployment: Deployment | None = None
    deployment_product: DeploymentProduct | None = None
    public_url: str | None = None
    checks: tuple[DeploymentProofCheck, ...] | None = None
    next_actions: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
class DeploymentObservability(Model):
    """``GET /deployments/{id}/observability``: invocation metrics (error rate, latency
    percentiles). The figures are server-defined: read them from ``raw``."""


@attrs.frozen(kw_only=True)
class DeploymentRequestLogs(Model):
    """``GET /deployments/{id}/request-logs``: one page of request logs (read ``raw``)."""


@attrs.frozen(kw_only=True)
class DeploymentRoutes(Model):
    """``GET /deployments/{id}/routes``: requests broken down by route (read ``raw``)."""


@attrs.frozen(kw_only=True)
class DeploymentDatabaseAttachment(Model):
    """``POST /deployments/{id}/database``: the server's answer to attaching a database
    (its shape is not documented: read ``raw``)."""


@attrs.frozen(kw_only=True)
class ConnectorBinding(Model):
    """A Connect provider bound to a runtime (``/deployments/{id}/connectors``).

    The fields named are the ones an attach sends; the rest of the server's record is
    in ``raw``.
    """

    id: str | None = None
    connector: str | None = None
    env_name: str | None = None
    mode: str | None = None
    installation_id: str | None = None
    project_id: str | None = None
    environment: str | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ConnectorSyncResult(Model):
    """``POST .../connectors/sync``: the outcome of re-applying the bindings (read ``raw``)."""


@attrs.frozen(kw_only=True)
class ConnectorPreflight(Model):
    """``POST .../connectors/preflight``: whether the bindings would apply (read ``raw``)."""
