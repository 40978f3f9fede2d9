"""A clerk's workbook back to YAML data: every sheet, header and cell checked, every problem reported at once.

Cells are read as they are stored: a formula is refused and never evaluated, a leading apostrophe (added by the
export before = + - @) is removed, numbers become the digits the YAML holds. The result is plain data in the
same shape the strict loader gives (strings, lists, mappings) plus the cell each value came from, so problems
the checks find later can still be shown as `FILE.xlsx:ชีต!B12`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from .loader import MAX_DEPTH, NULL_WORDS
from .models.common import parse_number
from .problems import visible
from .workbook import (
    ABOUT_LABELS,
    ABOUT_SHEET,
    CHOICES_SHEET,
    MAP_KEY,
    MAP_VALUE,
    PARENT,
    ROW_NUMBER,
    YAML_MARK,
    Column,
    Row,
    Sheet,
    WorkbookLayout,
    unescape_text,
)
from .workbook_blocks import decode_blocks

Loc = tuple[Any, ...]
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # Why: the largest plan's workbook is under 100 KB; a huge file is a mistake


@dataclass(frozen=True, order=True)
class CellProblem:
    """`FILE.xlsx:ชีต!B12: field: message`, the workbook's form of `file:line: field: message`."""

    file: str
    sheet: str
    cell: str
    field: str
    message: str

    def format(self) -> str:
        return f"{visible(self.file)}:{visible(self.sheet)}!{self.cell}: {visible(self.field or '-')}: {visible(self.message)}"


@dataclass
class Imported:
    data: dict[str, Any]
    cells: dict[Loc, tuple[str, str]] = field(default_factory=dict)  # YAML path → (sheet, cell)
    problems: list[CellProblem] = field(default_factory=list)


class WorkbookError(Exception):
    def __init__(self, problem: CellProblem):
        self.problem = problem
        super().__init__(problem.format())


def open_workbook(path: Path) -> Any:
    size = path.stat().st_size if path.is_file() else -1
    if not 0 < size <= MAX_WORKBOOK_BYTES:
        message = (
            "ไม่พบไฟล์ หรือไฟล์ว่าง"
            if size <= 0
            else f"ไฟล์ใหญ่เกินไป ({size // 1024:,} KB; สูงสุด {MAX_WORKBOOK_BYTES // 1024:,} KB)"
        )
        raise WorkbookError(CellProblem(path.name, "-", "A1", "-", message))
    try:
        with zipfile.ZipFile(path) as archive:  # Why first: a small zip can unpack to gigabytes of XML
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            message = f"ไฟล์ Excel นี้คลายออกแล้วใหญ่เกินไป ({unpacked // 1024 // 1024:,} MB; สูงสุด {MAX_UNPACKED_BYTES // 1024 // 1024} MB)"
            raise WorkbookError(CellProblem(path.name, "-", "A1", "-", message))
        return load_workbook(path, data_only=False)
    except WorkbookError:
        raise
    except Exception:  # openpyxl raises zip, XML and key errors for a file that is not a workbook
        problem = CellProblem(
            path.name, "-", "A1", "-", "เปิดไฟล์ Excel ไม่ได้ ต้องเป็นไฟล์ .xlsx ที่บันทึกจาก Excel หรือ LibreOffice"
        )
        raise WorkbookError(problem) from None


def read_about(book: Any, name: str) -> dict[str, str]:
    """Which unit and document the workbook belongs to (written by export-xlsx on its own sheet)."""
    if ABOUT_SHEET not in book.sheetnames:
        message = f"ไม่พบชีต '{ABOUT_SHEET}' ไฟล์นี้ไม่ได้สร้างด้วย python -m generator export-xlsx"
        raise WorkbookError(CellProblem(name, ABOUT_SHEET, "A1", "-", message))
    found = {str(r[0].value): str(r[1].value or "") for r in book[ABOUT_SHEET].iter_rows(max_col=2) if r[0].value}
    about = {key: found.get(label, "") for key, label in ABOUT_LABELS.items()}
    if not about["unit"] or not about["document"]:
        raise WorkbookError(CellProblem(name, ABOUT_SHEET, "B1", "-", "ไม่พบรหัสหน่วยงานหรือชื่อเอกสารในชีตนี้"))
    return about


