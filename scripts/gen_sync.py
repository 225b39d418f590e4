#!/usr/bin/env python3
"""Generate the blocking code of miosa from its hand-written async code.

    python scripts/gen_sync.py            # rewrite the _sync trees
    python scripts/gen_sync.py --check    # fail if the committed _sync trees are not fresh

Trees (always resolved against an ABSOLUTE root: the repository, or ``--root DIR``):

    src/miosa/_async/**.py  ->  src/miosa/_sync/**.py
    tests/_async/**.py      ->  tests/_sync/**.py       (optional tree)

Pipeline
--------
1. Discover name pairs:
   * every class ``Async<Name>`` defined anywhere in the ``_async`` trees maps to ``<Name>``
     (``AsyncMiosa -> Miosa``);
   * twins in ``src/miosa/_concurrency.py``: a top-level function ``a<name>`` (``async def``
     or ``def``) with a top-level sibling ``def <name>`` maps ``a<name> -> <name>``; a top-level
     ``Async<Name>`` (class or assignment) with a sibling ``<Name>`` maps too.
2. Convert every source file token by token (``tokenize_rt`` keeps the text byte-for-byte):
   ``async``/``await`` are dropped with the whitespace after them, NAME tokens go through
   ``unasync.Rule._unasync_name`` (unasync's own table: ``__aenter__``, ``__aexit__``,
   ``__aiter__``, ``__anext__``, ``StopAsyncIteration``, ``AsyncIterator``, ``AsyncIterable``,
   ``AsyncGenerator``, ``asynccontextmanager``, plus REPLACEMENTS and the discovered pairs, plus
   unasync's fallback ``Async<Upper>... -> Sync<Upper>...``), ``miosa._async``/``tests._async``
   become ``._sync``; strings and comments get the careful treatment described below. The
   banner naming the source goes on top (wrapped over three comment lines, so that no path
   length can make it trip E501 at the project's line length).
   Docstrings and comments are prose: before the rest, they go through PROSE_PHRASES, a
   phrase table (the way PyMongo's synchro tool translates its docs) that turns the async
   wording into the blocking one ("an async iterator" -> "an iterator", "the MIOSA API client
   for asyncio and Trio" -> "the blocking MIOSA API client ... threads"). String values the
   code uses are never touched by the table.
3. Write the results into a private staging directory that mirrors the repository layout (the
   ruff config and the ``__init__.py`` files above the trees are mirrored too), then run
   ``ruff check --fix`` and ``ruff format`` ONCE over all staged files.
4. Scan the staged output for leftovers (names in code; async words in docstrings and comments:
   asyncio, Trio, anyio, async, await, coroutine, event loop, except where PROSE_ALLOWED says
   why a sentence must keep one), and fail if an explicit table entry never fired or
   contradicts a discovered pair (the discovered pair wins: ``AsyncByteStream`` is miosa's own
   class, so it becomes ``ByteStream``, not httpx's ``SyncByteStream``). Nothing is written
   when anything fails. ruff findings it cannot fix safely are a warning (the lint session
   judges them), not a failure.
5. ``--check`` compares the staged trees with the committed ones (file set and bytes); the
   default mode copies changed files into the repository and deletes stale ones. Both modes go
   through the same staging step, so what ``--check`` expects is exactly what write mode writes.

Why (the unasync 0.6.0 traps, see DESIGN.md section 3)
------------------------------------------------------
* ``unasync_files`` with a relative path overwrites the source, and it never deletes stale
  files: we never call it. We use ``unasync.Rule`` only for its name table and run our own
  token loop over absolute paths, writing into a temp dir first; write mode deletes outputs
  that have no source (``__pycache__`` is ignored).
* unasync renames ``AsyncMiosa``/``httpx.AsyncClient`` to ``SyncMiosa``/``SyncClient``, which do
  not exist: explicit table + automatic ``AsyncX -> X`` for classes defined in ``_async``, and
  the leftover scan rejects any remaining ``Sync[A-Z]...`` name (except httpx's real
  ``SyncByteStream``), telling which ``Async...`` name it came from.
* unasync leaves ``aclose``, ``aread``, ``aiter_bytes``, ``aconnect_sse``, ``aiter_sse``,
  ``anext``... untouched: they are in REPLACEMENTS, and the scan rejects ``aiter_*``,
  ``aconnect*``, ``aclose*``, ``aread*``, ``anext*``, ``aiter``, ``aclosing``, async dunders.
* ``await anyio.sleep(1)`` would become ``anyio.sleep(1)``, an un-awaited coroutine that silently
  does nothing, and dotted keys such as ``"anyio.sleep"`` can never match a NAME token: any use
  of the name ``anyio`` in the output is an error (go through a ``_concurrency`` twin), and the
  table refuses keys or values that are not plain identifiers.
* unasync rewrites a string literal whose whole content is a name, e.g. ``"AsyncFoo"`` ->
  ``"SyncFoo"`` (and ``"AsyncMiosa client"`` -> ``"SyncMiosa client"``). Decision: in string
  literals and comments we replace whole identifiers that are in the name table (explicit,
  discovered, unasync's own) and nothing else, so ``__all__ = ["AsyncMiosa"]`` becomes
  ``["Miosa"]``, a docstring mentioning ``AsyncMiosa.aclose()`` reads ``Miosa.close()``,
  ``"Async client for ..."`` is left alone, and ``Sync...`` names are never invented there.
  ``async with``/``async for``/``async def`` lose their ``async`` (they are always code), and
  ``await`` is dropped only inside backtick code spans (```await c.aclose()``` ->
  ```c.close()```); prose such as "the async client awaits" is not rewritten word by word.
* Generated prose must read as blocking code (``help(miosa.Miosa)``, IDE hovers): whole
  phrases are translated (PROSE_PHRASES, docstrings and comments only, since a string value
  may be data such as a backend name), and any async word still left in a docstring or
  comment fails the run naming file and line, in write mode and ``--check`` alike. The fix is
  a phrase, or rewording the async source; PROSE_ALLOWED (with its reason) is only for a
  sentence that must say it. Phrase entries that do not fire are not an error: unlike the
  name table, the leftover scan already catches what they would miss.
* unasync drops the token after ``async``/``await`` unconditionally (assuming whitespace); we
  drop it only when it is whitespace.
* An explicit table entry that never fires across the whole run is a smell (typo, dead entry):
  the run fails naming it. Discovered pairs are exempt.
* ruff runs with the repository's config copied into the staging root and explicit file
  arguments (``--no-force-exclude``, ``--no-cache``; ``--isolated`` when there is no config), so
  per-file globs, ``src`` and isort sections resolve the same way as in the repository.

Exit status: 0 success; 1 leftovers, unused table entries or a stale ``--check``; 2 setup errors
(no ``src/miosa/_async``, no ruff, ruff or parse failure).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import functools
import io
import keyword
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tokenize
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tokenize_rt  # type: ignore[import-untyped]
import unasync  # type: ignore[import-untyped]

# ---------------------------------------------------------------------------------------------
# The explicit replacement table: the one place to extend. Keys and values are plain
# identifiers (NAME tokens). Every entry must fire at least once per run, or the run fails, so
# the table holds exactly what the code uses; the leftover scan tells you when to add one.
# Not needed here: twins in src/miosa/_concurrency.py and classes Async<Name> defined in
# _async (discovered), and unasync's own table (__aenter__, AsyncIterator, ...).
# ---------------------------------------------------------------------------------------------
REPLACEMENTS: dict[str, str] = {
    # httpx
    "AsyncClient": "Client",
    "aclose": "close",
    # httpx-ws (the terminal client)
    "aconnect_ws": "connect_ws",
    "AsyncWebSocketSession": "WebSocketSession",
    "AbstractAsyncContextManager": "AbstractContextManager",  # contextlib
    # miosa._pager: an async list() returns a pager (awaitable, async-iterable); a blocking
    # list() fetches at once and returns the page itself.
    "AsyncPager": "Page",
    # miosa.computer_use exports both loops; the async one is imported under this name
    "async_computer_use_loop": "computer_use_loop",
    "aiter_raw": "iter_raw",
    # miosa's AsyncAPIResponse.aread, named after httpx.Response's own
    "aread": "read",
    # Known twins, ready to uncomment when the code starts using them:
    # "AsyncHTTPTransport": "HTTPTransport",  # httpx
    # "AsyncBaseTransport": "BaseTransport",  # httpx
    # "aiter_bytes": "iter_bytes",  # httpx.Response
    # "aiter_lines": "iter_lines",  # httpx.Response
    # "aiter_text": "iter_text",  # httpx.Response
    # "aconnect_sse": "connect_sse",  # httpx_sse
    # "aiter_sse": "iter_sse",  # httpx_sse.EventSource
    # "anext": "next",  # builtins
    # "AsyncExitStack": "ExitStack",  # contextlib
    # "aclosing": "closing",  # contextlib
    # httpx.AsyncByteStream -> SyncByteStream cannot be listed: miosa defines its own class
    # AsyncByteStream in _async/streams.py (-> ByteStream), and a token-level rewrite cannot
    # tell the two apart.
}


# ---------------------------------------------------------------------------------------------
# Prose: docstrings and comments of the async source say "async with", "asyncio and Trio"...
# Code spans (`async with x`, ``await y()``) are converted like code; the phrases below turn
# the async wording of plain sentences into the blocking one. Keys are matched as written,
# except that a space also matches a line break with its indentation (a wrapped docstring);
# longer keys come first. Applied to docstrings and comments only, in both trees.
# ---------------------------------------------------------------------------------------------
PROSE_PHRASES: tuple[tuple[str, str], ...] = (
    # Sentences about the async source itself, or about what only async code has to mind.
    (
        "`AsyncMiosa`: the async client. `miosa._sync.client.Miosa` is generated from this file.",
        "`Miosa`: the blocking client.",
    ),
    (
        "Hand-written async I/O; `scripts/gen_sync.py` generates `miosa._sync` from it.",
        "Blocking I/O, generated by `scripts/gen_sync.py` (each file names its source).",
    ),
    (
        "The MIOSA API client for asyncio and Trio.",
        "The blocking MIOSA API client; one client may be shared by threads.",
    ),
    (
        "A plain iterator rather than an async generator, so breaking out of the loop early "
        "leaves nothing to finalise (an abandoned async generator warns on Trio).",
        "A plain iterator rather than a generator, so breaking out of the loop early "
        "leaves nothing to finalise.",
    ),
    (
        "Finish the generator here: left to the garbage collector, Trio warns about it.",
        "Finish the generator here rather than leave it to the garbage collector.",
    ),
    (
        "Shielded: a cancelled task still closes the response and frees its pool slot.",
        "Closes the response and frees its pool slot, even on KeyboardInterrupt.",
    ),
    (
        "whether the loop ended, broke, raised or was cancelled.",
        "whether the loop ended, broke or raised.",
    ),
    # Wording that reads the same everywhere.
    ("Use it as an async context manager", "Use it in a ``with`` block"),
    ("an async context manager", "a context manager"),
    ("async context manager", "context manager"),
    ("an (async) iterator", "an iterator"),
    ("an async iterator", "an iterator"),
    ("async iterator", "iterator"),
    ("an async generator", "a generator"),
    ("async generator", "generator"),
)

# Sentences of the generated prose that keep an async word on purpose: (generated file, a
# regex the line must match, why). An entry whose file is generated but whose regex never
# matches fails the run, so the list cannot rot.
PROSE_ALLOWED: tuple[tuple[str, str, str], ...] = (
    (
        "tests/_sync/test_sandbox_seed.py",
        r"^\s*#\s+(?:const \w+\s*=\s*await |await |for await \()",
        "quotes the TypeScript seed snippets it translates: `await` there is TypeScript code",
    ),
)
# Words that do not belong in blocking prose.
ASYNC_PROSE = re.compile(
    r"\b(?:asyncio|anyio|trio|async|await(?:s|ed|ing|able)?|coroutines?|event[ -]loops?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Tree:
    """One source tree and the tree generated from it, relative to the root (POSIX style)."""

    src: str
    dst: str
    required: bool


TREES: tuple[Tree, ...] = (
    Tree("src/miosa/_async", "src/miosa/_sync", required=True),
    Tree("tests/_async", "tests/_sync", required=False),
)
CONCURRENCY_MODULE = "src/miosa/_concurrency.py"
# `<package>._async` -> `<package>._sync` in dotted names (imports, patch targets).
DOTTED_PACKAGES = frozenset({"miosa", "tests"})
# The sentence is wrapped so the banner never trips E501, whatever the path length.
BANNER = (
    "# This file was generated from\n"
    "#   {source}\n"
    "# by scripts/gen_sync.py. Do not edit it by hand.\n"
)

# Leftover scan of the output (NAME tokens only: comments and strings are ignored).
REAL_SYNC_NAMES = frozenset({"SyncByteStream"})  # httpx's real Sync* class
SYNC_NAME = re.compile(r"Sync[A-Z]\w*\Z")
LEFTOVER_EXACT: dict[str, str] = {
    "await": "'await' survived the conversion",
    "async": "'async' survived the conversion",
    "anyio": "use a _concurrency twin (a<name>/<name>): `await anyio.x()` becomes an un-awaited "
    "call in sync code",
    "_async": "sync code must not reference the _async package",
    "__aenter__": "async dunder survived",
    "__aexit__": "async dunder survived",
    "__aiter__": "async dunder survived",
    "__anext__": "async dunder survived",
    "aiter": "add a REPLACEMENTS entry",
    "aclosing": "add a REPLACEMENTS entry",
}
LEFTOVER_PREFIXES = ("aiter_", "aconnect", "aclose", "aread", "anext")

RUFF_CONFIG_NAMES = (".ruff.toml", "ruff.toml", "pyproject.toml")  # ruff's own precedence
IDENTIFIER = re.compile(r"(?<!\w)[A-Za-z_]\w*")
DOTTED_ASYNC = re.compile(r"\b(" + "|".join(sorted(DOTTED_PACKAGES)) + r")\._async\b")
# In strings and comments: `async with/for/def` is always code; `await x` only inside `...`.
ASYNC_BLOCK = re.compile(r"\basync[ \t]+(?=(?:with|for|def)\b)")
AWAIT = re.compile(r"\bawait[ \t]+")
CODE_SPAN = re.compile(r"(`+)(?!`).*?\1", re.DOTALL)
RUFF_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*ruff\s*[.\]]", re.MULTILINE)
RUFF_CODE = re.compile(r"(?<= )[A-Z]+[0-9]+\b")
MAX_DIFF_LINES = 20


class GenSyncError(Exception):
    """A setup problem (exit status 2)."""


# ------------------------------------------------------------------------------ discovery ----


def _parse(path: Path, root: Path) -> ast.Module:
    try:
        return ast.parse(path.read_bytes(), filename=str(path))
    except SyntaxError as exc:
        raise GenSyncError(f"{_rel(path, root)}:{exc.lineno}: cannot parse: {exc.msg}") from exc


def discover_async_classes(files: Sequence[Path], root: Path) -> dict[str, str]:
    """``Async<Upper>... -> <Upper>...`` for every class defined anywhere in the _async trees."""
    pairs: dict[str, str] = {}
    for path in files:
        for node in ast.walk(_parse(path, root)):
            if isinstance(node, ast.ClassDef) and _is_async_class_name(node.name):
                pairs[node.name] = node.name[len("Async") :]
    return pairs


def discover_concurrency_twins(path: Path, root: Path) -> dict[str, str]:
    """Twin pairs among the top-level names of ``_concurrency.py`` (see the module docstring)."""
    if not path.is_file():
        return {}
    functions: set[str] = set()  # def or async def
    sync_functions: set[str] = set()  # plain def only
    bound: set[str] = set()  # class, def or assignment
    for node in _parse(path, root).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            functions.add(node.name)
            bound.add(node.name)
            if isinstance(node, ast.FunctionDef):
                sync_functions.add(node.name)
        elif isinstance(node, ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.Assign):
            bound.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            bound.add(node.target.id)
    pairs: dict[str, str] = {}
    for name in sorted(functions):
        if name.startswith("a") and name[1:] in sync_functions:
            pairs[name] = name[1:]
    for name in sorted(bound):
        if _is_async_class_name(name) and name[len("Async") :] in bound:
            pairs[name] = name[len("Async") :]
    return pairs


def _is_async_class_name(name: str) -> bool:
    return len(name) > len("Async") and name.startswith("Async") and name[5].isupper()


# ----------------------------------------------------------------------------- conversion ----


# A space in a PROSE_PHRASES key also matches a line break and the indentation around it.
PHRASE_GAP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
# Tokens around a docstring (or any string statement): a statement boundary before, the end
# of the logical line after.
BEFORE_STATEMENT = frozenset({"NEWLINE", "INDENT", "DEDENT", "ENCODING"})
SKIPPED_BEFORE = frozenset({"UNIMPORTANT_WS", "NL", "COMMENT"})
SKIPPED_AFTER = frozenset({"UNIMPORTANT_WS", "COMMENT"})


def compile_phrases(
    phrases: Sequence[tuple[str, str]],
) -> list[tuple[re.Pattern[str], str]]:
    """Each key as a regex (see PHRASE_GAP), longest key first; ties keep table order."""
    ordered = sorted(enumerate(phrases), key=lambda item: (-len(item[1][0]), item[0]))
    return [
        (re.compile(PHRASE_GAP.join(re.escape(word) for word in old.split())), new)
        for _, (old, new) in ordered
    ]


def _rewrap(new: str, matched: str) -> str:
    """``new``, keeping the line break the matched text had, at the same relative place."""
    gap = LINE_BREAK.search(matched)
    if gap is None:
        return new
    words_before = len(matched[: gap.start()].split())
    words_total = len(matched.split())
    new_words = new.split(" ")
    if len(new_words) < 2:
        return new
    cut = max(1, min(len(new_words) - 1, round(words_before * len(new_words) / words_total)))
    return " ".join(new_words[:cut]) + gap.group(0) + " ".join(new_words[cut:])


def _rewrap_match(new: str, match: re.Match[str]) -> str:
    return _rewrap(new, match.group(0))


def is_string_statement(tokens: Sequence[object], index: int) -> bool:
    """Whether the STRING token at ``index`` is a statement of its own (a docstring)."""
    before = index - 1
    while before >= 0 and getattr(tokens[before], "name", "") in SKIPPED_BEFORE:
        before -= 1
    if before >= 0 and getattr(tokens[before], "name", "") not in BEFORE_STATEMENT:
        return False
    after = index + 1
    while after < len(tokens) and getattr(tokens[after], "name", "") in SKIPPED_AFTER:
        after += 1
    return after >= len(tokens) or getattr(tokens[after], "name", "") in ("NEWLINE", "ENDMARKER")


@dataclass
class Converter:
    """The token-level async -> sync rewrite, with bookkeeping of what fired."""

    explicit: dict[str, str]
    discovered: dict[str, str]
    phrases: Sequence[tuple[str, str]] = PROSE_PHRASES
    fired: Counter[str] = field(default_factory=Counter)
    # Sync* names produced by unasync's fallback rule -> the Async* name they came from.
    fallback_renames: dict[str, str] = field(default_factory=dict)
    phrases_fired: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        # A class defined in _async (or a _concurrency twin) is the project's own name and wins
        # over the table; generate() reports the conflict.
        mapping = {**self.explicit, **self.discovered}
        self._rule = unasync.Rule("/_async/", "/_sync/", additional_replacements=mapping)
        # unasync's own table + ours; used verbatim for words inside strings and comments.
        self._names: dict[str, str] = dict(self._rule.token_replacements)
        self._phrases = compile_phrases(self.phrases)

    def convert(self, source: str) -> str:
        out: list[object] = []
        drop_ws = False
        tokens = tokenize_rt.src_to_tokens(source)
        for index, tok in enumerate(tokens):
            if drop_ws:
                drop_ws = False
                if tok.name == "UNIMPORTANT_WS":
                    continue
            if tok.name == "NAME":
                if tok.src in ("async", "await"):
                    drop_ws = True
                    continue
                tok = tok._replace(src=self._convert_name(tok.src, out))
            elif tok.name in ("STRING", "COMMENT", "FSTRING_MIDDLE"):
                prose = tok.name == "COMMENT" or (
                    tok.name == "STRING" and is_string_statement(tokens, index)
                )
                tok = tok._replace(src=self._convert_text(tok.src, prose=prose))
            out.append(tok)
        return str(tokenize_rt.tokens_to_src(out))

    def convert_prose(self, text: str) -> str:
        """The phrase table over one docstring or comment."""
        for pattern, new in self._phrases:
            text, count = pattern.subn(functools.partial(_rewrap_match, new), text)
            if count:
                self.phrases_fired[pattern.pattern] += count
        return text

    def _convert_name(self, name: str, previous: list[object]) -> str:
        if name == "_async" and len(previous) >= 2:
            dot, package = previous[-1], previous[-2]
            if (
                getattr(dot, "src", None) == "."
                and getattr(package, "src", None) in DOTTED_PACKAGES
            ):
                return "_sync"
        if name in self.explicit and name not in self.discovered:
            self.fired[name] += 1
        new = str(self._rule._unasync_name(name))
        if new != name and name not in self._names:
            self.fallback_renames[new] = name
        return new

    def _convert_text(self, text: str, *, prose: bool = False) -> str:
        if prose:
            text = self.convert_prose(text)
        text = DOTTED_ASYNC.sub(r"\1._sync", text)
        text = ASYNC_BLOCK.sub("", text)
        text = CODE_SPAN.sub(lambda m: AWAIT.sub("", m.group(0)), text)
        return IDENTIFIER.sub(self._convert_word, text)

    def _convert_word(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if word in self.explicit and word not in self.discovered:
            self.fired[word] += 1
        return self._names.get(word, word)


# -------------------------------------------------------------------------------- leftovers ----


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    token: str
    hint: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: leftover {self.token!r}: {self.hint}"


def scan_leftovers(text: str, display: str, fallback_renames: dict[str, str]) -> list[Problem]:
    """NAME tokens of the (formatted) output that must not appear in sync code."""
    problems: list[Problem] = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError) as exc:
        return [Problem(display, 0, "<tokenize>", f"cannot tokenize the output: {exc}")]
    for tok in tokens:
        if tok.type != tokenize.NAME:
            continue
        name, line = tok.string, tok.start[0]
        if name in LEFTOVER_EXACT:
            problems.append(Problem(display, line, name, LEFTOVER_EXACT[name]))
        elif name.startswith(LEFTOVER_PREFIXES):
            problems.append(Problem(display, line, name, "add a REPLACEMENTS entry"))
        elif SYNC_NAME.match(name) and name not in REAL_SYNC_NAMES:
            origin = fallback_renames.get(name)
            hint = (
                f"unasync renamed {origin!r} to {name!r}, which does not exist: add "
                f"{origin!r} to REPLACEMENTS, define a _concurrency twin, or define the class "
                "in _async"
                if origin
                else "Sync* names do not exist (except httpx.SyncByteStream)"
            )
            problems.append(Problem(display, line, name, hint))
    return problems


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of every docstring (string statement) line and every comment."""
    lines = text.splitlines()
    for node in ast.walk(ast.parse(text)):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            for number in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                yield number, lines[number - 1]
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT:
            yield tok.start[0], tok.string


