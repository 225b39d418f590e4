"""``client.billing``: payment methods, invoices and automatic credit top-ups."""

from __future__ import annotations

import builtins
from functools import cached_property
from typing import TYPE_CHECKING

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, query, route
from ...._groups.organizations import auto_reload, auto_reload_body
from ....types.organizations import AutoReload, Invoice, PaymentMethod
from ..._resource import AsyncAPIResource

if TYPE_CHECKING:
    from ...._pager import AsyncPager


class AsyncBillingInvoices(AsyncAPIResource):
    """``client.billing.invoices``: the organization's invoices."""

    def list(
        self, *, limit: int = 20, cursor: str | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncPager[Invoice]:
        """Invoices, newest first. ``GET /billing/invoices``; iterate the page for all."""
        return self._page(
            "/billing/invoices",
            Invoice,
            params=query(limit=limit, cursor=cursor),
            keys=("data", "invoices"),
            options=options,
        )

    async def get(self, invoice_id: str, **options: Unpack[RequestOptions]) -> Invoice:
        """One invoice. ``GET /billing/invoices/{invoice_id}``."""
        path = route("/billing/invoices/{invoice_id}", invoice_id=invoice_id)
        return await self._object("GET", path, Invoice, unwrap=("data", "invoice"), options=options)


class AsyncBilling(AsyncAPIResource):
    """``client.billing``: how the organization pays."""

    @cached_property
    def invoices(self) -> AsyncBillingInvoices:
        """Invoices: ``/billing/invoices``."""
        return AsyncBillingInvoices(self._client)

    async def payment_methods(
        self, **options: Unpack[RequestOptions]
    ) -> builtins.list[PaymentMethod]:
        """Saved cards. ``GET /billing/payment-methods``."""
        return await self._list(
            "GET",
            "/billing/payment-methods",
            PaymentMethod,
            keys=("data", "payment_methods"),
            options=options,
        )

    async def set_default_payment_method(
        self, method_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[PaymentMethod]:
        """Make a card the default; returns the cards after the change.

        ``PUT /billing/payment-methods/{method_id}/default``.
        """
        path = route("/billing/payment-methods/{method_id}/default", method_id=method_id)
        return await self._list(
            "PUT", path, PaymentMethod, json={}, keys=("data", "payment_methods"), options=options
        )

    async def upcoming(self, **options: Unpack[RequestOptions]) -> Invoice:
        """The invoice being built for the current period. ``GET /billing/upcoming``."""
        return await self._object(
            "GET", "/billing/upcoming", Invoice, unwrap=("data", "invoice"), options=options
        )

    async def auto_reload(self, **options: Unpack[RequestOptions]) -> AutoReload:
        """Automatic credit top-ups. ``GET /billing/settings``."""
        return await self._object(
            "GET", "/billing/settings", AutoReload, prepare=auto_reload, options=options
        )

    async def set_auto_reload(
        self,
        *,
        enabled: bool | NotGiven = NOT_GIVEN,
        threshold_credits: int | NotGiven = NOT_GIVEN,
        amount_credits: int | NotGiven = NOT_GIVEN,
        monthly_cap_credits: int | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> AutoReload:
        """Change automatic top-ups; only the settings given change. ``PUT /billing/settings``.

        When the balance falls below ``threshold_credits``, ``amount_credits`` are bought,
        at most ``monthly_cap_credits`` a month. Turning it on without a saved card is
        refused (422, `miosa.ValidationError`, the reason in the message).
        """
        payload = auto_reload_body(enabled, threshold_credits, amount_credits, monthly_cap_credits)
        return await self._object(
            "PUT",
            "/billing/settings",
            AutoReload,
            json=payload,
            prepare=auto_reload,
            options=options,
        )
