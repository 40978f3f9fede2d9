"""A unit's OIT map resolved against the site: one row per catalogue item, its status, page, period and date.

URL scheme (assessors paste these into ITAS; never change one without a redirect):
/<unit>/oit/<year>/                 checklist of every item of the catalogue the map answers
/<unit>/oit/<year>/<code>/          one item, e.g. /sao-bueng-prue/oit/2566/o29/ (every item has one, even ไม่มี)
/<unit>/oit/<year>/oit-urls.csv     code,title,status,reason,period,url for ITAS (and the same as oit-urls.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ... import thaifmt, urls
from ...dataset import Dataset, Loaded, problem_at
from ...kindapi import Period, ServedTarget
from ...opendata.writers import neutralise_csv_cell
from ...pages import PageSpec
from ...problems import Problem
from .catalog import find_catalog, missing_catalog_message
from .model import CatalogItem, Coverage, OitCatalog, OitEntry, OitMap, catalogue_label

HAVE, HAVE_NOT, NOT_APPLICABLE = "มี", "ไม่มี", "ไม่เกี่ยวข้อง"
UNMAPPED = "ยังไม่ได้ระบุในแผนที่ข้อมูล OIT ของหน่วยงาน"


# --- URLs --------------------------------------------------------------------------------------------


def checklist_page(unit_id: str, year: int) -> str:
    return f"{unit_id}/oit/{year}/index.md"


def item_page(unit_id: str, year: int, code: str) -> str:
    return f"{unit_id}/oit/{year}/{code.lower()}/index.md"


def csv_asset(unit_id: str, year: int) -> str:
    return f"{unit_id}/oit/{year}/oit-urls.csv"


def json_asset(unit_id: str, year: int) -> str:
    return f"{unit_id}/oit/{year}/oit-urls.json"


def site_base_url(oit_map: OitMap) -> str | None:
    """Where the site is published: the map's `site_url`, else SITE_URL (the value mkdocs.yml uses)."""
    return oit_map.site_url or os.environ.get("SITE_URL") or None


def absolute_url(page: str, base_url: str | None) -> str:
    path = urls.url_of(page)
    return base_url.rstrip("/") + path if base_url else path


# --- rows --------------------------------------------------------------------------------------------


@dataclass
class OitRow:
    item: CatalogItem
    entry: OitEntry | None
    status: str
    page: str  # this site's page for the item (Markdown source path); every item has one
    reason: str = ""  # why ไม่มี / ไม่เกี่ยวข้อง (the map's note, or UNMAPPED)
    target_page: str | None = None  # the content on this site (source path, may end in '#anchor')
    target_title: str | None = None
    period: Period | None = None
    updated: dt.date | None = None
    updated_precision: str = "day"
    timely: str = ""  # "ok" | "stale" | "unknown" | "" (nothing expected or nothing published)
    timely_text: str = ""


def plan_rows(catalog: OitCatalog, oit_map: OitMap, unit_id: str) -> list[OitRow]:
    """Status, reason and page of every catalogue item, from the map alone (no other page needed)."""
    rows = []
    for item in catalog.all_items():
        entry = oit_map.items.get(item.code)
        page = item_page(unit_id, oit_map.year, item.code)
        if entry is None:
            rows.append(OitRow(item, entry, HAVE_NOT, page, UNMAPPED, updated=oit_map.updated))
        elif entry.missing is not None:
            rows.append(OitRow(item, entry, HAVE_NOT, page, entry.missing, updated=entry.updated or oit_map.updated))
        elif entry.not_applicable is not None:
            rows.append(OitRow(item, entry, NOT_APPLICABLE, page, entry.not_applicable))
        else:
            rows.append(OitRow(item, entry, HAVE, page))
    return rows


def map_catalog(data: Dataset, oit_map: OitMap) -> OitCatalog | None:
    """The catalogue a map answers: its year and its `catalogue:` (national unless it names a sector's)."""
    return find_catalog(data.catalogs.get("oit", {}), oit_map.year, oit_map.catalogue)


@dataclass(frozen=True)
class Targets:
    """What a map entry can point at: the pages every kind serves by name, and every page of the site."""

    served: list[ServedTarget]
    names: dict[str, str]  # every name a kind can serve → its Thai label
    pages: Mapping[str, PageSpec] | None  # None while the pages are not built yet (checked later)

    def find(self, name: str, fiscal_year: int) -> ServedTarget | None:
        return next((t for t in self.served if t.name == name and fiscal_year in t.fiscal_years), None)

    def serving(self, page: str) -> ServedTarget | None:
        """The served target whose page this is (a page that states its own period and date)."""
        return next((t for t in self.served if t.page == page and not t.anchor), None)


