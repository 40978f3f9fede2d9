"""The plan's checks: file name vs period, ids, the framework's มิติ/ภารกิจ codes, years, catalogue items,
printed totals and the minimum-count rules (warnings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from ...compliance import build_compliance
from ...dataset import Dataset, Loaded, UnitData
from ...dataset import problem_at as _at
from ...frameworks import (
    check_plan_framework,
    describe,
    framework_for,
    mission_codes,
    priority_table,
    sub_mission_codes,
)
from ...models.catalog import Framework, PriorityItem
from ...models.plan import Plan
from ...problems import Problem
from ...thaifmt import format_baht
from .budget import build_budget_table

START_AFTER_END = "ต้นฉบับระบุวันเริ่มหลังวันสิ้นสุด"


def check_plan(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterator[Problem]:
    plan: Plan = loaded.model
    expected = f"plan-{plan.period.start}-{plan.period.end}"
    if loaded.stem != expected:
        yield _at(loaded, ("period",), f"ชื่อไฟล์ต้องเป็น {expected}.yml ให้ตรงกับระยะเวลาของแผน")
    if plan.period.end < plan.period.start:
        yield _at(loaded, ("period", "end"), "ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น")
    yield from check_project_ids(loaded)
    yield from check_plan_framework(data, loaded)
    framework = framework_for(data, plan)
    if framework is not None:
        yield from check_hierarchy(framework, loaded)
        yield from check_catalog_refs(framework, loaded)
        yield from check_requirements(framework, unit, loaded)
    yield from check_years(loaded)
    yield from check_printed_totals(loaded)


def check_project_ids(loaded: Loaded) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, project in enumerate(loaded.model.projects):
        if project.id in seen:
            first = loaded.doc.line_of(("projects", seen[project.id], "id"))
            yield _at(loaded, ("projects", i, "id"), f"รหัสโครงการ '{project.id}' ซ้ำกับบรรทัด {first}")
        seen.setdefault(project.id, i)


def check_hierarchy(framework: Framework, loaded: Loaded) -> Iterator[Problem]:
    missions = mission_codes(framework)
    subs = sub_mission_codes(framework)
    for i, project in enumerate(loaded.model.projects):
        if project.mission not in missions:
            yield _at(loaded, ("projects", i, "mission"), f"ไม่มีภารกิจ '{project.mission}' ใน{describe(framework)}")
        sub = project.sub_mission
        if sub and not sub.startswith(project.mission + "."):
            yield _at(loaded, ("projects", i, "sub_mission"), f"ภารกิจย่อย {sub} ไม่อยู่ใต้ภารกิจ {project.mission}")
        elif sub and sub not in subs:
            yield _at(loaded, ("projects", i, "sub_mission"), f"ไม่มีภารกิจย่อย '{sub}' ใน{describe(framework)}")


def check_years(loaded: Loaded) -> Iterator[Problem]:
    plan: Plan = loaded.model
    period = set(plan.period.years)
    label = f"{plan.period.start}–{plan.period.end}"
    for i, project in enumerate(plan.projects):
        for year in project.budget:
            if year not in period:
                yield _at(loaded, ("projects", i, "budget", str(year)), f"ปีงบประมาณ {year} อยู่นอกช่วงของแผน ({label})")
        duration = project.duration
        if duration is None:
            continue
        for j, year in enumerate(duration.fiscal_years):
            if year not in period:
                yield _at(loaded, ("projects", i, "duration", "fiscal_years", j), f"ปี {year} อยู่นอกช่วงของแผน ({label})")
        yield from _check_dates(loaded, i, duration.start, duration.end, plan)


def _check_dates(loaded: Loaded, i: int, start: dt.date | None, end: dt.date | None, plan: Plan) -> Iterator[Problem]:
    loc = ("projects", i, "duration")
    # Why: a source that prints its start after its end is kept as printed and flagged, never silently fixed.
    if start and end and start > end:
        yield _at(loaded, (*loc, "start"), START_AFTER_END + " ตรวจว่าพิมพ์ตามต้นฉบับหรือไม่ (หน้าเว็บจะแสดงหมายเหตุ)", "warning")
    first = dt.date(plan.period.start - 544, 10, 1)
    last = dt.date(plan.period.end - 543, 9, 30)
    for key, value in (("start", start), ("end", end)):
        if value and not first <= value <= last:
            yield _at(loaded, (*loc, key), f"วันที่ {value.isoformat()} อยู่นอกช่วงของแผน ({first} ถึง {last})")


def check_catalog_refs(framework: Framework, loaded: Loaded) -> Iterator[Problem]:
    plan: Plan = loaded.model
    if plan.catalog is None:
        return
    catalog = priority_table(framework, plan.catalog)
    if catalog is None:
        tables = ", ".join(t.id for t in framework.priorities) or "ไม่มีตารางลำดับความสำคัญ"
        yield _at(loaded, ("catalog",), f"ไม่พบตารางลำดับความสำคัญ '{plan.catalog}' ใน{describe(framework)} (ที่มี: {tables})")
        return
    items: dict[tuple[str | None, int], PriorityItem] = {(i.group, int(i.no)): i for i in catalog.items}
    for i, project in enumerate(plan.projects):
        if project.catalog_item is None:
            continue
        item = items.get((project.group, project.catalog_item))
        if item is None:
            yield _at(
                loaded, ("projects", i, "catalog_item"), f"ไม่มีข้อ {project.catalog_item} ในกลุ่ม {project.group} ของตาราง"
            )
        elif item.mission != project.mission:
            message = f"ข้อ {project.catalog_item} ของตารางอยู่ในภารกิจ {item.mission} แต่โครงการระบุ {project.mission}"
            yield _at(loaded, ("projects", i, "mission"), message, "warning")


def check_printed_totals(loaded: Loaded) -> Iterator[Problem]:
    plan: Plan = loaded.model
    printed = plan.printed_totals
    if printed is None:
        return
    table = build_budget_table(plan)
    for year, amount in printed.by_year.items():
        if table.amounts.get(year) != amount:
            computed = format_baht(table.amounts.get(year))
            yield _at(
                loaded,
                ("printed_totals", "by_year", str(year)),
                f"ยอดรวมปี {year} ในต้นฉบับ {format_baht(amount)} ไม่ตรงกับที่คำนวณได้ {computed}",
            )
    by_dim = {d.no: d.amounts for d in table.dimensions}
    for no, years in printed.by_dimension.items():
        for year, amount in years.items():
            expected = by_dim[no].get(year) if no in by_dim else Decimal(0)
            if expected != amount:
                loc = ("printed_totals", "by_dimension", str(no), str(year))
                yield _at(
                    loaded,
                    loc,
                    f"ยอดรวมมิติที่ {no} ปี {year} ในต้นฉบับ {format_baht(amount)} ไม่ตรงกับที่คำนวณได้ {format_baht(expected)}",
                )
    if printed.project_count is not None and printed.project_count != len(plan.projects):
        yield _at(
            loaded,
            ("printed_totals", "project_count"),
            f"จำนวนโครงการในต้นฉบับ {printed.project_count} ไม่ตรงกับที่มีจริง {len(plan.projects)}",
        )


def check_requirements(framework: Framework, unit: UnitData, loaded: Loaded) -> Iterator[Problem]:
    result = build_compliance(loaded.model, unit.unit.model, framework)
    if result is None:
        return
    if result.actual_total < result.required_total:
        message = f"แผนมี {result.actual_total} โครงการ น้อยกว่าขั้นต่ำ {result.required_total} โครงการของ{result.rule_label}"
        yield _at(loaded, ("projects",), message, "warning")
    for item in result.missing_mandatory:
        yield _at(loaded, ("projects",), f"ยังไม่มีโครงการสำคัญที่ต้องดำเนินการ ข้อ {item.no}: {item.title}", "warning")
    if result.optional_count < result.optional_min:
        message = f"มีโครงการให้เลือก/ตามบริบท {result.optional_count} โครงการ น้อยกว่าขั้นต่ำ {result.optional_min}"
        yield _at(loaded, ("projects",), message, "warning")
