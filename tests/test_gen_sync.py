"""Tests of scripts/gen_sync.py, run as a subprocess on toy trees under tmp_path."""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "gen_sync.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_sync", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_sync"] = module  # dataclasses look the module up
    dont_write_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:  # no scripts/__pycache__ in the work tree
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = dont_write_bytecode
    return module


gen_sync = _load_script()

CONCURRENCY = '''\
"""Twins."""

import contextlib
import time

import anyio


async def asleep(seconds: float) -> None:
    await anyio.sleep(seconds)


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def ashielded() -> anyio.CancelScope:
    return anyio.CancelScope(shield=True)


def shielded() -> contextlib.nullcontext[None]:
    return contextlib.nullcontext()


class AsyncLock:
    pass


class Lock:
    pass


async def aorphan() -> None:
    """No sync twin: not a pair."""
'''

CLIENT = '''\
"""`AsyncMiosa`: use ``async with AsyncMiosa() as client`` and ``await client.aclose()``."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager

import httpx

from miosa._async.streams import AsyncStream

from .._concurrency import AsyncLock, ashielded, asleep

__all__ = ["AsyncMiosa"]


class AsyncMiosa:
    """Client for the MIOSA API, usable as an async context manager."""

    kind = "AsyncMiosa"
    label = "AsyncMiosa client"
    unknown = "AsyncUnknown"
    patch_target = "miosa._async.client.AsyncMiosa.aclose"

    def __init__(self, http_client: httpx.AsyncClient | None = None) -> None:
        self._http = http_client or httpx.AsyncClient()
        self._lock = AsyncLock()

    async def __aenter__(self) -> AsyncMiosa:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        with ashielded():
            await self._http.aclose()

    async def get(self, url: str) -> bytes:
        async with self._http.stream("GET", url) as response:
            body = response.headers.get("etag", "").encode()
            chunks = [chunk async for chunk in response.aiter_raw()]
        await asleep(0.1)
        return body + b"".join(chunks)

    def stream(self) -> AsyncStream:
        return AsyncStream()

    @asynccontextmanager
    async def session(self) -> AsyncGenerator[AsyncMiosa, None]:
        yield self

    async def lines(self, it: AsyncIterator[bytes]) -> list[bytes]:
        return [line async for line in it]
'''

STREAMS = """\
from collections.abc import AsyncIterable, AsyncIterator


class AsyncStream:
    def __aiter__(self) -> AsyncIterator[bytes]:
        return self

    async def __anext__(self) -> bytes:
        raise StopAsyncIteration

    async def collect(self, source: AsyncIterable[bytes]) -> list[bytes]:
        out = []
        async for chunk in source:
            out.append(chunk)
        return out
"""

TEST_X = """\
from miosa._async.client import AsyncMiosa
from tests._async.helpers import URL


async def test_get(client: AsyncMiosa) -> None:
    async with client:
        assert await client.get(URL) == b""
"""

PYPROJECT = """\
[project]
name = "toy"
requires-python = ">=3.10"

[tool.ruff]
line-length = 100
target-version = "py310"

[tool.ruff.lint]
select = ["E", "F", "W", "I", "UP"]

[tool.ruff.lint.per-file-ignores]
"tests/**" = ["E501"]
"""


def _vocabulary() -> str:
    """A module that fires every REPLACEMENTS entry, so the table can grow without test edits."""
    lines = [f"    x.{old}" for old in gen_sync.REPLACEMENTS]
    return "def use(x: object) -> None:\n" + "\n".join(lines or ["    pass"]) + "\n"


def _write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build_toy(root: Path, *, pyproject: bool = True) -> Path:
    _write(root, "src/miosa/__init__.py", "")
    _write(root, "src/miosa/_concurrency.py", CONCURRENCY)
    _write(root, "src/miosa/_async/__init__.py", '"""I/O."""\n')
    _write(root, "src/miosa/_async/client.py", CLIENT)
    _write(root, "src/miosa/_async/streams.py", STREAMS)
    _write(root, "src/miosa/_async/sub/_vocab.py", _vocabulary())
    _write(root, "tests/__init__.py", "")
    _write(root, "tests/_async/__init__.py", "")
    _write(root, "tests/_async/helpers.py", 'URL = "/x"\n')
    _write(root, "tests/_async/test_x.py", TEST_X)
    if pyproject:
        _write(root, "pyproject.toml", PYPROJECT)
    return root


