"""Process-level facts the transport needs: fork detection and a jar that keeps no cookies."""

from __future__ import annotations

import http.cookiejar
import os
import urllib.request
from http.client import HTTPResponse


class _ForkCounter:
    """Bumped in the child after every ``os.fork()``: cheaper to read than ``os.getpid()``."""

    generation = 0

    @classmethod
    def bump(cls) -> None:
        cls.generation += 1


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_ForkCounter.bump)


def fork_generation() -> int:
    """A number that differs in a forked child from its parent's."""
    return _ForkCounter.generation


class NoCookieJar(http.cookiejar.CookieJar):
    """The SDK authenticates with a header and never stores cookies.

    A pool is shared by `with_options` copies, which may act for different tenants: a cookie
    one response set must not ride along on another tenant's call. Parsing Set-Cookie on
    every response is also a tenth of a call's CPU time.
    """

    def extract_cookies(self, response: HTTPResponse, request: urllib.request.Request) -> None:
        return None

    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        return None
