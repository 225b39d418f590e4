"""examples/agent.py as a user runs it: offline, then pointed at a (fake) model host."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.fake_llm import FakeLLM, Reply, chat

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "agent.py"
SETTINGS = ("MIOSA_API_KEY", "MIOSA_BASE_URL", "MIOSA_AGENT_PROVIDER", "MIOSA_AGENT_MODEL")


def run_example(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    return subprocess.run(
        [sys.executable, str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**clean, **env},
    )


def test_the_scripted_agent_writes_runs_and_snapshots_a_program_offline() -> None:
    done = run_example()
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "  <- [ok] Wrote /workspace/primes.py (224 bytes)." in out
    assert "     2 3 5 7 11 13 17 19 23 29 31 37 41 43 47" in out
    assert "     ok" in out
    assert "  <- [ok] Snapshot snap_" in out
    assert (
        "answer (end_turn, 0+0 tokens): primes.py works: it prints "
        "'2 3 5 7 11 13 17 19 23 29 31 37 41 43 47'; the checks passed; snapshot taken."
    ) in out
    assert "destroyed sandbox sbx_" in out
    assert "[error]" not in out


def test_the_example_speaks_to_a_model_host_named_by_the_environment() -> None:
    def answer(body: dict[str, Any]) -> dict[str, Any]:
        result = body["messages"][-1]["content"]
        return chat(f"It printed: {result.splitlines()[-1]}", usage=(120, 9))

    script: list[Reply] = [
        chat("Writing.", ("write_file", {"path": "/workspace/hi.py", "content": "print('hi')"})),
        chat(None, ("exec", {"command": "python3 /workspace/hi.py"})),
        answer,
    ]
    with FakeLLM(*script) as llm:
        done = run_example(
            MIOSA_AGENT_PROVIDER="groq",
            MIOSA_AGENT_MODEL="moonshotai/kimi-k2-instruct-0905",
            GROQ_API_KEY="gsk_test",
            MIOSA_AGENT_BASE_URL=llm.base_url,
        )
    assert done.returncode == 0, done.stderr
    assert "answer (end_turn, 140+19 tokens): It printed: hi" in done.stdout
    first = llm.requests[0]
    assert first.headers["authorization"] == "Bearer gsk_test"
    assert first.body["model"] == "moonshotai/kimi-k2-instruct-0905"
    assert first.body["messages"][0]["role"] == "system"
    assert first.body["messages"][1]["content"].startswith("Write /workspace/primes.py")
    tool_names = [t["function"]["name"] for t in first.body["tools"]]
    assert "exec" in tool_names and "destroy_sandbox" not in tool_names
