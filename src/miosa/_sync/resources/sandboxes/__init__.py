# This file was generated from
#   src/miosa/_async/resources/sandboxes/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The sandbox family: the collection, the handle and the handle's sub-resources."""

from .collection import Sandbox, Sandboxes
from .templates import SandboxTemplates

__all__ = ["Sandbox", "Sandboxes", "SandboxTemplates"]
