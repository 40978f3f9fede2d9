"""`python -m generator oit-urls <unit> <year>`: every item's page URL (CSV or JSON) a clerk pastes into ITAS."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from pathlib import Path

from ...kindapi import DocumentKind
from ...pipeline import load_checked
from ...problems import DataError
from .catalog import missing_catalog_message
from .model import OitMap
from .rows import build_csv, build_json, map_catalog, plan_rows, site_base_url


def add_oit_commands(sub: argparse._SubParsersAction, kinds: Sequence[DocumentKind]) -> None:  # type: ignore[type-arg]
    oit = sub.add_parser("oit-urls", help="พิมพ์ URL ของทุกข้อ OIT สำหรับระบบ ITAS (CSV หรือ JSON)")
    oit.add_argument("unit", help="รหัสหน่วยงาน เช่น sao-bueng-prue")
    oit.add_argument("year", type=int, help="ปีที่ประเมิน ITA (พ.ศ.) เช่น 2566")
    oit.add_argument("--base-url", help="ที่อยู่เว็บไซต์ เช่น https://example.go.th/")
    oit.add_argument("--format", choices=("csv", "json"), default="csv", help="csv (ค่าเริ่มต้น) หรือ json")
    oit.add_argument("--data", type=Path, default=Path("data"))
    oit.set_defaults(func=functools.partial(cmd_oit_urls, kinds=kinds))


def cmd_oit_urls(args: argparse.Namespace, kinds: Sequence[DocumentKind]) -> int:
    return run_oit_urls(args.data, args.unit, args.year, args.base_url, kinds, args.format)


def run_oit_urls(
    data_dir: Path, unit_id: str, year: int, base_url: str | None, kinds: Sequence[DocumentKind], fmt: str = "csv"
) -> int:
    """`python -m generator oit-urls <unit> <year>`: print every item's URL for ITAS; problems go to stderr."""
    try:
        data, _ = load_checked(data_dir, kinds)
    except DataError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    unit = data.units.get(unit_id)
    if unit is None:
        print(f"ไม่พบหน่วยงาน '{unit_id}' ใน {data_dir}/units", file=sys.stderr)
        return 2
    loaded = next((d for d in unit.of_kind(OitMap) if d.model.year == year), None)
    if loaded is None:
        print(
            f"หน่วยงาน {unit_id} ยังไม่มีไฟล์แผนที่ข้อมูล OIT ปี {year} ({data_dir}/units/{unit_id}/oit-{year}.yml)",
            file=sys.stderr,
        )
        return 2
    oit_map: OitMap = loaded.model
    catalog = map_catalog(data, oit_map)
    if catalog is None:  # unreachable after a clean check; kept so the command never prints a partial list
        print(missing_catalog_message(data.catalogs.get("oit", {}), year, oit_map.catalogue), file=sys.stderr)
        return 2
    rows = plan_rows(catalog, oit_map, unit_id)
    base = base_url or site_base_url(oit_map)
    if base is None:
        print("คำเตือน: ไม่ได้ระบุ --base-url หรือ site_url จึงพิมพ์ที่อยู่แบบไม่มีชื่อโดเมน", file=sys.stderr)
    text = build_json(rows, year, oit_map.catalogue, base) if fmt == "json" else build_csv(rows, year, base)
    sys.stdout.write(text)
    return 0