@dataclass
class ProseAllowance:
    """One PROSE_ALLOWED entry, compiled, with a count of the lines it let through."""

    path: str
    pattern: re.Pattern[str]
    reason: str
    used: int = 0


def scan_prose(text: str, display: str, allowed: Sequence[ProseAllowance]) -> list[Problem]:
    """Async words left in the docstrings and comments of one generated file."""
    try:
        found = sorted(set(prose_lines(text)))
    except (SyntaxError, tokenize.TokenError) as exc:
        return [Problem(display, 0, "<parse>", f"cannot parse the output: {exc}")]
    problems: list[Problem] = []
    mine = [entry for entry in allowed if entry.path == display]
    for number, line in found:
        words = ASYNC_PROSE.findall(line)
        if not words:
            continue
        entry = next((e for e in mine if e.pattern.search(line)), None)
        if entry is not None:
            entry.used += 1
            continue
        for word in dict.fromkeys(words):
            problems.append(
                Problem(
                    display,
                    number,
                    word,
                    "async wording left in generated prose (docstring or comment): add a "
                    "PROSE_PHRASES entry or reword the async source; PROSE_ALLOWED only for a "
                    "sentence that must say it",
                )
            )
    return problems


# ------------------------------------------------------------------------------------- ruff ----


def find_ruff() -> str:
    beside = Path(sys.executable).parent / "ruff"
    if beside.is_file():
        return str(beside)
    on_path = shutil.which("ruff")
    if on_path is None:
        raise GenSyncError("ruff not found next to the running Python nor on PATH")
    return on_path


