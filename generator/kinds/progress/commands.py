"""`python -m generator new-round <unit> <year> 6m|12m`: the next progress round, pre-filled from the previous one.

What carries over follows the data model: `spent` is cumulative from the start of the fiscal year, so the 12-month
round of the same year starts from the 6-month figures (and their milestones and evidence, which are also
cumulative), while the 6-month round of a new fiscal year starts with spending, outputs, milestones and evidence
empty. Status and progress always carry over: they describe the project, not the round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ...authoring import dump_yaml
from ...dataset import load_dataset
from ...document_workbooks import build_workbook
from ...kindapi import DocumentKind, sorted_kinds
from ...models.common import parse_fiscal_year
from ...thaifmt import fiscal_year_bounds

ROUND_ORDER = ("6m", "12m")
# Per-round fields of a project that restart with a new fiscal year (all cumulative within one year).
YEARLY_FIELDS = ("spent", "overspend_reason", "outputs", "milestones", "evidence")
ROUND_TEXT_FIELDS = ("change_note", "problems", "suggestions")


def add_progress_commands(sub: argparse._SubParsersAction, kinds: Sequence[DocumentKind]) -> None:  # type: ignore[type-arg]
    new = sub.add_parser("new-round", help="สร้างไฟล์รายงานผลรอบใหม่ โดยตั้งต้นจากรอบก่อนหน้า")
    new.add_argument("unit", help="รหัสหน่วยงาน เช่น sao-bueng-prue")
    new.add_argument("year", help="ปีงบประมาณ (พ.ศ.) เช่น 2568")
    new.add_argument("round", choices=ROUND_ORDER, help="6m = รอบ 6 เดือน, 12m = รอบ 12 เดือน")
    new.add_argument("--data", type=Path, default=Path("data"))
    new.add_argument("--xlsx", action="store_true", help="สร้างเป็นไฟล์ Excel (นำกลับด้วย import-xlsx) แทนไฟล์ YAML")
    new.add_argument("--out", type=Path, help="ไฟล์ Excel ที่จะเขียน (ค่าเริ่มต้น progress-<ปี>-<รอบ>.xlsx)")
    new.set_defaults(func=cmd_new_round, kinds=kinds)


def cmd_new_round(args: argparse.Namespace) -> int:
    try:
        year = parse_fiscal_year(args.year)
        if args.xlsx:
            return write_round_workbook(args, year)
        path = new_round(args.data / "units" / args.unit, year, args.round)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"สร้าง {path} แล้ว ให้แก้ report_date และผลการดำเนินงานให้ตรงกับรอบนี้ แล้วรัน python -m generator check")
    return 0


def write_round_workbook(args: argparse.Namespace, year: int) -> int:
    """The new round as the clerk's workbook; the YAML file is written only by import-xlsx, after its checks."""
    report, target = next_round_data(args.data / "units" / args.unit, year, args.round)
    data = load_dataset(args.data, sorted_kinds(args.kinds))
    unit = data.units.get(args.unit)
    kind = next((k for k in args.kinds if k.name == "progress"), None)
    if unit is None or kind is None:
        raise ValueError(f"ไม่พบหน่วยงาน '{args.unit}' (หรือ unit.yml มีข้อผิดพลาด ให้รัน python -m generator check)")
    out: Path = args.out or Path(f"{target.stem}.xlsx")
    out.write_bytes(build_workbook(data, unit, kind, target.stem, report))
    print(f"สร้าง {out} แล้ว แก้ report_date และผลทุกโครงการใน Excel แล้วนำกลับด้วย python -m generator import-xlsx {out}")
    return 0


def previous_round(year: int, round_: str) -> tuple[int, str]:
    return (year, "6m") if round_ == "12m" else (year - 1, "12m")


def new_round(unit_dir: Path, year: int, round_: str) -> Path:
    """Write progress-<year>-<round>.yml from the round before it."""
    report, target = next_round_data(unit_dir, year, round_)
    target.write_text(render_yaml(report), encoding="utf-8")
    return target


def next_round_data(unit_dir: Path, year: int, round_: str) -> tuple[dict[str, Any], Path]:
    """The next round's data and its file; refuse to overwrite or to start from nothing."""
    if not (unit_dir / "unit.yml").is_file():
        raise ValueError(f"{unit_dir}: ไม่พบหน่วยงานนี้ (ไม่มีไฟล์ unit.yml) ตรวจรหัสหน่วยงานอีกครั้ง")
    target = unit_dir / f"progress-{year}-{round_}.yml"
    if target.exists():
        raise ValueError(f"{target}: มีไฟล์รอบนี้อยู่แล้ว ไม่เขียนทับ (รอบที่เผยแพร่แล้วต้องคงไว้)")
    before = unit_dir / "progress-{}-{}.yml".format(*previous_round(year, round_))
    if not before.is_file():
        raise ValueError(f"{before}: ไม่พบรายงานรอบก่อนหน้า จึงตั้งต้นรอบ {year} {round_} ไม่ได้ (ให้คัดลอกจากตัวอย่างใน README)")
    # Why BaseLoader: every value stays the text the clerk wrote (no 1.1 typing of dates or 'no').
    previous = yaml.load(before.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return build_next_round(previous, year, round_), target


def build_next_round(previous: dict[str, Any], year: int, round_: str) -> dict[str, Any]:
    same_year = round_ == "12m"
    report = {key: value for key, value in previous.items() if key not in {"summary", "problems", "suggestions"}}
    report.update(fiscal_year=str(year), round=round_, report_date=round_end(year, round_).isoformat())
    report["projects"] = [next_project(p, same_year) for p in previous.get("projects", [])]
    return report


def next_project(project: dict[str, Any], same_year: bool) -> dict[str, Any]:
    dropped = set(ROUND_TEXT_FIELDS) | (set() if same_year else set(YEARLY_FIELDS))
    return {key: value for key, value in project.items() if key not in dropped}


def round_end(year: int, round_: str) -> dt.date:
    """The last day of the round: 31 March for the 6-month round, 30 September for the 12-month one."""
    _first, last = fiscal_year_bounds(year)
    return dt.date(last.year, 3, 31) if round_ == "6m" else last


def render_yaml(report: dict[str, Any]) -> str:
    header = "# สร้างด้วย python -m generator new-round จากรอบก่อนหน้า: ตรวจ report_date และผลทุกโครงการก่อนเผยแพร่\n"
    return dump_yaml(header, report)
