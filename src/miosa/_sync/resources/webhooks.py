# This file was generated from
#   src/miosa/_async/resources/webhooks.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Webhook endpoints and deliveries: ``/webhooks``."""

from __future__ import annotations

from .._resource import APIResource


class Webhooks(APIResource):
    """Webhook endpoints and deliveries: ``/webhooks``."""
