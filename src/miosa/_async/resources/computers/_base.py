"""What the computers family shares: the path of one computer."""

from __future__ import annotations

from ...._core.request import route


def computer_path(computer_id: str) -> str:
    """``/computers/{computer_id}``, the id percent-encoded."""
    return route("/computers/{computer_id}", computer_id=computer_id)
