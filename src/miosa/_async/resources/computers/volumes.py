"""``computer.volumes``: volume attachments under ``/computers/{id}/volumes``."""

from __future__ import annotations

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, route
from ....types.computers import ComputerVolumeAttachment
from ..._resource import AsyncScopedResource

_ATTACHMENT_KEYS = ("data", "attachments", "volumes", "items")


class AsyncComputerVolumes(AsyncScopedResource):
    """``computer.volumes``: attach and detach persistent volumes."""

    async def list(self, **options: Unpack[RequestOptions]) -> list[ComputerVolumeAttachment]:
        """The volumes attached to this computer. ``GET /computers/{computer_id}/volumes``."""
        return await self._list(
            "GET",
            self._prefix + "/volumes",
            ComputerVolumeAttachment,
            keys=_ATTACHMENT_KEYS,
            options=options,
        )

    async def attach(
        self,
        volume_id: str,
        *,
        mount_path: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ComputerVolumeAttachment:
        """Attach a volume, at `mount_path` or where the server puts it by default.

        ``POST /computers/{computer_id}/volumes``.
        """
        return await self._object(
            "POST",
            self._prefix + "/volumes",
            ComputerVolumeAttachment,
            json=body(volume_id=volume_id, mount_path=mount_path),
            options=options,
        )

    async def detach(self, attachment_id: str, **options: Unpack[RequestOptions]) -> None:
        """Detach by ATTACHMENT id (not the volume id).

        ``DELETE /computers/{computer_id}/volumes/{attachment_id}``.
        """
        path = self._prefix + route("/volumes/{attachment_id}", attachment_id=attachment_id)
        await self._none("DELETE", path, options=options)
