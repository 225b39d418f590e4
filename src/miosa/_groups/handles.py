"""Pure helpers behind a few handle calls: the URL parts of an exposed port, and the
release sandbox a snapshot is deployed from."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from ..errors import MiosaError

__all__ = ["exposed_url", "release_metadata", "release_name", "url_host", "url_with_path"]


def exposed_url(url: str | None, preview_url: str | None, port: int | None) -> str:
    """The URL an expose reply names (``url``, else ``preview_url``), with a scheme."""
    found = url or preview_url
    if not found:
        where = "the default port" if port is None else f"port {port}"
        raise MiosaError(f"the server exposed {where} without a URL")
    return found if "://" in found else "https://" + found


def url_with_path(url: str, path: str) -> str:
    """``url`` with its path replaced by ``path`` (a leading ``/`` added); query dropped."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + path.lstrip("/"), query="", fragment=""))


def url_host(url: str) -> str:
    """The host (and port, when the URL names one) of ``url``."""
    return urlsplit(url).netloc


def release_name(snapshot_id: str) -> str:
    """The name of the throwaway sandbox a snapshot is deployed from."""
    return f"release-{snapshot_id[:12]}"


def release_metadata(source_sandbox_id: str, snapshot_id: str) -> dict[str, str]:
    """Metadata that ties the release sandbox to its source sandbox and snapshot."""
    return {"release_source_sandbox_id": source_sandbox_id, "snapshot_id": snapshot_id}
