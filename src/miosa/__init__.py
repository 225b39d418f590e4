"""The MIOSA Python SDK.

``AsyncMiosa`` (asyncio and Trio) and ``Miosa`` (blocking) expose the same calls::

    from miosa import Miosa

    with Miosa() as client:  # reads MIOSA_API_KEY
        with client.sandboxes.create() as sandbox:
            print(sandbox.exec.run("echo hello").stdout)

Models live in `miosa.types`, the webhook verifier in `miosa.webhooks`, and the local
MIOSA-compatible server in `miosa.local` (extra ``local``).
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from . import agent, local, types, webhooks
    from ._async.client import AsyncMiosa
    from ._async.pagination import AsyncPage, AsyncPageIterator
    from ._async.raw_response import AsyncAPIResponse, AsyncResponseContextManager
    from ._async.resources.completions import AsyncCompletionStream
    from ._async.resources.computers import AsyncComputer
    from ._async.resources.sandboxes import AsyncSandbox
    from ._async.streams import AsyncByteStream, AsyncEventStream
    from ._core.call_options import RequestExtras, RequestOptions
    from ._core.progress import ProgressCallback
    from ._core.request import NOT_GIVEN, NotGiven
    from ._pager import AsyncPager
    from ._sync.client import Miosa
    from ._sync.pagination import Page, PageIterator
    from ._sync.raw_response import APIResponse, ResponseContextManager
    from ._sync.resources.completions import CompletionStream
    from ._sync.resources.computers import Computer
    from ._sync.resources.sandboxes import Sandbox
    from ._sync.streams import ByteStream, EventStream
    from .errors import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        ClientClosedError,
        CodeExecutionError,
        CommandError,
        ConfigurationError,
        ConflictError,
        EndUserScopeUnsupportedError,
        InsufficientCreditsError,
        MiosaError,
        NotFoundError,
        PermissionDeniedError,
        PermissionError,  # noqa: A004 - the contract's name for the 403 error
        QuotaExceededError,
        RateLimitError,
        ResourceFailedError,
        ResponseTooLargeError,
        ResponseValidationError,
        ServerError,
        StreamError,
        UnsupportedRouteError,
        ValidationError,
        WaitError,
        WaitTimeoutError,
        WebhookVerificationError,
    )
    from .types.websocket import WebSocketTarget

# Names are imported on first use so `import miosa` stays cheap (see benchmarks/RESULTS.md).
_LAZY: dict[str, str] = {
    "APIConnectionError": ".errors",
    "APIResponse": "._sync.raw_response",
    "APIStatusError": ".errors",
    "APITimeoutError": ".errors",
    "AsyncAPIResponse": "._async.raw_response",
    "AsyncByteStream": "._async.streams",
    "AsyncCompletionStream": "._async.resources.completions",
    "AsyncComputer": "._async.resources.computers",
    "AsyncEventStream": "._async.streams",
    "AsyncMiosa": "._async.client",
    "AsyncPage": "._async.pagination",
    "AsyncPageIterator": "._async.pagination",
    "AsyncPager": "._pager",
    "AsyncResponseContextManager": "._async.raw_response",
    "AsyncSandbox": "._async.resources.sandboxes",
    "AuthenticationError": ".errors",
    "ByteStream": "._sync.streams",
    "ClientClosedError": ".errors",
    "CodeExecutionError": ".errors",
    "CommandError": ".errors",
    "CompletionStream": "._sync.resources.completions",
    "Computer": "._sync.resources.computers",
    "ConfigurationError": ".errors",
    "ConflictError": ".errors",
    "EventStream": "._sync.streams",
    "InsufficientCreditsError": ".errors",
    "Miosa": "._sync.client",
    "MiosaError": ".errors",
    "NOT_GIVEN": "._core.request",
    "NotFoundError": ".errors",
    "NotGiven": "._core.request",
    "Page": "._sync.pagination",
    "PageIterator": "._sync.pagination",
    "PermissionDeniedError": ".errors",
    "PermissionError": ".errors",
    "ProgressCallback": "._core.progress",
    "QuotaExceededError": ".errors",
    "RateLimitError": ".errors",
    "RequestExtras": "._core.call_options",
    "RequestOptions": "._core.call_options",
    "ResourceFailedError": ".errors",
    "ResponseContextManager": "._sync.raw_response",
    "ResponseTooLargeError": ".errors",
    "ResponseValidationError": ".errors",
    "Sandbox": "._sync.resources.sandboxes",
    "ServerError": ".errors",
    "StreamError": ".errors",
    "UnsupportedRouteError": ".errors",
    "EndUserScopeUnsupportedError": ".errors",
    "ValidationError": ".errors",
    "WaitError": ".errors",
    "WaitTimeoutError": ".errors",
    "WebSocketTarget": ".types.websocket",
    "WebhookVerificationError": ".errors",
    "agent": ".agent",
    "local": ".local",
    "types": ".types",
    "webhooks": ".webhooks",
}
_SUBMODULES = frozenset({"agent", "local", "types", "webhooks"})


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'miosa' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(module_name, __name__)
    value = module if name in _SUBMODULES else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncByteStream",
    "AsyncCompletionStream",
    "AsyncComputer",
    "AsyncEventStream",
    "AsyncMiosa",
    "AsyncPage",
    "AsyncPageIterator",
    "AsyncPager",
    "AsyncResponseContextManager",
    "AsyncSandbox",
    "AuthenticationError",
    "ByteStream",
    "ClientClosedError",
    "CodeExecutionError",
    "CommandError",
    "CompletionStream",
    "Computer",
    "ConfigurationError",
    "ConflictError",
    "EndUserScopeUnsupportedError",
    "EventStream",
    "InsufficientCreditsError",
    "Miosa",
    "MiosaError",
    "NotFoundError",
    "NotGiven",
    "Page",
    "PageIterator",
    "PermissionDeniedError",
    "PermissionError",
    "ProgressCallback",
    "QuotaExceededError",
    "RateLimitError",
    "RequestExtras",
    "RequestOptions",
    "ResourceFailedError",
    "ResponseContextManager",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "Sandbox",
    "ServerError",
    "StreamError",
    "UnsupportedRouteError",
    "ValidationError",
    "WaitError",
    "WaitTimeoutError",
    "WebSocketTarget",
    "WebhookVerificationError",
    "__version__",
    "agent",
    "local",
    "types",
    "webhooks",
]
