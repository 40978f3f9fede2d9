"""The whole core pipeline as plain functions: data dir → checked dataset → page specs → Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import load_checked
from .dataset import Dataset
from .pages import PageSpec, build_pages
from .privacy import check_privacy
from .problems import Problem
from .render import build_environment, check_output_path, render_pages


@dataclass
class RenderedSite:
    data: Dataset
    specs: list[PageSpec]
    files: dict[str, str]
    warnings: list[Problem]
    assets: dict[str, bytes]


def render_site(data_dir: Path, template_overrides: Path | None = None) -> RenderedSite:
    """Load, check and render everything; raises DataError (with every problem) on bad data."""
    data, warnings = load_checked(data_dir)
    specs = build_pages(data, warnings)
    env = build_environment(template_overrides)
    site = RenderedSite(data, specs, render_pages(env, specs), warnings, build_assets(data))
    for path in [*site.files, *site.assets]:
        check_output_path(path)
    check_privacy(data, site.files, site.assets)  # raises DataError if a non-publishable person would show
    return site


def build_assets(data: Dataset) -> dict[str, bytes]:
    """Every non-Markdown file the document kinds publish (downloads and the like)."""
    from .kinds import kind_of_model

    assets: dict[str, bytes] = {}
    for unit in data.units.values():
        for loaded in unit.documents:
            kind = kind_of_model(loaded.model)
            if kind is not None and kind.build_assets is not None:
                assets.update(kind.build_assets(data, unit, loaded))
    from .opendata import build_opendata_assets

    assets.update(build_opendata_assets(data))  # every table as CSV/JSON/XLSX, datapackage.json, ZIP
    return assets
