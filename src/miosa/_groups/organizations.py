"""Pure helpers for the organization groups: billing's wire names and bill-to headers."""

from __future__ import annotations

from typing import Any, Final

from .._core.request import NOT_GIVEN, NotGiven

BILL_TO_HEADER: Final = "X-Miosa-Bill-To"

# ``/billing/settings`` field -> the plain word `AutoReload` uses.
_AUTO_RELOAD_NAMES: Final = {
    "auto_recharge_requested": "requested",
    "auto_recharge_enabled": "enabled",
    "auto_recharge_threshold_credits": "threshold_credits",
    "auto_recharge_amount_credits": "amount_credits",
    "auto_recharge_monthly_cap_credits": "monthly_cap_credits",
    "auto_recharge_monthly_spent_credits": "monthly_spent_credits",
    "auto_recharge_monthly_remaining_credits": "monthly_remaining_credits",
    "auto_recharge_payment_ready": "card_ready",
}


def auto_reload(payload: Any) -> Any:
    """``/billing/settings`` as `AutoReload` reads it: ``auto_recharge_*`` renamed."""
    if not isinstance(payload, dict):
        return payload
    return {_AUTO_RELOAD_NAMES.get(k, k): v for k, v in payload.items()}


def auto_reload_body(
    enabled: bool | NotGiven,
    threshold_credits: int | NotGiven,
    amount_credits: int | NotGiven,
    monthly_cap_credits: int | NotGiven,
) -> dict[str, object]:
    """The ``PUT /billing/settings`` body: only the settings given, in wire names."""
    given = {
        "auto_recharge_enabled": enabled,
        "auto_recharge_threshold_credits": threshold_credits,
        "auto_recharge_amount_credits": amount_credits,
        "auto_recharge_monthly_cap_credits": monthly_cap_credits,
    }
    return {k: v for k, v in given.items() if v is not NOT_GIVEN}


def bill_to_headers(bill_to: str | None) -> dict[str, str] | None:
    """The per-request bill-to override header, when one is asked for."""
    return None if bill_to is None else {BILL_TO_HEADER: bill_to}


def members_of(payload: Any) -> Any:
    """A member-caps reply's member list, whether bare, under ``data`` or ``data.members``."""
    if isinstance(payload, dict):
        inner = payload.get("data", payload)
        if isinstance(inner, dict):
            return inner.get("members", [])
        return inner
    return payload
