"""The public error hierarchy, shared by `Miosa` and `AsyncMiosa`.

Every error the SDK raises on purpose derives from `MiosaError`. Errors built from an
HTTP response (`APIStatusError` and its subclasses) carry what a user needs to act on
or report the failure: the status, the server's code and message, the request id and
how many attempts were made. No error's text ever contains request headers or the
API key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .types.sandbox_code import CodeResult

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "ClientClosedError",
    "CodeExecutionError",
    "CommandError",
    "ConfigurationError",
    "ConflictError",
    "EndUserScopeUnsupportedError",
    "InsufficientCreditsError",
    "MiosaError",
    "NotFoundError",
    "PermissionDeniedError",
    "PermissionError",
    "QuotaExceededError",
    "RateLimitError",
    "ResourceFailedError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "StreamError",
    "UnsupportedRouteError",
    "ValidationError",
    "WaitError",
    "WaitTimeoutError",
    "WebhookVerificationError",
]


class MiosaError(Exception):
    """Base class of every error raised by the SDK."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigurationError(MiosaError, ValueError):
    """The client cannot be built as asked: no API key, both a key and a token, a bad URL.

    Raised by the client's constructor (and `with_options`), before any request. Also a
    `ValueError`, so code written against earlier versions that caught that still works.
    """


class UnsupportedRouteError(MiosaError):
    """A method whose route the API does not serve to this caller (never deployed, removed,
    or admin-only): raised at once, without a request, with the alternative when there is
    one. ``call`` is the SDK method, ``route`` the missing ``METHOD /path``."""

    def __init__(self, message: str, *, call: str, route: str) -> None:
        super().__init__(message)
        self.call = call
        self.route = route


class EndUserScopeUnsupportedError(MiosaError):
    """An end user's credential write refused before any change: the server does not keep
    credentials per end user, so it would ignore ``external_user_id`` and store the
    credential for the whole workspace or organization."""


