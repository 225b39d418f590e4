"""Per-call options: ``extra_headers``, ``extra_query``, ``extra_body`` and ``timeout``.

Every resource method takes them as keyword arguments (``**options:
Unpack[RequestOptions]``), as openai's and anthropic's SDKs do: for a header a proxy needs
on one call, a query parameter or body field this SDK does not know yet, or a longer
timeout for one slow call. They are merged over what the method sends: an extra header,
query key or body key replaces the method's own of the same name. `with_options` on the
client stays the way to change options for many calls.

A few methods already have a ``timeout`` parameter of their own, meaning something else
(how long a command may run): they take `RequestExtras`, the same without ``timeout``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TypedDict

import httpx

from .options import check_header_value, to_timeout
from .request import NOT_GIVEN, query

if sys.version_info >= (3, 11):
    from typing import Unpack
else:  # pragma: no cover - exercised on Python 3.10 only
    from typing_extensions import Unpack

__all__ = ["RequestExtras", "RequestOptions", "Unpack", "apply_options"]


class RequestExtras(TypedDict, total=False):
    """Per-call additions to a request."""

    extra_headers: Mapping[str, str]
    """Headers added to this call (replacing the SDK's own of the same name)."""
    extra_query: Mapping[str, object]
    """Query parameters added to this call."""
    extra_body: Mapping[str, object]
    """Keys merged into this call's JSON body (the body must be a JSON object)."""


class RequestOptions(RequestExtras, total=False):
    """Per-call additions to a request, and its timeout."""

    timeout: float | httpx.Timeout
    """This call's timeout per attempt: seconds, or an `httpx.Timeout`."""


_OPTION_NAMES = RequestOptions.__required_keys__ | RequestOptions.__optional_keys__


def apply_options(
    options: Mapping[str, object] | None,
    params: Mapping[str, str] | None,
    json: object,
    headers: Mapping[str, str] | None,
    timeout: httpx.Timeout | None,
) -> tuple[Mapping[str, str] | None, object, Mapping[str, str] | None, httpx.Timeout | None]:
    """``(params, json, headers, timeout)`` with the per-call options merged in.

    A keyword that is neither a parameter of the method nor one of these options lands
    here too (``**options`` takes any name at run time): it is refused, not dropped.
    """
    if not options:
        return params, json, headers, timeout
    unknown = options.keys() - _OPTION_NAMES
    if unknown:
        names = ", ".join(repr(name) for name in sorted(unknown))
        raise TypeError(
            f"unexpected keyword argument {names}: not a parameter of this method "
            "(send a field the SDK does not know with extra_body= or extra_query=)"
        )
    extra_query = options.get("extra_query")
    if isinstance(extra_query, Mapping) and extra_query:
        params = {**(params or {}), **query(**dict(extra_query))}
    extra_headers = options.get("extra_headers")
    if isinstance(extra_headers, Mapping) and extra_headers:
        for name, value in extra_headers.items():
            check_header_value(name, value)
        headers = {**(headers or {}), **extra_headers}
    extra_body = options.get("extra_body")
    if isinstance(extra_body, Mapping) and extra_body:
        if json is NOT_GIVEN or json is None:
            json = dict(extra_body)
        elif isinstance(json, Mapping):
            json = {**json, **extra_body}
        else:
            raise TypeError("extra_body needs a call whose body is a JSON object")
    if "timeout" in options:
        value = options["timeout"]
        if not isinstance(value, (int, float, httpx.Timeout)) or isinstance(value, bool):
            raise TypeError("timeout must be seconds or an httpx.Timeout")
        timeout = to_timeout(value)
    return params, json, headers, timeout
