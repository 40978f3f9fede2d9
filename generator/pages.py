"""Page specs: what pages exist, at which path, from which template, with which data and source file.

Building page specs never raises on data: every data problem has been reported by the check phase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import urls
from .dataset import Dataset, UnitData
from .mdtext import Md
from .problems import Problem


@dataclass(frozen=True)
class TemplateExtra:
    """A section another kind adds to a page, rendered by the one Jinja environment with the page's path."""

    template: str
    context: dict[str, Any]


@dataclass
class PageSpec:
    path: str  # Markdown source path inside the docs tree, e.g. 'unit/plan/2566-2570/index.md'
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # the data file this page is generated from (for edit links)
    nav: tuple[str, ...] = ()  # nav section titles this page sits under

    def __post_init__(self) -> None:
        # Why: specs share base contexts; decorators (kinds' `decorate`) must only touch their own page.
        self.context = dict(self.context)
        self.context.setdefault("extras", [])

    def add_extra(self, markdown: str) -> None:
        """Append a Markdown section (built by another document kind) to the end of this page."""
        self.context["extras"].append(Md(markdown))

    def add_extra_template(self, template: str, context: dict[str, Any]) -> None:
        """Append a section rendered from a template (any kind's, or a theme override) at render time."""
        self.context["extras"].append(TemplateExtra(template, context))


def build_pages(data: Dataset, warnings: list[Problem]) -> list[PageSpec]:
    units = list(data.units.values())
    context = {"units": units, "sections": lambda unit: unit_sections(data, unit)}
    pages = [PageSpec(urls.home_page(), "home.md.j2", "หน้าแรก", context)]
    for unit in units:
        pages.extend(build_unit_pages(data, unit, warnings))
    for kind in data.kinds:
        kind.decorate(data, pages)
    return pages


def unit_sections(data: Dataset, unit: UnitData) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(title, page path)]) for each document kind the unit has, in kind order."""
    sections = []
    for kind in data.kinds:
        docs = [d for d in unit.documents if d.kind == kind.name]
        if kind.link is not None and docs:
            sections.append((kind.unit_heading, [kind.link(unit, d) for d in sorted(docs, key=lambda d: d.stem)]))
    return sections


def build_unit_pages(data: Dataset, unit: UnitData, warnings: list[Problem]) -> list[PageSpec]:
    name = unit.unit.model.name
    context = {"unit": unit, "sections": unit_sections(data, unit)}
    pages = [PageSpec(urls.unit_page(unit.id), "unit.md.j2", name, context, unit.unit.path, (name,))]
    for loaded in sorted(unit.documents, key=lambda d: d.stem):
        kind = data.kind_of(loaded)
        if kind is not None:
            pages.extend(kind.build_pages(data, unit, loaded, warnings))
    return pages