class APIStatusError(MiosaError):
    """The server answered with an error status (4xx or 5xx).

    Attributes:
        status_code: the HTTP status.
        code: the server's machine-readable code (e.g. ``"NOT_FOUND"``), or
            ``"UNKNOWN_ERROR"`` when the body named none.
        message: the server's human-readable message.
        details: structured details from the error envelope, ``{}`` when absent.
        request_id: the ``x-request-id`` response header, else ``request_id`` in the body.
        body: the decoded JSON body (or the raw text when it was not JSON).
        attempts: how many attempts the SDK made before giving up.
        method: the HTTP method of the call, when the error came from one.
        url: the URL called (without its query string), when the error came from a call.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str = "UNKNOWN_ERROR",
        details: Mapping[str, Any] | None = None,
        request_id: str | None = None,
        body: object = None,
        attempts: int = 1,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.details: Mapping[str, Any] = details if details is not None else {}
        self.request_id = request_id
        self.body = body
        self.attempts = attempts
        self.method = method
        self.url = url

    def __str__(self) -> str:
        text = f"{self.status_code} {self.code}: {self.message}"
        if self.request_id:
            text += f" (request_id={self.request_id})"
        return text


class ValidationError(APIStatusError):
    """400 or 422: the request was rejected as invalid (also other unmapped 4xx)."""


class AuthenticationError(APIStatusError):
    """401: the API key or token is missing, wrong or revoked."""


class InsufficientCreditsError(APIStatusError):
    """402: the account has no credits left for this call."""


class PermissionDeniedError(APIStatusError):
    """403: the credential is valid but not allowed to do this."""


# The contract's Python name for 403; kept so `from miosa import PermissionError` works.
# It shadows the builtin only for code that imports it by this name.
PermissionError = PermissionDeniedError  # noqa: A001


class QuotaExceededError(PermissionDeniedError):
    """403 with code ``QUOTA_EXCEEDED``: an external user's quota is used up."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist (or is not visible to this key), or no such route.

    Its text names the call (``GET https://.../sandboxes/sbx_1``): the server's message is
    the same for a missing resource and a URL it has no route for (a wrong ``base_url``).
    """

    def __str__(self) -> str:
        text = f"{self.status_code} {self.code}: {self.message}"
        if self.method and self.url:
            text += f" ({self.method} {self.url})"
        if self.request_id:
            text += f" (request_id={self.request_id})"
        return text


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's current state."""


class RateLimitError(APIStatusError):
    """429, or a ``Retry-After`` longer than the SDK will wait.

    ``retry_after`` is the wait the server asked for in seconds, ``None`` when it gave none.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 429,
        code: str = "RATE_LIMITED",
        details: Mapping[str, Any] | None = None,
        request_id: str | None = None,
        body: object = None,
        attempts: int = 1,
        retry_after: float | None = None,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(
            message,
            status_code=status_code,
            code=code,
            details=details,
            request_id=request_id,
            body=body,
            attempts=attempts,
            method=method,
            url=url,
        )
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: the server failed; retried automatically where that is safe."""


class APIConnectionError(MiosaError):
    """The request never got an HTTP answer (DNS, refused, reset, TLS ...).

    The message names the host, the cause and the call; ``host`` is the ``host[:port]``
    that could not be reached (None when the error did not come from a request).
    ``received`` is how many (decoded) bytes of a streamed body had arrived when a
    download broke, None for other calls.
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        attempts: int = 1,
        host: str | None = None,
        received: int | None = None,
    ) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.host = host
        self.received = received


class APITimeoutError(APIConnectionError):
    """The request timed out (per attempt, or the call's total deadline)."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        attempts: int = 1,
        host: str | None = None,
        received: int | None = None,
    ) -> None:
        super().__init__(message, attempts=attempts, host=host, received=received)


class ResponseValidationError(MiosaError):
    """A success response could not be decoded into the expected shape.

    ``text`` holds at most the first 1 KiB of the raw body.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        text: str = "",
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.request_id = request_id
        self.text = text

    def __str__(self) -> str:
        text = f"{self.message} (status {self.status_code}"
        if self.request_id:
            text += f", request_id={self.request_id}"
        return text + f"): {self.text[:200]!r}"


class ResponseTooLargeError(ResponseValidationError):
    """A reply read whole was larger, once decoded, than the client's ``max_response_bytes``.

    ``limit`` is that limit in bytes. Raise it with the client option, or use a method
    that streams (``download``) for large payloads.
    """

    def __init__(
        self, message: str, *, status_code: int, limit: int, request_id: str | None = None
    ) -> None:
        super().__init__(message, status_code=status_code, request_id=request_id)
        self.limit = limit

    def __str__(self) -> str:
        text = f"{self.message} (status {self.status_code}"
        if self.request_id:
            text += f", request_id={self.request_id}"
        return text + ")"


class ClientClosedError(MiosaError):
    """A call was made on a client after `close` (or after its ``with`` block ended)."""


class WaitError(MiosaError):
    """A ``wait_*`` helper ended without reaching the state it waited for.

    ``resource_id`` names what was awaited and ``state`` is the last state seen.
    """

    def __init__(self, message: str, *, resource_id: str, state: str | None) -> None:
        super().__init__(message)
        self.resource_id = resource_id
        self.state = state


class WaitTimeoutError(WaitError, APITimeoutError):
    """The wait's ``timeout`` passed first; also an `APITimeoutError`."""

    def __init__(
        self, message: str, *, resource_id: str, state: str | None, timeout: float, polls: int
    ) -> None:
        WaitError.__init__(self, message, resource_id=resource_id, state=state)
        self.timeout = timeout
        self.attempts = polls
        self.host = None
        self.received = None


class ResourceFailedError(WaitError):
    """The resource reached a failure state (``failed``, ``error`` ...) while being awaited."""


class CommandError(MiosaError):
    """A command ran and exited with a non-zero status; raised by ``ExecResult.check()``
    and ``exec.run(..., check=True)``, as `subprocess.run` raises ``CalledProcessError``.

    The request itself succeeded: this is the command's failure, not the API's.

    Attributes:
        exit_code: the command's exit status.
        command: the command line, when the call that ran it is known (``None`` from a
            bare ``ExecResult.check()``).
        stdout: the command's whole standard output.
        stderr: the command's whole standard error.

    The message ends with the last lines of standard error (else of standard output), so a
    traceback or a log shows why the command failed.
    """

    def __init__(
        self, *, exit_code: int, command: str | None = None, stdout: str = "", stderr: str = ""
    ) -> None:
        what = f"Command {command!r}" if command is not None else "The command"
        message = f"{what} exited with status {exit_code}"
        tail = _tail(stderr) or _tail(stdout)
        if tail:
            message += f"; its output ends with:\n{tail}"
        super().__init__(message)
        self.exit_code = exit_code
        self.command = command
        self.stdout = stdout
        self.stderr = stderr

    @property
    def stdout_tail(self) -> str:
        """The last lines of `stdout` (10 lines, 2,000 characters at most)."""
        return _tail(self.stdout)

    @property
    def stderr_tail(self) -> str:
        """The last lines of `stderr` (10 lines, 2,000 characters at most)."""
        return _tail(self.stderr)


def _tail(text: str, lines: int = 10, chars: int = 2000) -> str:
    return "\n".join(text.rstrip("\n").splitlines()[-lines:])[-chars:]


class CodeExecutionError(MiosaError):
    """A cell run with ``sandbox.code.run`` raised (`CodeResult.raise_for_error`).

    ``name``, ``value`` and ``traceback`` are the exception's class name, message and
    traceback text inside the sandbox; ``result`` is the whole `CodeResult` (its stdout,
    stderr and outputs up to the failure).
    """

    def __init__(self, result: CodeResult) -> None:
        error = result.error
        self.result = result
        self.name = error.name if error is not None else "Error"
        self.value = error.value if error is not None else ""
        self.traceback = error.traceback if error is not None else ""
        super().__init__(f"{self.name}: {self.value}" if self.value else self.name)


class StreamError(MiosaError):
    """A stream could not be (re)established or delivered something unusable."""


class WebhookVerificationError(MiosaError):
    """A webhook delivery failed verification; treat it as not from MIOSA."""
