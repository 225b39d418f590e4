"""Models of the account-wide snapshot history (``/snapshots``) and named snapshots."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "ForkedMachine",
    "HistorySnapshot",
    "NamedSnapshot",
    "NamedSnapshotDeletion",
    "SnapshotBulkDeletion",
    "SnapshotDeletion",
    "SnapshotGroup",
    "SnapshotMachine",
    "SnapshotTree",
    "SnapshotTreeEntry",
]


@attrs.frozen(kw_only=True)
class SnapshotMachine(Model):
    """The machine a snapshot was taken of; ``type`` is ``sandbox`` or ``computer``."""

    id: str | None = None
    type: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class HistorySnapshot(Model):
    """A snapshot of a machine that no name pins.

    ``dependents`` (from `get` only) lists what still needs its bytes: such a snapshot
    cannot be deleted.
    """

    id: str | None = None
    status: str | None = None
    resource: SnapshotMachine | None = None
    workspace_id: str | None = None
    size_bytes: int | None = None
    comment: str | None = None
    dependents: tuple[dict[str, Any], ...] = ()
    created_at: datetime | None = None
    expires_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SnapshotGroup(Model):
    """One machine's history in `groups`: expand it with ``list(resource_id=...)``."""

    resource: SnapshotMachine | None = None
    snapshot_count: int | None = None
    size_bytes: int | None = None
    latest_snapshot_id: str | None = None
    latest_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SnapshotDeletion(Model):
    """``DELETE /snapshots/{id}``: the snapshot is hidden; its bytes are purged later."""

    id: str | None = None
    deleted: bool | None = None


@attrs.frozen(kw_only=True)
class SnapshotBulkDeletion(Model):
    """``POST /snapshots/delete``: what was deleted, and what was refused and why."""

    deleted: tuple[str, ...] = ()
    blocked: tuple[dict[str, Any], ...] = ()


@attrs.frozen(kw_only=True)
class SnapshotTreeEntry(Model):
    """A file or folder in a snapshot's disk image."""

    name: str | None = None
    path: str | None = None
    type: str | None = None
    size: int | None = None


@attrs.frozen(kw_only=True)
class SnapshotTree(Model):
    """One folder of a snapshot's disk image.

    While the image is being unpacked the reply is ``status="warming"`` with
    ``retry_after_ms`` and no entries: ask again after that long.
    """

    path: str | None = None
    status: str | None = None
    retry_after_ms: int | None = None
    entries: tuple[SnapshotTreeEntry, ...] = ()

    @property
    def warming(self) -> bool:
        return self.status == "warming"


@attrs.frozen(kw_only=True)
class ForkedMachine(Model):
    """A machine forked from a snapshot; it starts ``provisioning`` while it restores."""

    id: str | None = None
    type: str | None = None
    name: str | None = None
    state: str | None = None
    source_snapshot_id: str | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class NamedSnapshot(Model):
    """A name on the organization pinning one snapshot, kept until removed.

    ``status`` is ``saving`` until the snapshot is ready to deploy.
    """

    name: str | None = None
    snapshot_id: str | None = None
    status: str | None = None
    resource: SnapshotMachine | None = None
    workspace_id: str | None = None
    size_bytes: int | None = None
    dependents: tuple[dict[str, Any], ...] = ()
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class NamedSnapshotDeletion(Model):
    """``DELETE /named-snapshots/{name}``: ``outcome`` is ``released``, ``deleted`` or ``kept``."""

    name: str | None = None
    outcome: str | None = None
