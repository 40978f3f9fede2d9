"""The plan as a clerk's workbook: the plan's own fields, projects, yearly budgets and the risk table."""

from __future__ import annotations

from typing import Any, get_args

from ...dataset import Dataset, UnitData
from ...frameworks import covering, mission_codes, sub_mission_codes
from ...models.catalog import Framework
from ...models.common import Group, parse_fiscal_year
from ...models.plan import RiskLevel
from ...workbook import ERRATA, MAP_KEY, MAP_VALUE, ROW_NUMBER, Column, Sheet, WorkbookLayout, errata_sheet

PROJECTS = "โครงการ"
RISKS = "ความเสี่ยง"


def build_plan_workbook(data: Dataset, unit: UnitData, raw: Any) -> WorkbookLayout:
    """ภารกิจ and ภารกิจย่อย dropdowns list the codes of the plan's framework (none when it is not known yet)."""
    framework = plan_framework(data, raw)
    missions = tuple(sorted(mission_codes(framework))) if framework else ()
    subs = tuple(sorted(sub_mission_codes(framework))) if framework else ()
    sheets = (
        _plan_sheet(),
        _projects_sheet(missions, subs),
        _budget_sheet(),
        _risks_sheet(),
        _risk_items_sheet(),
        errata_sheet(ERRATA, ("errata",)),
        errata_sheet("แก้ไขจากต้นฉบับรายโครงการ", ("projects", "*", "errata"), parent=PROJECTS),
    )
    return WorkbookLayout(sheets)


def plan_framework(data: Dataset, raw: Any) -> Framework | None:
    """The framework the plan names, else the only one covering its period (as `frameworks.framework_for`)."""
    if not isinstance(raw, dict):
        return None
    if isinstance(raw.get("framework"), str):
        named = data.frameworks.get(raw["framework"])
        return named.model if named is not None else None
    period = raw.get("period")
    try:
        start, end = parse_fiscal_year(period["start"]), parse_fiscal_year(period["end"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return None
    found = covering(data, start, end)
    return found[0] if len(found) == 1 else None


def _plan_sheet() -> Sheet:
    columns = (
        Column("kind", "ชนิดเอกสาร", choices=("action_plan",)),
        Column("title", "ชื่อแผน"),
        Column("period.start", "ปีงบประมาณเริ่มต้น", "number"),
        Column("period.end", "ปีงบประมาณสิ้นสุด", "number"),
        Column("issued", "วันที่จัดทำ (ค.ศ. ปปปป-ดด-วว)", "date"),
        Column("issued_precision", "ความละเอียดของวันที่", choices=("day", "month", "year")),
        Column("layout", "รูปแบบเอกสาร", choices=("cards", "table")),
        Column("framework", "กรอบแผน (รหัสใน data/catalog/frameworks)"),
        Column("catalog", "ตารางลำดับความสำคัญที่อ้างอิง"),
        Column("preface", "คำนำ", "blocks"),
        Column("intro", "บทนำ (หัวข้ออื่น ๆ)", "yaml"),
        Column("rationale", "หลักการและเหตุผล", "blocks"),
        Column("objectives", "วัตถุประสงค์ของการจัดทำแผน", "blocks"),
        Column("goals", "เป้าหมาย", "blocks"),
        Column("targets", "ตารางค่าเป้าหมายรายปี", "yaml"),
        Column("benefits", "ประโยชน์ของการจัดทำแผน", "blocks"),
        Column("notes", "หมายเหตุ/เชิงอรรถ", "blocks"),
        Column("printed_totals", "ยอดรวมตามต้นฉบับ (ใช้ตรวจสอบ)", "yaml"),
    )
    return Sheet("แผน", (), columns, form="fields")


def _projects_sheet(missions: tuple[str, ...], subs: tuple[str, ...]) -> Sheet:
    columns = (
        Column("id", "รหัสโครงการ", id=True),
        Column("mission", "ภารกิจตามมิติ", choices=missions),
        Column("sub_mission", "ภารกิจย่อย", choices=subs),
        Column("item_no", "ลำดับรายการในภารกิจย่อย"),
        Column("group", "กลุ่มโครงการ", choices=get_args(Group)),
        Column("catalog_item", "ข้อในตารางลำดับความสำคัญ", "number"),
        Column("name", "ชื่อโครงการ"),
        Column("rationale", "หลักการและเหตุผล", "blocks"),
        Column("objectives", "วัตถุประสงค์", "blocks"),
        Column("target_group", "กลุ่มเป้าหมาย", "blocks"),
        Column("method", "วิธีดำเนินการ", "blocks"),
        Column("duration.text", "ระยะเวลา (ข้อความ)"),
        Column("duration.fiscal_years", "ปีงบประมาณที่ดำเนินการ", "list"),
        Column("duration.start", "วันเริ่ม (ค.ศ.)", "date"),
        Column("duration.end", "วันสิ้นสุด (ค.ศ.)", "date"),
        Column("budget_note", "หมายเหตุงบประมาณ"),
        Column("budget_text", "ถ้อยคำงบประมาณตามต้นฉบับ"),
        Column("responsible", "ผู้รับผิดชอบ"),
        Column("outputs", "ผลผลิต", "blocks"),
        Column("outcomes", "ผลลัพธ์", "blocks"),
        Column("remarks", "หมายเหตุ"),
    )
    return Sheet(PROJECTS, ("projects",), columns)


def _budget_sheet() -> Sheet:
    columns = (Column(MAP_KEY, "ปีงบประมาณ", "number", id=True), Column(MAP_VALUE, "งบประมาณ (บาท)", "number"))
    return Sheet("งบประมาณรายปี", ("projects", "*", "budget"), columns, form="pairs", parent=PROJECTS)


def _risks_sheet() -> Sheet:
    columns = (
        Column(ROW_NUMBER, "ลำดับ", "number", id=True),
        Column("process", "ขั้นตอนการดำเนินงาน"),
        Column("level", "ระดับความเสี่ยงของทั้งแถว", choices=get_args(RiskLevel)),
        Column("controls", "มาตรการควบคุมความเสี่ยงการทุจริต", "list"),
    )
    return Sheet(RISKS, ("risks",), columns)


def _risk_items_sheet() -> Sheet:
    columns = (Column("text", "ประเด็นความเสี่ยงการทุจริต"), Column("level", "ระดับความเสี่ยง", choices=get_args(RiskLevel)))
    return Sheet("ประเด็นความเสี่ยง", ("risks", "*", "risks"), columns, parent=RISKS)
