"""Pure helpers for cloud computers: argument shaping, waiting logic, frame codecs.

Nothing here does I/O, so the async resources and their generated sync twins share it.
"""

from __future__ import annotations

import base64
import posixpath
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, get_args
from urllib.parse import urlencode

import attrs
import httpx

from .._converter import structure
from .._core.sse import ServerSentEvent
from .._events import decode_payload, is_skip
from ..types.computers import CheckpointProgress, ComputerNetworkRule, ExecFrame
from ..types.params import DesktopActionName

# -- arguments -------------------------------------------------------------------------

_SIZE_ALIASES = {"xlarge": "xl"}


def normalize_size(size: str) -> str:
    """The canonical size name: the legacy ``xlarge`` is sent as ``xl``, as the TS SDK does."""
    text = str(size)
    return _SIZE_ALIASES.get(text, text)


_PLACEMENT_KEYS = {"regionId": "region_id", "poolId": "pool_id", "hostId": "host_id"}


def placement_request(request: Mapping[str, Any]) -> dict[str, Any]:
    """A ``compute_placement_request`` with snake_case keys (``regionId`` -> ``region_id``).

    Values are not checked here: the server validates providers, ids and fallbacks.
    """
    return {_PLACEMENT_KEYS.get(key, key): value for key, value in request.items()}


def octal_mode(mode: int | str) -> str:
    """A file mode as the 4-digit octal string the API expects (``0o755`` -> ``"0755"``)."""
    if isinstance(mode, bool):
        raise TypeError("mode must be an int such as 0o755 or an octal string such as '0755'")
    if isinstance(mode, int):
        if mode < 0:
            raise ValueError(f"mode must not be negative, got {mode}")
        return format(mode, "04o")
    text = mode.strip().removeprefix("0o")
    if not text or any(c not in "01234567" for c in text):
        raise ValueError(f"mode must be octal digits such as '0755', got {mode!r}")
    return text.zfill(4)


def encode_content(content: bytes | bytearray | memoryview | str, encoding: str = "utf-8") -> str:
    """File content for a JSON upload: text is encoded first, then everything is base64."""
    raw = content.encode(encoding) if isinstance(content, str) else bytes(content)
    return base64.b64encode(raw).decode("ascii")


def env_pairs(env: Mapping[str, str] | Sequence[str]) -> list[str]:
    """``KEY=VALUE`` strings from a mapping (or already-formatted strings, kept as given)."""
    if isinstance(env, Mapping):
        return [f"{key}={value}" for key, value in env.items()]
    return [str(item) for item in env]


def exec_stream_query(
    command: str,
    *,
    args: Sequence[str] | None = None,
    env: Mapping[str, str] | Sequence[str] | None = None,
    cwd: str | None = None,
    tty: bool = False,
    rows: int | None = None,
    cols: int | None = None,
) -> str:
    """The query string of ``/exec/stream``: ``args`` and ``env`` repeat, as in the TS SDK."""
    pairs: list[tuple[str, str]] = [("command", command)]
    pairs += [("args", str(arg)) for arg in args or ()]
    pairs += [("env", pair) for pair in env_pairs(env or ())]
    if cwd:
        pairs.append(("cwd", cwd))
    if tty:
        pairs.append(("tty", "true"))
    if rows is not None:
        pairs.append(("rows", str(rows)))
    if cols is not None:
        pairs.append(("cols", str(cols)))
    return urlencode(pairs)


EVENT_PRODUCERS: tuple[str, ...] = ("window", "clipboard", "file", "process", "idle")
"""Every producer ``/computers/{id}/events`` knows; the default subscription."""


def event_producers(producers: str | Sequence[str]) -> list[str]:
    """The ``subscribe`` list; the server needs at least one producer."""
    names = [producers] if isinstance(producers, str) else [str(p) for p in producers]
    if not names or not all(names):
        raise ValueError(f"subscribe to at least one producer of {', '.join(EVENT_PRODUCERS)}")
    return names


def stretched_timeout(base: httpx.Timeout, seconds: float, grace: float = 15.0) -> httpx.Timeout:
    """A read timeout long enough for a command that may run `seconds`, plus a grace period."""
    read = max(base.read or 0.0, seconds + grace)
    return httpx.Timeout(connect=base.connect, read=read, write=base.write, pool=base.pool)


def preview_url(slug: str, preview_domain: str | None, port: int, path: str = "/") -> str:
    """``https://{port}-{slug}.sandbox.{preview_domain}{path}``, the tenant's domain if set."""
    suffix = path if path.startswith("/") else f"/{path}"
    return f"https://{port}-{slug}.sandbox.{preview_domain or 'miosa.ai'}{suffix}"


