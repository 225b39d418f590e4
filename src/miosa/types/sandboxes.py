"""Models of sandboxes and their core operations."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

import attrs

from ..errors import CommandError
from ._base import Model, OpenEnum

R = TypeVar("R", bound="ExecResult")

__all__ = [
    "PLATFORM_READINESS_COMPONENTS",
    "SIZE_CONTRACTS",
    "BrowserCdpGrant",
    "ExecResult",
    "ExposeResult",
    "MeasurementStatus",
    "PreviewToken",
    "Readiness",
    "ResourceContract",
    "SandboxArtifacts",
    "SandboxData",
    "SandboxDeployResult",
    "SandboxLogLine",
    "SandboxLogOutput",
    "SandboxMetrics",
    "SandboxResize",
    "SandboxResourceAmounts",
    "SandboxResources",
    "SandboxSize",
    "SandboxSnapshotRef",
    "SandboxState",
    "SandboxTemplateStart",
    "SandboxUsage",
    "SnapshotDeployResult",
    "SshCertificate",
    "SshInfo",
    "UrlInfo",
]


class SandboxState(OpenEnum):
    CREATING = "creating"
    PROVISIONING = "provisioning"
    RUNNING = "running"
    STOPPED = "stopped"
    PAUSED = "paused"
    PAUSING = "pausing"
    RESUMING = "resuming"
    DESTROYING = "destroying"
    DESTROYED = "destroyed"
    ERROR = "error"


class SandboxSize(OpenEnum):
    XS = "xs"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    XL = "xl"


# (vCPU, MiB RAM, MiB disk) per size, from the contract.
SIZE_CONTRACTS: dict[str, tuple[int, int, int]] = {
    "xs": (1, 2048, 10240),
    "small": (2, 4096, 10240),
    "medium": (4, 8192, 20480),
    "large": (8, 16384, 40960),
    "xl": (16, 32768, 81920),
}


@attrs.frozen(kw_only=True)
class ResourceContract(Model):
    id: str | None = None
    version: str | int | None = None
    product: str | None = None
    size: str | None = None
    vcpus: int | None = None
    memory_mb: int | None = None
    disk_size_mb: int | None = None


@attrs.frozen(kw_only=True)
class UrlInfo(Model):
    url: str | None = None
    class_: str | None = None
    url_class: str | None = None
    stable_for_embedding: bool | None = None
    recommended_next_action: str | None = None
    alias_slug: str | None = None
    port: int | None = None


@attrs.frozen(kw_only=True)
class SandboxData(Model):
    """A sandbox as the API describes it. Fields the server leaves out are ``None``."""

    id: str
    state: SandboxState | None = None
    name: str | None = None
    slug: str | None = None
    ready: bool | None = None
    template_id: str | None = None
    image_id: str | None = None
    size: SandboxSize | None = None
    resource_contract: ResourceContract | None = None
    cpu_count: int | None = None
    memory_mb: int | None = None
    disk_mb: int | None = None
    disk_size_mb: int | None = None
    timeout_sec: int | None = None
    timeout_remaining_ms: int | None = None
    idle_timeout_sec: int | None = None
    always_on: bool | None = None
    persistent: bool | None = None
    boot_path: str | None = None
    boot_ms: int | None = None
    ready_at: datetime | None = None
    preview_url: str | None = None
    preview_domain: str | None = None
    url_info: UrlInfo | None = None
    url_class: str | None = None
    stable_for_embedding: bool | None = None
    recommended_next_action: str | None = None
    metadata: dict[str, Any] | None = None
    tenant_id: str | None = None
    owner_id: str | None = None
    workspace_id: str | None = None
    workspace_slug: str | None = None
    workspace_name: str | None = None
    project_id: str | None = None
    project_slug: str | None = None
    project_name: str | None = None
    external_workspace_id: str | None = None
    external_user_id: str | None = None
    external_project_id: str | None = None
    inserted_at: datetime | None = None
    created_at: datetime | None = None
    started_at: datetime | None = None
    destroyed_at: datetime | None = None
    total_runtime_sec: int | float | None = None

    @property
    def tag_names(self) -> tuple[str, ...]:
        """The sandbox's tags, when the server reports them (the contract marks it a guess)."""
        tags = self.raw.get("tags")
        return tuple(str(t) for t in tags) if isinstance(tags, list) else ()


