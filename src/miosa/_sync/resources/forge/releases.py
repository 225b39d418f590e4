# This file was generated from
#   src/miosa/_async/resources/forge/releases.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Forge releases: ``client.forge.releases``
(``/forge/repositories/{repository_id}/releases``)."""

from __future__ import annotations

import builtins
import os
from typing import IO, Literal

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, route
from ...._core.request import body as json_body  # `body` is an argument name here
from ...._groups.forge import asset_upload_body
from ....types.forge import ForgeRelease, ForgeReleaseAsset
from ..._resource import APIResource
from ..._upload import read_whole
from ...streams import ByteStream
from ._base import REPOSITORY, repository_path

AssetKind = Literal["upload", "source_archive"]
"""An uploaded file, or a source archive of the tagged commit."""

_RELEASE = REPOSITORY + "/releases/{tag}"


class ForgeReleases(APIResource):
    """``client.forge.releases``: a repository's releases (by tag) and their assets."""

    def list(
        self, repository_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[ForgeRelease]:
        """The repository's releases. ``GET /forge/repositories/{repository_id}/releases``."""
        return self._list(
            "GET",
            repository_path(repository_id, "/releases"),
            ForgeRelease,
            keys=("data", "releases", "items"),
            options=options,
        )

    def get(self, repository_id: str, tag: str, **options: Unpack[RequestOptions]) -> ForgeRelease:
        """One release. ``GET /forge/repositories/{repository_id}/releases/{tag}``."""
        path = route(_RELEASE, repository_id=repository_id, tag=tag)
        return self._object("GET", path, ForgeRelease, options=options)

    def create(
        self,
        repository_id: str,
        *,
        tag: str,
        name: str | NotGiven = NOT_GIVEN,
        body: str | NotGiven = NOT_GIVEN,
        commit_sha: str | NotGiven = NOT_GIVEN,
        prerelease: bool | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeRelease:
        """Publish a release of ``tag`` (created at ``commit_sha`` when it does not exist).

        ``POST /forge/repositories/{repository_id}/releases``.
        """
        payload = json_body(
            tag=tag, name=name, body=body, commit_sha=commit_sha, prerelease=prerelease
        )
        return self._object(
            "POST",
            repository_path(repository_id, "/releases"),
            ForgeRelease,
            json=payload,
            idempotency_key=idempotency_key,
            options=options,
        )

    def upload_asset(
        self,
        repository_id: str,
        tag: str,
        *,
        name: str,
        content: bytes | os.PathLike[str] | IO[bytes],
        kind: AssetKind = "upload",
        content_type: str | NotGiven = NOT_GIVEN,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ForgeReleaseAsset:
        """Attach a file to a release.

        ``POST /forge/repositories/{repository_id}/releases/{tag}/assets``.

        ``content`` is bytes, a local path (``pathlib.Path``) or a binary file object.
        The API takes the file base64-encoded inside JSON, so it is read whole first.
        """
        data = read_whole(content)
        path = route(_RELEASE + "/assets", repository_id=repository_id, tag=tag)
        return self._object(
            "POST",
            path,
            ForgeReleaseAsset,
            json=asset_upload_body(name, data, kind=kind, content_type=content_type),
            idempotency_key=idempotency_key,
            options=options,
        )

    def download_asset(
        self, repository_id: str, tag: str, asset_id: str, *, chunk_size: int = 1 << 20
    ) -> ByteStream:
        """Stream a release asset in chunks.

        ``GET /forge/repositories/{repository_id}/releases/{tag}/assets/{asset_id}/download``.
        ``with client.forge.releases.download_asset(r, t, a) as body:`` then
        ``for chunk in body``, ``body.read()`` or ``body.write_to(path)``.
        """
        path = route(
            _RELEASE + "/assets/{asset_id}/download",
            repository_id=repository_id,
            tag=tag,
            asset_id=asset_id,
        )
        return self._download("GET", path, chunk_size=chunk_size)
