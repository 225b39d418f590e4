"""Object storage buckets and objects: ``/storage``."""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge, query, route
from ..._groups.platform import bucket_visibility, object_key_path
from ...types.storage import Bucket, PresignedUrl, StorageObject
from .._resource import AsyncAPIResource
from ..streams import AsyncByteStream

if TYPE_CHECKING:
    from ..._pager import AsyncPager

_BUCKET_KEYS = ("data", "items", "buckets")
_OBJECT_KEYS = ("data", "items", "objects")


def _bucket_path(bucket_id: str) -> str:
    return route("/storage/buckets/{bucket_id}", bucket_id=bucket_id)


def _object_path(bucket_id: str, key: str) -> str:
    return _bucket_path(bucket_id) + "/objects/" + object_key_path(key)


class AsyncStorage(AsyncAPIResource):
    """``client.storage``: S3-compatible buckets, objects and presigned URLs.

    Object keys may contain ``/`` (``logs/2026/app.txt``); each segment is
    percent-encoded and the slashes are kept.
    """

    # -- buckets --------------------------------------------------------------------

    async def list_buckets(self, **options: Unpack[RequestOptions]) -> list[Bucket]:
        """List buckets. ``GET /storage/buckets``."""
        return await self._list(
            "GET", "/storage/buckets", Bucket, keys=_BUCKET_KEYS, options=options
        )

    async def create_bucket(
        self,
        *,
        name: str,
        visibility: str | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        region: str | NotGiven = NOT_GIVEN,
        quota_bytes: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Bucket:
        """Create a bucket. ``POST /storage/buckets``.

        ``visibility`` is ``"private"`` or ``"public"``; ``public=True`` is shorthand
        for ``visibility="public"`` (an explicit ``visibility`` wins).
        """
        payload = body(
            name=name,
            visibility=bucket_visibility(visibility, public),
            region=region,
            quota_bytes=quota_bytes,
        )
        return await self._object(
            "POST", "/storage/buckets", Bucket, json=merge(payload, extra), options=options
        )

    async def get_bucket(self, bucket_id: str, **options: Unpack[RequestOptions]) -> Bucket:
        """Fetch a bucket. ``GET /storage/buckets/{bucket_id}``."""
        return await self._object("GET", _bucket_path(bucket_id), Bucket, options=options)

    async def delete_bucket(self, bucket_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a bucket. ``DELETE /storage/buckets/{bucket_id}``."""
        await self._none("DELETE", _bucket_path(bucket_id), options=options)

    # -- objects --------------------------------------------------------------------

    def list_objects(
        self,
        bucket_id: str,
        *,
        prefix: str | None = None,
        max_keys: int | None = None,
        marker: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[StorageObject]:
        """List objects, S3-style: ``prefix``, at most ``max_keys``, after ``marker``.

        ``GET /storage/buckets/{bucket_id}/objects``. Iterating the page follows the
        server's next marker when it sends one.
        """
        return self._page(
            _bucket_path(bucket_id) + "/objects",
            StorageObject,
            params=query(prefix=prefix, max_keys=max_keys, marker=marker),
            cursor_param="marker",
            keys=_OBJECT_KEYS,
            options=options,
        )

    async def put_object(
        self,
        bucket_id: str,
        key: str,
        content: bytes | Callable[[], AsyncIterable[bytes]],
        *,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> StorageObject:
        """Upload an object; the request body is the raw content.

        ``PUT /storage/buckets/{bucket_id}/objects/{key}``. ``content`` is bytes, or for
        large objects a zero-argument callable returning an async iterator of chunks
        (sent chunked, never held whole in memory; such uploads are not retried).
        Returns the server's acknowledgement (its fields are ``None`` when absent).
        """
        return await self._object(
            "PUT",
            _object_path(bucket_id, key),
            StorageObject,
            content=content,
            headers={"Content-Type": content_type},
            options=options,
        )

    async def get_object(
        self, bucket_id: str, key: str, **options: Unpack[RequestOptions]
    ) -> bytes:
        """Download a (small) object whole. ``GET /storage/buckets/{bucket_id}/objects/{key}``.

        For large objects use `download_object`, which streams.
        """
        return await self._bytes("GET", _object_path(bucket_id, key), options=options)

    def download_object(
        self, bucket_id: str, key: str, *, chunk_size: int = 1 << 20
    ) -> AsyncByteStream:
        """Stream an object in chunks. ``GET /storage/buckets/{bucket_id}/objects/{key}``.

        ``async with client.storage.download_object(b, k) as body:`` then
        ``async for chunk in body`` or ``await body.write_to(path)``.
        """
        return self._download("GET", _object_path(bucket_id, key), chunk_size=chunk_size)

    async def delete_object(
        self, bucket_id: str, key: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete an object. ``DELETE /storage/buckets/{bucket_id}/objects/{key}``."""
        await self._none("DELETE", _object_path(bucket_id, key), options=options)

    async def presign(
        self,
        bucket_id: str,
        *,
        key: str,
        method: str = "GET",
        expires_in: int = 3600,
        **options: Unpack[RequestOptions],
    ) -> PresignedUrl:
        """A presigned URL to ``GET`` (download) or ``PUT`` (upload) one object.

        ``POST /storage/buckets/{bucket_id}/presign``; ``expires_in`` is in seconds.
        """
        payload = body(key=key, method=method.upper(), expires_in=expires_in)
        return await self._object(
            "POST",
            _bucket_path(bucket_id) + "/presign",
            PresignedUrl,
            json=payload,
            options=options,
        )