def run(
    root: Path, *args: str, cwd: Path | None = None, root_arg: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", root_arg or str(root), *args],
        cwd=cwd or root,
        capture_output=True,
        text=True,
        check=False,
    )


def tree_hash(root: Path, *rels: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for rel in rels or (".",):
        base = root / rel
        paths = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in paths:
            if path.is_file():
                found[path.relative_to(root).as_posix()] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return found


SOURCES = ("src/miosa/_async", "tests/_async", "src/miosa/_concurrency.py")


@pytest.fixture(scope="module")
def generated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = build_toy(tmp_path_factory.mktemp("template"))
    result = run(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def toy(generated_template: Path, tmp_path: Path) -> Path:
    """A freshly generated toy tree, private to the test."""
    root = tmp_path / "toy"
    shutil.copytree(generated_template, root)
    return root


# ------------------------------------------------------------------------ generated text ----


def test_generated_client(toy: Path) -> None:
    out = (toy / "src/miosa/_sync/client.py").read_text()
    assert out.startswith(
        "# This file was generated from\n"
        "#   src/miosa/_async/client.py\n"
        "# by scripts/gen_sync.py. Do not edit it by hand.\n"
    )
    expected = [
        '"""`Miosa`: use ``with Miosa() as client`` and ``client.close()``."""',
        "from collections.abc import Generator, Iterator",
        "from contextlib import contextmanager",
        "from miosa._sync.streams import Stream",
        "from .._concurrency import Lock, shielded, sleep",
        '__all__ = ["Miosa"]',
        "class Miosa:",
        # docstrings go through the phrase table
        '    """Client for the MIOSA API, usable as a context manager."""',
        '    kind = "Miosa"',
        '    label = "Miosa client"',
        '    unknown = "AsyncUnknown"',
        '    patch_target = "miosa._sync.client.Miosa.close"',
        "    def __init__(self, http_client: httpx.Client | None = None) -> None:",
        "        self._http = http_client or httpx.Client()",
        "        self._lock = Lock()",
        "    def __enter__(self) -> Miosa:",
        "    def __exit__(self, *exc: object) -> None:",
        "        self.close()",
        "    def close(self) -> None:",
        "        with shielded():",
        "            self._http.close()",
        "    def get(self, url: str) -> bytes:",
        '        with self._http.stream("GET", url) as response:',
        '            body = response.headers.get("etag", "").encode()',
        "            chunks = [chunk for chunk in response.iter_raw()]",
        "        sleep(0.1)",
        "    def stream(self) -> Stream:",
        "        return Stream()",
        "    @contextmanager",
        "    def session(self) -> Generator[Miosa, None]:",
        "    def lines(self, it: Iterator[bytes]) -> list[bytes]:",
        "        return [line for line in it]",
    ]
    lines = out.splitlines()
    for line in expected:
        assert line in lines, line
    assert "Sync" not in out
    assert gen_sync.scan_leftovers(out, "client.py", {}) == []


def test_generated_streams_and_tests(toy: Path) -> None:
    streams = (toy / "src/miosa/_sync/streams.py").read_text().splitlines()
    for line in [
        "from collections.abc import Iterable, Iterator",
        "class Stream:",
        "    def __iter__(self) -> Iterator[bytes]:",
        "    def __next__(self) -> bytes:",
        "        raise StopIteration",
        "    def collect(self, source: Iterable[bytes]) -> list[bytes]:",
        "        for chunk in source:",
    ]:
        assert line in streams, line
    test_x = (toy / "tests/_sync/test_x.py").read_text()
    assert test_x.startswith("# This file was generated from\n#   tests/_async/test_x.py\n")
    for line in [
        "from miosa._sync.client import Miosa",
        "from tests._sync.helpers import URL",
        "def test_get(client: Miosa) -> None:",
        "    with client:",
        '        assert client.get(URL) == b""',
    ]:
        assert line in test_x.splitlines(), line
    vocab = (toy / "src/miosa/_sync/sub/_vocab.py").read_text()
    for new in gen_sync.REPLACEMENTS.values():
        assert f"x.{new}" in vocab


def test_generated_code_passes_ruff_in_place(toy: Path) -> None:
    """Staging mirrors the config, so the committed output is what ruff itself would keep."""
    ruff = Path(sys.executable).parent / "ruff"
    ruff_cmd = str(ruff) if ruff.is_file() else "ruff"
    trees = ["src/miosa/_sync", "tests/_sync"]
    for cmd in (["format", "--check"], ["check"]):
        result = subprocess.run(
            [ruff_cmd, *cmd, "--no-cache", *trees], cwd=toy, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_check_is_fresh_after_generation(toy: Path) -> None:
    before = tree_hash(toy)
    result = run(toy, "--check")
    assert result.returncode == 0, result.stderr
    assert "generated sync code is fresh" in result.stdout
    assert tree_hash(toy) == before


def test_without_ruff_config(tmp_path: Path) -> None:
    root = build_toy(tmp_path, pyproject=False)
    assert run(root).returncode == 0
    result = run(root, "--check")
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------- --check ----


def _hand_edit(root: Path) -> str:
    path = root / "src/miosa/_sync/client.py"
    path.write_text(path.read_text().replace("sleep(0.1)", "sleep(0.2)"))
    return (
        "differs (hand-edited, or source changed without regenerating): src/miosa/_sync/client.py"
    )


def _source_change(root: Path) -> str:
    path = root / "tests/_async/helpers.py"
    path.write_text('URL = "/y"\n')
    return "differs (hand-edited, or source changed without regenerating): tests/_sync/helpers.py"


def _extra_file(root: Path) -> str:
    _write(root, "src/miosa/_sync/orphan.py", "x = 1\n")
    return "extra (output without source, stale): src/miosa/_sync/orphan.py"


def _deleted_output(root: Path) -> str:
    (root / "src/miosa/_sync/streams.py").unlink()
    return "missing (source without output): src/miosa/_sync/streams.py"


def _new_source(root: Path) -> str:
    _write(root, "tests/_async/test_new.py", "async def test_new() -> None:\n    pass\n")
    return "missing (source without output): tests/_sync/test_new.py"


@pytest.mark.parametrize(
    "mutate", [_hand_edit, _source_change, _extra_file, _deleted_output, _new_source]
)
def test_check_fails_when_not_fresh(toy: Path, mutate: Callable[[Path], str]) -> None:
    expected = mutate(toy)
    before = tree_hash(toy)
    result = run(toy, "--check")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "fresh" not in result.stdout
    assert tree_hash(toy) == before  # check mode never writes


def test_check_shows_a_diff(toy: Path) -> None:
    _hand_edit(toy)
    result = run(toy, "--check")
    assert "-        sleep(0.2)" in result.stderr
    assert "+        sleep(0.1)" in result.stderr


# -------------------------------------------------------------------------- write mode ----


def test_write_deletes_stale_files_and_keeps_pycache(toy: Path) -> None:
    _write(toy, "src/miosa/_sync/old.py", "x = 1\n")
    _write(toy, "src/miosa/_sync/gone/mod.py", "x = 1\n")
    _write(toy, "tests/_sync/test_old.py", "x = 1\n")
    pyc = _write(toy, "src/miosa/_sync/__pycache__/client.cpython-311.pyc", "")
    result = run(toy)
    assert result.returncode == 0, result.stderr
    assert "deleted stale src/miosa/_sync/old.py" in result.stdout
    assert not (toy / "src/miosa/_sync/old.py").exists()
    assert not (toy / "src/miosa/_sync/gone").exists()
    assert not (toy / "tests/_sync/test_old.py").exists()
    assert pyc.exists()
    assert run(toy, "--check").returncode == 0


def test_write_regenerates_and_is_idempotent(toy: Path) -> None:
    _hand_edit(toy)
    _source_change(toy)
    result = run(toy)
    assert result.returncode == 0, result.stderr
    assert "2 written" in result.stdout
    assert 'URL = "/y"' in (toy / "tests/_sync/helpers.py").read_text()
    assert "sleep(0.1)" in (toy / "src/miosa/_sync/client.py").read_text()
    again = run(toy)
    assert "0 written" in again.stdout
    assert run(toy, "--check").returncode == 0


def test_sources_are_never_modified(tmp_path: Path) -> None:
    root = build_toy(tmp_path)
    before = tree_hash(root, *SOURCES)
    assert run(root).returncode == 0
    _write(root, "src/miosa/_sync/old.py", "x = 1\n")
    assert run(root, "--check").returncode == 1
    assert run(root).returncode == 0
    assert tree_hash(root, *SOURCES) == before


def test_relative_root_does_not_touch_sources(tmp_path: Path) -> None:
    """unasync overwrites the source when given a relative path; gen_sync resolves --root."""
    root = build_toy(tmp_path)
    before = tree_hash(root, *SOURCES)
    result = run(root, root_arg=".", cwd=root)
    assert result.returncode == 0, result.stderr
    assert tree_hash(root, *SOURCES) == before
    assert (root / "src/miosa/_sync/client.py").is_file()


def test_missing_async_tree_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "src/miosa/__init__.py", "")
    result = run(tmp_path)
    assert result.returncode == 2
    assert "src/miosa/_async does not exist" in result.stderr


# ------------------------------------------------------------------------ failures ----


def test_unused_table_entry_fails(toy: Path) -> None:
    before = tree_hash(toy)
    result = run(toy, "--extra-replacement", "NeverUsed=Used")
    assert result.returncode == 1
    assert "'NeverUsed' -> 'Used' never fired" in result.stderr
    assert tree_hash(toy) == before


def test_used_extra_entry_passes(toy: Path) -> None:
    _write(toy, "src/miosa/_async/extra.py", "def f(x: object) -> None:\n    x.aiter_lines()\n")
    result = run(toy, "--extra-replacement", "aiter_lines=iter_lines")
    assert result.returncode == 0, result.stderr
    assert "x.iter_lines()" in (toy / "src/miosa/_sync/extra.py").read_text()


def test_table_entry_conflicting_with_a_defined_class_fails(toy: Path) -> None:
    result = run(toy, "--extra-replacement", "AsyncStream=SyncByteStream")
    assert result.returncode == 1
    assert "'AsyncStream' -> 'SyncByteStream' conflicts with 'AsyncStream' -> 'Stream'" in (
        result.stderr
    )


def test_dotted_table_entry_is_refused(toy: Path) -> None:
    result = run(toy, "--extra-replacement", "anyio.sleep=sleep")
    assert result.returncode == 2
    assert "not a plain identifier" in result.stderr


LEFTOVERS = [  # (source, line in the output, token); the banner adds three lines
    ("import anyio\n\n\nasync def f() -> None:\n    await anyio.sleep(1)\n", 4, "anyio"),
    ("import anyio\n\n\nasync def f() -> None:\n    await anyio.sleep(1)\n", 8, "anyio"),
    ("class SyncFoo:\n    pass\n", 4, "SyncFoo"),
    ("from contextlib import AsyncExitStack\n\nstack = AsyncExitStack()\n", 6, "SyncExitStack"),
    ("def f(r: object) -> None:\n    r.aiter_json()\n", 5, "aiter_json"),
    ("async def f(r: object) -> None:\n    await r.aclose_all()\n", 5, "aclose_all"),
    ("from miosa import _async\n\nprint(_async)\n", 4, "_async"),
]


def test_leftovers_fail_and_write_nothing(toy: Path) -> None:
    for n, (source, _, _) in enumerate(LEFTOVERS):
        _write(toy, f"src/miosa/_async/bad{n}.py", source)
    before = tree_hash(toy)
    result = run(toy)
    assert result.returncode == 1
    for n, (_, line, token) in enumerate(LEFTOVERS):
        assert f"src/miosa/_sync/bad{n}.py:{line}: leftover {token!r}" in result.stderr
    assert "unasync renamed 'AsyncExitStack' to 'SyncExitStack'" in result.stderr
    assert "un-awaited" in result.stderr  # the anyio hint
    assert "nothing written" in result.stderr
    assert tree_hash(toy) == before
    assert run(toy, "--check").returncode == 1


PROSE = '''\
"""Helpers for asyncio and Trio users."""

LABEL = "for asyncio and Trio users"


def run() -> str:
    """Run the thing for asyncio and Trio users: the sentence is
    wrapped, so the phrase for asyncio and
    Trio users spans a line break."""
    # Comment: for asyncio and Trio users.
    return LABEL
'''


def test_prose_phrases_translate_docstrings_and_comments_not_values(toy: Path) -> None:
    _write(toy, "src/miosa/_async/prose.py", PROSE)
    result = run(toy, "--extra-phrase", "for asyncio and Trio users=for code on threads")
    assert result.returncode == 0, result.stderr
    out = (toy / "src/miosa/_sync/prose.py").read_text()
    body = out.split("Do not edit it by hand.\n", 1)[1]
    assert body == (
        '"""Helpers for code on threads."""\n'
        "\n"
        'LABEL = "for asyncio and Trio users"\n'
        "\n"
        "\n"
        "def run() -> str:\n"
        '    """Run the thing for code on threads: the sentence is\n'
        "    wrapped, so the phrase for code\n"
        '    on threads spans a line break."""\n'
        "    # Comment: for code on threads.\n"
        "    return LABEL\n"
    )
    # Deterministic: a second run writes nothing.
    again = run(toy, "--extra-phrase", "for asyncio and Trio users=for code on threads")
    assert "0 written" in again.stdout, again.stdout


BAD_PROSE = '''\
"""Fine module docstring."""


def wait() -> None:
    """Awaits the server."""
    # runs on Trio as well
'''


def test_async_words_left_in_prose_fail_naming_file_and_line(toy: Path) -> None:
    _write(toy, "src/miosa/_async/bad_prose.py", BAD_PROSE)
    before = tree_hash(toy)
    result = run(toy)
    assert result.returncode == 1
    # The banner adds three lines.
    assert "src/miosa/_sync/bad_prose.py:8: leftover 'Awaits': async wording" in result.stderr
    assert "src/miosa/_sync/bad_prose.py:9: leftover 'Trio': async wording" in result.stderr
    assert "nothing written" in result.stderr
    assert tree_hash(toy) == before
    check = run(toy, "--check")
    assert check.returncode == 1
    assert "bad_prose.py:8: leftover 'Awaits'" in check.stderr


def test_prose_allowance_lets_one_sentence_through_and_must_match() -> None:
    text = '"""Doc."""\n\n# await sbx.pause();\n# await again, in prose\n'
    entry = gen_sync.ProseAllowance("t.py", re.compile(r"^# await \w+\."), "TypeScript quote")
    problems = gen_sync.scan_prose(text, "t.py", [entry])
    assert [(p.line, p.token) for p in problems] == [(4, "await")]
    assert entry.used == 1
    other = gen_sync.ProseAllowance("other.py", re.compile("await"), "elsewhere")
    assert len(gen_sync.scan_prose(text, "t.py", [other])) == 2
    assert other.used == 0


def test_sync_byte_stream_is_allowed(toy: Path) -> None:
    _write(toy, "src/miosa/_async/ok.py", "import httpx\n\nBase = httpx.SyncByteStream\n")
    result = run(toy)
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------- converter and discovery, in-process ----


def convert(source: str, discovered: dict[str, str] | None = None) -> str:
    converter = gen_sync.Converter(
        explicit=dict(gen_sync.REPLACEMENTS), discovered=discovered or {}
    )
    return str(converter.convert(textwrap.dedent(source)))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("async def f(): pass\n", "def f(): pass\n"),
        ("x = await f()\n", "x = f()\n"),
        ("print(await f())\n", "print(f())\n"),
        ("async for a in b: pass\n", "for a in b: pass\n"),
        ("async with a as b: pass\n", "with a as b: pass\n"),
        ("[a async for a in b]\n", "[a for a in b]\n"),
        ("def __aenter__(self): pass\n", "def __enter__(self): pass\n"),
        ("def __aexit__(self): pass\n", "def __exit__(self): pass\n"),
        ("def __aiter__(self): pass\n", "def __iter__(self): pass\n"),
        ("def __anext__(self): pass\n", "def __next__(self): pass\n"),
        ("raise StopAsyncIteration\n", "raise StopIteration\n"),
        ("x: AsyncIterator[int]\n", "x: Iterator[int]\n"),
        ("x: AsyncIterable[int]\n", "x: Iterable[int]\n"),
        ("x: AsyncGenerator[int, None]\n", "x: Generator[int, None]\n"),
        ("@asynccontextmanager\n", "@contextmanager\n"),
        ("c = httpx.AsyncClient()\n", "c = httpx.Client()\n"),
        ("await r.aclose()  # then aiter_raw\n", "r.close()  # then iter_raw\n"),
        ("from miosa._async.x import y\n", "from miosa._sync.x import y\n"),
        ("from tests._async import y\n", "from tests._sync import y\n"),
        ("other._async = 1\n", "other._async = 1\n"),
        ('p = "miosa._async.client"\n', 'p = "miosa._sync.client"\n'),
        # unasync's string trap: only known names change inside strings, never to Sync*
        ('s = "AsyncFoo"\n', 's = "AsyncFoo"\n'),
        ('s = "AsyncFoo client"\n', 's = "AsyncFoo client"\n'),
        ('s = "Async client"\n', 's = "Async client"\n'),
        ('s = "the async client awaits"\n', 's = "the async client awaits"\n'),
        ('s = "use `async with x:` then `await y()`"\n', 's = "use `with x:` then `y()`"\n'),
        ('s = "call ``await c.aclose()``"\n', 's = "call ``c.close()``"\n'),
        ("# async for line in r.aiter_raw()\n", "# for line in r.iter_raw()\n"),
        # the phrase table: docstrings and comments, never string values
        ('"""Reads an async iterator."""\n', '"""Reads an iterator."""\n'),
        ("# an async iterator of bytes\n", "# an iterator of bytes\n"),
        ('s = "an async iterator"\n', 's = "an async iterator"\n'),
        ('f("an async iterator")\n', 'f("an async iterator")\n'),
    ],
)
def test_converter(source: str, expected: str) -> None:
    assert convert(source) == expected


