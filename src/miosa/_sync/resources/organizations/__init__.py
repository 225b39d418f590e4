# This file was generated from
#   src/miosa/_async/resources/organizations/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The organization family: organizations, billing, the bill-to organization, member caps."""

from .bill_to import BillTo, MemberCaps
from .billing import Billing, BillingInvoices
from .organizations import OrganizationMembers, Organizations

__all__ = [
    "BillTo",
    "Billing",
    "BillingInvoices",
    "MemberCaps",
    "OrganizationMembers",
    "Organizations",
]
