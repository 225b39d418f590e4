"""Mapping ``/workspace/...`` paths onto a sandbox directory without ever leaving it."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from .http import ApiError, bad_request

WORKSPACE = "/workspace"


def outside(path: str) -> ApiError:
    """The refusal for any path that escapes the sandbox directory."""
    return ApiError(
        400,
        "PATH_OUTSIDE_WORKSPACE",
        f"path {path!r} is outside /workspace",
        {"path": path, "workspace": WORKSPACE},
    )


def normalize(path: str) -> str:
    """The absolute virtual path (relative paths are relative to ``/workspace``).

    Refuses anything that is not ``/workspace`` or below it once ``..`` is applied.
    """
    if not isinstance(path, str) or path == "":
        raise bad_request("path is required", field="path")
    if "\0" in path:
        raise bad_request("path contains NUL", field="path")
    virtual = posixpath.normpath(posixpath.join(WORKSPACE, path))
    # normpath keeps a leading "//"; treat it like "/".
    if virtual.startswith("//"):
        virtual = "/" + virtual.lstrip("/")
    if virtual != WORKSPACE and not virtual.startswith(WORKSPACE + "/"):
        raise outside(path)
    return virtual


def resolve(root: Path, path: str) -> tuple[str, Path]:
    """``(virtual, host)`` for ``path`` inside the sandbox directory ``root``.

    Symlinks are followed on the host and the result must stay inside ``root``, so a
    link pointing outside is refused just like ``..``.
    """
    virtual = normalize(path)
    relative = posixpath.relpath(virtual, WORKSPACE)
    host = root if relative == "." else root / relative
    real_root = os.path.realpath(root)
    real = os.path.realpath(host)
    if real != real_root and not real.startswith(real_root + os.sep):
        raise outside(path)
    return virtual, host


def virtual_of(root: Path, host: Path) -> str:
    """The ``/workspace/...`` path of a host path inside ``root``."""
    relative = os.path.relpath(host, root)
    return WORKSPACE if relative == "." else posixpath.join(WORKSPACE, *Path(relative).parts)