def read_workbook(book: Any, name: str, layout: WorkbookLayout) -> Imported:
    reader = _Reader(name, layout)
    for title in book.sheetnames:
        if title not in {s.title for s in layout.sheets} | {ABOUT_SHEET, CHOICES_SHEET}:
            reader.problem(title, "A1", "-", f"ไม่รู้จักชีต '{title}' ชีตที่ใช้ได้: {', '.join(s.title for s in layout.sheets)}")
    for sheet in layout.sheets:
        if sheet.title not in book.sheetnames:
            reader.problem(sheet.title, "A1", "-", f"ไม่พบชีต '{sheet.title}' (อย่าลบหรือเปลี่ยนชื่อชีต)")
        elif sheet.form == "fields":
            reader.read_fields(book[sheet.title], sheet)
        else:
            reader.read_rows(book[sheet.title], sheet)
    if not reader.imported.problems:
        reader.assemble()
    return reader.imported


class _Reader:
    def __init__(self, name: str, layout: WorkbookLayout):
        self.name = name
        self.layout = layout
        self.imported = Imported({})
        self.rows: dict[str, list[Row]] = {}

    def problem(self, sheet: str, cell: str, field_name: str, message: str) -> None:
        self.imported.problems.append(CellProblem(self.name, sheet, cell, field_name, message))

    # --- one value per row: ช่อง | ค่า ---

    def read_fields(self, ws: Worksheet, sheet: Sheet) -> None:
        by_header = {c.header: c for c in sheet.columns}
        seen: set[str] = set()
        for label_cell, value_cell in ws.iter_rows(min_row=2, max_col=2):
            label = str(label_cell.value or "").strip()
            if not label:
                continue
            column = by_header.get(label)
            if column is None:
                self.problem(sheet.title, label_cell.coordinate, "-", f"ไม่รู้จักช่อง '{label}' (อย่าแก้ชื่อช่องในคอลัมน์ A)")
                continue
            seen.add(label)
            value = self.cell_value(sheet, column, value_cell)
            if value is not None:
                path = (*sheet.path, *column.key.split("."))
                _set(self.imported.data, path, value)
                self.imported.cells[path] = (sheet.title, value_cell.coordinate)
        for header in by_header.keys() - seen:
            self.problem(sheet.title, "A1", header, f"ไม่พบช่อง '{header}' ในคอลัมน์ A (อย่าลบแถวของช่องนี้)")

    # --- one item per row ---

    def read_rows(self, ws: Worksheet, sheet: Sheet) -> None:
        columns = self.layout.columns_of(sheet)
        at = self.header_map(ws, sheet, columns)
        if at is None:
            return
        rows: list[Row] = []
        for cells in ws.iter_rows(min_row=2):
            row = self.read_row(sheet, columns, at, cells, len(rows) + 1)
            if row is not None:
                rows.append(row)
        self.check_ids(sheet, rows)
        self.rows[sheet.title] = rows

    def header_map(self, ws: Worksheet, sheet: Sheet, columns: tuple[Column, ...]) -> dict[str, int] | None:
        at: dict[str, int] = {}
        by_header = {c.header: c for c in columns}
        for cell in next(ws.iter_rows(max_row=1), ()):
            header = str(cell.value or "").strip()
            if header in by_header:
                at[by_header[header].key] = cell.column - 1
            elif header:
                self.problem(sheet.title, cell.coordinate, "-", f"ไม่รู้จักคอลัมน์ '{header}' (อย่าแก้หัวตาราง)")
        for column in columns:
            if column.key not in at:
                self.problem(sheet.title, "A1", column.header, f"ไม่พบคอลัมน์ '{column.header}' ในแถวหัวตาราง")
        return at if len(at) == len(columns) else None

    def read_row(
        self, sheet: Sheet, columns: tuple[Column, ...], at: dict[str, int], cells: Any, number: int
    ) -> Row | None:
        values: dict[str, Any] = {}
        coordinates: dict[str, str] = {}
        for column in columns:
            index = at[column.key]
            cell = cells[index] if index < len(cells) else None
            if cell is None:
                continue
            value = self.cell_value(sheet, column, cell)
            coordinates[column.key] = cell.coordinate if hasattr(cell, "coordinate") else "A1"
            if value is not None:
                values[column.key] = value
        if not values:
            return None
        owner = values.pop(PARENT, None)
        id_column = sheet.id_column
        key = str(number) if id_column is None else str(values.pop(ROW_NUMBER, values.get(id_column.key, "")))
        return Row(owner, key, values, cells=coordinates)

    def check_ids(self, sheet: Sheet, rows: list[Row]) -> None:
        id_column = sheet.id_column
        if id_column is None:
            return
        first: dict[tuple[str | None, str], int] = {}
        for row in rows:
            cell = row.cells.get(id_column.key, "A1")
            scope = (row.owner if sheet.form == "pairs" else None, row.key)
            if not row.key:
                if not any(p.sheet == sheet.title and p.cell == cell for p in self.imported.problems):
                    self.problem(sheet.title, cell, id_column.header, "ต้องระบุค่านี้ (ห้ามเว้นว่าง)")
            elif scope in first:
                message = f"'{row.key}' ซ้ำกับแถวที่ {first[scope]} ({id_column.header} ต้องไม่ซ้ำกัน)"
                self.problem(sheet.title, cell, id_column.header, message)
            else:
                first[scope] = int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0)

    # --- one cell ---

    def cell_value(self, sheet: Sheet, column: Column, cell: Any) -> Any:
        """The YAML value of a cell, or None when it is empty or wrong (the problem is recorded)."""
        try:
            return decode_cell(cell.value, getattr(cell, "data_type", "s"), column)
        except ValueError as exc:
            self.problem(sheet.title, cell.coordinate, column.header, str(exc))
            return None

    # --- rows → nested data ---

    def assemble(self) -> None:
        objects: dict[str, dict[str, tuple[dict[str, Any], Loc]]] = {}
        for sheet in self.layout.sheets:
            if sheet.form == "fields":
                continue
            objects[sheet.title] = {}
            for row in self.rows.get(sheet.title, []):
                self.place(sheet, row, objects)

    def place(self, sheet: Sheet, row: Row, objects: dict[str, dict[str, tuple[dict[str, Any], Loc]]]) -> None:
        item, entry_key, entry = _entry(sheet, row.values)
        if sheet.parent:
            parent = objects[sheet.parent].get(row.owner or "")
            if parent is None:
                cell = row.cells.get(PARENT, "A1")
                self.problem(sheet.title, cell, "-", f"ไม่พบ '{row.owner}' ในชีต '{sheet.parent}'")
                return
            owner, base = parent
        else:
            owner, base = self.imported.data, ()
        relative = self.layout.relative_path(sheet)
        container = _container(owner, relative, sheet.form == "pairs")
        self.imported.cells.setdefault((*base, *relative), (sheet.title, "A1"))
        if isinstance(container, dict):
            container[entry_key] = entry
            loc: Loc = (*base, *relative, entry_key)
        else:
            container.append(entry)
            loc = (*base, *relative, len(container) - 1)
        objects[sheet.title][row.key] = (item, loc)
        for key, cell in row.cells.items():
            if key not in (PARENT, MAP_KEY, MAP_VALUE, ROW_NUMBER):
                self.imported.cells[(*loc, *key.split("."))] = (sheet.title, cell)
        self.imported.cells.setdefault(loc, (sheet.title, next(iter(row.cells.values()), "A1")))


