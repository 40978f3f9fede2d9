"""The core pipeline as plain functions over a list of document kinds handed in by the caller:

    check  (load → validate → cross-file checks → build and render in memory → late checks)
    pages  (page specs; never raise on data)
    render (Jinja2 → Markdown; only renders)

`check_site` is the one function that reports data problems; `python -m generator check`, `render` and the
MkDocs plugin all call it, so they report exactly the same problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from jinja2 import Environment

from .build_cache import CACHE, unit_keys
from .checks import check_built, check_dataset
from .dataset import Dataset, UnitData, load_dataset
from .directory import build_directory
from .document_workbooks import build_unit_workbooks
from .forked import ChildJob
from .framework_pages import build_framework_pages
from .kindapi import DocumentKind, SiteBuild, sorted_kinds
from .opendata.bundle import build_unit_opendata
from .opendata.site_pages import decorate_site
from .pages import PageSpec, build_pages
from .problems import DataError, Problem, errors_only
from .render import build_environment, render_pages


@dataclass
class RenderedSite:
    data: Dataset
    specs: list[PageSpec]
    files: dict[str, str]
    warnings: list[Problem]
    assets: dict[str, bytes]
    directory: list[tuple[str, str]] = field(default_factory=list)  # (page, title) of the unit directory


@dataclass
class CheckedSite:
    """Every problem of the data, and the site built from it when the data could be built at all."""

    data: Dataset
    problems: list[Problem] = field(default_factory=list)
    site: RenderedSite | None = None

    @property
    def errors(self) -> list[Problem]:
        return errors_only(self.problems)


def load_and_check(root: Path, kinds: Sequence[DocumentKind]) -> tuple[Dataset, list[Problem]]:
    """Load and check the data alone (no pages): every problem of the check phase, errors and warnings."""
    data = load_dataset(root, sorted_kinds(kinds))
    return data, sorted([*data.problems, *check_dataset(data)])


def check_site(root: Path, kinds: Sequence[DocumentKind], templates: Path | None = None) -> CheckedSite:
    """Every problem any phase could find. Pages are built only from data without errors."""
    data, problems = load_and_check(root, kinds)
    checked = CheckedSite(data, problems)
    if checked.errors:
        return checked
    site = build_site(data, problems, templates)
    built = SiteBuild({s.path: s for s in site.specs}, site.files, site.assets)
    checked.problems = sorted([*problems, *check_built(data, site.specs, built)])
    checked.site = site
    return checked


def build_site(data: Dataset, warnings: list[Problem], templates: Path | None = None) -> RenderedSite:
    """Page specs, Markdown and downloads of checked data (no data problem is raised here)."""
    specs = build_pages(data, warnings)
    specs.extend(build_framework_pages(data))  # the frameworks' own tables, which plan pages link to
    # Why last: download links, the open-data pages and "ปรับปรุงล่าสุด" must see every kind's pages and extras.
    decorate_site(data, specs)
    env = build_environment(templates, data.kinds)
    keys = unit_keys(data, templates, warnings)
    downloads = start_assets(data, keys)  # built in a child process while this one renders (see forked)
    try:
        files = render_by_unit(env, specs, keys)
        # Why here: the unit directory is plain Markdown (no template), and `render` must write it too.
        pages, assets = build_directory(data)
    except BaseException:
        downloads.cancel()
        raise
    site = RenderedSite(data, specs, files, warnings, {**collect_assets(data, keys, downloads.result()), **assets})
    site.files.update({page.path: page.text for page in pages})
    site.directory = [(page.path, page.title) for page in pages]
    return site


def render_by_unit(env: Environment, specs: list[PageSpec], keys: dict[str, bytes]) -> dict[str, str]:
    """Markdown of every page; a unit's pages are reused from the last build in this process while its key holds."""
    groups: dict[str, list[PageSpec]] = {}
    for spec in specs:
        groups.setdefault(spec.path.split("/", 1)[0], []).append(spec)
    files: dict[str, str] = {}
    for head, group in groups.items():
        render = partial(render_pages, env, group)
        files.update(CACHE.get("pages", head, keys[head], render) if head in keys else render())
    return {spec.path: files[spec.path] for spec in specs}  # in page order, as the specs come


def start_assets(data: Dataset, keys: dict[str, bytes]) -> ChildJob[dict[str, dict[str, bytes]]]:
    """The downloads of the units the cache does not hold for their key, built in a child when there are several."""
    missing = [unit for unit in data.units.values() if not CACHE.holds("assets", unit.id, keys[unit.id])]
    return ChildJob(partial(_build_units_assets, data, missing), None if len(missing) > 1 else False)


def _build_units_assets(data: Dataset, units: list[UnitData]) -> dict[str, dict[str, bytes]]:
    return {unit.id: build_unit_assets(data, unit) for unit in units}


def collect_assets(data: Dataset, keys: dict[str, bytes], built: dict[str, dict[str, bytes]]) -> dict[str, bytes]:
    """Every unit's downloads in unit order: the newly built ones (kept in the cache) and the cached ones."""
    assets: dict[str, bytes] = {}
    for unit in data.units.values():
        assets.update(CACHE.get("assets", unit.id, keys[unit.id], partial(_built_or_build, data, unit, built)))
    return assets


def _built_or_build(data: Dataset, unit: UnitData, built: dict[str, dict[str, bytes]]) -> dict[str, bytes]:
    # Why the fallback: a cache that starts afresh meanwhile (its size bound) no longer holds the skipped units.
    return built[unit.id] if unit.id in built else build_unit_assets(data, unit)


def build_unit_assets(data: Dataset, unit: UnitData) -> dict[str, bytes]:
    assets: dict[str, bytes] = {}
    for loaded in unit.documents:
        kind = data.kind_of(loaded)
        if kind is not None and kind.build_assets is not None:
            assets.update(kind.build_assets(data, unit, loaded))
    assets.update(build_unit_opendata(data, unit))  # every table as CSV/JSON/XLSX, datapackage.json, ZIP
    assets.update(build_unit_workbooks(data, unit))  # every document as the clerk's workbook
    return assets


def render_site(root: Path, kinds: Sequence[DocumentKind], templates: Path | None = None) -> RenderedSite:
    """The checked, rendered site; raises DataError (with every problem) when the data has errors."""
    checked = check_site(root, kinds, templates)
    if checked.errors or checked.site is None:
        raise DataError(checked.problems)
    checked.site.warnings = [p for p in checked.problems if p.severity == "warning"]
    return checked.site


def load_checked(root: Path, kinds: Sequence[DocumentKind]) -> tuple[Dataset, list[Problem]]:
    """The dataset of data without errors (for commands that need no pages); raises DataError otherwise."""
    data, problems = load_and_check(root, kinds)
    if errors_only(problems):
        raise DataError(problems)
    return data, problems
