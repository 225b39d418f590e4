"""The values a call's enumerated parameters take, and the shapes of its nested bodies.

Each set is a ``Literal`` so an editor completes it and a type checker catches a typo.
Where the contract (``api/openapi.json``) lists the values, the set is closed and the
server refuses anything else. Where the server may add values (noted on the alias), the
``Literal`` holds the values known today; a newer one is still sent as given at run time
(``typing.cast`` it for the type checker).

Nested bodies are ``TypedDict`` s: a plain dict with the right keys is one. Where a model
has an enum for the same values (`SandboxSize`, `SandboxState`, `ComputerVisibility`),
the calls take its members too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, TypeAlias, TypedDict

__all__ = [
    "ComputePlacementRequest",
    "ComputeProvider",
    "ComputerVisibilityName",
    "DesktopActionName",
    "DesktopActionParams",
    "MouseButton",
    "PlacementFallback",
    "PreviewTokenScope",
    "SandboxStateName",
    "ScrollDirection",
    "SizeName",
]

SizeName: TypeAlias = Literal["xs", "small", "medium", "large", "xl"]
"""A published machine size (``sandboxes.create(size=...)``, ``computers.create``):
1, 2, 4, 8 or 16 vCPUs with 2 GiB of memory per vCPU. Closed: the contract's enum."""

SandboxStateName: TypeAlias = Literal[
    "creating",
    "provisioning",
    "running",
    "stopped",
    "paused",
    "pausing",
    "resuming",
    "destroying",
    "destroyed",
    "error",
]
"""A sandbox's lifecycle state, as a filter (``sandboxes.list(state=...)``). Open: the
server may add states (``SandboxData.state`` keeps any value it sends)."""

ComputerVisibilityName: TypeAlias = Literal["public", "tenant", "key"]
"""Who may reach a computer's previews: anyone, the tenant's users, or holders of a key.
Closed: the contract's enum."""

PreviewTokenScope: TypeAlias = Literal["read", "interact"]
"""What a preview token allows: viewing (``read``) or also input (``interact``)."""

MouseButton: TypeAlias = Literal["left", "right", "middle"]
"""A mouse button of a computer's desktop. Closed: the contract's enum."""

ScrollDirection: TypeAlias = Literal["up", "down", "left", "right"]
"""Which way a computer's desktop scrolls. Closed: the contract's enum."""

DesktopActionName: TypeAlias = Literal[
    "screenshot",
    "zoom",
    "left_click",
    "right_click",
    "middle_click",
    "double_click",
    "triple_click",
    "left_click_drag",
    "mouse_move",
    "left_mouse_down",
    "left_mouse_up",
    "cursor_position",
    "scroll",
    "type",
    "key",
    "hold_key",
    "wait",
]
"""A desktop action ``computer.act`` performs: the action names of computer-use agents
(an agent's tool call can be passed through as it comes)."""


class DesktopActionParams(TypedDict, total=False):
    """The parameters of one ``computer.act`` action; each action reads the keys it needs.

    ``coordinate`` is ``[x, y]`` (clicks, moves, mouse down/up, the end of a drag, where to
    scroll); ``start_coordinate`` where a drag starts (default: the pointer);
    ``region`` ``[x1, y1, x2, y2]`` for ``zoom``; ``text`` what ``type`` types or the key
    ``key``/``hold_key`` press; ``scroll_direction`` and ``scroll_amount`` (default
    ``"down"``, 3); ``duration`` seconds for ``wait`` and ``hold_key``.
    """

    coordinate: Sequence[int]
    start_coordinate: Sequence[int]
    region: Sequence[int]
    text: str
    scroll_direction: ScrollDirection
    scroll_amount: int
    duration: float


ComputeProvider: TypeAlias = Literal["miosa", "aws", "gcp", "opencomputers"]
"""Where a sandbox or computer runs (bring-your-own-cloud placement)."""

PlacementFallback: TypeAlias = Literal["deny", "miosa"]
"""What happens when the requested placement has no capacity: fail, or run on MIOSA."""


class _PlacementProvider(TypedDict):
    provider: ComputeProvider


class ComputePlacementRequest(_PlacementProvider, total=False):
    """``compute_placement_request`` of ``sandboxes.create`` / ``computers.create``.

    ``provider`` is required once the object is sent (the server has no default then);
    ``region_id``, ``pool_id`` and ``host_id`` are UUIDs (AWS and GCP need a region and
    a pool, OpenComputers a host); ``fallback`` says what happens without capacity.
    """

    region_id: str
    pool_id: str
    host_id: str
    fallback: PlacementFallback
