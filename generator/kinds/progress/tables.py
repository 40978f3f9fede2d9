"""Downloadable tables of the report kinds written alongside this layer: progress rounds and complaint statistics.

Registered here (like the plan's) until those kinds carry `extra={"tables": ...}` themselves; the links are
appended to the end of each report page (`inline=False`) until their templates print `downloads[...]`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..models.complaints import OTHER_CHANNEL, OTHER_CHANNEL_LABEL, ByCategory, Channel, ComplaintStats, Outcome
from ..models.plan import Plan
from ..models.progress import ProgressReport, ProjectProgress
from ..models.unit import Unit
from .tables import Column, Row, Table, column_from_field, computed_column, register_tables, table_spec

if TYPE_CHECKING:
    from ..dataset import Dataset, Loaded, UnitData

UNIT_ID = column_from_field(Unit, "id", "unit_id")

PROGRESS = table_spec(
    "progress",
    "projects",
    "ผลการดำเนินงานรายโครงการ",
    "หนึ่งแถวต่อหนึ่งโครงการในรอบรายงาน",
    [
        UNIT_ID,
        column_from_field(ProgressReport, "plan"),
        column_from_field(ProgressReport, "fiscal_year"),
        column_from_field(ProgressReport, "round"),
        column_from_field(ProgressReport, "report_date"),
        column_from_field(ProjectProgress, "project", "project_id"),
        column_from_field(ProjectProgress, "status"),
        column_from_field(ProjectProgress, "progress", "progress_percent"),
        column_from_field(ProjectProgress, "spent", "spent_baht"),
        column_from_field(ProjectProgress, "cancel_reason"),
    ],
    ["project_id"],
)


def _optional(column: Column) -> Column:
    """Breakdowns may be unknown (the PESCA figure has none), so these cells may be empty."""
    return dataclasses.replace(column, required=False)


MONTHS = table_spec(
    "complaints",
    "months",
    "จำนวนเรื่องร้องเรียนรายเดือน",
    "หนึ่งแถวต่อหนึ่งเดือนที่มีข้อมูล",
    [
        UNIT_ID,
        column_from_field(ComplaintStats, "fiscal_year"),
        computed_column("month", "เดือน (ค.ศ. ปปปป-ดด)", "เดือนที่รับเรื่อง แบบ ปปปป-ดด (ค.ศ.)"),
        column_from_field(ComplaintStats, "by_month", "received", type="integer", note="(จำนวนของเดือนในแถวนี้)"),
    ],
    ["month"],
)

CHANNELS = table_spec(
    "complaints",
    "channels",
    "จำนวนเรื่องร้องเรียนตามช่องทาง",
    "หนึ่งแถวต่อหนึ่งช่องทางที่มีข้อมูล",
    [
        UNIT_ID,
        column_from_field(ComplaintStats, "fiscal_year"),
        column_from_field(Channel, "id", "channel_id"),
        column_from_field(Channel, "name", "channel_name"),
        column_from_field(ComplaintStats, "by_channel", "received", type="integer", note="(จำนวนของช่องทางในแถวนี้)"),
    ],
    ["channel_id"],
)

# Why: the summary, category and outcome tables of the page are one row per year, so one table holds them all.
SUMMARY = table_spec(
    "complaints",
    "summary",
    "สรุปสถิติเรื่องร้องเรียน",
    "หนึ่งแถวต่อหนึ่งปีงบประมาณ: จำนวนรับ ผลการดำเนินการ ประเภทเรื่อง และการทำตามมาตรฐานเวลา",
    [
        UNIT_ID,
        column_from_field(ComplaintStats, "fiscal_year"),
        column_from_field(ComplaintStats, "as_of"),
        column_from_field(ComplaintStats, "example"),
        column_from_field(ComplaintStats, "received"),
        *(
            _optional(column_from_field(Outcome, name, f"outcome_{name}"))
            for name in ("completed", "in_progress", "forwarded", "rejected")
        ),
        *(
            _optional(column_from_field(ByCategory, name, f"category_{name}", type="integer", note="(จำนวนรวม)"))
            for name in ("general", "corruption")
        ),
        column_from_field(ComplaintStats, "standard_days"),
        column_from_field(ComplaintStats, "within_standard"),
    ],
    ["fiscal_year"],
)


def build_progress_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
    from ..kinds.progress import progress_round_page

    report: ProgressReport = loaded.model
    plan = next(
        (d.model for d in unit.of_kind(Plan) if f"{d.model.period.start}-{d.model.period.end}" == report.plan), None
    )
    if plan is None:
        return []
    rows = [
        {
            "unit_id": unit.id,
            "plan": report.plan,
            "fiscal_year": report.fiscal_year,
            "round": report.round,
            "report_date": report.report_date,
            "project_id": p.project,
            "status": p.status,
            "progress_percent": p.progress,
            "spent_baht": p.spent,
            "cancel_reason": p.cancel_reason,
        }
        for p in report.projects
    ]
    title = f"{PROGRESS.title} {report.round_label} ปีงบประมาณ พ.ศ. {report.fiscal_year}"
    page = progress_round_page(unit.id, plan, report)
    return [Table(PROGRESS, f"progress-{report.fiscal_year}-{report.round}", rows, page, loaded.path, title)]


def build_complaint_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
    from ..kinds.complaints import complaints_year_page

    stats: ComplaintStats = loaded.model
    page, year = complaints_year_page(unit.id, stats.fiscal_year), stats.fiscal_year
    outcome, category = stats.outcome, stats.by_category
    summary: Row = {
        "unit_id": unit.id,
        "fiscal_year": year,
        "as_of": stats.as_of,
        "example": stats.example,
        "received": stats.received,
        **{
            f"outcome_{k}": getattr(outcome, k) if outcome else None
            for k in ("completed", "in_progress", "forwarded", "rejected")
        },
        **{f"category_{k}": _category_total(category, k) for k in ("general", "corruption")},
        "standard_days": stats.standard_days,
        "within_standard": stats.within_standard,
    }
    title = f"{SUMMARY.title} ปีงบประมาณ พ.ศ. {year}"
    tables = [Table(SUMMARY, f"complaints-{year}-summary", [summary], page, loaded.path, title)]
    rows: list[Row]
    if stats.by_month:
        rows = [
            {"unit_id": unit.id, "fiscal_year": year, "month": month, "received": count}
            for month, count in sorted(stats.by_month.items())
        ]
        title = f"{MONTHS.title} ปีงบประมาณ พ.ศ. {year}"
        tables.append(Table(MONTHS, f"complaints-{year}-months", rows, page, loaded.path, title))
    if stats.by_channel:
        names = {OTHER_CHANNEL: OTHER_CHANNEL_LABEL, **{c.id: c.name for c in stats.channels}}
        rows = [
            {"unit_id": unit.id, "fiscal_year": year, "channel_id": cid, "channel_name": names.get(cid), "received": n}
            for cid, n in stats.by_channel.items()
        ]
        title = f"{CHANNELS.title} ปีงบประมาณ พ.ศ. {year}"
        tables.append(Table(CHANNELS, f"complaints-{year}-channels", rows, page, loaded.path, title))
    return tables


def _category_total(category: ByCategory | None, key: str) -> int | None:
    counts = getattr(category, key) if category else None
    return counts.total if counts else None


register_tables("progress", build_progress_tables)
register_tables("complaints", build_complaint_tables)
