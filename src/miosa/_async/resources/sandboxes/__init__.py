"""The sandbox family: ``client.sandboxes`` and the `AsyncSandbox` handle with its sub-resources.

Modules: `collection` (``AsyncSandboxes``, the collection), `handle` (``AsyncSandbox``), one module
per sub-resource of the handle (`exec`, `files`, `env`, `processes` ...), `templates`
(``client.sandbox_templates``) and `_base` (what several of them share).
"""

from .collection import AsyncSandboxes
from .env import AsyncSandboxEnv
from .events import AsyncSandboxEvents
from .exec import AsyncSandboxExec
from .exports import AsyncSandboxExports
from .files import AsyncSandboxFiles
from .handle import AsyncSandbox
from .logs import AsyncSandboxLogs
from .previews import AsyncSandboxPreviews
from .processes import AsyncSandboxProcesses
from .shares import AsyncSandboxShares
from .snapshots import AsyncSandboxSnapshots
from .tags import AsyncSandboxTags
from .templates import AsyncSandboxTemplates
from .terminal import AsyncSandboxTerminal

__all__ = [
    "AsyncSandbox",
    "AsyncSandboxEnv",
    "AsyncSandboxEvents",
    "AsyncSandboxExec",
    "AsyncSandboxExports",
    "AsyncSandboxFiles",
    "AsyncSandboxLogs",
    "AsyncSandboxPreviews",
    "AsyncSandboxProcesses",
    "AsyncSandboxShares",
    "AsyncSandboxSnapshots",
    "AsyncSandboxTags",
    "AsyncSandboxTemplates",
    "AsyncSandboxTerminal",
    "AsyncSandboxes",
]
