"""Read a Word (.docx) file into a flat list of paragraphs and tables, each with a place a clerk can find.

Places are counted the way the report prints them: "ย่อหน้าที่ N" counts the non-empty paragraphs of the body
(blank lines are invisible in Word, so they are not counted); a paragraph inside a table is
"ตารางที่ T แถวที่ R ช่องที่ C". A line break inside a paragraph starts a new line with the same place.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph


class NotDocx(ValueError):
    """The file is not a Word .docx file (or is damaged); the message is Thai and names the file."""


@dataclass(frozen=True)
class Para:
    text: str
    where: str
    underline: bool = False  # every run underlined: a sub-label such as "ผลผลิต" in a table cell
    bullet: bool = False  # a Word list paragraph (bullet or numbering that is not part of the text)


@dataclass(frozen=True)
class Table:
    where: str
    rows: list[list[list[Para]]] = field(default_factory=list)  # row → cell → paragraphs

    def cell_text(self, row: int, col: int) -> str:
        cells = self.rows[row]
        return " ".join(p.text for p in cells[col]) if col < len(cells) else ""


Element = Para | Table


def read_docx(path: Path) -> list[Element]:
    """Every non-empty paragraph and every table of the body, in document order."""
    document = open_docx(path)
    elements: list[Element] = []
    paragraphs = tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            tables += 1
            elements.append(read_table(item, f"ตารางที่ {tables}"))
        elif item.text.strip():
            paragraphs += 1
            elements += read_paragraph(item, f"ย่อหน้าที่ {paragraphs}")
    return elements


def open_docx(path: Path) -> docx.document.Document:
    if not path.is_file():
        raise NotDocx(f"{path}: ไม่พบไฟล์")
    # Why the zip check first: python-docx's own errors are English and name internal parts, not the clerk's file.
    if not zipfile.is_zipfile(path) or "word/document.xml" not in zipfile.ZipFile(path).namelist():
        raise NotDocx(f"{path}: ไม่ใช่ไฟล์ Word แบบ .docx (ถ้าเป็นไฟล์ .doc หรือ PDF ให้เปิดใน Word แล้วบันทึกเป็น .docx ก่อน)")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # a damaged package: lxml, KeyError, zip errors all mean the same to a clerk
        raise NotDocx(f"{path}: เปิดไฟล์ Word ไม่ได้ ไฟล์อาจเสียหาย ({type(exc).__name__})") from None


def read_paragraph(paragraph: DocxParagraph, where: str) -> list[Para]:
    runs = [run for run in paragraph.runs if run.text.strip()]
    underline = bool(runs) and all(run.underline for run in runs)
    bullet = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    bullet = bullet or "List" in (paragraph.style.name if paragraph.style is not None else "")
    lines = [line.strip() for line in paragraph.text.split("\n")]
    return [Para(line, where, underline, bullet) for line in lines if line]


def read_table(table: DocxTable, where: str) -> Table:
    rows = []
    for r, row in enumerate(table.rows, start=1):
        cells: list[list[Para]] = []
        seen: set[int] = set()
        for c, cell in enumerate(row.cells, start=1):
            place = f"{where} แถวที่ {r} ช่องที่ {c}"
            if id(cell._tc) in seen:  # a cell merged across columns: later grid columns stay empty, columns line up
                cells.append([])
                continue
            seen.add(id(cell._tc))
            cells.append([p for para in cell.paragraphs for p in read_paragraph(para, place) if para.text.strip()])
        rows.append(cells)
    return Table(where, rows)
