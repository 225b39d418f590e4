"""Models of custom domains: tenant-wide (``/custom-domains``) and per deployment."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = ["CustomDomain", "DeploymentDomain", "RedirectPolicy"]


class RedirectPolicy(OpenEnum):
    NONE = "none"
    WWW_TO_APEX = "www_to_apex"
    APEX_TO_WWW = "apex_to_www"


@attrs.frozen(kw_only=True)
class CustomDomain(Model):
    """A tenant-wide custom domain pointing at a resource (``/custom-domains``)."""

    id: str | None = None
    tenant_id: str | None = None
    domain: str | None = None
    state: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    redirect_policy: RedirectPolicy | None = None
    verified: bool | None = None
    verification_token: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DeploymentDomain(Model):
    """A domain attached to one deployment (``/deployments/{id}/domains``).

    The contract calls the record free-form; the fields below are the ones the other
    domain APIs use (guess), and everything the server sent is in ``raw``.
    """

    id: str | None = None
    deployment_id: str | None = None
    domain: str | None = None
    redirect_policy: RedirectPolicy | None = None
    state: str | None = None
    status: str | None = None
    verified: bool | None = None
    verification_token: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
