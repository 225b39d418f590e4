"""Models of persistent volumes and their attachments to computers."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model

__all__ = ["Volume", "VolumeAttachment"]


@attrs.frozen(kw_only=True)
class Volume(Model):
    """A persistent block volume (``/volumes``); ``attached_to`` is a computer id."""

    id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    size_gb: int | None = None
    state: str | None = None
    region: str | None = None
    attached_to: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class VolumeAttachment(Model):
    """A volume mounted into a computer (``/computers/{id}/volumes``)."""

    id: str | None = None
    volume_id: str | None = None
    computer_id: str | None = None
    mount_path: str | None = None
    read_only: bool | None = None
    state: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
