"""Models of cloud computers (``/computers``) and everything below one computer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum
from .sandboxes import ExecResult

__all__ = [
    "Checkpoint",
    "CheckpointProgress",
    "CheckpointRestore",
    "CheckpointStatus",
    "ComputerActResult",
    "ComputerData",
    "ComputerDirEntry",
    "ComputerDomain",
    "ComputerDomainStatus",
    "ComputerEnvVar",
    "ComputerExecResult",
    "ComputerFileEntry",
    "ComputerFileExport",
    "ComputerFileList",
    "ComputerFileStat",
    "ComputerLook",
    "ComputerNetworkPolicyData",
    "ComputerNetworkRule",
    "ComputerPort",
    "ComputerSize",
    "ComputerStatus",
    "ComputerViewerPassword",
    "ComputerViewerPasswordStatus",
    "ComputerViewer",
    "ComputerVisibility",
    "ComputerVolumeAttachment",
    "DesktopActionResult",
    "DesktopCursor",
    "DesktopEnvironment",
    "DesktopPosition",
    "DesktopSize",
    "DesktopWindow",
    "ExecFrame",
]


class ComputerStatus(OpenEnum):
    """Lifecycle states. ``active`` is the canonical "running"; the legacy names still occur."""

    PROVISIONING = "provisioning"
    ACTIVE = "active"
    PAUSED = "paused"
    STOPPED = "stopped"
    ERROR = "error"
    DESTROYED = "destroyed"
    CREATING = "creating"
    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"

    @property
    def is_running(self) -> bool:
        """``active`` or its legacy twin ``running``."""
        return self.value in ("active", "running")


class ComputerSize(OpenEnum):
    XS = "xs"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    XL = "xl"


class ComputerVisibility(OpenEnum):
    """Who may open the computer's HTTP preview URL."""

    PUBLIC = "public"
    TENANT = "tenant"
    KEY = "key"


@attrs.frozen(kw_only=True)
class ComputerData(Model):
    """A computer as the API describes it. Fields the server leaves out are ``None``."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    status: ComputerStatus | None = None
    template_type: str | None = None
    size: ComputerSize | None = None
    tenant_id: str | None = None
    ip_address: str | None = None
    metadata: dict[str, Any] | None = None
    visibility: ComputerVisibility | None = None
    sandbox_url: str | None = None
    preview_domain: str | None = None
    desktop_url: str | None = None
    workspace_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ComputerViewerPasswordStatus(Model):
    """``GET /computers/{id}/viewer-password``: whether the raw viewer password is set."""

    computer_id: str | None = None
    password_set: bool | None = None
    password_set_at: datetime | None = None
    viewer_password_set_at: datetime | None = None
    rotated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ComputerViewerPassword(Model):
    """``POST /computers/{id}/viewer-password/rotate``: the new password, shown once."""

    viewer_password: str | None = attrs.field(default=None, repr=False)
    password: str | None = attrs.field(default=None, repr=False)
    computer_id: str | None = None
    password_set: bool | None = None
    password_set_at: datetime | None = None
    viewer_password_set_at: datetime | None = None
    rotated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ComputerExecResult(ExecResult):
    """The outcome of ``computer.exec.bash`` / ``python``: `stdout`, `stderr`, `exit_code`."""

    @property
    def output(self) -> str:
        """Deprecated alias of `stdout`, kept for code written against the TS SDK."""
        return self.stdout

    @property
    def success(self) -> bool:
        """Deprecated alias of `ok` (exit code 0)."""
        return self.ok


@attrs.frozen
class ExecFrame:
    """One decoded server frame of the ``miosa-exec-v1`` WebSocket protocol.

    ``kind`` is ``"stdout"``, ``"stderr"`` or ``"exit"``; ``exit_code`` is set on exit.
    """

    kind: str
    data: bytes = b""
    exit_code: int | None = None


# -- desktop -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DesktopActionResult(Model):
    """The reply to a desktop action (click, type, key ...) or a lifecycle acknowledgement."""

    success: bool | None = None
    message: str | None = None
    status: str | None = None


@attrs.frozen(kw_only=True)
class DesktopWindow(Model):
    """An open window. The focus flag arrives as `is_focused` or `focused`: read either."""

    id: str | int | None = None
    title: str | None = None
    app: str | None = None
    x: int | None = None
    y: int | None = None
    width: int | None = None
    height: int | None = None
    is_focused: bool | None = None
    focused: bool | None = None

    @property
    def has_focus(self) -> bool | None:
        """Whether the window has the focus, whichever of the two names the server used."""
        return self.is_focused if self.is_focused is not None else self.focused


@attrs.frozen(kw_only=True)
class DesktopSize(Model):
    """A size in pixels: the screen (``desktop.screen_size``) or one window."""

    width: int | None = None
    height: int | None = None


@attrs.frozen(kw_only=True)
class DesktopPosition(Model):
    """A window's top-left corner on the screen, in pixels."""

    x: int | None = None
    y: int | None = None


