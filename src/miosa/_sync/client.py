# This file was generated from
#   src/miosa/_async/client.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""`Miosa`: the blocking client."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from .._core.options import (
    ClientOptions,
    Secret,
    check_header_value,
    configure_logging_from_env,
    resolve_options,
    to_timeout,
)
from .._core.request import NOT_GIVEN, NotGiven
from ..errors import ConfigurationError
from ._http import HTTP, Pool

if TYPE_CHECKING:
    from .resources.admin import Admin
    from .resources.agents import Agents, AgentTriggers, RunGroups, Runs
    from .resources.analytics import Analytics
    from .resources.api_keys import ApiKeys
    from .resources.audit_log import AuditLog
    from .resources.benchmarks import Benchmarks
    from .resources.builder_sessions import BuilderSessions
    from .resources.channels import Channels
    from .resources.command_center import CommandCenter
    from .resources.community import Community
    from .resources.completions import Completions
    from .resources.computers import Computers
    from .resources.connectors import Connectors
    from .resources.credits import Credits
    from .resources.cron_jobs import CronJobs
    from .resources.custom_domains import CustomDomains
    from .resources.dashboard import Dashboard
    from .resources.databases import Databases
    from .resources.deployments import Deployments
    from .resources.devices import Devices
    from .resources.email import Email
    from .resources.embeddings import Embeddings
    from .resources.events import Events
    from .resources.external_keys import ExternalKeys
    from .resources.functions import Functions
    from .resources.health_checks import HealthChecks
    from .resources.integrations import Integrations
    from .resources.mcp import CliTools, Mcp, McpCatalogResource, McpServers
    from .resources.models import Models
    from .resources.open_computers import OpenComputers
    from .resources.org_invites import OrgInvites
    from .resources.project_integrations import ProjectIntegrations
    from .resources.provider_defaults import ProviderDefaults
    from .resources.quotas import Quotas
    from .resources.regions import Regions
    from .resources.sandboxes import Sandboxes
    from .resources.sandboxes.templates import SandboxTemplates
    from .resources.service_accounts import ServiceAccounts, SseTickets
    from .resources.settings import Settings
    from .resources.snapshots import Snapshots
    from .resources.storage import Storage
    from .resources.templates import Templates
    from .resources.tenant import Tenant
    from .resources.usage import Usage
    from .resources.volumes import Volumes
    from .resources.webhooks import Webhooks
    from .resources.workspace_invites import WorkspaceInvites
    from .resources.workspace_members import WorkspaceMembers


