"""Complaint statistics (สถิติเรื่องร้องเรียน) per unit and fiscal year: aggregates only, never a person.

URLs (kept in this module; the scheme is documented in the README section of this kind):
/<unit>/complaints/                     every year of the unit
/<unit>/complaints/<fy>/                one fiscal year
/<unit>/complaints/<fy>/complaints-<fy>.json   the same numbers as data (for charts)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...dataset import Dataset, Loaded, UnitData
from ...dataset import problem_at as _at
from ...kindapi import DocumentKind, ServedTarget, TargetName
from ...links import site_link
from ...loader import Loc
from ...models.common import to_arabic_digits
from ...pages import PageSpec
from ...pii import find_personal_data
from ...problems import Problem
from ...thaifmt import MONTHS_SHORT, be_year, digits
from .model import (
    CATEGORY_LABELS,
    OTHER_CHANNEL,
    OTHER_CHANNEL_LABEL,
    OUTCOME_LABELS,
    ComplaintStats,
)
from .tables import TABLES, build_complaint_tables
from .urls import complaints_index_page, complaints_json_path, complaints_year_page
from .workbook import build_complaints_workbook

NAV_TITLE = "สถิติเรื่องร้องเรียน"
# Why: the data is public; text that identifies a complainant must never reach it (aggregates only).
_NAME_RE = re.compile(
    r"(?:นางสาว|น\.ส\.|นาย(?!ก|อำเภอ|ช่าง|ทะเบียน|จ้าง|ทหาร|ตำรวจ|แพทย์|ด่าน|หน้า|ประกัน|ตรวจ)|นาง(?!สาว|พยาบาล|งาม))"
    r"\s*[ก-ฮ][\u0e00-\u0e4e]+"
)
_NUMBER_RUN_RE = re.compile(r"(?<!\d)\d(?:[-\s.]?\d){8,16}(?!\d)")
_EXEMPT_KEYS = {"phone", "url", "guideline_link"}


# --- checks -------------------------------------------------------------------------------------


def fiscal_months(fiscal_year: int) -> list[str]:
    """'YYYY-MM' (ค.ศ.) for October … September of a Thai fiscal year."""
    year = fiscal_year - 543
    return [f"{year - 1}-{m:02d}" for m in (10, 11, 12)] + [f"{year}-{m:02d}" for m in range(1, 10)]


def check_complaints(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterator[Problem]:
    stats: ComplaintStats = loaded.model
    expected = f"complaints-{stats.fiscal_year}"
    if loaded.stem != expected:
        yield _at(loaded, ("fiscal_year",), f"ชื่อไฟล์ต้องเป็น {expected}.yml ให้ตรงกับปีงบประมาณ")
    yield from check_months(loaded)
    yield from check_channels(loaded)
    yield from check_sums(loaded)
    yield from check_personal_data(loaded, (), loaded.doc.data)


def check_months(loaded: Loaded) -> Iterator[Problem]:
    stats: ComplaintStats = loaded.model
    months = fiscal_months(stats.fiscal_year)
    for key in stats.by_month or {}:
        if key not in months:
            message = f"เดือน {key} อยู่นอกปีงบประมาณ {stats.fiscal_year} ({months[0]} ถึง {months[-1]})"
            yield _at(loaded, ("by_month", _raw_key(loaded, "by_month", key)), message)


def _raw_key(loaded: Loaded, field: str, key: str) -> str:
    """The key as written in the YAML (the model normalises '2023-1' to '2023-01')."""
    raw = loaded.doc.data.get(field) or {}
    return next((k for k in raw if to_arabic_digits(str(k)).strip() in {key, key.replace("-0", "-")}), key)


def check_channels(loaded: Loaded) -> Iterator[Problem]:
    stats: ComplaintStats = loaded.model
    seen: set[str] = set()
    for i, channel in enumerate(stats.channels):
        if channel.id == OTHER_CHANNEL:
            yield _at(
                loaded,
                ("channels", i, "id"),
                f"รหัส '{OTHER_CHANNEL}' สงวนไว้สำหรับ {OTHER_CHANNEL_LABEL} ไม่ต้องประกาศในรายการช่องทาง",
            )
        elif channel.id in seen:
            yield _at(loaded, ("channels", i, "id"), f"รหัสช่องทาง '{channel.id}' ซ้ำกัน")
        seen.add(channel.id)
    for key in stats.by_channel or {}:
        if key not in seen and key != OTHER_CHANNEL:
            message = f"ไม่มีช่องทาง '{key}' ในรายการช่องทาง (channels) ของไฟล์นี้ ใช้ '{OTHER_CHANNEL}' สำหรับช่องทางอื่น ๆ"
            yield _at(loaded, ("by_channel", key), message)


def _sum_problem(loaded: Loaded, loc: Loc, what: str, total: int) -> Problem:
    received = loaded.model.received
    return _at(loaded, loc, f"{what}รวมกันได้ {total} เรื่อง ไม่เท่ากับจำนวนเรื่องที่รับ {received} เรื่อง")


def check_sums(loaded: Loaded) -> Iterator[Problem]:
    """Every breakdown that is given must add up to the number received."""
    stats: ComplaintStats = loaded.model
    received = stats.received
    if stats.by_month is not None and sum(stats.by_month.values()) != received:
        yield _sum_problem(loaded, ("by_month",), "จำนวนรายเดือน", sum(stats.by_month.values()))
    if stats.by_channel is not None and sum(stats.by_channel.values()) != received:
        yield _sum_problem(loaded, ("by_channel",), "จำนวนตามช่องทาง", sum(stats.by_channel.values()))
    if stats.by_category is not None:
        categories = stats.by_category.items()
        total = sum(c.total for _, c in categories)
        if total != received:
            yield _sum_problem(loaded, ("by_category",), "จำนวนตามประเภทเรื่อง", total)
        for key, category in categories:
            parts = sum(s.count for s in category.subtypes)
            if category.subtypes and parts != category.total:
                message = (
                    f"ประเภทย่อยรวมกันได้ {parts} เรื่อง ไม่เท่ากับจำนวนของประเภท{CATEGORY_LABELS[key]} {category.total} เรื่อง"
                )
                yield _at(loaded, ("by_category", key, "subtypes"), message)
    outcome = stats.outcome
    if outcome is not None and outcome.total != received:
        message = (
            f"ผลการดำเนินการรวมกันได้ {outcome.total} เรื่อง (แล้วเสร็จ {outcome.completed} + อยู่ระหว่างดำเนินการ"
            f" {outcome.in_progress} + ส่งต่อ {outcome.forwarded} + ไม่รับพิจารณา {outcome.rejected})"
            f" ไม่เท่ากับจำนวนเรื่องที่รับ {received} เรื่อง"
        )
        yield _at(loaded, ("outcome",), message)
    limit = outcome.completed if outcome is not None else received
    if stats.within_standard is not None and stats.within_standard > limit:
        what = "ดำเนินการแล้วเสร็จ" if outcome is not None else "รับทั้งหมด"
        message = f"จำนวนที่แล้วเสร็จภายในมาตรฐาน {stats.within_standard} เรื่อง มากกว่าจำนวนที่{what} {limit} เรื่อง"
        yield _at(loaded, ("within_standard",), message)


def check_personal_data(loaded: Loaded, loc: Loc, value: Any) -> Iterator[Problem]:
    """Reject free text that looks like a person's name, a phone number or a 13-digit ID number."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key not in _EXEMPT_KEYS:
                yield from check_personal_data(loaded, (*loc, key), child)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from check_personal_data(loaded, (*loc, i), child)
    elif isinstance(value, str):
        message = personal_data_kind(value)
        if message:
            yield _at(
                loaded,
                loc,
                f"ข้อความนี้ดูเหมือนมี{message} ข้อมูลเรื่องร้องเรียนเผยแพร่ได้เฉพาะตัวเลขสรุป ห้ามใส่ข้อมูลที่ระบุตัวบุคคล (hint: aggregates only, no personal data)",
            )