def _entry(sheet: Sheet, values: dict[str, Any]) -> tuple[dict[str, Any], str, Any]:
    """(the mapping children attach to, the mapping key for pairs, what goes into the YAML)."""
    item: dict[str, Any] = {}
    for key, value in values.items():
        if key not in (MAP_KEY, MAP_VALUE):
            _set(item, tuple(key.split(".")), value)
    entry_key = str(values.get(MAP_KEY, ""))
    if MAP_VALUE in values or (sheet.form == "pairs" and not item and MAP_VALUE in {c.key for c in sheet.columns}):
        return item, entry_key, values.get(MAP_VALUE)
    return item, entry_key, item


def _container(owner: dict[str, Any], path: tuple[str, ...], mapping: bool) -> Any:
    current = owner
    for key in path[:-1]:
        current = current.setdefault(key, {})
    return current.setdefault(path[-1], {} if mapping else [])


def _set(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value


# --- cell values ------------------------------------------------------------------------------------------


def decode_cell(value: Any, data_type: str, column: Column) -> Any:
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    if data_type == "f" or (isinstance(value, str) and value.lstrip().startswith(("=", "＝"))):
        raise ValueError("ห้ามใช้สูตรคำนวณ (ค่าที่ขึ้นต้นด้วย =) ระบบไม่คำนวณสูตร ให้พิมพ์ค่าลงไปตรง ๆ")
    if data_type == "e":
        raise ValueError(f"ช่องนี้เป็นค่าผิดพลาดของ Excel ({value}) ให้พิมพ์ค่าที่ถูกต้อง")
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int | float):
        text = _number_text(value)
    elif isinstance(value, dt.datetime | dt.date):
        text = _date_text(value, column)
    else:
        text = unescape_text(str(value))
    return _typed(text, column, isinstance(value, str))


