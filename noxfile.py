"""Developer sessions: `nox -s tests`, `nox -s lint`, `nox -s typecheck`, `nox -s gen_sync` ...

`install_bare`, `readme_first_command` and `tests_versions` install the package as a user
would, each in a brand-new virtual environment; `.ci/run` runs them on every submission.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import nox

nox.options.sessions = ["gen_sync", "lint", "typecheck", "tests"]
nox.options.default_venv_backend = "venv"

DEV = "-e.[dev]"


@nox.session
def tests(session: nox.Session) -> None:
    """Async tests on asyncio and Trio, the generated sync tests, pure and local-server tests."""
    session.install(DEV)
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (with the ASYNC rules) and the formatter, on source, tests and scripts."""
    session.install(DEV)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src/miosa, the hand-written async tree and the generated sync tree."""
    session.install(DEV)
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs site (MkDocs, API reference from the docstrings); a warning fails it."""
    session.install("-e.[docs]")
    session.env.update({"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
    session.run("mkdocs", "build", "--strict", "--site-dir", session.create_tmp() + "/site")


@nox.session
def gen_sync(session: nox.Session) -> None:
    """Fail when src/miosa/_sync, tests/_sync or src/miosa/types/__init__.py are stale."""
    session.install(DEV)
    session.run("python", "scripts/gen_sync.py", "--check")
    session.run("python", "scripts/gen_types_init.py", "--check")


# What a bare `pip install miosa` must give: the clients, the errors, webhooks and models,
# and a working call on each client (the transport imports everything it needs), with none
# of the optional extras present.
BARE_INSTALL_PROBE = """
import importlib.util, anyio, httpx
from miosa import AsyncMiosa, Miosa
import miosa.errors, miosa.types, miosa.webhooks

for optional in ("starlette", "uvicorn", "websockets", "trio", "pytest"):
    assert importlib.util.find_spec(optional) is None, f"{optional} is installed: not a bare venv"

def reply(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": {"id": "sbx_1", "state": "running"}})

mock = httpx.MockTransport(reply)
with Miosa(api_key="msk_probe", http_client=httpx.Client(transport=mock)) as client:
    assert client.sandboxes.get("sbx_1").state == "running"

async def main() -> None:
    http = httpx.AsyncClient(transport=mock)
    async with AsyncMiosa(api_key="msk_probe", http_client=http) as client:
        assert (await client.sandboxes.get("sbx_1")).state == "running"
    await http.aclose()

anyio.run(main)
print("bare install: imports and calls work")
"""


@nox.session
def install_bare(session: nox.Session) -> None:
    """`pip install .` with no extras in a brand-new venv, then import and call as a user would."""
    session.install(".")
    session.chdir(session.create_tmp())  # import the installed package, not the checkout
    session.run("python", "-c", BARE_INSTALL_PROBE)


def readme_first_command() -> str:
    """The first line of the README's first code block, exactly as written."""
    readme = Path(__file__).with_name("README.md").read_text()
    block = re.search(r"```\n(.*?)```", readme, flags=re.S)
    assert block, "the README starts with a code block of commands"
    return block.group(1).splitlines()[0]


@nox.session(name="readme_first_command")
def run_readme_first_command(session: nox.Session) -> None:
    """The README's first command in a brand-new venv (its `pip` and `python` are the venv's)."""
    session.run("bash", "-c", readme_first_command(), external=True)


@nox.session(python=["3.10", "3.13"])
def tests_versions(session: nox.Session) -> None:
    """The whole suite on the oldest and newest Python this package supports."""
    session.install(DEV)
    session.run("python", "-m", "pytest", "-q", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """The quickstart against the embedded local server."""
    session.install("-e.[local]")
    session.run("python", "examples/quickstart.py")


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmarks in benchmarks/RESULTS.md: several minutes, on a quiet machine."""
    session.install(DEV)
    for script in ("bench_client.py", "sse_decoder_bench.py", "bench_sse.py", "bench_files.py"):
        session.run("python", f"benchmarks/{script}")


VENDOR_SDK = "miosa==2.19.2"
VENDOR_FLOWS = Path(__file__).parent / "interop" / "vendor_219"


def _start_local_server(python: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """`python -m miosa.local` on a free loopback port; its base URL and key, once printed."""
    server = subprocess.Popen(
        [str(python), "-m", "miosa.local", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    for line in server.stdout:
        if line.startswith("export "):
            pairs = dict(item.split("=", 1) for item in line.split()[1:])
            return server, pairs
    server.kill()
    raise RuntimeError("the local server exited before printing its address")


@nox.session
def vendor_sdk(session: nox.Session) -> None:
    """The vendor's own SDK (miosa 2.19.2, unmodified) against `python -m miosa.local`.

    Not in the default run: this session's venv holds the vendor's package, which also imports
    as `miosa`; the server runs from a second venv with this checkout and its `local` extra.
    Each `interop/vendor_219/flows_*.py` prints `ok <flow>` or `FAIL <flow>: <why>` per flow.
    """
    session.install(VENDOR_SDK)
    server_venv = Path(session.create_tmp()) / "server-venv"
    session.run(sys.executable, "-m", "venv", "--clear", str(server_venv), external=True)
    server_python = server_venv / "bin" / "python"
    session.run(str(server_python), "-m", "pip", "install", "-q", ".[local]", external=True)
    vendor_python = Path(session.virtualenv.location) / "bin" / "python"
    server, address = _start_local_server(server_python)
    failed: list[str] = []
    try:
        env = {**os.environ, **address}
        for flows in sorted(VENDOR_FLOWS.glob("flows_*.py")):
            session.log(f"{flows.name} ({VENDOR_SDK}) against {address['MIOSA_BASE_URL']}")
            run = subprocess.run([str(vendor_python), str(flows)], env=env, timeout=600)
            if run.returncode != 0:
                failed.append(flows.name)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    if failed:
        session.error(f"flows failed: {', '.join(failed)}")