@attrs.frozen(kw_only=True)
class DesktopEnvironment(Model):
    """The running desktop session: `name` (``xfce`` ...), `session_type` (``x11`` or
    ``wayland``), `resolution` (``"1920x1080"``) and the X `display` (``":1"``)."""

    name: str | None = None
    session_type: str | None = None
    resolution: str | None = None
    width: int | None = None
    height: int | None = None
    color_depth: int | None = None
    display: str | None = None


@attrs.frozen(kw_only=True)
class DesktopCursor(Model):
    x: int | None = None
    y: int | None = None


@attrs.frozen(kw_only=True)
class ComputerViewer(Model):
    """An embeddable desktop viewer (``computer.viewer_url()``): a short-lived, scoped link,
    never a credential for the whole computer.

    ``view_only`` is what the server reports; servers may accept the parameter without
    enforcing it yet, so None means "not reported", not "interactive".
    """

    url: str | None = None
    expires_at: datetime | None = None
    mode: str | None = None
    view_only: bool | None = None


@attrs.frozen(kw_only=True)
class ComputerActResult(Model):
    """What ``computer.act`` did: the action, whether it succeeded, and what it read.

    ``coordinates`` is where a pointer action happened; ``cursor`` the pointer position
    (``cursor_position``); ``image_base64`` a PNG (``screenshot``, ``zoom``; ``width``
    and ``height`` are a zoom's region, unknown for a full screenshot); ``text`` what was
    typed or pressed; ``reply`` the desktop route's own reply, when the action made one.
    """

    action: str
    ok: bool = True
    coordinates: tuple[int, int] | None = None
    cursor: DesktopCursor | None = None
    image_base64: str | None = attrs.field(default=None, repr=False)
    width: int | None = None
    height: int | None = None
    text: str | None = None
    reply: DesktopActionResult | None = None


