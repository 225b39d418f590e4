"""OpenComputers (bring your own computer): ``client.open_computers`` and its sub-groups.

Every call lives under ``/opencomputers``. Sub-groups are created on first use:
``hosts``, ``jobs``, ``files``, ``terminal``, ``desktop``, ``tunnels``, ``agents``,
``clusters``, ``apps``, ``workspaces``, ``secrets``; monitoring: ``alert_rules``,
``alert_channels``, ``alert_fires``, ``audit``, ``webhooks``; recurring work: ``schedules``,
``backups``; workloads: ``compose_projects``, ``containers``; fleets: ``groups``, ``tags``,
``shares``, ``meshes``; developer tools: ``gha_runners``, ``ide_sessions``.
"""

from __future__ import annotations

from functools import cached_property

from ..._resource import AsyncAPIResource
from .agents import AsyncOpenComputerAgents, AsyncOpenComputerClusters
from .alerts import (
    AsyncOpenComputerAlertChannels,
    AsyncOpenComputerAlertFires,
    AsyncOpenComputerAlertRules,
)
from .apps import AsyncOpenComputerApps, AsyncOpenComputerWorkspaces
from .audit import AsyncOpenComputerAudit
from .backups import AsyncOpenComputerBackups
from .compose import AsyncOpenComputerComposeProjects, AsyncOpenComputerContainers
from .desktop import AsyncOpenComputerDesktop
from .devtools import AsyncOpenComputerGhaRunners, AsyncOpenComputerIdeSessions
from .files import AsyncOpenComputerFiles
from .fleet import (
    AsyncOpenComputerGroups,
    AsyncOpenComputerMeshes,
    AsyncOpenComputerShares,
    AsyncOpenComputerTags,
)
from .hosts import AsyncOpenComputerHosts, AsyncOpenComputerJobs
from .schedules import AsyncOpenComputerSchedules
from .secrets import AsyncOpenComputerSecrets
from .terminal import AsyncOpenComputerTerminal
from .tunnels import AsyncOpenComputerTunnels
from .webhooks import AsyncOpenComputerWebhooks


