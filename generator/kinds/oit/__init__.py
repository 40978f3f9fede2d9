"""OIT map (แผนที่ข้อมูล OIT): data/units/<unit>/oit-<year>.yml → a checklist, one page per item, a CSV for ITAS.

Targets are resolved against the final list of page specs (in `decorate`), so an item may point at a
page any other kind generates; the check resolves them too, so a missing target fails before building.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import thaifmt, urls
from ..dataset import Dataset, Loaded, UnitData
from ..mdtext import escape_md
from ..models.oit import OitCatalog, OitMap
from ..oit import (
    OitRow,
    absolute_url,
    build_csv,
    checklist_page,
    csv_asset,
    format_period,
    plan_rows,
    problem_at,
    resolve_rows,
    safe_url,
)
from ..pages import PageSpec
from ..problems import DataError, Problem, errors_only
from . import DocumentKind


def site_base_url(oit_map: OitMap) -> str | None:
    """Where the site is published: the map's `site_url`, else SITE_URL (the value mkdocs.yml uses)."""
    return oit_map.site_url or os.environ.get("SITE_URL") or None


def check_oit_map(data: Dataset, unit: UnitData, loaded: Loaded) -> list[Problem]:
    oit_map: OitMap = loaded.model
    problems = []
    if loaded.stem != f"oit-{oit_map.year}":
        problems.append(problem_at(loaded, ("year",), f"ชื่อไฟล์ต้องเป็น oit-{oit_map.year}.yml ให้ตรงกับปีที่ประเมิน"))
    specs = site_specs(data)
    if specs is not None:
        problems.extend(resolve_rows(data, unit.id, loaded, specs)[1])
    return problems


def site_specs(data: Dataset) -> dict[str, PageSpec] | None:
    """Every page the site will have (before decoration), to check that map targets exist.

    Built once per dataset: every map's check needs the same page list.
    """
    return data.derived("oit-site-specs", lambda: _build_specs(data))


def _build_specs(data: Dataset) -> dict[str, PageSpec] | None:
    from ..pages import build_unit_pages

    try:
        specs = [spec for unit in data.units.values() for spec in build_unit_pages(data, unit, [])]
    except Exception:
        # Why: other documents may still have errors (reported by their own checks); skip until they are fixed.
        return None
    home = PageSpec(urls.home_page(), "home.md.j2", "หน้าแรก")
    return {urls.home_page(): home} | {spec.path: spec for spec in specs}


def build_oit_pages(data: Dataset, unit: UnitData, loaded: Loaded, warnings: list[Problem]) -> list[PageSpec]:
    oit_map: OitMap = loaded.model
    if oit_map.year not in data.oit:
        return []
    catalog: OitCatalog = data.oit[oit_map.year].model
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
        "absolute_url": absolute_url,
        "format_period": format_period,
        "safe_url": safe_url,
        "checklist": checklist_page(unit.id, oit_map.year),
        "warnings": [w for w in warnings if w.path == loaded.path],
    }
    title = f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี {year_text}"
    pages = [PageSpec(checklist_page(unit.id, oit_map.year), "oit_checklist.md.j2", title, base, loaded.path, section)]
    for row in plan_rows(catalog, oit_map, unit.id):
        if row.page is not None:
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
    errors: list[Problem] = []
    uses: dict[str, list[tuple[int, OitRow]]] = {}
    for unit in data.units.values():
        for loaded in unit.of_kind(OitMap):
            rows, problems = resolve_rows(data, unit.id, loaded, specs)
            errors.extend(errors_only(problems))
            _fill(mine.get((unit.id, loaded.model.year), []), rows)
            for row in rows:
                target = (row.target_page or "").partition("#")[0]
                if target in specs and row.page is not None:
                    uses.setdefault(target, []).append((loaded.model.year, row))
    if errors:
        raise DataError(errors)
    for target, used in uses.items():
        specs[target].add_extra(render_uses(target, used, specs[target].context.get("numerals", "arabic")))


def _fill(specs: list[PageSpec], rows: list[OitRow]) -> None:
    by_code = {row.item.code: row for row in rows}
    for spec in specs:
        spec.context["rows"] = rows
        spec.context["groups"] = group_rows(spec.context["catalog"], by_code)
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


def render_uses(target: str, used: list[tuple[int, OitRow]], numerals: str) -> str:
    """The section another kind's page gets: which OIT items this page answers, with links."""
    lines = ["## ใช้ตอบข้อ OIT ของการประเมิน ITA {#oit-items}", ""]
    for year, row in sorted(used, key=lambda u: (u[0], int(u[1].item.code[1:]))):
        assert row.page is not None
        label = escape_md(thaifmt.digits(f"ปี {year} ข้อ {row.item.code} {row.item.label}", numerals))
        lines.append(f"- [{label}]({urls.relative_link(target, row.page)})")
    return "\n".join(lines)


def build_oit_assets(data: Dataset, unit: UnitData, loaded: Loaded) -> dict[str, bytes]:
    oit_map: OitMap = loaded.model
    if oit_map.year not in data.oit:
        return {}
    rows = plan_rows(data.oit[oit_map.year].model, oit_map, unit.id)
    # Why utf-8-sig: clerks open the file in Excel to copy URLs into ITAS; without a BOM Thai turns to mojibake.
    return {csv_asset(unit.id, oit_map.year): build_csv(rows, site_base_url(oit_map)).encode("utf-8-sig")}


def oit_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    year = loaded.model.year
    title = f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี {thaifmt.digits(year, unit.unit.model.numerals)}"
    return title, checklist_page(unit.id, year)


def run_oit_urls(data_dir: Path, unit_id: str, year: int, base_url: str | None) -> int:
    """`python -m generator oit-urls <unit> <year>`: print the CSV for ITAS; problems go to stderr."""
    from ..checks import load_checked

    try:
        data, _ = load_checked(data_dir)
    except DataError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    unit = data.units.get(unit_id)
    if unit is None:
        print(f"ไม่พบหน่วยงาน '{unit_id}' ใน {data_dir}/units", file=sys.stderr)
        return 2
    loaded = next((d for d in unit.of_kind(OitMap) if d.model.year == year), None)
    if loaded is None or year not in data.oit:
        print(
            f"หน่วยงาน {unit_id} ยังไม่มีไฟล์แผนที่ข้อมูล OIT ปี {year} ({data_dir}/units/{unit_id}/oit-{year}.yml)",
            file=sys.stderr,
        )
        return 2
    rows = plan_rows(data.oit[year].model, loaded.model, unit_id)
    base = base_url or site_base_url(loaded.model)
    if base is None:
        print("คำเตือน: ไม่ได้ระบุ --base-url หรือ site_url จึงพิมพ์ที่อยู่แบบไม่มีชื่อโดเมน", file=sys.stderr)
    sys.stdout.write(build_csv(rows, base))
    return 0


KINDS = [
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
    )
]
