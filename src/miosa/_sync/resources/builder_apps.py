# This file was generated from
#   src/miosa/_async/resources/builder_apps.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Builder apps (``/builder/apps``): the durable document a Builder session produces, its
candidate releases and approvals, the published release, its workspace and runtime data
planes, and its automation runs.

Lists answer ``data`` with a sibling ``total``; they come back as a page whose ``total``
keeps the count. The body of a write is the mapping given (``fields``), sent as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import route
from ..._groups.platform import query_with
from ...types.builder_apps import (
    AutomationRun,
    BuilderApp,
    BuilderAppApproval,
    BuilderAppCandidate,
    BuilderAppComponent,
    BuilderAppDiagnostics,
    BuilderAppPublication,
    BuilderAppRecord,
    BuilderAppRuntimeBinding,
    BuilderAppRuntimeToken,
)
from .._resource import APIResource

if TYPE_CHECKING:
    from ..._pager import Page


def _app(app_id: str) -> str:
    return route("/builder/apps/{app_id}", app_id=app_id)


def _data(app_id: str, collection: str, *, runtime: bool = False) -> str:
    plane = "/runtime/data/{collection}" if runtime else "/data/{collection}"
    return _app(app_id) + route(plane, collection=collection)


def _body(fields: Mapping[str, Any] | None) -> dict[str, Any]:
    """The write body: the given fields, None values left out."""
    return {k: v for k, v in (fields or {}).items() if v is not None}


