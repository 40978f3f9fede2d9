"""OIT map (แผนที่ข้อมูล OIT): data/units/<unit>/oit-<year>.yml → a checklist, one page per catalogue item
(mapped or not), the URL list for ITAS as CSV and JSON.

A map answers one catalogue, keyed by (year, catalogue): `catalogue:` names a sector's list, else the national one.

Map entries name what they point at: `generated: <name>` resolves through the targets every kind serves
(`DocumentKind.served`), `page:` and `content:` through the built site. The check resolves them too, so a
missing target or anchor fails before anything is built; building the pages never raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ... import thaifmt
from ... import urls as core_urls
from ...dataset import Dataset, Loaded, UnitData, problem_at
from ...kindapi import DocumentKind, ServedTarget, SiteBuild
from ...mdtext import escape_md
from ...pages import PageSpec
from ...problems import Problem
from .anchors import check_anchors
from .catalog import load_oit_catalogs
from .commands import add_oit_commands
from .model import OitCatalog, OitMap
from .rows import (
    HAVE,
    OitRow,
    Targets,
    absolute_url,
    build_csv,
    build_json,
    checklist_page,
    csv_asset,
    format_period,
    json_asset,
    map_catalog,
    plan_rows,
    required_period_text,
    resolve_rows,
    site_base_url,
)
from .tables import TABLES, build_oit_tables
from .workbook import build_oit_workbook


def targets_of(data: Dataset, unit: UnitData, pages: dict[str, PageSpec] | None) -> Targets:
    """Every page the unit's kinds serve to OIT maps (computed once per unit), plus the site's pages if built."""

    def collect() -> list[ServedTarget]:
        found: list[ServedTarget] = []
        for loaded in unit.documents:
            kind = data.kind_of(loaded)
            if kind is not None and kind.served is not None:
                found.extend(kind.served(data, unit, loaded))
        return found

    names = {t.name: t.label for kind in data.kinds for t in kind.targets}
    return Targets(data.derived(f"oit-served/{unit.id}", collect), names, pages)


def maps_of(data: Dataset) -> Iterator[tuple[UnitData, Loaded]]:
    for unit in data.units.values():
        for loaded in unit.documents:
            if isinstance(loaded.model, OitMap):
                yield unit, loaded


def check_oit_map(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Problem]:
    oit_map: OitMap = loaded.model
    problems = []
    if loaded.stem != f"oit-{oit_map.year}":
        problems.append(problem_at(loaded, ("year",), f"ชื่อไฟล์ต้องเป็น oit-{oit_map.year}.yml ให้ตรงกับปีที่ประเมิน"))
    problems.extend(resolve_rows(data, unit.id, loaded, targets_of(data, unit, None))[1])
    return problems


def check_oit_site(data: Dataset, built: SiteBuild) -> list[Problem]:
    """What only the built site shows: `page:` targets that do not exist, anchors missing on their page."""
    problems: list[Problem] = []
    for unit, loaded in maps_of(data):
        early = set(resolve_rows(data, unit.id, loaded, targets_of(data, unit, None))[1])
        rows, late = resolve_rows(data, unit.id, loaded, targets_of(data, unit, dict(built.pages)))
        problems.extend(p for p in late if p not in early)
        problems.extend(check_anchors(data, loaded, rows, built))
    return problems


def build_oit_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    oit_map: OitMap = loaded.model
    catalog = map_catalog(data, oit_map)
    if catalog is None:
        return []
    unit_model = unit.unit.model
    year_text = thaifmt.digits(oit_map.year, unit_model.numerals)
    section = (unit_model.name, f"OIT {year_text}")
    base = {
        "unit": unit_model,
        "catalog": catalog,
        "year": oit_map.year,
        "oit_map": oit_map,
        "oit_key": (unit.id, oit_map.year),
        "numerals": unit_model.numerals,
        "base_url": site_base_url(oit_map),
        "csv_path": csv_asset(unit.id, oit_map.year),
        "json_path": json_asset(unit.id, oit_map.year),
        "absolute_url": absolute_url,
        "format_period": format_period,
        "required": required_period_text,
        "served_labels": {t.name: t.label for kind in data.kinds for t in kind.targets},
        "checklist": checklist_page(unit.id, oit_map.year),
        "warnings": [w for w in warnings if w.path == loaded.path],
    }
    title = f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี {year_text}"
    pages = [PageSpec(checklist_page(unit.id, oit_map.year), "oit_checklist.md.j2", title, base, loaded.path, section)]
    for row in plan_rows(catalog, oit_map, unit.id):
        context = {**base, "code": row.item.code}
        page_title = f"{row.item.code} {row.item.label}"
        pages.append(PageSpec(row.page, "oit_item.md.j2", page_title, context, loaded.path, section))
    return pages


def decorate_oit(data: Dataset, pages: list[PageSpec]) -> None:
    """Resolve every map against the final pages; fill the OIT pages and note the use on each target."""
    specs = {spec.path: spec for spec in pages}
    mine: dict[tuple[str, int], list[PageSpec]] = {}
    for spec in pages:
        if "oit_key" in spec.context:
            mine.setdefault(spec.context["oit_key"], []).append(spec)
    uses: dict[str, list[tuple[int, OitRow]]] = {}
    for unit, loaded in maps_of(data):
        rows, _ = resolve_rows(data, unit.id, loaded, targets_of(data, unit, specs))  # problems: reported by check
        _fill(mine.get((unit.id, loaded.model.year), []), rows)
        for row in rows:
            target = (row.target_page or "").partition("#")[0]
            if target in specs and row.status == HAVE:
                uses.setdefault(target, []).append((loaded.model.year, row))
    for target, used in uses.items():
        specs[target].add_extra(render_uses(target, used, specs[target].context.get("numerals", "arabic")))


def _fill(specs: list[PageSpec], rows: list[OitRow]) -> None:
    by_code = {row.item.code: row for row in rows}
    for spec in specs:
        spec.context["rows"] = rows
        spec.context["groups"] = group_rows(spec.context["catalog"], by_code)
        spec.context["reasons"] = group_reasons(rows)
        if "code" in spec.context:
            spec.context["row"] = by_code[spec.context["code"]]


def group_rows(catalog: OitCatalog, by_code: dict[str, OitRow]) -> list[tuple[str, str, str, list[OitRow]]]:
    """(indicator heading or '', anchor, sub-indicator heading, rows) in catalogue order."""
    groups = []
    shown: set[str] = set()
    for indicator, sub, items in catalog.groups():
        if indicator is None or sub is None:
            groups.append(("", "ungrouped", "ข้อที่ยังไม่ทราบตัวชี้วัด", [by_code[i.code] for i in items]))
            continue
        heading = "" if indicator.id in shown else f"ตัวชี้วัดที่ {indicator.id} {indicator.title}"
        shown.add(indicator.id)
        anchor = "sub-" + sub.id.replace(".", "-")
        groups.append((heading, anchor, f"{sub.id} {sub.title}", [by_code[i.code] for i in items]))
    return groups


def group_reasons(rows: list[OitRow]) -> list[tuple[str, str, list[OitRow]]]:
    """(status, reason, rows) for items without content: each distinct reason is said once, not on every row."""
    grouped: dict[tuple[str, str], list[OitRow]] = {}
    for row in rows:
        if row.status != HAVE:
            grouped.setdefault((row.status, row.reason), []).append(row)
    return [(status, reason, group) for (status, reason), group in grouped.items()]


def render_uses(target: str, used: list[tuple[int, OitRow]], numerals: str) -> str:
    """The section another kind's page gets: which OIT items this page answers, with links."""
    lines = ["## ใช้ตอบข้อ OIT ของการประเมิน ITA {#oit-items}", ""]
    for year, row in sorted(used, key=lambda u: (u[0], int(u[1].item.code[1:]))):
        if row.status == HAVE:
            label = escape_md(thaifmt.digits(f"ปี {year} ข้อ {row.item.code} {row.item.label}", numerals))
            lines.append(f"- [{label}]({core_urls.relative_link(target, row.page)})")
    return "\n".join(lines)


