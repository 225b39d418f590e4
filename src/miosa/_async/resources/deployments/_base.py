"""What the deployments family shares: the path of one deployment."""

from __future__ import annotations

from ...._core.request import route

DEPLOYMENT = "/deployments/{deployment_id}"
"""The path template of one deployment; sub-group paths extend it."""


def deployment_path(deployment_id: str) -> str:
    """``/deployments/{deployment_id}``, the id percent-encoded."""
    return route(DEPLOYMENT, deployment_id=deployment_id)
