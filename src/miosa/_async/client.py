"""`AsyncMiosa`: the async client. `miosa._sync.client.Miosa` is generated from this file."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from .._core.options import (
    ClientOptions,
    Secret,
    check_header_value,
    check_response_limit,
    configure_logging_from_env,
    resolve_options,
    to_timeout,
)
from .._core.request import NOT_GIVEN, NotGiven
from .._core.tracing import resolve_tracer
from ..errors import ConfigurationError
from ._http import AsyncHTTP, AsyncPool

if TYPE_CHECKING:
    from opentelemetry.trace import TracerProvider

    from .raw_response import AsyncRawResponseView
    from .resources.account import AsyncAccount, AsyncTokens
    from .resources.admin import AsyncAdmin
    from .resources.agents import AsyncAgents, AsyncAgentTriggers, AsyncRunGroups, AsyncRuns
    from .resources.agents.chats import AsyncAgentChats
    from .resources.agents.commands import AsyncAgentSteering, AsyncCommands
    from .resources.agents.connections import AsyncConnections, AsyncHarnesses
    from .resources.agents.runtime_profiles import AsyncAgentRuntimeProfiles
    from .resources.agents.settings import AsyncAgentSettings
    from .resources.agents.signins import AsyncAgentAccounts, AsyncAgentSignins
    from .resources.ai_gateway import AsyncAIGateway
    from .resources.analytics import AsyncAnalytics
    from .resources.api_keys import AsyncApiKeys
    from .resources.audit_log import AsyncAuditLog
    from .resources.authority import AsyncAuthority
    from .resources.benchmarks import AsyncBenchmarks
    from .resources.builder_apps import AsyncBuilderApps
    from .resources.builder_sessions import AsyncBuilderSessions
    from .resources.bulk import AsyncBulk
    from .resources.channels import AsyncChannels
    from .resources.cloud import AsyncCloud
    from .resources.command_center import AsyncCommandCenter
    from .resources.community import AsyncCommunity
    from .resources.completions import AsyncCompletions
    from .resources.computers import AsyncComputers
    from .resources.connectors import AsyncConnectors
    from .resources.credits import AsyncCredits
    from .resources.cron_jobs import AsyncCronJobs
    from .resources.custom_domains import AsyncCustomDomains
    from .resources.dashboard import AsyncDashboard
    from .resources.databases import AsyncDatabases
    from .resources.deployments import AsyncDeployments
    from .resources.devices import AsyncDevices
    from .resources.docker_deploy import AsyncDockerDeploy
    from .resources.egress import AsyncEgressAudit, AsyncEgressNetwork, AsyncEgressSecrets
    from .resources.email import AsyncEmail
    from .resources.embeddings import AsyncEmbeddings
    from .resources.event_subscriptions import AsyncEventSubscriptions
    from .resources.events import AsyncEvents
    from .resources.external_keys import AsyncExternalKeys
    from .resources.forge import AsyncForge
    from .resources.functions import AsyncFunctions
    from .resources.health_checks import AsyncHealthChecks
    from .resources.integrations import AsyncIntegrations
    from .resources.mcp import AsyncCliTools, AsyncMcp, AsyncMcpCatalogResource, AsyncMcpServers
    from .resources.models import AsyncModels
    from .resources.notifications import AsyncActivity, AsyncAlerts, AsyncNotifications
    from .resources.open_computers import AsyncOpenComputers
    from .resources.operations import AsyncOperations
    from .resources.org_invites import AsyncOrgInvites
    from .resources.organizations import (
        AsyncBilling,
        AsyncBillTo,
        AsyncMemberCaps,
        AsyncOrganizations,
    )
    from .resources.project_integrations import AsyncProjectIntegrations
    from .resources.projects import (
        AsyncDeploymentEnvironments,
        AsyncEnvironments,
        AsyncProjectAuth,
        AsyncProjects,
        AsyncServices,
    )
    from .resources.provider_defaults import AsyncProviderDefaults
    from .resources.quotas import AsyncQuotas
    from .resources.regions import AsyncRegions
    from .resources.runtimes import AsyncRuntimeCapabilities, AsyncRuntimeEnv, AsyncRuntimes
    from .resources.sandbox_batches import AsyncSandboxBatches
    from .resources.sandboxes import AsyncSandboxes
    from .resources.sandboxes.templates import AsyncSandboxTemplates
    from .resources.service_accounts import AsyncServiceAccounts, AsyncSseTickets
    from .resources.settings import AsyncSettings
    from .resources.snapshot_history import AsyncNamedSnapshots, AsyncSnapshotHistory
    from .resources.snapshots import AsyncSnapshots
    from .resources.ssh import AsyncSsh, AsyncWebSockets
    from .resources.storage import AsyncStorage
    from .resources.templates import AsyncTemplates
    from .resources.tenant import AsyncTenant
    from .resources.usage import AsyncUsage
    from .resources.volumes import AsyncVolumes
    from .resources.webhooks import AsyncWebhooks
    from .resources.workflows import AsyncWorkflows
    from .resources.workspace_invites import AsyncWorkspaceInvites
    from .resources.workspace_members import AsyncWorkspaceMembers


class AsyncMiosa:
    """The MIOSA API client for asyncio and Trio.

    ``AsyncMiosa()`` reads ``MIOSA_API_KEY`` (and ``MIOSA_BASE_URL``, ``MIOSA_TENANT``)
    from the environment; arguments win over the environment. Use it as an async
    context manager, or call `close`, to release its connection pool.

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
        max_keepalive_connections: idle connections kept open (default: the pool size;
            idle ones close after 5 s).
        max_in_flight: requests admitted into the pool at once (default: the pool size);
            more wait on a limiter rather than in httpx's pool queue.
        http_client: an ``httpx.AsyncClient`` to use instead of creating one; it is not
            closed by `close`.
        intelligence_key: the ``mki_...`` key the intelligence gateway
            (``/intelligence/*``: completions, embeddings, models) asks for; env
            ``MIOSA_INTELLIGENCE_KEY``. Without one those routes get ``api_key``.
        max_response_bytes: the largest reply read whole into memory, counted after
            decompression (default 64 MiB); a bigger one raises `ResponseTooLargeError`.
            Downloads stream and are not limited.
        http2: speak HTTP/2 where the server offers it (needs ``miosa[http2]``): one
            multiplexed pool instead of several HTTP/1.1 ones. Not with ``http_client``
            (configure that client yourself).
        tracing: OpenTelemetry spans for each call (needs ``miosa[otel]``). ``None``, the
            default, traces when the application has already imported OpenTelemetry;
            ``True`` uses the global tracer provider; a ``TracerProvider`` is used
            instead of it; ``False`` turns tracing off.
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
        http_client: httpx.AsyncClient | None = None,
        intelligence_key: str | None = None,
        max_response_bytes: int | None = None,
        http2: bool = False,
        tracing: bool | TracerProvider | None = None,
    ) -> None:
        configure_logging_from_env()
        if http2 and http_client is not None:
            raise ConfigurationError(
                "http2=True configures the pool the client builds; with http_client, pass "
                "http2=True to that httpx client instead"
            )
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
            max_response_bytes=max_response_bytes,
            http2=http2,
        )
        self._http = AsyncHTTP(
            options, AsyncPool(options, http_client, tracer=resolve_tracer(tracing))
        )

    @classmethod
    def _from_http(cls, http: AsyncHTTP) -> AsyncMiosa:
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
        max_response_bytes: int | NotGiven = NOT_GIVEN,
    ) -> AsyncMiosa:
        """A client with some options changed that shares this client's connection pool.

        ``await client.with_options(timeout=120, max_retries=0).sandboxes.get(id)``
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
        if not isinstance(max_response_bytes, NotGiven):
            changes["max_response_bytes"] = check_response_limit(max_response_bytes)
        options = self.options._replace(**changes)
        return type(self)._from_http(self._http.derive(options))

    @property
    def with_raw_response(self) -> AsyncRawResponseView:
        """The same groups and methods, each call answering with its HTTP response.

        ``response = await client.with_raw_response.sandboxes.get(id)`` gives an
        `AsyncAPIResponse`: ``response.status_code``, ``.headers``, ``.request_id``,
        ``.content``, and ``await response.parse()`` for what the call itself returns.
        An error status raises the same error as the call. Statically the methods are
        untyped (`Any`): annotate the result as ``AsyncAPIResponse[Sandbox]`` if you like.
        """
        from .raw_response import AsyncRawResponseView

        return AsyncRawResponseView(self, streaming=False)

    @property
    def with_streaming_response(self) -> AsyncRawResponseView:
        """Like `with_raw_response`, with the body left unread until asked for.

        ``async with client.with_streaming_response.sandboxes.get(id) as response:`` then
        ``response.iter_bytes()``, ``response.iter_lines()``, ``await response.aread()`` or
        ``await response.parse()``; the connection is closed when the block ends.
        """
        from .raw_response import AsyncRawResponseView

        return AsyncRawResponseView(self, streaming=True)

    async def close(self) -> None:
        """Close the connection pool (an injected ``http_client`` is left open)."""
        await self._http.pool.close()

    async def __aenter__(self) -> AsyncMiosa:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.options.base_url!r}, "
            f"credential={self.options.credential!r})"
        )

    @cached_property
    def sandboxes(self) -> AsyncSandboxes:
        """Sandboxes: ``/sandboxes``."""
        from .resources.sandboxes import AsyncSandboxes

        return AsyncSandboxes(self)

    @cached_property
    def sandbox_templates(self) -> AsyncSandboxTemplates:
        """Tenant sandbox templates and their builds: ``/sandbox-templates``."""
        from .resources.sandboxes.templates import AsyncSandboxTemplates

        return AsyncSandboxTemplates(self)

    @cached_property
    def templates(self) -> AsyncTemplates:
        """The product template catalog: ``/templates``."""
        from .resources.templates import AsyncTemplates

        return AsyncTemplates(self)

    @cached_property
    def tenant(self) -> AsyncTenant:
        """The tenant: plan, preview domain and branding: ``/tenant``."""
        from .resources.tenant import AsyncTenant

        return AsyncTenant(self)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        """Webhook endpoints and deliveries: ``/webhooks``."""
        from .resources.webhooks import AsyncWebhooks

        return AsyncWebhooks(self)

    @cached_property
    def usage(self) -> AsyncUsage:
        """Usage reports: ``/usage``."""
        from .resources.usage import AsyncUsage

        return AsyncUsage(self)

    @cached_property
    def quotas(self) -> AsyncQuotas:
        """Per-external-user quotas: ``/quotas/external``."""
        from .resources.quotas import AsyncQuotas

        return AsyncQuotas(self)

    @cached_property
    def audit_log(self) -> AsyncAuditLog:
        """The audit log: ``/audit-log``."""
        from .resources.audit_log import AsyncAuditLog

        return AsyncAuditLog(self)

    @cached_property
    def events(self) -> AsyncEvents:
        """Tenant-wide event stream: ``/events/stream``."""
        from .resources.events import AsyncEvents

        return AsyncEvents(self)

    @cached_property
    def workspace_members(self) -> AsyncWorkspaceMembers:
        """Workspace members: ``/workspaces/{id}/members``."""
        from .resources.workspace_members import AsyncWorkspaceMembers

        return AsyncWorkspaceMembers(self)

    @cached_property
    def workspace_invites(self) -> AsyncWorkspaceInvites:
        """Workspace invites: ``/workspaces/{id}/invites``."""
        from .resources.workspace_invites import AsyncWorkspaceInvites

        return AsyncWorkspaceInvites(self)

    @cached_property
    def org_invites(self) -> AsyncOrgInvites:
        """Organisation invites: ``/tenants/{id}/invites``."""
        from .resources.org_invites import AsyncOrgInvites

        return AsyncOrgInvites(self)

    @cached_property
    def api_keys(self) -> AsyncApiKeys:
        """API keys: ``/api-keys``."""
        from .resources.api_keys import AsyncApiKeys

        return AsyncApiKeys(self)

    @cached_property
    def snapshots(self) -> AsyncSnapshots:
        """The admin fleet snapshot index: ``/admin/snapshots``."""
        from .resources.snapshots import AsyncSnapshots

        return AsyncSnapshots(self)

    @cached_property
    def credits(self) -> AsyncCredits:
        """Credit balance and transactions: ``/credits``."""
        from .resources.credits import AsyncCredits

        return AsyncCredits(self)

    @cached_property
    def computers(self) -> AsyncComputers:
        """Cloud computers: ``/computers``."""
        from .resources.computers import AsyncComputers

        return AsyncComputers(self)

    @cached_property
    def deployments(self) -> AsyncDeployments:
        """Deployments: ``/deployments``."""
        from .resources.deployments import AsyncDeployments

        return AsyncDeployments(self)

    @cached_property
    def databases(self) -> AsyncDatabases:
        """Managed databases: ``/databases``."""
        from .resources.databases import AsyncDatabases

        return AsyncDatabases(self)

    @cached_property
    def storage(self) -> AsyncStorage:
        """Object storage buckets and objects: ``/storage``."""
        from .resources.storage import AsyncStorage

        return AsyncStorage(self)

    @cached_property
    def volumes(self) -> AsyncVolumes:
        """Persistent volumes: ``/volumes``."""
        from .resources.volumes import AsyncVolumes

        return AsyncVolumes(self)

    @cached_property
    def custom_domains(self) -> AsyncCustomDomains:
        """Tenant-wide custom domains: ``/custom-domains``."""
        from .resources.custom_domains import AsyncCustomDomains

        return AsyncCustomDomains(self)

    @cached_property
    def functions(self) -> AsyncFunctions:
        """Serverless functions: ``/functions``."""
        from .resources.functions import AsyncFunctions

        return AsyncFunctions(self)

    @cached_property
    def cron_jobs(self) -> AsyncCronJobs:
        """Cron jobs: ``/cron-jobs``."""
        from .resources.cron_jobs import AsyncCronJobs

        return AsyncCronJobs(self)

    @cached_property
    def health_checks(self) -> AsyncHealthChecks:
        """Uptime health checks: ``/health-checks``."""
        from .resources.health_checks import AsyncHealthChecks

        return AsyncHealthChecks(self)

    @cached_property
    def regions(self) -> AsyncRegions:
        """Regions and the compute catalog: ``/compute``."""
        from .resources.regions import AsyncRegions

        return AsyncRegions(self)

    @cached_property
    def settings(self) -> AsyncSettings:
        """Tenant settings, branding and provider keys: ``/settings``."""
        from .resources.settings import AsyncSettings

        return AsyncSettings(self)

    @cached_property
    def dashboard(self) -> AsyncDashboard:
        """Dashboard summaries."""
        from .resources.dashboard import AsyncDashboard

        return AsyncDashboard(self)

    @cached_property
    def analytics(self) -> AsyncAnalytics:
        """Admin analytics."""
        from .resources.analytics import AsyncAnalytics

        return AsyncAnalytics(self)

    @cached_property
    def channels(self) -> AsyncChannels:
        """Notification channels."""
        from .resources.channels import AsyncChannels

        return AsyncChannels(self)

    @cached_property
    def integrations(self) -> AsyncIntegrations:
        """Account OAuth integrations."""
        from .resources.integrations import AsyncIntegrations

        return AsyncIntegrations(self)

    @cached_property
    def project_integrations(self) -> AsyncProjectIntegrations:
        """Per-project integrations."""
        from .resources.project_integrations import AsyncProjectIntegrations

        return AsyncProjectIntegrations(self)

    @cached_property
    def external_keys(self) -> AsyncExternalKeys:
        """Per-user provider keys (BYOK)."""
        from .resources.external_keys import AsyncExternalKeys

        return AsyncExternalKeys(self)

    @cached_property
    def models(self) -> AsyncModels:
        """The LLM model list."""
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @cached_property
    def completions(self) -> AsyncCompletions:
        """Text and chat completions."""
        from .resources.completions import AsyncCompletions

        return AsyncCompletions(self)

    @cached_property
    def embeddings(self) -> AsyncEmbeddings:
        """Embeddings."""
        from .resources.embeddings import AsyncEmbeddings

        return AsyncEmbeddings(self)

    @cached_property
    def mcp(self) -> AsyncMcp:
        """Model Context Protocol sessions."""
        from .resources.mcp import AsyncMcp

        return AsyncMcp(self)

    @cached_property
    def mcp_servers(self) -> AsyncMcpServers:
        """MCP tool servers your agents can call."""
        from .resources.mcp import AsyncMcpServers

        return AsyncMcpServers(self)

    @cached_property
    def mcp_catalog(self) -> AsyncMcpCatalogResource:
        """Pre-built MCP tool servers to install."""
        from .resources.mcp import AsyncMcpCatalogResource

        return AsyncMcpCatalogResource(self)

    @cached_property
    def cli_tools(self) -> AsyncCliTools:
        """CLI tools pinned in the platform image."""
        from .resources.mcp import AsyncCliTools

        return AsyncCliTools(self)

    @cached_property
    def provider_defaults(self) -> AsyncProviderDefaults:
        """Provider routing defaults (admin)."""
        from .resources.provider_defaults import AsyncProviderDefaults

        return AsyncProviderDefaults(self)

    @cached_property
    def benchmarks(self) -> AsyncBenchmarks:
        """Benchmarks (admin)."""
        from .resources.benchmarks import AsyncBenchmarks

        return AsyncBenchmarks(self)

    @cached_property
    def command_center(self) -> AsyncCommandCenter:
        """The command center (agent fleet)."""
        from .resources.command_center import AsyncCommandCenter

        return AsyncCommandCenter(self)

    @cached_property
    def community(self) -> AsyncCommunity:
        """The community catalog."""
        from .resources.community import AsyncCommunity

        return AsyncCommunity(self)

    @cached_property
    def builder_sessions(self) -> AsyncBuilderSessions:
        """Builder UI sessions."""
        from .resources.builder_sessions import AsyncBuilderSessions

        return AsyncBuilderSessions(self)

    @cached_property
    def admin(self) -> AsyncAdmin:
        """Platform administration."""
        from .resources.admin import AsyncAdmin

        return AsyncAdmin(self)

    @cached_property
    def open_computers(self) -> AsyncOpenComputers:
        """OpenComputers: hosts, jobs, agents, clusters, apps, files ..."""
        from .resources.open_computers import AsyncOpenComputers

        return AsyncOpenComputers(self)

    @cached_property
    def service_accounts(self) -> AsyncServiceAccounts:
        """Service accounts and their keys: ``/service-accounts``."""
        from .resources.service_accounts import AsyncServiceAccounts

        return AsyncServiceAccounts(self)

    @cached_property
    def sse_ticket(self) -> AsyncSseTickets:
        """Single-use tickets for browser event streams: ``/sse/ticket``."""
        from .resources.service_accounts import AsyncSseTickets

        return AsyncSseTickets(self)

    # -- agents family: saved agents, runs, run groups ---------------------------------

    @cached_property
    def agents(self) -> AsyncAgents:
        """Saved agents and their immutable versions: ``/agents``."""
        from .resources.agents import AsyncAgents

        return AsyncAgents(self)

    @cached_property
    def runs(self) -> AsyncRuns:
        """Instructions and commands dispatched into sandboxes and computers: ``/runs``."""
        from .resources.agents import AsyncRuns

        return AsyncRuns(self)

    @cached_property
    def run_groups(self) -> AsyncRunGroups:
        """Runs fanned out and followed together: ``/run-groups``."""
        from .resources.agents import AsyncRunGroups

        return AsyncRunGroups(self)

    @cached_property
    def agent_triggers(self) -> AsyncAgentTriggers:
        """When agents run: ``/agents/{agent_id}/triggers`` and ``/agent-triggers/{token}``."""
        from .resources.agents import AsyncAgentTriggers

        return AsyncAgentTriggers(self)

    # Organization, governance and egress groups.

    @cached_property
    def secrets(self) -> AsyncEgressSecrets:
        """The egress credential vault: ``/egress/secrets``, bindings, OAuth connect."""
        from .resources.egress import AsyncEgressSecrets

        return AsyncEgressSecrets(self)

    @cached_property
    def network(self) -> AsyncEgressNetwork:
        """Egress policies and the allowlist: ``/egress/policies``, ``/egress/allowlist``."""
        from .resources.egress import AsyncEgressNetwork

        return AsyncEgressNetwork(self)

    @cached_property
    def audit(self) -> AsyncEgressAudit:
        """The egress audit log: ``/egress/audit``."""
        from .resources.egress import AsyncEgressAudit

        return AsyncEgressAudit(self)

    @cached_property
    def organizations(self) -> AsyncOrganizations:
        """Organizations, their members and invites: ``/platform/tenants``, ``/tenants``."""
        from .resources.organizations import AsyncOrganizations

        return AsyncOrganizations(self)

    @cached_property
    def billing(self) -> AsyncBilling:
        """Payment methods, invoices and automatic top-ups: ``/billing``."""
        from .resources.organizations import AsyncBilling

        return AsyncBilling(self)

    @cached_property
    def bill_to(self) -> AsyncBillTo:
        """The organization creates are billed to: ``/bill-to``, ``/limits``."""
        from .resources.organizations import AsyncBillTo

        return AsyncBillTo(self)

    @cached_property
    def member_caps(self) -> AsyncMemberCaps:
        """Per-member spending and concurrency caps: ``/tenants/{tenant_id}/member-caps``."""
        from .resources.organizations import AsyncMemberCaps

        return AsyncMemberCaps(self)

    @cached_property
    def authority(self) -> AsyncAuthority:
        """Action authority: decisions, approvals, grants, receipts (``/actions``)."""
        from .resources.authority import AsyncAuthority

        return AsyncAuthority(self)

    @cached_property
    def tokens(self) -> AsyncTokens:
        """Scoped delegation tokens for end users: ``/tokens/scoped``."""
        from .resources.account import AsyncTokens

        return AsyncTokens(self)

    @cached_property
    def account(self) -> AsyncAccount:
        """Who this credential is: ``/whoami``."""
        from .resources.account import AsyncAccount

        return AsyncAccount(self)

    @cached_property
    def notifications(self) -> AsyncNotifications:
        """The in-app notification center: ``/notifications``."""
        from .resources.notifications import AsyncNotifications

        return AsyncNotifications(self)

    @cached_property
    def alerts(self) -> AsyncAlerts:
        """The observability alert feed: ``/alerts``."""
        from .resources.notifications import AsyncAlerts

        return AsyncAlerts(self)

    @cached_property
    def activity(self) -> AsyncActivity:
        """Platform events and audit rows: ``/activity``."""
        from .resources.notifications import AsyncActivity

        return AsyncActivity(self)

    @cached_property
    def event_subscriptions(self) -> AsyncEventSubscriptions:
        """The platform-event outbox: ``/event-subscriptions``, deliveries, replays."""
        from .resources.event_subscriptions import AsyncEventSubscriptions

        return AsyncEventSubscriptions(self)

    @cached_property
    def ssh(self) -> AsyncSsh:
        """SSH into sandboxes: keys, certificates, ready-to-run commands."""
        from .resources.ssh import AsyncSsh

        return AsyncSsh(self)

    @cached_property
    def ws(self) -> AsyncWebSockets:
        """Where to connect the WebSocket endpoints (terminal, tunnels, SSH tunnel)."""
        from .resources.ssh import AsyncWebSockets

        return AsyncWebSockets(self)

    @cached_property
    def sandbox_batches(self) -> AsyncSandboxBatches:
        """Sandboxes in bulk from one request, and the one-shot run lane."""
        from .resources.sandbox_batches import AsyncSandboxBatches

        return AsyncSandboxBatches(self)

    @cached_property
    def bulk(self) -> AsyncBulk:
        """Operations over many resources at once: ``/bulk``."""
        from .resources.bulk import AsyncBulk

        return AsyncBulk(self)

    @cached_property
    def snapshot_history(self) -> AsyncSnapshotHistory:
        """Every machine's snapshots no name pins: ``/snapshots``."""
        from .resources.snapshot_history import AsyncSnapshotHistory

        return AsyncSnapshotHistory(self)

    @cached_property
    def named_snapshots(self) -> AsyncNamedSnapshots:
        """Names that pin a snapshot, deployable: ``/named-snapshots``."""
        from .resources.snapshot_history import AsyncNamedSnapshots

        return AsyncNamedSnapshots(self)

    # -- projects family: projects, their services and environments ---------------

    @cached_property
    def projects(self) -> AsyncProjects:
        """Projects, their environments and shared variables: ``/projects``."""
        from .resources.projects import AsyncProjects

        return AsyncProjects(self)

    @cached_property
    def services(self) -> AsyncServices:
        """A project's services, releases and variables: ``/services``."""
        from .resources.projects import AsyncServices

        return AsyncServices(self)

    @cached_property
    def environments(self) -> AsyncEnvironments:
        """Machine environments new sandboxes and computers inherit: ``/environments``."""
        from .resources.projects import AsyncEnvironments

        return AsyncEnvironments(self)

    @cached_property
    def deployment_environments(self) -> AsyncDeploymentEnvironments:
        """The deployment environment inventory: ``/deployment-environments``."""
        from .resources.projects import AsyncDeploymentEnvironments

        return AsyncDeploymentEnvironments(self)

    @cached_property
    def project_auth(self) -> AsyncProjectAuth:
        """Built-in sign-in for a sandbox's or deployment's app: ``/project-auth``."""
        from .resources.projects import AsyncProjectAuth

        return AsyncProjectAuth(self)

    @cached_property
    def docker_deploy(self) -> AsyncDockerDeploy:
        """App Engine hosts and templates: ``/docker-deploy``."""
        from .resources.docker_deploy import AsyncDockerDeploy

        return AsyncDockerDeploy(self)

    # -- builder apps and bring-your-own-cloud -----------------------------------------

    @cached_property
    def builder_apps(self) -> AsyncBuilderApps:
        """Builder apps, their releases, data planes and automations: ``/builder/apps``."""
        from .resources.builder_apps import AsyncBuilderApps

        return AsyncBuilderApps(self)

    @cached_property
    def cloud(self) -> AsyncCloud:
        """Bring-your-own-cloud accounts, regions, pools and nodes: ``/cloud``."""
        from .resources.cloud import AsyncCloud

        return AsyncCloud(self)

    # -- agents family: settings, connections, runtimes, workflows -----------------------

    @cached_property
    def agent_settings(self) -> AsyncAgentSettings:
        """Harnesses, credentials, models and defaults: ``/agents/settings`` and around."""
        from .resources.agents.settings import AsyncAgentSettings

        return AsyncAgentSettings(self)

    @cached_property
    def agent_steering(self) -> AsyncAgentSteering:
        """Prompt or stop the agent run attached to a machine: ``.../agent/prompts``."""
        from .resources.agents.commands import AsyncAgentSteering

        return AsyncAgentSteering(self)

    @cached_property
    def commands(self) -> AsyncCommands:
        """Run commands on a sandbox or a computer: ``/sandboxes/{id}/commands``."""
        from .resources.agents.commands import AsyncCommands

        return AsyncCommands(self)

    @cached_property
    def agent_signins(self) -> AsyncAgentSignins:
        """Connect subscription plans by signing in: ``/agent-signins``."""
        from .resources.agents.signins import AsyncAgentSignins

        return AsyncAgentSignins(self)

    @cached_property
    def agent_accounts(self) -> AsyncAgentAccounts:
        """The keys and plans agents sign in with: ``/agent-accounts``."""
        from .resources.agents.signins import AsyncAgentAccounts

        return AsyncAgentAccounts(self)

    @cached_property
    def agent_chats(self) -> AsyncAgentChats:
        """A chat's context use and compaction: ``/agents/chats/{chat_id}``."""
        from .resources.agents.chats import AsyncAgentChats

        return AsyncAgentChats(self)

    @cached_property
    def agent_runtime_profiles(self) -> AsyncAgentRuntimeProfiles:
        """Defaults mounted into agent runtimes: ``/agent-runtime-profiles``."""
        from .resources.agents.runtime_profiles import AsyncAgentRuntimeProfiles

        return AsyncAgentRuntimeProfiles(self)

    @cached_property
    def connections(self) -> AsyncConnections:
        """Model credentials, apps and tool servers, for a workspace or an end user."""
        from .resources.agents.connections import AsyncConnections

        return AsyncConnections(self)

    @cached_property
    def harnesses(self) -> AsyncHarnesses:
        """Which harness can run, with which credentials: ``/agents/settings``."""
        from .resources.agents.connections import AsyncHarnesses

        return AsyncHarnesses(self)

    @cached_property
    def runtimes(self) -> AsyncRuntimes:
        """Sandbox runtime backends and their gate state: ``/sandboxes/runtimes``."""
        from .resources.runtimes import AsyncRuntimes

        return AsyncRuntimes(self)

    @cached_property
    def runtime_capabilities(self) -> AsyncRuntimeCapabilities:
        """The live runtime capability contract: ``/runtime-capabilities``."""
        from .resources.runtimes import AsyncRuntimeCapabilities

        return AsyncRuntimeCapabilities(self)

    @cached_property
    def runtime_env(self) -> AsyncRuntimeEnv:
        """Env vars passed down to sandboxes, computers and agents: ``/runtime-env``."""
        from .resources.runtimes import AsyncRuntimeEnv

        return AsyncRuntimeEnv(self)

    @cached_property
    def workflows(self) -> AsyncWorkflows:
        """Versioned node graphs and their runs: ``/workflows``."""
        from .resources.workflows import AsyncWorkflows

        return AsyncWorkflows(self)

    @cached_property
    def operations(self) -> AsyncOperations:
        """Durable operations and their event logs: ``/operations/{operation_id}``."""
        from .resources.operations import AsyncOperations

        return AsyncOperations(self)

    # -- connect, devices, email, AI gateway and forge ---------------------------------

    @cached_property
    def connectors(self) -> AsyncConnectors:
        """MIOSA Connect: provider credentials and how runtimes use them: ``/connect``."""
        from .resources.connectors import AsyncConnectors

        return AsyncConnectors(self)

    @cached_property
    def ai_gateway(self) -> AsyncAIGateway:
        """The AI gateway: routing policies, budget, limits, keys, evaluations, provider
        credentials and the inference proxy: ``/ai-gateway``, ``/intelligence``."""
        from .resources.ai_gateway import AsyncAIGateway

        return AsyncAIGateway(self)

    @cached_property
    def devices(self) -> AsyncDevices:
        """Sandboxes and desktop computers behind one API: ``/devices``."""
        from .resources.devices import AsyncDevices

        return AsyncDevices(self)

    @cached_property
    def forge(self) -> AsyncForge:
        """MIOSA Forge, hosted git: repositories, pull requests, releases: ``/forge``."""
        from .resources.forge import AsyncForge

        return AsyncForge(self)

    @cached_property
    def email(self) -> AsyncEmail:
        """Admin email campaigns, templates and inbox: ``/admin/email-*``."""
        from .resources.email import AsyncEmail

        return AsyncEmail(self)
