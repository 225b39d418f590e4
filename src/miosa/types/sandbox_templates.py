"""Tenant sandbox templates, their builds, and the product template catalog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import attrs

from ._base import Model, OpenEnum

__all__ = [
    "BuildSpecError",
    "BuildSpecValidation",
    "CatalogTemplate",
    "CatalogTemplateSize",
    "SandboxTemplate",
    "SandboxTemplateBuild",
    "TemplateBuildState",
    "TemplateCatalog",
]


@attrs.frozen(kw_only=True)
class SandboxTemplate(Model):
    """A template sandboxes are created from (``client.sandbox_templates``)."""

    id: str | None = None
    name: str | None = None
    slug: str | None = None
    description: str | None = None
    image_id: str | None = None
    built_in: bool | None = None
    status: str | None = None
    state: str | None = None
    preview_port: int | None = None
    workdir: str | None = None
    install_command: str | None = None
    start_command: str | None = None
    readiness_probe: dict[str, Any] | None = None
    artifact_paths: tuple[str, ...] | None = None
    runtimes: tuple[str, ...] | None = None
    tags: tuple[str, ...] | None = None
    build_spec: dict[str, Any] | None = None
    current_build_id: str | None = None
    metadata: dict[str, Any] | None = None


class TemplateBuildState(OpenEnum):
    QUEUED = "queued"
    BUILDING = "building"
    CERTIFYING = "certifying"
    SNAPSHOTTING = "snapshotting"
    READY = "ready"
    FAILED = "failed"
    CANCELLED = "cancelled"


@attrs.frozen(kw_only=True)
class SandboxTemplateBuild(Model):
    """One build of a template. Both spellings servers use are read: ``sandbox_template_id``
    or ``template_id``, ``error_message`` or ``error``, ``inserted_at`` or ``created_at``."""

    id: str | None = None
    sandbox_template_id: str | None = None
    template_id: str | None = None
    source_type: str | None = None
    state: TemplateBuildState | None = None
    image_id: str | None = None
    rootfs_path: str | None = None
    snapshot_manifest: dict[str, Any] | None = None
    log_url: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    error: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: int | float | None = None
    build_spec: dict[str, Any] | None = None
    inserted_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_finished(self) -> bool:
        """True once the build reached ``ready``, ``failed`` or ``cancelled``."""
        return self.state in ("ready", "failed", "cancelled")


@attrs.frozen(kw_only=True)
class BuildSpecError(Model):
    code: str | None = None
    field: str | None = None
    message: str | None = None


@attrs.frozen(kw_only=True)
class BuildSpecValidation(Model):
    """``POST /sandbox-templates/validate``."""

    valid: bool | None = None
    build_spec: dict[str, Any] | None = None
    errors: tuple[BuildSpecError, ...] = ()


@attrs.frozen(kw_only=True)
class CatalogTemplateSize(Model):
    size: str | None = None
    state: str | None = None


@attrs.frozen(kw_only=True)
class CatalogTemplate(Model):
    """One product template of the catalog (``client.templates.list()``)."""

    id: str | None = None
    name: str | None = None
    product: str | None = None
    default_size: str | None = None
    image_id: str | None = None
    aliases: tuple[str, ...] = ()
    sizes: tuple[CatalogTemplateSize, ...] = ()
    readiness: Any = None
    readiness_contract: Any = None


@attrs.frozen(kw_only=True)
class TemplateCatalog(Model):
    """The whole ``GET /templates`` reply (``client.templates.list()`` gives its templates)."""

    templates: tuple[CatalogTemplate, ...] = ()
    products: tuple[Any, ...] = ()
    sizes: tuple[Any, ...] = ()
    shape_contracts: Any = None
    readiness_states: Any = None
    rules: Any = None

    def __iter__(self) -> Iterator[CatalogTemplate]:
        return iter(self.templates)

    def __len__(self) -> int:
        return len(self.templates)

    def get(self, template_id: str) -> CatalogTemplate | None:
        """The template with this id or alias, if the catalog has it."""
        for template in self.templates:
            if template.id == template_id or template_id in template.aliases:
                return template
        return None

    def for_product(self, product: str) -> list[CatalogTemplate]:
        """The templates of one product (filtered here, as the API has no filter)."""
        return [t for t in self.templates if t.product == product]
