"""The progress kind's downloadable table: one row per project of a round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models.plan import Plan
from ...models.unit import Unit
from ...opendata.tables import Table, column_from_field, table_spec
from .model import ProgressReport, ProjectProgress
from .urls import progress_round_page

if TYPE_CHECKING:
    from ...dataset import Dataset, Loaded, UnitData

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



TABLES = (PROGRESS,)


def build_progress_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
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
