"""Write the docs site's API reference pages at build time (run by mkdocs-gen-files).

One page per public area: the clients, every resource module (the blocking classes first,
then their async twins), every model module, errors, webhooks, the agent toolbox and the
local server. The pages hold mkdocstrings directives only; the text comes from the
docstrings, so the reference cannot drift from the code.
"""

from __future__ import annotations

from pathlib import Path

import mkdocs_gen_files

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
SYNC_RESOURCES = SRC / "miosa" / "_sync" / "resources"
TYPES = SRC / "miosa" / "types"

TOP = {
    "Clients": ["miosa._sync.client.Miosa", "miosa._async.client.AsyncMiosa"],
    "Pages and streams": [
        "miosa._sync.pagination",
        "miosa._sync.streams",
        "miosa._async.pagination",
        "miosa._async.streams",
    ],
    "Errors": ["miosa.errors"],
    "Webhooks": ["miosa.webhooks"],
    "Agent toolbox": ["miosa.agent"],
    "Local server": ["miosa.local"],
}


def _modules(directory: Path, dotted: str) -> list[tuple[str, str]]:
    """(title, dotted module) for each public module under a package, packages recursed."""
    found: list[tuple[str, str]] = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("_") and path.name != "__init__.py":
            continue
        if path.is_dir():
            found += _modules(path, f"{dotted}.{path.name}")
        elif path.suffix == ".py" and path.name != "__init__.py":
            found.append((f"{dotted.rsplit('.', 1)[-1]}.{path.stem}", f"{dotted}.{path.stem}"))
    return found


def _slug(title: str) -> str:
    return title.lower().replace(" ", "-").replace(".", "-")


def main() -> None:
    nav = mkdocs_gen_files.Nav()
    for title, targets in TOP.items():
        page = f"reference/{_slug(title)}.md"
        with mkdocs_gen_files.open(page, "w") as out:
            out.write(f"# {title}\n\n" + "".join(f"::: {t}\n\n" for t in targets))
        nav[title] = page.removeprefix("reference/")
    for title, module in _modules(SYNC_RESOURCES, "miosa._sync.resources"):
        name = title.removeprefix("resources.")
        page = f"reference/resources/{_slug(name)}.md"
        twin = module.replace("miosa._sync.", "miosa._async.", 1)
        with mkdocs_gen_files.open(page, "w") as out:
            out.write(f"# {name}\n\n## Blocking\n\n::: {module}\n\n## Async\n\n::: {twin}\n")
        nav["Resources", name] = page.removeprefix("reference/")
    for title, module in _modules(TYPES, "miosa.types"):
        name = title.removeprefix("types.")
        page = f"reference/types/{_slug(name)}.md"
        with mkdocs_gen_files.open(page, "w") as out:
            out.write(f"# Models: {name}\n\n::: {module}\n")
        nav["Models", name] = page.removeprefix("reference/")
    with mkdocs_gen_files.open("reference/SUMMARY.md", "w") as out:
        out.writelines(nav.build_literate_nav())


main()
