"""The sandbox family: the collection, the handle and the handle's sub-resources."""

from .collection import AsyncSandbox, AsyncSandboxes
from .templates import AsyncSandboxTemplates

__all__ = ["AsyncSandbox", "AsyncSandboxes", "AsyncSandboxTemplates"]
