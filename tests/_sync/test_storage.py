# This file was generated from
#   tests/_async/test_storage.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Wire tests for object storage: buckets, raw-body uploads, byte downloads, presigning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from miosa._converter import structure
from miosa.types.storage import Bucket, BucketVisibility, PresignedUrl, StorageObject
from tests._sync._helpers import make_client, run_case
from tests.helpers import Case, MockAPI, case_id, json_response

B = "/storage/buckets/bkt_1"

CASES = [
    Case(call="storage.list_buckets", method="GET", path="/storage/buckets",
         reply={"buckets": [{"id": "x_1"}, {"id": "x_2"}]}, result=Bucket, many=True,
         result_ids=("x_1", "x_2")),
    Case(
        call="storage.create_bucket",
        kwargs={"name": "assets", "public": True, "region": "iad", "quota_bytes": 1 << 30,
                "extra": {"versioning": True}},
        method="POST",
        path="/storage/buckets",
        body={"name": "assets", "visibility": "public", "region": "iad",
              "quota_bytes": 1 << 30, "versioning": True},
        status=201,
        result=Bucket,
    ),
    Case(
        call="storage.create_bucket",
        kwargs={"name": "assets", "visibility": "private", "public": True},
        method="POST",
        path="/storage/buckets",
        body={"name": "assets", "visibility": "private"},
        result=Bucket,
    ),
    Case(call="storage.get_bucket", args=("bkt_1",), method="GET", path=B, result=Bucket),
    Case(call="storage.delete_bucket", args=("bkt_1",), method="DELETE", path=B, reply=None,
         status=204),
    Case(
        call="storage.list_objects",
        args=("bkt_1",),
        kwargs={"prefix": "logs/", "max_keys": 100, "marker": "logs/a.txt"},
        method="GET",
        path=B + "/objects",
        query={"prefix": "logs/", "max_keys": "100", "marker": "logs/a.txt"},
        reply={"objects": [{"id": "x_1", "key": "logs/b.txt"}]},
        result=StorageObject,
        many=True,
    ),
    Case(call="storage.delete_object", args=("bkt_1", "logs/2026/app log.txt"),
         method="DELETE", path=B + "/objects/logs/2026/app%20log.txt", reply=None,
         status=204),
    Case(
        call="storage.presign",
        args=("bkt_1",),
        kwargs={"key": "a.txt"},
        method="POST",
        path=B + "/presign",
        body={"key": "a.txt", "method": "GET", "expires_in": 3600},
        result=PresignedUrl,
    ),
    Case(
        call="storage.presign",
        args=("bkt_1",),
        kwargs={"key": "up/b.bin", "method": "put", "expires_in": 60},
        method="POST",
        path=B + "/presign",
        body={"key": "up/b.bin", "method": "PUT", "expires_in": 60},
        result=PresignedUrl,
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_wire(case: Case) -> None:
    run_case(case)


def test_put_object_sends_the_raw_bytes_with_their_content_type() -> None:
    data = bytes(range(256)) * 4
    api = MockAPI().on(
        "PUT /storage/buckets/bkt_1/objects/img/logo%2B1.png",
        json_response(200, {"key": "img/logo+1.png", "size_bytes": 1024, "etag": "abc"}),
    )
    with make_client(api) as client:
        ack = client.storage.put_object("bkt_1", "img/logo+1.png", data, content_type="image/png")
    request = api.last
    assert request.method == "PUT"
    assert request.url.raw_path == b"/api/v1/storage/buckets/bkt_1/objects/img/logo%2B1.png"
    assert request.content == data
    assert request.headers["content-type"] == "image/png"
    assert request.headers["content-length"] == "1024"
    assert "idempotency-key" in request.headers
    assert ack == StorageObject(key="img/logo+1.png", size_bytes=1024, etag="abc")


def test_put_object_defaults_to_octet_stream() -> None:
    api = MockAPI().on("PUT /storage/buckets/bkt_1/objects/a.bin", json_response(200, {}))
    with make_client(api) as client:
        ack = client.storage.put_object("bkt_1", "a.bin", b"\x00\x01")
    assert api.last.headers["content-type"] == "application/octet-stream"
    assert api.last.content == b"\x00\x01"
    assert ack.key is None


def test_put_object_streams_chunks_from_a_callable() -> None:
    produced: list[int] = []

    def chunks() -> Iterator[bytes]:
        for n in range(3):
            produced.append(n)
            yield bytes([65 + n]) * 5

    api = MockAPI().on(
        "PUT /storage/buckets/bkt_1/objects/big.bin", json_response(200, {"key": "big.bin"})
    )
    with make_client(api) as client:
        ack = client.storage.put_object("bkt_1", "big.bin", chunks)
    assert produced == [0, 1, 2]
    assert api.last.content == b"AAAAABBBBBCCCCC"
    assert api.last.headers["transfer-encoding"] == "chunked"
    assert "content-length" not in api.last.headers
    assert ack.key == "big.bin"


def test_get_object_returns_the_bytes() -> None:
    blob = b"\x89PNG\r\n\x1a\n" + bytes(100)
    api = MockAPI().on(
        "GET /storage/buckets/bkt_1/objects/img/logo.png",
        httpx.Response(200, content=blob, headers={"content-type": "image/png"}),
    )
    with make_client(api) as client:
        assert client.storage.get_object("bkt_1", "img/logo.png") == blob
    assert api.last.method == "GET"


def test_download_object_streams_in_chunks(tmp_path: Path) -> None:
    blob = bytes(range(256)) * 40
    api = MockAPI().on(
        "GET /storage/buckets/bkt_1/objects/big.bin",
        httpx.Response(200, content=blob, headers={"content-type": "application/octet-stream"}),
    )
    with make_client(api) as client:
        stream = client.storage.download_object("bkt_1", "big.bin", chunk_size=4096)
        assert api.requests == []
        with stream as body:
            chunks = [chunk for chunk in body]
        with client.storage.download_object("bkt_1", "big.bin") as body:
            written = body.write_to(tmp_path / "big.bin")
    assert b"".join(chunks) == blob
    assert max(len(c) for c in chunks) <= 4096 and len(chunks) >= 3
    assert written == len(blob)
    assert (tmp_path / "big.bin").read_bytes() == blob


@pytest.mark.parametrize("key", ["", "/abs", "a//b", "a/../b", ".", "trailing/"])
def test_object_keys_that_would_change_the_route_are_refused(key: str) -> None:
    api = MockAPI()
    with make_client(api) as client:
        with pytest.raises(ValueError, match="invalid object key"):
            client.storage.get_object("bkt_1", key)
    assert api.requests == []


def test_list_objects_follows_a_next_cursor_into_the_marker() -> None:
    api = MockAPI().on(
        "GET /storage/buckets/bkt_1/objects",
        json_response(200, {"objects": [{"key": "a"}], "next_cursor": "a"}),
        json_response(200, {"objects": [{"key": "b"}]}),
    )
    with make_client(api) as client:
        page = client.storage.list_objects("bkt_1", max_keys=1)
        keys = [o.key for o in page]
    assert keys == ["a", "b"]
    assert dict(api.requests[1].url.params) == {"max_keys": "1", "marker": "a"}


def test_storage_models_round_trip() -> None:
    bucket = structure(
        {
            "id": "bkt_1",
            "name": "assets",
            "visibility": "authenticated-read",
            "public": False,
            "quota_bytes": 1073741824,
            "object_count": 12,
            "updated_at": "2026-11-28T10:00:00.123456Z",
            "cors": [{"origin": "*"}],
        },
        Bucket,
    )
    assert bucket.visibility == "authenticated-read"
    assert bucket.visibility is not None and not bucket.visibility.is_known
    assert bucket.quota_bytes == 1 << 30 and bucket.object_count == 12
    assert bucket.updated_at is not None and bucket.updated_at.microsecond == 123456
    assert bucket.raw["cors"] == [{"origin": "*"}]
    assert structure({"visibility": "public"}, Bucket).visibility is BucketVisibility.PUBLIC
    obj = structure(
        {"key": "a.txt", "size_bytes": 3, "last_modified": "2026-11-28T10:00:00Z"}, StorageObject
    )
    assert obj.key == "a.txt" and obj.last_modified is not None
    url = structure(
        {"url": "https://s3/x?sig=1", "expires_at": "2026-11-28T11:00:00Z"}, PresignedUrl
    )
    assert url.url == "https://s3/x?sig=1" and url.expires_at is not None
