"""The sandbox family: ``client.sandboxes`` and the `AsyncSandbox` handle with its sub-resources.

Modules: `collection` (``AsyncSandboxes``, the collection), `handle` (``AsyncSandbox``), one module
per sub-resource of the handle (`exec`, `files`, `env`, `processes` ...), `templates`
(``client.sandbox_templates``) and `_base` (what several of them share). The sub-resource modules
load on first use (``sandbox.exec`` imports `exec`), and so do their re-exports here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .collection import AsyncSandboxes
from .handle import AsyncSandbox
from .templates import AsyncSandboxTemplates

if TYPE_CHECKING:
    from .code import AsyncCodeContext, AsyncSandboxCode
    from .connectors import AsyncSandboxConnectors
    from .egress import AsyncSandboxAudit, AsyncSandboxNetwork, AsyncSandboxSecrets
    from .env import AsyncSandboxEnv
    from .events import AsyncSandboxEvents
    from .exec import AsyncSandboxExec
    from .exports import AsyncSandboxExports
    from .files import AsyncSandboxFiles
    from .git import AsyncSandboxGit
    from .logs import AsyncSandboxLogs
    from .previews import AsyncSandboxPreviews
    from .processes import AsyncSandboxProcesses
    from .shares import AsyncSandboxShares
    from .snapshots import AsyncSandboxSnapshots
    from .tags import AsyncSandboxTags
    from .terminal import AsyncSandboxTerminal, AsyncTerminal

_LAZY = {
    "AsyncCodeContext": ".code",
    "AsyncSandboxCode": ".code",
    "AsyncSandboxAudit": ".egress",
    "AsyncSandboxConnectors": ".connectors",
    "AsyncSandboxEnv": ".env",
    "AsyncSandboxEvents": ".events",
    "AsyncSandboxExec": ".exec",
    "AsyncSandboxExports": ".exports",
    "AsyncSandboxFiles": ".files",
    "AsyncSandboxGit": ".git",
    "AsyncSandboxLogs": ".logs",
    "AsyncSandboxNetwork": ".egress",
    "AsyncSandboxPreviews": ".previews",
    "AsyncSandboxProcesses": ".processes",
    "AsyncSandboxSecrets": ".egress",
    "AsyncSandboxShares": ".shares",
    "AsyncSandboxSnapshots": ".snapshots",
    "AsyncSandboxTags": ".tags",
    "AsyncSandboxTerminal": ".terminal",
    "AsyncTerminal": ".terminal",
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
    "AsyncCodeContext",
    "AsyncSandbox",
    "AsyncSandboxAudit",
    "AsyncSandboxCode",
    "AsyncSandboxConnectors",
    "AsyncSandboxEnv",
    "AsyncSandboxEvents",
    "AsyncSandboxExec",
    "AsyncSandboxExports",
    "AsyncSandboxFiles",
    "AsyncSandboxGit",
    "AsyncSandboxLogs",
    "AsyncSandboxNetwork",
    "AsyncSandboxPreviews",
    "AsyncSandboxProcesses",
    "AsyncSandboxSecrets",
    "AsyncSandboxShares",
    "AsyncSandboxSnapshots",
    "AsyncSandboxTags",
    "AsyncSandboxTemplates",
    "AsyncSandboxTerminal",
    "AsyncSandboxes",
    "AsyncTerminal",
]
