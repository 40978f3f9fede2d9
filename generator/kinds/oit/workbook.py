"""A unit's OIT map as a clerk's workbook: the map's fields and one row per item (where it is published)."""

from __future__ import annotations

from typing import Any

from ...dataset import Dataset, UnitData
from ...workbook import MAP_KEY, Column, Sheet, WorkbookLayout


def build_oit_workbook(data: Dataset, unit: UnitData, raw: Any) -> WorkbookLayout:
    """The 'generated' dropdown lists the page names the document kinds can serve."""
    names = tuple(dict.fromkeys(t.name for kind in data.kinds for t in kind.targets))
    return WorkbookLayout((_map_sheet(), _items_sheet(names)))


def _map_sheet() -> Sheet:
    columns = (
        Column("year", "ปีที่ประเมิน ITA (พ.ศ.)", "number"),
        Column("catalogue", "ชุดรายการข้อที่ใช้ (เว้นว่าง = national)"),
        Column("site_url", "ที่อยู่เว็บไซต์นี้"),
        Column("updated", "ปรับปรุงล่าสุด (ค่าเริ่มต้นของทุกข้อ)", "date"),
        Column("note", "หมายเหตุ"),
    )
    return Sheet("แผนที่ OIT", (), columns, form="fields")


def _items_sheet(names: tuple[str, ...]) -> Sheet:
    columns = (
        Column(MAP_KEY, "รหัสข้อ", id=True),
        Column("generated", "หน้าที่เว็บไซต์นี้สร้าง (ชื่อย่อ)", choices=names),
        Column("page", "หน้าที่เว็บไซต์นี้สร้าง (ที่อยู่)"),
        Column("content", "หน้าที่เขียนเองใน content/"),
        Column("url", "ที่อยู่เว็บภายนอก"),
        Column("description", "คำอธิบายลิงก์ภายนอก"),
        Column("not_applicable", "ไม่เกี่ยวข้อง (เหตุผล)"),
        Column("missing", "ยังไม่มี (หมายเหตุ)"),
        Column("fiscal_year", "ปีงบประมาณของหน้าที่อ้างถึง", "number"),
        Column("period.fiscal_year", "ช่วงข้อมูล: ปีงบประมาณ", "number"),
        Column("period.months", "ช่วงข้อมูล: จำนวนเดือน (6/12)", choices=("6", "12")),
        Column("period.start", "ช่วงข้อมูล: ตั้งแต่วันที่ (ค.ศ.)", "date"),
        Column("period.end", "ช่วงข้อมูล: ถึงวันที่ (ค.ศ.)", "date"),
        Column("updated", "ปรับปรุงล่าสุด (ค.ศ.)", "date"),
        Column("note", "หมายเหตุ"),
    )
    return Sheet("ข้อ OIT", ("items",), columns, form="pairs")
