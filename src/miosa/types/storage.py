"""Models of object storage: buckets, objects and presigned URLs."""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, OpenEnum

__all__ = ["Bucket", "BucketVisibility", "PresignedUrl", "StorageObject"]


class BucketVisibility(OpenEnum):
    PRIVATE = "private"
    PUBLIC = "public"


@attrs.frozen(kw_only=True)
class Bucket(Model):
    """An S3-compatible bucket (``/storage/buckets``)."""

    id: str | None = None
    tenant_id: str | None = None
    name: str | None = None
    region: str | None = None
    visibility: BucketVisibility | None = None
    public: bool | None = None
    quota_bytes: int | None = None
    used_bytes: int | None = None
    object_count: int | None = None
    size_bytes: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class StorageObject(Model):
    """An object in a bucket, as listed (also the upload acknowledgement's shape)."""

    key: str | None = None
    size_bytes: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: datetime | None = None


@attrs.frozen(kw_only=True)
class PresignedUrl(Model):
    """A time-limited URL for one object; whoever holds it can use it until it expires."""

    url: str | None = None
    expires_at: datetime | None = None
