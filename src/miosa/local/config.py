"""Settings of one running local server (plain data, no heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .common import MIB

if TYPE_CHECKING:
    from .confine import IsolationMode

SignatureScheme = Literal["sha256", "timestamped"]


@dataclass
class Settings:
    """Everything a request handler may need to know about the server it runs in."""

    api_key: str
    root: Path
    isolation: IsolationMode
    bwrap_path: str | None
    heartbeat_interval: float
    webhook_signature: SignatureScheme
    max_body_bytes: int = 256 * MIB
    unshare_path: str | None = None
    # Per-sandbox limits besides memory (which is the sandbox size's); None: unlimited.
    max_processes: int | None = 1024
    cpu_seconds: int | None = 3600
    exec_default_timeout: float = 60.0
    exec_max_timeout: float = 600.0
    output_cap: int = 8 * MIB
    preview_domain: str = "localhost"
    tenant_id: str = "tnt_local"
    owner_id: str = "usr_local_owner"

    @property
    def sandboxes_dir(self) -> Path:
        """Parent of every sandbox directory."""
        return self.root / "sandboxes"

    @property
    def snapshots_dir(self) -> Path:
        """Parent of every snapshot copy."""
        return self.root / "snapshots"

    @property
    def namespace_root(self) -> Path:
        """An empty directory each user-namespace command mounts its own root on."""
        return self.root / "tmp" / "nsroot"

    @property
    def tmp_dir(self) -> Path:
        """Scratch space for archives being built."""
        return self.root / "tmp"
