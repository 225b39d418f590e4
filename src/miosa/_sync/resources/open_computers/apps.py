# This file was generated from
#   src/miosa/_async/resources/open_computers/apps.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Apps installed on OpenComputers hosts, and workspaces (repositories) checked out on them."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body
from ...._groups.open_computers import INSTALL_DONE, INSTALL_STREAM_END, event_parser, type_in
from ....types.open_computers import (
    OpenComputerApp,
    OpenComputerAppInstall,
    OpenComputerAppInstallEvent,
    OpenComputerTicket,
    OpenComputerWorkspace,
    OpenComputerWorkspaceEvent,
)
from ...streams import EventStream
from ._base import DEFAULT_WAIT_TIMEOUT, OpenComputersResource, host_path


def _app(host_id: str, app_id: str) -> str:
    return host_path("/apps/{app_id}", host_id, app_id=app_id)


def _install(host_id: str, install_id: str) -> str:
    return host_path("/apps/installs/{install_id}", host_id, install_id=install_id)


def _workspace(host_id: str, workspace_id: str) -> str:
    return host_path("/workspaces/{workspace_id}", host_id, workspace_id=workspace_id)


class OpenComputerApps(OpenComputersResource):
    """``client.open_computers.apps``: one-click installs of common services on a host."""

    def catalog(self, **options: Unpack[RequestOptions]) -> list[OpenComputerApp]:
        """List the apps that can be installed. ``GET /opencomputers/apps``."""
        return self._list(
            "GET",
            "/opencomputers/apps",
            OpenComputerApp,
            keys=("data", "apps", "items"),
            options=options,
        )

    def list_installed(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> list[OpenComputerAppInstall]:
        """List the apps installed on a host. ``GET /opencomputers/hosts/{host_id}/apps``."""
        return self._list(
            "GET",
            host_path("/apps", host_id),
            OpenComputerAppInstall,
            keys=("data", "installs", "apps", "items"),
            options=options,
        )

    def install(
        self, host_id: str, app_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerAppInstall:
        """Start installing a catalog app on a host.

        ``POST /opencomputers/hosts/{host_id}/apps/{app_id}/install``. Follow it with
        `install_events` or `wait_for_install`, using the returned install's ``id``.
        """
        return self._object(
            "POST", _app(host_id, app_id) + "/install", OpenComputerAppInstall, options=options
        )

    def get_install(
        self, host_id: str, install_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerAppInstall:
        """Fetch an install. ``GET /opencomputers/hosts/{host_id}/apps/installs/{install_id}``."""
        return self._object(
            "GET", _install(host_id, install_id), OpenComputerAppInstall, options=options
        )

    def install_events(
        self, host_id: str, install_id: str
    ) -> EventStream[OpenComputerAppInstallEvent]:
        """Stream an install's progress.

        ``GET /opencomputers/hosts/{host_id}/apps/installs/{install_id}/events``; the
        iteration ends after ``installed`` or ``failed``.
        """
        return self._events(
            _install(host_id, install_id) + "/events",
            event_parser(OpenComputerAppInstallEvent),
            is_final=type_in(INSTALL_STREAM_END),
        )

    def uninstall(self, host_id: str, app_id: str, **options: Unpack[RequestOptions]) -> None:
        """Uninstall an app. ``DELETE /opencomputers/hosts/{host_id}/apps/{app_id}``."""
        self._none("DELETE", _app(host_id, app_id), options=options)

    def start_app(self, host_id: str, app_id: str, **options: Unpack[RequestOptions]) -> None:
        """Start an installed app's service.

        ``POST /opencomputers/hosts/{host_id}/apps/{app_id}/start``.
        """
        self._none("POST", _app(host_id, app_id) + "/start", options=options)

    def wait_for_install(
        self,
        host_id: str,
        install_id: str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = 1.0,
    ) -> OpenComputerAppInstall:
        """Poll `get_install` until it is installed, failed or uninstalled, and return it.

        ``GET /opencomputers/hosts/{host_id}/apps/installs/{install_id}`` with backoff
        (`poll_interval`, then 1.5x longer each time, at most 10 s). A failed install is
        returned, not raised: check ``status`` and ``error``. Raises
        `miosa.APITimeoutError` after `timeout` seconds (None waits forever).
        """
        return self._wait_for(
            _install(host_id, install_id),
            OpenComputerAppInstall,
            INSTALL_DONE,
            timeout=timeout,
            poll_interval=poll_interval,
            noun="OpenComputers app install",
            resource_id=install_id,
        )


class OpenComputerWorkspaces(OpenComputersResource):
    """``client.open_computers.workspaces``: repositories checked out on hosts."""

    def list_all(self, **options: Unpack[RequestOptions]) -> list[OpenComputerWorkspace]:
        """List workspaces on every host. ``GET /opencomputers/workspaces``."""
        return self._list(
            "GET",
            "/opencomputers/workspaces",
            OpenComputerWorkspace,
            keys=("data", "workspaces", "items"),
            options=options,
        )

    def list(self, host_id: str, **options: Unpack[RequestOptions]) -> list[OpenComputerWorkspace]:
        """List a host's workspaces. ``GET /opencomputers/hosts/{host_id}/workspaces``."""
        return self._list(
            "GET",
            host_path("/workspaces", host_id),
            OpenComputerWorkspace,
            keys=("data", "workspaces", "items"),
            options=options,
        )

    def create(
        self,
        host_id: str,
        *,
        name: str,
        repo_url: str | NotGiven = NOT_GIVEN,
        branch: str | NotGiven = NOT_GIVEN,
        directory: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerWorkspace:
        """Create a workspace, cloning `repo_url` in the background.

        ``POST /opencomputers/hosts/{host_id}/workspaces``. Watch `events` for progress.
        """
        return self._object(
            "POST",
            host_path("/workspaces", host_id),
            OpenComputerWorkspace,
            json=body(name=name, repo_url=repo_url, branch=branch, directory=directory),
            options=options,
        )

    def get(
        self, host_id: str, workspace_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerWorkspace:
        """Fetch a workspace. ``GET /opencomputers/hosts/{host_id}/workspaces/{workspace_id}``."""
        return self._object(
            "GET", _workspace(host_id, workspace_id), OpenComputerWorkspace, options=options
        )

    def update(
        self,
        host_id: str,
        workspace_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        branch: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerWorkspace:
        """Rename a workspace or switch its branch.

        ``PATCH /opencomputers/hosts/{host_id}/workspaces/{workspace_id}``.
        """
        return self._object(
            "PATCH",
            _workspace(host_id, workspace_id),
            OpenComputerWorkspace,
            json=body(name=name, branch=branch),
            options=options,
        )

    def delete(self, host_id: str, workspace_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a workspace.

        ``DELETE /opencomputers/hosts/{host_id}/workspaces/{workspace_id}``.
        """
        self._none("DELETE", _workspace(host_id, workspace_id), options=options)

    def pull(
        self, host_id: str, workspace_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerWorkspace:
        """Pull the latest commits.

        ``POST /opencomputers/hosts/{host_id}/workspaces/{workspace_id}/pull``.
        """
        return self._object(
            "POST",
            _workspace(host_id, workspace_id) + "/pull",
            OpenComputerWorkspace,
            options=options,
        )

    def open_terminal(
        self, host_id: str, workspace_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerTicket:
        """Get a terminal ticket opened in the workspace's directory.

        ``POST /opencomputers/hosts/{host_id}/workspaces/{workspace_id}/open-terminal``;
        connect to the returned ``ws_url`` before ``expires_at``.
        """
        return self._object(
            "POST",
            _workspace(host_id, workspace_id) + "/open-terminal",
            OpenComputerTicket,
            options=options,
        )

    def events(self, host_id: str, workspace_id: str) -> EventStream[OpenComputerWorkspaceEvent]:
        """Stream a workspace's events (clone, install ...).

        ``GET /opencomputers/hosts/{host_id}/workspaces/{workspace_id}/events``.
        """
        return self._events(
            _workspace(host_id, workspace_id) + "/events",
            event_parser(OpenComputerWorkspaceEvent),
        )
