"""Client options: explicit arguments, then environment variables, then defaults."""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

import httpx

from .._version import __version__
from ..errors import ConfigurationError
from .decoding import ACCEPT_ENCODING

DEFAULT_BASE_URL = "https://api.miosa.ai/api/v1"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 3
DEFAULT_MAX_CONNECTIONS = 100
# Idle connections kept open default to the pool's size: with fewer, a burst that fills
# the pool closes the excess as each response ends and opens it again for the next call,
# one new connection per call (about 950 for a burst of 1,000). Idle ones are closed after
# httpx's keep-alive expiry (5 s), so a quiet client still holds nothing.
DEFAULT_MAX_RESPONSE_BYTES = 64 << 20
# Requests admitted into httpx's pool at once default to the pool's size: httpcore slows
# down sharply when requests queue inside it (PERFORMANCE.md), so the excess waits on a
# cheap limiter instead. A smaller limit is faster still on a loopback benchmark, but a
# slot is held for a request's whole life (a long exec, an open stream), so a limit below
# the pool size would make long calls starve short ones; benchmarks/RESULTS.md has figures.
USER_AGENT = f"miosa-python/{__version__}"

_HEADER_VALUE_FORBIDDEN = re.compile(r"[\r\n\x00]")


class Secret:
    """Holds a credential so that it never shows up whole in a repr or a log."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret('...{self._value[-4:]}')" if len(self._value) > 8 else "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def check_header_value(name: str, value: str) -> str:
    """Refuse CR, LF and NUL in a header value: they would let one header smuggle another."""
    if _HEADER_VALUE_FORBIDDEN.search(value):
        raise ConfigurationError(f"header {name!r} contains a CR, LF or NUL character")
    return value


class ClientOptions(NamedTuple):
    """Everything a client needs to build requests; immutable, shared by `with_options` copies.

    A NamedTuple rather than an attrs class: the client module imports it, and keeping attrs
    off that path keeps ``from miosa import Miosa`` fast.
    """

    credential: Secret
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    default_headers: Mapping[str, str]
    tenant: str | None
    deadline: float | None
    max_connections: int
    max_keepalive_connections: int
    max_in_flight: int
    # Sent instead of `credential` on /intelligence/* routes, which take an `mki_` key.
    intelligence_key: Secret | None = None
    # The largest body read whole (JSON replies, error bodies excepted), after decoding.
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    # HTTP/2 on the pool the client builds (one multiplexed pool instead of shards).
    http2: bool = False

    def base_headers(self) -> dict[str, str]:
        """The headers every request carries, built once per options object."""
        headers = {
            "Authorization": f"Bearer {self.credential.reveal()}",
            "Accept": "application/json",
            # Only what `_core.decoding` can undo in bounded steps.
            "Accept-Encoding": ACCEPT_ENCODING,
            "User-Agent": USER_AGENT,
        }
        if self.tenant:
            headers["X-MIOSA-Tenant"] = check_header_value("X-MIOSA-Tenant", self.tenant)
        for name, value in self.default_headers.items():
            headers[name] = check_header_value(name, value)
        return headers


_VERSIONED_PATH = re.compile(r"/v[0-9]+\Z")


def normalize_base_url(raw: str) -> str:
    """The API root every path is appended to, from a ``base_url`` or ``MIOSA_BASE_URL``.

    Surrounding spaces and trailing slashes are dropped. A URL whose path does not end in
    a version segment (``/v1``, ``/v2`` ...) gets ``/api/v1`` appended, so the bare host
    ``https://api.miosa.ai`` (what the MIOSA CLI takes) reaches the API instead of 404ing on
    every call; the vendor's own Python SDK applies the same rule.
    """
    url = raw.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(f"base_url must start with http:// or https://, got {url!r}")
    path = urlsplit(url).path
    if not _VERSIONED_PATH.search(path):
        url += "/api/v1"
    return url


def to_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(float(value), connect=min(5.0, float(value)))


def resolve_options(
    *,
    api_key: str | None,
    access_token: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int | None,
    default_headers: Mapping[str, str] | None,
    tenant: str | None,
    deadline: float | None,
    max_connections: int | None,
    max_keepalive_connections: int | None,
    max_in_flight: int | None,
    intelligence_key: str | None = None,
    max_response_bytes: int | None = None,
    http2: bool = False,
    environ: Mapping[str, str] = os.environ,
) -> ClientOptions:
    """Merge constructor arguments with `MIOSA_*` environment variables and defaults."""
    if api_key is not None and access_token is not None:
        raise ConfigurationError("pass either api_key or access_token, not both")
    if api_key is None and access_token is None:
        api_key = environ.get("MIOSA_API_KEY") or None
        if api_key is None:
            access_token = environ.get("MIOSA_ACCESS_TOKEN") or None
    credential = api_key if api_key is not None else access_token
    if not credential:
        raise ConfigurationError(
            "No API key given: pass api_key=... (or access_token=... for a user token), or set "
            "the MIOSA_API_KEY (or MIOSA_ACCESS_TOKEN) environment variable."
        )
    check_header_value("Authorization", credential)
    url = normalize_base_url(base_url or environ.get("MIOSA_BASE_URL") or DEFAULT_BASE_URL)
    retries = DEFAULT_MAX_RETRIES if max_retries is None else max_retries
    if retries < 0:
        raise ConfigurationError("max_retries must be >= 0")
    connections = max_connections or DEFAULT_MAX_CONNECTIONS
    response_limit = check_response_limit(
        DEFAULT_MAX_RESPONSE_BYTES if max_response_bytes is None else max_response_bytes
    )
    intelligence = intelligence_key or environ.get("MIOSA_INTELLIGENCE_KEY") or None
    if intelligence is not None:
        check_header_value("Authorization", intelligence)
    return ClientOptions(
        credential=Secret(credential),
        base_url=url,
        timeout=to_timeout(timeout),
        max_retries=retries,
        default_headers=dict(default_headers or {}),
        tenant=tenant if tenant is not None else (environ.get("MIOSA_TENANT") or None),
        deadline=deadline,
        max_connections=connections,
        max_keepalive_connections=min(connections, max_keepalive_connections or connections),
        max_in_flight=min(connections, max_in_flight or connections),
        intelligence_key=Secret(intelligence) if intelligence is not None else None,
        max_response_bytes=response_limit,
        http2=check_http2(http2),
    )


def check_http2(http2: bool) -> bool:
    """``http2``, once the HTTP/2 protocol package httpx needs for it is known installed."""
    if http2 and importlib.util.find_spec("h2") is None:
        raise ConfigurationError(
            "http2=True needs the h2 package, which is not installed: pip install 'miosa[http2]'"
        )
    if http2:
        # hpack logs each header it encodes at DEBUG, the Authorization header included.
        hpack_logger = logging.getLogger("hpack.hpack")
        if not any(isinstance(f, _RedactingFilter) for f in hpack_logger.filters):
            hpack_logger.addFilter(_RedactingFilter())
    return bool(http2)


def check_response_limit(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError("max_response_bytes must be a positive number of bytes")
    return value


class _RedactingFilter(logging.Filter):
    """Scrubs bearer credentials from any record that reaches the `miosa` logger."""

    _pattern = re.compile(r"(Bearer\s+|msk_|mki_)[A-Za-z0-9._\-]+")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._pattern.sub(lambda m: m.group(1) + "***", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


logger = logging.getLogger("miosa")
logger.addFilter(_RedactingFilter())


def configure_logging_from_env(environ: Mapping[str, str] = os.environ) -> None:
    """`MIOSA_LOG=debug|info` attaches a stderr handler to the `miosa` logger once."""
    level_name = environ.get("MIOSA_LOG", "").upper()
    if level_name not in ("DEBUG", "INFO"):
        return
    logger.setLevel(level_name)
    if not any(getattr(h, "_miosa", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler._miosa = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
