# This file was generated from
#   src/miosa/_async/resources/forge/resource.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""MIOSA Forge: ``client.forge``, the organization's account and the sub-groups."""

from __future__ import annotations

from functools import cached_property

from ...._core.call_options import RequestOptions, Unpack
from ....types.forge import ForgeAccount
from ..._resource import APIResource
from .attestations import ForgeAttestations
from .automation_runs import ForgeAutomationRuns
from .checks import ForgeChecks
from .project_links import ForgeProjectLinks
from .pull_requests import ForgePullRequests
from .releases import ForgeReleases
from .repositories import ForgeRepositories


class Forge(APIResource):
    """``client.forge``: hosted git repositories and what happens around them.

    Each sub-group takes the repository id first: ``client.forge.repositories``,
    ``.pull_requests``, ``.releases``, ``.checks``, ``.attestations``,
    ``.project_links``, ``.automation_runs``.
    """

    @cached_property
    def repositories(self) -> ForgeRepositories:
        """Repositories, their refs, files, history, policies: ``/forge/repositories``."""
        return ForgeRepositories(self._client)

    @cached_property
    def pull_requests(self) -> ForgePullRequests:
        """Pull requests, comments, reviews, previews, merges: ``.../pull-requests``."""
        return ForgePullRequests(self._client)

    @cached_property
    def releases(self) -> ForgeReleases:
        """Releases and their assets: ``.../releases``."""
        return ForgeReleases(self._client)

    @cached_property
    def checks(self) -> ForgeChecks:
        """Check runs on commits and their suites: ``.../check-runs``, ``.../check-suites``."""
        return ForgeChecks(self._client)

    @cached_property
    def attestations(self) -> ForgeAttestations:
        """Signed statements about commits and releases: ``.../attestations``."""
        return ForgeAttestations(self._client)

    @cached_property
    def project_links(self) -> ForgeProjectLinks:
        """How projects build and deploy from a repository: ``.../project-link``."""
        return ForgeProjectLinks(self._client)

    @cached_property
    def automation_runs(self) -> ForgeAutomationRuns:
        """Automation runs on commits and their step receipts: ``.../automation-runs``."""
        return ForgeAutomationRuns(self._client)

    def account(self, **options: Unpack[RequestOptions]) -> ForgeAccount:
        """The organization's Forge usage against its plan limits. ``GET /forge/account``."""
        return self._object("GET", "/forge/account", ForgeAccount, options=options)
