"""Multi-file projects: -f files in order, discovery, include, extends, profiles, provenance."""

from __future__ import annotations

from .loader import Project, ProjectFile, discover, load_project
from .model import Node, Origin

__all__ = ["Node", "Origin", "Project", "ProjectFile", "discover", "load_project"]
