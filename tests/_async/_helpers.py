"""Client factories for the wire tests (generated into tests/_sync with the sync client)."""

from __future__ import annotations

from typing import Any

import httpx

from miosa import AsyncMiosa
from tests.helpers import API_KEY, BASE_URL, MockAPI


def make_client(api: MockAPI, **options: Any) -> AsyncMiosa:
    options.setdefault("api_key", API_KEY)
    options.setdefault("base_url", BASE_URL)
    return AsyncMiosa(http_client=httpx.AsyncClient(transport=api.transport), **options)
