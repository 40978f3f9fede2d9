"""The extension point every document kind plugs into (the core never imports a kind).

A kind is a package under generator/kinds/<kind>/ that exports `KINDS`, a tuple of `DocumentKind`.
The list of kind packages is handed in from one place (`generator.site.KIND_PACKAGES`); everything
else (loading, checks, pages, templates, downloads, OIT targets, CLI commands) reaches a kind only
through the fields below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .opendata.tables import Table, TableSpec

if TYPE_CHECKING:
    from .dataset import Dataset, Loaded, UnitData
    from .pages import PageSpec
    from .problems import Problem
    from .workbook import WorkbookLayout

Period = tuple[dt.date, dt.date | None]  # end None = still current


@dataclass(frozen=True)
class ServedTarget:
    """A page a kind serves to OIT maps as `generated: <name>` (the OIT kind resolves names through these)."""

    name: str  # e.g. 'plan', 'progress-6m', 'complaints'
    label: str  # Thai: what the page is ('แผนปฏิบัติการป้องกันการทุจริต')
    page: str  # Markdown source path of the page
    fiscal_years: frozenset[int]  # the fiscal years (พ.ศ.) this page answers for
    anchor: str = ""  # a section of the page, e.g. 'risks'
    period: Period | None = None  # what the content covers
    updated: dt.date | None = None
    updated_precision: str = "day"


@dataclass(frozen=True)
class TargetName:
    """A name a kind can serve, for messages that list the names a map may use."""

    name: str
    label: str


@dataclass(frozen=True)
class SiteBuild:
    """What the later phases produced, handed to the late checks (`DocumentKind.check_site`)."""

    pages: Mapping[str, PageSpec]
    files: Mapping[str, str]  # rendered Markdown by page path
    assets: Mapping[str, bytes]


def _no_checks(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterable[Problem]:
    return ()


def _no_decoration(data: Dataset, pages: list[PageSpec]) -> None:
    return None


@dataclass(frozen=True)
class DocumentKind:
    name: str
    pattern: str  # file-name glob inside a unit folder, e.g. "plan-*.yml"
    model: type[BaseModel]
    build_pages: Callable[[Dataset, UnitData, Loaded, list[Problem]], list[PageSpec]]
    check: Callable[[Dataset, UnitData, Loaded], Iterable[Problem]] = _no_checks
    # Why: later kinds (progress reports, OIT maps) add sections to pages other kinds built; never raises.
    decorate: Callable[[Dataset, list[PageSpec]], None] = _no_decoration
    # Non-Markdown files (CSV, JSON, XLSX, ...) to publish beside the pages: {site path: bytes}
    build_assets: Callable[[Dataset, UnitData, Loaded], dict[str, bytes]] | None = None
    # (title, page path) of a document's main page, listed on the unit home under `unit_heading`
    link: Callable[[UnitData, Loaded], tuple[str, str]] | None = None
    unit_heading: str = ""
    order: int = 50
    templates: Path | None = None  # the kind's Jinja templates (after theme overrides, before the core's)
    # Downloadable tables: their shapes (for the data dictionary) and the rows of one document
    tables: tuple[TableSpec, ...] = ()
    build_tables: Callable[[Dataset, UnitData, Loaded], list[Table]] | None = None
    # Pages this kind serves to OIT maps (`generated: <name>`), and the names it can serve
    targets: tuple[TargetName, ...] = ()
    served: Callable[[Dataset, UnitData, Loaded], Iterable[ServedTarget]] | None = None
    # Shared data files of the kind under data/catalog (e.g. OIT item lists); result kept in data.catalogs[name]
    load_catalogs: Callable[[Dataset], Any] | None = None
    # Late checks that need the built site (targets that must exist, anchors on pages)
    check_site: Callable[[Dataset, SiteBuild], Iterable[Problem]] | None = None
    # Extra `python -m generator` sub-commands: called with the sub-parser collection and every kind
    add_commands: Callable[[Any, Sequence[DocumentKind]], None] | None = None
    # The clerk's workbook (export-xlsx / import-xlsx): the sheets of one document, given the dataset, the unit
    # and the document's YAML data (None for a new document); dropdowns may depend on them (plan codes, ids)
    workbook: Callable[[Dataset, UnitData, Any], WorkbookLayout] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def sorted_kinds(kinds: Iterable[DocumentKind]) -> tuple[DocumentKind, ...]:
    return tuple(sorted(kinds, key=lambda k: (k.order, k.name)))

