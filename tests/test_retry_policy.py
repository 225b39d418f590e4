"""The pure retry policy: backoff bounds, Retry-After parsing, decisions."""

from __future__ import annotations

import email.utils

import pytest

from miosa._core.retry import (
    RETRYABLE_STATUSES,
    backoff_delay,
    decide_for_status,
    decide_for_transport_error,
    parse_retry_after,
)


@pytest.mark.parametrize(
    ("index", "ceiling"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]
)
def test_backoff_is_capped_exponential_with_a_factor_in_half_open_range(
    index: int, ceiling: float
) -> None:
    assert backoff_delay(index, rand=lambda: 0.0) == ceiling
    lowest = backoff_delay(index, rand=lambda: 0.9999999)
    assert ceiling * 0.5 < lowest < ceiling * 0.5000001


def test_retryable_statuses_are_exactly_the_promised_set() -> None:
    assert {408, 429, 500, 502, 503, 504} == RETRYABLE_STATUSES


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "0"}, 0.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after-ms": "junk", "retry-after": "9"}, 9.0),
        ({"retry-after": "-1"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(headers) == expected


def test_parse_retry_after_http_date() -> None:
    now = 1_800_000_000.0
    header = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after({"retry-after": header}, now=now) == pytest.approx(30.0)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert parse_retry_after({"retry-after": past}, now=now) is None


def test_a_retry_after_date_in_the_past_gets_the_normal_backoff_not_an_immediate_retry() -> None:
    past = email.utils.formatdate(1_000_000_000, usegmt=True)
    decision = decide_for_status(503, {"retry-after": past}, 0, 3, rand=lambda: 0.0)
    assert decision.retry
    assert decision.delay == 0.5
    later = decide_for_status(429, {"retry-after": past}, 2, 3, rand=lambda: 0.0)
    assert later.delay == 2.0


def test_status_decisions() -> None:
    assert decide_for_status(503, {}, 0, 3, rand=lambda: 0.0).delay == 0.5
    assert not decide_for_status(503, {}, 3, 3).retry
    assert not decide_for_status(400, {}, 0, 3).retry
    assert not decide_for_status(501, {}, 0, 3).retry
    assert decide_for_status(400, {"x-should-retry": "true"}, 0, 3).retry
    assert not decide_for_status(503, {"x-should-retry": "false"}, 0, 3).retry
    too_long = decide_for_status(429, {"retry-after": "61"}, 0, 3)
    assert too_long.retry_after_too_long and too_long.retry_after == 61.0
    assert decide_for_status(429, {"retry-after": "60"}, 0, 3).delay == 60.0
    # A wait that would end past the call's deadline is not started.
    assert not decide_for_status(503, {"retry-after": "5"}, 0, 3, time_left=4.0).retry


def test_transport_error_decisions() -> None:
    assert decide_for_transport_error(
        sent=False, replay_safe=False, retries_done=0, max_retries=3
    ).retry
    assert not decide_for_transport_error(
        sent=True, replay_safe=False, retries_done=0, max_retries=3
    ).retry
    assert decide_for_transport_error(
        sent=True, replay_safe=True, retries_done=0, max_retries=3
    ).retry
    assert not decide_for_transport_error(
        sent=False, replay_safe=True, retries_done=3, max_retries=3
    ).retry