def personal_data_kind(text: str) -> str | None:
    """What kind of personal data the text holds, or None: the one detector (generator.pii), then, because
    complaint statistics are aggregates only, the stricter rules (a title with a given name alone, any
    13-digit run even with a wrong checksum)."""
    findings = find_personal_data(text)
    if findings:
        return findings[0].label
    if _NAME_RE.search(text):
        return "ชื่อบุคคล (นาย/นาง/นางสาว ตามด้วยชื่อ)"
    for match in _NUMBER_RUN_RE.finditer(to_arabic_digits(text)):
        number = re.sub(r"\D", "", match.group())
        if len(number) == 13:
            return "เลขประจำตัวประชาชน 13 หลัก"
        if len(number) in (9, 10) and number.startswith("0"):
            return "หมายเลขโทรศัพท์"
    return None


# --- pages --------------------------------------------------------------------------------------


def year_title(stats: ComplaintStats) -> str:
    return f"สถิติเรื่องร้องเรียน ปีงบประมาณ พ.ศ. {stats.fiscal_year}"


def month_rows(stats: ComplaintStats) -> list[tuple[str, int]] | None:
    if stats.by_month is None:
        return None
    rows = []
    for key in fiscal_months(stats.fiscal_year):
        year, month = (int(part) for part in key.split("-"))
        rows.append((f"{MONTHS_SHORT[month - 1]} {be_year(year)}", stats.by_month.get(key, 0)))
    return rows


