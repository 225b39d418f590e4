"""Persistent volumes: ``/volumes``, and their attachments to computers."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ..._groups.platform import query_with
from ...types.volumes import Volume, VolumeAttachment
from .._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ..._pager import AsyncPager


def _volume_path(volume_id: str) -> str:
    return route("/volumes/{volume_id}", volume_id=volume_id)


def _attachments_path(computer_id: str) -> str:
    return route("/computers/{computer_id}/volumes", computer_id=computer_id)


class AsyncVolumes(AsyncAPIResource):
    """``client.volumes``: persistent block volumes and where they are mounted."""

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        state: str | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Volume]:
        """List volumes. ``GET /volumes``; ``extra`` adds query parameters."""
        return self._page(
            "/volumes",
            Volume,
            params=query_with(extra, limit=limit, cursor=cursor, state=state),
            keys=("data", "items", "volumes"),
            options=options,
        )

    async def get(self, volume_id: str, **options: Unpack[RequestOptions]) -> Volume:
        """Fetch a volume. ``GET /volumes/{volume_id}``."""
        return await self._object("GET", _volume_path(volume_id), Volume, options=options)

    async def create(
        self,
        *,
        name: str,
        size_gb: int,
        region: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Volume:
        """Create a volume of ``size_gb`` GiB. ``POST /volumes``."""
        payload = body(name=name, size_gb=size_gb, region=region)
        return await self._object(
            "POST",
            "/volumes",
            Volume,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def delete(self, volume_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a volume. ``DELETE /volumes/{volume_id}``."""
        await self._none("DELETE", _volume_path(volume_id), options=options)

    async def list_attachments(
        self, computer_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[VolumeAttachment]:
        """Volumes mounted into a computer. ``GET /computers/{computer_id}/volumes``."""
        return await self._list(
            "GET",
            _attachments_path(computer_id),
            VolumeAttachment,
            keys=("data", "items", "attachments", "volumes"),
            options=options,
        )

    async def attach(
        self,
        computer_id: str,
        *,
        volume_id: str,
        mount_path: str | NotGiven = NOT_GIVEN,
        read_only: bool | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> VolumeAttachment:
        """Mount a volume into a computer, at ``mount_path`` if given.

        ``POST /computers/{computer_id}/volumes``; without ``mount_path`` the server
        picks the mount point.
        """
        payload = body(volume_id=volume_id, mount_path=mount_path, read_only=read_only)
        return await self._object(
            "POST",
            _attachments_path(computer_id),
            VolumeAttachment,
            json=merge(payload, extra),
            options=options,
        )

    async def detach(
        self, computer_id: str, attachment_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Unmount; takes the ATTACHMENT id, not the volume id.

        ``DELETE /computers/{computer_id}/volumes/{attachment_id}``.
        """
        path = route(
            "/computers/{computer_id}/volumes/{attachment_id}",
            computer_id=computer_id,
            attachment_id=attachment_id,
        )
        await self._none("DELETE", path, options=options)
