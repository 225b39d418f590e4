# This file was generated from
#   src/miosa/_async/resources/ai_gateway/inference.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""``client.ai_gateway.inference``: the OpenAI-compatible proxy in front of a self-hosted
inference cluster, ``/inference/{slug}/v1/...`` at the root of the API host."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from ...._core.call_options import RequestOptions, Unpack
from ...._core.request import NOT_GIVEN, NotGiven, body, merge, route
from ...._groups.ai_gateway import host_root_base_url
from ....types.ai import ChatCompletion, Completion, LLMModel
from ..._http import HTTP
from ..._resource import APIResource


def _inference_path(slug: str, tail: str) -> str:
    return route("/inference/{slug}/v1", slug=slug) + tail


class GatewayInference(APIResource):
    """``client.ai_gateway.inference``: models, chat and text completions on a cluster.

    The proxy is mounted at the host root, outside ``/api/v1``: requests go to
    ``https://<api host>/inference/{slug}/v1/...`` with the client's credentials, retries
    and errors. Replies are the upstream OpenAI payloads; streaming is not offered here.
    """

    _root_http: tuple[HTTP, HTTP] | None = None  # (the client's, derived from it)

    @property
    def _http(self) -> HTTP:
        # Same pool and options (credentials, retries); only the base URL loses its path.
        http = self._client._http
        if self._root_http is None or self._root_http[0] is not http:
            base = host_root_base_url(http.options.base_url)
            self._root_http = (http, HTTP(http.options._replace(base_url=base), http.pool))
        return self._root_http[1]

    def models(self, slug: str, **options: Unpack[RequestOptions]) -> builtins.list[LLMModel]:
        """The models the cluster serves. ``GET /inference/{slug}/v1/models``."""
        return self._list(
            "GET", _inference_path(slug, "/models"), LLMModel, keys=("data",), options=options
        )

    def chat(
        self,
        slug: str,
        *,
        model: str,
        messages: Sequence[Mapping[str, Any]],
        temperature: float | NotGiven = NOT_GIVEN,
        max_tokens: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ChatCompletion:
        """A chat completion on the cluster. ``POST /inference/{slug}/v1/chat/completions``.

        ``extra`` adds any other OpenAI chat parameter; the body is forwarded as is.
        """
        payload = body(
            model=model, messages=messages, temperature=temperature, max_tokens=max_tokens
        )
        return self._object(
            "POST",
            _inference_path(slug, "/chat/completions"),
            ChatCompletion,
            json=merge(payload, extra),
            options=options,
        )

    def create(
        self,
        slug: str,
        *,
        model: str,
        prompt: str | Sequence[str],
        temperature: float | NotGiven = NOT_GIVEN,
        max_tokens: int | NotGiven = NOT_GIVEN,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Completion:
        """A legacy text completion on the cluster.
        ``POST /inference/{slug}/v1/completions``.

        ``extra`` adds any other OpenAI completion parameter; the body is forwarded as is.
        """
        payload = body(model=model, prompt=prompt, temperature=temperature, max_tokens=max_tokens)
        return self._object(
            "POST",
            _inference_path(slug, "/completions"),
            Completion,
            json=merge(payload, extra),
            options=options,
        )
