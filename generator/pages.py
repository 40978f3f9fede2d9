"""Page specs: what pages exist, at which path, from which template, with which data and source file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import urls
from .budget import build_budget_table
from .compliance import build_compliance
from .dataset import Dataset, Loaded, UnitData
from .mdtext import Md
from .models.catalog import Dimension
from .models.plan import Plan, Project
from .problems import Problem


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


def build_pages(data: Dataset, warnings: list[Problem]) -> list[PageSpec]:
    from .kinds import registry

    units = list(data.units.values())
    pages = [PageSpec(urls.home_page(), "home.md.j2", "หน้าแรก", {"units": units, "sections": _unit_sections})]
    for unit in units:
        pages.extend(build_unit_pages(data, unit, warnings))
    for kind in registry():
        kind.decorate(data, pages)
    # Why last: download links, the open-data pages and "ปรับปรุงล่าสุด" must see every kind's pages and extras.
    from .opendata import decorate_site

    decorate_site(data, pages)
    return pages


def _unit_sections(unit: UnitData) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(title, page path)]) for each document kind the unit has, in registry order."""
    from .kinds import registry

    sections = []
    for kind in registry():
        docs = [d for d in unit.documents if isinstance(d.model, kind.model)]
        if kind.link is not None and docs:
            sections.append((kind.unit_heading, [kind.link(unit, d) for d in sorted(docs, key=lambda d: d.stem)]))
    return sections


def build_unit_pages(data: Dataset, unit: UnitData, warnings: list[Problem]) -> list[PageSpec]:
    from .kinds import kind_of_model

    name = unit.unit.model.name
    context = {"unit": unit, "sections": _unit_sections(unit)}
    pages = [PageSpec(urls.unit_page(unit.id), "unit.md.j2", name, context, unit.unit.path, (name,))]
    for loaded in sorted(unit.documents, key=lambda d: d.stem):
        kind = kind_of_model(loaded.model)
        if kind is not None:
            pages.extend(kind.build_pages(data, unit, loaded, warnings))
    return pages


def _dimension_catalog(data: Dataset) -> dict[int, Dimension]:
    return {d.no: d for d in data.dimensions.model.dimensions} if data.dimensions else {}


def build_plan_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    plan: Plan = loaded.model
    unit_model = unit.unit.model
    section = (unit_model.name, f"แผน {plan.period.start}–{plan.period.end}")
    base = {
        "unit": unit_model,
        "plan": plan,
        "dimensions": _dimension_catalog(data),
        "budget": build_budget_table(plan),
        "compliance": build_compliance(plan, unit_model, data),
        "catalog": data.priorities[plan.catalog].model if plan.catalog in data.priorities else None,
        "warnings": [w for w in warnings if w.path == loaded.path],
        "numerals": unit_model.numerals,
    }
    pages = [
        PageSpec(urls.plan_page(unit.id, plan), "plan.md.j2", "ภาพรวมแผน", base, loaded.path, section),
        PageSpec(urls.budget_page(unit.id, plan), "budget.md.j2", "สรุปงบประมาณ", base, loaded.path, section),
    ]
    for no in sorted({p.dimension for p in plan.projects}):
        context = {**base, "no": no, "projects": [p for p in plan.projects if p.dimension == no]}
        title = f"มิติที่ {no}"
        dim_page = urls.dimension_page(unit.id, plan, no)
        pages.append(PageSpec(dim_page, "dimension.md.j2", title, context, loaded.path, (*section, title)))
        for project in context["projects"]:
            pages.append(build_project_page(unit.id, loaded, project, base, (*section, title)))
    return pages


def build_project_page(
    unit_id: str, loaded: Loaded, project: Project, base: dict[str, Any], nav: tuple[str, ...]
) -> PageSpec:
    plan: Plan = loaded.model
    context = {**base, "project": project, "index": plan.projects.index(project)}
    path = urls.project_page(unit_id, plan, project.id)
    return PageSpec(path, "project.md.j2", project.name, context, loaded.path, nav)
