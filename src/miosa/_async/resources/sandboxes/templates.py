"""Tenant sandbox templates and their builds: ``/sandbox-templates``.

A build spec's keys are camelCase on the wire (``memoryMib``, ``startCmd`` ...); the
snake_case spellings (``memory_mib``, ``start_cmd`` ...) are accepted and translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, query, route
from ...._core.responses import unwrap_object
from ...._groups.sandbox import build_spec_payload
from ....types.sandbox_templates import (
    BuildSpecValidation,
    SandboxTemplate,
    SandboxTemplateBuild,
)
from ..._resource import AsyncAPIResource


def _template_path(template_id: str) -> str:
    return route("/sandbox-templates/{template_id}", template_id=template_id)


def _spec(build_spec: Mapping[str, Any] | NotGiven) -> object:
    return build_spec if isinstance(build_spec, NotGiven) else build_spec_payload(build_spec)


class AsyncSandboxTemplates(AsyncAPIResource):
    """``client.sandbox_templates``: templates sandboxes start from, and their builds."""

    async def get(self, template_id: str, **options: Unpack[RequestOptions]) -> SandboxTemplate:
        """One template (built-in ids such as ``"miosa-sandbox"`` work).

        ``GET /sandbox-templates/{template_id}``.
        """
        return await self._object(
            "GET", _template_path(template_id), SandboxTemplate, options=options
        )

    async def create(
        self,
        *,
        name: str,
        slug: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        build_spec: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SandboxTemplate:
        """Create a template from a build spec (``{"from": "python:3.12", ...}``).

        ``POST /sandbox-templates``.
        """
        payload = body(
            name=name,
            slug=slug,
            description=description,
            build_spec=_spec(build_spec),
            metadata=metadata,
        )
        return await self._object(
            "POST",
            "/sandbox-templates",
            SandboxTemplate,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def build_spec_schema(self, **options: Unpack[RequestOptions]) -> dict[str, Any]:
        """The JSON schema of build specs. ``GET /sandbox-templates/build-spec``."""
        payload, _ = await self._json("GET", "/sandbox-templates/build-spec", options=options)
        schema = unwrap_object(payload, ())
        return schema if isinstance(schema, dict) else {}

    async def validate(
        self, build_spec: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> BuildSpecValidation:
        """Check a build spec without building it. ``POST /sandbox-templates/validate``."""
        return await self._object(
            "POST",
            "/sandbox-templates/validate",
            BuildSpecValidation,
            json={"build_spec": build_spec_payload(build_spec)},
            options=options,
        )

    async def list_builds(
        self, template_id: str, **options: Unpack[RequestOptions]
    ) -> list[SandboxTemplateBuild]:
        """A template's builds. ``GET /sandbox-templates/{template_id}/builds``."""
        return await self._list(
            "GET",
            _template_path(template_id) + "/builds",
            SandboxTemplateBuild,
            keys=("data", "items", "builds"),
            options=options,
        )

    async def create_build(
        self,
        template_id: str,
        *,
        build_spec: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        metadata: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SandboxTemplateBuild:
        """Start a build (of ``build_spec``, else the template's own).

        ``POST /sandbox-templates/{template_id}/builds``.
        """
        return await self._object(
            "POST",
            _template_path(template_id) + "/builds",
            SandboxTemplateBuild,
            json=body(build_spec=_spec(build_spec), metadata=metadata),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def get_build(
        self, build_id: str, **options: Unpack[RequestOptions]
    ) -> SandboxTemplateBuild:
        """One build. ``GET /sandbox-template-builds/{build_id}``."""
        return await self._object(
            "GET",
            route("/sandbox-template-builds/{build_id}", build_id=build_id),
            SandboxTemplateBuild,
            options=options,
        )

    async def list(
        self, *, include_aliases: bool | None = None, **options: Unpack[RequestOptions]
    ) -> list[SandboxTemplate]:
        """Built-in and tenant templates. ``GET /sandbox-templates``."""
        return await self._list(
            "GET",
            "/sandbox-templates",
            SandboxTemplate,
            params=query(include_aliases=True if include_aliases else None),
            keys=("data", "items", "templates"),
            options=options,
        )
