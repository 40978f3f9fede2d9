"""The card layout (seeds 000 and 001): a prologue, then one project card per "ชื่อโครงการ" heading.

Headings come as paragraphs or as the first column of 2-column tables; both are flattened into one stream of
paragraphs first. Between two cards, a run of structural lines ("มิติที่ 1", "1.1 …", "1.1.1 …", "ลำดับที่ 3",
the group headings) sets the ภารกิจ/ภารกิจย่อย/group of the cards that follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .docx_blocks import Note, build_blocks, plain_text
from .docx_headings import (
    BARE_NUMBER,
    FIELD_THAI,
    NO_FIELD,
    Heading,
    match_heading,
    split_glued_heading,
    structural,
    unknown_heading,
)
from .docx_read import Element, Para, Table
from .docx_table import summary_budgets
from .docx_values import parse_budget, parse_duration, single_amount

BLOCK_FIELDS = ("rationale", "objectives", "target_group", "method", "outputs", "outcomes")


@dataclass
class Card:
    where: str
    context: dict[str, str]
    fields: dict[str, list[Element]] = field(default_factory=dict)
    name: str = ""
    order: int | None = None  # "ลำดับที่ N" printed above the card


def flatten_card_tables(elements: list[Element]) -> list[Element]:
    """A 2-column table whose first column holds card headings becomes heading + content paragraphs."""
    flat: list[Element] = []
    for element in elements:
        if isinstance(element, Table) and is_card_table(element):
            for row in element.rows:
                if len(row) == 2 and row[0] and match_heading(" ".join(p.text for p in row[0])):
                    head = row[0][0]
                    flat += [Para(" ".join(p.text for p in row[0]), head.where), *row[1]]
                else:
                    flat += [p for cell in row for p in cell]
        else:
            flat.append(element)
    return flat


def is_card_table(table: Table) -> bool:
    headings = [
        row for row in table.rows if len(row) == 2 and row[0] and match_heading(" ".join(p.text for p in row[0]))
    ]
    return len(headings) >= 2


def card_starts(elements: list[Element]) -> list[int]:
    """Index where each card begins: its "ชื่อโครงการ" heading, moved back over the structural lines above it."""
    starts: list[int] = []
    for index, element in enumerate(elements):
        heading = match_heading(element.text) if isinstance(element, Para) else None
        if heading and heading.field == "name":
            begin = index
            while begin > (starts[-1] + 1 if starts else 0):
                before = elements[begin - 1]
                if not isinstance(before, Para) or structural(before.text) is None:
                    break
                begin -= 1
            starts.append(begin)
    return starts


def parse_cards(elements: list[Element], starts: list[int], notes: list[Note]) -> list[dict[str, Any]]:
    context: dict[str, str] = {}
    budgets = summary_budgets([e for e in elements if isinstance(e, Table)])
    projects = []
    for number, (begin, end) in enumerate(zip(starts, [*starts[1:], len(elements)], strict=True), start=1):
        card = read_card(elements[begin:end], context, notes, number)
        projects.append(build_project(card, number, notes, budgets))
    return projects


def read_card(elements: list[Element], context: dict[str, str], notes: list[Note], number: int) -> Card:
    """Structural lines first (they update `context`), then the fields, each with its content elements."""
    index, order = 0, None
    while isinstance(line := elements[index], Para) and (kind := structural(line.text)) is not None:
        apply_structural(kind, line, context, notes)
        order = int(kind[1]) if kind[0] == "order" and kind[1] else order
        index += 1
    card = Card(elements[index].where, dict(context), order=order)
    current: str | None = None
    last_number: int | None = None
    label = f"โครงการที่ {number}"
    for position in range(index, len(elements)):
        element = elements[position]
        heading = heading_of(element, current)
        if heading is not None:
            current, last_number = open_field(card, heading, element, last_number, notes, label)
        elif isinstance(element, Para) and unknown_heading(element.text, last_number):
            notes.append(Note(element.where, label, "หัวข้อที่ไม่รู้จัก เนื้อหาใต้หัวข้อนี้ไม่ได้นำเข้า", element.text))
            current, last_number = "unknown", (last_number or 0) + 1
        elif isinstance(element, Para) and BARE_NUMBER.match(element.text) and heading_of_next(elements, position):
            continue  # "6." alone, with its heading on the next line (seed 001 card 5)
        else:
            place_content(card, current, element, notes, label)
    return card


def heading_of(element: Element, current: str | None) -> Heading | None:
    if not isinstance(element, Para):
        return None
    return match_heading(element.text, loose=current in ("results", "outputs", "outcomes"))


def heading_of_next(elements: list[Element], position: int) -> bool:
    following = elements[position + 1] if position + 1 < len(elements) else None
    return isinstance(following, Para) and match_heading(following.text) is not None


def open_field(
    card: Card, heading: Heading, element: Element, last: int | None, notes: list[Note], label: str
) -> tuple[str, int | None]:
    rest = heading.rest
    if heading.field == "name" and (glued := split_glued_heading(rest)):
        rest, second = glued
        card.name = rest
        following = match_heading(second)
        assert following is not None  # split_glued_heading only splits at a heading
        return open_field(card, following, element, heading.number, notes, label)
    if heading.field in card.fields or (heading.field == "name" and card.name):
        text = element.text if isinstance(element, Para) else ""
        notes.append(
            Note(element.where, label, f"หัวข้อ {FIELD_THAI[heading.field]} ซ้ำในโครงการเดียวกัน นำเนื้อหามาต่อท้าย", text)
        )
    card.fields.setdefault(heading.field, [])
    if heading.field == "name":
        card.name = card.name or rest
    elif rest:
        card.fields[heading.field].append(Para(rest, element.where))
    return heading.field, heading.number if heading.number is not None else last


def place_content(card: Card, current: str | None, element: Element, notes: list[Note], label: str) -> None:
    text = element.text if isinstance(element, Para) else f"ตาราง {len(element.rows)} แถว"
    if current is None:
        notes.append(Note(element.where, label, "ข้อความอยู่นอกหัวข้อใด ๆ ของโครงการ ไม่ได้นำเข้า", text))
    elif current == "name" and isinstance(element, Para) and not card.name:
        card.name = element.text
    elif current == "name":
        notes.append(Note(element.where, label, "ข้อความต่อจากชื่อโครงการ ไม่มีหัวข้อกำกับ ไม่ได้นำเข้า", text))
    elif current == "unknown":
        notes.append(Note(element.where, label, "อยู่ใต้หัวข้อที่ไม่รู้จัก ไม่ได้นำเข้า", text))
    elif current in NO_FIELD:
        notes.append(Note(element.where, f"{label} · {FIELD_THAI[current]}", NO_FIELD[current], text))
    elif current == "results":
        notes.append(
            Note(element.where, f"{label} · ผลผลิต/ผลลัพธ์", "ไม่มีหัวข้อย่อย ผลผลิต หรือ ผลลัพธ์ กำกับ จึงไม่รู้ว่าเป็นช่องใด", text)
        )
    else:
        card.fields.setdefault(current, []).append(element)


def apply_structural(kind: tuple[str, str | None], element: Para, context: dict[str, str], notes: list[Note]) -> None:
    name, value = kind
    if name == "dimension" and value is not None and context.get("dimension") != value:
        kept = {"group": context["group"]} if "group" in context else {}
        context.clear()
        context.update(kept, dimension=value)
    elif name in ("mission", "sub_mission") and value is not None:
        set_code(name, value, element, context, notes)
    elif name == "group" and value is not None:
        context.clear()
        context["group"] = value


def set_code(name: str, text: str, element: Para, context: dict[str, str], notes: list[Note]) -> None:
    from_text = text.split()[0].translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    mission = ".".join(from_text.split(".")[:2])
    if context.get("dimension") and context["dimension"] != mission[0]:
        notes.append(Note(element.where, "ภารกิจ", f"รหัส {mission} ไม่อยู่ใต้มิติที่ {context['dimension']} ที่พิมพ์ไว้ก่อนหน้า", text))
    context["mission"] = mission
    if name == "sub_mission":
        context["sub_mission"] = from_text
    else:
        context.pop("sub_mission", None)


def build_project(card: Card, number: int, notes: list[Note], budgets: dict[int, dict[str, str]]) -> dict[str, Any]:
    label = f"โครงการที่ {number}"
    project: dict[str, Any] = {"id": f"project-{number:02d}"}
    project |= {key: card.context[key] for key in ("mission", "sub_mission", "group") if key in card.context}
    if "mission" not in project:
        notes.append(Note(card.where, f"{label} · ภารกิจ", "เอกสารไม่ได้ระบุภารกิจ (mission เช่น 1.1) ให้เติมเอง"))
    if card.name:
        project["name"] = card.name
    else:
        notes.append(Note(card.where, f"{label} · ชื่อโครงการ", "ไม่พบชื่อโครงการ"))
    project |= {key: build_blocks(card.fields[key]) for key in BLOCK_FIELDS[:4] if card.fields.get(key)}
    project |= values_of(card, label, notes, budgets)
    project |= {key: build_blocks(card.fields[key]) for key in BLOCK_FIELDS[4:] if card.fields.get(key)}
    return dict(sorted(project.items(), key=lambda item: ORDER.index(item[0])))


ORDER = ("id", "mission", "sub_mission", "item_no", "group", "name", *BLOCK_FIELDS[:4], "duration", "budget",
         "budget_text", "responsible", *BLOCK_FIELDS[4:], "remarks")  # fmt: skip


def values_of(card: Card, label: str, notes: list[Note], budgets: dict[int, dict[str, str]]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    years: list[str] = []
    if card.fields.get("duration"):
        values["duration"], problem = parse_duration(plain_text(card.fields["duration"]))
        years = values["duration"].get("fiscal_years", [])
        if problem:
            notes.append(
                Note(
                    card.fields["duration"][0].where, f"{label} · ระยะเวลาดำเนินการ", problem, values["duration"]["text"]
                )
            )
    if card.fields.get("budget"):
        text = plain_text(card.fields["budget"])
        budget, problem = parse_budget(text, years)
        if problem and (from_table := table_budget(card, text, years, budgets)):
            budget, problem = {"budget": from_table}, None
            note = f"งบประมาณรายปีนำมาจากตารางงบประมาณของแผน แถว {card.order}) เพราะบัตรโครงการไม่ได้แยกรายปี โปรดตรวจ"
            notes.append(Note(card.fields["budget"][0].where, f"{label} · งบประมาณ", note, text))
        values |= budget
        if problem:
            notes.append(Note(card.fields["budget"][0].where, f"{label} · งบประมาณ", problem, text))
    if card.fields.get("responsible"):
        values["responsible"] = plain_text(card.fields["responsible"])
    return values


def table_budget(card: Card, text: str, years: list[str], budgets: dict[int, dict[str, str]]) -> dict[str, str] | None:
    """The summary table's row for this card ("N)" = ลำดับที่ N) when it agrees with the card: every year or the sum
    equals the card's amount, and every year lies within the card's duration."""
    amount = single_amount(text)
    by_year = budgets.get(card.order) if card.order is not None else None
    if not by_year or amount is None or not set(by_year) <= set(years):
        return None
    values = [Decimal(v) for v in by_year.values()]
    return by_year if all(v == Decimal(amount) for v in values) or sum(values) == Decimal(amount) else None
