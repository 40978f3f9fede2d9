"""Build Word (.docx) files from the plain-text seed documents, as a unit's clerk would have them.

The seeds are exports of Word/PDF plans: each line is a paragraph, "- " marks a bullet paragraph, "**…**" bold,
tab-separated lines are table rows, and seed 004's cells carry <p>/<u>/<ol> markup. This module turns them back
into .docx with python-docx so tests/test_import_docx.py and bench/import_quality.py can import them. The seed
text is read at run time only (from ../shared/seeds); nothing of it is copied into the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.document import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
TAG = re.compile(r"</?(?:ol|ul|li)[^>]*>")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
CARD_HEADING = re.compile(
    r"^(?:\d+\.?\s*)?\**(?:ชื่อโครงการ|หลักการและเหตุผล|วัตถุประสงค์|กลุ่มเป้าหมาย|วิธี|ระยะเวลา|งบประมาณ|ผู้รับผิดชอบ|ผลผลิต/|ตัวชี้วัด/)"
)
STRUCTURAL = re.compile(r"^(?:ลำดับที่|มิติที่|มติที่|\d\.\d(?:\.\d)?\s|ส่วนที่|ภาคผนวก)")


def seed_text(number: int) -> str:
    return next(SEEDS.glob(f"{number:03d}_*.txt")).read_text(encoding="utf-8")


def add_paragraph(document: Document | object, text: str, style: str | None = None) -> None:
    """One paragraph; "**bold**" and "<u>underlined</u>" become formatted runs, not characters."""
    paragraph = document.add_paragraph(style=style)  # type: ignore[attr-defined]
    for part in re.split(r"(\*\*.*?\*\*|<u>.*?</u>)", AUTOLINK.sub(r"\1", text)):
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("<u>"):
            paragraph.add_run(part[3:-4]).underline = True
        elif part:
            paragraph.add_run(part)


def add_line(document: Document, line: str) -> None:
    if line.startswith("- "):
        add_paragraph(document, line[2:], "List Bullet")
    else:
        add_paragraph(document, line)


def cell_paragraphs(text: str) -> list[str]:
    text = TAG.sub("", text).strip()
    found = re.findall(r"<p>(.*?)</p>", text)
    return [p.strip() for p in found if p.strip()] if found else [text] if text else []


def add_table(document: Document, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            paragraphs = cell_paragraphs(text)
            cell.paragraphs[0].text = ""
            for index, para in enumerate(paragraphs):
                target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                for part in re.split(r"(<u>.*?</u>)", para):
                    if part.startswith("<u>"):
                        target.add_run(part[3:-4]).underline = True
                    elif part:
                        target.add_run(part)


def build_docx(text: str, out: Path) -> Path:
    """Paragraphs for lines, one table per run of tab-separated lines (seed 004, seed 000's small tables)."""
    document = docx.Document()
    rows: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            add_table(document, rows)
            rows = []
        if line.strip() and not set(line.strip()) <= {"#"}:
            add_line(document, line.strip())
    document.save(str(out))
    return out


def build_card_tables_docx(text: str, out: Path) -> Path:
    """The same cards, but each card's headings in column 1 of a 2-column table and its content in column 2."""
    document = docx.Document()
    table = None
    rows: list[list[str]] = []
    for raw in [*text.splitlines(), ""]:
        if "\t" in raw:  # the plan's own tables (contents, budget) stay tables
            rows.append(raw.split("\t"))
            continue
        if rows:
            add_table(document, rows)
            rows, table = [], None
        line = raw.strip()
        if not line or set(line) <= {"#"}:
            continue
        if CARD_HEADING.match(line):
            table = table or document.add_table(rows=0, cols=2)
            label, _, rest = line.replace("**", "").partition(":") if "ชื่อโครงการ" in line else (line, "", "")
            row = table.add_row()
            row.cells[0].paragraphs[0].add_run(label.strip())
            if rest.strip():
                row.cells[1].paragraphs[0].add_run(rest.strip())
        elif table is not None and not STRUCTURAL.match(line):
            add_line_to_cell(table.rows[-1].cells[1], line)
        else:
            table = None
            add_line(document, line)
    document.save(str(out))
    return out


def add_line_to_cell(cell: object, line: str) -> None:
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph = first if not first.text else cell.add_paragraph()  # type: ignore[attr-defined]
    if line.startswith("- "):
        paragraph.style = "List Bullet"
        line = line[2:]
    paragraph.add_run(line.replace("**", ""))
