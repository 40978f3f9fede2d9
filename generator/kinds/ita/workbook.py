"""ITA reports as clerks' workbooks: tools → indicators → measure rows → items (or issues → rows of steps)."""

from __future__ import annotations

from typing import Any, get_args

from ...dataset import Dataset, UnitData
from ...models.common import Numerals
from ...workbook import ERRATA, ROW_NUMBER, Column, Sheet, WorkbookLayout, errata_sheet
from .model import ResultStatus, Tool

TOOLS = "เครื่องมือ"
TOOL_COLUMNS = (
    Column("tool", "เครื่องมือการประเมิน", choices=get_args(Tool), id=True),
    Column("title", "ชื่อเครื่องมือตามต้นฉบับ"),
)


def build_ita_workbook(data: Dataset, unit: UnitData, raw: Any) -> WorkbookLayout:
    report = (
        Column("kind", "ชนิดเอกสาร", choices=("ita_measures_report",)),
        Column("title", "ชื่อรายงาน"),
        Column("year", "ปีที่ประเมิน ITA (พ.ศ.)", "number"),
        Column("reported", "วันที่รายงาน (ค.ศ. ปปปป-ดด-วว)", "date"),
        Column("numerals", "ตัวเลขที่ใช้แสดงผล (thai/arabic)", choices=get_args(Numerals)),
    )
    indicators = (
        Column("no", "ตัวชี้วัดที่", "number", id=True),
        Column("title", "ชื่อตัวชี้วัด"),
        Column("score", "คะแนนเฉลี่ยของตัวชี้วัด", "number"),
    )
    measures = (
        Column(ROW_NUMBER, "ลำดับมาตรการ", "number", id=True),
        Column("guideline", "แนวทางการปฏิบัติ", "list"),
        Column("measures", "มาตรการเพื่อขับเคลื่อน", "list"),
        Column("responsible", "ผู้รับผิดชอบ", "list"),
    )
    results = (Column("text", "ผลการดำเนินการ"), Column("status", "สถานะ", choices=get_args(ResultStatus)))
    items = (
        Column("code", "รหัสข้อ", id=True),
        Column("text", "ข้อคำถาม/ข้อมูลที่ประเมิน"),
        Column("score", "คะแนนเฉลี่ย", "number"),
    )
    path = ("tools", "*", "indicators")
    return WorkbookLayout(
        (
            Sheet("รายงาน", (), report, form="fields"),
            Sheet(TOOLS, ("tools",), TOOL_COLUMNS),
            Sheet("ตัวชี้วัด", path, indicators, parent=TOOLS),
            Sheet("มาตรการ", (*path, "*", "measures"), measures, parent="ตัวชี้วัด"),
            Sheet("ข้อ", (*path, "*", "measures", "*", "items"), items, parent="มาตรการ"),
            Sheet("ผลการดำเนินการ", (*path, "*", "measures", "*", "results"), results, parent="มาตรการ"),
            errata_sheet(ERRATA, ("errata",)),
        )
    )


def build_consolidated_workbook(data: Dataset, unit: UnitData, raw: Any) -> WorkbookLayout:
    report = (
        Column("kind", "ชนิดเอกสาร", choices=("ita_consolidated_report",)),
        Column("title", "ชื่อรายงาน"),
        Column("year", "ปีที่ประเมิน ITA (พ.ศ.)", "number"),
        Column("as_of", "ข้อมูล ณ วันที่ (ค.ศ. ปปปป-ดด-วว)", "date"),
        Column("as_of_precision", "ความละเอียดของวันที่", choices=("day", "month", "year")),
        Column("compiled_by", "ผู้รวบรวม", "list"),
        Column("numerals", "ตัวเลขที่ใช้แสดงผล (thai/arabic)", choices=get_args(Numerals)),
        Column("intro", "ความนำ", "blocks"),
    )
    issues = (
        Column(ROW_NUMBER, "ลำดับประเด็น", "number", id=True),
        Column("indicator", "ตัวชี้วัดที่", "number"),
        Column("title", "ประเด็นการประเมิน"),
    )
    rows = (
        Column(ROW_NUMBER, "ลำดับแถว", "number", id=True),
        Column("responsible", "ผู้รับผิดชอบ", "list"),
        Column("results", "ผลการดำเนินการ", "blocks"),
    )
    steps = (Column("label", "เลขขั้นตอนตามต้นฉบับ"), Column("text", "ขั้นตอนหรือวิธีการ"))
    path = ("tools", "*", "issues", "*", "rows")
    return WorkbookLayout(
        (
            Sheet("รายงาน", (), report, form="fields"),
            Sheet(TOOLS, ("tools",), TOOL_COLUMNS),
            Sheet("ประเด็น", ("tools", "*", "issues"), issues, parent=TOOLS),
            Sheet("แถว", path, rows, parent="ประเด็น"),
            Sheet("ขั้นตอน", (*path, "*", "steps"), steps, parent="แถว"),
            errata_sheet(ERRATA, ("errata",)),
        )
    )
