"""Models of OpenComputers (bring-your-own-computer): hosts and what runs on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "OpenComputerAgentEvent",
    "OpenComputerAgentSession",
    "OpenComputerAgentSessionStatus",
    "OpenComputerApp",
    "OpenComputerAppInstall",
    "OpenComputerAppInstallEvent",
    "OpenComputerAppInstallStatus",
    "OpenComputerCluster",
    "OpenComputerClusterEvent",
    "OpenComputerClusterStatus",
    "OpenComputerFileEntry",
    "OpenComputerFileList",
    "OpenComputerFileStat",
    "OpenComputerHost",
    "OpenComputerHostEvent",
    "OpenComputerHostEventType",
    "OpenComputerHostStatus",
    "OpenComputerJob",
    "OpenComputerJobActivity",
    "OpenComputerJobEvent",
    "OpenComputerJobEventType",
    "OpenComputerJobResult",
    "OpenComputerJobState",
    "OpenComputerJobStatus",
    "OpenComputerSecret",
    "OpenComputerSecretValue",
    "OpenComputerSshKey",
    "OpenComputerTicket",
    "OpenComputerTunnel",
    "OpenComputerTunnelAuthMode",
    "OpenComputerWorkspace",
    "OpenComputerWorkspaceEvent",
    "OpenComputerWorkspaceStatus",
]


# -- hosts ---------------------------------------------------------------------------------


class OpenComputerHostStatus(OpenEnum):
    PENDING = "pending"
    ONLINE = "online"
    OFFLINE = "offline"
    ERROR = "error"
    REVOKED = "revoked"


@attrs.frozen(kw_only=True)
class OpenComputerHost(Model):
    """A machine registered with OpenComputers.

    ``host_key`` is only in the reply to ``hosts.create``, once: store it and install it
    on the machine.
    """

    id: str | None = None
    name: str | None = None
    region: str | None = None
    status: OpenComputerHostStatus | None = None
    tenant_id: str | None = None
    labels: dict[str, str] | None = None
    host_key: str | None = attrs.field(default=None, repr=False)
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerSshKey(Model):
    """An SSH public key authorized on a host (other fields the server sends are in ``raw``)."""

    id: str | None = None
    public_key: str | None = None


class OpenComputerHostEventType(OpenEnum):
    HOST_CONNECTED = "host_connected"
    HOST_DISCONNECTED = "host_disconnected"
    HOST_ERROR = "host_error"


@attrs.frozen(kw_only=True)
class OpenComputerHostEvent(Model):
    """A host state change from ``hosts.events()``; ``id`` is the SSE event id."""

    type: OpenComputerHostEventType | None = None
    host_id: str | None = None
    data: Any = None
    timestamp: datetime | None = None
    id: str | None = None


# -- jobs ----------------------------------------------------------------------------------


class OpenComputerJobState(OpenEnum):
    """A job's lifecycle (its ``state`` field)."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    TIMEOUT = "timeout"
    CANCELED = "canceled"


class OpenComputerJobStatus(OpenEnum):
    """The older ``status`` names of a job; servers send ``state`` (`OpenComputerJobState`)."""

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


@attrs.frozen(kw_only=True)
class OpenComputerJob(Model):
    """A job record: `cmd` run on a host, its `state` and `exit_code`.

    The record keeps no output (stream it with ``jobs.stream``). `links` (from
    ``jobs.start``) names its result and stream paths. The older field names
    (`command`, `status`, `stdout` ...) are read too when a server sends them.
    """

    id: str | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    cmd: str | None = None
    args: tuple[str, ...] | None = None
    cwd: str | None = None
    timeout_ms: int | None = None
    state: OpenComputerJobState | None = None
    exit_code: int | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    inserted_at: datetime | None = None
    links: dict[str, Any] | None = None
    status: OpenComputerJobStatus | None = None
    command: str | None = None
    env: tuple[Any, ...] | None = None
    stdout: str | None = None
    stderr: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerJobResult(Model):
    """What ``jobs.run`` returns once the command has finished: its whole output."""

    job_id: str | None = None
    exit_code: int | None = None
    stdout: str = ""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        """The command exited with 0."""
        return self.exit_code == 0


