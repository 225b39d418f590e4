"""Cloud computers: the collection, ``client.computers``."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ...._core.call_options import RequestOptions, Unpack
from ...._core.paging import PageRequest
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, path_param, query
from ...._groups.computers import item_list, normalize_size, placement_request
from ....types._base import JSONObject
from ....types.computers import (
    ComputerViewer,
    ComputerViewerPassword,
    ComputerViewerPasswordStatus,
    ComputerVisibility,
)
from ....types.params import ComputePlacementRequest, ComputerVisibilityName, SizeName
from ....types.sandboxes import SandboxSize
from ... import pagination
from ..._resource import AsyncAPIResource
from ._base import computer_path
from .handle import AsyncComputer

if TYPE_CHECKING:
    from ...._pager import AsyncPager

    pass


T = TypeVar("T")

_LIST_KEYS = ("data", "computers", "items")


class AsyncComputers(AsyncAPIResource):
    """``client.computers``: create, find, change and delete cloud computers.

    Calls on one computer are also here with its id first (``client.computers.start(id)``);
    the handle `AsyncComputer` (from `create`, `get`, `list` or `handle`) has them all
    without the id, plus its sub-resources (``computer.desktop``, ``computer.files`` ...).
    """

    def handle(self, computer_id: str) -> AsyncComputer:
        """A handle for a computer by id, without fetching it (makes no request).

        Its fields stay empty until ``await computer.refresh()``; its operations work at once.
        """
        path_param("computer_id", computer_id)
        return AsyncComputer(id=computer_id)._bind(self._client)

    async def _computer(
        self, method: str, path: str, *, computer_id: str | None = None, json: object = NOT_GIVEN
    ) -> AsyncComputer:
        data = await self._object(method, path, AsyncComputer, json=json)
        # An acknowledgement ({"success": true}) carries no record: keep the id asked for.
        return data._bind(self._client, computer_id=computer_id)

    async def _fetch_page(
        self, request: PageRequest, cast_to: type[T], keys: tuple[str, ...]
    ) -> pagination.AsyncPage[T]:
        # Every page, the first and those fetched while iterating, hands out bound handles.
        page = await super()._fetch_page(request, cast_to, keys)
        for item in page.items:
            if isinstance(item, AsyncComputer):
                item._bind(self._client)
        return page

    # -- the collection --------------------------------------------------------------

    async def create(
        self,
        *,
        name: str,
        template_type: str | NotGiven = NOT_GIVEN,
        size: SizeName | SandboxSize | Literal["xlarge"] | NotGiven = NOT_GIVEN,
        visibility: ComputerVisibilityName | ComputerVisibility | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
        agent_runtime_profile_id: str | NotGiven = NOT_GIVEN,
        agent_profile_id: str | NotGiven = NOT_GIVEN,
        skip_agent_runtime_profile: bool | NotGiven = NOT_GIVEN,
        workspace_id: str | NotGiven = NOT_GIVEN,
        external_workspace_id: str | NotGiven = NOT_GIVEN,
        external_project_id: str | NotGiven = NOT_GIVEN,
        setup_file: str | NotGiven = NOT_GIVEN,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
        compute_placement_request: (
            ComputePlacementRequest | Mapping[str, Any] | NotGiven
        ) = NOT_GIVEN,
    ) -> AsyncComputer:
        """Create a computer and return its handle. ``POST /computers``.

        The new computer is provisioning: ``await computer.wait_until_ready()``.

        Args:
            name: the computer's name (required).
            template_type: ``"miosa-desktop"`` (default, a desktop with a screen) or
                ``"miosa-sandbox"`` (headless).
            size: a published size, ``"xs"`` to ``"xl"`` (default ``"small"``);
                ``"xlarge"`` is sent as ``"xl"``.
            visibility: who may reach its previews: ``"public"``, ``"tenant"`` or
                ``"key"``.
            metadata: free-form string metadata kept with the computer.
            agent_runtime_profile_id: the agent runtime profile to install.
            agent_profile_id: the agent profile to apply.
            skip_agent_runtime_profile: install no agent runtime profile.
            workspace_id: the workspace it belongs to.
            external_workspace_id: your own workspace id, for a white-label tenant.
            external_project_id: your own project id, for a white-label tenant.
            setup_file: a setup script run at create.
            environment: a saved environment by name (or ``environment_id``/``env_id``).
            environment_id: see ``environment``.
            env_id: see ``environment``.
            no_env: apply no saved environment.
            env: variables added to the environment.
            fail_fast: a failing environment step fails the create.
            compute_placement_request: where it runs (bring your own cloud): a
                `ComputePlacementRequest` dict, ``{"provider": "aws", "region_id": ...,
                "pool_id": ...}``; camelCase keys are accepted too.
        """
        payload = body(
            name=name,
            template_type="miosa-desktop" if isinstance(template_type, NotGiven) else template_type,
            size=normalize_size("small" if isinstance(size, NotGiven) else size),
            visibility=visibility,
            metadata=metadata,
            workspace_id=workspace_id,
            external_workspace_id=external_workspace_id,
            external_project_id=external_project_id,
            agent_runtime_profile_id=agent_runtime_profile_id,
            agent_profile_id=agent_profile_id,
            skip_agent_runtime_profile=skip_agent_runtime_profile,
            compute_placement_request=(
                compute_placement_request
                if isinstance(compute_placement_request, NotGiven)
                else placement_request(compute_placement_request)
            ),
            setup_file=setup_file,
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            fail_fast=fail_fast,
        )
        return await self._computer("POST", "/computers", json=payload)

    def list(
        self,
        *,
        page: int | None = None,
        per_page: int | None = None,
        status: str | None = None,
        workspace_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[AsyncComputer]:
        """One page of computers; ``async for`` walks every page. ``GET /computers``.

        ``workspace_id`` keeps the computers of one workspace. The reply may be
        ``{data, meta}`` or ``{total, computers}``: both are read.
        """
        return self._page(
            "/computers",
            AsyncComputer,
            params=query(page=page, per_page=per_page, status=status, workspace_id=workspace_id),
            keys=_LIST_KEYS,
            options=options,
        )

    async def get(self, computer_id: str) -> AsyncComputer:
        """Fetch a computer by id. ``GET /computers/{computer_id}``."""
        return await self._computer("GET", computer_path(computer_id), computer_id=computer_id)

    async def update(
        self,
        computer_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        visibility: ComputerVisibilityName | ComputerVisibility | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Rename a computer or change its visibility or metadata.

        ``PATCH /computers/{computer_id}``. Only the arguments given are sent.

        Args:
            computer_id: the computer's id.
            name: a new name.
            visibility: who may reach its previews: ``"public"``, ``"tenant"`` or
                ``"key"``.
            metadata: the new metadata (string values; replaces the old).
        """
        payload = body(name=name, visibility=visibility, metadata=metadata)
        return await self._computer(
            "PATCH", computer_path(computer_id), computer_id=computer_id, json=payload
        )

    async def delete(self, computer_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a computer for good. ``DELETE /computers/{computer_id}``."""
        await self._none("DELETE", computer_path(computer_id), options=options)

    destroy = delete

    async def viewer_password(
        self, computer_id: str, **options: Unpack[RequestOptions]
    ) -> ComputerViewerPasswordStatus:
        """Whether the raw desktop viewer password is set.

        ``GET /computers/{computer_id}/viewer-password``.
        """
        return await self._object(
            "GET",
            computer_path(computer_id) + "/viewer-password",
            ComputerViewerPasswordStatus,
            options=options,
        )

    async def rotate_viewer_password(
        self, computer_id: str, **options: Unpack[RequestOptions]
    ) -> ComputerViewerPassword:
        """Set a new raw viewer password and return it (shown once).

        ``POST /computers/{computer_id}/viewer-password/rotate``.
        """
        return await self._object(
            "POST",
            computer_path(computer_id) + "/viewer-password/rotate",
            ComputerViewerPassword,
            options=options,
        )

    # -- one computer ------------------------------------------------------------------

    async def start(
        self,
        computer_id: str,
        *,
        environment: str | NotGiven = NOT_GIVEN,
        environment_id: str | NotGiven = NOT_GIVEN,
        env_id: str | NotGiven = NOT_GIVEN,
        no_env: bool | NotGiven = NOT_GIVEN,
        env: Mapping[str, str] | NotGiven = NOT_GIVEN,
        fail_fast: bool | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Start a computer. ``POST /computers/{computer_id}/start``.

        The options name the environment applied on this start (as for `create`); with
        none the request has no body.
        """
        payload = body(
            environment=environment,
            environment_id=environment_id,
            env_id=env_id,
            no_env=no_env,
            env=env,
            fail_fast=fail_fast,
        )
        return await self._computer(
            "POST",
            computer_path(computer_id) + "/start",
            computer_id=computer_id,
            json=payload or NOT_GIVEN,
        )

    async def stop(self, computer_id: str) -> AsyncComputer:
        """Stop a computer. ``POST /computers/{computer_id}/stop``."""
        return await self._computer(
            "POST", computer_path(computer_id) + "/stop", computer_id=computer_id
        )

    async def restart(self, computer_id: str) -> AsyncComputer:
        """Restart a computer. ``POST /computers/{computer_id}/restart``."""
        return await self._computer(
            "POST", computer_path(computer_id) + "/restart", computer_id=computer_id
        )

    async def vnc_credentials(
        self, computer_id: str, **options: Unpack[RequestOptions]
    ) -> JSONObject:
        """VNC credentials (a free-form map). ``GET /computers/{computer_id}/vnc-credentials``."""
        return await self._object(
            "GET", computer_path(computer_id) + "/vnc-credentials", JSONObject, options=options
        )

    async def apps(self, computer_id: str, **options: Unpack[RequestOptions]) -> builtins.list[Any]:
        """The apps installed in the VM. ``GET /computers/{computer_id}/apps``.

        The list may come bare or under ``data``, ``apps`` or ``items``; a reply that is
        one object without a list is returned as a one-item list.
        """
        payload, _ = await self._json("GET", computer_path(computer_id) + "/apps", options=options)
        return item_list(payload, ("data", "apps", "items"))

    async def urls(self, computer_id: str, **options: Unpack[RequestOptions]) -> builtins.list[Any]:
        """The computer's public preview and exposed URLs. ``GET /computers/{computer_id}/urls``.

        The list may come bare or under ``data``, ``urls`` or ``items``; a reply that is
        one object (a map of named URLs) is returned as a one-item list.
        """
        payload, _ = await self._json("GET", computer_path(computer_id) + "/urls", options=options)
        return item_list(payload, ("data", "urls", "items"))

    async def stream_token(self, computer_id: str, **options: Unpack[RequestOptions]) -> JSONObject:
        """Mint a short-lived stream token. ``POST /computers/{computer_id}/stream-token``."""
        return await self._object(
            "POST", computer_path(computer_id) + "/stream-token", JSONObject, options=options
        )

    async def embed(
        self,
        computer_id: str,
        *,
        ttl: int | None = None,
        mode: str | None = None,
        view_only: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> JSONObject:
        """A short-lived passwordless embed URL (``url``, ``expires_at`` ...) for platform use.

        ``GET /computers/{computer_id}/embed``. ``ttl`` is its lifetime in seconds;
        ``view_only`` is sent when given, but servers may not enforce it yet.
        """
        return await self._object(
            "GET",
            computer_path(computer_id) + "/embed",
            JSONObject,
            params=query(ttl=ttl, mode=mode, view_only=view_only),
            options=options,
        )

    async def viewer_url(
        self,
        computer_id: str,
        *,
        ttl_seconds: int | None = None,
        view_only: bool | None = None,
        mode: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ComputerViewer:
        """An embeddable desktop viewer: a short-lived, scoped link (``url``, ``expires_at``).

        ``GET /computers/{computer_id}/embed`` (``ttl_seconds`` goes as ``ttl``), read as a
        typed `ComputerViewer`. ``view_only`` is sent when given; servers may not enforce
        it yet, so read the reply's ``view_only``.
        """
        return await self._object(
            "GET",
            computer_path(computer_id) + "/embed",
            ComputerViewer,
            params=query(ttl=ttl_seconds, mode=mode, view_only=view_only),
            options=options,
        )

    async def clone(
        self,
        computer_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> AsyncComputer:
        """Clone a computer; returns the NEW one. ``POST /computers/{computer_id}/clone``.

        ``extra`` passes further clone options through verbatim.
        """
        payload = merge(body(name=name), extra)
        return await self._computer("POST", computer_path(computer_id) + "/clone", json=payload)

    async def resize(
        self,
        computer_id: str,
        *,
        size: SizeName | SandboxSize | Literal["xlarge"] | NotGiven = NOT_GIVEN,
        cpu_count: int | NotGiven = NOT_GIVEN,
        memory_mb: int | NotGiven = NOT_GIVEN,
    ) -> AsyncComputer:
        """Change a computer's size: a bundle (``"xlarge"`` is sent as ``"xl"``) or an
        explicit ``cpu_count`` / ``memory_mb``. ``POST /computers/{computer_id}/resize``.

        The server checks the combination (with none of the three it answers 422).
        """
        payload = body(
            size=size if isinstance(size, NotGiven) else normalize_size(size),
            cpu_count=cpu_count,
            memory_mb=memory_mb,
        )
        return await self._computer(
            "POST", computer_path(computer_id) + "/resize", computer_id=computer_id, json=payload
        )

    async def move(
        self,
        computer_id: str,
        *,
        region: str | NotGiven = NOT_GIVEN,
        host_id: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> AsyncComputer:
        """Move a computer to another region or host. ``POST /computers/{computer_id}/move``.

        The contract leaves the body open: ``extra`` passes other keys through verbatim.
        """
        payload = merge(body(region=region, host_id=host_id), extra)
        return await self._computer(
            "POST", computer_path(computer_id) + "/move", computer_id=computer_id, json=payload
        )

    async def screenshot_region(
        self, computer_id: str, *, x: int, y: int, width: int, height: int
    ) -> bytes:
        """A region of the desktop as PNG bytes.

        ``POST /computers/{computer_id}/desktop/screenshot/region``, then
        ``POST /computers/{computer_id}/screenshot-region`` if the first answers 404.
        """
        desktop = self.handle(computer_id).desktop
        return await desktop.screenshot_region(x=x, y=y, width=width, height=height)

    async def metrics(
        self, computer_id: str, *, window: str = "1h", **options: Unpack[RequestOptions]
    ) -> JSONObject:
        """Time-series metrics for ``"1h"``, ``"24h"`` or ``"7d"``.

        ``GET /computers/{computer_id}/metrics``.
        """
        return await self._object(
            "GET",
            computer_path(computer_id) + "/metrics",
            JSONObject,
            params={"window": window},
            options=options,
        )
