"""The plan's downloadable tables: projects, budget per project × fiscal year, risks and yearly targets."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ... import urls
from ...models.catalog import Dimension
from ...models.plan import Duration, Period, Plan, Project, Risk, RiskRow, TargetRow
from ...models.unit import Unit
from ...opendata.tables import Table, TableSpec, column_from_field, computed_column, table_spec
from . import urls as plan_urls

if TYPE_CHECKING:
    from ...dataset import Dataset, Loaded, UnitData

UNIT_ID = column_from_field(Unit, "id", "unit_id")
PROJECT_NO = computed_column("project_no", "ลำดับที่", "ลำดับของโครงการในแผน (1, 2, 3, …) ตามลำดับในเอกสาร", "integer")
PROJECT_ID = column_from_field(Project, "id", "project_id")
PROJECT_NAME = column_from_field(Project, "name", "project_name")
DIMENSION = column_from_field(Dimension, "no", "dimension", note="คำนวณจากรหัสภารกิจตามมิติ (เลขหน้าจุด)")
MISSION = column_from_field(Project, "mission")
FISCAL_YEAR = computed_column(
    "fiscal_year", "ปีงบประมาณ (พ.ศ.)", "ปีงบประมาณแบบพุทธศักราช เช่น 2567 (เริ่ม 1 ตุลาคม 2566 สิ้นสุด 30 กันยายน 2567)", "integer"
)

PROJECTS = table_spec(
    "plan",
    "projects",
    "รายชื่อโครงการ/กิจกรรม/มาตรการ",
    "หนึ่งแถวต่อหนึ่งโครงการในแผน",
    [
        UNIT_ID,
        column_from_field(Period, "start", "plan_start_year", title="ปีงบประมาณเริ่มต้นของแผน"),
        column_from_field(Period, "end", "plan_end_year", title="ปีงบประมาณสิ้นสุดของแผน"),
        PROJECT_NO,
        PROJECT_ID,
        PROJECT_NAME,
        DIMENSION,
        MISSION,
        column_from_field(Project, "sub_mission"),
        column_from_field(Project, "group"),
        column_from_field(Project, "catalog_item"),
        column_from_field(Project, "responsible"),
        column_from_field(Duration, "text", "duration_text"),
        column_from_field(Duration, "start", "start_date"),
        column_from_field(Duration, "end", "end_date"),
        computed_column(
            "budget_total_baht", "งบประมาณรวมตลอดแผน (บาท)", "ผลรวมงบประมาณรายปีของโครงการ 0 = ไม่ใช้งบประมาณ", "number"
        ),
        column_from_field(Project, "budget_note"),
        computed_column("page", "หน้าเว็บของโครงการ", "ที่อยู่หน้าเว็บของโครงการ นับจากหน้าแรกของเว็บไซต์"),
    ],
    ["project_id"],
)

BUDGET = table_spec(
    "plan",
    "budget",
    "งบประมาณรายปีตามโครงการ",
    "หนึ่งแถวต่อหนึ่งโครงการต่อหนึ่งปีงบประมาณของแผน ปีที่ไม่ใช้งบประมาณมีค่า 0",
    [
        UNIT_ID,
        PROJECT_NO,
        PROJECT_ID,
        PROJECT_NAME,
        DIMENSION,
        MISSION,
        FISCAL_YEAR,
        column_from_field(Project, "budget", "amount_baht", type="number", note="(ค่าของปีงบประมาณในแถวนี้)"),
    ],
    ["project_id", "fiscal_year"],
)

RISKS = table_spec(
    "plan",
    "risks",
    "การประเมินความเสี่ยงการทุจริต",
    "หนึ่งแถวต่อหนึ่งประเด็นความเสี่ยง",
    [
        UNIT_ID,
        computed_column("process_no", "ที่", "ลำดับขั้นตอนการดำเนินงานในตาราง", "integer"),
        column_from_field(RiskRow, "process"),
        computed_column("risk_no", "ข้อ", "ลำดับประเด็นความเสี่ยงในขั้นตอนนั้น", "integer"),
        column_from_field(Risk, "text", "risk"),
        column_from_field(Risk, "level"),
        column_from_field(RiskRow, "controls", note="หลายมาตรการคั่นด้วย ; (อัฒภาค)"),
    ],
    ["process_no", "risk_no"],
)

TARGETS = table_spec(
    "plan",
    "targets",
    "ค่าเป้าหมายรายปี",
    "หนึ่งแถวต่อหนึ่งค่าเป้าหมายต่อหนึ่งปีงบประมาณที่ระบุค่าไว้",
    [
        UNIT_ID,
        computed_column("indicator_no", "ที่", "ลำดับค่าเป้าหมายในตาราง", "integer"),
        column_from_field(TargetRow, "indicator"),
        FISCAL_YEAR,
        column_from_field(TargetRow, "values", "value", note="(ค่าของปีงบประมาณในแถวนี้ เป็นข้อความตามเอกสาร)"),
    ],
    ["indicator_no", "fiscal_year"],
)


def _project_row(unit_id: str, plan: Plan, no: int, project: Project) -> dict:
    duration = project.duration or Duration()
    return {
        "unit_id": unit_id,
        "plan_start_year": plan.period.start,
        "plan_end_year": plan.period.end,
        "project_no": no,
        "project_id": project.id,
        "project_name": project.name,
        "dimension": project.dimension,
        "mission": project.mission,
        "sub_mission": project.sub_mission,
        "group": project.group,
        "catalog_item": project.catalog_item,
        "responsible": project.responsible,
        "duration_text": duration.text,
        "start_date": duration.start,
        "end_date": duration.end,
        "budget_total_baht": sum(project.budget.values(), Decimal(0)),
        "budget_note": project.budget_note,
        "page": urls.url_of(urls.project_page(unit_id, plan, project.id)).lstrip("/"),
    }


def _budget_rows(unit_id: str, plan: Plan) -> list[dict]:
    return [
        {
            "unit_id": unit_id,
            "project_no": no,
            "project_id": p.id,
            "project_name": p.name,
            "dimension": p.dimension,
            "mission": p.mission,
            "fiscal_year": year,
            "amount_baht": p.budget.get(year, Decimal(0)),
        }
        for no, p in enumerate(plan.projects, start=1)
        for year in plan.period.years
    ]


def _risk_rows(unit_id: str, plan: Plan) -> list[dict]:
    return [
        {
            "unit_id": unit_id,
            "process_no": i,
            "process": row.process,
            "risk_no": j,
            "risk": risk.text,
            "level": risk.level or row.level,
            "controls": "; ".join(row.controls) or None,
        }
        for i, row in enumerate(plan.risks, start=1)
        for j, risk in enumerate(row.risks, start=1)
    ]


def _target_rows(unit_id: str, plan: Plan) -> list[dict]:
    return [
        {"unit_id": unit_id, "indicator_no": i, "indicator": row.indicator, "fiscal_year": year, "value": value}
        for i, row in enumerate(plan.targets, start=1)
        for year, value in sorted(row.values.items())
    ]


def build_plan_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
    plan: Plan = loaded.model
    stem = f"plan-{plan.period.start}-{plan.period.end}"
    overview, budget_page = urls.plan_page(unit.id, plan), plan_urls.budget_page(unit.id, plan)

    def table(spec: TableSpec, rows: list[dict], page: str) -> Table:
        title = f"{spec.title} แผน พ.ศ. {plan.period.start}–{plan.period.end}"
        return Table(spec, f"{stem}-{spec.key}", rows, page, loaded.path, title, inline=True)

    projects = [_project_row(unit.id, plan, no, p) for no, p in enumerate(plan.projects, start=1)]
    tables = [table(PROJECTS, projects, overview), table(BUDGET, _budget_rows(unit.id, plan), budget_page)]
    if plan.risks:
        tables.append(table(RISKS, _risk_rows(unit.id, plan), overview))
    if plan.targets:
        tables.append(table(TARGETS, _target_rows(unit.id, plan), overview))
    return tables


TABLES = (PROJECTS, BUDGET, RISKS, TARGETS)
