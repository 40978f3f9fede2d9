"""The complaint statistics' downloadable tables: summary per year, months and channels."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...models.unit import Unit
from ...opendata.tables import Column, Row, Table, column_from_field, computed_column, table_spec
from .model import OTHER_CHANNEL, OTHER_CHANNEL_LABEL, ByCategory, Channel, ComplaintStats, Outcome
from .urls import complaints_year_page

if TYPE_CHECKING:
    from ...dataset import Dataset, Loaded, UnitData

UNIT_ID = column_from_field(Unit, "id", "unit_id")


def _optional(column: Column) -> Column:
    """Breakdowns may be unknown (the PESCA figure has none), so these cells may be empty."""
    return dataclasses.replace(column, required=False)


MONTHS = table_spec(
    "complaints",
    "months",
    "จำนวนเรื่องร้องเรียนรายเดือน",
    "หนึ่งแถวต่อหนึ่งเดือนที่มีข้อมูล",
    [
        UNIT_ID,
        column_from_field(ComplaintStats, "fiscal_year"),
        computed_column("month", "เดือน (ค.ศ. ปปปป-ดด)", "เดือนที่รับเรื่อง แบบ ปปปป-ดด (ค.ศ.)"),
        column_from_field(ComplaintStats, "by_month", "received", type="integer", note="(จำนวนของเดือนในแถวนี้)"),
    ],
    ["month"],
)

CHANNELS = table_spec(
    "complaints",
    "channels",
    "จำนวนเรื่องร้องเรียนตามช่องทาง",
    "หนึ่งแถวต่อหนึ่งช่องทางที่มีข้อมูล",
    [
        UNIT_ID,
        column_from_field(ComplaintStats, "fiscal_year"),
        column_from_field(Channel, "id", "channel_id"),
        column_from_field(Channel, "name", "channel_name"),
        column_from_field(ComplaintStats, "by_channel", "received", type="integer", note="(จำนวนของช่องทางในแถวนี้)"),
    ],
    ["channel_id"],
)

# Why: the summary, category and outcome tables of the page are one row per year, so one table holds them all.
SUMMARY = table_spec(
    "complaints",
    "summary",
    "สรุปสถิติเรื่องร้องเรียน",
    "หนึ่งแถวต่อหนึ่งปีงบประมาณ: จำนวนรับ ผลการดำเนินการ ประเภทเรื่อง และการทำตามมาตรฐานเวลา",
    [
        UNIT_ID,
        column_from_field(ComplaintStats, "fiscal_year"),
        column_from_field(ComplaintStats, "as_of"),
        column_from_field(ComplaintStats, "example"),
        column_from_field(ComplaintStats, "received"),
        *(
            _optional(column_from_field(Outcome, name, f"outcome_{name}"))
            for name in ("completed", "in_progress", "forwarded", "rejected")
        ),
        *(
            _optional(column_from_field(ByCategory, name, f"category_{name}", type="integer", note="(จำนวนรวม)"))
            for name in ("general", "corruption")
        ),
        column_from_field(ComplaintStats, "standard_days"),
        column_from_field(ComplaintStats, "within_standard"),
    ],
    ["fiscal_year"],
)


TABLES = (MONTHS, CHANNELS, SUMMARY)


def build_complaint_tables(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Table]:
    stats: ComplaintStats = loaded.model
    page, year = complaints_year_page(unit.id, stats.fiscal_year), stats.fiscal_year
    outcome, category = stats.outcome, stats.by_category
    summary: Row = {
        "unit_id": unit.id,
        "fiscal_year": year,
        "as_of": stats.as_of,
        "example": stats.example,
        "received": stats.received,
        **{
            f"outcome_{k}": getattr(outcome, k) if outcome else None
            for k in ("completed", "in_progress", "forwarded", "rejected")
        },
        **{f"category_{k}": _category_total(category, k) for k in ("general", "corruption")},
        "standard_days": stats.standard_days,
        "within_standard": stats.within_standard,
    }
    title = f"{SUMMARY.title} ปีงบประมาณ พ.ศ. {year}"
    tables = [Table(SUMMARY, f"complaints-{year}-summary", [summary], page, loaded.path, title)]
    rows: list[Row]
    if stats.by_month:
        rows = [
            {"unit_id": unit.id, "fiscal_year": year, "month": month, "received": count}
            for month, count in sorted(stats.by_month.items())
        ]
        title = f"{MONTHS.title} ปีงบประมาณ พ.ศ. {year}"
        tables.append(Table(MONTHS, f"complaints-{year}-months", rows, page, loaded.path, title))
    if stats.by_channel:
        names = {OTHER_CHANNEL: OTHER_CHANNEL_LABEL, **{c.id: c.name for c in stats.channels}}
        rows = [
            {"unit_id": unit.id, "fiscal_year": year, "channel_id": cid, "channel_name": names.get(cid), "received": n}
            for cid, n in stats.by_channel.items()
        ]
        title = f"{CHANNELS.title} ปีงบประมาณ พ.ศ. {year}"
        tables.append(Table(CHANNELS, f"complaints-{year}-channels", rows, page, loaded.path, title))
    return tables


def _category_total(category: ByCategory | None, key: str) -> int | None:
    counts = getattr(category, key) if category else None
    return counts.total if counts else None
