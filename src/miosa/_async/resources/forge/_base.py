"""What the forge family shares: the path of one repository."""

from __future__ import annotations

from ...._core.request import route

REPOSITORY = "/forge/repositories/{repository_id}"
"""The path template of one repository; every sub-group's paths extend it."""

PULL_REQUEST = REPOSITORY + "/pull-requests/{number}"
"""The path template of one pull request, by its number in the repository."""


def repository_path(repository_id: str, tail: str = "") -> str:
    """``/forge/repositories/{repository_id}`` plus `tail`, the id percent-encoded."""
    return route(REPOSITORY, repository_id=repository_id) + tail


def pull_request_path(repository_id: str, number: int, tail: str = "") -> str:
    """``/forge/repositories/{repository_id}/pull-requests/{number}`` plus `tail`."""
    return route(PULL_REQUEST, repository_id=repository_id, number=number) + tail