def build_oit_assets(data: Dataset, unit: UnitData, loaded: Loaded) -> dict[str, bytes]:
    oit_map: OitMap = loaded.model
    catalog = map_catalog(data, oit_map)
    if catalog is None:
        return {}
    rows, base = plan_rows(catalog, oit_map, unit.id), site_base_url(oit_map)
    # Why utf-8-sig: clerks open the file in Excel to copy URLs into ITAS; without a BOM Thai turns to mojibake.
    return {
        csv_asset(unit.id, oit_map.year): build_csv(rows, oit_map.year, base).encode("utf-8-sig"),
        json_asset(unit.id, oit_map.year): build_json(rows, oit_map.year, oit_map.catalogue, base).encode("utf-8"),
    }


def oit_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    year = loaded.model.year
    title = f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี {thaifmt.digits(year, unit.unit.model.numerals)}"
    return title, checklist_page(unit.id, year)


KINDS = (
    DocumentKind(
        name="oit",
        pattern="oit-*.yml",
        model=OitMap,
        build_pages=build_oit_pages,
        check=check_oit_map,
        decorate=decorate_oit,
        build_assets=build_oit_assets,
        link=oit_link,
        unit_heading="การเปิดเผยข้อมูลสาธารณะ (OIT) สำหรับการประเมิน ITA",
        order=90,
        templates=Path(__file__).parent / "templates",
        tables=TABLES,
        build_tables=build_oit_tables,
        load_catalogs=load_oit_catalogs,
        check_site=check_oit_site,
        add_commands=add_oit_commands,
        workbook=build_oit_workbook,
    ),
)