def resolve_rows(data: Dataset, unit_id: str, loaded: Loaded, targets: Targets) -> tuple[list[OitRow], list[Problem]]:
    """Rows with targets, periods, dates and timeliness; every problem with its file and line."""
    oit_map: OitMap = loaded.model
    catalog = map_catalog(data, oit_map)
    if catalog is None:
        message = missing_catalog_message(data.catalogs.get("oit", {}), oit_map.year, oit_map.catalogue)
        field = "catalogue" if "catalogue" in oit_map.model_fields_set else "year"
        return [], [problem_at(loaded, (field,), message)]
    problems = [
        problem_at(loaded, ("items", code), f"ไม่มีข้อ {code} ในรายการข้อ OIT {catalogue_label(oit_map.year, oit_map.catalogue)}")
        for code in oit_map.items
        if catalog.item(code) is None
    ]
    rows = plan_rows(catalog, oit_map, unit_id)
    unmapped = [row.item.code for row in rows if row.entry is None]
    if unmapped:
        message = f"ยังไม่ได้ระบุข้อ {', '.join(unmapped)} (จะแสดงเป็น 'ไม่มี' ในรายการตรวจสอบ)"
        problems.append(problem_at(loaded, ("items",), message, "warning"))
    content_dir = data.root.parent / "content"
    for row in rows:
        if row.entry is not None:
            problems.extend(_resolve_row(row, oit_map, loaded, targets, content_dir))
    return rows, problems


def _resolve_row(row: OitRow, oit_map: OitMap, loaded: Loaded, targets: Targets, content_dir: Path) -> Iterator[Problem]:
    entry = row.entry
    assert entry is not None
    if entry.missing is not None:
        return  # nothing published: no page, period or date to show
    loc = ("items", row.item.code)
    fy = entry.fiscal_year or (oit_map.year - 1 if row.item.period == "previous" else oit_map.year)
    served: ServedTarget | None = None
    if entry.generated is not None:
        yield from _check_serves(row, entry.generated, oit_map, loaded)
        served = targets.find(entry.generated, fy)
        if entry.generated not in targets.names:
            known = ", ".join(targets.names)
            yield problem_at(loaded, (*loc, "generated"), f"ไม่รู้จักหน้า '{entry.generated}' ชื่อที่ใช้ได้: {known}")
            return
        if served is None:
            label = targets.names[entry.generated]
            message = f"ไม่พบหน้า{label}ของปีงบประมาณ {fy} ในเว็บไซต์นี้ (generated: {entry.generated})"
            yield problem_at(loaded, (*loc, "generated"), message)
            return
        row.target_page = served.page + (f"#{served.anchor}" if served.anchor else "")
        row.target_title = served.label if served.anchor else _page_title(targets, served)
    elif entry.page is not None:
        path, _, anchor = entry.page.strip().lstrip("/").partition("#")
        source = path if path.endswith(".md") else path.rstrip("/") + "/index.md" if path else "index.md"
        if targets.pages is None:
            return  # checked once the pages exist (check_site)
        spec = targets.pages.get(source)
        if spec is None:
            yield problem_at(loaded, (*loc, "page"), f"ไม่พบหน้า /{path} ในเว็บไซต์นี้ (ตรวจที่อยู่ในช่อง page)")
            return
        row.target_page, row.target_title = source + (f"#{anchor}" if anchor else ""), spec.title
        served = targets.serving(source)
    elif entry.content is not None:
        rel, _, anchor = entry.content.strip().lstrip("/").partition("#")
        file = (content_dir / rel).resolve()
        if not rel.endswith(".md") or content_dir.resolve() not in file.parents or not file.is_file():
            yield problem_at(loaded, (*loc, "content"), f"ไม่พบไฟล์ content/{rel} (ต้องเป็นไฟล์ .md ในโฟลเดอร์ content)")
            return
        row.target_page, row.target_title = rel + (f"#{anchor}" if anchor else ""), entry.note or row.item.label
    row.period = coverage_period(entry.period) if entry.period is not None else served.period if served else None
    row.updated, row.updated_precision = _updated(entry, served, oit_map)
    yield from _check_dates(row, oit_map, loaded)


def _check_serves(row: OitRow, name: str, oit_map: OitMap, loaded: Loaded) -> Iterator[Problem]:
    """Codes are renumbered every year: a page the catalogue does not name for this item is likely last year's code."""
    if row.item.serves and name not in row.item.serves:
        wanted = ", ".join(row.item.serves)
        label = catalogue_label(oit_map.year, oit_map.catalogue)
        message = f"ข้อ {row.item.code} ของรายการข้อ OIT {label} ใช้หน้า {wanted} ไม่ใช่ {name} (ตรวจว่าใช้รหัสข้อของปีนี้)"
        yield problem_at(loaded, ("items", row.item.code, "generated"), message, "warning")


def _page_title(targets: Targets, served: ServedTarget) -> str:
    spec = targets.pages.get(served.page) if targets.pages is not None else None
    return spec.title if spec is not None else served.label