@attrs.frozen(kw_only=True)
class ExecResult(Model):
    """The outcome of `sandbox.exec.run`: the command ran; ``exit_code`` says how it went.

    A non-zero exit is not an exception unless asked for: ``exec.run(cmd, check=True)``
    or ``result.check()`` raise `CommandError` then.
    """

    stdout: str = ""
    stderr: str = ""
    exit_code: int = 0
    duration_ms: int | float | None = None

    @property
    def ok(self) -> bool:
        """True when the command exited with status 0."""
        return self.exit_code == 0

    def check(self: R, *, command: str | None = None) -> R:
        """This result when the command exited with status 0, else raise `CommandError`.

        Like ``subprocess.CompletedProcess.check_returncode()``, but returning the result
        so it chains: ``out = sandbox.exec.run("make").check().stdout``.

        Args:
            command: the command line, named in the error (``exec.run(check=True)``
                passes it).

        Raises:
            CommandError: with the exit code, the command and the output; its message
                ends with the last lines of standard error (else standard output).
        """
        if self.exit_code != 0:
            raise CommandError(
                exit_code=self.exit_code, command=command, stdout=self.stdout, stderr=self.stderr
            )
        return self


@attrs.frozen(kw_only=True)
class MeasurementStatus(Model):
    active_cpu: str | None = None
    network: str | None = None
    provisioned_resources: str | None = None


@attrs.frozen(kw_only=True)
class SandboxUsage(Model):
    """``GET /sandboxes/{id}/usage``."""

    sandbox_id: str | None = None
    state: SandboxState | None = None
    runtime_sec: int | float | None = None
    provisioned_vcpu_ms: int | float | None = None
    provisioned_memory_mb_ms: int | float | None = None
    creation_count: int | None = None
    active_cpu_ms: int | float | None = None
    network_ingress_bytes: int | None = None
    network_egress_bytes: int | None = None
    measurement_status: MeasurementStatus | None = None
    estimated_cost_cents: int | float | None = None
    timeout_sec: int | None = None
    timeout_remaining_ms: int | None = None


@attrs.frozen(kw_only=True)
class PreviewToken(Model):
    """``POST /sandboxes/{id}/preview-token``."""

    token: str | None = None
    url: str | None = None
    expires_at: datetime | None = None
    scope: str | None = None


@attrs.frozen(kw_only=True)
class Readiness(Model):
    """``GET /sandboxes/{id}/readiness``; `is_ready` applies the contract's rule."""

    ready: bool | None = None
    status: str | None = None
    state: SandboxState | None = None
    ready_at: datetime | None = None
    components: dict[str, Any] | None = None
    readiness: dict[str, Any] | None = None

    @property
    def is_ready(self) -> bool:
        """``ready`` is true, ``status`` is ``ready``, or every platform component that
        gates commands reports ``ready`` (those under ``readiness.components`` or
        ``components``; the template's own app probe does not count)."""
        if self.ready is True or self.status == "ready":
            return True
        nested = self.readiness.get("components") if self.readiness else None
        components = nested if isinstance(nested, dict) else self.components
        if not components:
            return False
        return all(
            _component_status(components.get(name)) == "ready"
            for name in PLATFORM_READINESS_COMPONENTS
        )


PLATFORM_READINESS_COMPONENTS = (
    "command_agent",
    "process_control",
    "resource_contract",
    "clock",
    "identity",
    "durability",
    "filesystem",
    "internal_probe",
)
"""The readiness components that gate ``exec`` (a sandbox refuses commands with 409 until
all report ``ready``)."""


def _component_status(value: object) -> object:
    return value.get("status") if isinstance(value, dict) else value


@attrs.frozen(kw_only=True)
class SandboxMetrics(Model):
    """``GET /sandboxes/{id}/metrics``."""

    resource_type: str | None = None
    current: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ExposeResult(Model):
    """``POST /sandboxes/{id}/expose``: where a port of the sandbox is reachable."""

    url: str | None = None
    preview_url: str | None = None
    url_class: str | None = None
    class_: str | None = None
    stable_for_embedding: bool | None = None
    recommended_next_action: str | None = None
    url_info: UrlInfo | None = None


@attrs.frozen(kw_only=True)
class SandboxDeployResult(Model):
    """``POST /sandboxes/{id}/deploy``: the deployment published from the sandbox.

    Show ``url`` (else ``public_url``) to users; never build the URL yourself.
    """

    deployment_id: str | None = None
    url: str | None = None
    public_url: str | None = None
    deployment: dict[str, Any] | None = None
    deployment_product: Any = None


