"""The egress family: ``client.secrets``, ``client.network`` and ``client.audit``."""

from .audit import AsyncEgressAudit, AsyncEgressAuditTail
from .network import AsyncEgressNetwork
from .secrets import AsyncEgressSecrets

__all__ = ["AsyncEgressAudit", "AsyncEgressAuditTail", "AsyncEgressNetwork", "AsyncEgressSecrets"]