class Miosa:
    """The blocking MIOSA API client; one client may be shared by threads.

    ``Miosa()`` reads ``MIOSA_API_KEY`` (and ``MIOSA_BASE_URL``, ``MIOSA_TENANT``)
    from the environment; arguments win over the environment. Use it in a
    ``with`` block, or call `close`, to release its connection pool.

    Args:
        api_key: the API key (``msk_...``); env ``MIOSA_API_KEY``.
        access_token: a user access token instead of an API key; env ``MIOSA_ACCESS_TOKEN``.
        base_url: default ``https://api.miosa.ai/api/v1``; env ``MIOSA_BASE_URL``. A URL
            whose path does not end in ``/v<N>`` gets ``/api/v1`` appended (so a bare host
            such as ``https://api.miosa.ai`` works).
        timeout: seconds per attempt (default 30, connect 5) or an ``httpx.Timeout``.
        max_retries: retries after the first attempt (default 3).
        default_headers: extra headers sent with every request.
        tenant: sent as ``X-MIOSA-Tenant``; env ``MIOSA_TENANT``.
        deadline: optional total seconds for one call across all its attempts and waits.
        max_connections: connection pool size (default 100).
        max_keepalive_connections: idle connections kept open (default 20).
        max_in_flight: requests admitted into the pool at once (default: the pool size);
            more wait on a limiter rather than in httpx's pool queue.
        http_client: an ``httpx.Client`` to use instead of creating one; it is not
            closed by `close`.
        intelligence_key: the ``mki_...`` key the intelligence gateway
            (``/intelligence/*``: completions, embeddings, models) asks for; env
            ``MIOSA_INTELLIGENCE_KEY``. Without one those routes get ``api_key``.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        access_token: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        default_headers: dict[str, str] | None = None,
        tenant: str | None = None,
        deadline: float | None = None,
        max_connections: int | None = None,
        max_keepalive_connections: int | None = None,
        max_in_flight: int | None = None,
        http_client: httpx.Client | None = None,
        intelligence_key: str | None = None,
    ) -> None:
        configure_logging_from_env()
        options = resolve_options(
            api_key=api_key,
            access_token=access_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            tenant=tenant,
            deadline=deadline,
            max_connections=max_connections,
            max_keepalive_connections=max_keepalive_connections,
            max_in_flight=max_in_flight,
            intelligence_key=intelligence_key,
        )
        self._http = HTTP(options, Pool(options, http_client))

    @classmethod
    def _from_http(cls, http: HTTP) -> Miosa:
        client = cls.__new__(cls)
        client._http = http
        return client

    @property
    def options(self) -> ClientOptions:
        """The resolved options (the credential is shown redacted)."""
        return self._http.options

    @property
    def base_url(self) -> str:
        return self._http.options.base_url

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        default_headers: dict[str, str] | NotGiven = NOT_GIVEN,
        tenant: str | NotGiven | None = NOT_GIVEN,
        intelligence_key: str | NotGiven | None = NOT_GIVEN,
    ) -> Miosa:
        """A client with some options changed that shares this client's connection pool.

        ``client.with_options(timeout=120, max_retries=0).sandboxes.get(id)``
        """
        changes: dict[str, Any] = {}
        if not isinstance(timeout, NotGiven):
            changes["timeout"] = to_timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            if max_retries < 0:
                raise ConfigurationError("max_retries must be >= 0")
            changes["max_retries"] = max_retries
        if not isinstance(deadline, NotGiven):
            changes["deadline"] = deadline
        if not isinstance(default_headers, NotGiven):
            changes["default_headers"] = {**self.options.default_headers, **default_headers}
        if not isinstance(tenant, NotGiven):
            changes["tenant"] = tenant
        if not isinstance(intelligence_key, NotGiven):
            if intelligence_key is not None:
                check_header_value("Authorization", intelligence_key)
            changes["intelligence_key"] = (
                Secret(intelligence_key) if intelligence_key is not None else None
            )
        options = self.options._replace(**changes)
        return type(self)._from_http(HTTP(options, self._http.pool))

    def close(self) -> None:
        """Close the connection pool (an injected ``http_client`` is left open)."""
        self._http.pool.close()

    def __enter__(self) -> Miosa:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.options.base_url!r}, "
            f"credential={self.options.credential!r})"
        )

    @cached_property
    def sandboxes(self) -> Sandboxes:
        """Sandboxes: ``/sandboxes``."""
        from .resources.sandboxes import Sandboxes

        return Sandboxes(self)

    @cached_property
    def sandbox_templates(self) -> SandboxTemplates:
        """Tenant sandbox templates and their builds: ``/sandbox-templates``."""
        from .resources.sandboxes.templates import SandboxTemplates

        return SandboxTemplates(self)

    @cached_property
    def templates(self) -> Templates:
        """The product template catalog: ``/templates``."""
        from .resources.templates import Templates

        return Templates(self)

    @cached_property
    def tenant(self) -> Tenant:
        """The tenant: plan, preview domain and branding: ``/tenant``."""
        from .resources.tenant import Tenant

        return Tenant(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Webhook endpoints and deliveries: ``/webhooks``."""
        from .resources.webhooks import Webhooks

        return Webhooks(self)

    @cached_property
    def usage(self) -> Usage:
        """Usage reports: ``/usage``."""
        from .resources.usage import Usage

        return Usage(self)

    @cached_property
    def quotas(self) -> Quotas:
        """Per-external-user quotas: ``/quotas/external``."""
        from .resources.quotas import Quotas

        return Quotas(self)

    @cached_property
    def audit_log(self) -> AuditLog:
        """The audit log: ``/audit-log``."""
        from .resources.audit_log import AuditLog

        return AuditLog(self)

    @cached_property
    def events(self) -> Events:
        """Tenant-wide event stream: ``/events/stream``."""
        from .resources.events import Events

        return Events(self)

    @cached_property
    def workspace_members(self) -> WorkspaceMembers:
        """Workspace members: ``/workspaces/{id}/members``."""
        from .resources.workspace_members import WorkspaceMembers

        return WorkspaceMembers(self)

    @cached_property
    def workspace_invites(self) -> WorkspaceInvites:
        """Workspace invites: ``/workspaces/{id}/invites``."""
        from .resources.workspace_invites import WorkspaceInvites

        return WorkspaceInvites(self)

    @cached_property
    def org_invites(self) -> OrgInvites:
        """Organisation invites: ``/tenants/{id}/invites``."""
        from .resources.org_invites import OrgInvites

        return OrgInvites(self)

    @cached_property
    def api_keys(self) -> ApiKeys:
        """API keys: ``/api-keys``."""
        from .resources.api_keys import ApiKeys

        return ApiKeys(self)

    @cached_property
    def snapshots(self) -> Snapshots:
        """The admin fleet snapshot index: ``/admin/snapshots``."""
        from .resources.snapshots import Snapshots

        return Snapshots(self)

    @cached_property
    def credits(self) -> Credits:
        """Credit balance and transactions: ``/credits``."""
        from .resources.credits import Credits

        return Credits(self)

    @cached_property
    def computers(self) -> Computers:
        """Cloud computers: ``/computers``."""
        from .resources.computers import Computers

        return Computers(self)

    @cached_property
    def deployments(self) -> Deployments:
        """Deployments: ``/deployments``."""
        from .resources.deployments import Deployments

        return Deployments(self)

    @cached_property
    def databases(self) -> Databases:
        """Managed databases: ``/databases``."""
        from .resources.databases import Databases

        return Databases(self)

    @cached_property
    def storage(self) -> Storage:
        """Object storage buckets and objects: ``/storage``."""
        from .resources.storage import Storage

        return Storage(self)

    @cached_property
    def volumes(self) -> Volumes:
        """Persistent volumes: ``/volumes``."""
        from .resources.volumes import Volumes

        return Volumes(self)

    @cached_property
    def custom_domains(self) -> CustomDomains:
        """Tenant-wide custom domains: ``/custom-domains``."""
        from .resources.custom_domains import CustomDomains

        return CustomDomains(self)

    @cached_property
    def functions(self) -> Functions:
        """Serverless functions: ``/functions``."""
        from .resources.functions import Functions

        return Functions(self)

    @cached_property
    def cron_jobs(self) -> CronJobs:
        """Cron jobs: ``/cron-jobs``."""
        from .resources.cron_jobs import CronJobs

        return CronJobs(self)

    @cached_property
    def health_checks(self) -> HealthChecks:
        """Uptime health checks: ``/health-checks``."""
        from .resources.health_checks import HealthChecks

        return HealthChecks(self)

    @cached_property
    def regions(self) -> Regions:
        """Regions and the compute catalog: ``/compute``."""
        from .resources.regions import Regions

        return Regions(self)

    @cached_property
    def settings(self) -> Settings:
        """Tenant settings, branding and provider keys: ``/settings``."""
        from .resources.settings import Settings

        return Settings(self)

    @cached_property
    def dashboard(self) -> Dashboard:
        """Dashboard summaries."""
        from .resources.dashboard import Dashboard

        return Dashboard(self)

    @cached_property
    def analytics(self) -> Analytics:
        """Admin analytics."""
        from .resources.analytics import Analytics

        return Analytics(self)

    @cached_property
    def channels(self) -> Channels:
        """Notification channels."""
        from .resources.channels import Channels

        return Channels(self)

    @cached_property
    def integrations(self) -> Integrations:
        """Account OAuth integrations."""
        from .resources.integrations import Integrations

        return Integrations(self)

    @cached_property
    def project_integrations(self) -> ProjectIntegrations:
        """Per-project integrations."""
        from .resources.project_integrations import ProjectIntegrations

        return ProjectIntegrations(self)

    @cached_property
    def external_keys(self) -> ExternalKeys:
        """Per-user provider keys (BYOK)."""
        from .resources.external_keys import ExternalKeys

        return ExternalKeys(self)

    @cached_property
    def models(self) -> Models:
        """The LLM model list."""
        from .resources.models import Models

        return Models(self)

    @cached_property
    def completions(self) -> Completions:
        """Text and chat completions."""
        from .resources.completions import Completions

        return Completions(self)

    @cached_property
    def embeddings(self) -> Embeddings:
        """Embeddings."""
        from .resources.embeddings import Embeddings

        return Embeddings(self)

    @cached_property
    def mcp(self) -> Mcp:
        """Model Context Protocol sessions."""
        from .resources.mcp import Mcp

        return Mcp(self)

    @cached_property
    def mcp_servers(self) -> McpServers:
        """MCP tool servers your agents can call."""
        from .resources.mcp import McpServers

        return McpServers(self)

    @cached_property
    def mcp_catalog(self) -> McpCatalogResource:
        """Pre-built MCP tool servers to install."""
        from .resources.mcp import McpCatalogResource

        return McpCatalogResource(self)

    @cached_property
    def cli_tools(self) -> CliTools:
        """CLI tools pinned in the platform image."""
        from .resources.mcp import CliTools

        return CliTools(self)

    @cached_property
    def provider_defaults(self) -> ProviderDefaults:
        """Provider routing defaults (admin)."""
        from .resources.provider_defaults import ProviderDefaults

        return ProviderDefaults(self)

    @cached_property
    def benchmarks(self) -> Benchmarks:
        """Benchmarks (admin)."""
        from .resources.benchmarks import Benchmarks

        return Benchmarks(self)

    @cached_property
    def command_center(self) -> CommandCenter:
        """The command center (agent fleet)."""
        from .resources.command_center import CommandCenter

        return CommandCenter(self)

    @cached_property
    def community(self) -> Community:
        """The community catalog."""
        from .resources.community import Community

        return Community(self)

    @cached_property
    def builder_sessions(self) -> BuilderSessions:
        """Builder UI sessions."""
        from .resources.builder_sessions import BuilderSessions

        return BuilderSessions(self)

    @cached_property
    def admin(self) -> Admin:
        """Platform administration."""
        from .resources.admin import Admin

        return Admin(self)

    @cached_property
    def open_computers(self) -> OpenComputers:
        """OpenComputers: hosts, jobs, agents, clusters, apps, files ..."""
        from .resources.open_computers import OpenComputers

        return OpenComputers(self)

    @cached_property
    def service_accounts(self) -> ServiceAccounts:
        """Service accounts and their keys: ``/service-accounts``."""
        from .resources.service_accounts import ServiceAccounts

        return ServiceAccounts(self)

    @cached_property
    def sse_ticket(self) -> SseTickets:
        """Single-use tickets for browser event streams: ``/sse/ticket``."""
        from .resources.service_accounts import SseTickets

        return SseTickets(self)

    # -- agents family: saved agents, runs, run groups ---------------------------------

    @cached_property
    def agents(self) -> Agents:
        """Saved agents and their immutable versions: ``/agents``."""
        from .resources.agents import Agents

        return Agents(self)

    @cached_property
    def runs(self) -> Runs:
        """Instructions and commands dispatched into sandboxes and computers: ``/runs``."""
        from .resources.agents import Runs

        return Runs(self)

    @cached_property
    def run_groups(self) -> RunGroups:
        """Runs fanned out and followed together: ``/run-groups``."""
        from .resources.agents import RunGroups

        return RunGroups(self)

    @cached_property
    def agent_triggers(self) -> AgentTriggers:
        """When agents run: ``/agents/{agent_id}/triggers`` and ``/agent-triggers/{token}``."""
        from .resources.agents import AgentTriggers

        return AgentTriggers(self)

    # -- connect, devices, email, AI gateway and forge ---------------------------------

    @cached_property
    def connectors(self) -> Connectors:
        """MIOSA Connect: provider credentials and how runtimes use them: ``/connect``."""
        from .resources.connectors import Connectors

        return Connectors(self)

    @cached_property
    def devices(self) -> Devices:
        """Sandboxes and desktop computers behind one API: ``/devices``."""
        from .resources.devices import Devices

        return Devices(self)

    @cached_property
    def email(self) -> Email:
        """Admin email campaigns, templates and inbox: ``/admin/email-*``."""
        from .resources.email import Email

        return Email(self)
