# This file was generated from
#   tests/_async/test_http2.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""HTTP/2 end to end: a call over TLS to a local hypercorn server that speaks HTTP/2, with
a certificate from a throwaway CA made for the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from miosa import Miosa
from tests.helpers import API_KEY
from tests.http2_server import Http2Server


@pytest.fixture
def http2_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Http2Server]:
    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1")
    certfile, keyfile, cafile = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    certificate.private_key_and_cert_chain_pem.write_to_path(str(certfile))
    certificate.private_key_pem.write_to_path(str(keyfile))
    authority.cert_pem.write_to_path(str(cafile))
    # The client's pool trusts the CA named here (httpx reads it when it builds the pool).
    monkeypatch.setenv("SSL_CERT_FILE", str(cafile))
    with Http2Server(certfile, keyfile) as server:
        yield server


def test_calls_travel_over_http2_when_asked(http2_server: Http2Server) -> None:
    base_url = f"https://127.0.0.1:{http2_server.port}/api/v1"
    with Miosa(api_key=API_KEY, base_url=base_url, http2=True, timeout=5, max_retries=0) as client:
        first = client.sandboxes.get("sbx_1")
        raw = client.with_raw_response.sandboxes.get("sbx_2")
    assert first.id == "sbx_1"
    assert raw.http_response.http_version == "HTTP/2"
    assert http2_server.versions == ["2", "2"]


def test_without_the_option_calls_stay_on_http1(http2_server: Http2Server) -> None:
    base_url = f"https://127.0.0.1:{http2_server.port}/api/v1"
    with Miosa(api_key=API_KEY, base_url=base_url, timeout=5, max_retries=0) as client:
        client.sandboxes.get("sbx_1")
    assert http2_server.versions == ["1.1"]
