# This file was generated from
#   src/miosa/_async/resources/completions.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""Text and chat completions (OpenAI-compatible), whole or streamed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from ..._core.call_options import RequestOptions, Unpack
from ..._core.request import NOT_GIVEN, NotGiven, body, merge
from ..._groups.ai import chunk_error, parse_chunk
from ...errors import StreamError
from ...types._base import Model
from ...types.ai import ChatCompletion, ChatCompletionChunk, Completion
from .._http import HTTP
from .._resource import APIResource
from ..streams import EventStream

M = TypeVar("M", bound=Model)

_CHAT = "/intelligence/chat/completions"
_TEXT = "/intelligence/completions"


class CompletionStream(EventStream[M]):
    """Streamed completion chunks: ``with ... as stream: for chunk in stream``.

    Connects when entered. The server's ``[DONE]`` event ends the iteration; an
    ``{"error": ...}`` event raises `StreamError` after the chunks before it. The request
    is a POST, so a dropped connection raises `StreamError` instead of resuming.
    """

    def __init__(
        self, http: HTTP, path: str, payload: Mapping[str, object], cast_to: type[M]
    ) -> None:
        done = cast_to()  # stands for `[DONE]`; never handed out
        super().__init__(
            http,
            "POST",
            path,
            lambda sse: parse_chunk(sse, cast_to, done),
            json=dict(payload),
            resumable=False,
            is_final=lambda item: item is done or chunk_error(item) is not None,
        )
        self._done = done

    def __next__(self) -> M:
        item = super().__next__()
        if item is self._done:
            self.close()
            raise StopIteration
        error = chunk_error(item)
        if error is not None:
            self.close()
            raise StreamError(f"the completion stream failed: {error}")
        return item


class Completions(APIResource):
    """``client.completions``: text and chat completions (needs an intelligence key).

    ``chat``/``create`` return the whole completion; ``chat_stream``/``create_stream``
    return a stream of chunks to use with ``with``.
    """

    def chat(
        self,
        *,
        model: str,
        messages: Sequence[Mapping[str, Any]],
        temperature: float | NotGiven = NOT_GIVEN,
        top_p: float | NotGiven = NOT_GIVEN,
        max_tokens: int | NotGiven = NOT_GIVEN,
        n: int | NotGiven = NOT_GIVEN,
        stop: str | Sequence[str] | NotGiven = NOT_GIVEN,
        seed: int | NotGiven = NOT_GIVEN,
        tools: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        response_format: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ChatCompletion:
        """Create a chat completion. ``POST /intelligence/chat/completions``.

        ``messages`` are OpenAI-style (``{"role": "user", "content": "..."}``); ``extra``
        adds any other OpenAI chat parameter to the body.
        """
        payload = body(
            model=model,
            messages=messages,
            temperature=temperature,
            top_p=top_p,
            max_tokens=max_tokens,
            n=n,
            stop=stop,
            seed=seed,
            tools=tools,
            tool_choice=tool_choice,
            response_format=response_format,
            user=user,
        )
        return self._object(
            "POST", _CHAT, ChatCompletion, json=merge(payload, extra), options=options
        )

    def chat_stream(
        self,
        *,
        model: str,
        messages: Sequence[Mapping[str, Any]],
        temperature: float | NotGiven = NOT_GIVEN,
        top_p: float | NotGiven = NOT_GIVEN,
        max_tokens: int | NotGiven = NOT_GIVEN,
        n: int | NotGiven = NOT_GIVEN,
        stop: str | Sequence[str] | NotGiven = NOT_GIVEN,
        seed: int | NotGiven = NOT_GIVEN,
        tools: Sequence[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        response_format: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        stream_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> CompletionStream[ChatCompletionChunk]:
        """Stream a chat completion as chunks. ``POST /intelligence/chat/completions``
        with ``"stream": true`` (server-sent events).

        ``with client.completions.chat_stream(...) as stream: for chunk in
        stream: print(chunk.text, end="")``. Pass ``stream_options={"include_usage": True}``
        for a final chunk carrying the usage.
        """
        payload = body(
            model=model,
            messages=messages,
            temperature=temperature,
            top_p=top_p,
            max_tokens=max_tokens,
            n=n,
            stop=stop,
            seed=seed,
            tools=tools,
            tool_choice=tool_choice,
            response_format=response_format,
            user=user,
            stream=True,
            stream_options=stream_options,
        )
        return CompletionStream(self._http, _CHAT, merge(payload, extra), ChatCompletionChunk)

    def create(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        max_tokens: int | NotGiven = NOT_GIVEN,
        temperature: float | NotGiven = NOT_GIVEN,
        top_p: float | NotGiven = NOT_GIVEN,
        n: int | NotGiven = NOT_GIVEN,
        stop: str | Sequence[str] | NotGiven = NOT_GIVEN,
        seed: int | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Completion:
        """Create a text completion. ``POST /intelligence/completions``.

        ``extra`` adds any other OpenAI completion parameter to the body.
        """
        payload = body(
            model=model,
            prompt=prompt,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            n=n,
            stop=stop,
            seed=seed,
            user=user,
        )
        return self._object("POST", _TEXT, Completion, json=merge(payload, extra), options=options)

    def create_stream(
        self,
        *,
        model: str,
        prompt: str | Sequence[str],
        max_tokens: int | NotGiven = NOT_GIVEN,
        temperature: float | NotGiven = NOT_GIVEN,
        top_p: float | NotGiven = NOT_GIVEN,
        n: int | NotGiven = NOT_GIVEN,
        stop: str | Sequence[str] | NotGiven = NOT_GIVEN,
        seed: int | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        stream_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
    ) -> CompletionStream[Completion]:
        """Stream a text completion as chunks. ``POST /intelligence/completions`` with
        ``"stream": true`` (server-sent events); each chunk is a `Completion`."""
        payload = body(
            model=model,
            prompt=prompt,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            n=n,
            stop=stop,
            seed=seed,
            user=user,
            stream=True,
            stream_options=stream_options,
        )
        return CompletionStream(self._http, _TEXT, merge(payload, extra), Completion)
