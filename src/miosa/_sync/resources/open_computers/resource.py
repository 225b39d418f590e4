# This file was generated from
#   src/miosa/_async/resources/open_computers/resource.py
# by scripts/gen_sync.py. Do not edit it by hand.
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

from ..._resource import APIResource
from .agents import OpenComputerAgents, OpenComputerClusters
from .alerts import (
    OpenComputerAlertChannels,
    OpenComputerAlertFires,
    OpenComputerAlertRules,
)
from .apps import OpenComputerApps, OpenComputerWorkspaces
from .audit import OpenComputerAudit
from .backups import OpenComputerBackups
from .compose import OpenComputerComposeProjects, OpenComputerContainers
from .desktop import OpenComputerDesktop
from .devtools import OpenComputerGhaRunners, OpenComputerIdeSessions
from .files import OpenComputerFiles
from .fleet import (
    OpenComputerGroups,
    OpenComputerMeshes,
    OpenComputerShares,
    OpenComputerTags,
)
from .hosts import OpenComputerHosts, OpenComputerJobs
from .schedules import OpenComputerSchedules
from .secrets import OpenComputerSecrets
from .terminal import OpenComputerTerminal
from .tunnels import OpenComputerTunnels
from .webhooks import OpenComputerWebhooks


class OpenComputers(APIResource):
    """``client.open_computers``: machines you bring, and what runs on them."""

    @cached_property
    def hosts(self) -> OpenComputerHosts:
        """Registered hosts: ``/opencomputers/hosts``."""

        return OpenComputerHosts(self._client)

    @cached_property
    def jobs(self) -> OpenComputerJobs:
        """Commands run on a host: ``/opencomputers/hosts/{host_id}/exec``."""

        return OpenComputerJobs(self._client)

    @cached_property
    def files(self) -> OpenComputerFiles:
        """A host's file system: ``/opencomputers/hosts/{host_id}/fs``."""

        return OpenComputerFiles(self._client)

    @cached_property
    def terminal(self) -> OpenComputerTerminal:
        """Terminal WebSocket tickets."""
        return OpenComputerTerminal(self._client)

    @cached_property
    def desktop(self) -> OpenComputerDesktop:
        """Desktop stream WebSocket tickets."""
        return OpenComputerDesktop(self._client)

    @cached_property
    def tunnels(self) -> OpenComputerTunnels:
        """Public URLs to a host's ports: ``/opencomputers/hosts/{host_id}/tunnels``."""

        return OpenComputerTunnels(self._client)

    @cached_property
    def agents(self) -> OpenComputerAgents:
        """Agent sessions on a host: ``/opencomputers/hosts/{host_id}/agent``."""

        return OpenComputerAgents(self._client)

    @cached_property
    def clusters(self) -> OpenComputerClusters:
        """Inference clusters: ``/opencomputers/clusters``."""

        return OpenComputerClusters(self._client)

    @cached_property
    def apps(self) -> OpenComputerApps:
        """The app catalog and installs: ``/opencomputers/apps``, ``.../hosts/{id}/apps``."""

        return OpenComputerApps(self._client)

    @cached_property
    def workspaces(self) -> OpenComputerWorkspaces:
        """Repositories checked out on hosts: ``/opencomputers/.../workspaces``."""

        return OpenComputerWorkspaces(self._client)

    @cached_property
    def secrets(self) -> OpenComputerSecrets:
        """Tenant-wide and per-host secrets: ``/opencomputers/.../secrets``."""

        return OpenComputerSecrets(self._client)

    # -- monitoring ---------------------------------------------------------------------

    @cached_property
    def alert_rules(self) -> OpenComputerAlertRules:
        """Alert rules: ``/opencomputers/alerts/rules``."""
        return OpenComputerAlertRules(self._client)

    @cached_property
    def alert_channels(self) -> OpenComputerAlertChannels:
        """Where alerts are delivered: ``/opencomputers/alerts/channels``."""
        return OpenComputerAlertChannels(self._client)

    @cached_property
    def alert_fires(self) -> OpenComputerAlertFires:
        """The history of fired alerts: ``/opencomputers/alerts/fires``."""
        return OpenComputerAlertFires(self._client)

    @cached_property
    def audit(self) -> OpenComputerAudit:
        """The OpenComputers audit log: ``/opencomputers/audit``."""
        return OpenComputerAudit(self._client)

    @cached_property
    def webhooks(self) -> OpenComputerWebhooks:
        """Signed event deliveries to your endpoints: ``/opencomputers/webhooks``."""
        return OpenComputerWebhooks(self._client)

    # -- recurring work -----------------------------------------------------------------

    @cached_property
    def schedules(self) -> OpenComputerSchedules:
        """Recurring jobs on a host: ``/opencomputers/hosts/{host_id}/schedules``."""
        return OpenComputerSchedules(self._client)

    @cached_property
    def backups(self) -> OpenComputerBackups:
        """Backup configs and snapshots: ``.../backup-configs``, ``/opencomputers/snapshots``."""
        return OpenComputerBackups(self._client)

    # -- workloads ----------------------------------------------------------------------

    @cached_property
    def compose_projects(self) -> OpenComputerComposeProjects:
        """Docker Compose stacks: ``/opencomputers/hosts/{host_id}/compose-projects``."""
        return OpenComputerComposeProjects(self._client)

    @cached_property
    def containers(self) -> OpenComputerContainers:
        """Containers: ``/opencomputers/hosts/{host_id}/containers``."""
        return OpenComputerContainers(self._client)

    # -- fleets -------------------------------------------------------------------------

    @cached_property
    def groups(self) -> OpenComputerGroups:
        """Named sets of hosts, to act on together: ``/opencomputers/groups``."""
        return OpenComputerGroups(self._client)

    @cached_property
    def tags(self) -> OpenComputerTags:
        """Host tags: ``/opencomputers/tags``, ``/opencomputers/hosts/{host_id}/tags``."""
        return OpenComputerTags(self._client)

    @cached_property
    def shares(self) -> OpenComputerShares:
        """Access to a host granted to others: ``/opencomputers/hosts/{host_id}/shares``."""
        return OpenComputerShares(self._client)

    @cached_property
    def meshes(self) -> OpenComputerMeshes:
        """Private WireGuard networks between hosts: ``/opencomputers/meshes``."""
        return OpenComputerMeshes(self._client)

    # -- developer tools ----------------------------------------------------------------

    @cached_property
    def gha_runners(self) -> OpenComputerGhaRunners:
        """GitHub Actions runners: ``/opencomputers/hosts/{host_id}/gha-runners``."""
        return OpenComputerGhaRunners(self._client)

    @cached_property
    def ide_sessions(self) -> OpenComputerIdeSessions:
        """Browser IDEs on a host: ``/opencomputers/hosts/{host_id}/ide-sessions``."""
        return OpenComputerIdeSessions(self._client)
