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
    check_response_limit,
    configure_logging_from_env,
    resolve_options,
    to_timeout,
)
from .._core.request import NOT_GIVEN, NotGiven
from .._core.tracing import resolve_tracer
from ..errors import ConfigurationError
from ._http import HTTP, Pool

if TYPE_CHECKING:
    from opentelemetry.trace import TracerProvider

    from .raw_response import RawResponseView
    from .resources.account import Account, Tokens
    from .resources.admin import Admin
    from .resources.agents import Agents, AgentTriggers, RunGroups, Runs
    from .resources.agents.chats import AgentChats
    from .resources.agents.commands import AgentSteering, Commands
    from .resources.agents.connections import Connections, Harnesses
    from .resources.agents.runtime_profiles import AgentRuntimeProfiles
    from .resources.agents.settings import AgentSettings
    from .resources.agents.signins import AgentAccounts, AgentSignins
    from .resources.ai_gateway import AIGateway
    from .resources.analytics import Analytics
    from .resources.api_keys import ApiKeys
    from .resources.audit_log import AuditLog
    from .resources.authority import Authority
    from .resources.benchmarks import Benchmarks
    from .resources.builder_apps import BuilderApps
    from .resources.builder_sessions import BuilderSessions
    from .resources.bulk import Bulk
    from .resources.channels import Channels
    from .resources.cloud import Cloud
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
    from .resources.docker_deploy import DockerDeploy
    from .resources.egress import EgressAudit, EgressNetwork, EgressSecrets
    from .resources.email import Email
    from .resources.embeddings import Embeddings
    from .resources.event_subscriptions import EventSubscriptions
    from .resources.events import Events
    from .resources.external_keys import ExternalKeys
    from .resources.forge import Forge
    from .resources.functions import Functions
    from .resources.health_checks import HealthChecks
    from .resources.integrations import Integrations
    from .resources.mcp import CliTools, Mcp, McpCatalogResource, McpServers
    from .resources.models import Models
    from .resources.notifications import Activity, Alerts, Notifications
    from .resources.open_computers import OpenComputers
    from .resources.operations import Operations
    from .resources.org_invites import OrgInvites
    from .resources.organizations import (
        Billing,
        BillTo,
        MemberCaps,
        Organizations,
    )
    from .resources.project_integrations import ProjectIntegrations
    from .resources.projects import (
        DeploymentEnvironments,
        Environments,
        ProjectAuth,
        Projects,
        Services,
    )
    from .resources.provider_defaults import ProviderDefaults
    from .resources.quotas import Quotas
    from .resources.regions import Regions
    from .resources.runtimes import RuntimeCapabilities, RuntimeEnv, Runtimes
    from .resources.sandbox_batches import SandboxBatches
    from .resources.sandboxes import Sandboxes
    from .resources.sandboxes.templates import SandboxTemplates
    from .resources.service_accounts import ServiceAccounts, SseTickets
    from .resources.settings import Settings
    from .resources.snapshot_history import NamedSnapshots, SnapshotHistory
    from .resources.snapshots import Snapshots
    from .resources.ssh import Ssh, WebSockets
    from .resources.storage import Storage
    from .resources.templates import Templates
    from .resources.tenant import Tenant
    from .resources.usage import Usage
    from .resources.volumes import Volumes
    from .resources.webhooks import Webhooks
    from .resources.workflows import Workflows
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
        max_keepalive_connections: idle connections kept open (default: the pool size;
            idle ones close after 5 s).
        max_in_flight: requests admitted into the pool at once (default: the pool size);
            more wait on a limiter rather than in httpx's pool queue.
        http_client: an ``httpx.Client`` to use instead of creating one; it is not
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
        http_client: httpx.Client | None = None,
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
        self._http = HTTP(options, Pool(options, http_client, tracer=resolve_tracer(tracing)))

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
        max_response_bytes: int | NotGiven = NOT_GIVEN,
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
        if not isinstance(max_response_bytes, NotGiven):
            changes["max_response_bytes"] = check_response_limit(max_response_bytes)
        options = self.options._replace(**changes)
        return type(self)._from_http(self._http.derive(options))

    @property
    def with_raw_response(self) -> RawResponseView:
        """The same groups and methods, each call answering with its HTTP response.

        ``response = client.with_raw_response.sandboxes.get(id)`` gives an
        `APIResponse`: ``response.status_code``, ``.headers``, ``.request_id``,
        ``.content``, and ``response.parse()`` for what the call itself returns.
        An error status raises the same error as the call. Statically the methods are
        untyped (`Any`): annotate the result as ``APIResponse[Sandbox]`` if you like.
        """
        from .raw_response import RawResponseView

        return RawResponseView(self, streaming=False)

    @property
    def with_streaming_response(self) -> RawResponseView:
        """Like `with_raw_response`, with the body left unread until asked for.

        ``with client.with_streaming_response.sandboxes.get(id) as response:`` then
        ``response.iter_bytes()``, ``response.iter_lines()``, ``response.read()`` or
        ``response.parse()``; the connection is closed when the block ends.
        """
        from .raw_response import RawResponseView

        return RawResponseView(self, streaming=True)

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

    # Organization, governance and egress groups.

    @cached_property
    def secrets(self) -> EgressSecrets:
        """The egress credential vault: ``/egress/secrets``, bindings, OAuth connect."""
        from .resources.egress import EgressSecrets

        return EgressSecrets(self)

    @cached_property
    def network(self) -> EgressNetwork:
        """Egress policies and the allowlist: ``/egress/policies``, ``/egress/allowlist``."""
        from .resources.egress import EgressNetwork

        return EgressNetwork(self)

    @cached_property
    def audit(self) -> EgressAudit:
        """The egress audit log: ``/egress/audit``."""
        from .resources.egress import EgressAudit

        return EgressAudit(self)

    @cached_property
    def organizations(self) -> Organizations:
        """Organizations, their members and invites: ``/platform/tenants``, ``/tenants``."""
        from .resources.organizations import Organizations

        return Organizations(self)

    @cached_property
    def billing(self) -> Billing:
        """Payment methods, invoices and automatic top-ups: ``/billing``."""
        from .resources.organizations import Billing

        return Billing(self)

    @cached_property
    def bill_to(self) -> BillTo:
        """The organization creates are billed to: ``/bill-to``, ``/limits``."""
        from .resources.organizations import BillTo

        return BillTo(self)

    @cached_property
    def member_caps(self) -> MemberCaps:
        """Per-member spending and concurrency caps: ``/tenants/{tenant_id}/member-caps``."""
        from .resources.organizations import MemberCaps

        return MemberCaps(self)

    @cached_property
    def authority(self) -> Authority:
        """Action authority: decisions, approvals, grants, receipts (``/actions``)."""
        from .resources.authority import Authority

        return Authority(self)

    @cached_property
    def tokens(self) -> Tokens:
        """Scoped delegation tokens for end users: ``/tokens/scoped``."""
        from .resources.account import Tokens

        return Tokens(self)

    @cached_property
    def account(self) -> Account:
        """Who this credential is: ``/whoami``."""
        from .resources.account import Account

        return Account(self)

    @cached_property
    def notifications(self) -> Notifications:
        """The in-app notification center: ``/notifications``."""
        from .resources.notifications import Notifications

        return Notifications(self)

    @cached_property
    def alerts(self) -> Alerts:
        """The observability alert feed: ``/alerts``."""
        from .resources.notifications import Alerts

        return Alerts(self)

    @cached_property
    def activity(self) -> Activity:
        """Platform events and audit rows: ``/activity``."""
        from .resources.notifications import Activity

        return Activity(self)

    @cached_property
    def event_subscriptions(self) -> EventSubscriptions:
        """The platform-event outbox: ``/event-subscriptions``, deliveries, replays."""
        from .resources.event_subscriptions import EventSubscriptions

        return EventSubscriptions(self)

    @cached_property
    def ssh(self) -> Ssh:
        """SSH into sandboxes: keys, certificates, ready-to-run commands."""
        from .resources.ssh import Ssh

        return Ssh(self)

    @cached_property
    def ws(self) -> WebSockets:
        """Where to connect the WebSocket endpoints (terminal, tunnels, SSH tunnel)."""
        from .resources.ssh import WebSockets

        return WebSockets(self)

    @cached_property
    def sandbox_batches(self) -> SandboxBatches:
        """Sandboxes in bulk from one request, and the one-shot run lane."""
        from .resources.sandbox_batches import SandboxBatches

        return SandboxBatches(self)

    @cached_property
    def bulk(self) -> Bulk:
        """Operations over many resources at once: ``/bulk``."""
        from .resources.bulk import Bulk

        return Bulk(self)

    @cached_property
    def snapshot_history(self) -> SnapshotHistory:
        """Every machine's snapshots no name pins: ``/snapshots``."""
        from .resources.snapshot_history import SnapshotHistory

        return SnapshotHistory(self)

    @cached_property
    def named_snapshots(self) -> NamedSnapshots:
        """Names that pin a snapshot, deployable: ``/named-snapshots``."""
        from .resources.snapshot_history import NamedSnapshots

        return NamedSnapshots(self)

    # -- projects family: projects, their services and environments ---------------

    @cached_property
    def projects(self) -> Projects:
        """Projects, their environments and shared variables: ``/projects``."""
        from .resources.projects import Projects

        return Projects(self)

    @cached_property
    def services(self) -> Services:
        """A project's services, releases and variables: ``/services``."""
        from .resources.projects import Services

        return Services(self)

    @cached_property
    def environments(self) -> Environments:
        """Machine environments new sandboxes and computers inherit: ``/environments``."""
        from .resources.projects import Environments

        return Environments(self)

    @cached_property
    def deployment_environments(self) -> DeploymentEnvironments:
        """The deployment environment inventory: ``/deployment-environments``."""
        from .resources.projects import DeploymentEnvironments

        return DeploymentEnvironments(self)

    @cached_property
    def project_auth(self) -> ProjectAuth:
        """Built-in sign-in for a sandbox's or deployment's app: ``/project-auth``."""
        from .resources.projects import ProjectAuth

        return ProjectAuth(self)

    @cached_property
    def docker_deploy(self) -> DockerDeploy:
        """App Engine hosts and templates: ``/docker-deploy``."""
        from .resources.docker_deploy import DockerDeploy

        return DockerDeploy(self)

    # -- builder apps and bring-your-own-cloud -----------------------------------------

    @cached_property
    def builder_apps(self) -> BuilderApps:
        """Builder apps, their releases, data planes and automations: ``/builder/apps``."""
        from .resources.builder_apps import BuilderApps

        return BuilderApps(self)

    @cached_property
    def cloud(self) -> Cloud:
        """Bring-your-own-cloud accounts, regions, pools and nodes: ``/cloud``."""
        from .resources.cloud import Cloud

        return Cloud(self)

    # -- agents family: settings, connections, runtimes, workflows -----------------------

    @cached_property
    def agent_settings(self) -> AgentSettings:
        """Harnesses, credentials, models and defaults: ``/agents/settings`` and around."""
        from .resources.agents.settings import AgentSettings

        return AgentSettings(self)

    @cached_property
    def agent_steering(self) -> AgentSteering:
        """Prompt or stop the agent run attached to a machine: ``.../agent/prompts``."""
        from .resources.agents.commands import AgentSteering

        return AgentSteering(self)

    @cached_property
    def commands(self) -> Commands:
        """Run commands on a sandbox or a computer: ``/sandboxes/{id}/commands``."""
        from .resources.agents.commands import Commands

        return Commands(self)

    @cached_property
    def agent_signins(self) -> AgentSignins:
        """Connect subscription plans by signing in: ``/agent-signins``."""
        from .resources.agents.signins import AgentSignins

        return AgentSignins(self)

    @cached_property
    def agent_accounts(self) -> AgentAccounts:
        """The keys and plans agents sign in with: ``/agent-accounts``."""
        from .resources.agents.signins import AgentAccounts

        return AgentAccounts(self)

    @cached_property
    def agent_chats(self) -> AgentChats:
        """A chat's context use and compaction: ``/agents/chats/{chat_id}``."""
        from .resources.agents.chats import AgentChats

        return AgentChats(self)

    @cached_property
    def agent_runtime_profiles(self) -> AgentRuntimeProfiles:
        """Defaults mounted into agent runtimes: ``/agent-runtime-profiles``."""
        from .resources.agents.runtime_profiles import AgentRuntimeProfiles

        return AgentRuntimeProfiles(self)

    @cached_property
    def connections(self) -> Connections:
        """Model credentials, apps and tool servers, for a workspace or an end user."""
        from .resources.agents.connections import Connections

        return Connections(self)

    @cached_property
    def harnesses(self) -> Harnesses:
        """Which harness can run, with which credentials: ``/agents/settings``."""
        from .resources.agents.connections import Harnesses

        return Harnesses(self)

    @cached_property
    def runtimes(self) -> Runtimes:
        """Sandbox runtime backends and their gate state: ``/sandboxes/runtimes``."""
        from .resources.runtimes import Runtimes

        return Runtimes(self)

    @cached_property
    def runtime_capabilities(self) -> RuntimeCapabilities:
        """The live runtime capability contract: ``/runtime-capabilities``."""
        from .resources.runtimes import RuntimeCapabilities

        return RuntimeCapabilities(self)

    @cached_property
    def runtime_env(self) -> RuntimeEnv:
        """Env vars passed down to sandboxes, computers and agents: ``/runtime-env``."""
        from .resources.runtimes import RuntimeEnv

        return RuntimeEnv(self)

    @cached_property
    def workflows(self) -> Workflows:
        """Versioned node graphs and their runs: ``/workflows``."""
        from .resources.workflows import Workflows

        return Workflows(self)

    @cached_property
    def operations(self) -> Operations:
        """Durable operations and their event logs: ``/operations/{operation_id}``."""
        from .resources.operations import Operations

        return Operations(self)

    # -- connect, devices, email, AI gateway and forge ---------------------------------

    @cached_property
    def connectors(self) -> Connectors:
        """MIOSA Connect: provider credentials and how runtimes use them: ``/connect``."""
        from .resources.connectors import Connectors

        return Connectors(self)

    @cached_property
    def ai_gateway(self) -> AIGateway:
        """The AI gateway: routing policies, budget, limits, keys, evaluations, provider
        credentials and the inference proxy: ``/ai-gateway``, ``/intelligence``."""
        from .resources.ai_gateway import AIGateway

        return AIGateway(self)

    @cached_property
    def devices(self) -> Devices:
        """Sandboxes and desktop computers behind one API: ``/devices``."""
        from .resources.devices import Devices

        return Devices(self)

    @cached_property
    def forge(self) -> Forge:
        """MIOSA Forge, hosted git: repositories, pull requests, releases: ``/forge``."""
        from .resources.forge import Forge

        return Forge(self)

    @cached_property
    def email(self) -> Email:
        """Admin email campaigns, templates and inbox: ``/admin/email-*``."""
        from .resources.email import Email

        return Email(self)
