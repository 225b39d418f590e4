"""Scripted faults: what a matching request gets instead of (or before) normal handling.

Kept free of server imports so ``from miosa.local import Fault`` stays cheap.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

API_PREFIX = "/api/v1"


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour, consumed by one matching request.

    - ``status``: reply with this status, ``body`` (default: the error envelope) and ``headers``
      (e.g. ``{"Retry-After": "1"}``) instead of handling the request.
    - ``delay``: sleep this many seconds first (then the status, drop, or normal handling).
    - ``drop``: close the connection without sending any response.
    - ``drop_response``: handle the request as usual (the sandbox is created, the
      idempotency key recorded), then close the connection instead of answering: the
      work is done and the client never hears of it.
    - ``drop_after_events``: on an SSE route, handle normally but cut the connection
      abruptly (no chunked terminator) after this many events.
    - ``malformed``: reply 200 with the truncated, non-JSON body ``{"data": ``.

    ``body`` may be a dict (sent as JSON), ``str`` (``text/plain``) or ``bytes``
    (``application/octet-stream``); a ``Content-Type`` in ``headers`` wins.
    """

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | str | Mapping[str, Any] | None = None
    delay: float = 0.0
    drop: bool = False
    drop_response: bool = False
    drop_after_events: int | None = None
    malformed: bool = False

    def __post_init__(self) -> None:
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError(f"status must be an HTTP status code, got {self.status}")
        if self.delay < 0:
            raise ValueError("delay must be >= 0")
        if self.drop_after_events is not None and self.drop_after_events < 0:
            raise ValueError("drop_after_events must be >= 0")
        if self.drop_response and (self.drop or self.malformed or self.status is not None):
            raise ValueError(
                "drop_response handles the request; it excludes drop, malformed, status"
            )


def _compile(pattern: str) -> re.Pattern[str]:
    """Route template or glob -> regex over the path relative to ``/api/v1``.

    ``{name}`` and ``*`` match one path segment, ``**`` any number of segments.
    """
    if pattern.startswith(API_PREFIX + "/") or pattern == API_PREFIX:
        pattern = pattern[len(API_PREFIX) :]
    if not pattern.startswith("/"):
        pattern = "/" + pattern
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "{":
            close = pattern.find("}", index)
            if close == -1:
                raise ValueError(f"unbalanced '{{' in {pattern!r}")
            name = pattern[index + 1 : close]
            out.append(".+" if name.endswith(":path") else "[^/]+")
            index = close + 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out) + "/?")


@dataclass
class _Rule:
    method: str
    pattern: re.Pattern[str]
    faults: deque[Fault]


class FaultPlan:
    """Injected faults in order; thread-safe (tests inject from their own thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []

    def add(self, method: str, path: str, faults: tuple[Fault, ...]) -> None:
        """Queue ``faults`` for requests matching ``method`` (``*`` = any) and ``path``."""
        if not faults:
            raise ValueError("inject() needs at least one Fault")
        for fault in faults:
            if not isinstance(fault, Fault):
                raise TypeError(f"expected Fault, got {type(fault).__name__}")
        rule = _Rule(method.upper(), _compile(path), deque(faults))
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        """Forget every queued fault."""
        with self._lock:
            self._rules.clear()

    def take(self, method: str, path: str) -> Fault | None:
        """Consume the next fault for this request, if any rule matches."""
        if path.startswith(API_PREFIX):
            path = path[len(API_PREFIX) :] or "/"
        with self._lock:
            for rule in self._rules:
                if (
                    rule.faults
                    and rule.method in ("*", "ANY", method)
                    and rule.pattern.fullmatch(path)
                ):
                    fault = rule.faults.popleft()
                    self._rules = [r for r in self._rules if r.faults]
                    return fault
        return None

    @property
    def pending(self) -> int:
        """How many faults are still queued."""
        with self._lock:
            return sum(len(r.faults) for r in self._rules)
