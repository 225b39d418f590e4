"""An agent that writes and runs a program in a MIOSA sandbox, through tools.

    pip install -e '.[local]' && python examples/agent.py

With no settings it runs offline: `miosa.local.LocalServer` stands in for MIOSA on
127.0.0.1, and a scripted provider (below) stands in for the model, asking for the same
tool calls a model would. Each step of the run is printed as it happens.

Point it at a real model with environment variables:

    MIOSA_AGENT_PROVIDER   a chat-completions preset (openai, groq, deepseek, openrouter,
                           together, fireworks, mistral, cerebras, perplexity, xai, ollama,
                           lmstudio) or "anthropic"
    MIOSA_AGENT_MODEL      the model name, e.g. gpt-4.1-mini or claude-sonnet-4-5
    OPENAI_API_KEY, GROQ_API_KEY, ..., ANTHROPIC_API_KEY
                           the host's key, read by the preset
    MIOSA_AGENT_BASE_URL   optional: another API root for the same wire format (a proxy,
                           vLLM, Azure's OpenAI-compatible endpoint ...)

and at the real MIOSA API with ``MIOSA_API_KEY`` (and ``MIOSA_BASE_URL`` if needed).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence

from miosa import Miosa
from miosa.agent import (
    Agent,
    AnthropicProvider,
    ChatCompletionsProvider,
    FinalAnswer,
    HTTPProvider,
    Message,
    ModelMessage,
    Provider,
    Toolbox,
    ToolCall,
    ToolResult,
    ToolSpec,
    sandbox_builder_system_prompt,
)

TASK = (
    "Write /workspace/primes.py: a function primes(n) returning the primes below n, and a "
    "main that prints the primes below 50. Run it, run a quick check that primes(2) is "
    "empty and primes(20) has 8 items, snapshot the sandbox, and report the output."
)

PROGRAM = """\
def primes(n):
    found = []
    for k in range(2, n):
        if all(k % p for p in found if p * p <= k):
            found.append(k)
    return found


if __name__ == "__main__":
    print(" ".join(map(str, primes(50))))
"""


class ScriptedProvider:
    """A stand-in for a model: the tool calls a model would make for TASK, in order.

    It implements the `Provider` protocol (one method, ``complete``), as any model
    adapter can; the real ones speak HTTP to a model host instead.
    """

    name = "scripted"

    plan = (
        ("I'll write the program first.", "write_file",
         {"path": "/workspace/primes.py", "content": PROGRAM}),
        ("Now run it.", "exec", {"command": "python3 primes.py", "cwd": "/workspace"}),
        ("And check the edge cases.", "exec",
         {"command": "python3 -c 'from primes import primes; "
                     "assert primes(2) == [] and len(primes(20)) == 8; print(\"ok\")'",
          "cwd": "/workspace"}),
        ("Snapshot the work.", "snapshot_sandbox", {"comment": "primes"}),
    )  # fmt: skip

    def complete(
        self,
        *,
        system: str | None,
        messages: Sequence[Message],
        tools: Sequence[ToolSpec],
        step: int,
    ) -> ModelMessage:
        if step <= len(self.plan):
            text, name, arguments = self.plan[step - 1]
            call = ToolCall(id=f"call_{step}", name=name, arguments=arguments, step=step)
            return ModelMessage(text=text, tool_calls=(call,), stop_reason="tool_use", step=step)
        outputs = [m.text for m in messages if isinstance(m, ToolResult) and m.name == "exec"]
        printed = outputs[0].split("stdout:\n", 1)[-1]
        return ModelMessage(
            text=f"primes.py works: it prints {printed!r}; the checks passed; snapshot taken.",
            stop_reason="end_turn",
            step=step,
        )


def model_from_env() -> Provider:
    name = os.environ.get("MIOSA_AGENT_PROVIDER")
    if not name:
        return ScriptedProvider()
    model = os.environ.get("MIOSA_AGENT_MODEL")
    if not model:
        raise SystemExit("set MIOSA_AGENT_MODEL to the model's name")
    base_url = os.environ.get("MIOSA_AGENT_BASE_URL") or None
    if name == "anthropic":
        return AnthropicProvider(model=model, base_url=base_url)
    return ChatCompletionsProvider.preset(name, model=model, base_url=base_url)


@contextlib.contextmanager
def miosa_client() -> Iterator[Miosa]:
    """The real API when MIOSA_API_KEY is set, else a local server on 127.0.0.1."""
    if os.environ.get("MIOSA_API_KEY"):
        with Miosa() as client:
            yield client
        return
    from miosa.local import LocalServer

    with LocalServer() as server, Miosa(api_key=server.api_key, base_url=server.base_url) as c:
        print(f"local MIOSA server at {server.base_url}")
        yield c


def show(step: object) -> None:
    match step:
        case ModelMessage(text=text) if text:
            print(f"model: {text}")
        case ToolCall(name=name, arguments=arguments):
            shown = {
                k: (v if len(str(v)) < 60 else str(v)[:57] + "...") for k, v in arguments.items()
            }
            print(f"  -> {name}({shown})")
        case ToolResult(text=text, is_error=is_error):
            mark = "error" if is_error else "ok"
            print(f"  <- [{mark}] " + text.replace("\n", "\n     "))
        case FinalAnswer(text=text, stop_reason=reason, usage=usage):
            print(f"answer ({reason}, {usage.input_tokens}+{usage.output_tokens} tokens): {text}")


def main() -> str:
    provider = model_from_env()
    with miosa_client() as client, client.sandboxes.create(name="agent-example") as sandbox:
        print(f"sandbox {sandbox.id}")
        agent = Agent(
            client,
            provider,
            tools=Toolbox.for_sandbox(sandbox),  # bound: the model cannot touch other sandboxes
            system=sandbox_builder_system_prompt("artifact"),
            max_steps=12,
        )
        final = ""
        for step in agent.stream(TASK):
            show(step)
            if isinstance(step, FinalAnswer):
                final = step.text
        if isinstance(provider, HTTPProvider):
            provider.close()
    print(f"destroyed sandbox {sandbox.id}")
    return final


if __name__ == "__main__":
    main()
