# This file was generated from
#   tests/_async/test_data_services_local.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Databases, volumes and object storage end to end on the local server (`miosa.local`):
a database comes up with credentials, logs and a public-networking switch; objects are
stored, listed S3-style, read back and deleted; volumes are kept."""

from __future__ import annotations

import pytest

from miosa import ConflictError, Miosa, NotFoundError, QuotaExceededError, ValidationError
from miosa.local import LocalServer

pytestmark = pytest.mark.usefixtures("fast_retries")


def client_for(server: LocalServer) -> Miosa:
    return Miosa(api_key=server.api_key, base_url=server.base_url)


def test_a_database_comes_up_with_credentials_logs_and_public_networking() -> None:
    with LocalServer() as server, client_for(server) as client:
        created = client.databases.create(name="main", engine="postgresql", storage_mb=1024)
        ready = client.databases.wait_until_ready(created.id or "", timeout=5)
        credentials = client.databases.credentials(created.id or "")
        closed = client.databases.public_networking(created.id or "")
        opened = client.databases.enable_public_networking(
            created.id or "", allowlist=["10.0.0.1", "192.168.0.0/16"]
        )
        with pytest.raises(ValidationError):
            client.databases.enable_public_networking(created.id or "", allowlist=["nope"])
        closed_again = client.databases.disable_public_networking(created.id or "")
        stopped = client.databases.stop(created.id or "")
        restarted = client.databases.restart(created.id or "")
        logs = client.databases.logs(created.id or "", lines=10)
        with client.databases.stream_logs(created.id or "") as stream:
            streamed = [event for event in stream]
        listed = [d.id for d in client.databases.list()]
        with pytest.raises(ValidationError):
            client.databases.create(name="bad", engine="oracle")
        client.databases.delete(created.id or "")
        with pytest.raises(NotFoundError):
            client.databases.credentials(created.id or "")

    assert created.state == "provisioning" and created.port == 5432
    assert ready.state == "running"
    assert credentials.password and credentials.url and credentials.url.startswith("postgresql://")
    assert credentials.password not in repr(credentials)
    assert closed.enabled is False and closed.host is None
    assert opened.enabled is True and opened.allowlist == ("10.0.0.1/32", "192.168.0.0/16")
    assert closed_again.enabled is False
    assert stopped.state == "stopped" and restarted.state == "running"
    assert any("public networking enabled" in line for line in logs.entries)
    assert len(streamed) == len(logs.entries)
    assert listed == [created.id]


def test_objects_are_stored_listed_read_back_and_deleted() -> None:
    with LocalServer() as server, client_for(server) as client:
        bucket = client.storage.create_bucket(name="assets", public=True, quota_bytes=64)
        with pytest.raises(ConflictError):
            client.storage.create_bucket(name="assets")
        put = client.storage.put_object(
            bucket.id or "", "logs/2026/app.txt", b"hello", content_type="text/plain"
        )
        client.storage.put_object(bucket.id or "", "logs/2026/b.txt", b"12")
        client.storage.put_object(bucket.id or "", "other.bin", b"\x00\x01")
        with pytest.raises(QuotaExceededError):
            client.storage.put_object(bucket.id or "", "big.bin", b"x" * 100)
        first = client.storage.list_objects(bucket.id or "", prefix="logs/", max_keys=1)
        every = [o.key for o in client.storage.list_objects(bucket.id or "", max_keys=1)]
        content = client.storage.get_object(bucket.id or "", "logs/2026/app.txt")
        presigned = client.storage.presign(bucket.id or "", key="other.bin", method="put")
        counted = client.storage.get_bucket(bucket.id or "")
        with pytest.raises(ConflictError):
            client.storage.delete_bucket(bucket.id or "")
        for key in every:
            client.storage.delete_object(bucket.id or "", key or "")
        with pytest.raises(NotFoundError):
            client.storage.get_object(bucket.id or "", "other.bin")
        client.storage.delete_bucket(bucket.id or "")
        buckets = client.storage.list_buckets()

    assert bucket.visibility == "public" and bucket.public is True
    assert put.key == "logs/2026/app.txt" and put.size_bytes == 5 and put.etag
    assert [o.key for o in first.items] == ["logs/2026/app.txt"] and first.next_cursor
    assert every == ["logs/2026/app.txt", "logs/2026/b.txt", "other.bin"]
    assert content == b"hello"
    assert presigned.url and "/objects/other.bin?" in presigned.url and presigned.expires_at
    assert counted.object_count == 3 and counted.used_bytes == 9
    assert buckets == []


def test_volumes_are_created_listed_and_deleted() -> None:
    with LocalServer() as server, client_for(server) as client:
        volume = client.volumes.create(name="data", size_gb=20, region="local")
        fetched = client.volumes.get(volume.id or "")
        listed = [v.id for v in client.volumes.list()]
        with pytest.raises(ValidationError):
            client.volumes.create(name="huge", size_gb=0)
        client.volumes.delete(volume.id or "")
        with pytest.raises(NotFoundError):
            client.volumes.get(volume.id or "")

    assert volume.state == "available" and volume.size_gb == 20
    assert fetched.name == "data"
    assert listed == [volume.id]
