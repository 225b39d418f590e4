"""Models of Builder apps: the document a Builder session produces, its releases and
approvals, its two data planes (workspace and runtime) and its automation runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "AutomationRun",
    "AutomationRunStatus",
    "BuilderApp",
    "BuilderAppApproval",
    "BuilderAppCandidate",
    "BuilderAppComponent",
    "BuilderAppDiagnostics",
    "BuilderAppPublication",
    "BuilderAppRecord",
    "BuilderAppRuntimeBinding",
    "BuilderAppRuntimeToken",
]


@attrs.frozen(kw_only=True)
class BuilderApp(Model):
    """A Builder app document (``/builder/apps``): components, releases, approvals."""

    id: str | None = None
    name: str | None = None
    status: str | None = None
    workspace_id: str | None = None
    session_id: str | None = None
    published_release_id: str | None = None
    deployment_id: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    archived_at: datetime | None = None


@attrs.frozen(kw_only=True)
class BuilderAppDiagnostics(Model):
    """An app's readiness report: ``ready`` and the checks behind it."""

    app_id: str | None = None
    ready: bool | None = None
    checks: tuple[dict[str, Any], ...] = ()


@attrs.frozen(kw_only=True)
class BuilderAppComponent(Model):
    """One generated component of an app."""

    name: str | None = None
    kind: str | None = None
    source: str | None = None
    props: dict[str, Any] | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class BuilderAppCandidate(Model):
    """A staged candidate release: the deployment version it built and its digests."""

    deployment_id: str | None = None
    deployment_version_id: str | None = None
    release_id: str | None = None
    artifact_digest: str | None = None
    source_digest: str | None = None


@attrs.frozen(kw_only=True)
class BuilderAppApproval(Model):
    """An approval authorising one release to be published."""

    id: str | None = None
    app_id: str | None = None
    release_id: str | None = None
    status: str | None = None
    approved_by: str | None = None
    note: str | None = None
    created_at: datetime | None = None
    revoked_at: datetime | None = None


@attrs.frozen(kw_only=True)
class BuilderAppPublication(Model):
    """``POST /builder/apps/{id}/publish``: the app and the release now served."""

    app: BuilderApp | None = None
    deployment_id: str | None = None
    release_id: str | None = None


@attrs.frozen(kw_only=True)
class BuilderAppRuntimeToken(Model):
    """An app callback token for the runtime data plane, valid ``expires_in`` seconds."""

    token: str | None = None
    app_document_id: str | None = None
    release_id: str | None = None
    expires_in: int | None = None


@attrs.frozen(kw_only=True)
class BuilderAppRuntimeBinding(Model):
    """A runtime binding of the published release, resolved."""

    id: str | None = None
    kind: str | None = None
    resource_id: str | None = None
    config: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class BuilderAppRecord(Model):
    """A record of an app's data plane: ``collection``/``key`` and its ``data``."""

    collection: str | None = None
    key: str | None = None
    data: dict[str, Any] | None = None
    version: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class AutomationRunStatus(OpenEnum):
    """Where an automation run is: ``queued`` until a worker claims it."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@attrs.frozen(kw_only=True)
class AutomationRun(Model):
    """One run of an app automation; a worker claims it, then completes or fails it."""

    id: str | None = None
    app_id: str | None = None
    automation_id: str | None = None
    status: AutomationRunStatus | None = None
    input: dict[str, Any] | None = None
    output: dict[str, Any] | None = None
    error: str | None = None
    claimed_by: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