def find_ruff_config(root: Path) -> Path | None:
    for name in RUFF_CONFIG_NAMES:
        path = root / name
        if not path.is_file():
            continue
        # Like ruff, use pyproject.toml only if it has a [tool.ruff...] table (no tomllib on
        # Python 3.10; a line match is enough for a file that is valid TOML).
        if name != "pyproject.toml" or RUFF_TABLE.search(path.read_text(encoding="utf-8")):
            return path
    return None


def run_ruff(stage: Path, files: Sequence[Path], config: Path | None, verbose: bool) -> None:
    """``ruff check --fix`` then ``ruff format``, once each over all staged files."""
    if not files:
        return
    ruff = find_ruff()
    common = ["--no-cache", "--quiet", "--no-force-exclude"]
    common += ["--config", str(stage / config.name)] if config else ["--isolated"]
    paths = [str(f) for f in files]
    check = _run([ruff, "check", "--fix", "--output-format", "concise", *common, *paths], stage)
    if check.returncode == 1:
        # Findings ruff cannot fix safely (say UP028 "yield from", impossible in async code) are
        # the lint session's business: warn, do not fail.
        findings = [line for line in check.stdout.splitlines() if line.strip()]
        codes = sorted({m.group(0) for m in map(RUFF_CODE.search, findings) if m})
        print(
            f"warning: ruff check left {len(findings)} finding(s) in the generated code "
            f"({', '.join(codes)}){'' if verbose else '; --verbose shows them'}",
            file=sys.stderr,
        )
        if verbose:
            print("\n".join(f.replace(f"{stage}/", "") for f in findings), file=sys.stderr)
    elif check.returncode != 0:
        raise GenSyncError(f"ruff check failed:\n{check.stdout}{check.stderr}")
    fmt = _run([ruff, "format", *common, *paths], stage)
    if fmt.returncode != 0:
        raise GenSyncError(f"ruff format failed:\n{fmt.stdout}{fmt.stderr}")


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)


