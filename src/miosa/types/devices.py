"""Models of unified devices (``/devices``): sandboxes and desktop computers behind one API."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "Device",
    "DeviceBootstrap",
    "DeviceBootstrapStep",
    "DeviceBrowser",
    "DeviceCapabilities",
    "DeviceExecResult",
    "DeviceExposure",
    "DeviceFile",
    "DeviceFileContent",
    "DeviceFileWrite",
    "DeviceState",
]


@attrs.frozen(kw_only=True)
class Device(Model):
    """A sandbox worker or a desktop computer; ``kind`` says which."""

    id: str | None = None
    kind: str | None = None
    type: str | None = None
    name: str | None = None
    state: str | None = None
    status: str | None = None
    ready: bool | None = None
    persistent: bool | None = None
    always_on: bool | None = None
    preview_url: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DeviceState(Model):
    """The state a lifecycle call (pause, stop, resume, destroy) left the device in."""

    id: str | None = None
    state: str | None = None


@attrs.frozen(kw_only=True)
class DeviceCapabilities(Model):
    """The operations a device supports (a sandbox has no desktop browser)."""

    id: str | None = None
    kind: str | None = None
    capabilities: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class DeviceExecResult(Model):
    """The outcome of a command run inside a device."""

    exit_code: int | None = None
    stdout: str = ""
    stderr: str = ""
    status: str | None = None
    duration_ms: int | None = None
    timed_out: bool | None = None


@attrs.frozen(kw_only=True)
class DeviceFile(Model):
    """One entry of a device directory listing."""

    name: str | None = None
    path: str | None = None
    type: str | None = None
    size: int | None = None
    modified: datetime | None = None


@attrs.frozen(kw_only=True)
class DeviceFileContent(Model):
    """A file read from a device; the API sends the content base64-encoded."""

    path: str | None = None
    size: int | None = None
    encoding: str | None = None
    content: str | None = None

    @property
    def data(self) -> bytes:
        """The file's bytes (``content`` decoded when it is base64)."""
        if self.content is None:
            return b""
        if self.encoding in (None, "base64"):
            return base64.b64decode(self.content)
        return self.content.encode()

    @property
    def text(self) -> str:
        """The file's content as UTF-8 text."""
        return self.data.decode()


@attrs.frozen(kw_only=True)
class DeviceFileWrite(Model):
    """Where a write landed and how many bytes it wrote."""

    path: str | None = None
    size: int | None = None


@attrs.frozen(kw_only=True)
class DeviceExposure(Model):
    """A device port reachable through MIOSA routing."""

    port: int | None = None
    url: str | None = None
    ready: bool | None = None


@attrs.frozen(kw_only=True)
class DeviceBrowser(Model):
    """How to reach a computer-backed device's desktop. ``expires_at`` is a Unix time."""

    kind: str | None = None
    desktop_url: str | None = None
    desktop_entry_url: str | None = None
    ws_url: str | None = None
    token: str | None = None
    expires_at: float | None = None
    computer_id: str | None = None
    slug: str | None = None


@attrs.frozen(kw_only=True)
class DeviceBootstrapStep(Model):
    """One step of a runtime bootstrap: ``write_manifest``, ``install`` or ``probe``.

    ``detail`` is the step's reply (a `DeviceFileWrite` or a `DeviceExecResult`). A step
    fails when the server refused its request (the error message is in ``error``) or when its
    command exited non-zero.
    """

    name: str | None = None
    ok: bool = False
    detail: DeviceFileWrite | DeviceExecResult | None = None
    error: str | None = None


@attrs.frozen(kw_only=True)
class DeviceBootstrap(Model):
    """The result of `devices.bootstrap`: ``ok`` when every step succeeded."""

    device_id: str | None = None
    ok: bool = False
    runtime: str | None = None
    manifest_path: str | None = None
    steps: tuple[DeviceBootstrapStep, ...] = ()
