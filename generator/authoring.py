"""`python -m generator new-unit`: a new unit folder with a valid unit.yml, asked for interactively or by flags,
plus a draft plan outline outside data/ (a plan with no project is not publishable, so it cannot live in data/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import ValidationError

from .dataset import FRAMEWORK_FILES, load_document
from .models.catalog import Framework, UnitType
from .models.common import check_slug, parse_fiscal_year
from .models.unit import Unit
from .schema_docs import ENUM_THAI

UNIT_TYPES: tuple[str, ...] = get_args(UnitType)
PLAN_YEARS = 5  # Why: the national framework plans cover five fiscal years (e.g. 2566–2570)


class TextDumper(
    yaml.emitter.Emitter, yaml.serializer.Serializer, yaml.representer.SafeRepresenter, yaml.resolver.BaseResolver
):
    """Writes text values unquoted where YAML allows (2568, 100, true): the project's loader reads them all as text."""

    def __init__(self, stream: Any, **kwargs: Any) -> None:
        yaml.emitter.Emitter.__init__(self, stream, allow_unicode=True, width=120)
        yaml.serializer.Serializer.__init__(self)
        yaml.representer.SafeRepresenter.__init__(self, sort_keys=False)
        yaml.resolver.BaseResolver.__init__(self)


def dump_yaml(header: str, document: dict[str, Any]) -> str:
    return header + yaml.dump(document, Dumper=TextDumper)


def add_authoring_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    new = sub.add_parser("new-unit", help="เพิ่มหน่วยงานใหม่: สร้าง data/units/<รหัส>/unit.yml (ถามทีละข้อถ้าไม่ใส่ตัวเลือก)")
    new.add_argument("--id", help="รหัสหน่วยงาน อักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น sao-nong-khai")
    new.add_argument("--name", help="ชื่อหน่วยงานภาษาไทย เช่น องค์การบริหารส่วนตำบลหนองไข่")
    new.add_argument("--type", help="ประเภทหน่วยงาน: " + ", ".join(UNIT_TYPES))
    new.add_argument("--parent", help="รหัสหน่วยงานต้นสังกัด (ถ้ามี)")
    new.add_argument("--province", help="จังหวัด เช่น จังหวัดนครราชสีมา")
    new.add_argument("--numerals", choices=["arabic", "thai"], help="รูปแบบตัวเลขบนหน้าเว็บ (ค่าเริ่มต้น arabic)")
    new.add_argument("--plan", help="ปีแรกของแผน (พ.ศ.) เพื่อสร้างโครงร่างแผน 5 ปีใน drafts/ เช่น 2568")
    new.add_argument("--data", type=Path, default=Path("data"))
    new.set_defaults(func=cmd_new_unit)


def cmd_new_unit(args: argparse.Namespace) -> int:
    interactive = sys.stdin.isatty()
    try:
        answers = {
            name: getattr(args, name) or (input(PROMPTS[name]).strip() if interactive else "") for name in PROMPTS
        }
        unit_file = new_unit(args.data, answers)
        print(f"สร้าง {unit_file} แล้ว")
        if args.plan:
            print(f"สร้างโครงร่างแผน {write_plan_outline(args.data, answers['id'], args.plan)} แล้ว (ยังไม่เผยแพร่)")
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


PROMPTS = {
    "id": "รหัสหน่วยงาน (อักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น sao-nong-khai): ",
    "name": "ชื่อหน่วยงานภาษาไทย: ",
    "type": "ประเภทหน่วยงาน (" + ", ".join(f"{t} = {ENUM_THAI[t]}" for t in UNIT_TYPES) + "): ",
    "parent": "รหัสหน่วยงานต้นสังกัด (เว้นว่างได้): ",
    "province": "จังหวัด (เว้นว่างได้): ",
    "numerals": "รูปแบบตัวเลข arabic = 0-9, thai = ๐-๙ (เว้นว่าง = arabic): ",
}