# ------------------------------------------------------------------------------- generation ----


@dataclass
class Generation:
    """The staged output: relative path (POSIX) -> bytes, for every generated file."""

    files: dict[str, bytes]
    problems: list[str]


def source_files(root: Path) -> Iterator[tuple[Tree, Path]]:
    for tree in TREES:
        base = root / tree.src
        if base.is_dir():
            for path in sorted(base.rglob("*.py")):
                if "__pycache__" not in path.relative_to(base).parts and path.is_file():
                    yield tree, path


def read_source(path: Path) -> tuple[str, str]:
    raw = path.read_bytes()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    return raw.decode(encoding), encoding


def generate(
    root: Path,
    stage: Path,
    explicit: dict[str, str],
    verbose: bool,
    phrases: Sequence[tuple[str, str]] = PROSE_PHRASES,
    allowed: Sequence[tuple[str, str, str]] = PROSE_ALLOWED,
) -> Generation:
    if not (root / TREES[0].src).is_dir():
        raise GenSyncError(f"{root / TREES[0].src} does not exist: nothing to generate from")
    sources = list(source_files(root))
    discovered = discover_async_classes([p for _, p in sources], root)
    discovered.update(discover_concurrency_twins(root / CONCURRENCY_MODULE, root))
    converter = Converter(explicit=explicit, discovered=discovered, phrases=phrases)
    allowances = [
        ProseAllowance(path, re.compile(pattern), reason) for path, pattern, reason in allowed
    ]
    problems = [
        f"replacement table entry {old!r} -> {new!r} conflicts with {old!r} -> "
        f"{discovered[old]!r} discovered from the code (a class defined in _async or a "
        f"_concurrency twin), which wins: remove the table entry"
        for old, new in explicit.items()
        if discovered.get(old, new) != new
    ]
    if verbose:
        for old, new in sorted(discovered.items()):
            print(f"discovered: {old} -> {new}")

    # Mirror what ruff looks at: its config and the package markers above the trees.
    config = find_ruff_config(root)
    if config is not None:
        shutil.copyfile(config, stage / config.name)
    for tree in TREES:
        for parent in reversed(Path(tree.dst).parents):
            marker = root / parent / "__init__.py"
            if parent != Path(".") and marker.is_file():
                (stage / parent).mkdir(parents=True, exist_ok=True)
                (stage / parent / "__init__.py").touch()

    staged: dict[str, tuple[Path, str]] = {}
    for tree, path in sources:
        rel = path.relative_to(root / tree.src).as_posix()
        text, encoding = read_source(path)
        banner = BANNER.format(source=f"{tree.src}/{rel}")
        out_rel = f"{tree.dst}/{rel}"
        out = stage / out_rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes((banner + converter.convert(text)).encode(encoding))
        staged[out_rel] = (out, encoding)

    run_ruff(stage, [p for p, _ in staged.values()], config, verbose)

    files: dict[str, bytes] = {}
    for out_rel, (out, encoding) in sorted(staged.items()):
        files[out_rel] = out.read_bytes()
        text = files[out_rel].decode(encoding)
        problems += [str(p) for p in scan_leftovers(text, out_rel, converter.fallback_renames)]
        problems += [str(p) for p in scan_prose(text, out_rel, allowances)]
    for entry in allowances:
        if entry.path in files and not entry.used:
            problems.append(
                f"PROSE_ALLOWED entry for {entry.path} ({entry.pattern.pattern!r}) never "
                "matched: remove it"
            )
    for name in explicit:
        if not converter.fired[name] and name not in discovered:
            problems.append(
                f"replacement table entry {name!r} -> {explicit[name]!r} never fired: "
                "remove it from REPLACEMENTS (or fix its spelling)"
            )
    if verbose:
        for name in explicit:
            print(f"table: {name} -> {explicit[name]} fired {converter.fired[name]}x")
        for pattern, count in sorted(converter.phrases_fired.items()):
            print(f"phrase: {pattern} fired {count}x")
    return Generation(files=files, problems=problems)


