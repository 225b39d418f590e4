"""Anthropic computer use over a MIOSA computer, with no dependency on ``anthropic``.

The current contract (one nameless ``computer_toolset_20260801`` entry; each call's ``name``
is the member)::

    from miosa import Miosa
    from miosa.computer_use import MiosaComputerToolset

    computer = Miosa().computers.handle("cmp_...")
    toolset = MiosaComputerToolset(computer, confirm=lambda call: True)
    tools = toolset.tools                              # [{"type": "computer_toolset_20260801"}]
    ...                                                # client.messages.create(tools=tools, ...)
    results = toolset.execute_batch(tool_use_blocks)   # tool_result blocks, in order

The legacy tools (``computer_20251124``, ``computer_20250124``, ``computer_20241022``; one
named tool whose calls carry an ``action``) are `MiosaComputerToolsetLegacy`;
`computer_use_loop` runs the whole conversation with a client you pass. Each has an async
twin (``AsyncMiosaComputerToolset``, ``async_computer_use_loop``) for asyncio and Trio.

Screenshots are scaled into 1280x800 (aspect ratio kept; ``max_screenshot_size=``) before
they reach the model, and its coordinates are checked against that size and mapped back to
the real screen. Scaling uses Pillow when installed (``pip install 'miosa[images]'``), else
the standard library (slower on large screens).
"""

from __future__ import annotations

from ._async.computer_use import AsyncMiosaComputerToolset, AsyncMiosaComputerToolsetLegacy
from ._async.computer_use import computer_use_loop as async_computer_use_loop
from ._computer_use import (
    ANTHROPIC_TOOLSET_TYPE,
    CONFIRM_REQUIRED_MEMBERS,
    DEFAULT_MAX_SCREENSHOT,
    LEGACY_ACTION_SUPERSET,
    LEGACY_VERSIONS,
    MAX_ERROR_TEXT,
    MEMBER_MAP,
    MEMBERS,
    READ_ONLY_MEMBERS,
    SKIPPED_AFTER_FAILURE_TEXT,
    TOOLSET_NAME,
    ComputerClientRequiredError,
    ComputerToolsetConfigError,
    ComputerToolsetError,
    ComputerUseResult,
    MemberSpec,
    Screen,
    ToolResultBlock,
    ToolsetStep,
    anthropic_computer_toolset_base,
    assert_no_legacy_coexistence,
)
from ._sync.computer_use import (
    MiosaComputerToolset,
    MiosaComputerToolsetLegacy,
    computer_use_loop,
)

__all__ = [
    "ANTHROPIC_TOOLSET_TYPE",
    "CONFIRM_REQUIRED_MEMBERS",
    "DEFAULT_MAX_SCREENSHOT",
    "LEGACY_ACTION_SUPERSET",
    "LEGACY_VERSIONS",
    "MAX_ERROR_TEXT",
    "MEMBERS",
    "MEMBER_MAP",
    "READ_ONLY_MEMBERS",
    "SKIPPED_AFTER_FAILURE_TEXT",
    "TOOLSET_NAME",
    "AsyncMiosaComputerToolset",
    "AsyncMiosaComputerToolsetLegacy",
    "ComputerClientRequiredError",
    "ComputerToolsetConfigError",
    "ComputerToolsetError",
    "ComputerUseResult",
    "MemberSpec",
    "MiosaComputerToolset",
    "MiosaComputerToolsetLegacy",
    "Screen",
    "ToolResultBlock",
    "ToolsetStep",
    "anthropic_computer_toolset_base",
    "assert_no_legacy_coexistence",
    "async_computer_use_loop",
    "computer_use_loop",
]
