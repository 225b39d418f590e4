"""Models of MCP tool servers (``/mcp-servers``), the catalogue of pre-built ones
(``/mcp-catalog``) and the pinned CLI tools (``/cli-tools``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from ._base import Model

__all__ = [
    "CliTool",
    "McpCatalog",
    "McpCatalogEntry",
    "McpCatalogInstall",
    "McpServer",
]


@attrs.frozen(kw_only=True)
class McpServer(Model):
    """A tool server agents can call.

    Secret values given at creation are stored encrypted and never come back; only the
    names under ``secret_headers`` / ``secret_env`` do.
    """

    id: str | None = None
    name: str | None = None
    transport: str | None = None
    workspace_id: str | None = None
    url: str | None = None
    command: str | None = None
    args: tuple[str, ...] | None = None
    headers_template: dict[str, Any] | None = None
    auth: dict[str, Any] | None = None
    tools: Any = None
    metadata: dict[str, Any] | None = None
    secret_headers: Any = None
    secret_env: Any = None
    status: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class McpCatalogEntry(Model):
    """One pre-built tool server; ``added`` lists the servers already installed from it."""

    slug: str | None = None
    name: str | None = None
    description: str | None = None
    category: str | None = None
    methods: Any = None
    added: tuple[Any, ...] | None = None


@attrs.frozen(kw_only=True)
class McpCatalog(Model):
    """``GET /mcp-catalog``: the entries (``data``) with ``total``, ``categories`` and
    ``excluded``."""

    data: tuple[McpCatalogEntry, ...] | None = None
    total: int | None = None
    categories: Any = None
    excluded: Any = None


@attrs.frozen(kw_only=True)
class McpCatalogInstall(Model):
    """``POST /mcp-catalog/{slug}/install``: the server created (``data``) and the names of
    the secrets stored for it."""

    data: McpServer | None = None
    secrets: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
class CliTool(Model):
    """A CLI tool pinned in the platform image that a runtime profile may select."""

    name: str | None = None
    version: str | None = None
    description: str | None = None