class AsyncOpenComputers(AsyncAPIResource):
    """``client.open_computers``: machines you bring, and what runs on them."""

    @cached_property
    def hosts(self) -> AsyncOpenComputerHosts:
        """Registered hosts: ``/opencomputers/hosts``."""

        return AsyncOpenComputerHosts(self._client)

    @cached_property
    def jobs(self) -> AsyncOpenComputerJobs:
        """Commands run on a host: ``/opencomputers/hosts/{host_id}/exec``."""

        return AsyncOpenComputerJobs(self._client)

    @cached_property
    def files(self) -> AsyncOpenComputerFiles:
        """A host's file system: ``/opencomputers/hosts/{host_id}/fs``."""

        return AsyncOpenComputerFiles(self._client)

    @cached_property
    def terminal(self) -> AsyncOpenComputerTerminal:
        """Terminal WebSocket tickets."""
        return AsyncOpenComputerTerminal(self._client)

    @cached_property
    def desktop(self) -> AsyncOpenComputerDesktop:
        """Desktop stream WebSocket tickets."""
        return AsyncOpenComputerDesktop(self._client)

    @cached_property
    def tunnels(self) -> AsyncOpenComputerTunnels:
        """Public URLs to a host's ports: ``/opencomputers/hosts/{host_id}/tunnels``."""

        return AsyncOpenComputerTunnels(self._client)

    @cached_property
    def agents(self) -> AsyncOpenComputerAgents:
        """Agent sessions on a host: ``/opencomputers/hosts/{host_id}/agent``."""

        return AsyncOpenComputerAgents(self._client)

    @cached_property
    def clusters(self) -> AsyncOpenComputerClusters:
        """Inference clusters: ``/opencomputers/clusters``."""

        return AsyncOpenComputerClusters(self._client)

    @cached_property
    def apps(self) -> AsyncOpenComputerApps:
        """The app catalog and installs: ``/opencomputers/apps``, ``.../hosts/{id}/apps``."""

        return AsyncOpenComputerApps(self._client)

    @cached_property
    def workspaces(self) -> AsyncOpenComputerWorkspaces:
        """Repositories checked out on hosts: ``/opencomputers/.../workspaces``."""

        return AsyncOpenComputerWorkspaces(self._client)

    @cached_property
    def secrets(self) -> AsyncOpenComputerSecrets:
        """Tenant-wide and per-host secrets: ``/opencomputers/.../secrets``."""

        return AsyncOpenComputerSecrets(self._client)

    # -- monitoring ---------------------------------------------------------------------

    @cached_property
    def alert_rules(self) -> AsyncOpenComputerAlertRules:
        """Alert rules: ``/opencomputers/alerts/rules``."""
        return AsyncOpenComputerAlertRules(self._client)

    @cached_property
    def alert_channels(self) -> AsyncOpenComputerAlertChannels:
        """Where alerts are delivered: ``/opencomputers/alerts/channels``."""
        return AsyncOpenComputerAlertChannels(self._client)

    @cached_property
    def alert_fires(self) -> AsyncOpenComputerAlertFires:
        """The history of fired alerts: ``/opencomputers/alerts/fires``."""
        return AsyncOpenComputerAlertFires(self._client)

    @cached_property
    def audit(self) -> AsyncOpenComputerAudit:
        """The OpenComputers audit log: ``/opencomputers/audit``."""
        return AsyncOpenComputerAudit(self._client)

    @cached_property
    def webhooks(self) -> AsyncOpenComputerWebhooks:
        """Signed event deliveries to your endpoints: ``/opencomputers/webhooks``."""
        return AsyncOpenComputerWebhooks(self._client)

    # -- recurring work -----------------------------------------------------------------

    @cached_property
    def schedules(self) -> AsyncOpenComputerSchedules:
        """Recurring jobs on a host: ``/opencomputers/hosts/{host_id}/schedules``."""
        return AsyncOpenComputerSchedules(self._client)

    @cached_property
    def backups(self) -> AsyncOpenComputerBackups:
        """Backup configs and snapshots: ``.../backup-configs``, ``/opencomputers/snapshots``."""
        return AsyncOpenComputerBackups(self._client)

    # -- workloads ----------------------------------------------------------------------

    @cached_property
    def compose_projects(self) -> AsyncOpenComputerComposeProjects:
        """Docker Compose stacks: ``/opencomputers/hosts/{host_id}/compose-projects``."""
        return AsyncOpenComputerComposeProjects(self._client)

    @cached_property
    def containers(self) -> AsyncOpenComputerContainers:
        """Containers: ``/opencomputers/hosts/{host_id}/containers``."""
        return AsyncOpenComputerContainers(self._client)

    # -- fleets -------------------------------------------------------------------------

    @cached_property
    def groups(self) -> AsyncOpenComputerGroups:
        """Named sets of hosts, to act on together: ``/opencomputers/groups``."""
        return AsyncOpenComputerGroups(self._client)

    @cached_property
    def tags(self) -> AsyncOpenComputerTags:
        """Host tags: ``/opencomputers/tags``, ``/opencomputers/hosts/{host_id}/tags``."""
        return AsyncOpenComputerTags(self._client)

    @cached_property
    def shares(self) -> AsyncOpenComputerShares:
        """Access to a host granted to others: ``/opencomputers/hosts/{host_id}/shares``."""
        return AsyncOpenComputerShares(self._client)

    @cached_property
    def meshes(self) -> AsyncOpenComputerMeshes:
        """Private WireGuard networks between hosts: ``/opencomputers/meshes``."""
        return AsyncOpenComputerMeshes(self._client)

    # -- developer tools ----------------------------------------------------------------

    @cached_property
    def gha_runners(self) -> AsyncOpenComputerGhaRunners:
        """GitHub Actions runners: ``/opencomputers/hosts/{host_id}/gha-runners``."""
        return AsyncOpenComputerGhaRunners(self._client)

    @cached_property
    def ide_sessions(self) -> AsyncOpenComputerIdeSessions:
        """Browser IDEs on a host: ``/opencomputers/hosts/{host_id}/ide-sessions``."""
        return AsyncOpenComputerIdeSessions(self._client)
