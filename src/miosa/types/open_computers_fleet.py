"""Models of working with many OpenComputers hosts at once: groups, tags, shares, meshes,
and the developer tools a host runs (GitHub Actions runners, IDE sessions)."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "OpenComputerGhaRunner",
    "OpenComputerGhaRunnerEvent",
    "OpenComputerGhaRunnerState",
    "OpenComputerGroup",
    "OpenComputerGroupDetail",
    "OpenComputerGroupDispatch",
    "OpenComputerGroupDispatchTarget",
    "OpenComputerGroupKind",
    "OpenComputerGroupMember",
    "OpenComputerGroupMemberAdded",
    "OpenComputerGroupMembersAdded",
    "OpenComputerHostTags",
    "OpenComputerIdeSession",
    "OpenComputerIdeSessionLaunch",
    "OpenComputerIdeSessionPassword",
    "OpenComputerIdeSessionState",
    "OpenComputerMesh",
    "OpenComputerMeshPeer",
    "OpenComputerShare",
    "OpenComputerShareInvite",
]


# -- groups --------------------------------------------------------------------------------


class OpenComputerGroupKind(OpenEnum):
    """How a group finds its members: listed by hand, or every host matching a tag query."""

    EXPLICIT = "explicit"
    TAG_QUERY = "tag_query"


@attrs.frozen(kw_only=True)
class OpenComputerGroup(Model):
    """A named set of hosts.

    A ``tag_query`` group's members are the hosts whose tags match ``tag_query``
    (``{"and": [...]}`` or ``{"or": [...]}``); an ``explicit`` group's are added by hand.
    """

    id: str | None = None
    name: str | None = None
    description: str | None = None
    icon: str | None = None
    color: str | None = None
    kind: OpenComputerGroupKind | None = None
    tag_query: dict[str, tuple[str, ...]] | None = None
    member_count: int | None = None
    tenant_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerGroupMember(Model):
    """A host a group resolves to, as the group's detail lists it."""

    id: str | None = None
    name: str | None = None
    os_kind: str | None = None
    arch: str | None = None
    state: str | None = None
    tags: tuple[str, ...] = ()
    region: str | None = None
    last_heartbeat: datetime | None = None
    agent_version: str | None = None


@attrs.frozen(kw_only=True)
class OpenComputerGroupDetail(Model):
    """``groups.get``: the group with its members resolved (tag queries evaluated)."""

    group: OpenComputerGroup | None = None
    members: tuple[OpenComputerGroupMember, ...] = ()


@attrs.frozen(kw_only=True)
class OpenComputerGroupMemberAdded(Model):
    """``groups.add_member``: which host joined which group."""

    ok: bool | None = None
    host_id: str | None = None
    group_id: str | None = None


@attrs.frozen(kw_only=True)
class OpenComputerGroupMembersAdded(Model):
    """``groups.add_members``: the server's acknowledgement of a bulk add (read ``raw``)."""


@attrs.frozen(kw_only=True)
class OpenComputerGroupDispatchTarget(Model):
    """One host's part of a group-wide command or install.

    A dispatched command has ``job_id``, a queued install ``install_id``; a host the
    server could not reach has ``error`` instead.
    """

    host_id: str | None = None
    host_name: str | None = None
    job_id: str | None = None
    install_id: str | None = None
    status: str | None = None
    error: str | None = None


@attrs.frozen(kw_only=True)
class OpenComputerGroupDispatch(Model):
    """``groups.exec`` / ``groups.install_app``: one entry per member host.

    The call returns once every host has been asked; follow each host's job or install
    on its own. ``warning`` says why nothing was sent (a group without members).
    """

    fan_out: tuple[OpenComputerGroupDispatchTarget, ...] = ()
    warning: str | None = None


# -- tags ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerHostTags(Model):
    """A host's tags after a tag write (the server answers ``{"host": {id, tags}}``)."""

    id: str | None = None
    tags: tuple[str, ...] = ()