def _typed(text: str, column: Column, was_text: bool) -> Any:
    if column.type == "number" and was_text:
        try:
            parse_number(text)
        except ValueError:
            raise ValueError(f"ต้องเป็นตัวเลข แต่พบข้อความ '{text}'") from None
    if column.choices and column.strict and text not in column.choices:
        shown = ", ".join(column.choices[:40]) + (" ..." if len(column.choices) > 40 else "")
        raise ValueError(f"ค่า '{text}' ไม่อยู่ในรายการที่เลือกได้: {shown}")
    if text.startswith(YAML_MARK):
        return _yaml_value(text[len(YAML_MARK) :])
    if column.type == "list":
        return [line.rstrip("\r") for line in text.split("\n") if line.strip()]
    if column.type == "blocks":
        return decode_blocks(text)
    return text


def _number_text(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _date_text(value: dt.date, column: Column) -> str:
    day = value.date() if isinstance(value, dt.datetime) else value
    return f"{day.year:04d}-{day.month:02d}" if column.type == "month" else day.isoformat()


def _yaml_value(text: str) -> Any:
    """A structure written as YAML in one cell, read like the strict loader reads files (every scalar a string)."""
    try:
        check_cell_events(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" บรรทัดที่ {mark.line + 1} ในช่อง" if mark is not None else ""
        raise ValueError(f"ข้อความ YAML ในช่องนี้ไม่ถูกต้อง{where} (ลบบรรทัด {YAML_MARK} ถ้าไม่ได้ตั้งใจเขียน YAML)") from None
    return _plain(node) if node is not None else None


def check_cell_events(text: str) -> None:
    """No alias (an alias bomb would expand exponentially) and no deep nesting in a cell's YAML."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise ValueError("ห้ามใช้ alias (*ชื่อ) ในข้อความ YAML ของช่อง ให้เขียนค่าซ้ำลงไปตรง ๆ")
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ValueError(f"โครงสร้าง YAML ในช่องนี้ซ้อนกันลึกเกินไป (เกิน {MAX_DEPTH} ชั้น)")
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1


def _plain(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(child) for child in node.value]
    text = str(node.value)
    return None if getattr(node, "style", None) in (None, "") and text in NULL_WORDS else text
