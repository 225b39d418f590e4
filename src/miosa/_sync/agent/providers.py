# This file was generated from
#   src/miosa/_async/agent/providers.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Model providers for `Agent`, spoken over httpx: no LLM SDK is needed.

`ChatCompletionsProvider` speaks OpenAI-style chat completions, which OpenAI and most
other hosts serve (`PRESETS` names the common ones); `AnthropicProvider` speaks
Anthropic's Messages API. Any object with the `Provider` method works too.

Errors and retries
------------------
The providers reuse this SDK's retry POLICY, not its transport. The policy (`miosa._core.retry`)
is what the model hosts expect as well: 408, 429 and 5xx are retried with capped, jittered
backoff, ``Retry-After``/``retry-after-ms`` are honoured up to 60 s, and ``x-should-retry``
(which OpenAI sends) overrides the status rules; a connection that fails is retried too,
since a model call has no side effect to repeat (the OpenAI and Anthropic SDKs do the same).
The MIOSA transport itself (``HTTP``) is not reused: it signs every request with the
MIOSA key, adds MIOSA's retry-count and idempotency headers and resolves paths against the
MIOSA base URL, none of which a model host should see.

A provider's error status raises `ProviderError`, an `APIStatusError` with ``status_code``,
``code``, ``message``, ``body`` and ``provider``; it is deliberately not MIOSA's
`AuthenticationError` & co., so a 401 from the model host never reads as a bad MIOSA key.
A request with no answer raises `APIConnectionError` / `APITimeoutError`, and a success body
that is not a model reply raises `ResponseValidationError`, as everywhere in this SDK.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any, Protocol, TypeVar

import httpx

from ..._agent_tools import ToolSpec
from ..._agent_types import Message, ModelMessage
from ..._agent_wire import (
    ANTHROPIC_BASE_URL,
    ANTHROPIC_VERSION,
    PRESETS,
    anthropic_request,
    chat_request,
    chat_url,
    messages_url,
    parse_anthropic_reply,
    parse_chat_reply,
    provider_error,
)
from ..._concurrency import sleep
from ..._core.options import USER_AGENT, Secret, check_header_value
from ..._core.retry import connection_error, decide_for_status, decide_for_transport_error
from ...errors import ResponseValidationError

__all__ = [
    "AnthropicProvider",
    "ChatCompletionsProvider",
    "HTTPProvider",
    "Provider",
]

DEFAULT_PROVIDER_TIMEOUT = 120.0
DEFAULT_PROVIDER_RETRIES = 2
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

_ProviderT = TypeVar("_ProviderT", bound="HTTPProvider")


class Provider(Protocol):
    """What `Agent` needs from a model: one reply to a conversation."""

    @property
    def name(self) -> str: ...

    def complete(
        self,
        *,
        system: str | None,
        messages: Sequence[Message],
        tools: Sequence[ToolSpec],
        step: int,
    ) -> ModelMessage:
        """The model's reply (text and tool calls) to ``messages``; ``step`` numbers it."""
        ...


