# This file was generated from
#   tests/_async/_helpers.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Client factories for the wire tests (generated into tests/_sync with the sync client)."""

from __future__ import annotations

from typing import Any

import httpx

from miosa import Miosa
from tests.helpers import API_KEY, BASE_URL, MockAPI


def make_client(api: MockAPI, **options: Any) -> Miosa:
    options.setdefault("api_key", API_KEY)
    options.setdefault("base_url", BASE_URL)
    return Miosa(http_client=httpx.Client(transport=api.transport), **options)
