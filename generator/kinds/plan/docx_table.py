"""The table layout (seed 004): one row per project under a header มิติ | ภารกิจ | โครงการ | งบประมาณ | … .

The header may repeat on every page (one Word table per page); a row whose identifying cells are empty continues
the row above it (a row split across pages). Budget columns are either one column (e.g. "งบประมาณ ๒๕๖๖ - ๒๕๗๐")
or one column per fiscal year.
"""

from __future__ import annotations

import re
from typing import Any

from .docx_blocks import Note, build_blocks, plain_text, split_inline_items
from .docx_read import Element, Para, Table
from .docx_values import D, arabic, parse_budget, parse_code

COLUMNS: tuple[tuple[str, str], ...] = (
    ("dimension", r"^มิติ"),
    ("mission", r"^ภารกิจ"),
    ("project", r"^(?:ชื่อ)?โครงการ"),
    ("budget", r"^งบประมาณ"),
    ("method", r"^วิธี(?:การ)?ดำเนิน"),
    ("results", r"^(?:ตัวชี้วัด|ผลผลิต|ผลลัพธ์)"),
    ("remarks", r"^หมายเหตุ"),
    ("responsible", r"^(?:หน่วยงาน)?ผู้รับผิดชอบ"),
    ("objectives", r"^วัตถุประสงค์"),
    ("target_group", r"^(?:กลุ่ม)?เป้าหมาย"),
)
YEAR = re.compile(rf"^(?:ปี\s*)?(?:พ\.ศ\.\s*)?({D}{{4}})$")
RESULT_LABEL = re.compile(r"(?:^|\s)(ผลผลิต|ผลลัพธ์)\s*:?(?=\s|$)")
IDENTITY = ("dimension", "mission", "project")
ORDER_NUMBER = re.compile(rf"^({D}+)\)\s*\S")


def header_map(table: Table, row: int) -> dict[int, str]:
    """Column index → field for a header row ("2567" under a budget header means that year's budget)."""
    found = {}
    for col in range(len(table.rows[row])):
        text = table.cell_text(row, col).strip()
        field = next((name for name, pattern in COLUMNS if re.match(pattern, text)), None)
        year = YEAR.match(text)
        if year:
            field = f"year:{arabic(year.group(1))}"
        if field:
            found[col] = field
    return found


def is_header(columns: dict[int, str]) -> bool:
    return "project" in columns.values() and len(columns) >= 3


def find_header(tables: list[Table]) -> dict[int, str] | None:
    for table in tables:
        for row in range(min(3, len(table.rows))):
            columns = header_map(table, row)
            if is_header(columns):
                return columns | year_row(table, row + 1)
    return None


def year_row(table: Table, row: int) -> dict[int, str]:
    """The row under the header that names the years of a merged budget header."""
    if row >= len(table.rows):
        return {}
    years = {col: field for col, field in header_map(table, row).items() if field.startswith("year:")}
    return years if len(years) >= 2 else {}


def read_rows(elements: list[Element], columns: dict[int, str], notes: list[Note]) -> list[dict[str, list[Para]]]:
    """Every data row as field → paragraphs; header repeats are skipped, continuation rows joined."""
    rows: list[dict[str, list[Para]]] = []
    for table in (e for e in elements if isinstance(e, Table)):
        for r in range(len(table.rows)):
            if is_header(header_map(table, r)) or year_row(table, r):
                continue
            row = {field: table.rows[r][col] for col, field in columns.items() if col < len(table.rows[r])}
            extra = [p for col in range(len(table.rows[r])) if col not in columns for p in table.rows[r][col]]
            notes += [Note(p.where, "ตาราง", "คอลัมน์นี้ไม่มีหัวตารางที่รู้จัก ไม่ได้นำเข้า", p.text) for p in extra]
            if not any(row.get(field) for field in IDENTITY) and rows:
                for field, paras in row.items():
                    rows[-1].setdefault(field, []).extend(paras)
            elif any(row.values()):
                rows.append(row)
    return rows


def build_row(row: dict[str, list[Para]], number: int, years: list[str], notes: list[Note]) -> dict[str, Any]:
    label = f"แถวโครงการที่ {number}"
    where = next((p.where for paras in row.values() for p in paras), "ตาราง")
    project: dict[str, Any] = {"id": f"project-{number:02d}"}
    project |= identity(row, label, where, notes)
    for field in ("objectives", "target_group", "method"):
        if row.get(field):
            project[field] = build_blocks(list(row[field]))
    project |= budget_of(row, years, label, notes)
    for field in ("responsible", "remarks"):
        if row.get(field):
            project[field] = plain_text(list(row[field]))
    project |= results_of(row.get("results", []), label, notes)
    return project


