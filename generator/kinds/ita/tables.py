"""The ITA report's downloadable tables: scores per indicator and per item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models.unit import Unit
from ...opendata.tables import Row, Table, column_from_field, table_spec
from .model import ItaIndicator, ItaItem, ItaReport, ItaTool
from .urls import ita_page

if TYPE_CHECKING:
    from ...dataset import Dataset, Loaded, UnitData

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

def build_ita_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
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


TABLES = (INDICATORS, ITEMS)
