# This file was generated from
#   src/miosa/_async/resources/sandboxes/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The sandbox family: ``client.sandboxes`` and the `Sandbox` handle with its sub-resources.

Modules: `collection` (``Sandboxes``, the collection), `handle` (``Sandbox``), one module
per sub-resource of the handle (`exec`, `files`, `env`, `processes` ...), `templates`
(``client.sandbox_templates``) and `_base` (what several of them share). The sub-resource modules
load on first use (``sandbox.exec`` imports `exec`), and so do their re-exports here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .collection import Sandboxes
from .handle import Sandbox
from .templates import SandboxTemplates

if TYPE_CHECKING:
    from .code import CodeContext, SandboxCode
    from .connectors import SandboxConnectors
    from .egress import SandboxAudit, SandboxNetwork, SandboxSecrets
    from .env import SandboxEnv
    from .events import SandboxEvents
    from .exec import SandboxExec
    from .exports import SandboxExports
    from .files import SandboxFiles
    from .git import SandboxGit
    from .logs import SandboxLogs
    from .previews import SandboxPreviews
    from .processes import SandboxProcesses
    from .shares import SandboxShares
    from .snapshots import SandboxSnapshots
    from .tags import SandboxTags
    from .terminal import SandboxTerminal, Terminal

_LAZY = {
    "CodeContext": ".code",
    "SandboxCode": ".code",
    "SandboxAudit": ".egress",
    "SandboxConnectors": ".connectors",
    "SandboxEnv": ".env",
    "SandboxEvents": ".events",
    "SandboxExec": ".exec",
    "SandboxExports": ".exports",
    "SandboxFiles": ".files",
    "SandboxGit": ".git",
    "SandboxLogs": ".logs",
    "SandboxNetwork": ".egress",
    "SandboxPreviews": ".previews",
    "SandboxProcesses": ".processes",
    "SandboxSecrets": ".egress",
    "SandboxShares": ".shares",
    "SandboxSnapshots": ".snapshots",
    "SandboxTags": ".tags",
    "SandboxTerminal": ".terminal",
    "Terminal": ".terminal",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CodeContext",
    "Sandbox",
    "SandboxAudit",
    "SandboxCode",
    "SandboxConnectors",
    "SandboxEnv",
    "SandboxEvents",
    "SandboxExec",
    "SandboxExports",
    "SandboxFiles",
    "SandboxGit",
    "SandboxLogs",
    "SandboxNetwork",
    "SandboxPreviews",
    "SandboxProcesses",
    "SandboxSecrets",
    "SandboxShares",
    "SandboxSnapshots",
    "SandboxTags",
    "SandboxTemplates",
    "SandboxTerminal",
    "Sandboxes",
    "Terminal",
]
