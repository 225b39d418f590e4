"""``GET /openapi.json``: the wire contract this server and the SDK follow, served as is.

The document is the repository's ``api/openapi.json``. A wheel carries it as
``miosa/local/openapi.json`` (hatchling ``force-include``); a source checkout (an editable
install) has no copy inside the package, so the file is read from the checkout instead.
It is served at the root (``/openapi.json``) and under the API prefix
(``/api/v1/openapi.json``), without authentication, like a health route.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from .http import ApiError, error_response
from .routing import Call, Endpoint

PATH = "/openapi.json"
MEDIA_TYPE = "application/json"
# src/miosa/local/contract.py -> the checkout's api/openapi.json
CHECKOUT_DOCUMENT = Path(__file__).resolve().parents[3] / "api" / "openapi.json"


@functools.lru_cache(maxsize=1)
def load_document() -> bytes | None:
    """The document's bytes: the packaged copy first, else the source checkout's."""
    packaged = resources.files(__package__).joinpath("openapi.json")
    if packaged.is_file():
        return packaged.read_bytes()
    if CHECKOUT_DOCUMENT.is_file():
        return CHECKOUT_DOCUMENT.read_bytes()
    return None


def _document_response() -> Response:
    document = load_document()
    if document is None:
        raise ApiError(404, "NOT_FOUND", "the OpenAPI document is not installed with this package")
    return Response(document, media_type=MEDIA_TYPE)


async def get_document(call: Call) -> Response:
    return _document_response()


async def get_root_document(request: Request) -> Response:
    """The same document at the server root, outside the API prefix."""
    try:
        return _document_response()
    except ApiError as err:
        return error_response(err, str(request.scope.get("miosa.request_id", "")))


def endpoints() -> list[Endpoint]:
    return [Endpoint("GET", PATH, get_document, public=True)]
