"""How requests are spread over the small httpx pools a client owns."""

from __future__ import annotations

import threading

import pytest

from miosa._core.pool import ShardLoad, shard_limits


@pytest.mark.parametrize(
    ("connections", "keepalive", "expected"),
    [
        (100, 20, [(10, 2)] * 10),
        (1, 1, [(1, 1)]),
        (10, 20, [(10, 20)]),
        (15, 20, [(8, 10), (7, 10)]),
        (101, 20, [(10, 2)] * 2 + [(9, 2)] * 7 + [(9, 1)] * 2),
        (100, 5, [(10, 1)] * 5 + [(10, 0)] * 5),
    ],
)
def test_limits_add_up_to_the_totals_in_pools_of_at_most_ten(
    connections: int, keepalive: int, expected: list[tuple[int, int]]
) -> None:
    limits = shard_limits(connections, keepalive)
    assert [(x.max_connections, x.max_keepalive_connections) for x in limits] == expected
    assert sum(x.max_connections or 0 for x in limits) == connections


def test_the_pool_with_most_free_connections_is_taken_and_the_first_on_a_tie() -> None:
    load = ShardLoad([2, 2, 2])
    assert [load.take() for _ in range(4)] == [0, 1, 2, 0]
    load.put(1)
    assert load.take() == 1
    load.put(0)
    load.put(0)
    assert load.in_flight == (0, 1, 1)
    assert load.take() == 0


def test_a_pool_with_no_free_connection_is_never_taken_while_another_has_one() -> None:
    load = ShardLoad([3, 2])
    picks = [load.take() for _ in range(5)]
    assert sorted(picks) == [0, 0, 0, 1, 1]
    assert load.in_flight == (3, 2)


def test_threads_taking_and_putting_leave_no_load_behind() -> None:
    load = ShardLoad([5, 5, 5, 5])

    def work() -> None:
        for _ in range(2000):
            load.put(load.take())

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert load.in_flight == (0, 0, 0, 0)
