"""Small shared helpers: identifiers, timestamps and glob matching."""

from __future__ import annotations

import fnmatch
import secrets
import time
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

JSON = dict[str, Any]

KIB = 1024
MIB = 1024 * KIB


def new_id(prefix: str, nbytes: int = 8) -> str:
    """A random identifier such as ``sbx_3f2a...``."""
    return f"{prefix}_{secrets.token_hex(nbytes)}"


def now() -> float:
    """Wall-clock seconds since the epoch."""
    return time.time()


def iso(ts: float | None) -> str | None:
    """ISO-8601 UTC with millisecond precision and a ``Z`` suffix (``None`` stays ``None``)."""
    if ts is None:
        return None
    moment = datetime.fromtimestamp(ts, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_iso(value: str) -> float | None:
    """Parse an ISO-8601 timestamp (``Z`` accepted); ``None`` when unparsable."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def glob_match(name: str, patterns: Iterable[str]) -> bool:
    """True when ``name`` matches any glob; no patterns, ``*`` or an empty string match all."""
    pats = [p.strip() for p in patterns if p.strip()]
    if not pats:
        return True
    return any(p == "*" or fnmatch.fnmatchcase(name, p) for p in pats)


def split_csv(value: str | None) -> list[str]:
    """Comma-joined query values as a list, blanks dropped."""
    if not value:
        return []
    return [part.strip() for part in value.split(",") if part.strip()]
