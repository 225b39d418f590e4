"""Pure helpers for the OpenComputers group: typed event parsing, polling, request shaping."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from ._converter import structure
from ._events import decode_payload, event_type, is_skip
from ._sse import ServerSentEvent
from .types._base import Model

M = TypeVar("M", bound=Model)

# Statuses after which a long operation changes no more on its own.
JOB_DONE = frozenset({"completed", "failed", "cancelled", "canceled"})
AGENT_DONE = frozenset({"succeeded", "completed", "failed", "canceled", "cancelled"})
INSTALL_DONE = frozenset({"installed", "failed", "uninstalled"})
# A cluster being started may still read "stopped" for a moment, so only these end a wait.
CLUSTER_SETTLED = frozenset({"active", "error", "destroyed"})

# Event types after which a stream has nothing more to say.
JOB_STREAM_END = frozenset({"done", "exit"})
AGENT_STREAM_END = frozenset({"done", "session_completed"})
INSTALL_STREAM_END = frozenset({"installed", "failed"})

MAX_POLL_INTERVAL = 10.0
POLL_BACKOFF = 1.5


def type_in(types: frozenset[str]) -> Callable[[Model], bool]:
    """A predicate: the event's ``type`` is one of `types`."""

    def check(item: Model) -> bool:
        kind = getattr(item, "type", None)
        return kind is not None and str(kind) in types

    return check


def event_parser(cls: type[M]) -> Callable[[ServerSentEvent], M | None]:
    """Parse SSE events into `cls`: the payload's fields, ``type`` from the SSE ``event:``
    name (else the payload's), ``id`` from the SSE id (else the payload's); ``raw`` keeps
    the payload as sent. Empty and ``[DONE]`` events are skipped.
    """

    def parse(sse: ServerSentEvent) -> M | None:
        payload = decode_payload(sse)
        if is_skip(payload):
            return None
        raw = payload if isinstance(payload, dict) else {"data": payload}
        fields = {**raw, "type": event_type(sse, raw)}
        if sse.id:
            fields["id"] = sse.id
        event = structure(fields, cls)
        object.__setattr__(event, "_raw", raw)
        return event

    return parse


def env_list(env: Mapping[str, str] | Sequence[str]) -> list[str]:
    """The wire's ``KEY=VALUE`` list from a mapping (or a list already in that form)."""
    if isinstance(env, Mapping):
        return [f"{key}={value}" for key, value in env.items()]
    return list(env)


def upload_filename(remote_path: str, hint: str | None) -> str:
    """The file part's name: the caller's hint, else the destination's base name."""
    return hint or posixpath.basename(remote_path.rstrip("/")) or "file"
