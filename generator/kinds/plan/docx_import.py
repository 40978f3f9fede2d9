"""`python -m generator import-docx FILE.docx`: a unit's plan from its Word file → a DRAFT plan YAML + a Thai report.

The draft goes to drafts/<unit>/ beside data/ (like `new-unit --plan`): a draft is not published and `check`
does not read it. Nothing is guessed silently: every paragraph that has no place in the plan model, every value
that cannot be read (a budget in words, a budget over several years), and every required field the document
does not give (ภารกิจ of a BMA card, the English project id) is a line of the report with its place in the file.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ...authoring import dump_yaml
from ...models.common import check_slug
from ...models.plan import Plan
from .docx_blocks import Note
from .docx_cards import card_starts, flatten_card_tables, parse_cards
from .docx_plan import read_prologue, read_title
from .docx_read import Element, NotDocx, Para, Table, read_docx
from .docx_table import build_row, find_header, read_rows


@dataclass
class Draft:
    document: dict[str, Any]
    notes: list[Note]


def cmd_import_docx(args: argparse.Namespace) -> int:
    try:
        draft = import_docx(args.file)
        out = draft_path(args, draft.document)
        report = write_draft(out, draft, args.file)
    except (NotDocx, ValueError) as exc:
        print(f"นำเข้าไม่สำเร็จ ไม่ได้เขียนไฟล์ใด ๆ: {exc}", file=sys.stderr)
        return 1
    for note in draft.notes:
        print(note.format())
    print(f"เขียนร่าง {out} และรายงาน {report} ({len(draft.notes)} รายการที่ต้องตรวจ)", file=sys.stderr)
    return 0


def import_docx(path: Path) -> Draft:
    elements = read_docx(path)
    notes: list[Note] = []
    # Why cards first: a card plan may also hold summary tables (seed 001's budget table has a โครงการ column).
    has_cards = bool(card_starts(flatten_card_tables(elements)))
    columns = None if has_cards else find_header([e for e in elements if isinstance(e, Table)])
    document = table_layout(elements, columns, notes) if columns else card_layout(elements, notes)
    check_draft(document, notes)
    return Draft(document, notes)


def card_layout(elements: list[Element], notes: list[Note]) -> dict[str, Any]:
    flat = flatten_card_tables(elements)
    starts = card_starts(flat)
    prologue = flat[: starts[0]] if starts else flat
    plan, used = read_title(prologue, notes)
    plan = plan | {"layout": "cards"} | read_prologue(prologue, used, notes)
    if not starts:
        notes.append(Note("ทั้งเอกสาร", "โครงการ", "ไม่พบหัวข้อ 'ชื่อโครงการ' จึงไม่มีโครงการใดถูกนำเข้า"))
    return plan | {"projects": parse_cards(flat, starts, notes)}


def table_layout(elements: list[Element], columns: dict[int, str], notes: list[Note]) -> dict[str, Any]:
    first_table = next(i for i, e in enumerate(elements) if isinstance(e, Table))
    head = [e for e in elements[:first_table] if isinstance(e, Para)]
    plan, used = read_title(head, notes)
    if plan and len(head) > max(used) + 1:  # the unit's name under the page title (seed 004)
        used.add(max(used) + 1)
        plan["title"] = f"{plan['title']} {head[max(used)].text}"
    printed = {head[i].text for i in used}
    for element in elements:
        if (
            isinstance(element, Para)
            and element not in head[: max(used, default=-1) + 1]
            and element.text not in printed
        ):
            notes.append(Note(element.where, "นอกตาราง", "ข้อความนอกตารางโครงการ ไม่ได้นำเข้า", element.text))
    period = plan.get("period")
    years = [str(y) for y in range(int(period["start"]), int(period["end"]) + 1)] if period else []
    rows = read_rows(elements, columns, notes)
    return plan | {"layout": "table", "projects": [build_row(r, n, years, notes) for n, r in enumerate(rows, 1)]}


def check_draft(document: dict[str, Any], notes: list[Note]) -> None:
    """Validate with the plan model; what is missing or wrong becomes report lines (the draft is still written)."""
    count = len(document.get("projects", []))
    if count:
        notes.append(
            Note(
                "ทุกโครงการ",
                "รหัสโครงการ (id)",
                f"ตั้งชั่วคราวเป็น project-01 … project-{count:02d} ให้เปลี่ยนเป็นคำภาษาอังกฤษที่สื่อความหมายก่อนเผยแพร่ (ห้ามเปลี่ยนหลังเผยแพร่)",
            )
        )
    try:
        Plan.model_validate(document)
    except ValidationError as exc:
        for error in exc.errors():
            if error["loc"][0] == "projects" and error["loc"][-1] in ("mission", "name"):
                continue  # already reported with its paragraph by the card or row reader
            where, field = place_of(error["loc"])
            reason = "ต้องเติม (เอกสารไม่มีข้อมูลนี้)" if error["type"] == "missing" else error["msg"]
            if not any(n.where == where and field in n.field for n in notes):
                notes.append(Note(where, field, reason))


def place_of(loc: tuple[int | str, ...]) -> tuple[str, str]:
    if len(loc) >= 2 and loc[0] == "projects" and isinstance(loc[1], int):
        return f"โครงการที่ {loc[1] + 1}", ".".join(str(p) for p in loc[2:]) or "projects"
    return "แผน", ".".join(str(p) for p in loc)


def draft_path(args: argparse.Namespace, document: dict[str, Any]) -> Path:
    if args.out is None and not args.unit:
        raise ValueError("ต้องระบุ --unit <รหัสหน่วยงาน> หรือ --out <ไฟล์ร่าง.yml>")
    period = document.get("period")
    name = f"plan-{period['start']}-{period['end']}.yml" if period else "plan-draft.yml"
    out: Path = args.out or args.data.resolve().parent / "drafts" / check_slug(args.unit) / name
    if out.suffix != ".yml":
        raise ValueError(f"{out}: ไฟล์ร่างต้องมีนามสกุล .yml")
    if out.exists() or report_path(out).exists():
        raise ValueError(f"{out}: มีไฟล์นี้อยู่แล้ว ไม่เขียนทับ ให้ลบหรือย้ายไฟล์เดิม หรือใช้ --out ชื่ออื่น")
    if args.data.resolve() in out.resolve().parents:
        raise ValueError(f"{out}: ร่างต้องอยู่นอกโฟลเดอร์ {args.data} (ไฟล์ใน {args.data} จะถูกตรวจและเผยแพร่)")
    return out


def report_path(out: Path) -> Path:
    return out.with_name(out.stem + ".report.txt")


def write_draft(out: Path, draft: Draft, source: Path) -> Path:
    header = (
        f"# ร่างแผน นำเข้าจาก {source.name} ด้วย python -m generator import-docx (ยังไม่เผยแพร่)\n"
        f"# ตรวจรายงาน {report_path(out).name} ({len(draft.notes)} รายการ) แล้วย้ายไปไว้ที่ data/units/<รหัส>/\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("x", encoding="utf-8") as handle:  # "x": never over an existing file, even one made just now
        handle.write(dump_yaml(header, draft.document))
    lines = [f"รายงานการนำเข้า {source.name} → {out.name}", *(note.format() for note in draft.notes)]
    report = report_path(out)
    with report.open("x", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return report
