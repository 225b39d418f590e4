# This file was generated from
#   src/miosa/_async/resources/open_computers/fleet.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Working with many hosts: groups, tags, shares and WireGuard meshes.

Two reads the API does not have are not offered: one share by id (a host's shares are
listed) and one host's tags (they are on the host record, and every tag write answers
them).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ...._groups.open_computers import JobEnv, job_env
from ....types.open_computers_fleet import (
    OpenComputerGroup,
    OpenComputerGroupDetail,
    OpenComputerGroupDispatch,
    OpenComputerGroupKind,
    OpenComputerGroupMemberAdded,
    OpenComputerGroupMembersAdded,
    OpenComputerHostTags,
    OpenComputerMesh,
    OpenComputerMeshPeer,
    OpenComputerShare,
    OpenComputerShareInvite,
)
from ..._resource import APIResource
from ._base import host_path

_GROUPS = "/opencomputers/groups"
_GROUP = _GROUPS + "/{group_id}"
_MESHES = "/opencomputers/meshes"
_MESH = _MESHES + "/{mesh_id}"

TagQuery = Mapping[Literal["and", "or"], Sequence[str]]
"""Hosts a ``tag_query`` group holds: ``{"and": [tags]}`` (all of them) or ``{"or": [...]}``."""


def _tag_query(tag_query: TagQuery | NotGiven) -> dict[str, list[str]] | NotGiven:
    if isinstance(tag_query, NotGiven):
        return tag_query
    return {op: list(tags) for op, tags in tag_query.items()}