def _updated(entry: OitEntry, served: ServedTarget | None, oit_map: OitMap) -> tuple[dt.date | None, str]:
    if entry.updated is not None:
        return entry.updated, "day"
    if served is not None and served.updated is not None:
        return served.updated, served.updated_precision
    return oit_map.updated, "day"


def coverage_period(coverage: Coverage) -> Period:
    if coverage.fiscal_year is not None:
        return (
            first_half(coverage.fiscal_year)
            if coverage.months == "6"
            else thaifmt.fiscal_year_bounds(coverage.fiscal_year)
        )
    assert coverage.start is not None
    return coverage.start, coverage.end


def first_half(fiscal_year: int) -> tuple[dt.date, dt.date]:
    start, _ = thaifmt.fiscal_year_bounds(fiscal_year)
    return start, dt.date(start.year + 1, 3, 31)


def expected_period(item: CatalogItem, year: int) -> tuple[tuple[dt.date, dt.date], str] | None:
    """The period the assessment of `year` expects this item to cover (its period rule), and how to say it."""
    if item.period == "current":
        return thaifmt.fiscal_year_bounds(year), f"ปีงบประมาณ {year}"
    if item.period == "first_half":
        return first_half(year), f"6 เดือนแรกของปีงบประมาณ {year}"
    if item.period == "previous":
        return thaifmt.fiscal_year_bounds(year - 1), f"ปีงบประมาณ {year - 1}"
    if item.period == "both":
        start, _ = thaifmt.fiscal_year_bounds(year - 1)
        return (start, thaifmt.fiscal_year_bounds(year)[1]), f"ปีงบประมาณ {year - 1} และ {year}"
    return None


def required_period_text(item: CatalogItem, year: int) -> str:
    """What a clerk reads as 'the period it must cover' (unknown when the source does not say)."""
    expected = expected_period(item, year)
    return expected[1] if expected is not None else "แหล่งที่มาไม่ระบุช่วงเวลา"


def format_period(period: Period) -> str:
    start, end = period
    if end is None:
        return f"ตั้งแต่ {thaifmt.format_date(start)} (ยังใช้อยู่)"
    return thaifmt.format_date_range(start, end)


def _check_dates(row: OitRow, oit_map: OitMap, loaded: Loaded) -> Iterator[Problem]:
    """Fill timeliness; warn (never fail) about stale content and unknown dates."""
    loc = ("items", row.item.code)
    code = row.item.code
    if row.status != HAVE:
        return
    if row.updated is None:
        yield problem_at(loaded, loc, f"ข้อ {code}: ไม่ทราบวันที่ปรับปรุงล่าสุด ให้ระบุ updated", "warning")
    expected = expected_period(row.item, oit_map.year)
    if expected is None:
        return
    (need_start, need_end), label = expected
    if row.period is None:
        row.timely, row.timely_text = "unknown", f"ไม่ทราบช่วงเวลาของข้อมูล (ต้องครอบคลุม{label})"
        yield problem_at(loaded, loc, f"ข้อ {code}: ไม่ทราบช่วงเวลาที่ข้อมูลครอบคลุม ให้ระบุ period ({label})", "warning")
        return
    start, end = row.period
    if start <= need_start and (end is None or end >= need_end):
        row.timely, row.timely_text = "ok", f"ตรง ({label})"
        return
    row.timely = "stale"
    row.timely_text = f"ไม่ตรง: ข้อมูลครอบคลุม {format_period(row.period)} แต่ต้องครอบคลุม{label}"
    need = thaifmt.format_date_range(need_start, need_end)
    message = f"ข้อ {code}: ข้อมูลครอบคลุม {format_period(row.period)} ไม่ครอบคลุม{label} ({need})"
    yield problem_at(loaded, loc, message, "warning")


# --- CSV for ITAS ------------------------------------------------------------------------------------


URL_FIELDS = ("code", "title", "status", "reason", "period", "url")


def url_records(rows: list[OitRow], year: int, base_url: str | None) -> list[dict[str, str]]:
    """One record per catalogue item, in catalogue order: every item has its page URL."""
    return [
        {
            "code": row.item.code,
            "title": row.item.label,
            "status": row.status,
            "reason": row.reason,
            "period": required_period_text(row.item, year),
            "url": absolute_url(row.page, base_url),
        }
        for row in rows
    ]


def build_csv(rows: list[OitRow], year: int, base_url: str | None) -> str:
    """code,title,status,reason,period,url — one line per catalogue item, in catalogue order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(URL_FIELDS)
    for record in url_records(rows, year, base_url):
        writer.writerow([neutralise_csv_cell(record[name]) for name in URL_FIELDS])
    return out.getvalue()


def build_json(rows: list[OitRow], year: int, catalogue: str, base_url: str | None) -> str:
    """The same records as the CSV, for programs: {"year", "catalogue", "items": [...]}."""
    document = {"year": year, "catalogue": catalogue, "items": url_records(rows, year, base_url)}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
