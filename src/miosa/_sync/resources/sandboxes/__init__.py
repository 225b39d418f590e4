# This file was generated from
#   src/miosa/_async/resources/sandboxes/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The sandbox family: ``client.sandboxes`` and the `Sandbox` handle with its sub-resources.

Modules: `collection` (``Sandboxes``, the collection), `handle` (``Sandbox``), one module
per sub-resource of the handle (`exec`, `files`, `env`, `processes` ...), `templates`
(``client.sandbox_templates``) and `_base` (what several of them share).
"""

from .collection import Sandboxes
from .env import SandboxEnv
from .events import SandboxEvents
from .exec import SandboxExec
from .exports import SandboxExports
from .files import SandboxFiles
from .handle import Sandbox
from .logs import SandboxLogs
from .previews import SandboxPreviews
from .processes import SandboxProcesses
from .shares import SandboxShares
from .snapshots import SandboxSnapshots
from .tags import SandboxTags
from .templates import SandboxTemplates
from .terminal import SandboxTerminal

__all__ = [
    "Sandbox",
    "SandboxEnv",
    "SandboxEvents",
    "SandboxExec",
    "SandboxExports",
    "SandboxFiles",
    "SandboxLogs",
    "SandboxPreviews",
    "SandboxProcesses",
    "SandboxShares",
    "SandboxSnapshots",
    "SandboxTags",
    "SandboxTemplates",
    "SandboxTerminal",
    "Sandboxes",
]
