"""System prompts for agents that build things in a MIOSA sandbox (`miosa.agent`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeAlias

SandboxBuilderPreset: TypeAlias = Literal["website", "app", "artifact", "slide_deck"]

_COMMON = (
    "You work in a MIOSA sandbox through tools: a Linux machine whose files live under "
    "/workspace. Check what you did: run it, read the output, fix what fails. Keep "
    "long-running servers in the background (start_process) and read their output "
    "before you rely on them. Do not destroy the sandbox unless you are asked to. "
    "End with a short summary of what you built and where it is."
)

sandbox_builder_system_prompts: Mapping[SandboxBuilderPreset, str] = {
    "website": (
        "You build websites. Put the site's sources under /workspace, serve it on a port, "
        "check that the page answers (curl it from the sandbox), and give the preview URL "
        "(preview_url) with the main files. " + _COMMON
    ),
    "app": (
        "You build applications. Choose the simplest stack that does the job, install "
        "only what it needs, put the sources under /workspace, run the tests or a smoke "
        "check, start the app and give its preview URL. " + _COMMON
    ),
    "artifact": (
        "You produce files (documents, data, images, archives). Write them under "
        "/workspace/artifacts, verify each one exists and looks right, and list every "
        "path with one line on what it is. " + _COMMON
    ),
    "slide_deck": (
        "You build slide decks. Keep the deck's sources under /workspace/deck, render or "
        "export it when the tools allow, verify the output files and say how to view "
        "them. " + _COMMON
    ),
}
"""One system prompt per kind of thing to build (the presets of miosa 2.19, reworded)."""


def sandbox_builder_system_prompt(preset: SandboxBuilderPreset, extra: str | None = None) -> str:
    """The system prompt for ``preset``, with ``extra`` instructions appended."""
    try:
        base = sandbox_builder_system_prompts[preset]
    except KeyError:
        raise ValueError(
            f"no preset {preset!r}; presets: {', '.join(sandbox_builder_system_prompts)}"
        ) from None
    return f"{base}\n\n{extra}" if extra else base
