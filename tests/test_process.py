"""What the transport keeps per process: a fork counter, and no cookies."""

from __future__ import annotations

import os

import pytest

from miosa._core.process import NoCookies, fork_generation


def test_no_cookies_even_when_one_is_set_by_hand() -> None:
    cookies = NoCookies()
    cookies.set("session", "abc", domain="api.miosa.ai")
    assert not cookies and dict(cookies) == {}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_the_fork_generation_differs_in_a_child() -> None:
    parent = fork_generation()
    pid = os.fork()
    if pid == 0:
        os._exit(0 if fork_generation() != parent else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert fork_generation() == parent
