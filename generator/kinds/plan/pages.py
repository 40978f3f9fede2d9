"""The plan's pages: overview (ส่วนที่ 1), budget summary (ส่วนที่ 2), one page per มิติ and per project card."""

from __future__ import annotations

from typing import Any

from ... import urls
from ...compliance import build_compliance
from ...dataset import Dataset, Loaded, UnitData
from ...frameworks import cited_tables, dimension_catalog, framework_for, framework_page, priority_table
from ...models.plan import Plan, Project
from ...pages import PageSpec
from ...problems import Problem
from . import charts
from . import urls as plan_urls
from .budget import build_budget_table

TEMPLATE_URLS = urls.namespace(plan_urls)


def build_plan_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    plan: Plan = loaded.model
    unit_model = unit.unit.model
    section = (unit_model.name, f"แผน {plan.period.start}–{plan.period.end}")
    framework = framework_for(data, plan)
    base = {
        "unit": unit_model,
        "plan": plan,
        "errata": plan.errata,
        "framework": framework,
        "framework_page": framework_page(framework.id) if framework else None,
        "cited_tables": lambda blocks: cited_tables(framework, blocks),
        "dimensions": dimension_catalog(framework),
        "budget": build_budget_table(plan),
        "compliance": build_compliance(plan, unit_model, framework),
        "catalog": priority_table(framework, plan.catalog),
        "warnings": [w for w in warnings if w.path == loaded.path],
        "numerals": unit_model.numerals,
        "urls": TEMPLATE_URLS,
        "charts": charts,
    }
    pages = [
        PageSpec(urls.plan_page(unit.id, plan), "plan.md.j2", "ภาพรวมแผน", base, loaded.path, section),
        PageSpec(plan_urls.budget_page(unit.id, plan), "budget.md.j2", "สรุปงบประมาณ", base, loaded.path, section),
    ]
    for no in sorted({p.dimension for p in plan.projects}):
        context = {**base, "no": no, "projects": [p for p in plan.projects if p.dimension == no]}
        title = f"มิติที่ {no}"
        dim_page = plan_urls.dimension_page(unit.id, plan, no)
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
