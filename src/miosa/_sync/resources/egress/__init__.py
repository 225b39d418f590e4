# This file was generated from
#   src/miosa/_async/resources/egress/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The egress family: ``client.secrets``, ``client.network`` and ``client.audit``."""

from .audit import EgressAudit, EgressAuditTail
from .network import EgressNetwork
from .secrets import EgressSecrets

__all__ = ["EgressAudit", "EgressAuditTail", "EgressNetwork", "EgressSecrets"]
