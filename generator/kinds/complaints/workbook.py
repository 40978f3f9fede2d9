"""Complaint statistics as a clerk's workbook: the year's figures, counts by month, channels, counts by channel."""

from __future__ import annotations

from typing import Any

from ...dataset import Dataset, UnitData
from ...workbook import BOOLEANS, ERRATA, MAP_KEY, MAP_VALUE, Column, Sheet, WorkbookLayout, errata_sheet
from .model import CATEGORY_LABELS, OTHER_CHANNEL

CATEGORIES = "ประเภทเรื่อง"


def build_complaints_workbook(data: Dataset, unit: UnitData, raw: Any) -> WorkbookLayout:
    """The by-channel dropdown lists the channel ids of the file (and 'other')."""
    channels = raw.get("channels") if isinstance(raw, dict) else None
    ids = [str(c["id"]) for c in channels or [] if isinstance(c, dict) and isinstance(c.get("id"), str)]
    choices = tuple(dict.fromkeys([*ids, OTHER_CHANNEL]))
    return WorkbookLayout(
        (
            _stats_sheet(),
            _month_sheet(),
            _channels_sheet(),
            _by_channel_sheet(choices),
            _category_sheet(),
            _subtypes_sheet(),
            errata_sheet(ERRATA, ("errata",)),
        )
    )


def _stats_sheet() -> Sheet:
    columns = (
        Column("kind", "ชนิดเอกสาร", choices=("complaint_statistics",)),
        Column("fiscal_year", "ปีงบประมาณ", "number"),
        Column("example", "ข้อมูลตัวอย่าง (true/false)", choices=BOOLEANS),
        Column("scope", "ขอบเขตของข้อมูล"),
        Column("as_of", "ข้อมูล ณ วันที่ (ค.ศ. ปปปป-ดด-วว)", "date"),
        Column("source", "ที่มาของข้อมูล"),
        Column("source_document", "เอกสารที่อ้างถึงตัวเลข"),
        Column("compiled_by", "ผู้ประมวลผลข้อมูล (หน่วยงาน)"),
        Column("received", "จำนวนเรื่องที่รับทั้งหมด", "number"),
        Column("outcome.completed", "ผล: ดำเนินการแล้วเสร็จ", "number"),
        Column("outcome.in_progress", "ผล: อยู่ระหว่างดำเนินการ", "number"),
        Column("outcome.forwarded", "ผล: ส่งต่อหน่วยงานอื่น", "number"),
        Column("outcome.rejected", "ผล: ไม่รับพิจารณา", "number"),
        Column("standard_days", "มาตรฐานระยะเวลาดำเนินการ (วัน)", "number"),
        Column("within_standard", "จำนวนที่แล้วเสร็จภายในมาตรฐาน", "number"),
        Column("guideline", "แนวทางการจัดการเรื่องร้องเรียน", "blocks"),
        Column("guideline_link", "ลิงก์แนวทาง/คู่มือ"),
        Column("problems", "ปัญหา อุปสรรค และแนวทางแก้ไข", "blocks"),
    )
    return Sheet("สถิติ", (), columns, form="fields")


def _month_sheet() -> Sheet:
    columns = (Column(MAP_KEY, "เดือน (ค.ศ. ปปปป-ดด)", "month", id=True), Column(MAP_VALUE, "จำนวนเรื่อง", "number"))
    return Sheet("รายเดือน", ("by_month",), columns, form="pairs")


def _channels_sheet() -> Sheet:
    columns = (
        Column("id", "รหัสช่องทาง", id=True),
        Column("name", "ชื่อช่องทาง"),
        Column("corruption", "เฉพาะเรื่องทุจริต (true/false)", choices=BOOLEANS),
        Column("detail", "วิธีใช้ช่องทาง"),
        Column("phone", "หมายเลขโทรศัพท์ของหน่วยงาน"),
        Column("url", "ลิงก์"),
    )
    return Sheet("ช่องทาง", ("channels",), columns)


def _by_channel_sheet(ids: tuple[str, ...]) -> Sheet:
    # Why not strict: a channel the clerk adds on the channels sheet may be counted here; check reports unknown ids
    key = Column(MAP_KEY, "รหัสช่องทาง", choices=ids, strict=False, id=True)
    columns = (key, Column(MAP_VALUE, "จำนวนเรื่อง", "number"))
    return Sheet("จำนวนตามช่องทาง", ("by_channel",), columns, form="pairs")


def _category_sheet() -> Sheet:
    columns = (
        Column(MAP_KEY, "ประเภทเรื่อง", choices=tuple(CATEGORY_LABELS), id=True),
        Column("total", "จำนวนรวม (เรื่อง)", "number"),
    )
    return Sheet(CATEGORIES, ("by_category",), columns, form="pairs")


def _subtypes_sheet() -> Sheet:
    columns = (Column("name", "ประเภทย่อย"), Column("count", "จำนวน (เรื่อง)", "number"))
    return Sheet("ประเภทย่อย", ("by_category", "*", "subtypes"), columns, parent=CATEGORIES)
