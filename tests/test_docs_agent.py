"""Every ```python block of docs/build-an-agent.md runs: against the local server for MIOSA,
and a scripted model host on 127.0.0.1 for OpenAI and Anthropic (``OPENAI_BASE_URL``,
``ANTHROPIC_BASE_URL``), so the page stays true."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from miosa.local import LocalServer
from tests.fake_llm import FakeLLM, Recorded, Status, anthropic, chat

PAGE = Path(__file__).resolve().parents[1] / "docs" / "build-an-agent.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE.read_text(), flags=re.S)
# The tool a scripted model calls first, among those it is offered.
FIRST_TOOLS = ("list_sandboxes", "list_files")


def scripted_model(request: Recorded) -> dict[str, Any] | Status:
    """A model that calls one listing tool, then answers with what it returned."""
    if request.headers.get("authorization") == "Bearer sk-revoked":
        return Status(401, {"error": {"message": "Incorrect API key provided",
                                      "type": "invalid_request_error",
                                      "code": "invalid_api_key"}})  # fmt: skip
    body = request.body
    is_anthropic = request.path.endswith("/messages")
    offered = [t["name"] if is_anthropic else t["function"]["name"] for t in body.get("tools", [])]
    results = [
        block["content"]
        for message in body["messages"]
        for block in (message["content"] if isinstance(message["content"], list) else [message])
        if (isinstance(block, dict) and block.get("type") == "tool_result")
        or block.get("role") == "tool"
    ]
    wanted = next((name for name in FIRST_TOOLS if name in offered), None)
    if wanted and not results:
        return anthropic(None, (wanted, {})) if is_anthropic else chat(None, (wanted, {}))
    text = f"The tool said: {results[-1]}" if results else "Hello."
    return anthropic(text) if is_anthropic else chat(text)


def test_the_page_has_examples() -> None:
    assert len(BLOCKS) >= 9


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_page_block_runs(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer() as server, FakeLLM(respond=scripted_model) as llm:
        monkeypatch.setenv("MIOSA_API_KEY", server.api_key)
        monkeypatch.setenv("MIOSA_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-docs")
        monkeypatch.setenv("OPENAI_BASE_URL", llm.base_url)
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-docs")
        monkeypatch.setenv("ANTHROPIC_BASE_URL", llm.base_url.removesuffix("/v1"))
        namespace: dict[str, object] = {"__name__": "docs_example"}
        try:
            exec(compile(code, str(PAGE), "exec"), namespace)
        finally:
            close = getattr(namespace.get("client"), "close", None)
            if callable(close):
                close()
        uses_a_model = "Provider" in code
        assert bool(llm.requests) == uses_a_model
