"""State the transport keeps per process, and what it refuses to keep: fork detection, cookies."""

from __future__ import annotations

import http.cookiejar
import os

import httpx


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


class _DiscardingJar(http.cookiejar.CookieJar):
    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        return None


class NoCookies(httpx.Cookies):
    """The cookies of a pool the SDK owns: none are ever stored or sent.

    The API authenticates with a header. A pool is shared by `with_options` copies, which
    may act for different tenants, so a cookie one response set must not ride along on
    another tenant's call. Skipping httpx's Set-Cookie handling also saves a tenth of a
    call's CPU time.
    """

    def __init__(self) -> None:
        super().__init__()
        self.jar = _DiscardingJar()

    def extract_cookies(self, response: httpx.Response) -> None:
        return None

    def set_cookie_header(self, request: httpx.Request) -> None:
        return None