def public_url(slug: str, preview_domain: str | None) -> str:
    """The root preview URL, ``https://{slug}.sandbox.{preview_domain}``."""
    return f"https://{slug}.sandbox.{preview_domain or 'miosa.ai'}"


# -- paths and reply shapes ------------------------------------------------------------

SCREENSHOT_REGION_PATHS: tuple[str, str] = ("/desktop/screenshot/region", "/screenshot-region")
"""Where a region screenshot is posted: the vendor's Python SDK 2.19.2 path first, then the
TypeScript SDK's path, tried when the first answers 404."""


def clipboard_text(payload: Any) -> str:
    """The text of a clipboard reply, ``{"text": ...}`` (a bare string is taken as is)."""
    if isinstance(payload, Mapping):
        text = payload.get("text")
        return "" if text is None else str(text)
    return "" if payload is None else str(payload)


def exec_result_payload(payload: Any) -> Any:
    """An exec reply with its output under ``stdout``: some servers name it ``output``."""
    if isinstance(payload, Mapping) and "stdout" not in payload and "output" in payload:
        return {**payload, "stdout": payload["output"]}
    return payload


def file_list_payload(payload: Any) -> Any:
    """``GET /computers/{id}/files`` as ``{entries, path}``, whichever shape came back: that
    one, a bare array of entries, or ``{"data": [entries]}``."""
    if isinstance(payload, list):
        return {"entries": payload}
    if isinstance(payload, Mapping) and "entries" not in payload:
        data = payload.get("data")
        if isinstance(data, list):
            return {**{k: v for k, v in payload.items() if k != "data"}, "entries": data}
    return payload


def restore_payload(payload: Any) -> Any:
    """A restore reply as ``{data: computer, snapshot}``; the new computer may also come
    nested as ``{data: {computer: {...}}}``."""
    if isinstance(payload, Mapping):
        data = payload.get("data")
        inner = data.get("computer") if isinstance(data, Mapping) else None
        if isinstance(data, Mapping) and "id" not in data and isinstance(inner, dict):
            return {**payload, "data": inner}
    return payload


def item_list(payload: Any, keys: Sequence[str]) -> list[Any]:
    """A list reply (bare or under one of `keys`); an object without one is one item."""
    if isinstance(payload, list):
        return payload
    if isinstance(payload, Mapping):
        for key in keys:
            value = payload.get(key)
            if isinstance(value, list):
                return value
        inner = payload.get("data")
        if isinstance(inner, Mapping):
            return item_list(inner, keys)
        return [dict(payload)]
    return []


# -- waiting ---------------------------------------------------------------------------

# The server's canonical "running" state is "active"; older servers say "running".
_SYNONYMS: Mapping[str, frozenset[str]] = {
    "active": frozenset({"active", "running"}),
    "running": frozenset({"active", "running"}),
}

COMPUTER_FAILURE_STATES = frozenset({"error", "destroyed"})
CHECKPOINT_DONE_STATES = frozenset({"ready"})
CHECKPOINT_FAILURE_STATES = frozenset({"failed", "deleted"})

WAIT_FIRST_DELAY = 0.5
WAIT_FACTOR = 1.5
WAIT_MAX_DELAY = 5.0


def expand_states(states: str | Iterable[str]) -> frozenset[str]:
    """Target states as plain strings, with ``active``/``running`` treated as one state."""
    names = [states] if isinstance(states, str) else list(states)
    out: set[str] = set()
    for name in names:
        text = str(name)  # OpenEnum members hash by name, so compare their string value
        out |= _SYNONYMS.get(text, frozenset({text}))
    if not out:
        raise ValueError("name at least one state to wait for")
    return frozenset(out)


IDLE = "idle"
"""The state `IdleTracker` reports once a computer has been running, unchanged, long enough."""


class IdleTracker:
    """Tells a running computer that has kept its status for ``idle_seconds`` apart.

    The API reports no "busy" flag, so "idle" means: running (``active``/``running``) and
    the same status for at least ``idle_seconds`` of polling. `observe` returns `IDLE`
    then, else the status as read (so a wait's failure states still end it).
    """

    def __init__(self, idle_seconds: float, clock: Callable[[], float]) -> None:
        self._idle_seconds = idle_seconds
        self._clock = clock
        self._status: str | None = None
        self._since = 0.0

    def observe(self, status: object) -> str | None:
        now = self._clock()
        text = None if status is None else str(status)
        if text != self._status:
            self._status, self._since = text, now
        running = text in _SYNONYMS["running"]
        return IDLE if running and now - self._since >= self._idle_seconds else text


# -- streams ---------------------------------------------------------------------------


