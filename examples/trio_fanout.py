"""Fan out work to several sandboxes at once with Trio (the same code runs on asyncio).

    pip install -e '.[local]' trio && python examples/trio_fanout.py

Each task creates a sandbox, streams a command's output line by line, and destroys the
sandbox on the way out; `AsyncMiosa` is shared by every task. Without ``MIOSA_API_KEY``
it starts the local MIOSA server first.
"""

from __future__ import annotations

import os

import anyio

from miosa import AsyncMiosa
from miosa.types import ExecExit, ExecStdout


async def run_job(client: AsyncMiosa, job: int, results: dict[int, list[str]]) -> None:
    async with await client.sandboxes.create(name=f"job-{job}") as sandbox:
        command = f"for i in 1 2 3; do echo job{job}-step$i; done"
        lines: list[str] = []
        async with sandbox.exec.stream(command) as output:
            async for chunk in output:
                if isinstance(chunk, ExecStdout):
                    lines.append(chunk.line)
                elif isinstance(chunk, ExecExit):
                    print(f"job {job}: exit {chunk.exit_code}, {len(lines)} lines")
        results[job] = lines


async def fan_out(client: AsyncMiosa, jobs: int = 4) -> dict[int, list[str]]:
    results: dict[int, list[str]] = {}
    async with anyio.create_task_group() as tasks:
        for job in range(jobs):
            tasks.start_soon(run_job, client, job, results)
    return results


async def main() -> dict[int, list[str]]:
    if os.environ.get("MIOSA_API_KEY"):
        async with AsyncMiosa() as client:
            return await fan_out(client)
    from miosa.local import LocalServer

    async with LocalServer() as server, server.async_client() as client:
        return await fan_out(client)


if __name__ == "__main__":
    anyio.run(main, backend="trio")
