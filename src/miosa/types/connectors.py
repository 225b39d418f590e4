"""Models of MIOSA Connect (``/connect/*``): provider connectors and the runtime tokens,
OAuth flows, installations, project links, inherited defaults and inbound triggers built
on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, TypeAlias, TypedDict

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "AppSubject",
    "Connector",
    "ConnectorDefault",
    "ConnectorInstallation",
    "ConnectorLinkMode",
    "ConnectorMaterialization",
    "ConnectorOAuthProvider",
    "ConnectorOAuthStart",
    "ConnectorProjectLink",
    "ConnectorReference",
    "ConnectorToken",
    "ConnectorTrigger",
    "ConnectorTriggerDelivery",
    "JwtBearerSubject",
    "TokenSubject",
    "UserSubject",
]


class AppSubject(TypedDict):
    """A token for the application itself (the default)."""

    type: Literal["app"]


class _UserSubject(TypedDict):
    type: Literal["user"]
    id: str


class UserSubject(_UserSubject, total=False):
    """A token on behalf of one end user of the connector's installation."""

    issuer: str


class _JwtBearerSubject(TypedDict):
    type: Literal["jwt-bearer"]
    sub: str


class JwtBearerSubject(_JwtBearerSubject, total=False):
    """A token exchanged for a JWT the caller asserts (RFC 7523); ``additionalClaims``
    is spelled as the API spells it."""

    iss: str
    aud: str
    additionalClaims: dict[str, Any]


TokenSubject: TypeAlias = AppSubject | UserSubject | JwtBearerSubject
"""Who a runtime token is for (``subject`` of ``connectors.get_token``)."""


class ConnectorLinkMode(OpenEnum):
    """How a runtime receives a connector's credential: fetched on demand through the
    token API, injected by the broker as an environment variable, or written as plain
    environment."""

    TOKEN_API = "token_api"
    BROKERED_ENV = "brokered_env"
    PLAIN_ENV = "plain_env"


@attrs.frozen(kw_only=True)
class Connector(Model):
    """A provider credential kept by MIOSA Connect, addressed by ``uid``
    (``"github/default"``) or ``id``. The secret itself is never returned: only
    ``masked_value``."""

    id: str | None = None
    uid: str | None = None
    name: str | None = None
    provider: str | None = None
    type: str | None = None
    scope: str | None = None
    status: str | None = None
    managed: bool | None = None
    display_name: str | None = None
    masked_value: str | None = None
    workspace_id: str | None = None
    owner_user_id: str | None = None
    expires_at: datetime | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ConnectorReference(Model):
    """The connector a token was minted from."""

    id: str | None = None
    uid: str | None = None
    type: str | None = None


@attrs.frozen(kw_only=True)
class ConnectorToken(Model):
    """A short-lived provider token for a runtime. ``token`` is secret material."""

    token: str | None = None
    expires_at: datetime | None = None
    connector: ConnectorReference | None = None
    name: str | None = None
    installation_id: str | None = None
    subject: dict[str, Any] | None = None
    scopes: tuple[str, ...] = ()
    metadata: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ConnectorOAuthProvider(Model):
    """An OAuth app an end user can authorize a connector through."""

    id: str | None = None
    provider: str | None = None
    display_name: str | None = None
    scopes: tuple[str, ...] = ()
    branding: dict[str, Any] | None = None
    enabled: bool | None = None


@attrs.frozen(kw_only=True)
class ConnectorOAuthStart(Model):
    """Where to send the user to authorize, and the ``state`` that ties the callback back."""

    authorize_url: str | None = None
    state: str | None = None


@attrs.frozen(kw_only=True)
class ConnectorInstallation(Model):
    """A grant of a connector to a subject (an app, a user) in a workspace."""

    id: str | None = None
    connector_id: str | None = None
    installation_id: str | None = None
    workspace_id: str | None = None
    subject_type: str | None = None
    scope: str | None = None
    status: str | None = None
    scopes: tuple[str, ...] = ()
    metadata: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class ConnectorProjectLink(Model):
    """A connector made available to a project, an environment or one runtime resource
    (``resource_type="sandbox"``, ``resource_id="sbx_..."``)."""

    id: str | None = None
    connector_id: str | None = None
    installation_id: str | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    environment: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    allowed_subjects: tuple[str, ...] = ()
    allowed_scopes: tuple[str, ...] = ()
    mode: ConnectorLinkMode | None = None
    effect: str | None = None
    external_user_id: str | None = None
    external_workspace_id: str | None = None
    external_project_id: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ConnectorDefault(ConnectorProjectLink):
    """A link inherited by runtimes created later: ``target`` names the kind of runtime
    (``all``, ``sandbox``, ``computer``, ``agent``, ``deployment``) and ``default_scope``
    how wide it applies."""

    default_scope: str | None = None
    target: str | None = None


@attrs.frozen(kw_only=True)
class ConnectorMaterialization(Model):
    """The result of applying inherited defaults to one runtime resource."""

    applied: int | None = None
    results: tuple[dict[str, Any], ...] = ()


@attrs.frozen(kw_only=True)
class ConnectorTrigger(Model):
    """An inbound provider webhook forwarded to a destination.

    ``webhook_signing_secret`` is in the create reply only; later reads carry
    ``signing_secret_preview``.
    """

    id: str | None = None
    connector_id: str | None = None
    workspace_id: str | None = None
    project_id: str | None = None
    environment: str | None = None
    destination_path: str | None = None
    destination_url: str | None = None
    event_types: tuple[str, ...] = ()
    status: str | None = None
    provider_adapter: str | None = None
    signing_secret_preview: str | None = None
    webhook_signing_secret: str | None = None
    webhook_token: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ConnectorTriggerDelivery(Model):
    """One attempt to forward a provider event through a trigger."""

    id: str | None = None
    trigger_id: str | None = None
    connector_id: str | None = None
    event_type: str | None = None
    provider_delivery_id: str | None = None
    state: str | None = None
    attempts: int | None = None
    destination_url: str | None = None
    status_code: int | None = None
    error: str | None = None
    latency_ms: int | None = None
    delivered_at: datetime | None = None