class HTTPProvider:
    """The HTTP part shared by the providers: one connection pool, retries, errors.

    ``http_client`` is used as it is (and left open) when given; otherwise the provider
    opens its own on first use and closes it in `close` (or ``with provider:``).
    """

    def __init__(
        self,
        *,
        name: str,
        model: str,
        api_key: str | None,
        timeout: float,
        max_retries: int,
        headers: Mapping[str, str] | None,
        extra_body: Mapping[str, Any] | None,
        http_client: httpx.Client | None,
    ) -> None:
        if not model:
            raise ValueError("model is required")
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self._name = name
        self.model = model
        self._api_key = Secret(check_header_value("api_key", api_key)) if api_key else None
        self.timeout = timeout
        self.max_retries = max_retries
        self.headers = {k: check_header_value(k, v) for k, v in (headers or {}).items()}
        self.extra_body = dict(extra_body or {})
        self._http = http_client
        self._owns_http = http_client is None

    @property
    def name(self) -> str:
        return self._name

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self._name!r}, model={self.model!r})"

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(timeout=self.timeout, follow_redirects=False)
        return self._http

    def close(self) -> None:
        """Close the connection pool the provider opened (not one it was given)."""
        if self._owns_http and self._http is not None:
            client, self._http = self._http, None
            client.close()

    def __enter__(self: _ProviderT) -> _ProviderT:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _post(self, url: str, headers: Mapping[str, str], body: object) -> object:
        """POST ``body`` as JSON; the decoded reply. Retries as the module docstring says."""
        content = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        request_headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
            **headers,
            **self.headers,
        }
        retries = 0
        while True:
            try:
                response = self._client().post(
                    url, content=content, headers=request_headers, timeout=self.timeout
                )
            except httpx.TransportError as exc:
                decision = decide_for_transport_error(
                    sent=not isinstance(exc, _NOT_SENT),
                    replay_safe=True,
                    retries_done=retries,
                    max_retries=self.max_retries,
                )
                if decision.retry:
                    sleep(decision.delay)
                    retries += 1
                    continue
                raise connection_error(exc, retries + 1, "POST", httpx.URL(url)) from exc
            status = response.status_code
            if status < 300:
                try:
                    return response.json()
                except (ValueError, RecursionError):
                    raise ResponseValidationError(
                        f"{self._name}: the reply is not JSON",
                        status_code=status,
                        request_id=response.headers.get("x-request-id"),
                        text=response.text[:1024],
                    ) from None
            decision = decide_for_status(status, response.headers, retries, self.max_retries)
            if decision.retry:
                sleep(decision.delay)
                retries += 1
                continue
            raise provider_error(
                self._name, status, response.headers, response.content, attempts=retries + 1
            )


class ChatCompletionsProvider(HTTPProvider):
    """A model behind an OpenAI-compatible chat-completions endpoint.

    ``base_url`` is the API root (``https://api.openai.com/v1``); requests go to
    ``{base_url}/chat/completions`` (a URL that already ends so is used as it is).
    ``api_key`` is sent as a bearer token (none for local servers such as Ollama).
    ``max_tokens``, ``temperature`` and ``extra_body`` (merged into every request body)
    are sent when given. Use `preset` for a known host::

        provider = ChatCompletionsProvider.preset(
            "groq", model="moonshotai/kimi-k2-instruct-0905"
        )
    """

    def __init__(
        self,
        *,
        model: str,
        base_url: str = "https://api.openai.com/v1",
        api_key: str | None = None,
        name: str = "openai-compatible",
        max_tokens: int | None = None,
        temperature: float | None = None,
        timeout: float = DEFAULT_PROVIDER_TIMEOUT,
        max_retries: int = DEFAULT_PROVIDER_RETRIES,
        headers: Mapping[str, str] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            name=name,
            model=model,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            extra_body=extra_body,
            http_client=http_client,
        )
        self.url = chat_url(base_url)
        self.max_tokens = max_tokens
        self.temperature = temperature

    @classmethod
    def preset(
        cls,
        name: str,
        *,
        model: str,
        api_key: str | None = None,
        base_url: str | None = None,
        max_tokens: int | None = None,
        temperature: float | None = None,
        timeout: float = DEFAULT_PROVIDER_TIMEOUT,
        max_retries: int = DEFAULT_PROVIDER_RETRIES,
        headers: Mapping[str, str] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        http_client: httpx.Client | None = None,
    ) -> ChatCompletionsProvider:
        """A provider for a host in `PRESETS` (``openai``, ``groq``, ``deepseek``,
        ``openrouter``, ``together``, ``fireworks``, ``mistral``, ``cerebras``,
        ``perplexity``, ``xai``, ``ollama``, ``lmstudio``).

        ``api_key`` defaults to the host's usual variable (``OPENAI_API_KEY``,
        ``GROQ_API_KEY`` ...); a hosted preset without a key is a `ValueError`. For
        ``openai``, ``OPENAI_BASE_URL`` overrides the base URL when set, as in the OpenAI SDK.
        """
        found = PRESETS.get(name)
        if found is None:
            raise ValueError(f"no preset {name!r}; presets: {', '.join(PRESETS)}")
        if base_url is None and found.base_url_env is not None:
            base_url = os.environ.get(found.base_url_env) or None
        if api_key is None and found.api_key_env is not None:
            api_key = os.environ.get(found.api_key_env) or None
            if api_key is None:
                raise ValueError(f"{name}: pass api_key=... or set {found.api_key_env}")
        return cls(
            model=model,
            base_url=base_url or found.base_url,
            api_key=api_key,
            name=name,
            max_tokens=max_tokens,
            temperature=temperature,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            extra_body=extra_body,
            http_client=http_client,
        )

    def complete(
        self,
        *,
        system: str | None,
        messages: Sequence[Message],
        tools: Sequence[ToolSpec],
        step: int = 0,
    ) -> ModelMessage:
        """``POST {base_url}/chat/completions``; the first choice as a `ModelMessage`."""
        body = chat_request(
            model=self.model,
            system=system,
            messages=messages,
            tools=tools,
            max_tokens=self.max_tokens,
            temperature=self.temperature,
            extra_body=self.extra_body,
        )
        headers = {"Authorization": f"Bearer {self._api_key.reveal()}"} if self._api_key else {}
        payload = self._post(self.url, headers, body)
        return parse_chat_reply(self._name, payload, step=step)


