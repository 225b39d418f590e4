"""The MIOSA Python SDK.

``AsyncMiosa`` (asyncio and Trio) and ``Miosa`` (blocking) expose the same calls::

    from miosa import Miosa

    with Miosa() as client:  # reads MIOSA_API_KEY
        with client.sandboxes.create() as sandbox:
            print(sandbox.exec.run("echo hello").stdout)
"""

from . import types, webhooks
from ._async.client import AsyncMiosa
from ._async.pagination import AsyncPage
from ._async.resources.sandboxes import AsyncSandbox
from ._async.streams import AsyncByteStream, AsyncEventStream
from ._request import NOT_GIVEN, NotGiven
from ._sync.client import Miosa
from ._sync.pagination import Page
from ._sync.resources.sandboxes import Sandbox
from ._sync.streams import ByteStream, EventStream
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConflictError,
    InsufficientCreditsError,
    MiosaError,
    NotFoundError,
    PermissionDeniedError,
    PermissionError,  # noqa: A004 - the contract's name for the 403 error
    QuotaExceededError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    StreamError,
    ValidationError,
    WebhookVerificationError,
)

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncByteStream",
    "AsyncEventStream",
    "AsyncMiosa",
    "AsyncPage",
    "AsyncSandbox",
    "AuthenticationError",
    "ByteStream",
    "ConflictError",
    "EventStream",
    "InsufficientCreditsError",
    "Miosa",
    "MiosaError",
    "NotFoundError",
    "NotGiven",
    "Page",
    "PermissionDeniedError",
    "PermissionError",
    "QuotaExceededError",
    "RateLimitError",
    "ResponseValidationError",
    "Sandbox",
    "ServerError",
    "StreamError",
    "ValidationError",
    "WebhookVerificationError",
    "__version__",
    "types",
    "webhooks",
]
