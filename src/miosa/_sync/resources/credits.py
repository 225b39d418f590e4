# This file was generated from
#   src/miosa/_async/resources/credits.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Credit balance and transactions: ``/credits``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import query
from ...types.credits import CreditBalance, CreditTransaction, CreditUsage
from .._resource import APIResource

if TYPE_CHECKING:
    from ..._pager import Page


class Credits(APIResource):
    """``client.credits``: the tenant's prepaid credits."""

    def balance(self, **options: Unpack[RequestOptions]) -> CreditBalance:
        """Whole credits left. ``GET /credits/balance`` (a bare object; ``data`` also read).

        ``balance`` and ``balance_credits`` hold the same value (production sends the
        latter, an integer), with ``lifetime_earned`` and ``lifetime_spent``.
        """
        return self._object("GET", "/credits/balance", CreditBalance, options=options)

    def transactions(
        self,
        *,
        page: int | None = None,
        per_page: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[CreditTransaction]:
        """One page of grants and charges. ``GET /credits/transactions``.

        Pages are numbered (``page``, ``per_page``; the reply's ``meta`` has ``total``);
        ``for`` walks the following pages by number.
        """
        params = query(page=page, per_page=per_page)
        return self._page(
            "/credits/transactions",
            CreditTransaction,
            params=params,
            keys=("data", "items"),
            options=options,
        )

    def usage(self, **options: Unpack[RequestOptions]) -> CreditUsage:
        """Credits used in the current period. ``GET /credits/usage``."""
        return self._object("GET", "/credits/usage", CreditUsage, options=options)
