"""Page specs: what pages exist, at which path, from which template, with which data and source file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import urls
from .budget import build_budget_table
from .compliance import build_compliance
from .dataset import Dataset, Loaded, UnitData
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


def build_pages(data: Dataset, warnings: list[Problem]) -> list[PageSpec]:
    pages = [PageSpec(urls.home_page(), "home.md.j2", "หน้าแรก", {"units": list(data.units.values())})]
    for unit in data.units.values():
        pages.extend(build_unit_pages(data, unit, warnings))
    return pages


def build_unit_pages(data: Dataset, unit: UnitData, warnings: list[Problem]) -> list[PageSpec]:
    plans = sorted(unit.of_kind(Plan), key=lambda d: d.model.period.start)
    name = unit.unit.model.name
    home = PageSpec(urls.unit_page(unit.id), "unit.md.j2", name, {"unit": unit, "plans": plans}, unit.unit.path, (name,))
    pages = [home]
    for plan in plans:
        pages.extend(build_plan_pages(data, unit, plan, warnings))
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


def build_project_page(unit_id: str, loaded: Loaded, project: Project, base: dict[str, Any], nav: tuple[str, ...]) -> PageSpec:
    plan: Plan = loaded.model
    context = {**base, "project": project, "index": plan.projects.index(project)}
    path = urls.project_page(unit_id, plan, project.id)
    return PageSpec(path, "project.md.j2", project.name, context, loaded.path, nav)
