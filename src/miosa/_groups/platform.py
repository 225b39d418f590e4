"""Pure helpers for the platform groups: deployments, databases, storage and settings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import quote

from .._core.request import NOT_GIVEN, NotGiven, Route, body, filled, query
from .._core.responses import decode_json
from .._core.waiters import WaitTarget
from ..errors import NotFoundError, UnsupportedRouteError
from ..types.sandbox_templates import CatalogTemplate

DEPLOYMENT_READY: Final = WaitTarget.of("deployment", ready={"running"}, failed={"failed"})
VERSION_READY: Final = WaitTarget.of(
    "deployment version", ready={"ready"}, failed={"failed", "archived"}
)
# The contract names no database states; these are the usual spellings (guess).
DATABASE_READY: Final = WaitTarget.of(
    "database", ready={"running", "ready", "available", "active"}, failed={"failed", "error"}
)


def release_promote_key(deployment_id: str, release_id: str) -> str:
    """The contract's deterministic default Idempotency-Key for promoting a release.

    Promoting the same release twice is the same operation, so a repeated call (a retry
    after a timeout, a second click) is recognised by the server as a replay.
    """
    return f"promote:{deployment_id}:{release_id}"


def object_key_path(key: str) -> Route:
    """A storage object key as path segments: each percent-encoded, ``/`` kept.

    Keys such as ``logs/2026/app.txt`` address nested objects, as on S3. A key that is
    empty, starts or ends with ``/``, or has an empty, ``.`` or ``..`` segment is
    refused: URL normalisation would send such a key to a different object.
    """
    segments = key.split("/")
    if not key or any(s in ("", ".", "..") for s in segments):
        raise ValueError(f"invalid object key {key!r}")
    return filled("/".join(quote(s, safe="") for s in segments), "{key}")


def bucket_visibility(visibility: str | NotGiven, public: bool | NotGiven) -> str | NotGiven:
    """``visibility`` as sent: the explicit value wins, else derived from ``public``."""
    if not isinstance(visibility, NotGiven) or isinstance(public, NotGiven):
        return visibility
    return "public" if public else "private"


def unwrap_present(payload: Any, keys: Iterable[str]) -> Any:
    """The value under the first of `keys` present in an object payload, else the payload.

    For untyped replies whose envelope may hold an object or an array.
    """
    if isinstance(payload, dict):
        for key in keys:
            if key in payload:
                return payload[key]
    return payload


def query_with(extra: Mapping[str, Any] | None, **params: object) -> dict[str, str]:
    """Query parameters plus caller-supplied extra ones; the named parameters win."""
    return {**query(**dict(extra or {})), **query(**params)}


def placement_request(value: Mapping[str, Any] | NotGiven) -> dict[str, Any] | NotGiven:
    """``compute_placement_request`` as sent: snake_case keys, ``provider`` first.

    ``regionId``/``poolId``/``hostId`` are accepted for callers coming from the other
    MIOSA SDKs. An empty mapping means the default placement and sends nothing; any
    other field without ``provider`` is refused here, because once the object is sent
    the server has no default provider to fall back to.
    """
    if isinstance(value, NotGiven) or not value:
        return NOT_GIVEN
    request: dict[str, Any] = {"provider": value.get("provider")}
    if request["provider"] is None:
        raise ValueError("compute_placement_request needs 'provider' when any field is set")
    for snake, camel in (("region_id", "regionId"), ("pool_id", "poolId"), ("host_id", "hostId")):
        field = value.get(snake, value.get(camel))
        if field is not None:
            request[snake] = field
    if value.get("fallback") is not None:
        request["fallback"] = value["fallback"]
    return request


def docker_deploy_metadata(metadata: Mapping[str, Any] | NotGiven) -> dict[str, Any]:
    """Deployment metadata that asks for the workspace's App Engine runtime."""
    base = {} if isinstance(metadata, NotGiven) else dict(metadata)
    return {**base, "deployment_product": "docker_deploy"}


def log_text(content_type: str, content: bytes) -> str:
    """A log reply as text: a plain-text body as is, or the log under a JSON envelope.

    The JSON forms accepted are a string or a list of lines, bare or under ``data``,
    ``logs`` or ``lines``.
    """
    if "json" not in content_type:
        return content.decode("utf-8", "replace")
    payload = decode_json(content, status_code=200)
    payload = unwrap_present(payload, ("data", "logs", "lines"))
    if isinstance(payload, dict):
        payload = unwrap_present(payload, ("logs", "lines"))
    if isinstance(payload, list):
        return "\n".join(str(line) for line in payload)
    return "" if payload is None else str(payload)


def removed_route(call: str, route: str, why: str) -> UnsupportedRouteError:
    """The error a method raises, without a request, for a route the server no longer has."""
    return UnsupportedRouteError(
        f"{call} is unavailable: the server removed {route} ({why})", call=call, route=route
    )


def connector_mode(mode: str | NotGiven) -> str | NotGiven:
    """A Connect binding mode as the server spells it (``brokered-env`` -> ``brokered_env``)."""
    return mode if isinstance(mode, NotGiven) else mode.replace("-", "_")


def connector_binding_body(
    connector: str, env: str, mode: str | NotGiven, **scope: str | NotGiven
) -> dict[str, object]:
    """The body that binds a connector into a runtime (deployment, sandbox) as env var `env`.

    `scope` names the installation, project, environment and external ids, when given.
    """
    return body(connector=connector, env_name=env, mode=connector_mode(mode), **scope)


def catalog_object(payload: Any) -> Any:
    """The ``GET /templates`` catalog object; a bare array is taken as its templates."""
    if isinstance(payload, list):
        return {"templates": payload}
    return payload


def catalog_template(
    templates: Iterable[CatalogTemplate], template_id: str, product: str | None
) -> CatalogTemplate:
    """The template whose id or alias is ``template_id``; `NotFoundError` when none is."""
    for template in templates:
        if template.id == template_id or template_id in template.aliases:
            return template
    where = f" for product {product!r}" if product else ""
    raise NotFoundError(
        f"template {template_id!r} is not in the catalog{where}",
        status_code=404,
        code="NOT_FOUND",
        details={"resource": "template", "id": template_id},
    )