def parse_checkpoint_progress(sse: ServerSentEvent) -> CheckpointProgress | None:
    """One ``snapshot_progress`` event; payloads that are not objects are kept in ``raw``."""
    payload = decode_payload(sse)
    if is_skip(payload):
        return None
    if not isinstance(payload, dict):
        payload = {"data": payload}
    if sse.event and sse.event != "message" and "type" not in payload:
        payload = {**payload, "type": sse.event}
    return structure(payload, CheckpointProgress)


def checkpoint_progress_is_final(event: CheckpointProgress) -> bool:
    """The TS SDK stops at ``ready``, ``failed`` or ``deleted``."""
    status = None if event.status is None else str(event.status)
    return status in CHECKPOINT_DONE_STATES | CHECKPOINT_FAILURE_STATES


# -- miosa-exec-v1 frames ----------------------------------------------------------------

FRAME_STDIN = 0x00
FRAME_STDOUT = 0x01
FRAME_STDERR = 0x02
FRAME_EXIT = 0x03
FRAME_RESIZE = 0x05
_FRAME_KINDS: Mapping[int, str] = {
    FRAME_STDOUT: "stdout",
    FRAME_STDERR: "stderr",
    FRAME_EXIT: "exit",
}


def encode_stdin(data: bytes | str) -> bytes:
    """A stdin frame: ``0x00`` then the bytes (text is sent as UTF-8)."""
    raw = data.encode() if isinstance(data, str) else bytes(data)
    return bytes([FRAME_STDIN]) + raw


def encode_resize(rows: int, cols: int) -> bytes:
    """A resize frame: ``0x05``, rows and cols as unsigned 16-bit big-endian."""
    return struct.pack(">BHH", FRAME_RESIZE, rows, cols)


def decode_exec_frame(frame: bytes | bytearray | memoryview) -> ExecFrame | None:
    """A server frame as `ExecFrame`; None for empty or unknown frames (to be ignored)."""
    raw = bytes(frame)
    if not raw or raw[0] not in _FRAME_KINDS:
        return None
    kind, payload = _FRAME_KINDS[raw[0]], raw[1:]
    if kind == "exit":
        code = struct.unpack(">I", payload[:4])[0] if len(payload) >= 4 else None
        return ExecFrame(kind=kind, data=b"", exit_code=code)
    return ExecFrame(kind=kind, data=payload)


def rule_payload(rule: ComputerNetworkRule | Mapping[str, Any]) -> dict[str, Any]:
    """A network rule for the wire: a model's known fields (unset ones left out) over the
    fields it was read with, so a rule fetched with `get` goes back unchanged."""
    if isinstance(rule, ComputerNetworkRule):
        known = {k: v for k, v in attrs.asdict(rule).items() if v is not None}
        return {**rule.raw, **known}
    return dict(rule)


def scoped_path(working_dir: str, path: str) -> str:
    """``path`` resolved against ``working_dir`` the way ``cd working_dir`` would.

    An absolute ``path`` stands for itself; ``.`` and ``..`` are folded. A convenience for
    short names, not a boundary: ``..`` may leave ``working_dir``.
    """
    return posixpath.normpath(posixpath.join(working_dir, path))


# -- computer.act: desktop actions by name ---------------------------------------------------

DESKTOP_ACTIONS: frozenset[str] = frozenset(get_args(DesktopActionName))


def action_point(params: Mapping[str, Any], key: str = "coordinate") -> tuple[int, int]:
    """The ``[x, y]`` under `key` of a ``computer.act`` action; `ValueError` when absent."""
    value = params.get(key)
    if value is None:
        raise ValueError(f"this action needs {key!r}: [x, y]")
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
        raise ValueError(f"{key!r} must be two numbers, [x, y]")
    return int(value[0]), int(value[1])


def action_region(params: Mapping[str, Any]) -> tuple[int, int, int, int]:
    """A ``zoom`` region ``[x1, y1, x2, y2]`` as ``(x, y, width, height)``."""
    value = params.get("region")
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 4:
        raise ValueError("zoom needs 'region': [x1, y1, x2, y2]")
    x1, y1, x2, y2 = (int(v) for v in value)
    return x1, y1, max(0, x2 - x1), max(0, y2 - y1)


def action_text(action: str, params: Mapping[str, Any]) -> str:
    """The ``text`` of a ``type``, ``key`` or ``hold_key`` action; `ValueError` when absent."""
    text = params.get("text")
    if not isinstance(text, str):
        raise ValueError(f"{action!r} needs 'text'")
    return text


def action_succeeded(reply: object) -> bool:
    """Whether a desktop route's reply reports success (a reply without the flag does)."""
    return getattr(reply, "success", None) is not False
