"""The projects family: ``client.projects`` and ``client.services``."""

from .projects import AsyncProjects
from .services import AsyncServices

__all__ = ["AsyncProjects", "AsyncServices"]