@attrs.frozen(kw_only=True)
class SnapshotDeployResult(SandboxDeployResult):
    """``sandbox.deploy_snapshot``: the deployment, and the release sandbox it was built in.

    ``release_cleanup_error`` is set when the release sandbox could not be destroyed
    afterwards (it is still running, and billed, until it is).
    """

    source_snapshot_id: str | None = None
    release_sandbox_id: str | None = None
    release_cleanup_error: str | None = None


@attrs.frozen(kw_only=True)
class SandboxTemplateStart(Model):
    """``POST /sandboxes/{id}/template/start``."""

    preview_url: str | None = None


@attrs.frozen(kw_only=True)
class SandboxArtifacts(Model):
    """``GET /sandboxes/{id}/artifacts`` (shapes left open by the contract)."""

    artifacts: Any = None
    preview: Any = None


@attrs.frozen(kw_only=True)
class SandboxSnapshotRef(Model):
    """``POST /sandboxes/{id}/snapshot`` (legacy): the id of the snapshot taken."""

    snapshot_id: str | None = None
    id: str | None = None

    @property
    def ref(self) -> str | None:
        """The snapshot's id, whichever key the server used."""
        return self.snapshot_id or self.id


@attrs.frozen(kw_only=True)
class SandboxLogLine(Model):
    """One log line: an entry of `SandboxLogOutput` or an event of ``sandbox.logs.stream()``."""

    line: str | None = None
    stream: str | None = None
    timestamp: datetime | None = None
    id: str | None = None


@attrs.frozen(kw_only=True)
class SandboxLogOutput(Model):
    """``GET /sandboxes/{id}/logs``: the recent lines (and richer entries when sent)."""

    lines: tuple[str, ...] = ()
    entries: tuple[SandboxLogLine, ...] = ()

    @property
    def text(self) -> str:
        """The lines joined with newlines."""
        return "\n".join(self.lines)


@attrs.frozen(kw_only=True)
class SandboxResourceAmounts(Model):
    """A sandbox's vCPUs and memory."""

    cpu: int | None = None
    memory_mb: int | None = None


@attrs.frozen(kw_only=True)
class SandboxResources(Model):
    """``GET /sandboxes/{id}/resources``: the current resources, and what can change live
    (``capabilities``: ``live_cpu``, ``live_memory``, their maxima, the reason they cannot)."""

    id: str | None = None
    resources: SandboxResourceAmounts | None = None
    capabilities: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class SandboxResize(Model):
    """``PATCH /sandboxes/{id}/resources``. With ``restarted`` the sandbox was recreated:
    ``new_sandbox`` is the one to use from then on."""

    applied_live: bool | None = None
    requires_restart: bool | None = None
    changes: Any = None
    resources: SandboxResourceAmounts | None = None
    capabilities: dict[str, Any] | None = None
    billing: dict[str, Any] | None = None
    restarted: bool | None = None
    new_sandbox: dict[str, Any] | None = None
    source_sandbox: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class SshCertificate(Model):
    """``POST /sandboxes/{id}/ssh-certificates``: a short-lived certificate for the key
    (principal ``sandbox-<id>``); ``ca_public_key`` goes into ``known_hosts``."""

    certificate: str | None = None
    principal: str | None = None
    ca_public_key: str | None = None
    expires_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SshInfo(Model):
    """``GET /sandboxes/{id}/ssh-info``: where to connect, and the certificate flow."""

    host: str | None = None
    port: int | None = None
    user: str | None = None
    tunnel_url: str | None = None
    certificates: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class BrowserCdpGrant(Model):
    """``POST /sandboxes/{id}/browser/cdp-url``: a scoped, expiring grant to a browser's
    DevTools protocol in the sandbox (it starts no browser).

    ``cdp_ws_url``/``cdp_http_url`` carry the token in the path; ``cdp_url`` and the
    ``cdp_host*`` forms expect the grant as a header. ``cdp_debugger_address`` (Selenium's
    ``debuggerAddress``) is given only when the edge serves plain HTTP.
    """

    state: str | None = None
    epoch: int | None = None
    cdp_url: str | None = None
    cdp_ws_url: str | None = None
    cdp_http_url: str | None = None
    cdp_token_id: str | None = None
    cdp_expires_at: datetime | None = None
    cdp_host: str | None = None
    cdp_host_http_url: str | None = None
    cdp_host_ws_url: str | None = None
    cdp_debugger_address: str | None = None