def committed_files(root: Path) -> dict[str, Path]:
    """Every file currently in the _sync trees (``__pycache__`` ignored)."""
    found: dict[str, Path] = {}
    for tree in TREES:
        base = root / tree.dst
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.relative_to(base).parts:
                found[f"{tree.dst}/{path.relative_to(base).as_posix()}"] = path
    return found


# ------------------------------------------------------------------------------------ modes ----


def check(root: Path, generation: Generation) -> int:
    current = committed_files(root)
    missing = sorted(set(generation.files) - set(current))
    extra = sorted(set(current) - set(generation.files))
    differs = sorted(
        rel
        for rel in set(generation.files) & set(current)
        if current[rel].read_bytes() != generation.files[rel]
    )
    if not (missing or extra or differs):
        print("generated sync code is fresh")
        return 0
    print("generated sync code is NOT fresh; run: python scripts/gen_sync.py", file=sys.stderr)
    for rel in missing:
        print(f"missing (source without output): {rel}", file=sys.stderr)
    for rel in extra:
        print(f"extra (output without source, stale): {rel}", file=sys.stderr)
    for rel in differs:
        print(
            f"differs (hand-edited, or source changed without regenerating): {rel}",
            file=sys.stderr,
        )
        print(_short_diff(current[rel].read_bytes(), generation.files[rel], rel), file=sys.stderr)
    return 1


