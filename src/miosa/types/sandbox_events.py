"""Typed events of ``sandbox.events.stream()``: a tagged union with a default.

Every event has ``type`` (e.g. ``"sandbox.ready"``), ``data`` (the payload's ``data``
member, else the whole payload), ``id`` (the SSE id, used to resume) and ``raw`` (the
whole payload). Known types arrive as their own class, so ``match`` works::

    async with sandbox.events.stream() as events:
        async for event in events:
            match event:
                case SandboxReady():
                    ...
                case SandboxExecuted(exit_code=0):
                    ...
                case UnknownEvent():
                    print("new event type", event.type)

A type this SDK version does not know arrives as `UnknownEvent` and never ends the
stream. Convenience properties read ``data`` lazily, so an event costs nothing more
than its payload until you look.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, TypeAlias

import attrs

from .events import Event
from .sandboxes import SandboxData

__all__ = [
    "SandboxCreated",
    "SandboxDestroyed",
    "SandboxErrored",
    "SandboxEvent",
    "SandboxEventBase",
    "SandboxExecuted",
    "SandboxExtended",
    "SandboxFileDeleted",
    "SandboxFileWritten",
    "SandboxForked",
    "SandboxLifecycleEvent",
    "SandboxPaused",
    "SandboxProcessExited",
    "SandboxProcessStarted",
    "SandboxReady",
    "SandboxResumed",
    "SandboxStopped",
    "SandboxUpdated",
    "UnknownEvent",
]


def _field(data: Any, name: str) -> Any:
    return data.get(name) if isinstance(data, dict) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@attrs.frozen(kw_only=True)
class SandboxEventBase(Event):
    """Base of every sandbox event; ``TYPES`` are the wire type names a class stands for."""

    TYPES: ClassVar[tuple[str, ...]] = ()

    @property
    def sandbox_id(self) -> str | None:
        """The sandbox the event is about (envelope ``sandbox_id``, else in ``data``)."""
        return _str(self.raw.get("sandbox_id")) or _str(_field(self.data, "sandbox_id"))

    @property
    def timestamp(self) -> datetime | None:
        """When the event happened, if the server said."""
        value = self.raw.get("timestamp") or self.raw.get("occurred_at")
        if not isinstance(value, str):
            return None
        from .._converter import parse_datetime

        try:
            return parse_datetime(value)
        except ValueError:
            return None


@attrs.frozen(kw_only=True)
class SandboxLifecycleEvent(SandboxEventBase):
    """An event whose ``data`` is the sandbox itself."""

    @property
    def sandbox(self) -> SandboxData | None:
        """``data`` as a `SandboxData` (None when it is not a sandbox object)."""
        if not isinstance(self.data, dict) or "id" not in self.data:
            return None
        from .._converter import structure

        return structure(self.data, SandboxData)

    @property
    def sandbox_id(self) -> str | None:
        return super().sandbox_id or _str(_field(self.data, "id"))


@attrs.frozen(kw_only=True)
class SandboxCreated(SandboxLifecycleEvent):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.created",)


@attrs.frozen(kw_only=True)
class SandboxReady(SandboxLifecycleEvent):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.ready",)


@attrs.frozen(kw_only=True)
class SandboxUpdated(SandboxLifecycleEvent):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.updated",)


@attrs.frozen(kw_only=True)
class SandboxExtended(SandboxLifecycleEvent):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.extended",)


@attrs.frozen(kw_only=True)
class SandboxPaused(SandboxLifecycleEvent):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.paused",)


@attrs.frozen(kw_only=True)
class SandboxResumed(SandboxLifecycleEvent):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.resumed",)


@attrs.frozen(kw_only=True)
class SandboxStopped(SandboxLifecycleEvent):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.stopped",)


@attrs.frozen(kw_only=True)
class SandboxDestroyed(SandboxLifecycleEvent):
    """``sandbox.destroyed`` (also ``sandbox.deleted``, the webhook name)."""

    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.destroyed", "sandbox.deleted")

    @property
    def reason(self) -> str | None:
        return _str(_field(self.data, "reason"))


@attrs.frozen(kw_only=True)
class SandboxErrored(SandboxEventBase):
    """``sandbox.error``: an operation on the sandbox failed."""

    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.error",)

    @property
    def operation(self) -> str | None:
        return _str(_field(self.data, "operation"))

    @property
    def error(self) -> str | None:
        return _str(_field(self.data, "error")) or _str(_field(self.data, "message"))


@attrs.frozen(kw_only=True)
class SandboxForked(SandboxEventBase):
    """``sandbox.forked``: ``fork_id`` is the new sandbox."""

    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.forked",)

    @property
    def fork_id(self) -> str | None:
        return _str(_field(self.data, "sandbox_id"))

    @property
    def parent_id(self) -> str | None:
        return _str(_field(self.data, "parent_id"))

    @property
    def snapshot_id(self) -> str | None:
        return _str(_field(self.data, "snapshot_id"))


@attrs.frozen(kw_only=True)
class SandboxExecuted(SandboxEventBase):
    """``sandbox.exec``: a command finished."""

    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.exec",)

    @property
    def command(self) -> str | None:
        return _str(_field(self.data, "command"))

    @property
    def exit_code(self) -> int | None:
        return _int(_field(self.data, "exit_code"))

    @property
    def duration_ms(self) -> int | None:
        return _int(_field(self.data, "duration_ms"))


@attrs.frozen(kw_only=True)
class SandboxFileWritten(SandboxEventBase):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.file.written",)

    @property
    def path(self) -> str | None:
        return _str(_field(self.data, "path"))

    @property
    def size_bytes(self) -> int | None:
        return _int(_field(self.data, "size_bytes"))


@attrs.frozen(kw_only=True)
class SandboxFileDeleted(SandboxEventBase):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.file.deleted",)

    @property
    def path(self) -> str | None:
        return _str(_field(self.data, "path"))


@attrs.frozen(kw_only=True)
class SandboxProcessStarted(SandboxEventBase):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.process.started",)

    @property
    def pid(self) -> int | str | None:
        pid = _field(self.data, "pid")
        return pid if isinstance(pid, (int, str)) and not isinstance(pid, bool) else None

    @property
    def command(self) -> str | None:
        return _str(_field(self.data, "command"))


@attrs.frozen(kw_only=True)
class SandboxProcessExited(SandboxProcessStarted):
    TYPES: ClassVar[tuple[str, ...]] = ("sandbox.process.exited",)

    @property
    def exit_code(self) -> int | None:
        return _int(_field(self.data, "exit_code"))


@attrs.frozen(kw_only=True)
class UnknownEvent(SandboxEventBase):
    """An event of a type this SDK version has no class for; ``type``/``data``/``raw`` kept."""


SandboxEvent: TypeAlias = (
    SandboxCreated
    | SandboxReady
    | SandboxUpdated
    | SandboxExtended
    | SandboxPaused
    | SandboxResumed
    | SandboxStopped
    | SandboxDestroyed
    | SandboxErrored
    | SandboxForked
    | SandboxExecuted
    | SandboxFileWritten
    | SandboxFileDeleted
    | SandboxProcessStarted
    | SandboxProcessExited
    | UnknownEvent
)
"""Any event of ``sandbox.events.stream()``; narrow with ``match`` or ``isinstance``."""
