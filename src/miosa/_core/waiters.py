"""Pure bookkeeping for waiting on a resource's state: backoff, deadline and verdict.

The I/O loop (fetch, decide, sleep) is a few lines in each ``wait_*`` method; this
module decides after each fetch whether to stop, fail or sleep, so the rules live once
and are tested without a network.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import attrs

from ..errors import ResourceFailedError, WaitTimeoutError

DEFAULT_FIRST_DELAY = 1.0
DEFAULT_MAX_DELAY = 10.0
BACKOFF_FACTOR = 1.5


@attrs.frozen
class WaitTarget:
    """What "ready" and "failed" mean for one kind of resource.

    ``ready`` and ``failed`` are sets of wire state values; any other state (including a
    missing one, or one this SDK version does not know) means "keep waiting".
    """

    noun: str
    ready: frozenset[str]
    failed: frozenset[str]

    @classmethod
    def of(cls, noun: str, ready: Iterable[str], failed: Iterable[str]) -> WaitTarget:
        return cls(noun, frozenset(ready), frozenset(failed))


class Poller:
    """Decides, after each fetch, whether the wait is over.

    ``next_delay(state)`` returns None once the state is ready, raises
    `ResourceFailedError` when the state is a failure, raises `WaitTimeoutError` when
    ``timeout`` seconds have passed since the poller was made (``None`` waits forever),
    and otherwise returns how long to sleep before the next fetch: ``first_delay``,
    growing by half each time, capped at ``max_delay`` and at the time left.

    Every SDK ``wait_*`` helper uses it, so they all back off and fail the same way.
    """

    def __init__(
        self,
        target: WaitTarget,
        resource_id: str,
        *,
        timeout: float | None,
        first_delay: float = DEFAULT_FIRST_DELAY,
        max_delay: float = DEFAULT_MAX_DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if timeout is not None and timeout < 0:
            raise ValueError(f"timeout must be >= 0, not {timeout!r}")
        if first_delay < 0:
            raise ValueError(f"poll_interval must be >= 0, not {first_delay!r}")
        self._target = target
        self._id = resource_id
        self._timeout = timeout
        self._delay = first_delay
        self._max_delay = max(max_delay, first_delay)
        self._clock = clock
        self._deadline = None if timeout is None else clock() + timeout
        self.polls = 0

    def _wanted(self) -> str:
        return " or ".join(repr(state) for state in sorted(self._target.ready)) or "a final state"

    def next_delay(self, state: object, *, detail: str | None = None) -> float | None:
        """The verdict on a freshly fetched ``state`` (an enum member, a string or None)."""
        self.polls += 1
        value = None if state is None else str(state)
        noun = self._target.noun
        if value is not None and value in self._target.ready:
            return None
        if value is not None and value in self._target.failed:
            reason = f": {detail}" if detail else ""
            raise ResourceFailedError(
                f"{noun} {self._id} is in state {value!r} and will not reach "
                f"{self._wanted()}{reason}",
                resource_id=self._id,
                state=value,
            )
        delay = self._delay
        if self._deadline is not None:
            left = self._deadline - self._clock()
            if left <= 0:
                raise self.timeout_error(value)
            delay = min(delay, left)
        self._delay = min(self._delay * BACKOFF_FACTOR, self._max_delay)
        return delay

    @property
    def expired(self) -> bool:
        """True once ``timeout`` seconds have passed (never without a timeout)."""
        return self._deadline is not None and self._clock() >= self._deadline

    def timeout_error(self, state: str | None) -> WaitTimeoutError:
        """The error for a wait whose time ran out with ``state`` the last one seen."""
        assert self._timeout is not None
        return WaitTimeoutError(
            f"{self._target.noun} {self._id} did not finish within {self._timeout:g} s "
            f"(waiting for {self._wanted()}; last state: {state}, {self.polls} polls)",
            resource_id=self._id,
            state=state,
            timeout=self._timeout,
            polls=self.polls,
        )
