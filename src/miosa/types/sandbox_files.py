"""Files inside a sandbox: listings, stats, trees, change events and exports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "FailedFile",
    "FileEntry",
    "FileEvent",
    "FileEventType",
    "FileList",
    "FileStat",
    "FileTreeNode",
    "SandboxExport",
    "SandboxExportFile",
    "WriteManyResult",
    "WrittenFile",
]


@attrs.frozen(kw_only=True)
class FileEntry(Model):
    """One entry of a directory listing."""

    name: str | None = None
    path: str | None = None
    size: int | None = None
    is_dir: bool | None = None
    modified_at: datetime | None = None


@attrs.frozen(kw_only=True)
class FileList(Model):
    """``GET /sandboxes/{id}/files``: a directory's entries (iterable)."""

    path: str | None = None
    entries: tuple[FileEntry, ...] = ()
    truncated: bool | None = None

    def __iter__(self) -> Iterator[FileEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


@attrs.frozen(kw_only=True)
class FileStat(Model):
    """``POST /sandboxes/{id}/files/stat``."""

    path: str | None = None
    size: int | None = None
    is_dir: bool | None = None
    mode: str | int | None = None
    modified_at: datetime | None = None
    exists: bool | None = None


@attrs.frozen(kw_only=True)
class FileTreeNode(Model):
    """``GET /sandboxes/{id}/files/tree``: a file, or a directory with its ``children``."""

    path: str | None = None
    name: str | None = None
    type: str | None = None
    size: int | None = None
    modified_at: datetime | None = None
    children: tuple[FileTreeNode, ...] = ()

    @property
    def is_dir(self) -> bool:
        return self.type in ("dir", "directory")

    def walk(self) -> list[FileTreeNode]:
        """This node and every node below it, depth first."""
        nodes: list[FileTreeNode] = []
        stack = [self]
        while stack:
            node = stack.pop()
            nodes.append(node)
            stack.extend(reversed(node.children))
        return nodes


class FileEventType(OpenEnum):
    CREATED = "created"
    MODIFIED = "modified"
    DELETED = "deleted"
    RENAMED = "renamed"


@attrs.frozen(kw_only=True)
class FileEvent(Model):
    """One change seen by ``sandbox.files.watch()``.

    ``type`` is read from the payload's ``type`` or ``event`` (servers send either);
    unknown kinds are kept (``FileEventType("moved")``). ``old_path`` is set for renames.
    """

    type: FileEventType | None = None
    path: str | None = None
    size_bytes: int | None = None
    is_dir: bool | None = None
    old_path: str | None = None
    id: str | None = None


@attrs.frozen(kw_only=True)
class WrittenFile(Model):
    """A file that was written, with its size."""

    path: str | None = None
    size_bytes: int | None = None


@attrs.frozen(kw_only=True)
class FailedFile(Model):
    """A file of a batch write that failed, and why."""

    path: str | None = None
    error: str | None = None
    code: str | None = None


@attrs.frozen(kw_only=True)
class WriteManyResult(Model):
    """``POST /sandboxes/{id}/files/write-many``: what was written and what failed."""

    written: tuple[WrittenFile, ...] = ()
    failed: tuple[FailedFile, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failed


@attrs.frozen(kw_only=True)
class SandboxExportFile(Model):
    path: str | None = None
    filename: str | None = None
    download_url: str | None = None


@attrs.frozen(kw_only=True)
class SandboxExport(Model):
    """``POST /sandboxes/{id}/exports``: download links for files of the sandbox."""

    id: str | None = None
    sandbox_id: str | None = None
    label: str | None = None
    status: str | None = None
    files: tuple[SandboxExportFile, ...] = ()
    archive_download_url: str | None = None
    created_at: datetime | None = None
