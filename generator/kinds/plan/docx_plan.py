"""The plan-level part of a Word plan: its title and period, and the sections before the first project.

Sections with a place in the plan model (คำนำ, หลักการและเหตุผล, วัตถุประสงค์ของการจัดทำแผน, เป้าหมาย, ประโยชน์ของการจัดทำแผน)
are read as text blocks; every other paragraph before the first project is reported, one line each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .docx_blocks import Note, build_blocks
from .docx_headings import PLAN_LABELS, match_heading, structural
from .docx_read import Element, Para
from .docx_values import D, arabic

PERIOD = re.compile(rf"พ\.ศ\.\s*({D}{{4}})\s*[-–—]\s*({D}{{4}})")
TITLE_START = "แผนปฏิบัติการ"
# Why: a title printed over several lines continues with these words (seed 000 L5–7, seed 001 L5–8).
TITLE_CONTINUES = ("เพื่อ", "(พ.ศ.", "พ.ศ.", "ของ", "ประจำปี")
SECTION_BREAK = re.compile(rf"^(?:ส่วนที่\s*{D}|สารบัญ|{D}+\s*\.\s*\S)")


def read_title(elements: Sequence[Element], notes: list[Note]) -> tuple[dict[str, Any], set[int]]:
    """{title, period} from the first paragraphs that start "แผนปฏิบัติการ…", and the indices used."""
    for index, element in enumerate(elements[:40]):
        if isinstance(element, Para) and element.text.startswith(TITLE_START):
            used, parts = {index}, [element.text]
            for following in range(index + 1, min(index + 6, len(elements))):
                nxt = elements[following]
                if not isinstance(nxt, Para) or not nxt.text.startswith(TITLE_CONTINUES):
                    break
                used.add(following)
                parts.append(nxt.text)
            title = "".join(p if p.startswith("เพื่อ") or not i else " " + p for i, p in enumerate(parts))
            return with_period(title, element.where, notes), used
    notes.append(Note("ต้นเอกสาร", "ชื่อแผน", "ไม่พบชื่อแผน (ย่อหน้าที่ขึ้นต้นด้วย 'แผนปฏิบัติการ') ให้เติม title และ period เอง"))
    return {}, set()


def with_period(title: str, where: str, notes: list[Note]) -> dict[str, Any]:
    plan: dict[str, Any] = {"title": title}
    match = PERIOD.search(title)
    if match:
        plan["period"] = {"start": arabic(match.group(1)), "end": arabic(match.group(2))}
    else:
        notes.append(Note(where, "ระยะเวลาของแผน", "ชื่อแผนไม่มีช่วงปี (พ.ศ. ปปปป - ปปปป) ให้เติม period เอง", title))
    notes.append(Note(where, "ชื่อแผน", "ชื่อแผนประกอบจากบรรทัดหัวเอกสาร โปรดตรวจ", title))
    return plan


def read_prologue(elements: list[Element], used: set[int], notes: list[Note]) -> dict[str, Any]:
    """Plan sections before the first project; whatever has no section is reported."""
    sections: dict[str, list[Element]] = {}
    current: str | None = None
    for index, element in enumerate(elements):
        if index in used:
            continue
        heading = match_heading(element.text, PLAN_LABELS) if isinstance(element, Para) else None
        if heading is not None and not heading.rest:
            current = heading.field
            sections.setdefault(current, [])
        elif isinstance(element, Para) and (SECTION_BREAK.match(element.text) or structural(element.text)):
            current = None
            notes.append(Note(element.where, "ส่วนนำของแผน", "หัวข้อนี้ไม่มีช่องในแบบข้อมูลแผน ไม่ได้นำเข้า", element.text))
        elif current is None:
            text = element.text if isinstance(element, Para) else f"ตาราง {len(element.rows)} แถว"
            notes.append(Note(element.where, "ส่วนนำของแผน", "ไม่อยู่ใต้หัวข้อที่นำเข้าได้ ไม่ได้นำเข้า", text))
        else:
            sections[current].append(element)
    return {field: build_blocks(content) for field, content in sections.items() if content}
