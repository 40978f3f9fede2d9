"""ITA measures reports: ita-<year>.yml (one unit) and ita-consolidated-<year>.yml (consolidated).

URL scheme (documented in README, section ITA):
/<unit>/ita/<year>/                     report overview with the indicator scores table
/<unit>/ita/<year>/indicators/<n>/      one indicator: item scores table and every measure row
/<unit>/ita/<year>/measures/            all measures and results in one table, with status counts
/<unit>/ita/<year>/consolidated/        the consolidated report (issues → steps → responsible → results)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ... import thaifmt
from ...dataset import Dataset, Loaded, UnitData
from ...dataset import problem_at as _at
from ...kindapi import DocumentKind, ServedTarget, TargetName
from ...models.common import to_arabic_digits
from ...pages import PageSpec
from ...problems import Problem
from . import charts
from .model import (
    NOT_STATED,
    NOT_STATED_LABEL,
    STATUS_LABELS,
    TOOL_INDICATORS,
    TOOL_PREFIX,
    ItaConsolidated,
    ItaReport,
    public_labels,
)
from .tables import TABLES, build_ita_tables
from .urls import ita_consolidated_page, ita_indicator_page, ita_measures_page, ita_page
from .workbook import build_consolidated_workbook, build_ita_workbook

ITA_FIRST_YEAR = 2557  # the NACC has run the ITA nationally since fiscal year 2557
# Why: "นาย" also starts positions (นายก…, นายอำเภอ); only honorifics followed by a name count.
NAME_RE = re.compile(r"^(นาย(?!ก|อำเภอ)|นางสาว|นาง|น\.ส\.|ดร\.|ว่าที่ )")
PHONE_RE = re.compile(r"0\d{1,2}-?\d{3}-?\d{3,4}")
LOOKS_LIKE_NAME = "'{text}' ดูเหมือนชื่อบุคคล ให้เขียนเป็น name: และ position: แทน (ระบบจะไม่เผยแพร่ชื่อ เว้นแต่ระบุ publish: true)"
LOOKS_LIKE_PHONE = "'{text}' มีหมายเลขโทรศัพท์ ให้ย้ายไปไว้ในช่อง phone: ของผู้รับผิดชอบ (ไม่เผยแพร่โดยค่าเริ่มต้น)"


# --- checks ---------------------------------------------------------------------------------------------


def check_ita_report(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterator[Problem]:
    report: ItaReport = loaded.model
    yield from check_file_and_year(loaded, f"ita-{report.year}", report.year)
    seen_codes: dict[str, tuple[Any, ...]] = {}
    seen_numbers: dict[int, tuple[Any, ...]] = {}
    for t, tool in enumerate(report.tools):
        for i, indicator in enumerate(tool.indicators):
            loc = ("tools", t, "indicators", i)
            yield from check_indicator_no(loaded, tool.tool, indicator.no, (*loc, "no"), seen_numbers)
            for m, measure in enumerate(indicator.measures):
                row = (*loc, "measures", m)
                yield from check_item_codes(loaded, tool.tool, measure.codes, row, seen_codes)
                yield from check_responsible(loaded, measure.responsible, (*row, "responsible"))


def check_ita_consolidated(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterator[Problem]:
    report: ItaConsolidated = loaded.model
    yield from check_file_and_year(loaded, f"ita-consolidated-{report.year}", report.year)
    seen_numbers: dict[int, tuple[Any, ...]] = {}
    for t, tool in enumerate(report.tools):
        for i, issue in enumerate(tool.issues):
            loc = ("tools", t, "issues", i)
            yield from check_indicator_no(loaded, tool.tool, issue.indicator, (*loc, "indicator"), seen_numbers)
            for r, row in enumerate(issue.rows):
                yield from check_responsible(loaded, row.responsible, (*loc, "rows", r, "responsible"))


def check_file_and_year(loaded: Loaded, expected_stem: str, year: int) -> Iterator[Problem]:
    if loaded.stem != expected_stem:
        yield _at(loaded, ("year",), f"ชื่อไฟล์ต้องเป็น {expected_stem}.yml ให้ตรงกับปีที่ประเมิน")
    last = thaifmt.be_year(dt.date.today().year) + 1
    if not ITA_FIRST_YEAR <= year <= last:
        yield _at(loaded, ("year",), f"ปีที่ประเมิน {year} ไม่น่าเป็นไปได้ (ITA มีตั้งแต่ปี {ITA_FIRST_YEAR} ถึง {last})")


def check_indicator_no(
    loaded: Loaded, tool: str, no: int, loc: tuple[Any, ...], seen: dict[int, tuple[Any, ...]]
) -> Iterator[Problem]:
    allowed = TOOL_INDICATORS[tool]
    if no not in allowed:
        span = f"{allowed[0]}–{allowed[-1]}"
        yield _at(loaded, loc, f"ตัวชี้วัดที่ {no} ไม่อยู่ในเครื่องมือ {tool} ({tool} มีตัวชี้วัดที่ {span})")
    if no in seen:
        yield _at(loaded, loc, f"ตัวชี้วัดที่ {no} ซ้ำกับบรรทัด {loaded.doc.line_of(seen[no])}")
    seen.setdefault(no, loc)


def check_item_codes(
    loaded: Loaded, tool: str, codes: list[str], row: tuple[Any, ...], seen: dict[str, tuple[Any, ...]]
) -> Iterator[Problem]:
    prefix = TOOL_PREFIX[tool]
    for j, code in enumerate(codes):
        loc = (*row, "items", j, "code")
        if not code.startswith(prefix):
            yield _at(loaded, loc, f"รหัสข้อ '{code}' ไม่ใช่ข้อของ {tool} (ข้อของ {tool} ขึ้นต้นด้วย '{prefix}')")
        if code in seen:
            yield _at(loaded, loc, f"รหัสข้อ '{code}' ซ้ำกับบรรทัด {loaded.doc.line_of(seen[code])}")
        seen.setdefault(code, loc)


def check_responsible(loaded: Loaded, entries: list[Any], loc: tuple[Any, ...]) -> Iterator[Problem]:
    """Named people and phone numbers belong in a person entry, where they are unpublished by default."""
    for k, entry in enumerate(entries):
        if not isinstance(entry, str):
            continue
        if NAME_RE.match(entry):
            yield _at(loaded, (*loc, k), LOOKS_LIKE_NAME.format(text=entry))
        elif PHONE_RE.search(to_arabic_digits(entry)):
            yield _at(loaded, (*loc, k), LOOKS_LIKE_PHONE.format(text=entry))


# --- pages ----------------------------------------------------------------------------------------------


def _numerals(unit: UnitData, document: ItaReport | ItaConsolidated) -> str:
    return document.numerals or unit.unit.model.numerals


def _section(unit: UnitData, year: int, numerals: str) -> tuple[str, str]:
    return unit.unit.model.name, thaifmt.digits(f"ITA พ.ศ. {year}", numerals)


def find_documents(data: Dataset, unit_id: str | None, model: type, year: int) -> list[Loaded]:
    unit = data.units.get(unit_id or "")
    return [d for d in unit.of_kind(model) if d.model.year == year] if unit else []


def status_counts(report: ItaReport) -> dict[str, int]:
    """Results per printed status; results whose status the source did not print are counted apart."""
    results = (r for i in report.indicators for m in i.measures for r in m.results)
    counts: Counter[str] = Counter(r.status or NOT_STATED for r in results)
    stated = {status: counts.get(status, 0) for status in STATUS_LABELS}
    return stated | ({NOT_STATED: counts[NOT_STATED]} if counts[NOT_STATED] else {})


def build_ita_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    report: ItaReport = loaded.model
    numerals = _numerals(unit, report)
    section = _section(unit, report.year, numerals)
    parent = unit.unit.model.parent
    related = [(p, ita_consolidated_page(p, report.year)) for p in (unit.id, parent) if p]
    base = {
        "unit": unit.unit.model,
        "report": report,
        "numerals": numerals,
        "status_labels": STATUS_LABELS | {NOT_STATED: NOT_STATED_LABEL},
        "status_counts": status_counts(report),
        "responsible_labels": public_labels,
        "overview_page": ita_page(unit.id, report.year),
        "measures_page": ita_measures_page(unit.id, report.year),
        "indicator_pages": {i.no: ita_indicator_page(unit.id, report.year, i.no) for i in report.indicators},
        "consolidated": [
            (data.units[u].unit.model.name, page)
            for u, page in related
            if find_documents(data, u, ItaConsolidated, report.year)
        ],
        "warnings": [w for w in warnings if w.path == loaded.path],
        "charts": charts,
    }
    pages = [
        PageSpec(base["overview_page"], "ita.md.j2", "ภาพรวมรายงาน", base, loaded.path, section),
        PageSpec(base["measures_page"], "ita_measures.md.j2", "มาตรการและผลการดำเนินการ", base, loaded.path, section),
    ]
    for indicator in report.indicators:
        title = thaifmt.digits(f"ตัวชี้วัดที่ {indicator.no} {indicator.title}", numerals)
        context = {**base, "indicator": indicator, "tool": report.tool_of(indicator)}
        path = base["indicator_pages"][indicator.no]
        pages.append(PageSpec(path, "ita_indicator.md.j2", title, context, loaded.path, section))
    return pages


def build_consolidated_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    report: ItaConsolidated = loaded.model
    numerals = _numerals(unit, report)
    children = [
        (child.unit.model.name, ita_page(child.id, report.year))
        for child in data.units.values()
        if child.unit.model.parent == unit.id and find_documents(data, child.id, ItaReport, report.year)
    ]
    context = {
        "unit": unit.unit.model,
        "report": report,
        "numerals": numerals,
        "responsible_labels": public_labels,
        "children": children,
        "own_report": ita_page(unit.id, report.year) if find_documents(data, unit.id, ItaReport, report.year) else None,
        "warnings": [w for w in warnings if w.path == loaded.path],
    }
    path = ita_consolidated_page(unit.id, report.year)
    section = _section(unit, report.year, numerals)
    return [PageSpec(path, "ita_consolidated.md.j2", "รายงานผลภาพรวม", context, loaded.path, section)]


# --- unit home links ------------------------------------------------------------------------------------


def ita_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    year = loaded.model.year
    title = thaifmt.digits(f"รายงานผลการดำเนินการตามมาตรการ ITA ปี พ.ศ. {year}", unit.unit.model.numerals)
    return title, ita_page(unit.id, year)


def consolidated_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    year = loaded.model.year
    title = thaifmt.digits(f"รายงานผลการดำเนินการตามมาตรการ ITA ภาพรวม ปี พ.ศ. {year}", unit.unit.model.numerals)
    return title, ita_consolidated_page(unit.id, year)


ITA = TargetName("ita", "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)")
ITA_MEASURES = TargetName("ita-measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสและผลการดำเนินการ")


def served_targets(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterable[ServedTarget]:
    """The report's overview and its measures page answer for the assessment year (its fiscal year)."""
    report: ItaReport = loaded.model
    years, period = frozenset({report.year}), thaifmt.fiscal_year_bounds(report.year)
    return [
        ServedTarget(ITA.name, ITA.label, ita_page(unit.id, report.year), years, period=period, updated=report.reported),
        ServedTarget(
            ITA_MEASURES.name,
            ITA_MEASURES.label,
            ita_measures_page(unit.id, report.year),
            years,
            period=period,
            updated=report.reported,
        ),
    ]


KINDS = (
    DocumentKind(
        name="ita",
        pattern="ita-[0-9]*.yml",
        model=ItaReport,
        build_pages=build_ita_pages,
        check=check_ita_report,
        link=ita_link,
        unit_heading="มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ITA)",
        order=40,
        templates=Path(__file__).parent / "templates",
        tables=TABLES,
        build_tables=build_ita_tables,
        targets=(ITA, ITA_MEASURES),
        served=served_targets,
        workbook=build_ita_workbook,
    ),
    DocumentKind(
        name="ita-consolidated",
        pattern="ita-consolidated-[0-9]*.yml",
        model=ItaConsolidated,
        build_pages=build_consolidated_pages,
        check=check_ita_consolidated,
        link=consolidated_link,
        unit_heading="มาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA) ฉบับรวบรวมภาพรวม",
        order=41,
        workbook=build_consolidated_workbook,
    ),
)