class OpenComputerGroups(APIResource):
    """``client.open_computers.groups``: named sets of hosts, to act on all of them at once."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[OpenComputerGroup]:
        """The tenant's host groups. ``GET /opencomputers/groups``."""
        return self._list(
            "GET", _GROUPS, OpenComputerGroup, keys=("groups", "data"), options=options
        )

    def create(
        self,
        *,
        name: str,
        kind: OpenComputerGroupKind | Literal["explicit", "tag_query"] | NotGiven = NOT_GIVEN,
        tag_query: TagQuery | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        icon: str | NotGiven = NOT_GIVEN,
        color: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerGroup:
        """Create a group. ``POST /opencomputers/groups``.

        An ``"explicit"`` group (the server's default) holds the hosts added to it; a
        ``"tag_query"`` group holds every host whose tags match `tag_query`.
        """
        payload = body(
            name=name,
            description=description,
            icon=icon,
            color=color,
            kind=kind,
            tag_query=_tag_query(tag_query),
        )
        return self._object(
            "POST",
            _GROUPS,
            OpenComputerGroup,
            json=payload,
            unwrap=("group", "data"),
            options=options,
        )

    def get(self, group_id: str, **options: Unpack[RequestOptions]) -> OpenComputerGroupDetail:
        """A group with its member hosts resolved. ``GET /opencomputers/groups/{group_id}``."""
        return self._object(
            "GET", route(_GROUP, group_id=group_id), OpenComputerGroupDetail, options=options
        )

    def update(
        self,
        group_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        kind: OpenComputerGroupKind | Literal["explicit", "tag_query"] | NotGiven = NOT_GIVEN,
        tag_query: TagQuery | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        icon: str | NotGiven = NOT_GIVEN,
        color: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerGroup:
        """Change a group. ``PATCH /opencomputers/groups/{group_id}``."""
        payload = body(
            name=name,
            description=description,
            icon=icon,
            color=color,
            kind=kind,
            tag_query=_tag_query(tag_query),
        )
        return self._object(
            "PATCH",
            route(_GROUP, group_id=group_id),
            OpenComputerGroup,
            json=payload,
            unwrap=("group", "data"),
            options=options,
        )

    def delete(self, group_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a group (its hosts stay). ``DELETE /opencomputers/groups/{group_id}``."""
        self._none("DELETE", route(_GROUP, group_id=group_id), options=options)

    def add_member(
        self, group_id: str, host_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerGroupMemberAdded:
        """Add a host to an explicit group.

        ``POST /opencomputers/groups/{group_id}/members/{host_id}``.
        """
        return self._object(
            "POST",
            route(_GROUP + "/members/{host_id}", group_id=group_id, host_id=host_id),
            OpenComputerGroupMemberAdded,
            options=options,
        )

    def add_members(
        self, group_id: str, host_ids: Sequence[str], **options: Unpack[RequestOptions]
    ) -> OpenComputerGroupMembersAdded:
        """Add several hosts to an explicit group.

        ``POST /opencomputers/groups/{group_id}/members``.
        """
        return self._object(
            "POST",
            route(_GROUP + "/members", group_id=group_id),
            OpenComputerGroupMembersAdded,
            json={"host_ids": list(host_ids)},
            options=options,
        )

    def remove_member(self, group_id: str, host_id: str, **options: Unpack[RequestOptions]) -> None:
        """Take a host out of an explicit group.

        ``DELETE /opencomputers/groups/{group_id}/members/{host_id}``.
        """
        self._none(
            "DELETE",
            route(_GROUP + "/members/{host_id}", group_id=group_id, host_id=host_id),
            options=options,
        )

    def exec(
        self,
        group_id: str,
        *,
        cmd: str,
        args: Sequence[str] | NotGiven = NOT_GIVEN,
        env: JobEnv | NotGiven = NOT_GIVEN,
        cwd: str | NotGiven = NOT_GIVEN,
        timeout_ms: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerGroupDispatch:
        """Run a command on every member host. ``POST /opencomputers/groups/{group_id}/exec``.

        `env` is sent as a job's (``{name, value}`` maps). Returns as soon as each host has
        been given its job: the reply lists one job id per host, to follow with
        ``client.open_computers.jobs``.
        """
        payload = body(
            cmd=cmd,
            args=args,
            env=env if isinstance(env, NotGiven) else job_env(env),
            cwd=cwd,
            timeout_ms=timeout_ms,
        )
        return self._object(
            "POST",
            route(_GROUP + "/exec", group_id=group_id),
            OpenComputerGroupDispatch,
            json=payload,
            options=options,
        )

    def install_app(
        self,
        group_id: str,
        app_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerGroupDispatch:
        """Install a catalog app on every member host.

        ``POST /opencomputers/groups/{group_id}/apps/{app_id}/install``; ``extra`` is the
        install's body (its settings), sent as given. The reply lists one install id per
        host.
        """
        return self._object(
            "POST",
            route(_GROUP + "/apps/{app_id}/install", group_id=group_id, app_id=app_id),
            OpenComputerGroupDispatch,
            json=merge({}, extra),
            options=options,
        )


class OpenComputerTags(APIResource):
    """``client.open_computers.tags``: labels on hosts, which tag-query groups select by.

    A tag is lower-case letters, digits and ``-``, starting with a letter (2 to 40
    characters); a host has at most 20.
    """

    def list_catalog(self, **options: Unpack[RequestOptions]) -> builtins.list[str]:
        """Every tag used on the tenant's hosts, for autocompletion. ``GET /opencomputers/tags``."""
        return self._list("GET", "/opencomputers/tags", str, keys=("tags", "data"), options=options)

    def replace_host_tags(
        self, host_id: str, tags: Sequence[str], **options: Unpack[RequestOptions]
    ) -> OpenComputerHostTags:
        """Set a host's tags to exactly `tags`. ``PATCH /opencomputers/hosts/{host_id}/tags``."""
        return self._object(
            "PATCH",
            host_path("/tags", host_id),
            OpenComputerHostTags,
            json={"tags": list(tags)},
            unwrap=("host", "data"),
            options=options,
        )

    def add_host_tag(
        self, host_id: str, tag: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerHostTags:
        """Tag a host (adding a tag it has changes nothing).

        ``POST /opencomputers/hosts/{host_id}/tags/{tag}``.
        """
        return self._object(
            "POST",
            host_path("/tags/{tag}", host_id, tag=tag),
            OpenComputerHostTags,
            unwrap=("host", "data"),
            options=options,
        )

    def remove_host_tag(
        self, host_id: str, tag: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerHostTags:
        """Untag a host (removing a tag it lacks changes nothing).

        ``DELETE /opencomputers/hosts/{host_id}/tags/{tag}``.
        """
        return self._object(
            "DELETE",
            host_path("/tags/{tag}", host_id, tag=tag),
            OpenComputerHostTags,
            unwrap=("host", "data"),
            options=options,
        )


class OpenComputerShares(APIResource):
    """``client.open_computers.shares``: give other people access to one of your hosts."""

    def list(
        self, host_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[OpenComputerShare]:
        """A host's pending and accepted shares. ``GET /opencomputers/hosts/{host_id}/shares``."""
        return self._list(
            "GET",
            host_path("/shares", host_id),
            OpenComputerShare,
            keys=("shares", "data"),
            options=options,
        )

    def create(
        self,
        host_id: str,
        *,
        grantee_email: str,
        permissions: Sequence[str] | str,
        expires_in_days: int | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerShareInvite:
        """Invite someone to a host. ``POST /opencomputers/hosts/{host_id}/shares``.

        `permissions` is a list of permission names or the name of a preset. The reply's
        ``invite_url`` works once and is not shown again.
        """
        payload = body(
            grantee_email=grantee_email,
            permissions=permissions if isinstance(permissions, str) else list(permissions),
            expires_in_days=expires_in_days,
            note=note,
        )
        return self._object(
            "POST",
            host_path("/shares", host_id),
            OpenComputerShareInvite,
            json=payload,
            options=options,
        )

    def update(
        self,
        host_id: str,
        share_id: str,
        *,
        permissions: Sequence[str] | str | NotGiven = NOT_GIVEN,
        expires_in_days: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerShare:
        """Change what a share allows or when it ends.

        ``PATCH /opencomputers/hosts/{host_id}/shares/{share_id}``.
        """
        if not isinstance(permissions, (str, NotGiven)):
            permissions = list(permissions)
        return self._object(
            "PATCH",
            host_path("/shares/{share_id}", host_id, share_id=share_id),
            OpenComputerShare,
            json=body(permissions=permissions, expires_in_days=expires_in_days),
            unwrap=("share", "data"),
            options=options,
        )

    def delete(self, host_id: str, share_id: str, **options: Unpack[RequestOptions]) -> None:
        """Revoke a share. ``DELETE /opencomputers/hosts/{host_id}/shares/{share_id}``."""
        self._none(
            "DELETE", host_path("/shares/{share_id}", host_id, share_id=share_id), options=options
        )


class OpenComputerMeshes(APIResource):
    """``client.open_computers.meshes``: private WireGuard networks between your hosts."""

    def list(self, **options: Unpack[RequestOptions]) -> builtins.list[OpenComputerMesh]:
        """The tenant's meshes (without their peers). ``GET /opencomputers/meshes``."""
        return self._list(
            "GET", _MESHES, OpenComputerMesh, keys=("meshes", "data"), options=options
        )

    def create(
        self,
        *,
        name: str,
        host_ids: Sequence[str] | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> OpenComputerMesh:
        """Create a mesh, with `host_ids` as its first members. ``POST /opencomputers/meshes``."""
        if not isinstance(host_ids, NotGiven):
            host_ids = list(host_ids)
        return self._object(
            "POST",
            _MESHES,
            OpenComputerMesh,
            json=body(name=name, host_ids=host_ids),
            unwrap=("mesh", "data"),
            options=options,
        )

    def get(self, mesh_id: str, **options: Unpack[RequestOptions]) -> OpenComputerMesh:
        """A mesh with its peers and their counters. ``GET /opencomputers/meshes/{mesh_id}``."""
        return self._object(
            "GET",
            route(_MESH, mesh_id=mesh_id),
            OpenComputerMesh,
            unwrap=("mesh", "data"),
            options=options,
        )

    def delete(self, mesh_id: str, **options: Unpack[RequestOptions]) -> None:
        """Tear a mesh down. ``DELETE /opencomputers/meshes/{mesh_id}``."""
        self._none("DELETE", route(_MESH, mesh_id=mesh_id), options=options)

    def add_host(
        self, mesh_id: str, host_id: str, **options: Unpack[RequestOptions]
    ) -> OpenComputerMeshPeer:
        """Add a host to a mesh; the reply is its peer record (its tunnel address).

        ``POST /opencomputers/meshes/{mesh_id}/hosts/{host_id}``.
        """
        return self._object(
            "POST",
            route(_MESH + "/hosts/{host_id}", mesh_id=mesh_id, host_id=host_id),
            OpenComputerMeshPeer,
            unwrap=("peer", "data"),
            options=options,
        )

    def remove_host(self, mesh_id: str, host_id: str, **options: Unpack[RequestOptions]) -> None:
        """Take a host out of a mesh. ``DELETE /opencomputers/meshes/{mesh_id}/hosts/{host_id}``."""
        self._none(
            "DELETE",
            route(_MESH + "/hosts/{host_id}", mesh_id=mesh_id, host_id=host_id),
            options=options,
        )