def percent_of(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"))


def _sorted_years(unit: UnitData) -> list[Loaded]:
    return sorted(unit.of_kind(ComplaintStats), key=lambda d: d.model.fiscal_year)


def build_complaint_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    """Index and every year of the unit, built once (by the first file) so the index comes first."""
    years = _sorted_years(unit)
    if loaded is not min(years, key=lambda d: d.stem):
        return []
    unit_model = unit.unit.model
    nav = (unit_model.name, NAV_TITLE)
    base = {
        "unit": unit_model,
        "years": [d.model for d in years],
        "numerals": unit_model.numerals,
        "index_page": complaints_index_page(unit.id),
        "year_page": lambda stats: complaints_year_page(unit.id, stats.fiscal_year),
        "year_title": year_title,
        "percent_of": percent_of,
        "site_link": site_link,
        "category_labels": CATEGORY_LABELS,
        "outcome_labels": OUTCOME_LABELS,
    }
    pages = [PageSpec(complaints_index_page(unit.id), "complaints_index.md.j2", NAV_TITLE, base, None, nav)]
    for doc in years:
        stats: ComplaintStats = doc.model
        context = {
            **base,
            "stats": stats,
            "months": month_rows(stats),
            "json_file": complaints_json_path(unit.id, stats.fiscal_year),
        }
        title = f"ปีงบประมาณ {stats.fiscal_year}"
        pages.append(
            PageSpec(
                complaints_year_page(unit.id, stats.fiscal_year), "complaints.md.j2", title, context, doc.path, nav
            )
        )
    return pages


def build_complaint_assets(data: Dataset, unit: UnitData, loaded: Loaded) -> dict[str, bytes]:
    """The year's numbers as JSON, so charts (and anyone) can reuse exactly what the tables show."""
    stats: ComplaintStats = loaded.model
    payload = stats.model_dump(mode="json", exclude={"guideline", "problems"})
    payload["unit"] = unit.id
    payload["months"] = (
        [{"month": key, "received": (stats.by_month or {}).get(key, 0)} for key in fiscal_months(stats.fiscal_year)]
        if stats.by_month is not None
        else None
    )
    text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    return {complaints_json_path(unit.id, stats.fiscal_year): text.encode("utf-8")}


def complaints_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    stats: ComplaintStats = loaded.model
    title = year_title(stats) + (" (ข้อมูลตัวอย่าง)" if stats.example else "")
    return digits(title, unit.unit.model.numerals), complaints_year_page(unit.id, stats.fiscal_year)


COMPLAINTS = TargetName("complaints", "สถิติเรื่องร้องเรียนการทุจริต")


def served_targets(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterable[ServedTarget]:
    """A year's statistics page answers for that fiscal year (the period is for the map to state)."""
    stats: ComplaintStats = loaded.model
    page = complaints_year_page(unit.id, stats.fiscal_year)
    return [ServedTarget(COMPLAINTS.name, COMPLAINTS.label, page, frozenset({stats.fiscal_year}))]


KINDS = (
    DocumentKind(
        name="complaints",
        pattern="complaints-*.yml",
        model=ComplaintStats,
        build_pages=build_complaint_pages,
        check=check_complaints,
        build_assets=build_complaint_assets,
        link=complaints_link,
        unit_heading=NAV_TITLE,
        order=40,
        templates=Path(__file__).parent / "templates",
        tables=TABLES,
        build_tables=build_complaint_tables,
        targets=(COMPLAINTS,),
        served=served_targets,
        workbook=build_complaints_workbook,
    ),
)