@attrs.frozen(kw_only=True)
class OpenComputerJobActivity(Model):
    """One row of ``jobs.list``: an audit event about a job (``job.dispatched``,
    ``job.done``, ``job.failed`` ...), newest first; rows may share a `job_id`."""

    id: str | None = None
    job_id: str | None = None
    kind: str | None = None
    status: str | None = None
    duration_ms: int | None = None
    dispatched_at: datetime | None = None
    completed_at: datetime | None = None
    event_at: datetime | None = None
    payload: dict[str, Any] | None = None


class OpenComputerJobEventType(OpenEnum):
    """Stream event names: ``exec_chunk``, ``exec_result``, ``exec_error`` (the older
    names are kept for servers that still send them)."""

    EXEC_CHUNK = "exec_chunk"
    EXEC_RESULT = "exec_result"
    EXEC_ERROR = "exec_error"
    STARTED = "started"
    STDOUT = "stdout"
    STDERR = "stderr"
    EXIT = "exit"
    ERROR = "error"
    DONE = "done"


@attrs.frozen(kw_only=True)
class OpenComputerJobEvent(Model):
    """One event of a job's output stream.

    ``exec_chunk``: output text in `data`, from `stream` (``stdout``/``stderr``);
    ``exec_result``: the end, with `exit_code` and `elapsed_ms`; ``exec_error``: the
    end, with a `reason`. ``type`` is the SSE event name.
    """

    type: OpenComputerJobEventType | None = None
    stream: str | None = None
    data: Any = None
    exit_code: int | None = None
    elapsed_ms: int | None = None
    reason: str | None = None
    job_id: str | None = None
    timestamp: datetime | None = None
    id: str | None = None


# -- files ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerFileEntry(Model):
    """A file or directory on a host (a listing entry, or what an upload wrote)."""

    name: str | None = None
    path: str | None = None
    size: int | None = None
    is_dir: bool | None = None
    modified_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerFileList(Model):
    """The entries of one directory."""

    path: str | None = None
    entries: tuple[OpenComputerFileEntry, ...] | None = None


@attrs.frozen(kw_only=True)
class OpenComputerFileStat(Model):
    """What ``stat`` says about a path (symlinks are not followed)."""

    path: str | None = None
    size: int | None = None
    mode: int | None = None
    is_dir: bool | None = None
    is_symlink: bool | None = None
    symlink_target: str | None = None
    modified_at: datetime | None = None


# -- terminal, desktop, workspace terminal -------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerTicket(Model):
    """A short-lived ticket for a WebSocket the SDK does not open itself.

    Connect to ``ws_url`` (fully qualified, ticket included as the server expects)
    before ``expires_at``.
    """

    ticket: str | None = attrs.field(default=None, repr=False)
    ws_url: str | None = None
    expires_at: datetime | None = None


# -- tunnels -------------------------------------------------------------------------------


class OpenComputerTunnelAuthMode(OpenEnum):
    PUBLIC = "public"
    TENANT_ONLY = "tenant_only"
    PASSWORD = "password"


@attrs.frozen(kw_only=True)
class OpenComputerTunnel(Model):
    """A public URL (served at ``/t/{slug}/``) forwarding to a port on a host."""

    id: str | None = None
    host_id: str | None = None
    slug: str | None = None
    target_port: int | None = None
    auth_mode: OpenComputerTunnelAuthMode | None = None
    public_url: str | None = None
    enabled: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


# -- agents --------------------------------------------------------------------------------


