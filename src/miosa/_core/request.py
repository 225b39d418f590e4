"""The request side of the transport: paths, bodies, queries, idempotency keys, the URL cache."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Final
from urllib.parse import quote

import httpx


class NotGiven:
    """Marks an argument the caller left out, as distinct from an explicit ``None`` (JSON null)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def path_param(name: str, value: str | int) -> str:
    """Percent-encode one path parameter (`/` too); refuse values that would change the route."""
    text = str(value)
    if text in ("", ".", ".."):
        raise ValueError(f"{name} must be a non-empty id, not {text!r}")
    return quote(text, safe="")


class Route(str):
    """A request path that remembers the contract route it was filled from.

    ``route("/sandboxes/{sandbox_id}", sandbox_id="sb 1")`` is the string ``/sandboxes/sb%201``
    whose `template` is ``/sandboxes/{sandbox_id}``. Joined with ``+`` to more path, it keeps
    the template (a plain string joins both as it is): tracing names its spans by the
    template, so an id never reaches a span name. Any other string operation gives a plain
    string, whose template is itself (`template_of`); the conformance test checks every
    call's template against the contract.
    """

    template: str

    def __add__(self, other: str) -> Route:
        return filled(str.__add__(self, other), self.template + template_of(other))

    def __radd__(self, other: str) -> Route:
        # Called before str.__add__ for ``"literal" + route``: a subclass's reflected method wins.
        return filled(str.__add__(other, self), other + self.template)


def filled(path: str, template: str) -> Route:
    """The path ``path``, filled from ``template``."""
    result = Route(path)
    result.template = template
    return result


def template_of(path: str) -> str:
    """The contract route of a request path: its `Route.template`, or the literal path."""
    return path.template if isinstance(path, Route) else path


def route(template: str, **params: str | int) -> Route:
    """Fill a contract path such as ``/sandboxes/{sandbox_id}`` with encoded parameters."""
    path = _PLACEHOLDER.sub(lambda m: path_param(m.group(1), params[m.group(1)]), template)
    return filled(path, template)


class UrlCache:
    """Parsed URLs by path below one base URL.

    httpx parses and validates the URL string of every request (~9 us); a resource's path
    is usually asked for again (polling, exec and files on one sandbox). At `size` entries
    the cache starts over: one atomic step, safe with threads sharing a client.
    """

    def __init__(self, base_url: str, size: int = 1024) -> None:
        self._base_url = base_url
        self._size = size
        self._urls: dict[str, httpx.URL] = {}

    def __call__(self, path: str) -> httpx.URL:
        url = self._urls.get(path)
        if url is None:
            url = httpx.URL(self._base_url + path)
            if len(self._urls) >= self._size:
                self._urls.clear()
            self._urls[path] = url
        return url


def file_path_param(path: str) -> Route:
    """A sandbox file path for ``/files/{path}``: leading slashes stripped, `/` kept.

    Each segment is still percent-encoded and ``.``/``..``/empty segments are refused,
    so the path can never climb out of the files route.
    """
    segments = path.lstrip("/").split("/")
    if not path.strip("/") or any(s in ("", ".", "..") for s in segments):
        raise ValueError(f"invalid file path {path!r}")
    return filled("/".join(quote(s, safe="") for s in segments), "{path}")


def _jsonable(value: object) -> object:
    # Callers may pass any Mapping or Sequence (a MappingProxyType, a tuple); JSON wants dicts
    # and lists.
    if isinstance(value, dict) or value is None or isinstance(value, (str, bytes, int, float)):
        return value
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


def body(**fields: object) -> dict[str, object]:
    """A JSON body from keyword arguments, leaving out those not given."""
    return {k: _jsonable(v) for k, v in fields.items() if v is not NOT_GIVEN}


def string_list(value: Sequence[str] | NotGiven, name: str) -> list[str] | NotGiven:
    """`value` as a list of strings; a bare ``str`` is refused rather than split into its
    characters (a str is itself a sequence of strings, so the type checker lets it in)."""
    if isinstance(value, NotGiven):
        return value
    if isinstance(value, str):
        raise TypeError(f"{name} takes a list of strings, not a str: pass [{value!r}]")
    return list(value)


def merge(base: Mapping[str, object], extra: Mapping[str, object] | None) -> dict[str, object]:
    """`base` plus caller-supplied extra keys (for endpoints that pass options through)."""
    out = dict(base)
    if extra:
        out.update({k: v for k, v in extra.items() if v is not NOT_GIVEN})
    return out


def _query_value(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_query_value(v) for v in value)
    return str(value)


def query(**params: object) -> dict[str, str]:
    """Query parameters: None and NOT_GIVEN dropped, booleans lower-case, lists comma-joined."""
    return {k: _query_value(v) for k, v in params.items() if v is not None and v is not NOT_GIVEN}


def new_idempotency_key() -> str:
    return str(uuid.uuid4())
