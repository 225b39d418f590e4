"""Pure helpers for the OpenComputers group: typed event parsing, polling, request shaping."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from .._converter import structure
from .._core.request import NOT_GIVEN, NotGiven
from .._core.sse import ServerSentEvent
from .._events import decode_payload, event_type, is_skip
from ..types._base import Model

M = TypeVar("M", bound=Model)

# Statuses after which a long operation changes no more on its own.
JOB_DONE = frozenset({"succeeded", "failed", "timeout", "canceled", "completed", "cancelled"})
AGENT_DONE = frozenset({"succeeded", "completed", "failed", "canceled", "cancelled"})
INSTALL_DONE = frozenset({"installed", "failed", "uninstalled"})
# A cluster being started may still read "stopped" for a moment, so only these end a wait.
CLUSTER_SETTLED = frozenset({"active", "error", "destroyed"})

# Event types after which a stream has nothing more to say.
JOB_STREAM_END = frozenset({"exec_result", "exec_error", "done", "exit"})
AGENT_STREAM_END = frozenset({"done", "session_completed"})
INSTALL_STREAM_END = frozenset({"installed", "failed"})

HOST_UPDATE_UNSUPPORTED = (
    "OpenComputers hosts cannot be updated with a tenant key: PATCH /opencomputers/hosts/{id} "
    "is an admin-only route (a tenant gets 404). A host's labels are its tags, changed "
    "under /opencomputers/hosts/{id}/tags; its name cannot be changed through the public API."
)

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


JobEnv = Mapping[str, str] | Sequence[str] | Sequence[Mapping[str, str]]
"""A job's environment: a mapping, ``KEY=VALUE`` strings, or ``{name, value}`` maps."""


def job_env(env: JobEnv) -> list[dict[str, str]]:
    """The wire's list of ``{name, value}`` maps, from any accepted form of `env`."""
    if isinstance(env, Mapping):
        return [{"name": str(key), "value": str(value)} for key, value in env.items()]
    out: list[dict[str, str]] = []
    for item in env:
        if isinstance(item, Mapping):
            out.append({str(key): str(value) for key, value in item.items()})
        else:
            name, sep, value = str(item).partition("=")
            if not sep or not name:
                raise ValueError(f"env entries must look like KEY=VALUE, got {item!r}")
            out.append({"name": name, "value": value})
    return out


def job_record(payload: Any) -> Any:
    """A job reply as the job record: unwrapped from ``job`` (or ``data``), with the
    envelope's ``links`` (where the result and stream are) kept on the record."""
    if not isinstance(payload, Mapping):
        return payload
    for key in ("job", "data"):
        inner = payload.get(key)
        if isinstance(inner, Mapping):
            links = payload.get("links")
            extra = {"links": links} if links is not None and "links" not in inner else {}
            return {**inner, **extra}
    return payload


def job_status(job: Any) -> object:
    """A job's lifecycle value: its ``state``, else the older ``status``."""
    state = getattr(job, "state", None)
    return state if state is not None else getattr(job, "status", None)


def upload_filename(remote_path: str, hint: str | None) -> str:
    """The file part's name: the caller's hint, else the destination's base name."""
    return hint or posixpath.basename(remote_path.rstrip("/")) or "file"


def optional_body(extra: Mapping[str, Any] | None) -> dict[str, Any] | NotGiven:
    """The body of a verb that needs none: the caller's extra keys, else no body at all."""
    return dict(extra) if extra else NOT_GIVEN
