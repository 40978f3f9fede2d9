"""Open data on the site's pages: download links beside tables, the metadata and dictionary pages,
and the "ปรับปรุงล่าสุด" line on every generated page. Runs after every kind's `decorate`."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import gitdates, thaifmt, urls
from ..dataset import Dataset, UnitData
from ..document_workbooks import document_workbook_file, workbook_documents
from ..mdtext import Md, escape_md
from ..pages import PageSpec
from . import paths
from .bundle import UnitOpenData, collect
from .dictionary import build_dictionary
from .metadata import build_dcat
from .tables import TYPE_LABELS, Table

# Plain Thai for citizens; the format name stays in brackets for those who look for it.
FORMAT_LABELS = {"csv": "ดาวน์โหลดตาราง (CSV สำหรับ Excel)", "json": "ข้อมูลสำหรับนักพัฒนา (JSON)", "xlsx": "ไฟล์ Excel (XLSX)"}
PACKAGE = Path(__file__).resolve().parent.parent
# Folders whose history dates the data dictionary (it is generated from the models, not from data/).
DICTIONARY_SOURCES = (str(PACKAGE / "models"), str(PACKAGE / "opendata"), str(PACKAGE / "kinds"))


def decorate_site(data: Dataset, pages: list[PageSpec]) -> None:
    gitdates.clear_cache()
    by_path = {p.path: p for p in pages}
    for od in collect(data):
        _link_tables(od, by_path)
        meta_page = _metadata_page(od)
        pages.append(meta_page)
        unit_page = by_path.get(urls.unit_page(od.unit.id))
        if unit_page is not None:
            unit_page.add_extra(_unit_section(od, unit_page.path) + _workbook_lines(data, od.unit, unit_page))
    pages.append(_dictionary_page(data))
    for page in pages:
        add_updated_line(data, page)


def download_links(table: Table, unit_id: str, from_page: str) -> Md:
    """'ข้อมูลในตารางนี้: ดาวน์โหลดตาราง (CSV สำหรับ Excel) · … · คำอธิบายข้อมูล' with links relative to the page."""
    links = [
        f"[{FORMAT_LABELS[ext]}]({urls.relative_link(from_page, paths.table_file(unit_id, table.name, ext))})"
        for ext in paths.TABLE_FORMATS
    ]
    about = urls.relative_link(from_page, paths.metadata_page(unit_id))
    return Md(f"ข้อมูลในตารางนี้: {' · '.join(links)} · [คำอธิบายข้อมูล]({about})")


def _link_tables(od: UnitOpenData, by_path: dict[str, PageSpec]) -> None:
    appended: dict[str, list[str]] = {}
    for table in od.tables:
        page = by_path.get(table.page)
        if page is None:
            continue
        line = download_links(table, od.unit.id, page.path)
        if table.inline:
            page.context.setdefault("downloads", {})[table.spec.key] = line
        else:
            title = thaifmt.digits(table.title, page.context.get("numerals", "arabic"))
            appended.setdefault(page.path, []).append(f"- {escape_md(title)}: {line}")
    for path, lines in appended.items():
        by_path[path].add_extra("## ดาวน์โหลดข้อมูล {#downloads}\n\n" + "\n".join(lines))


def _unit_section(od: UnitOpenData, from_page: str) -> str:
    def link(name: str) -> str:
        return urls.relative_link(from_page, paths.unit_file(od.unit.id, name))

    meta = urls.relative_link(from_page, paths.metadata_page(od.unit.id))
    return "\n".join(
        [
            "## ข้อมูลเปิด (open data) {#opendata}",
            "",
            f"- [คำอธิบายชุดข้อมูลและไฟล์ดาวน์โหลดทั้งหมด]({meta})",
            f"- [ดาวน์โหลดทุกไฟล์รวมในไฟล์เดียว (ZIP)]({link(paths.zip_name(od.unit.id))})",
            f"- [คำอธิบายโครงสร้างไฟล์สำหรับโปรแกรมตรวจข้อมูล (datapackage.json)]({link(paths.DATAPACKAGE)})",
        ]
    )


def _workbook_lines(data: Dataset, unit: UnitData, page: PageSpec) -> str:
    """One link per document to its workbook: the same file staff edit and import (see README, Excel)."""
    numerals = _numerals(page)
    lines = [
        f"\n- [ไฟล์ Excel: {escape_md(thaifmt.digits(_document_label(kind.unit_heading or kind.name, loaded.stem), numerals))}]"
        f"({urls.relative_link(page.path, document_workbook_file(unit.id, loaded.stem))})"
        for loaded, kind in workbook_documents(data, unit)
    ]
    note = (
        "\n\nไฟล์ Excel ของแต่ละเอกสารเป็นแบบเดียวกับที่เจ้าหน้าที่ใช้แก้ไขข้อมูล"
        " (ชื่อและช่องทางติดต่อของบุคคลที่ไม่ได้อนุญาตให้เผยแพร่ถูกตัดออก)"
    )
    return "".join(lines) + (note if lines else "")


def _document_label(heading: str, stem: str) -> str:
    """'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566–2570', '… พ.ศ. 2567 รอบ 6 เดือน' from the file name's years."""
    years = re.findall(r"(?<!\d)25\d\d(?!\d)", stem)
    label = f"{heading} พ.ศ. {'–'.join(years)}" if years else heading
    months = re.search(r"-(\d+)m$", stem)
    return f"{label} รอบ {months.group(1)} เดือน" if months else label