def new_unit(data: Path, answers: dict[str, str | None]) -> Path:
    """Check every answer, then write data/units/<id>/unit.yml; raises ValueError listing every problem in Thai."""
    document = {key: value for key, value in answers.items() if value}
    problems = id_problems(data, str(document.get("id", ""))) + parent_problems(data, document.get("parent"))
    try:
        Unit.model_validate(document)
    except ValidationError as exc:
        problems += [p for p in describe_errors(exc) if not p.startswith("id:")]
    if problems:
        raise ValueError("\n".join(problems))
    folder = data / "units" / str(document["id"])
    folder.mkdir(parents=True)
    path = folder / "unit.yml"
    path.write_text(dump_yaml("# สร้างด้วย python -m generator new-unit\n", document), encoding="utf-8")
    return path


def id_problems(data: Path, unit_id: str) -> list[str]:
    if not unit_id:
        return ["id: ต้องระบุรหัสหน่วยงาน (--id)"]
    try:
        check_slug(unit_id)
    except ValueError as exc:
        return [f"id: {exc}"]
    if (data / "units" / unit_id).exists():
        return [f"id: มีหน่วยงานรหัส '{unit_id}' อยู่แล้ว ({data / 'units' / unit_id}) ให้ใช้รหัสอื่น"]
    return []


def parent_problems(data: Path, parent: str | None) -> list[str]:
    if not parent or (data / "units" / parent / "unit.yml").is_file():
        return []
    return [f"parent: ไม่พบหน่วยงานต้นสังกัดรหัส '{parent}' ใน {data / 'units'}"]


def describe_errors(exc: ValidationError) -> list[str]:
    """One Thai line per field, as `field: message` (the file does not exist yet, so no line number)."""
    lines = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"])
        if error["type"] == "literal_error" and field == "type":
            lines.append(f"type: ประเภทหน่วยงานต้องเป็นหนึ่งใน {', '.join(UNIT_TYPES)}")
        elif error["type"] == "missing":
            lines.append(f"{field}: ต้องระบุ (--{field})")
        else:
            lines.append(f"{field}: {error['msg'].removeprefix('Value error, ')}")
    return lines


def write_plan_outline(data: Path, unit_id: str | None, first_year: str) -> Path:
    """drafts/<unit>/plan-<start>-<end>.yml: the plan's keys with the period filled, to be moved into data/units/<unit>/
    once it has at least one project (check refuses a plan without projects)."""
    start = parse_fiscal_year(first_year)
    end = start + PLAN_YEARS - 1
    folder = data.resolve().parent / "drafts" / str(unit_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"plan-{start}-{end}.yml"
    if path.exists():
        raise ValueError(f"{path}: มีโครงร่างแผนนี้อยู่แล้ว ไม่เขียนทับ")
    outline = PLAN_OUTLINE.format(start=start, end=end, unit=unit_id)
    path.write_text(outline.replace("period:", framework_line(data, start, end) + "period:", 1), encoding="utf-8")
    return path


def framework_line(data: Path, start: int, end: int) -> str:
    """`framework: <id>` when no framework covers the whole period but one is in force in its first year (the
    check would otherwise refuse the plan); nothing when the period alone selects the framework."""
    frameworks = _frameworks(data)
    if any(f.period.start <= start and end <= f.period.end for f in frameworks):
        return ""
    in_force = [f for f in frameworks if f.period.start <= start <= f.period.end]
    if len(in_force) != 1:
        return ""
    return f"# ไม่มีกรอบแผนที่ครอบคลุมปี {start}–{end} ทั้งหมด จึงระบุกรอบที่ใช้อยู่ในปี {start}\nframework: {in_force[0].id}\n"


def _frameworks(data: Path) -> list[Framework]:
    folder = data / "catalog" / FRAMEWORK_FILES
    loaded = [load_document(data, path, Framework, []) for path in sorted(folder.glob("*.yml"))]
    return [item.model for item in loaded if item is not None]


PLAN_OUTLINE = """\
# โครงร่างแผนปฏิบัติการ สร้างด้วย python -m generator new-unit
# เติมโครงการอย่างน้อย 1 โครงการ แล้วย้ายไฟล์นี้ไปไว้ที่ data/units/{unit}/plan-{start}-{end}.yml และรัน python -m generator check
title: แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {start} - {end}
period:
  start: {start}
  end: {end}
preface: []
rationale: []
objectives: []
goals: []
projects:
  # - id: รหัสโครงการ อักษรอังกฤษตัวเล็กและขีด (ห้ามเปลี่ยนหลังเผยแพร่)
  #   mission: "1.1"
  #   name: ชื่อโครงการตามแผน
  #   budget:
  #     {start}: 0
"""
