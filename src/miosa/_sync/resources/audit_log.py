# This file was generated from
#   src/miosa/_async/resources/audit_log.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The audit log: ``/audit-log``."""

from __future__ import annotations

from .._resource import APIResource


class AuditLog(APIResource):
    """The audit log: ``/audit-log``."""
