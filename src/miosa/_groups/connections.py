"""Pure helpers for sign-ins and connections: the plan names and what a sign-in's end means."""

from __future__ import annotations

from .._core.waiters import WaitTarget

SIGNIN_WAIT = WaitTarget.of(
    "sign-in", ready=("succeeded",), failed=("failed", "expired", "cancelled", "canceled")
)
DEFAULT_SIGNIN_TIMEOUT = 15 * 60.0
"""A sign-in session lives 15 minutes; waiting longer cannot help."""
DEFAULT_SIGNIN_POLL_INTERVAL = 2.0
