"""The one polling policy behind every `wait_*` helper (computers, deployments, jobs ...)."""

from __future__ import annotations

import pytest

from miosa import APITimeoutError, ResourceFailedError, WaitError, WaitTimeoutError
from miosa._core.waiters import Poller, WaitTarget
from miosa._groups.computers import expand_states
from miosa.types.computers import ComputerStatus

TARGET = WaitTarget.of("computer", ready={"running"}, failed={"error", "destroyed"})


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_delays_grow_by_half_up_to_the_cap() -> None:
    poller = Poller(TARGET, "c1", timeout=1000, first_delay=0.5, max_delay=5.0, clock=FakeClock())
    delays = [poller.next_delay("provisioning") for _ in range(8)]
    assert delays == pytest.approx([0.5, 0.75, 1.125, 1.6875, 2.53125, 3.796875, 5.0, 5.0])


def test_no_sleep_ends_past_the_deadline_then_a_timeout_error() -> None:
    clock = FakeClock()
    poller = Poller(TARGET, "c1", timeout=1.0, first_delay=0.5, clock=clock)
    assert poller.next_delay("provisioning") == 0.5
    clock.now += 0.9
    assert poller.next_delay("provisioning") == pytest.approx(0.1)
    clock.now += 0.1
    with pytest.raises(WaitTimeoutError) as caught:
        poller.next_delay(ComputerStatus.PROVISIONING)
    error = caught.value
    assert isinstance(error, APITimeoutError) and isinstance(error, WaitError)
    assert (error.resource_id, error.state, error.timeout, error.attempts) == (
        "c1",
        "provisioning",
        1.0,
        3,
    )
    assert str(error) == (
        "computer c1 did not finish within 1 s "
        "(waiting for 'running'; last state: provisioning, 3 polls)"
    )


def test_ready_states_end_the_wait_and_failure_states_raise() -> None:
    poller = Poller(TARGET, "c1", timeout=5)
    assert poller.next_delay(None) is not None
    assert poller.next_delay(ComputerStatus.RUNNING) is None
    with pytest.raises(ResourceFailedError) as caught:
        poller.next_delay("error", detail="disk full")
    assert caught.value.state == "error"
    assert str(caught.value) == (
        "computer c1 is in state 'error' and will not reach 'running': disk full"
    )
    assert not isinstance(caught.value, APITimeoutError)


def test_no_timeout_waits_as_long_as_it_takes() -> None:
    clock = FakeClock()
    poller = Poller(TARGET, "c1", timeout=None, first_delay=1.0, clock=clock)
    clock.now += 10**6
    assert poller.next_delay("provisioning") == 1.0


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        Poller(TARGET, "c1", timeout=-1)
    with pytest.raises(ValueError):
        Poller(TARGET, "c1", timeout=1, first_delay=-0.5)


def test_running_and_active_are_one_computer_state() -> None:
    assert expand_states("running") == {"running", "active"}
    assert (
        "active"
        in Poller(
            WaitTarget.of("computer", ready=expand_states("running"), failed=()), "c", timeout=1
        )._target.ready
    )


def test_open_enum_members_hash_like_their_strings() -> None:
    assert ComputerStatus.RUNNING in {"running"}
    by_status: dict[str, int] = {ComputerStatus.RUNNING: 1}
    assert by_status["running"] == 1
