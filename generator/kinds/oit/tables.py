"""The OIT map's downloadable table: the checklist (one row per catalogue item)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import urls
from ...models.unit import Unit
from ...opendata.tables import Row, Table, column_from_field, computed_column, table_spec
from .model import CatalogItem, OitMap
from .rows import checklist_page, map_catalog, plan_rows

if TYPE_CHECKING:
    from ...dataset import Dataset, Loaded, UnitData

UNIT_ID = column_from_field(Unit, "id", "unit_id")

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
        computed_column("page", "หน้าเว็บของข้อ", "ที่อยู่หน้าของข้อนี้บนเว็บไซต์ (ทุกข้อมีหน้า แม้สถานะไม่มี)"),
    ],
    ["item_code"],
)


TABLES = (CHECKLIST,)


def build_oit_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
    oit_map: OitMap = loaded.model
    catalog = map_catalog(data, oit_map)
    if catalog is None:
        return []
    rows: list[Row] = [
        {
            "unit_id": unit.id,
            "assessment_year": oit_map.year,
            "item_code": row.item.code,
            "item_title": row.item.title,
            "status": row.status,
            "page": urls.url_of(row.page),
        }
        for row in plan_rows(catalog, oit_map, unit.id)
    ]
    title = f"{CHECKLIST.title} พ.ศ. {oit_map.year}"
    page = checklist_page(unit.id, oit_map.year)
    return [Table(CHECKLIST, f"oit-{oit_map.year}-checklist", rows, page, loaded.path, title)]
