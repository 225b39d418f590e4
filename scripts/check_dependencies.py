"""Fail when the package imports a module that no dependency it may rely on provides.

A module that happens to be installed (because a dev tool pulled it in) is not a declared
dependency: that is how `sniffio` once broke `pip install miosa` while every test passed.
This check reads the imports of every module under `src/miosa` (its syntax tree, nothing is
imported) and maps each third-party name to the requirement that must provide it:

- modules under `miosa/local/` may use the base dependencies and the `local` extra;
- modules under `miosa/cli/` (the `miosa` command) may use the base dependencies and the
  `cli` extra;
- every other module may use the base dependencies only;
- an import inside a function body is lazy: it is allowed when its module is in an extra,
  or when the import is guarded by ``except ImportError`` (an optional integration);
- imports under ``if TYPE_CHECKING:`` never run and are ignored;
- a distribution in `EXTRA_OF` (``opentelemetry-api``: the ``otel`` extra) must be declared
  in that extra, wherever it is imported.

The mapping from import names to distributions is `KNOWN_MODULES` below, written by hand so
the check does not depend on what happens to be installed. An import name missing from it
fails the check too: say which requirement provides it.

Usage: ``python scripts/check_dependencies.py`` (exit 1 with one line per problem).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # the dev extra installs tomli on 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "miosa"

# Import name -> distribution name (as written in pyproject.toml).
KNOWN_MODULES = {
    "anyio": "anyio",
    "attrs": "attrs",
    "attr": "attrs",
    "cattrs": "cattrs",
    "httpx": "httpx",
    "jiter": "jiter",
    "httpx_sse": "httpx-sse",
    "typing_extensions": "typing-extensions",
    "httpx_ws": "httpx-ws",
    "wsproto": "wsproto",
    "click": "click",
    "rich": "rich",
    "sniffio": "sniffio",
    "starlette": "starlette",
    "uvicorn": "uvicorn",
    "websockets": "websockets",
    "fastapi": "fastapi",
    "pydantic": "pydantic",
    "pydantic_core": "pydantic-core",
    "opentelemetry": "opentelemetry-api",
    "pytest": "pytest",
    "PIL": "pillow",
    "anthropic": "anthropic",
    "mcp": "mcp",
}

# Distributions that belong to one extra: every import of them, lazy ones included, must be
# declared there (a lazy import of any extra's package would otherwise pass).
EXTRA_OF = {
    "opentelemetry-api": "otel",
}

# Modules allowed one import beyond their extra, each with the reason.
EXEMPT = {
    # Loaded only by pytest itself, through the `pytest11` entry point.
    ("miosa/local/pytest_plugin.py", "pytest"),
}


@dataclass(frozen=True)
class Import:
    module: str  # top-level import name
    path: str  # relative to src/
    line: int
    lazy: bool  # inside a function body
    guarded: bool  # inside `try: ... except ImportError`


def _requirement_name(spec: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", spec.strip(), maxsplit=1)[0].lower()


def declared() -> tuple[set[str], dict[str, set[str]]]:
    """Base dependencies and each extra's, by distribution name (extras of extras resolved)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    base = {_requirement_name(spec) for spec in project.get("dependencies", [])}
    raw = project.get("optional-dependencies", {})
    extras: dict[str, set[str]] = {}

    def resolve(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        names: set[str] = set()
        for spec in raw.get(name, []):
            match = re.match(r"\s*miosa\[([^\]]+)\]", spec)
            if match:
                for inner in match.group(1).split(","):
                    if inner.strip() not in seen:
                        names |= resolve(inner.strip(), seen | {name})
            else:
                names.add(_requirement_name(spec))
        return names

    for name in raw:
        extras[name] = resolve(name)
    return base, extras


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
    kinds = handler.type
    if kinds is None:
        return True
    elts = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
    return any(isinstance(e, ast.Name) and e.id in names for e in elts)


def imports_of_file(path: Path) -> Iterator[Import]:
    """Every absolute import in one file that can run, with where it sits."""
    rel = path.relative_to(PACKAGE.parent).as_posix() if PACKAGE in path.parents else path.name
    tree = ast.parse(path.read_text(), filename=str(path))

    def walk(node: ast.AST, lazy: bool, guarded: bool) -> Iterator[Import]:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                yield from walk(child, lazy, guarded)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name.split(".")[0], rel, node.lineno, lazy, guarded)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                yield Import(node.module.split(".")[0], rel, node.lineno, lazy, guarded)
            return
        if isinstance(node, ast.Try):
            protected = any(_catches_import_error(h) for h in node.handlers)
            for child in node.body:
                yield from walk(child, lazy, guarded or protected)
            for part in [*node.handlers, *node.orelse, *node.finalbody]:
                yield from walk(part, lazy, guarded)
            return
        inner = lazy or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for sub in ast.iter_child_nodes(node):
            yield from walk(sub, inner, guarded)

    yield from walk(tree, False, False)


# Packages whose modules may import their extra at import time: the package is the extra.
OWN_EXTRAS = {"miosa/local/": "local", "miosa/cli/": "cli"}


def _own_extra(path: str) -> str | None:
    for prefix, extra in OWN_EXTRAS.items():
        if path.startswith(prefix):
            return extra
    return None


def problems() -> list[str]:
    base, extras = declared()
    in_any_extra = set().union(*extras.values()) if extras else set()
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for imp in imports_of_file(path):
            if imp.module in sys.stdlib_module_names or imp.module in ("miosa", "__future__"):
                continue
            where = f"src/{imp.path}:{imp.line}"
            dist = KNOWN_MODULES.get(imp.module)
            if dist is None:
                found.append(
                    f"{where}: imports {imp.module!r}, which scripts/check_dependencies.py "
                    "does not map to a distribution (add it to KNOWN_MODULES and declare it)"
                )
                continue
            if (imp.path, imp.module) in EXEMPT:
                continue
            home = EXTRA_OF.get(dist)
            if home is not None and dist not in extras.get(home, set()):
                found.append(
                    f"{where}: imports {imp.module!r}, which belongs to the `{home}` extra, "
                    f"but {dist!r} is not declared there"
                )
                continue
            allowed = set(base)
            own_extra = _own_extra(imp.path)
            if own_extra is not None:
                allowed |= extras.get(own_extra, set())
            if dist in allowed:
                continue
            if imp.lazy and (imp.guarded or dist in in_any_extra):
                continue
            extra_note = f"the `{own_extra}` extra" if own_extra else "none"
            found.append(
                f"{where}: imports {imp.module!r} (distribution {dist!r}) at "
                f"{'call' if imp.lazy else 'import'} time, but it is not a declared dependency "
                f"(base dependencies; extra allowed here: {extra_note})"
            )
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print(f"{len(found)} undeclared runtime import(s)", file=sys.stderr)
        return 1
    print("every runtime import of src/miosa is a declared dependency")
    return 0


if __name__ == "__main__":
    sys.exit(main())
