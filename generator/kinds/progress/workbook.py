"""A progress round as a clerk's workbook: the round's fields, one row per project, outputs, milestones, evidence."""

from __future__ import annotations

from typing import Any, get_args

from ...dataset import Dataset, UnitData
from ...models.plan import Plan
from ...workbook import BOOLEANS, Column, Sheet, WorkbookLayout
from .data import plan_ref
from .model import EVIDENCE_TYPES, ROUND_LABELS, STATUSES

ENTRIES = "ผลรายโครงการ"


def build_progress_workbook(data: Dataset, unit: UnitData, raw: Any) -> WorkbookLayout:
    """The project dropdown lists the ids of the plan the round reports on (every plan's when it is unknown)."""
    ref = raw.get("plan") if isinstance(raw, dict) else None
    plans = [d.model for d in unit.of_kind(Plan) if ref is None or plan_ref(d.model) == ref]
    ids = tuple(dict.fromkeys(p.id for plan in plans for p in plan.projects))
    sheets = (_report_sheet(), _entries_sheet(ids), _outputs_sheet(), _milestones_sheet(), _evidence_sheet())
    return WorkbookLayout(sheets)


def _report_sheet() -> Sheet:
    columns = (
        Column("kind", "ชนิดเอกสาร", choices=("progress_report",)),
        Column("plan", "แผนที่รายงาน (ปีเริ่ม-ปีสิ้นสุด)"),
        Column("fiscal_year", "ปีงบประมาณที่รายงาน", "number"),
        Column("round", "รอบรายงาน (6m / 12m)", choices=tuple(ROUND_LABELS)),
        Column("report_date", "ข้อมูล ณ วันที่ (ค.ศ. ปปปป-ดด-วว)", "date"),
        Column("example", "ข้อมูลตัวอย่าง (true/false)", choices=BOOLEANS),
        Column("reported_by", "หน่วยงาน/ส่วนงานที่รายงาน"),
        Column("summary", "สรุปผลการดำเนินงาน", "blocks"),
        Column("problems", "ปัญหา อุปสรรค (ภาพรวม)", "blocks"),
        Column("suggestions", "ข้อเสนอแนะ (ภาพรวม)", "blocks"),
    )
    return Sheet("รายงาน", (), columns, form="fields")


def _entries_sheet(ids: tuple[str, ...]) -> Sheet:
    columns = (
        Column("project", "รหัสโครงการในแผน", choices=ids, id=True),
        Column("status", "สถานะ", choices=STATUSES),
        Column("progress", "ความก้าวหน้า (ร้อยละ)", "number"),
        Column("spent", "ใช้จ่ายสะสม (บาท)", "number"),
        Column("cancel_reason", "เหตุผลที่ยกเลิก"),
        Column("overspend_reason", "เหตุผลที่ใช้จ่ายเกินงบประมาณ"),
        Column("change_note", "คำอธิบายการเปลี่ยนแปลงจากรอบก่อน"),
        Column("problems", "ปัญหา อุปสรรค", "blocks"),
        Column("suggestions", "ข้อเสนอแนะ", "blocks"),
    )
    return Sheet(ENTRIES, ("projects",), columns)


def _outputs_sheet() -> Sheet:
    columns = (
        Column("kpi", "ตัวชี้วัดที่", "number"),
        Column("value", "ผลที่ได้ (ตัวเลข)", "number"),
        Column("unit", "หน่วย"),
        Column("text", "ผลผลิตที่ได้ (ข้อความ)"),
    )
    return Sheet("ผลผลิต", ("projects", "*", "outputs"), columns, parent=ENTRIES)


def _milestones_sheet() -> Sheet:
    columns = (Column("date", "วันที่ (ค.ศ. ปปปป-ดด-วว)", "date"), Column("text", "สิ่งที่ดำเนินการ"))
    return Sheet("การดำเนินงาน", ("projects", "*", "milestones"), columns, parent=ENTRIES)


def _evidence_sheet() -> Sheet:
    columns = (
        Column("title", "ชื่อหลักฐาน"),
        Column("url", "ลิงก์"),
        Column("type", "ประเภท", choices=get_args(EVIDENCE_TYPES)),
    )
    return Sheet("หลักฐาน", ("projects", "*", "evidence"), columns, parent=ENTRIES)