def _short_diff(committed: bytes, expected: bytes, rel: str) -> str:
    lines = list(
        difflib.unified_diff(
            committed.decode("utf-8", "replace").splitlines(),
            expected.decode("utf-8", "replace").splitlines(),
            f"{rel} (committed)",
            f"{rel} (generated)",
            lineterm="",
            n=1,
        )
    )
    more = len(lines) - MAX_DIFF_LINES
    return "\n".join(lines[:MAX_DIFF_LINES] + ([f"... {more} more diff lines"] if more > 0 else []))


def write(root: Path, generation: Generation, verbose: bool) -> int:
    current = committed_files(root)
    written = unchanged = deleted = 0
    for rel, content in generation.files.items():
        dest = root / rel
        if rel in current and current[rel].read_bytes() == content:
            unchanged += 1
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(content)
        written += 1
        if verbose:
            print(f"wrote {rel}")
    for rel in sorted(set(current) - set(generation.files)):
        current[rel].unlink()
        deleted += 1
        print(f"deleted stale {rel}")
    for tree in TREES:
        _remove_empty_dirs(root / tree.dst)
    print(f"gen_sync: {written} written, {unchanged} unchanged, {deleted} stale deleted")
    return 0


def _remove_empty_dirs(base: Path) -> None:
    if not base.is_dir():
        return
    for path in sorted((p for p in base.rglob("*") if p.is_dir()), reverse=True):
        if not any(path.iterdir()):
            path.rmdir()