def identity(row: dict[str, list[Para]], label: str, where: str, notes: list[Note]) -> dict[str, Any]:
    text = plain_text(list(row.get("project", [])))
    found: dict[str, Any] = {}
    code = parse_code(text)
    mission_code = parse_code(plain_text(list(row.get("mission", []))))
    if code:
        found["mission"], sub, item, text = code
        found |= {key: value for key, value in (("sub_mission", sub), ("item_no", item)) if value}
    elif mission_code:
        found["mission"] = mission_code[0]
    else:
        notes.append(Note(where, f"{label} · ภารกิจ", "ไม่พบรหัสภารกิจ (เช่น ๑.๑) ในแถวนี้ ให้เติม mission เอง"))
    if mission_code and found.get("mission") and mission_code[0] != found["mission"]:
        notes.append(
            Note(where, f"{label} · ภารกิจ", f"ช่องภารกิจพิมพ์ {mission_code[0]} แต่รหัสโครงการเป็น {found['mission']}")
        )
    if text:
        found["name"] = text
    else:
        notes.append(Note(where, f"{label} · ชื่อโครงการ", "ไม่พบชื่อโครงการ"))
    return found


def budget_of(row: dict[str, list[Para]], years: list[str], label: str, notes: list[Note]) -> dict[str, Any]:
    per_year = {field[5:]: plain_text(list(paras)) for field, paras in row.items() if field.startswith("year:")}
    if per_year:
        return year_amounts(per_year, row, label, notes)
    if not row.get("budget"):
        return {}
    text = plain_text(list(row["budget"]))
    budget, problem = parse_budget(text, years)
    if problem:
        notes.append(Note(row["budget"][0].where, f"{label} · งบประมาณ", problem, text))
    return budget


def year_amounts(per_year: dict[str, str], row: dict[str, list[Para]], label: str, notes: list[Note]) -> dict[str, Any]:
    budget = {}
    for year, text in per_year.items():
        amount = arabic(text).replace(",", "").removesuffix("บาท").strip()
        if re.fullmatch(r"[0-9]+(?:\.[0-9]{1,2})?", amount) and float(amount) > 0:
            budget[year] = amount
        elif amount not in ("", "-", "0"):
            where = row[f"year:{year}"][0].where
            notes.append(Note(where, f"{label} · งบประมาณ {year}", "อ่านจำนวนเงินเป็นตัวเลขไม่ได้", text))
    return {"budget": budget} if budget else {}


def results_of(paras: list[Para], label: str, notes: list[Note]) -> dict[str, Any]:
    """Split at "ผลผลิต"/"ผลลัพธ์" sub-labels; a cell without them goes to outcomes (the column is ตัวชี้วัด/ผลลัพธ์)."""
    if not paras:
        return {}
    parts: dict[str, list[Element]] = {}
    current: str | None = None
    for para in paras:
        pieces = RESULT_LABEL.split(para.text) if RESULT_LABEL.match(para.text) or current else [para.text]
        for piece in (p.strip() for p in pieces):
            if piece in ("ผลผลิต", "ผลลัพธ์"):
                current = "outputs" if piece == "ผลผลิต" else "outcomes"
            elif piece:
                parts.setdefault(current or "outcomes", []).append(Para(piece, para.where, bullet=para.bullet))
    if current is None:
        notes.append(
            Note(
                paras[0].where,
                f"{label} · ตัวชี้วัด/ผลลัพธ์",
                "ไม่มีหัวข้อย่อย ผลผลิต/ผลลัพธ์ จึงใส่ทั้งหมดในผลลัพธ์ (outcomes) ตามชื่อคอลัมน์ โปรดตรวจ",
            )
        )
    return {field: build_blocks(content) for field, content in parts.items()}


def summary_budgets(tables: list[Table]) -> dict[int, dict[str, str]]:
    """A card plan's per-year budget table (seed 001 ส่วนที่ 2), keyed by the printed project number "N)".

    Only rows holding exactly one numbered project count: a cell listing "11) … 12) …" cannot say whose amount it is.
    """
    found: dict[int, dict[str, str]] = {}
    for table in tables:
        columns = next(
            (
                c | year_row(table, r + 1)
                for r in range(min(3, len(table.rows)))
                if is_header(c := header_map(table, r))
            ),
            None,
        )
        if not columns or not any(field.startswith("year:") for field in columns.values()):
            continue
        for cells in table.rows:
            row = {field: cells[col] for col, field in columns.items() if col < len(cells)}
            text = plain_text(list(row.get("project", [])))
            match = ORDER_NUMBER.match(text)
            if match and len(split_inline_items(text)) == 1:
                per_year = {
                    field[5:]: plain_text(list(paras)) for field, paras in row.items() if field.startswith("year:")
                }
                found[int(arabic(match.group(1)))] = year_amounts(per_year, row, "", []).get("budget", {})
    return found
