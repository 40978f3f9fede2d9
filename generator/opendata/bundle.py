"""Per unit: every table as CSV/JSON/XLSX, datapackage.json, dataset.jsonld and one ZIP with a Thai README."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import gitdates
from ..dataset import Dataset, UnitData
from . import paths
from .datapackage import build_datapackage, render_json
from .metadata import CATEGORY, DatasetMeta, build_dcat, build_metadata
from .tables import TYPE_LABELS, Table, tables_of_unit
from .writers import write_csv, write_json, write_xlsx, write_zip

EPOCH = dt.date(1980, 1, 1)  # ZIP's earliest date: used when no file date is known
README = "README.md"


@dataclass
class UnitOpenData:
    unit: UnitData
    tables: list[Table]
    meta: DatasetMeta


def unit_sources(data: Dataset, unit: UnitData) -> list[Path]:
    """The YAML files a unit's open data comes from (their newest commit is the dataset's 'last updated')."""
    return [data.root.parent / p for p in (unit.unit.path, *(d.path for d in unit.documents))]


def collect_unit(data: Dataset, unit: UnitData) -> UnitOpenData | None:
    tables = tables_of_unit(data, unit)
    if not tables:
        return None
    return UnitOpenData(unit, tables, build_metadata(unit, tables, gitdates.latest(unit_sources(data, unit))))


def collect(data: Dataset) -> list[UnitOpenData]:
    """Every unit that has at least one downloadable table (built once: pages and assets both use it)."""

    def build() -> list[UnitOpenData]:
        found = (collect_unit(data, unit) for unit in data.units.values())
        return [od for od in found if od is not None]

    return data.derived("opendata", build)


def build_unit_files(od: UnitOpenData) -> dict[str, bytes]:
    """File name (inside the unit's opendata folder) → bytes; the ZIP holds the same files plus README.md."""
    day = od.meta.updated or EPOCH
    created = dt.datetime.combine(day, dt.time())
    files: dict[str, bytes] = {}
    for table in od.tables:
        files[f"{table.name}.csv"] = write_csv(table)
        files[f"{table.name}.json"] = write_json(table)
        files[f"{table.name}.xlsx"] = write_xlsx(table, created)
    csvs = {t.name: files[f"{t.name}.csv"] for t in od.tables}
    files[paths.DATAPACKAGE] = render_json(build_datapackage(od.meta, csvs))
    files[paths.DCAT] = render_json(build_dcat(od.meta))
    bundle = {**files, README: render_readme(od).encode("utf-8")}
    files[paths.zip_name(od.unit.id)] = write_zip(bundle, day)
    return files


def build_unit_opendata(data: Dataset, unit: UnitData) -> dict[str, bytes]:
    """Site path → bytes of one unit's open-data files (none when it has no downloadable table)."""
    od = data.derived("opendata-by-unit", lambda: {od.unit.id: od for od in collect(data)}).get(unit.id)
    if od is None:
        return {}
    return {paths.unit_file(unit.id, name): content for name, content in build_unit_files(od).items()}


def render_readme(od: UnitOpenData) -> str:
    """README.md of the ZIP, in Thai: the dataset's metadata, then every file and every field."""
    meta = od.meta
    lines = [f"# {meta.title}", "", "ไฟล์ ZIP นี้รวมข้อมูลเปิดทั้งหมดของหน่วยงานที่เผยแพร่บนเว็บไซต์", ""]
    lines += ["## ข้อมูลชุดข้อมูล (ตามมาตรฐานคำอธิบายชุดข้อมูลภาครัฐ)", ""]
    lines += [f"- {label}: {value}" for label, value in meta.rows()]
    lines += ["", "## ไฟล์ในชุดนี้", ""]
    lines += [
        f"- {README}: ไฟล์นี้",
        f"- {paths.DATAPACKAGE}: คำอธิบายไฟล์ CSV ทั้งหมดตามมาตรฐาน Frictionless Data Package (Table Schema)",
        f"- {paths.DCAT}: คำอธิบายชุดข้อมูลแบบ DCAT (JSON-LD) สำหรับระบบบัญชีข้อมูล (data catalog)",
        "",
        "ทุกตารางมี 3 รูปแบบที่มีข้อมูลเหมือนกัน:",
        "- .csv: UTF-8 คั่นด้วยจุลภาค แถวแรกเป็นชื่อฟิลด์ภาษาอังกฤษ ตัวเลขไม่มีเครื่องหมายคั่นหลักพัน ปีเป็น พ.ศ.",
        "- .json: รายการของระเบียน ใช้ชื่อฟิลด์เดียวกับ CSV",
        "- .xlsx: หัวตารางภาษาไทย แผ่นงานที่สองอธิบายทุกคอลัมน์",
        "",
    ]
    for table in od.tables:
        lines += [f"### {table.name}.csv / .json / .xlsx", "", f"{table.title}: {table.spec.description}", ""]
        lines += [f"จำนวน {len(table.rows)} แถว", ""]
        for column in table.spec.columns:
            need = "ต้องมีค่า" if column.required else "เว้นว่างได้"
            lines.append(f"- {column.name} ({column.title}; {TYPE_LABELS[column.type]}; {need}): {column.description}")
        lines.append("")
    lines += [
        "## เงื่อนไขการใช้ข้อมูล",
        "",
        f"หมวดหมู่ข้อมูล: {CATEGORY} สัญญาอนุญาต: {meta.licence_title}"
        + (f" ({meta.licence_url})" if meta.licence_url else ""),
        "",
    ]
    return "\n".join(lines)