class AnthropicProvider(HTTPProvider):
    """A Claude model through Anthropic's Messages API (``POST {base_url}/v1/messages``).

    ``api_key`` defaults to ``ANTHROPIC_API_KEY`` and ``base_url`` to ``ANTHROPIC_BASE_URL``
    or ``https://api.anthropic.com`` (as in the Anthropic SDK; a root ending in ``/v1`` works
    too); ``max_tokens`` is required by the API (default 4096); ``anthropic_version`` is sent
    as the ``anthropic-version`` header.
    """

    def __init__(
        self,
        *,
        model: str,
        api_key: str | None = None,
        base_url: str | None = None,
        max_tokens: int = 4096,
        temperature: float | None = None,
        anthropic_version: str = ANTHROPIC_VERSION,
        timeout: float = DEFAULT_PROVIDER_TIMEOUT,
        max_retries: int = DEFAULT_PROVIDER_RETRIES,
        headers: Mapping[str, str] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        api_key = api_key or os.environ.get("ANTHROPIC_API_KEY") or None
        if api_key is None:
            raise ValueError("anthropic: pass api_key=... or set ANTHROPIC_API_KEY")
        super().__init__(
            name="anthropic",
            model=model,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            extra_body=extra_body,
            http_client=http_client,
        )
        self.url = messages_url(
            base_url or os.environ.get("ANTHROPIC_BASE_URL") or ANTHROPIC_BASE_URL
        )
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.anthropic_version = check_header_value("anthropic_version", anthropic_version)

    def complete(
        self,
        *,
        system: str | None,
        messages: Sequence[Message],
        tools: Sequence[ToolSpec],
        step: int = 0,
    ) -> ModelMessage:
        """``POST {base_url}/messages``; the reply as a `ModelMessage`."""
        body = anthropic_request(
            model=self.model,
            system=system,
            messages=messages,
            tools=tools,
            max_tokens=self.max_tokens,
            temperature=self.temperature,
            extra_body=self.extra_body,
        )
        headers = {"anthropic-version": self.anthropic_version}
        if self._api_key is not None:
            headers["x-api-key"] = self._api_key.reveal()
        payload = self._post(self.url, headers, body)
        return parse_anthropic_reply(self._name, payload, step=step)
