"""A project's services (``/projects/{id}/services`` and the flat ``/services/{id}``),
their releases (``/service-deployments/{id}``), variables, build logs, domains, public
address, previews, log drains, password protection and WAF."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, Literal

from ...._concurrency import asleep
from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ...._core.waiters import Poller
from ...._groups.projects import (
    RELEASE_LIVE,
    build_log_query,
    capabilities_by_setting,
    domains_reply,
    object_or_empty,
    release_failure,
    service_kind,
    variable_names,
    with_shape,
)
from ....types.project_services import (
    BuildLogPage,
    EffectiveVariables,
    LogDrain,
    LogDrainTest,
    PreviewSettings,
    PublicAddress,
    ReleaseEvent,
    RevealedVariable,
    Service,
    ServiceConnection,
    ServiceDomain,
    ServiceDomains,
    ServiceMetrics,
    ServiceProtection,
    ServiceRelease,
    ServiceRun,
    ServiceStopResult,
    ServiceVariable,
    ServiceWaf,
    ShareLink,
    SourceUpload,
)
from ..._resource import AsyncAPIResource
from .projects import variables_body

ServiceType = Literal["web", "private", "worker", "static", "cron", "database"]


def _service_path(service_id: str) -> str:
    return route("/services/{service_id}", service_id=service_id)


def _release_path(release_id: str) -> str:
    return route("/service-deployments/{release_id}", release_id=release_id)


def _nested(project_id: str, service_id: str) -> str:
    return route(
        "/projects/{project_id}/services/{service_id}",
        project_id=project_id,
        service_id=service_id,
    )


def _drains(project_id: str, environment_id: str) -> str:
    return route(
        "/projects/{project_id}/environments/{environment_id}/log-drains",
        project_id=project_id,
        environment_id=environment_id,
    )


class AsyncServices(AsyncAPIResource):
    """``client.services``: the apps a project runs.

    A service is addressed by its id alone (keep the id ``create`` or ``list`` returns).
    Reads need ``projects:read``, writes ``projects:write``; variables need ``env:read``
    and ``env:write``, and revealing a value ``env:reveal`` on a person's own key.
    """

    # -- the collection --------------------------------------------------------

    async def list(
        self, project_id: str, *, environment: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[Service]:
        """A project's services in one environment (name or id; the default without it).

        ``GET /projects/{project_id}/services``.
        """
        return await self._list(
            "GET",
            route("/projects/{project_id}/services", project_id=project_id),
            Service,
            params=query(env=environment),
            keys=("data", "items", "services"),
            options=options,
        )

    async def get(self, service_id: str, **options: Unpack[RequestOptions]) -> Service:
        """Fetch one service. ``GET /services/{service_id}``.

        ``pending_changes`` is set when a variable write left the running release stale.
        """
        return await self._object("GET", _service_path(service_id), Service, options=options)

    async def create(
        self,
        project_id: str,
        name: str,
        *,
        type: ServiceType | None = None,  # noqa: A002 - the product's word for it
        kind: str | None = None,
        slug: str | NotGiven = NOT_GIVEN,
        source: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        build: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        settings: Mapping[str, Any] | None = None,
        template_ref: str | NotGiven = NOT_GIVEN,
        environment: str | None = None,
        shape: str | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Service:
        """Create a service. ``POST /projects/{project_id}/services``.

        Args:
            type: The product type; ``web`` and ``private`` are both sent as kind
                ``server``. Without ``type`` or ``kind`` the service is a web service.
            kind: The API kind (``server``, ``worker``, ``cron``, ``static``,
                ``database``); wins over ``type``.
            source: Where the code comes from, e.g. ``{"type": "git", "ref": url}``,
                ``{"type": "image", "ref": "nginx:1"}`` or ``{"type": "upload",
                "upload_id": ...}`` (see `create_source_upload`).
            settings: ``start_command``, ``replicas`` and the other service settings.
            environment: Environment name or id; the project's default without it.
            shape: A dedicated size, stored as ``settings["shape"]``.
        """
        payload = body(
            name=name,
            kind=service_kind(type, kind),
            slug=slug,
            source=source,
            build=build,
            settings=with_shape(None if settings is None else dict(settings), shape) or NOT_GIVEN,
            template_ref=template_ref,
        )
        return await self._object(
            "POST",
            route("/projects/{project_id}/services", project_id=project_id),
            Service,
            params=query(env=environment),
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def update(
        self,
        service_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        source: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        settings: Mapping[str, Any] | None = None,
        lock_version: int | NotGiven | None = NOT_GIVEN,
        shape: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Service:
        """Change a service. ``PATCH /services/{service_id}``.

        ``settings`` is merged into the stored settings; a None value removes a key.
        Send back the ``lock_version`` you read: if someone changed the service since,
        the API answers a `ConflictError` (``STALE_SERVICE``) instead of overwriting
        (None, like omitting it, skips the check).
        """
        merged = with_shape(None if settings is None else dict(settings), shape)
        payload = body(
            name=name,
            source=source,
            settings=NOT_GIVEN if merged is None else merged,
            lock_version=NOT_GIVEN if lock_version is None else lock_version,
        )
        return await self._object(
            "PATCH", _service_path(service_id), Service, json=payload, options=options
        )

    async def delete(self, service_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a service; its replicas stop in the background.

        ``DELETE /services/{service_id}``.
        """
        await self._none("DELETE", _service_path(service_id), options=options)

    # -- lifecycle -----------------------------------------------------------

    async def restart(
        self,
        service_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceRelease:
        """Queue a release that restarts the service. ``POST /services/{service_id}/restart``."""
        return await self._object(
            "POST",
            _service_path(service_id) + "/restart",
            ServiceRelease,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def start(
        self,
        service_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceRelease:
        """Start a stopped service. ``POST /services/{service_id}/start``.

        A service already running is a `ConflictError`.
        """
        return await self._object(
            "POST",
            _service_path(service_id) + "/start",
            ServiceRelease,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def stop(self, service_id: str, **options: Unpack[RequestOptions]) -> ServiceStopResult:
        """Stop every active release now. ``POST /services/{service_id}/stop``."""
        return await self._object(
            "POST", _service_path(service_id) + "/stop", ServiceStopResult, options=options
        )

    async def scale(
        self,
        service_id: str,
        *,
        replicas: int | NotGiven = NOT_GIVEN,
        region: str | NotGiven = NOT_GIVEN,
        limits: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceRelease:
        """Change replicas, region or limits, and queue the release that applies them.

        ``POST /services/{service_id}/scale``.
        """
        return await self._object(
            "POST",
            _service_path(service_id) + "/scale",
            ServiceRelease,
            json=body(replicas=replicas, region=region, limits=limits),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def redeploy(
        self,
        service_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceRelease:
        """Queue a release that rebuilds the service's own source.

        ``POST /services/{service_id}/redeploy``.
        """
        return await self._object(
            "POST",
            _service_path(service_id) + "/redeploy",
            ServiceRelease,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def deploy(
        self,
        service_id: str,
        *,
        source: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        message: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceRelease:
        """Queue a release, from the service's source or from ``source`` given here.

        ``POST /services/{service_id}/deployments``; `wait_for_release` waits for it.
        """
        return await self._object(
            "POST",
            _service_path(service_id) + "/deployments",
            ServiceRelease,
            json=body(source=source, message=message),
            idempotency_key=idempotency_key,
            options=options,
        )

    # -- releases --------------------------------------------------------------

    async def releases(
        self, service_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ServiceRelease]:
        """A service's releases, newest first. ``GET /services/{service_id}/deployments``."""
        return await self._list(
            "GET",
            _service_path(service_id) + "/deployments",
            ServiceRelease,
            keys=("data", "items", "deployments"),
            options=options,
        )

    async def release(
        self, service_id: str, release_id: str, **options: Unpack[RequestOptions]
    ) -> ServiceRelease:
        """One release. ``GET /services/{service_id}/deployments/{release_id}``."""
        path = route(
            "/services/{service_id}/deployments/{release_id}",
            service_id=service_id,
            release_id=release_id,
        )
        return await self._object("GET", path, ServiceRelease, options=options)

    async def events(
        self, service_id: str, release_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ReleaseEvent]:
        """Every transition of a release, with the reason of a failure.

        ``GET /services/{service_id}/deployments/{release_id}/events``.
        """
        path = route(
            "/services/{service_id}/deployments/{release_id}/events",
            service_id=service_id,
            release_id=release_id,
        )
        return await self._list(
            "GET", path, ReleaseEvent, keys=("data", "items", "events"), options=options
        )

    async def rollback(
        self,
        release_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceRelease:
        """Serve a release's built image again, with its frozen source and settings.

        ``POST /service-deployments/{release_id}/rollback`` (the API's promote).
        """
        return await self._object(
            "POST",
            _release_path(release_id) + "/rollback",
            ServiceRelease,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def redeploy_release(
        self,
        release_id: str,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceRelease:
        """Build a release's frozen source again.

        ``POST /service-deployments/{release_id}/redeploy``.
        """
        return await self._object(
            "POST",
            _release_path(release_id) + "/redeploy",
            ServiceRelease,
            idempotency_key=idempotency_key,
            options=options,
        )

    async def cancel_release(
        self, release_id: str, **options: Unpack[RequestOptions]
    ) -> ServiceRelease:
        """Cancel a queued or building release (any other state is a `ConflictError`).

        ``POST /service-deployments/{release_id}/cancel``.
        """
        return await self._object(
            "POST", _release_path(release_id) + "/cancel", ServiceRelease, options=options
        )

    async def remove_release(self, release_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove a finished release from the history.

        ``DELETE /service-deployments/{release_id}``.
        """
        await self._none("DELETE", _release_path(release_id), options=options)

    async def wait_for_release(
        self,
        service_id: str,
        release_id: str,
        *,
        timeout: float | None = 600.0,
        poll_interval: float = 3.0,
    ) -> ServiceRelease:
        """Poll a release until it is live (``active`` or ``sleeping``) and return it.

        Polls ``GET /services/{service_id}/deployments/{release_id}``, waiting
        ``poll_interval`` seconds at first and growing by half up to 10 s. Raises
        `miosa.ResourceFailedError` when the release ends ``failed``, ``canceled``,
        ``stopped`` or ``removed`` (the message carries its reason), and
        `miosa.WaitTimeoutError` after ``timeout`` seconds.
        """
        poller = Poller(RELEASE_LIVE, release_id, timeout=timeout, first_delay=poll_interval)
        while True:
            release = await self.release(service_id, release_id)
            delay = poller.next_delay(release.state, detail=release_failure(release.reason))
            if delay is None:
                return release
            await asleep(delay)

    # -- variables -------------------------------------------------------------

    async def variables(
        self, service_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ServiceVariable]:
        """A service's own variables, masked. ``GET /services/{service_id}/variables``."""
        return await self._list(
            "GET",
            _service_path(service_id) + "/variables",
            ServiceVariable,
            keys=("data", "variables"),
            options=options,
        )

    async def set_variables(
        self,
        service_id: str,
        variables: Mapping[str, str] | Sequence[Mapping[str, Any]],
        **options: Unpack[RequestOptions],
    ) -> builtins.list[ServiceVariable]:
        """Set variables; those not named are kept. ``PUT /services/{service_id}/variables``.

        A value may be a reference: ``${{Postgres.DATABASE_URL}}`` (another service),
        ``${{shared.API_BASE}}`` (a shared variable), ``${{NAME}}`` (another variable of
        this service) or ``${{secret(32)}}`` (a generated secret).
        """
        return await self._list(
            "PUT",
            _service_path(service_id) + "/variables",
            ServiceVariable,
            json={"variables": variables_body(variables)},
            keys=("data", "variables"),
            options=options,
        )

    async def delete_variables(
        self, service_id: str, names: str | Sequence[str], **options: Unpack[RequestOptions]
    ) -> None:
        """Delete variables by name (one name, or several); names that do not exist are
        ignored.

        ``DELETE /services/{service_id}/variables/{names}`` (comma-separated).
        """
        path = _service_path(service_id) + "/variables/" + variable_names(names)
        await self._none("DELETE", path, options=options)

    async def effective_variables(
        self, service_id: str, **options: Unpack[RequestOptions]
    ) -> EffectiveVariables:
        """Every variable a deploy would receive, references resolved, values masked.

        ``GET /services/{service_id}/variables/effective``.
        """
        return await self._object(
            "GET",
            _service_path(service_id) + "/variables/effective",
            EffectiveVariables,
            options=options,
        )

    async def reveal_variable(
        self, service_id: str, name: str, **options: Unpack[RequestOptions]
    ) -> RevealedVariable:
        """One value in plaintext; a sealed variable refuses (`PermissionDeniedError`).

        ``GET /services/{service_id}/variables/{name}/reveal``.
        """
        path = route(
            "/services/{service_id}/variables/{name}/reveal", service_id=service_id, name=name
        )
        return await self._object("GET", path, RevealedVariable, options=options)

    # -- build logs ------------------------------------------------------------

    async def build_logs(
        self,
        service_id: str,
        build_id: str = "latest",
        *,
        tail: int | None = None,
        after: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> BuildLogPage:
        """One page of a build's log. ``GET /services/{service_id}/builds/{build_id}/logs``.

        ``build_id`` is a build id or ``latest`` (the build of the current release).
        ``tail`` asks for the last lines (1-2000; 200 when omitted); ``after`` continues
        from a previous page's ``offset`` and wins over ``tail``. A service deployed from
        an image has no build log (`NotFoundError`).
        """
        path = route(
            "/services/{service_id}/builds/{build_id}/logs",
            service_id=service_id,
            build_id=build_id,
        )
        return await self._object(
            "GET", path, BuildLogPage, params=build_log_query(tail, after), options=options
        )

    async def iter_build_logs(
        self,
        service_id: str,
        *,
        build_id: str = "latest",
        tail: int | None = None,
        after: int | None = None,
        poll_interval: float = 2.0,
    ) -> AsyncIterator[BuildLogPage]:
        """Pages of a build's log as they come, until the build completes.

        Each page is one `build_logs` call continuing from the last ``offset``, so no
        connection stays open between pages; stop iterating to stop polling.
        """
        cursor = after
        while True:
            page = await self.build_logs(service_id, build_id=build_id, tail=tail, after=cursor)
            yield page
            if page.complete:
                return
            if page.offset is not None:
                cursor = page.offset
            await asleep(poll_interval)

    # -- custom domains and addresses ----------------------------------------

    async def domains(
        self, project_id: str, service_id: str, **options: Unpack[RequestOptions]
    ) -> ServiceDomains:
        """A service's custom domains and its generated address.

        ``GET /projects/{project_id}/services/{service_id}/domains``.
        """
        return await self._object(
            "GET",
            _nested(project_id, service_id) + "/domains",
            ServiceDomains,
            unwrap=(),
            prepare=domains_reply,
            options=options,
        )

    async def add_domain(
        self,
        project_id: str,
        service_id: str,
        fqdn: str,
        *,
        redirect_policy: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceDomain:
        """Add a custom domain; the reply lists the DNS records to create.

        ``POST /projects/{project_id}/services/{service_id}/domains``. Names under
        ``miosa.ai`` are refused.
        """
        return await self._object(
            "POST",
            _nested(project_id, service_id) + "/domains",
            ServiceDomain,
            json=body(fqdn=fqdn, redirect_policy=redirect_policy),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def verify_domain(
        self, project_id: str, service_id: str, domain_id: str, **options: Unpack[RequestOptions]
    ) -> ServiceDomain:
        """Check a domain's DNS now; the reply is its current status.

        ``POST /projects/{project_id}/services/{service_id}/domains/{domain_id}/verify``.
        """
        path = _nested(project_id, service_id) + route(
            "/domains/{domain_id}/verify", domain_id=domain_id
        )
        return await self._object("POST", path, ServiceDomain, json={}, options=options)

    async def remove_domain(
        self, project_id: str, service_id: str, domain_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Remove a custom domain.

        ``DELETE /projects/{project_id}/services/{service_id}/domains/{domain_id}``.
        """
        path = _nested(project_id, service_id) + route("/domains/{domain_id}", domain_id=domain_id)
        await self._none("DELETE", path, options=options)

    async def enable_public_address(
        self,
        service_id: str,
        *,
        label: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> PublicAddress:
        """Give the service ``<label>.<org>.miosa.app``.

        ``PUT /services/{service_id}/public-address``.
        """
        return await self._object(
            "PUT",
            _service_path(service_id) + "/public-address",
            PublicAddress,
            json=body(label=label),
            options=options,
        )

    async def disable_public_address(
        self, service_id: str, **options: Unpack[RequestOptions]
    ) -> PublicAddress:
        """Remove the public address; the private one stays.

        ``DELETE /services/{service_id}/public-address``.
        """
        return await self._object(
            "DELETE",
            _service_path(service_id) + "/public-address",
            PublicAddress,
            prepare=object_or_empty,
            options=options,
        )

    async def connection(
        self, service_id: str, **options: Unpack[RequestOptions]
    ) -> ServiceConnection:
        """A database service's private and public URLs (they hold its password).

        ``GET /services/{service_id}/connection``.
        """
        return await self._object(
            "GET", _service_path(service_id) + "/connection", ServiceConnection, options=options
        )

    async def runs(
        self, service_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ServiceRun]:
        """A cron service's newest 20 runs. ``GET /services/{service_id}/runs``."""
        return await self._list(
            "GET",
            _service_path(service_id) + "/runs",
            ServiceRun,
            keys=("data", "runs"),
            options=options,
        )

    async def setting_capabilities(
        self, project_id: str, **options: Unpack[RequestOptions]
    ) -> dict[str, dict[str, str]]:
        """What each service setting does today, by setting name: ``enforced``,
        ``stored`` or ``unsupported``.

        ``GET /projects/{project_id}/services/setting-capabilities``.
        """
        path = route("/projects/{project_id}/services/setting-capabilities", project_id=project_id)
        payload, _ = await self._json("GET", path, options=options)
        return capabilities_by_setting(payload)

    async def create_source_upload(
        self,
        *,
        filename: str,
        size: int,
        sha256: str,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SourceUpload:
        """Record a source archive and get the URL to PUT it to. ``POST /uploads``.

        Then deploy with ``source={"type": "upload", "upload_id": upload.id}``.
        """
        return await self._object(
            "POST",
            "/uploads",
            SourceUpload,
            json={"filename": filename, "size": size, "sha256": sha256},
            idempotency_key=idempotency_key,
            options=options,
        )

    async def metrics(
        self,
        project_id: str,
        service_id: str,
        *,
        range: str = "1h",  # noqa: A002 - the query parameter's name
        **options: Unpack[RequestOptions],
    ) -> ServiceMetrics:
        """A service's request, error and latency series over ``range``.

        ``GET /projects/{project_id}/services/{service_id}/metrics/series``.
        """
        return await self._object(
            "GET",
            _nested(project_id, service_id) + "/metrics/series",
            ServiceMetrics,
            params=query(range=range),
            options=options,
        )

    # -- pull-request previews ----------------------------------------------------

    async def previews(
        self, project_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[PreviewSettings]:
        """Pull-request preview settings, one per repository.

        ``GET /projects/{project_id}/previews``.
        """
        return await self._list(
            "GET",
            route("/projects/{project_id}/previews", project_id=project_id),
            PreviewSettings,
            keys=("data", "items", "previews"),
            options=options,
        )

    async def set_preview_settings(
        self,
        project_id: str,
        *,
        repository: str,
        enabled: bool | NotGiven = NOT_GIVEN,
        max_open: int | NotGiven = NOT_GIVEN,
        ttl_hours: int | NotGiven = NOT_GIVEN,
        secret: str | NotGiven = NOT_GIVEN,
        token: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> PreviewSettings:
        """Create or change one repository's preview settings.

        ``PUT /projects/{project_id}/previews``. Only the fields given change, so a
        partial call never switches previews off. ``secret`` and ``token`` are
        write-only; a blank secret keeps the stored one. ``extra`` adds body keys.
        """
        payload = body(
            repository=repository,
            enabled=enabled,
            max_open=max_open,
            ttl_hours=ttl_hours,
            secret=secret,
            token=token,
        )
        return await self._object(
            "PUT",
            route("/projects/{project_id}/previews", project_id=project_id),
            PreviewSettings,
            json=merge(payload, extra),
            options=options,
        )

    async def delete_preview_settings(
        self, project_id: str, preview_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Forget one repository's preview settings.

        ``DELETE /projects/{project_id}/previews/{preview_id}``.
        """
        path = route(
            "/projects/{project_id}/previews/{preview_id}",
            project_id=project_id,
            preview_id=preview_id,
        )
        await self._none("DELETE", path, options=options)

    # -- log drains ----------------------------------------------------------------

    async def log_drains(
        self, project_id: str, environment_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[LogDrain]:
        """An environment's log drains.

        ``GET /projects/{project_id}/environments/{environment_id}/log-drains``.
        """
        return await self._list(
            "GET",
            _drains(project_id, environment_id),
            LogDrain,
            keys=("data", "items", "drains"),
            options=options,
        )

    async def create_log_drain(
        self,
        project_id: str,
        environment_id: str,
        *,
        name: str,
        url: str,
        kind: Literal["http", "syslog"] | NotGiven = NOT_GIVEN,
        sources: Sequence[str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> LogDrain:
        """Forward an environment's logs to ``url``.

        ``POST /projects/{project_id}/environments/{environment_id}/log-drains``.
        ``kind`` is ``http`` (the default) or ``syslog`` (``syslog+tls://host[:port]``).
        An HTTPS drain's reply carries its signing ``secret``, this once.
        """
        payload = body(name=name, url=url, kind=kind, sources=sources)
        return await self._object(
            "POST",
            _drains(project_id, environment_id),
            LogDrain,
            json=merge(payload, extra),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def update_log_drain(
        self,
        project_id: str,
        environment_id: str,
        drain_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        sources: Sequence[str] | NotGiven = NOT_GIVEN,
        state: Literal["active", "paused"] | NotGiven = NOT_GIVEN,
        rotate_secret: bool | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> LogDrain:
        """Change a drain, pause or resume it, or rotate its secret.

        ``PATCH /projects/{project_id}/environments/{environment_id}/log-drains/{drain_id}``.
        """
        payload = body(
            name=name, url=url, sources=sources, state=state, rotate_secret=rotate_secret
        )
        path = _drains(project_id, environment_id) + route("/{drain_id}", drain_id=drain_id)
        return await self._object(
            "PATCH", path, LogDrain, json=merge(payload, extra), options=options
        )

    async def delete_log_drain(
        self, project_id: str, environment_id: str, drain_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a drain.

        ``DELETE /projects/{project_id}/environments/{environment_id}/log-drains/{drain_id}``.
        """
        path = _drains(project_id, environment_id) + route("/{drain_id}", drain_id=drain_id)
        await self._none("DELETE", path, options=options)

    async def test_log_drain(
        self, project_id: str, environment_id: str, drain_id: str, **options: Unpack[RequestOptions]
    ) -> LogDrainTest:
        """Send one signed line now and report whether the endpoint took it.

        ``POST /projects/{project_id}/environments/{environment_id}/log-drains/{drain_id}/test``.
        """
        path = _drains(project_id, environment_id) + route("/{drain_id}/test", drain_id=drain_id)
        return await self._object("POST", path, LogDrainTest, json={}, options=options)

    # -- password protection and WAF ---------------------------------------------

    async def protection(
        self, project_id: str, service_id: str, **options: Unpack[RequestOptions]
    ) -> ServiceProtection:
        """Whether a password stands in front of the service.

        ``GET /projects/{project_id}/services/{service_id}/protection``.
        """
        return await self._object(
            "GET",
            _nested(project_id, service_id) + "/protection",
            ServiceProtection,
            options=options,
        )

    async def set_protection(
        self, project_id: str, service_id: str, password: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Put a password in front of the service; no call ever returns it.

        ``PUT /projects/{project_id}/services/{service_id}/protection``.
        """
        await self._none(
            "PUT",
            _nested(project_id, service_id) + "/protection",
            json={"password": password},
            options=options,
        )

    async def remove_protection(
        self, project_id: str, service_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Remove the password.

        ``DELETE /projects/{project_id}/services/{service_id}/protection``.
        """
        await self._none("DELETE", _nested(project_id, service_id) + "/protection", options=options)

    async def share_link(
        self,
        project_id: str,
        service_id: str,
        *,
        expires_in_s: int | NotGiven = NOT_GIVEN,
        label: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ShareLink:
        """Mint a link that skips the password; its ``msl_...`` token is shown once.

        ``POST /projects/{project_id}/services/{service_id}/share-links``.
        """
        return await self._object(
            "POST",
            _nested(project_id, service_id) + "/share-links",
            ShareLink,
            json=body(expires_in_s=expires_in_s, label=label),
            idempotency_key=idempotency_key,
            options=options,
        )

    async def revoke_share_link(
        self, project_id: str, service_id: str, link_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Revoke one share link.

        ``DELETE /projects/{project_id}/services/{service_id}/share-links/{link_id}``.
        """
        path = _nested(project_id, service_id) + route("/share-links/{link_id}", link_id=link_id)
        await self._none("DELETE", path, options=options)

    async def waf(
        self, project_id: str, service_id: str, **options: Unpack[RequestOptions]
    ) -> ServiceWaf:
        """The service's WAF rules. ``GET /projects/{project_id}/services/{service_id}/waf``."""
        return await self._object(
            "GET", _nested(project_id, service_id) + "/waf", ServiceWaf, options=options
        )

    async def set_waf(
        self,
        project_id: str,
        service_id: str,
        *,
        attack_mode: bool | NotGiven = NOT_GIVEN,
        rate_limit_per_minute: int | NotGiven | None = NOT_GIVEN,
        blocked_ips: Sequence[str] | NotGiven = NOT_GIVEN,
        blocked_countries: Sequence[str] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Change WAF rules; only the keys given change.

        ``PUT /projects/{project_id}/services/{service_id}/waf``.
        ``rate_limit_per_minute=None`` clears the limit. ``extra`` adds body keys.
        """
        payload = body(
            attack_mode=attack_mode,
            rate_limit_per_minute=rate_limit_per_minute,
            blocked_ips=blocked_ips,
            blocked_countries=blocked_countries,
        )
        path = _nested(project_id, service_id) + "/waf"
        await self._none("PUT", path, json=merge(payload, extra), options=options)

    async def remove_waf(
        self, project_id: str, service_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Remove every WAF rule. ``DELETE /projects/{project_id}/services/{service_id}/waf``."""
        await self._none("DELETE", _nested(project_id, service_id) + "/waf", options=options)

    async def set_attack_mode(self, project_id: str, service_id: str, enabled: bool) -> None:
        """Turn attack mode on or off (one WAF field).

        ``PUT /projects/{project_id}/services/{service_id}/waf``.
        """
        await self.set_waf(project_id, service_id, attack_mode=enabled)
