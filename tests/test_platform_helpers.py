"""The pure helpers behind the platform groups: polling verdicts, keys, paths, envelopes."""

from __future__ import annotations

import pytest

from miosa import APITimeoutError, MiosaError
from miosa._core.request import NOT_GIVEN
from miosa._core.waiters import Poller, WaitTarget
from miosa._groups.platform import (
    DATABASE_READY,
    DEPLOYMENT_READY,
    bucket_visibility,
    object_key_path,
    query_with,
    release_promote_key,
    unwrap_present,
)
from miosa.types.deployments import DeploymentState


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_poller_backs_off_by_half_up_to_the_cap() -> None:
    clock = FakeClock()
    poller = Poller(DEPLOYMENT_READY, "dep_1", timeout=1000, first_delay=1.0, clock=clock)
    delays = [poller.next_delay("building") for _ in range(8)]
    assert delays == [1.0, 1.5, 2.25, 3.375, 5.0625, 7.59375, 10.0, 10.0]


def test_poller_stops_on_ready_accepting_enum_members() -> None:
    poller = Poller(DEPLOYMENT_READY, "dep_1", timeout=10, clock=FakeClock())
    assert poller.next_delay(DeploymentState.RUNNING) is None
    assert poller.next_delay("running") is None


def test_poller_keeps_waiting_on_unknown_or_missing_states() -> None:
    poller = Poller(DEPLOYMENT_READY, "dep_1", timeout=10, clock=FakeClock())
    assert poller.next_delay(None) == 1.0
    assert poller.next_delay("hibernating") == 1.5


def test_poller_raises_on_a_failure_state_with_the_detail() -> None:
    poller = Poller(DEPLOYMENT_READY, "dep_1", timeout=10, clock=FakeClock())
    expected = "deployment dep_1 is in state 'failed' and will not reach 'running': OOM"
    with pytest.raises(MiosaError, match=expected):
        poller.next_delay(DeploymentState.FAILED, detail="OOM")


def test_poller_caps_the_sleep_at_the_time_left_then_times_out() -> None:
    clock = FakeClock()
    poller = Poller(DATABASE_READY, "db_1", timeout=2.0, first_delay=1.5, clock=clock)
    assert poller.next_delay("provisioning") == 1.5
    clock.now += 1.5
    assert poller.next_delay("provisioning") == 0.5
    clock.now += 0.5
    with pytest.raises(APITimeoutError, match="database db_1 did not finish within 2 s") as info:
        poller.next_delay("provisioning")
    assert "last state: provisioning" in str(info.value) and "3 polls" in str(info.value)
    assert info.value.attempts == 3


def test_poller_with_zero_timeout_checks_once() -> None:
    poller = Poller(DEPLOYMENT_READY, "d", timeout=0, clock=FakeClock())
    with pytest.raises(APITimeoutError):
        poller.next_delay("building")
    assert Poller(DEPLOYMENT_READY, "d", timeout=0).next_delay("running") is None


@pytest.mark.parametrize(("timeout", "first"), [(-1, 1.0), (5, -2)])
def test_poller_refuses_nonsense_arguments(timeout: float, first: float) -> None:
    with pytest.raises(ValueError):
        Poller(DEPLOYMENT_READY, "d", timeout=timeout, first_delay=first)


def test_wait_target_of_builds_frozensets() -> None:
    target = WaitTarget.of("thing", ["up"], ("down",))
    assert target == WaitTarget("thing", frozenset({"up"}), frozenset({"down"}))


def test_release_promote_key_is_deterministic() -> None:
    assert release_promote_key("dep_1", "rel_9") == "promote:dep_1:rel_9"
    assert release_promote_key("dep_1", "rel_9") == release_promote_key("dep_1", "rel_9")


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("a.txt", "a.txt"),
        ("logs/2026/app.txt", "logs/2026/app.txt"),
        ("sp ace/q?x#y", "sp%20ace/q%3Fx%23y"),
        ("100%/ü", "100%25/%C3%BC"),
        ("..hidden/.env", "..hidden/.env"),
    ],
)
def test_object_key_path_encodes_segments_and_keeps_slashes(key: str, path: str) -> None:
    assert object_key_path(key) == path


@pytest.mark.parametrize("key", ["", "/", "/a", "a/", "a//b", "./a", "a/..", ".."])
def test_object_key_path_refuses_keys_that_change_the_route(key: str) -> None:
    with pytest.raises(ValueError, match="invalid object key"):
        object_key_path(key)


def test_bucket_visibility() -> None:
    assert bucket_visibility(NOT_GIVEN, NOT_GIVEN) is NOT_GIVEN
    assert bucket_visibility(NOT_GIVEN, True) == "public"
    assert bucket_visibility(NOT_GIVEN, False) == "private"
    assert bucket_visibility("private", True) == "private"


def test_query_with_lets_named_parameters_win() -> None:
    assert query_with({"limit": 5, "tag": ["a", "b"], "gone": None}, limit=10, state=None) == {
        "limit": "10",
        "tag": "a,b",
    }
    assert query_with(None, flag=True) == {"flag": "true"}


def test_unwrap_present_takes_the_first_present_key() -> None:
    assert unwrap_present({"data": [1], "items": [2]}, ("data", "items")) == [1]
    assert unwrap_present({"items": None}, ("data", "items")) is None
    assert unwrap_present({"other": 1}, ("data",)) == {"other": 1}
    assert unwrap_present([1, 2], ("data",)) == [1, 2]
