"""The organization family: organizations, billing, the bill-to organization, member caps."""

from .bill_to import AsyncBillTo, AsyncMemberCaps
from .billing import AsyncBilling, AsyncBillingInvoices
from .organizations import AsyncOrganizationMembers, AsyncOrganizations

__all__ = [
    "AsyncBillTo",
    "AsyncBilling",
    "AsyncBillingInvoices",
    "AsyncMemberCaps",
    "AsyncOrganizationMembers",
    "AsyncOrganizations",
]
