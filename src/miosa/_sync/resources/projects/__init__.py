# This file was generated from
#   src/miosa/_async/resources/projects/__init__.py
# by scripts/gen_sync.py. Do not edit it by hand.
"""The projects family: ``client.projects`` and ``client.services``."""

from .projects import Projects
from .services import Services

__all__ = ["Projects", "Services"]