def code(text: str) -> Md:
    """An identifier or file pattern from the models (never from data) as inline code."""
    if "`" in text:
        raise ValueError(f"backtick in identifier: {text}")
    return Md(f"`{text}`")


def _json_ld_script(value: Any) -> Md:
    # Why: '</script' or '<!--' from the data would end or derail the <script>; \u003c is the same JSON string.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Md(f'<script type="application/ld+json">{text}</script>')


def _metadata_page(od: UnitOpenData) -> PageSpec:
    model = od.unit.unit.model
    page = paths.metadata_page(od.unit.id)
    context = {
        "unit": model,
        "meta": od.meta,
        "tables": od.tables,
        "formats": FORMAT_LABELS,
        "files": {
            "zip": paths.zip_name(od.unit.id),
            "datapackage": paths.DATAPACKAGE,
            "dcat": paths.DCAT,
        },
        "json_ld": _json_ld_script(build_dcat(od.meta)),
        "type_labels": TYPE_LABELS,
        "code": code,
        "numerals": model.numerals,
        "updated_from": [od.unit.unit.path, *(d.path for d in od.unit.documents)],
    }
    return PageSpec(page, "opendata.md.j2", "ข้อมูลเปิด", context, od.unit.unit.path, (model.name,))


def _dictionary_page(data: Dataset) -> PageSpec:
    sections, specs = build_dictionary(data)
    context = {
        "sections": sections,
        "specs": specs,
        "type_labels": TYPE_LABELS,
        "code": code,
        "updated_from": list(DICTIONARY_SOURCES),
    }
    return PageSpec(paths.dictionary_page(), "opendata-dictionary.md.j2", "พจนานุกรมข้อมูล", context)


def page_updated(data: Dataset, page: PageSpec) -> dt.date | None:
    """Last commit date of the page's source YAML (or of every file in `updated_from`)."""
    sources: Iterable[str] = page.context.get("updated_from") or ([page.source] if page.source else [])
    return gitdates.latest(_resolve(data, s) for s in sources)


def _resolve(data: Dataset, shown: str) -> Path:
    # Why: PageSpec.source is relative to the project folder that holds data/ (data/units/...).
    return Path(shown) if Path(shown).is_absolute() else data.root.parent / shown


def _numerals(page: PageSpec) -> str:
    unit = page.context.get("unit")
    model = unit.unit.model if isinstance(unit, UnitData) else unit  # UnitData on the unit home
    return str(page.context.get("numerals") or getattr(model, "numerals", "arabic"))


def add_updated_line(data: Dataset, page: PageSpec) -> None:
    day = page_updated(data, page)
    if day is None:
        return
    shown = thaifmt.digits(thaifmt.format_date(day), _numerals(page))
    page.add_extra(f'<p class="page-updated">ปรับปรุงล่าสุด <time datetime="{day.isoformat()}">{shown}</time></p>')
