"""The whole core pipeline as plain functions: data dir → checked dataset → page specs → Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import load_checked
from .dataset import Dataset
from .pages import PageSpec, build_pages
from .problems import Problem
from .render import build_environment, render_pages


@dataclass
class RenderedSite:
    data: Dataset
    specs: list[PageSpec]
    files: dict[str, str]
    warnings: list[Problem]


def render_site(data_dir: Path, template_overrides: Path | None = None) -> RenderedSite:
    """Load, check and render everything; raises DataError (with every problem) on bad data."""
    data, warnings = load_checked(data_dir)
    specs = build_pages(data, warnings)
    env = build_environment(template_overrides)
    return RenderedSite(data, specs, render_pages(env, specs), warnings)