# -------------------------------------------------------------------------------------- cli ----


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _replacement(value: str) -> tuple[str, str]:
    old, sep, new = value.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected OLD=NEW, got {value!r}")
    return old, new


def validate_table(table: dict[str, str]) -> None:
    for old, new in table.items():
        for name in (old, new):
            if not name.isidentifier() or keyword.iskeyword(name):
                raise GenSyncError(
                    f"replacement {old!r} -> {new!r}: {name!r} is not a plain identifier; "
                    "only single NAME tokens can be replaced (dotted names like 'anyio.sleep' "
                    "never match: write a _concurrency twin instead)"
                )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="repository root (default: the parent of scripts/)",
    )
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(  # for tests: extra strict table entries
        "--extra-replacement",
        type=_replacement,
        action="append",
        default=[],
        metavar="OLD=NEW",
        help=argparse.SUPPRESS,
    )
    parser.add_argument(  # for tests: extra prose phrases, tried before the table's
        "--extra-phrase",
        type=_replacement,
        action="append",
        default=[],
        metavar="OLD=NEW",
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    started = time.perf_counter()
    try:
        explicit = {**REPLACEMENTS, **dict(args.extra_replacement)}
        validate_table(explicit)
        with tempfile.TemporaryDirectory(prefix="gen_sync-") as tmp:
            phrases = (*args.extra_phrase, *PROSE_PHRASES)
            generation = generate(root, Path(tmp), explicit, args.verbose, phrases)
    except GenSyncError as exc:
        print(f"gen_sync: error: {exc}", file=sys.stderr)
        return 2
    if generation.problems:
        for problem in generation.problems:
            print(problem, file=sys.stderr)
        print(f"gen_sync: {len(generation.problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    status = check(root, generation) if args.check else write(root, generation, args.verbose)
    if args.verbose:
        print(f"gen_sync: {len(generation.files)} files in {time.perf_counter() - started:.2f}s")
    return status


if __name__ == "__main__":
    sys.exit(main())
