"""Models of a project's services: the service, its releases and their events, variables,
build logs, domains, log drains, previews, protection and WAF rules."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "BuildLogPage",
    "BuildSummary",
    "EffectiveVariables",
    "LogDrain",
    "LogDrainTest",
    "PendingChanges",
    "PreviewSettings",
    "PublicAddress",
    "ReleaseEvent",
    "ReleaseReason",
    "ReleaseState",
    "RevealedVariable",
    "Service",
    "ServiceConnection",
    "ServiceDomain",
    "ServiceDomains",
    "ServiceKind",
    "ServiceMetrics",
    "ServiceProtection",
    "ServiceRelease",
    "ServiceRun",
    "ServiceStopResult",
    "ServiceVariable",
    "ServiceWaf",
    "ShareLink",
    "SourceUpload",
]


class ServiceKind(OpenEnum):
    """The API's kind of service. Products' *web* and *private* services are ``server``."""

    SERVER = "server"
    WORKER = "worker"
    CRON = "cron"
    STATIC = "static"
    DATABASE = "database"


class ReleaseState(OpenEnum):
    """Where a release is. ``active`` and ``sleeping`` are live; the last four are final."""

    QUEUED = "queued"
    BUILDING = "building"
    DEPLOYING = "deploying"
    ACTIVE = "active"
    SLEEPING = "sleeping"
    FAILED = "failed"
    CANCELED = "canceled"
    STOPPED = "stopped"
    REMOVED = "removed"


@attrs.frozen(kw_only=True)
class PendingChanges(Model):
    """What a variable write left stale: ``needs`` a ``rebuild`` or a ``redeploy``.

    ``because`` is ``own``, ``shared`` or the reference that changed. A deploy clears it.
    """

    needs: str | None = None
    variables: tuple[str, ...] = ()
    because: str | None = None


@attrs.frozen(kw_only=True)
class Service(Model):
    """A service of a project: a web service, worker, static site, cron job or database.

    ``settings`` is merged on update (a null value removes a key); send ``lock_version``
    back on update so a concurrent change is a conflict rather than lost.
    """

    id: str | None = None
    project_id: str | None = None
    environment_id: str | None = None
    name: str | None = None
    slug: str | None = None
    kind: ServiceKind | None = None
    source: dict[str, Any] | None = None
    build: dict[str, Any] | None = None
    settings: dict[str, Any] | None = None
    template_ref: str | None = None
    lock_version: int | None = None
    public_url: str | None = None
    private_url: str | None = None
    pending_changes: PendingChanges | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ReleaseReason(Model):
    """Why a release failed or stopped: a machine ``code`` and a human ``detail``."""

    code: str | None = None
    detail: str | None = None


@attrs.frozen(kw_only=True)
class ServiceRelease(Model):
    """One release of a service (``/services/{id}/deployments``): a build and a rollout."""

    id: str | None = None
    service_id: str | None = None
    number: int | None = None
    state: ReleaseState | None = None
    reason: ReleaseReason | None = None
    message: str | None = None
    source: dict[str, Any] | None = None
    image: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    finished_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ReleaseEvent(Model):
    """One transition of a release, with the reason when it failed."""

    id: str | None = None
    release_id: str | None = None
    state: ReleaseState | None = None
    reason: ReleaseReason | None = None
    message: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ServiceStopResult(Model):
    """``POST /services/{id}/stop``: how many active releases were stopped."""

    stopped: int | None = None


@attrs.frozen(kw_only=True)
class ServiceVariable(Model):
    """A service variable, masked: ``preview`` hints at the value; reveal returns it.

    A value may reference another service (``${{Postgres.DATABASE_URL}}``), a shared
    variable (``${{shared.API_BASE}}``), another variable (``${{NAME}}``) or a generated
    secret (``${{secret(32)}}``).
    """

    name: str | None = None
    preview: str | None = None
    sealed: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class EffectiveVariables(Model):
    """Every variable a deploy would receive, references resolved, values masked."""

    service_id: str | None = None
    variables: tuple[ServiceVariable, ...] = ()


@attrs.frozen(kw_only=True)
class RevealedVariable(Model):
    """One variable's plaintext value."""

    name: str | None = None
    value: str | None = None