# -- shares --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerShare(Model):
    """Access to a host granted to someone outside its owner, by invitation.

    ``state`` moves from ``pending`` to ``accepted`` when the invite is redeemed.
    """

    id: str | None = None
    host_id: str | None = None
    grantee_user_id: str | None = None
    grantee_email: str | None = None
    grantee_tenant_id: str | None = None
    granter_user_id: str | None = None
    granter_tenant_id: str | None = None
    permissions: tuple[str, ...] = ()
    state: str | None = None
    note: str | None = None
    accepted_at: datetime | None = None
    expires_at: datetime | None = None
    last_used_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerShareInvite(Model):
    """``shares.create``: the share and its redemption link.

    ``invite_url`` works once and is in this reply only: send it to the grantee now.
    """

    share: OpenComputerShare | None = None
    invite_url: str | None = attrs.field(default=None, repr=False)
    note: str | None = None


# -- meshes --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OpenComputerMeshPeer(Model):
    """One host in a mesh: its tunnel address and WireGuard counters."""

    id: str | None = None
    host_id: str | None = None
    assigned_ip: str | None = None
    pubkey: str | None = None
    endpoint: str | None = None
    latest_handshake: datetime | None = None
    rx_bytes: int | None = None
    tx_bytes: int | None = None
    state: str | None = None
    inserted_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerMesh(Model):
    """A private WireGuard network (a ``/24``) in which the member hosts reach each other.

    ``peers`` is filled by ``meshes.get`` only; lists leave it ``None``.
    """

    id: str | None = None
    name: str | None = None
    cidr: str | None = None
    state: str | None = None
    listen_port_base: int | None = None
    preshared_key_rotated_at: datetime | None = None
    peers: tuple[OpenComputerMeshPeer, ...] | None = None
    inserted_at: datetime | None = None
    updated_at: datetime | None = None


# -- GitHub Actions runners ----------------------------------------------------------------


class OpenComputerGhaRunnerState(OpenEnum):
    """A runner's lifecycle."""

    PROVISIONING = "provisioning"
    IDLE = "idle"
    RUNNING_JOB = "running_job"
    OFFLINE = "offline"
    FAILED = "failed"
    REMOVED = "removed"


@attrs.frozen(kw_only=True)
class OpenComputerGhaRunner(Model):
    """A self-hosted GitHub Actions runner on a host.

    The GitHub token it registered with is never part of a reply.
    """

    id: str | None = None
    name: str | None = None
    repo_url: str | None = None
    labels: tuple[str, ...] = ()
    ephemeral: bool | None = None
    state: OpenComputerGhaRunnerState | None = None
    gh_runner_id: int | None = None
    installed_version: str | None = None
    current_job: str | None = None
    host_id: str | None = None
    last_activity_at: datetime | None = None
    created_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerGhaRunnerEvent(Model):
    """One event of ``gha_runners.events()``: ``progress`` while it installs, then ``ready``.

    ``type`` is the SSE event name and ``id`` the SSE event id; the frame's JSON object
    is in ``raw`` (a frame that is not JSON arrives as ``{"line": text}``).
    """

    type: str | None = None
    id: str | None = None


# -- IDE sessions --------------------------------------------------------------------------


class OpenComputerIdeSessionState(OpenEnum):
    """An IDE session's lifecycle."""

    PROVISIONING = "provisioning"
    RUNNING = "running"
    STOPPED = "stopped"
    FAILED = "failed"


@attrs.frozen(kw_only=True)
class OpenComputerIdeSession(Model):
    """A code-server or JupyterLab session on a host, served through one of its tunnels."""

    id: str | None = None
    kind: str | None = None
    state: OpenComputerIdeSessionState | None = None
    working_dir: str | None = None
    port: int | None = None
    public_url: str | None = None
    tunnel_id: str | None = None
    last_activity_at: datetime | None = None
    idle_timeout_ms: int | None = None
    last_error: str | None = None
    host_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class OpenComputerIdeSessionLaunch(Model):
    """``ide_sessions.create``: the session, its URL and its password.

    The password is in this reply (and ``reveal_password``, rate-limited) only.
    """

    session: OpenComputerIdeSession | None = None
    public_url: str | None = None
    password: str | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class OpenComputerIdeSessionPassword(Model):
    """``ide_sessions.reveal_password``: a running session's password and URL."""

    password: str | None = attrs.field(default=None, repr=False)
    public_url: str | None = None
