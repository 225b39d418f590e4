"""Developer sessions: `nox -s tests`, `nox -s lint`, `nox -s typecheck`, `nox -s gen_sync` ..."""

from __future__ import annotations

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
def gen_sync(session: nox.Session) -> None:
    """Fail when src/miosa/_sync, tests/_sync or src/miosa/types/__init__.py are stale."""
    session.install(DEV)
    session.run("python", "scripts/gen_sync.py", "--check")
    session.run("python", "scripts/gen_types_init.py", "--check")


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