def test_converter_discovered_names_in_strings() -> None:
    out = convert('__all__ = ["AsyncMiosa"]\nx = "AsyncMiosa client"\n', {"AsyncMiosa": "Miosa"})
    assert out == '__all__ = ["Miosa"]\nx = "Miosa client"\n'


def test_converter_keeps_non_whitespace_after_await() -> None:
    # unasync drops the token after `await` unconditionally; we only drop whitespace
    assert convert("x = await(f())\n") == "x = (f())\n"


def test_discover_concurrency_twins(tmp_path: Path) -> None:
    path = _write(tmp_path, "_concurrency.py", CONCURRENCY + "\nAsyncAlias = int\nAlias = int\n")
    pairs = gen_sync.discover_concurrency_twins(path, tmp_path)
    assert pairs == {
        "asleep": "sleep",
        "ashielded": "shielded",
        "AsyncLock": "Lock",
        "AsyncAlias": "Alias",
    }


def test_discover_async_classes(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "m.py",
        "class AsyncA:\n    class AsyncInner: ...\n\nclass Asyncish: ...\nclass B: ...\n",
    )
    assert gen_sync.discover_async_classes([path], tmp_path) == {
        "AsyncA": "A",
        "AsyncInner": "Inner",
    }


def _library_namespaces() -> list[object]:
    namespaces: list[object] = [builtins, contextlib]
    with contextlib.suppress(ImportError):
        import httpx

        namespaces += [httpx, httpx.Response]
    with contextlib.suppress(ImportError):
        import httpx_sse

        namespaces += [httpx_sse, httpx_sse.EventSource]
    return namespaces