class OpenComputerAgentSessionStatus(OpenEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"
    CANCELLED = "cancelled"


@attrs.frozen(kw_only=True)
class OpenComputerAgentSession(Model):
    """An agent session running on a host.

    Servers that only send ``session_id`` get it copied into ``id`` too.
    """

    id: str | None = None
    session_id: str | None = None
    host_id: str | None = None
    task: str | None = None
    model: str | None = None
    model_id: str | None = None
    status: OpenComputerAgentSessionStatus | None = None
    tools: tuple[str, ...] | None = None
    max_turns: int | None = None
    turns_used: int | None = None
    max_steps: int | None = None
    max_tokens: int | None = None
    timeout_ms: int | None = None
    agent_runtime_profile_id: str | None = None
    runtime_context: dict[str, Any] | None = None
    sse_url: str | None = None
    optimal_session_id: str | None = None
    result_summary: str | None = None
    error: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    completed_at: datetime | None = None

    def __attrs_post_init__(self) -> None:
        if self.id is None and self.session_id is not None:
            object.__setattr__(self, "id", self.session_id)


@attrs.frozen(kw_only=True)
class OpenComputerAgentEvent(Model):
    """One event of an agent session (the stream ends after ``done``/``session_completed``)."""

    type: str | None = None
    session_id: str | None = None
    data: Any = None
    timestamp: datetime | None = None
    id: str | None = None


# -- clusters ------------------------------------------------------------------------------


class OpenComputerClusterStatus(OpenEnum):
    PROVISIONING = "provisioning"
    ACTIVE = "active"
    STOPPED = "stopped"
    ERROR = "error"
    DESTROYED = "destroyed"


@attrs.frozen(kw_only=True)
class OpenComputerCluster(Model):
    """An inference cluster over several hosts.

    ``inference_url`` is an OpenAI-compatible endpoint
    (``POST /inference/{slug}/v1/chat/completions``, outside ``/api/v1``).
    """

    id: str | None = None
    name: str | None = None
    model: str | None = None
    slug: str | None = None
    status: OpenComputerClusterStatus | None = None
    host_ids: tuple[str, ...] | None = None
    inference_url: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerClusterEvent(Model):
    type: str | None = None
    cluster_id: str | None = None
    data: Any = None
    timestamp: datetime | None = None
    id: str | None = None


# -- apps ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerApp(Model):
    """An entry of the app catalog."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    category: str | None = None
    version: str | None = None
    icon_url: str | None = None


class OpenComputerAppInstallStatus(OpenEnum):
    PENDING = "pending"
    INSTALLING = "installing"
    INSTALLED = "installed"
    FAILED = "failed"
    UNINSTALLED = "uninstalled"


@attrs.frozen(kw_only=True)
class OpenComputerAppInstall(Model):
    """An app installed (or being installed) on a host."""

    id: str | None = None
    host_id: str | None = None
    app_id: str | None = None
    status: OpenComputerAppInstallStatus | None = None
    error: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerAppInstallEvent(Model):
    """Install progress (the stream ends after ``installed``/``failed``)."""

    type: str | None = None
    install_id: str | None = None
    data: Any = None
    timestamp: datetime | None = None
    id: str | None = None


# -- workspaces ----------------------------------------------------------------------------


class OpenComputerWorkspaceStatus(OpenEnum):
    CREATING = "creating"
    READY = "ready"
    RUNNING = "running"
    STOPPED = "stopped"
    ERROR = "error"


@attrs.frozen(kw_only=True)
class OpenComputerWorkspace(Model):
    """A checked-out repository on a host."""

    id: str | None = None
    host_id: str | None = None
    name: str | None = None
    repo_url: str | None = None
    branch: str | None = None
    status: OpenComputerWorkspaceStatus | None = None
    directory: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerWorkspaceEvent(Model):
    type: str | None = None
    workspace_id: str | None = None
    data: Any = None
    timestamp: datetime | None = None
    id: str | None = None


# -- secrets -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerSecret(Model):
    """A secret's metadata; the value is never returned except by ``secrets.reveal``."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    host_id: str | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerSecretValue(Model):
    """A revealed secret (kept out of ``repr``)."""

    value: str | None = attrs.field(default=None, repr=False)