class BuilderApps(APIResource):
    """``client.builder_apps``: generated apps and their exact-release state."""

    # -- app documents -----------------------------------------------------------------

    def list(
        self, *, extra: Mapping[str, Any] | None = None, **options: Unpack[RequestOptions]
    ) -> Page[BuilderApp]:
        """Builder apps, with the ``total`` count. ``GET /builder/apps``.

        ``extra`` adds query parameters (filters), sent as given.
        """
        return self._page(
            "/builder/apps",
            BuilderApp,
            params=query_with(extra),
            keys=("data", "apps"),
            options=options,
        )

    def create(
        self,
        fields: Mapping[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BuilderApp:
        """Create an app document. ``POST /builder/apps``."""
        return self._object(
            "POST",
            "/builder/apps",
            BuilderApp,
            json=_body(fields),
            idempotency_key=idempotency_key,
            options=options,
        )

    def get(self, app_id: str, **options: Unpack[RequestOptions]) -> BuilderApp:
        """One app document. ``GET /builder/apps/{app_id}``."""
        return self._object("GET", _app(app_id), BuilderApp, options=options)

    def update(
        self,
        app_id: str,
        fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BuilderApp:
        """Change an app document. ``PATCH /builder/apps/{app_id}``."""
        return self._object("PATCH", _app(app_id), BuilderApp, json=_body(fields), options=options)

    def delete(self, app_id: str, **options: Unpack[RequestOptions]) -> None:
        """Archive an app document. ``DELETE /builder/apps/{app_id}``."""
        self._none("DELETE", _app(app_id), options=options)

    def diagnostics(self, app_id: str, **options: Unpack[RequestOptions]) -> BuilderAppDiagnostics:
        """Whether the app is ready to release, and why not.

        ``GET /builder/apps/{app_id}/diagnostics``.
        """
        return self._object(
            "GET", _app(app_id) + "/diagnostics", BuilderAppDiagnostics, options=options
        )

    def component(
        self, app_id: str, name: str, **options: Unpack[RequestOptions]
    ) -> BuilderAppComponent:
        """One generated component. ``GET /builder/apps/{app_id}/components/{name}``."""
        path = _app(app_id) + route("/components/{name}", name=name)
        return self._object("GET", path, BuilderAppComponent, options=options)

    # -- releases, approvals, runtime ----------------------------------------------------

    def stage_candidate(
        self,
        app_id: str,
        fields: Mapping[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BuilderAppCandidate:
        """Build a candidate release from the app. ``POST /builder/apps/{app_id}/candidates``."""
        return self._object(
            "POST",
            _app(app_id) + "/candidates",
            BuilderAppCandidate,
            json=_body(fields),
            idempotency_key=idempotency_key,
            options=options,
        )

    def approve(
        self,
        app_id: str,
        fields: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> BuilderAppApproval:
        """Record an approval of a release. ``POST /builder/apps/{app_id}/approvals``."""
        return self._object(
            "POST",
            _app(app_id) + "/approvals",
            BuilderAppApproval,
            json=_body(fields),
            options=options,
        )

    def revoke_approval(
        self, app_id: str, approval_id: str, **options: Unpack[RequestOptions]
    ) -> BuilderAppApproval:
        """Revoke an approval.

        ``POST /builder/apps/{app_id}/approvals/{approval_id}/revoke``.
        """
        path = _app(app_id) + route("/approvals/{approval_id}/revoke", approval_id=approval_id)
        return self._object("POST", path, BuilderAppApproval, options=options)

    def publish(self, app_id: str, **options: Unpack[RequestOptions]) -> BuilderAppPublication:
        """Publish the approved release. ``POST /builder/apps/{app_id}/publish``.

        Without an approved candidate this is a `ConflictError`.
        """
        return self._object(
            "POST", _app(app_id) + "/publish", BuilderAppPublication, options=options
        )

    def runtime_token(
        self, app_id: str, **options: Unpack[RequestOptions]
    ) -> BuilderAppRuntimeToken:
        """Mint an app callback token. ``POST /builder/apps/{app_id}/runtime-token``."""
        return self._object(
            "POST", _app(app_id) + "/runtime-token", BuilderAppRuntimeToken, options=options
        )

    def runtime_binding(
        self, app_id: str, binding_id: str, **options: Unpack[RequestOptions]
    ) -> BuilderAppRuntimeBinding:
        """Resolve one binding of the published release.

        ``GET /builder/apps/{app_id}/runtime/bindings/{binding_id}``.
        """
        path = _app(app_id) + route("/runtime/bindings/{binding_id}", binding_id=binding_id)
        return self._object("GET", path, BuilderAppRuntimeBinding, options=options)

    # -- the workspace data plane ----------------------------------------------------

    def list_data(
        self,
        app_id: str,
        collection: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[BuilderAppRecord]:
        """A collection's workspace records, with the ``total`` count.

        ``GET /builder/apps/{app_id}/data/{collection}``; ``extra`` adds filters.
        """
        return self._page(
            _data(app_id, collection),
            BuilderAppRecord,
            params=query_with(extra),
            keys=("data",),
            options=options,
        )

    def get_data(
        self, app_id: str, collection: str, key: str, **options: Unpack[RequestOptions]
    ) -> BuilderAppRecord:
        """One workspace record. ``GET /builder/apps/{app_id}/data/{collection}/{key}``."""
        path = _data(app_id, collection) + route("/{key}", key=key)
        return self._object("GET", path, BuilderAppRecord, options=options)

    def put_data(
        self,
        app_id: str,
        collection: str,
        key: str,
        fields: Mapping[str, Any],
        **options: Unpack[RequestOptions],
    ) -> BuilderAppRecord:
        """Write one workspace record (its fields are the body).

        ``PUT /builder/apps/{app_id}/data/{collection}/{key}``.
        """
        path = _data(app_id, collection) + route("/{key}", key=key)
        return self._object("PUT", path, BuilderAppRecord, json=_body(fields), options=options)

    def delete_data(
        self, app_id: str, collection: str, key: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete one workspace record.

        ``DELETE /builder/apps/{app_id}/data/{collection}/{key}``.
        """
        self._none("DELETE", _data(app_id, collection) + route("/{key}", key=key), options=options)

    # -- the runtime data plane (pinned to the published release) --------------------

    def list_runtime_data(
        self,
        app_id: str,
        collection: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[BuilderAppRecord]:
        """A collection's runtime records, with the ``total`` count.

        ``GET /builder/apps/{app_id}/runtime/data/{collection}``; ``extra`` adds filters.
        """
        return self._page(
            _data(app_id, collection, runtime=True),
            BuilderAppRecord,
            params=query_with(extra),
            keys=("data",),
            options=options,
        )

    def get_runtime_data(
        self, app_id: str, collection: str, key: str, **options: Unpack[RequestOptions]
    ) -> BuilderAppRecord:
        """One runtime record.

        ``GET /builder/apps/{app_id}/runtime/data/{collection}/{key}``.
        """
        path = _data(app_id, collection, runtime=True) + route("/{key}", key=key)
        return self._object("GET", path, BuilderAppRecord, options=options)

    def put_runtime_data(
        self,
        app_id: str,
        collection: str,
        key: str,
        fields: Mapping[str, Any],
        **options: Unpack[RequestOptions],
    ) -> BuilderAppRecord:
        """Write one runtime record (its fields are the body).

        ``PUT /builder/apps/{app_id}/runtime/data/{collection}/{key}``.
        """
        path = _data(app_id, collection, runtime=True) + route("/{key}", key=key)
        return self._object("PUT", path, BuilderAppRecord, json=_body(fields), options=options)

    def delete_runtime_data(
        self, app_id: str, collection: str, key: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete one runtime record.

        ``DELETE /builder/apps/{app_id}/runtime/data/{collection}/{key}``.
        """
        path = _data(app_id, collection, runtime=True) + route("/{key}", key=key)
        self._none("DELETE", path, options=options)

    # -- automation runs -------------------------------------------------------------------

    def list_automation_runs(
        self,
        app_id: str,
        *,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[AutomationRun]:
        """The app's automation runs, with the ``total`` count.

        ``GET /builder/apps/{app_id}/automation-runs``; ``extra`` adds filters.
        """
        return self._page(
            _app(app_id) + "/automation-runs",
            AutomationRun,
            params=query_with(extra),
            keys=("data",),
            options=options,
        )

    def run_automation(
        self,
        app_id: str,
        automation_id: str,
        fields: Mapping[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AutomationRun:
        """Start a run of an automation.

        ``POST /builder/apps/{app_id}/automations/{automation_id}/runs``.
        """
        path = _app(app_id) + route(
            "/automations/{automation_id}/runs", automation_id=automation_id
        )
        return self._object(
            "POST",
            path,
            AutomationRun,
            json=_body(fields),
            idempotency_key=idempotency_key,
            options=options,
        )

    def _run_step(
        self, app_id: str, run_id: str, verb: str, fields: Mapping[str, Any] | None
    ) -> AutomationRun:
        path = _app(app_id) + route("/automation-runs/{run_id}", run_id=run_id) + "/" + verb
        return self._object("POST", path, AutomationRun, json=_body(fields))

    def claim_automation_run(
        self, app_id: str, run_id: str, fields: Mapping[str, Any] | None = None
    ) -> AutomationRun:
        """Claim a queued run's next step (a run already claimed is a `ConflictError`).

        ``POST /builder/apps/{app_id}/automation-runs/{run_id}/claim``.
        """
        return self._run_step(app_id, run_id, "claim", fields)

    def complete_automation_run(
        self, app_id: str, run_id: str, fields: Mapping[str, Any] | None = None
    ) -> AutomationRun:
        """Complete a claimed step.

        ``POST /builder/apps/{app_id}/automation-runs/{run_id}/complete``.
        """
        return self._run_step(app_id, run_id, "complete", fields)

    def fail_automation_run(
        self, app_id: str, run_id: str, fields: Mapping[str, Any] | None = None
    ) -> AutomationRun:
        """Fail a claimed step. ``POST /builder/apps/{app_id}/automation-runs/{run_id}/fail``."""
        return self._run_step(app_id, run_id, "fail", fields)
