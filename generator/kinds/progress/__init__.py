"""Implementation progress reports (รายงานผลการดำเนินงานตามแผน), one file and one page per round.

URLs (kept in this module; the scheme is documented in the README section of this kind):
/<unit>/plan/<start>-<end>/progress/                  every round of the plan
/<unit>/plan/<start>-<end>/progress/<fy>-<6m|12m>/    one round (never overwritten by the next one)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ... import urls as core_urls
from ...dataset import Dataset, Loaded, UnitData
from ...frameworks import dimension_catalog, framework_for
from ...kindapi import DocumentKind, ServedTarget, TargetName
from ...links import site_link
from ...models.plan import Plan
from ...pages import PageSpec
from ...problems import Problem
from ...thaifmt import digits
from . import charts
from .commands import add_progress_commands
from .data import (
    NOT_REPORTED,
    build_round_view,
    check_progress,
    find_plan,
    latest_entries,
    plan_ref,
    previous_of,
    reports_of,
)
from .model import STATUSES, ProgressReport
from .tables import TABLES, build_progress_tables
from .urls import progress_index_page, progress_round_page
from .workbook import build_progress_workbook

NAV_TITLE = "รายงานผลการดำเนินงาน"
STATUS_CLASSES = {
    "ดำเนินการแล้วเสร็จ": ("done", "✔"),
    "อยู่ระหว่างดำเนินการ": ("doing", "◐"),
    "ยังไม่ดำเนินการ": ("todo", "○"),
    "ยกเลิก": ("cancelled", "✕"),
    NOT_REPORTED: ("missing", "?"),
}


def round_title(report: ProgressReport) -> str:
    return f"รายงานผลการดำเนินงาน {report.round_label} ปีงบประมาณ พ.ศ. {report.fiscal_year}"


def _base_context(data: Dataset, unit: UnitData, plan: Plan, reports: list[Loaded]) -> dict[str, Any]:
    dimensions = dimension_catalog(framework_for(data, plan))
    missions = {m.code: m.title for d in dimensions.values() for m in d.missions}
    return {
        "unit": unit.unit.model,
        "plan": plan,
        "reports": [r.model for r in reports],
        "dimensions": dimensions,
        "missions": missions,
        "statuses": STATUSES,
        "not_reported": NOT_REPORTED,
        "status_classes": STATUS_CLASSES,
        "numerals": unit.unit.model.numerals,
        "index_page": progress_index_page(unit.id, plan),
        "round_page": lambda report: progress_round_page(unit.id, plan, report),
        "round_title": round_title,
        "site_link": site_link,
        "charts": charts,
    }


def build_progress_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    """All pages of one plan's rounds, built once (by the plan's first report file) so the index comes first."""
    report: ProgressReport = loaded.model
    plan_doc = find_plan(unit, report.plan)
    reports = reports_of(unit, report.plan)
    if plan_doc is None or loaded is not min(reports, key=lambda d: d.stem):
        return []
    plan: Plan = plan_doc.model
    name = unit.unit.model.name
    nav = (name, f"แผน {plan.period.start}–{plan.period.end}", NAV_TITLE)
    base = _base_context(data, unit, plan, reports)
    views = {}
    for current in reports:
        previous = previous_of(reports, current)
        views[current.stem] = build_round_view(plan, current.model, previous.model if previous else None)
    index_context = {**base, "views": [views[r.stem] for r in reports]}
    pages = [PageSpec(progress_index_page(unit.id, plan), "progress_index.md.j2", NAV_TITLE, index_context, None, nav)]
    for current in reports:
        previous = previous_of(reports, current)
        context = {
            **base,
            "report": current.model,
            "view": views[current.stem],
            "previous": previous.model if previous else None,
            "warnings": [w for w in warnings if w.path == current.path],
        }
        title = f"{current.model.round_label} ปี {current.model.fiscal_year}"
        path = progress_round_page(unit.id, plan, current.model)
        pages.append(PageSpec(path, "progress.md.j2", title, context, current.path, nav))
    return pages


def progress_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    report: ProgressReport = loaded.model
    plan_doc = find_plan(unit, report.plan)
    title = round_title(report) + (" (ข้อมูลตัวอย่าง)" if report.example else "")
    title = digits(title, unit.unit.model.numerals)
    if plan_doc is None:
        return title, core_urls.unit_page(unit.id)
    return title, progress_round_page(unit.id, plan_doc.model, report)


def decorate_with_progress(data: Dataset, pages: list[PageSpec]) -> None:
    """Latest status on each project card; the current round at a glance on each plan overview."""
    for spec in pages:
        if spec.template not in {"project.md.j2", "plan.md.j2"}:
            continue
        unit = data.units.get(spec.context["unit"].id)
        plan: Plan = spec.context["plan"]
        reports = reports_of(unit, plan_ref(plan)) if unit else []
        if unit is None or not reports:
            continue
        base = _base_context(data, unit, plan, reports)
        if spec.template == "project.md.j2":
            project = spec.context["project"]
            entries = latest_entries(reports, project.id)
            if entries:
                context = {**base, "project": project, "entries": entries}
                spec.add_extra_template("progress_card.md.j2", context)
        else:
            latest = reports[-1]
            previous = previous_of(reports, latest)
            view = build_round_view(plan, latest.model, previous.model if previous else None)
            context = {**base, "report": latest.model, "view": view}
            spec.add_extra_template("progress_plan.md.j2", context)


PROGRESS_6M = TargetName("progress-6m", "รายงานความก้าวหน้ารอบ 6 เดือน")
PROGRESS_12M = TargetName("progress-12m", "รายงานผลการดำเนินงานประจำปี")


def served_targets(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterator[ServedTarget]:
    """Each round's page answers for its fiscal year: the 6-month round and the annual (12-month) report."""
    report: ProgressReport = loaded.model
    plan_doc = find_plan(unit, report.plan)
    if plan_doc is None:
        return
    target = PROGRESS_6M if report.round == "6m" else PROGRESS_12M
    page = progress_round_page(unit.id, plan_doc.model, report)
    yield ServedTarget(
        target.name, target.label, page, frozenset({report.fiscal_year}), period=report.period, updated=report.report_date
    )


KINDS = (
    DocumentKind(
        name="progress",
        pattern="progress-*.yml",
        model=ProgressReport,
        build_pages=build_progress_pages,
        check=check_progress,
        decorate=decorate_with_progress,
        link=progress_link,
        unit_heading="รายงานผลการดำเนินงานตามแผน",
        order=20,
        templates=Path(__file__).parent / "templates",
        tables=TABLES,
        build_tables=build_progress_tables,
        targets=(PROGRESS_6M, PROGRESS_12M),
        served=served_targets,
        add_commands=add_progress_commands,
        workbook=build_progress_workbook,
    ),
)