@attrs.frozen(kw_only=True)
class BuildSummary(Model):
    """The build a log page belongs to; both fields are None before it packed a commit."""

    id: str | None = None
    source_commit: str | None = None
    duration_ms: int | None = None


@attrs.frozen(kw_only=True)
class BuildLogPage(Model):
    """A page of a build log. Pass ``offset`` as ``after`` to continue; ``complete``
    is true once the build has finished and the page reaches the end."""

    lines: tuple[Any, ...] = ()
    offset: int | None = None
    complete: bool | None = None
    build: BuildSummary | None = None

    @property
    def text(self) -> str:
        """The page's lines joined with newlines (a structured line gives its ``text``)."""
        return "\n".join(
            str(line.get("text", "")) if isinstance(line, dict) else str(line)
            for line in self.lines
        )


@attrs.frozen(kw_only=True)
class ServiceDomain(Model):
    """A custom domain of a service and the DNS records it needs."""

    id: str | None = None
    fqdn: str | None = None
    status: str | None = None
    redirect_policy: str | None = None
    dns_records: tuple[dict[str, Any], ...] = ()
    verified_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ServiceDomains(Model):
    """A service's custom domains and its generated address (``preview``)."""

    domains: tuple[ServiceDomain, ...] = ()
    preview: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class PublicAddress(Model):
    """The service's public address, ``<label>.<org>.miosa.app``, or none once removed."""

    url: str | None = None
    label: str | None = None
    enabled: bool | None = None


@attrs.frozen(kw_only=True)
class ServiceConnection(Model):
    """A database service's URLs. Both hold a password: treat them as secrets."""

    private_url: str | None = None
    public_url: str | None = None


@attrs.frozen(kw_only=True)
class ServiceRun(Model):
    """One run of a cron service."""

    id: str | None = None
    state: str | None = None
    exit_code: int | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SourceUpload(Model):
    """A recorded source archive: PUT the archive to ``upload_url``, then deploy with
    ``source={"type": "upload", "upload_id": upload.id}``."""

    id: str | None = None
    upload_url: str | None = None
    filename: str | None = None
    size: int | None = None
    sha256: str | None = None
    expires_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ServiceMetrics(Model):
    """A service's metric series. A series the server does not measure is None, and
    ``available`` names the real ones (services measure requests, errors and latency)."""

    range: str | None = None
    available: tuple[str, ...] = ()
    requests: tuple[Any, ...] | None = None
    errors: tuple[Any, ...] | None = None
    latency: tuple[Any, ...] | None = None
    cpu: tuple[Any, ...] | None = None
    memory: tuple[Any, ...] | None = None
    network: tuple[Any, ...] | None = None


@attrs.frozen(kw_only=True)
class PreviewSettings(Model):
    """Pull-request previews for one repository. ``secret`` and ``token`` are write-only."""

    id: str | None = None
    repository: str | None = None
    enabled: bool | None = None
    max_open: int | None = None
    ttl_hours: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class LogDrain(Model):
    """Where an environment's logs are forwarded. ``secret`` is present once, on create."""

    id: str | None = None
    name: str | None = None
    kind: str | None = None
    url: str | None = None
    sources: tuple[str, ...] = ()
    state: str | None = None
    secret: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class LogDrainTest(Model):
    """Whether the drain's endpoint accepted one signed test line, and why not."""

    ok: bool | None = None
    status: int | None = None
    error: str | None = None


@attrs.frozen(kw_only=True)
class ServiceProtection(Model):
    """Whether a password stands in front of the service (the password is never returned)."""

    enabled: bool | None = None
    share_links: tuple[dict[str, Any], ...] = ()


@attrs.frozen(kw_only=True)
class ShareLink(Model):
    """A link that skips the password. ``token`` (``msl_...``) is shown this once."""

    id: str | None = None
    token: str | None = None
    url: str | None = None
    label: str | None = None
    expires_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ServiceWaf(Model):
    """A service's WAF rules."""

    attack_mode: bool | None = None
    rate_limit_per_minute: int | None = None
    blocked_ips: tuple[str, ...] = ()
    blocked_countries: tuple[str, ...] = ()
