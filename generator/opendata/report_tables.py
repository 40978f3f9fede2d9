"""Downloadable tables of the report kinds written alongside this layer: progress rounds and complaint statistics.

Registered here (like the plan's) until those kinds carry `extra={"tables": ...}` themselves; the links are
appended to the end of each report page (`inline=False`) until their templates print `downloads[...]`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.complaints import OTHER_CHANNEL, OTHER_CHANNEL_LABEL, Channel, ComplaintStats
from ..models.plan import Plan
from ..models.progress import ProgressReport, ProjectProgress
from ..models.unit import Unit
from .tables import Row, Table, column_from_field, computed_column, register_tables, table_spec

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
    tables = []
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


register_tables("progress", build_progress_tables)
register_tables("complaints", build_complaint_tables)
