"""Pure helpers for MIOSA Forge: a deletion's receipt and the release asset upload body."""

from __future__ import annotations

import base64
from collections.abc import Mapping

from .._core.request import NOT_GIVEN, NotGiven, body

OPERATION_HEADER = "x-forge-operation-id"
"""The reply header naming the background operation of a repository deletion."""

REPLAYED_HEADER = "idempotency-replayed"
"""The reply header saying a request was answered from an earlier one with its key."""


def deletion_receipt(headers: Mapping[str, str]) -> dict[str, object]:
    """A repository deletion's receipt: the reply carries it in headers, not the body."""
    return {
        "operation_id": headers.get(OPERATION_HEADER) or None,
        "replayed": headers.get(REPLAYED_HEADER, "").lower() == "true",
    }


def asset_upload_body(
    name: str,
    content: bytes,
    *,
    kind: str,
    content_type: str | NotGiven = NOT_GIVEN,
) -> dict[str, object]:
    """The JSON body of a release asset upload: the API takes the bytes base64-encoded."""
    return body(
        kind=kind,
        name=name,
        content_base64=base64.b64encode(content).decode("ascii"),
        content_type=content_type,
    )


__all__ = ["OPERATION_HEADER", "REPLAYED_HEADER", "asset_upload_body", "deletion_receipt"]
