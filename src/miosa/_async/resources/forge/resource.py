"""MIOSA Forge: ``client.forge``, the organization's account and the sub-groups."""

from __future__ import annotations

from functools import cached_property

from ...._core.call_options import RequestOptions, Unpack
from ....types.forge import ForgeAccount
from ..._resource import AsyncAPIResource
from .attestations import AsyncForgeAttestations
from .automation_runs import AsyncForgeAutomationRuns
from .checks import AsyncForgeChecks
from .project_links import AsyncForgeProjectLinks
from .pull_requests import AsyncForgePullRequests
from .releases import AsyncForgeReleases
from .repositories import AsyncForgeRepositories


class AsyncForge(AsyncAPIResource):
    """``client.forge``: hosted git repositories and what happens around them.

    Each sub-group takes the repository id first: ``client.forge.repositories``,
    ``.pull_requests``, ``.releases``, ``.checks``, ``.attestations``,
    ``.project_links``, ``.automation_runs``.
    """

    @cached_property
    def repositories(self) -> AsyncForgeRepositories:
        """Repositories, their refs, files, history, policies: ``/forge/repositories``."""
        return AsyncForgeRepositories(self._client)

    @cached_property
    def pull_requests(self) -> AsyncForgePullRequests:
        """Pull requests, comments, reviews, previews, merges: ``.../pull-requests``."""
        return AsyncForgePullRequests(self._client)

    @cached_property
    def releases(self) -> AsyncForgeReleases:
        """Releases and their assets: ``.../releases``."""
        return AsyncForgeReleases(self._client)

    @cached_property
    def checks(self) -> AsyncForgeChecks:
        """Check runs on commits and their suites: ``.../check-runs``, ``.../check-suites``."""
        return AsyncForgeChecks(self._client)

    @cached_property
    def attestations(self) -> AsyncForgeAttestations:
        """Signed statements about commits and releases: ``.../attestations``."""
        return AsyncForgeAttestations(self._client)

    @cached_property
    def project_links(self) -> AsyncForgeProjectLinks:
        """How projects build and deploy from a repository: ``.../project-link``."""
        return AsyncForgeProjectLinks(self._client)

    @cached_property
    def automation_runs(self) -> AsyncForgeAutomationRuns:
        """Automation runs on commits and their step receipts: ``.../automation-runs``."""
        return AsyncForgeAutomationRuns(self._client)

    async def account(self, **options: Unpack[RequestOptions]) -> ForgeAccount:
        """The organization's Forge usage against its plan limits. ``GET /forge/account``."""
        return await self._object("GET", "/forge/account", ForgeAccount, options=options)