@attrs.frozen(kw_only=True)
class ComputerLook(Model):
    """What is on a computer's screen (``computer.look()``): a screenshot and the
    accessibility tree, read together (the API has no route that returns both).

    ``image_base64`` is the PNG base64-encoded (None when the image was not asked for);
    ``width`` and ``height`` are the screen's; ``tree`` is the AT-SPI tree as the agent
    in the VM sends it (nodes usually carry ``role``, ``name``, ``bounds`` and
    ``children``).
    """

    image_base64: str | None = None
    width: int | None = None
    height: int | None = None
    tree: Any = None

    def find(self, name: str) -> dict[str, Any] | None:
        """The first node (depth first) whose ``name``, ``text`` or ``label`` is ``name``
        (case-insensitive), with ``coordinates``: the ``[x, y]`` centre of its bounds
        when it has any. None when no node matches.
        """
        node = _search(self.tree, name.lower())
        if node is None:
            return None
        found = dict(node)
        box = _box(node)
        if box is not None:
            x, y, w, h = box
            found["coordinates"] = [x + w // 2, y + h // 2]
        return found


def _search(node: object, needle: str) -> Mapping[str, Any] | None:
    if isinstance(node, list):
        return next((hit for item in node if (hit := _search(item, needle)) is not None), None)
    if not isinstance(node, Mapping):
        return None
    for key in ("name", "text", "label"):
        value = node.get(key)
        if isinstance(value, str) and value.lower() == needle:
            return node
    for value in node.values():
        if isinstance(value, (Mapping, list)):
            hit = _search(value, needle)
            if hit is not None:
                return hit
    return None


def _box(node: Mapping[str, Any]) -> tuple[int, int, int, int] | None:
    """``(x, y, width, height)`` from ``bounds`` or ``bbox``: a mapping or four numbers."""
    raw = node.get("bounds") or node.get("bbox")
    if isinstance(raw, Mapping):
        values = [raw.get("x", raw.get("left")), raw.get("y", raw.get("top"))]
        values += [raw.get("width"), raw.get("height")]
    elif isinstance(raw, (list, tuple)) and len(raw) == 4:
        values = list(raw)
    else:
        return None
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return None
    x, y, w, h = (int(v) for v in values)
    return x, y, w, h


# -- files -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComputerFileEntry(Model):
    name: str | None = None
    path: str | None = None
    size: int | None = None
    is_dir: bool | None = None
    modified_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ComputerFileList(Model):
    """``GET /computers/{id}/files``: the entries of one directory."""

    entries: tuple[ComputerFileEntry, ...] = ()
    path: str | None = None


@attrs.frozen(kw_only=True)
class ComputerFileStat(Model):
    """``lstat`` of one path; `mode` is the raw Unix mode (`permissions` gives ``"0644"``)."""

    path: str | None = None
    size: int | None = None
    mode: int | None = None
    is_dir: bool | None = None
    is_symlink: bool | None = None
    symlink_target: str | None = None
    modified_at: datetime | None = None

    @property
    def permissions(self) -> str | None:
        """The permission bits as a 4-digit octal string (``0o100644`` -> ``"0644"``)."""
        return None if self.mode is None else format(self.mode & 0o7777, "04o")


@attrs.frozen(kw_only=True)
class ComputerDirEntry(Model):
    name: str | None = None
    is_dir: bool | None = None
    is_symlink: bool | None = None
    size: int | None = None
    modified_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ComputerFileExport(Model):
    """A temporary signed URL for one file."""

    url: str | None = None
    expires_at: datetime | None = None


# -- env, ports, volumes -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComputerEnvVar(Model):
    """One encrypted environment variable; the server may mask `value`."""

    name: str | None = None
    value: str | None = None


@attrs.frozen(kw_only=True)
class ComputerPort(Model):
    """An exposed port; the contract names only `port`, the rest is in ``raw``."""

    port: int | str | None = None
    visibility: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class ComputerVolumeAttachment(Model):
    """A volume attached to a computer; `id` is the attachment id used by ``detach``."""

    id: str | None = None
    volume_id: str | None = None
    computer_id: str | None = None
    mount_path: str | None = None
    created_at: datetime | None = None


# -- network policy and domains ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComputerNetworkRule(Model):
    """One egress rule: `effect` ``allow``/``deny``; `destination` a CIDR, IP, domain,
    wildcard or ``any``; optional `ports` (``"80,443"``, ``"8000-9000"``) and `protocol`."""

    effect: str | None = None
    destination: str | None = None
    ports: str | None = None
    protocol: str | None = None


@attrs.frozen(kw_only=True)
class ComputerNetworkPolicyData(Model):
    computer_id: str | None = None
    tenant_id: str | None = None
    rules: tuple[ComputerNetworkRule, ...] = ()
    default_effect: str | None = None
    inserted_at: datetime | None = None
    updated_at: datetime | None = None


class ComputerDomainStatus(OpenEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    ACTIVE = "active"
    FAILED = "failed"
    REMOVED = "removed"


@attrs.frozen(kw_only=True)
class ComputerDomain(Model):
    """A custom domain mapped to one computer; point a CNAME at `verification_target`."""

    id: str | None = None
    computer_id: str | None = None
    tenant_id: str | None = None
    fqdn: str | None = None
    status: ComputerDomainStatus | None = None
    verification_target: str | None = None
    instructions: str | None = None
    verified_at: datetime | None = None
    tls_issued_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


# -- checkpoints ------------------------------------------------------------------------------


class CheckpointStatus(OpenEnum):
    CREATING = "creating"
    UPLOADING = "uploading"
    READY = "ready"
    RESTORING = "restoring"
    FAILED = "failed"
    DELETED = "deleted"


@attrs.frozen(kw_only=True)
class Checkpoint(Model):
    """A Firecracker snapshot of one computer (``/computers/{id}/snapshots``)."""

    id: str | None = None
    computer_id: str | None = None
    tenant_id: str | None = None
    comment: str | None = None
    status: CheckpointStatus | None = None
    state_size_bytes: int | None = None
    memory_size_bytes: int | None = None
    rootfs_size_bytes: int | None = None
    compressed_size_bytes: int | None = None
    s3_bucket: str | None = None
    s3_prefix: str | None = None
    parent_snapshot_id: str | None = None
    error: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class CheckpointRestore(Model):
    """``POST /computers/{id}/restore/{snapshot_id}``: the NEW computer and its source."""

    data: ComputerData | None = None
    snapshot: Checkpoint | None = None

    @property
    def computer(self) -> ComputerData | None:
        """The new computer (``provisioning``); same as `data`."""
        return self.data


@attrs.frozen(kw_only=True)
class CheckpointProgress(Model):
    """One ``snapshot_progress`` event of ``checkpoints.events``."""

    type: str | None = None
    snapshot_id: str | None = None
    status: CheckpointStatus | None = None
    step: str | None = None
    progress: int | float | None = None
    error: str | None = None
