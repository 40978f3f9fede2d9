"""Downloadable tables of the assessment kinds: ITA scores (per indicator and per item) and the OIT checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.ita import ItaIndicator, ItaItem, ItaReport, ItaTool
from ..models.oit import CatalogItem, OitMap
from ..models.unit import Unit
from .tables import Row, Table, column_from_field, computed_column, register_tables, table_spec

if TYPE_CHECKING:
    from ..dataset import Dataset, Loaded, UnitData

UNIT_ID = column_from_field(Unit, "id", "unit_id")
ITA_YEAR = column_from_field(ItaReport, "year", "assessment_year")

INDICATORS = table_spec(
    "ita",
    "indicators",
    "คะแนน ITA รายตัวชี้วัด",
    "หนึ่งแถวต่อหนึ่งตัวชี้วัด",
    [
        UNIT_ID,
        ITA_YEAR,
        column_from_field(ItaTool, "tool"),
        column_from_field(ItaIndicator, "no", "indicator_no"),
        column_from_field(ItaIndicator, "title", "indicator_title"),
        column_from_field(ItaIndicator, "score", "indicator_score"),
    ],
    ["indicator_no"],
)

ITEMS = table_spec(
    "ita",
    "items",
    "คะแนน ITA รายข้อ",
    "หนึ่งแถวต่อหนึ่งข้อการประเมินที่รายงาน",
    [
        UNIT_ID,
        ITA_YEAR,
        column_from_field(ItaTool, "tool"),
        column_from_field(ItaIndicator, "no", "indicator_no"),
        column_from_field(ItaItem, "code", "item_code"),
        column_from_field(ItaItem, "text", "item_text"),
        column_from_field(ItaItem, "score", "item_score"),
    ],
    ["item_code"],
)

CHECKLIST = table_spec(
    "oit",
    "checklist",
    "รายการตรวจสอบข้อ OIT",
    "หนึ่งแถวต่อหนึ่งข้อในรายการข้อ OIT ของปีที่ประเมิน",
    [
        UNIT_ID,
        column_from_field(OitMap, "year", "assessment_year"),
        column_from_field(CatalogItem, "code", "item_code"),
        column_from_field(CatalogItem, "title", "item_title"),
        computed_column("status", "สถานะ", "มี / ไม่มี / ไม่เกี่ยวข้อง ตามแผนที่ข้อมูล OIT ของหน่วยงาน"),
        computed_column("page", "หน้าเว็บของข้อ", "ที่อยู่หน้าของข้อนี้บนเว็บไซต์ (เว้นว่างเมื่อไม่มี)", required=False),
    ],
    ["item_code"],
)


def build_ita_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
    from ..kinds.ita import ita_page

    report: ItaReport = loaded.model
    base: Row = {"unit_id": unit.id, "assessment_year": report.year}
    indicators: list[Row] = []
    items: list[Row] = []
    for tool in report.tools:
        for indicator in tool.indicators:
            row: Row = {**base, "tool": tool.tool, "indicator_no": indicator.no}
            indicators.append({**row, "indicator_title": indicator.title, "indicator_score": indicator.score})
            for measure in indicator.measures:
                items.extend(
                    {**row, "item_code": i.code, "item_text": i.text, "item_score": i.score} for i in measure.items
                )
    page, stem = ita_page(unit.id, report.year), f"ita-{report.year}"
    return [
        Table(
            INDICATORS, f"{stem}-indicators", indicators, page, loaded.path, f"{INDICATORS.title} พ.ศ. {report.year}"
        ),
        Table(ITEMS, f"{stem}-items", items, page, loaded.path, f"{ITEMS.title} พ.ศ. {report.year}"),
    ]


def build_oit_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
    from .. import urls
    from ..oit import checklist_page, plan_rows

    oit_map: OitMap = loaded.model
    catalog = data.oit.get(oit_map.year)
    if catalog is None:
        return []
    rows: list[Row] = [
        {
            "unit_id": unit.id,
            "assessment_year": oit_map.year,
            "item_code": row.item.code,
            "item_title": row.item.title,
            "status": row.status,
            "page": urls.url_of(row.page) if row.page else None,
        }
        for row in plan_rows(catalog.model, oit_map, unit.id)
    ]
    title = f"{CHECKLIST.title} พ.ศ. {oit_map.year}"
    page = checklist_page(unit.id, oit_map.year)
    return [Table(CHECKLIST, f"oit-{oit_map.year}-checklist", rows, page, loaded.path, title)]


register_tables("ita", build_ita_tables)
register_tables("oit", build_oit_tables)