@pytest.mark.parametrize(("old", "new"), sorted(gen_sync.REPLACEMENTS.items()))
def test_table_entries_are_real_library_twins(old: str, new: str) -> None:
    """Where a table key names a library attribute, its value must exist right beside it."""
    homes = [ns for ns in _library_namespaces() if hasattr(ns, old)]
    for home in homes:
        assert hasattr(home, new), f"{home!r} has {old} but no {new}"


def test_script_is_not_importing_the_repo(tmp_path: Path) -> None:
    """The script must work from any cwd (it never relies on relative paths)."""
    root = build_toy(tmp_path / "toy")
    result = run(root, cwd=Path(os.sep))
    assert result.returncode == 0, result.stderr


def test_the_unasync_internals_gen_sync_relies_on_are_pinned_and_behave() -> None:
    """gen_sync calls unasync 0.6.0's private `Rule._unasync_name` and reads its
    `token_replacements`: the version is pinned in the dev extra, and this test fails
    first if an upgrade changes either."""
    import unasync  # type: ignore[import-untyped]

    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert '"unasync==0.6.0"' in pyproject
    assert '"tokenize-rt>=' in pyproject  # imported by gen_sync directly, so declared
    rule = unasync.Rule("/_async/", "/_sync/", additional_replacements={"AsyncMiosa": "Miosa"})
    assert {
        name: rule._unasync_name(name)
        for name in ("AsyncIterator", "__aenter__", "StopAsyncIteration", "AsyncMiosa", "aclose")
    } == {
        "AsyncIterator": "Iterator",
        "__aenter__": "__enter__",
        "StopAsyncIteration": "StopIteration",
        "AsyncMiosa": "Miosa",
        "aclose": "aclose",  # left alone by unasync: gen_sync's own table renames it
    }
    assert rule.token_replacements["AsyncMiosa"] == "Miosa"
