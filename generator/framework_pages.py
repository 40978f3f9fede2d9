"""The framework pages (กรอบแผน): each framework's own tables, published once at stable URLs and linked from the
plans that use it.

/frameworks/                                  every framework with its period
/frameworks/<id>/                             มิติ → ภารกิจ → ภารกิจย่อย, sources, the plans that use it
/frameworks/<id>/priorities/<table>/          a priority catalogue (mandatory / selective / context, "*" "**",
                                              unit-type exceptions) with every plan's compliance against it
/frameworks/<id>/minimums/                    the minimum rules: by unit type, by budget band, the printed unit table
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import urls
from .compliance import Compliance, build_compliance
from .dataset import Dataset, Loaded, UnitData
from .directory import TYPE_LABELS
from .frameworks import (
    FILL_IN,
    dimension_catalog,
    fill_placeholders,
    framework_for,
    framework_page,
    frameworks_index,
    minimums_page,
    table_page,
)
from .models.catalog import Framework, PriorityCatalog, PriorityItem
from .models.plan import Plan
from .pages import PageSpec

NAV_SECTION = "กรอบแผน"
# Why a limit: a national framework is used by thousands of อปท.; its pages must not grow with the site
# (each plan page shows its own compliance), so past this many plans they show counts, not a list.
PLAN_LIST_LIMIT = 30
GROUPS = {
    "mandatory": "1. โครงการ/กิจกรรม/มาตรการ สำคัญที่ทุกหน่วยงานต้องดำเนินการ",
    "selective": "2. โครงการ/กิจกรรม/มาตรการ สำคัญที่ให้หน่วยงานเลือกดำเนินการ",
    "context": "3. โครงการ/กิจกรรม/มาตรการ เพิ่มเติมตามบริบท",
}


@dataclass
class PlanUse:
    """One plan that uses a framework, with what the framework pages show about it."""

    unit: UnitData
    plan: Plan
    page: str
    compliance: Compliance | None
    projects: dict[tuple[str, int], list[tuple[str, str]]] = field(default_factory=dict)  # item → [(name, page)]


@dataclass
class ItemRow:
    item: PriorityItem
    title: str
    note: str | None
    applies: str
    plans: list[PlanUse]


def build_framework_pages(data: Dataset) -> list[PageSpec]:
    frameworks = [loaded.model for loaded in data.frameworks.values()]
    frameworks.sort(key=lambda f: (f.period.start, f.id))
    index = PageSpec(frameworks_index(), "frameworks.md.j2", "กรอบแผนทั้งหมด", {"frameworks": frameworks}, None, (NAV_SECTION,))
    pages = [index]
    for framework in frameworks:
        pages.extend(_pages_of(data, framework))
    return pages


def _pages_of(data: Dataset, framework: Framework) -> list[PageSpec]:
    source = data.frameworks[framework.id].path
    nav = (NAV_SECTION, f"พ.ศ. {framework.period.start}–{framework.period.end}")
    uses = plans_using(data, framework)
    base = {
        "framework": framework,
        "uses": uses,
        "list_plans": len(uses) <= PLAN_LIST_LIMIT,
        "tally": tally(uses),
        "index_page": framework_page(framework.id),
    }
    context = {**base, "dimensions": dimension_catalog(framework), "tables": _table_links(framework)}
    pages = [PageSpec(framework_page(framework.id), "framework.md.j2", framework.title, context, source, nav)]
    for number, table in enumerate(framework.priorities, 1):
        rows = [_item_row(table, item, uses) for item in table.items]
        table_context = {**base, "table": table, "groups": _grouped(rows), "fill_in": FILL_IN}
        # Why not the id: navigation is read by citizens; the table's own long title is the page heading.
        title = "ตารางลำดับความสำคัญ" if len(framework.priorities) == 1 else f"ตารางลำดับความสำคัญ ตารางที่ {number}"
        pages.append(PageSpec(table_page(framework.id, table.id), "framework-priorities.md.j2", title, table_context, source, nav))
    if framework.requirements is not None:
        minimums = {**base, "rules": framework.requirements, "type_labels": TYPE_LABELS}
        pages.append(PageSpec(minimums_page(framework.id), "framework-minimums.md.j2", "เกณฑ์จำนวนโครงการขั้นต่ำ", minimums, source, nav))
    return pages


def tally(uses: list[PlanUse]) -> dict[str, int]:
    """How many plans of a framework meet its minimum rules, fall short, or have no rule that applies."""
    met = sum(1 for u in uses if u.compliance is not None and u.compliance.ok)
    no_rule = sum(1 for u in uses if u.compliance is None)
    return {"all": len(uses), "met": met, "short": len(uses) - met - no_rule, "no_rule": no_rule}


def _table_links(framework: Framework) -> list[tuple[str, str]]:
    links = [(t.title, table_page(framework.id, t.id)) for t in framework.priorities]
    if framework.requirements is not None:
        links.append(("เกณฑ์จำนวนโครงการขั้นต่ำ", minimums_page(framework.id)))
    return links


def plans_using(data: Dataset, framework: Framework) -> list[PlanUse]:
    """Every plan whose framework this is, by unit then period."""
    uses = []
    for unit in data.units.values():
        for loaded in sorted(unit.documents, key=lambda d: d.stem):
            if isinstance(loaded.model, Plan) and _framework_id(data, loaded) == framework.id:
                uses.append(_use(unit, loaded.model, framework))
    return uses


def _framework_id(data: Dataset, loaded: Loaded) -> str | None:
    framework = framework_for(data, loaded.model)
    return framework.id if framework is not None else None


def _use(unit: UnitData, plan: Plan, framework: Framework) -> PlanUse:
    use = PlanUse(unit, plan, urls.plan_page(unit.id, plan), build_compliance(plan, unit.unit.model, framework))
    for project in plan.projects:
        if project.group is not None and project.catalog_item is not None:
            page = urls.project_page(unit.id, plan, project.id)
            use.projects.setdefault((project.group, project.catalog_item), []).append((project.name, page))
    return use


def _item_row(table: PriorityCatalog, item: PriorityItem, uses: list[PlanUse]) -> ItemRow:
    # Why: the source's template blank ("ระบุชื่อองค์กรปกครองส่วนท้องถิ่น") is not text to publish.
    title = fill_placeholders(item.title, table, FILL_IN)
    note = fill_placeholders(item.note, table, FILL_IN) if item.note else None
    applies = ", ".join(TYPE_LABELS.get(t, t) for t in item.applies_to)
    users = [u for u in uses if u.plan.catalog == table.id]
    return ItemRow(item, title, note, f"เฉพาะ{applies}" if applies else "ทุกหน่วยงาน", users)


def _grouped(rows: list[ItemRow]) -> list[tuple[str, str, list[ItemRow]]]:
    return [(key, label, [r for r in rows if r.item.group == key]) for key, label in GROUPS.items()]
