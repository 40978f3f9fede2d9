"""A clerk's workbook of one document: the layout kinds declare (sheets, Thai columns, dropdowns) and the writer.

A kind describes its document as sheets (`WorkbookLayout`); the core turns the YAML data into an .xlsx that
Excel users edit (`write_workbook`) and back (`generator.workbook_import`). Every value stays the text the
YAML holds, so an unchanged workbook imports to the same bytes. Text is never written as a formula: a cell
that a spreadsheet would read as one (= + - @ ...) gets a leading apostrophe, removed again on import.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import xlsxwriter
import yaml

from .models.common import parse_number
from .opendata.writers import neutralise_csv_cell
from .workbook_blocks import encode_blocks

# list: one text per line; blocks: paragraphs and lists (generator/workbook_blocks.py); yaml: text or a structure
ColumnType = Literal["text", "number", "date", "month", "list", "blocks", "yaml"]
Form = Literal["fields", "rows", "pairs"]
ABOUT_SHEET = "เกี่ยวกับไฟล์"
CHOICES_SHEET = "รายการเลือก"
ERRATA = "แก้ไขจากต้นฉบับ"
FIELD_HEADERS = ("ช่อง", "ค่า")
ABOUT_LABELS = {"unit": "หน่วยงาน", "document": "เอกสาร", "kind": "ชนิดเอกสาร"}
YAML_MARK = "[YAML]"  # first line of a cell holding a structure the sheet has no columns for
ROW_NUMBER = "#"  # column key: the row's running number (the id of rows that have none in the data)
PARENT = "^"  # column key: the id of the row of the parent sheet that owns this row
MAP_KEY = "@key"  # column key (pairs): the mapping key; MAP_VALUE: the value when it is not a mapping
MAP_VALUE = "@value"
EDITABLE_ROWS = 1000  # dropdowns reach this far down, so rows a clerk adds get them too
# Why fixed: the default 'created' is now(); the same document must give the same bytes.
CREATED = dt.datetime(2000, 1, 1)
BOOLEANS = ("true", "false")
EXCEL_CELL_CHARS = 32_767


@dataclass(frozen=True)
class Column:
    key: str  # a field of the row (dotted for a nested mapping: 'duration.start'), or ROW_NUMBER/MAP_KEY/...
    header: str  # Thai, as the clerk reads it
    type: ColumnType = "text"
    choices: tuple[str, ...] = ()  # a dropdown; import refuses any other value (when `strict`)
    strict: bool = True  # False: choices taken from the document itself, which the clerk may extend
    id: bool = False  # unique in the sheet; existing ids are grey and locked


@dataclass(frozen=True)
class Sheet:
    title: str  # Thai, at most 31 characters
    path: tuple[str, ...]  # from the document root; '*' = each row of the parent sheet
    columns: tuple[Column, ...]
    form: Form = "rows"  # fields: one row per column (ช่อง | ค่า); rows: a list; pairs: a mapping
    parent: str = ""  # the title of the sheet whose rows own these rows

    @property
    def id_column(self) -> Column | None:
        return next((c for c in self.columns if c.id), None)


@dataclass(frozen=True)
class WorkbookLayout:
    sheets: tuple[Sheet, ...]

    def sheet(self, title: str) -> Sheet:
        return next(s for s in self.sheets if s.title == title)

    def columns_of(self, sheet: Sheet) -> tuple[Column, ...]:
        """A child sheet starts with the id of its parent row (same header as in the parent sheet)."""
        if not sheet.parent:
            return sheet.columns
        owner = self.sheet(sheet.parent).id_column
        assert owner is not None, sheet.parent
        return (Column(PARENT, owner.header, owner.type), *sheet.columns)

    def relative_path(self, sheet: Sheet) -> tuple[str, ...]:
        """The path of the sheet's list or mapping inside one row of its parent (or the document)."""
        return sheet.path[len(self.sheet(sheet.parent).path) + 1 :] if sheet.parent else sheet.path


def errata_sheet(title: str, path: tuple[str, ...], parent: str = "") -> Sheet:
    """The changes from the printed source (models.common.Erratum), a sheet of their own in every kind that has them."""
    columns = (
        Column("where", "ตำแหน่ง"),
        Column("original", "ข้อความตามต้นฉบับ"),
        Column("corrected", "ข้อความที่แก้ไข"),
        Column("reason", "เหตุผล"),
        Column("layout", "เป็นการจัดรูปแบบ (true/false)", choices=BOOLEANS),
    )
    return Sheet(title, path, columns, parent=parent)


@dataclass
class Row:
    owner: str | None  # the parent row's id
    key: str  # this row's id (its id column, or its running number)
    values: dict[str, Any]  # column key → the YAML value
    source: Any = None  # the YAML item (children are found inside it)
    cells: dict[str, str] = field(default_factory=dict)  # column key → cell ('B12'), filled on import


# --- reading the YAML side -------------------------------------------------------------------------------


def dig(value: Any, keys: tuple[str, ...] | list[str]) -> Any:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def collect_rows(layout: WorkbookLayout, doc: dict[str, Any]) -> dict[str, list[Row]]:
    """Every sheet's rows from the YAML data, parents before children."""
    rows: dict[str, list[Row]] = {}
    for sheet in layout.sheets:
        if sheet.form == "fields":
            continue
        owners: list[tuple[str | None, Any]] = [(None, doc)]
        if sheet.parent:
            owners = [(r.key, r.source) for r in rows[sheet.parent]]
        rows[sheet.title] = list(_rows_in(layout, sheet, owners))
    return rows


def _rows_in(layout: WorkbookLayout, sheet: Sheet, owners: list[tuple[str | None, Any]]) -> Iterator[Row]:
    number = 0
    for owner, source in owners:
        container = dig(source, layout.relative_path(sheet))
        for item in _items(sheet, container):
            number += 1
            id_column = sheet.id_column
            key = (
                str(number)
                if id_column is None or id_column.key == ROW_NUMBER
                else str(dig(item, id_column.key.split(".")))
            )
            yield Row(owner, key, item, source=item.get(MAP_VALUE, item) if sheet.form == "pairs" else item)


def _items(sheet: Sheet, container: Any) -> list[dict[str, Any]]:
    if sheet.form == "pairs" and isinstance(container, dict):
        return [{MAP_KEY: k, **v} if isinstance(v, dict) else {MAP_KEY: k, MAP_VALUE: v} for k, v in container.items()]
    if sheet.form == "rows" and isinstance(container, list):
        return [item if isinstance(item, dict) else {MAP_VALUE: item} for item in container]
    return []


def row_value(row: Row, column: Column) -> Any:
    if column.key == PARENT:
        return row.owner
    if column.key == ROW_NUMBER:
        return row.key
    if column.key in (MAP_KEY, MAP_VALUE):
        return row.values.get(column.key)
    return dig(row.values, column.key.split("."))


# --- cells -------------------------------------------------------------------------------------------------


def escape_text(text: str) -> str:
    """OWASP: a leading apostrophe before anything a spreadsheet reads as a formula (and before an apostrophe)."""
    return "'" + text if text.startswith("'") else neutralise_csv_cell(text)


def unescape_text(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def encode_cell(value: Any, column: Column) -> str | float | None:
    """The cell for a YAML value: a number in a number column, lines for a list of short texts, else text."""
    if value is None:
        return None
    if isinstance(value, str):
        return _number(value) if column.type == "number" and _number(value) is not None else escape_text(value)
    if column.type == "list" and isinstance(value, list) and all(_is_line(v) for v in value):
        return escape_text("\n".join(value))
    lines = encode_blocks(value) if column.type == "blocks" and isinstance(value, list) else None
    if lines is not None and not lines.startswith(YAML_MARK):
        return escape_text(lines)
    dumped = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)
    return f"{YAML_MARK}\n{dumped.rstrip()}"


def _is_line(value: Any) -> bool:
    return isinstance(value, str) and value != "" and "\n" not in value and not value.startswith(YAML_MARK)


def _number(text: str) -> float | None:
    try:
        parsed = parse_number(text)
    except ValueError:
        return None
    if not isinstance(parsed, str) or parsed == "":
        return None
    number = float(parsed)
    return int(number) if number.is_integer() and "." not in parsed else number


# --- the writer ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class About:
    unit: str
    document: str
    kind: str
    title: str


def write_workbook(layout: WorkbookLayout, doc: dict[str, Any], about: About) -> bytes:
    """The workbook of one document; same layout and data → same bytes."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"title": about.title, "created": CREATED, "language": "th-TH"})
    styles = _styles(book)
    choices = _choice_ranges(layout)
    rows = collect_rows(layout, doc)
    for sheet in layout.sheets:
        target = book.add_worksheet(sheet.title)
        if sheet.form == "fields":
            _write_fields(target, sheet, doc, styles, choices)
        else:
            _write_rows(target, layout.columns_of(sheet), rows[sheet.title], styles, choices)
    _write_about(book.add_worksheet(ABOUT_SHEET), about, styles)
    _write_choices(book.add_worksheet(CHOICES_SHEET), choices)
    book.close()
    return buffer.getvalue()


def _styles(book: Any) -> dict[str, Any]:
    return {
        "header": book.add_format(
            {"bold": True, "bg_color": "#D9D9D9", "text_wrap": True, "valign": "top", "locked": True}
        ),
        "locked": book.add_format({"bg_color": "#D9D9D9", "locked": True, "text_wrap": True, "valign": "top"}),
        "edit": book.add_format({"locked": False, "text_wrap": True, "valign": "top"}),
        # Why quote_prefix: Excel keeps the cell text even when the clerk edits it (no formula is parsed)
        "quoted": book.add_format({"locked": False, "text_wrap": True, "valign": "top", "quote_prefix": True}),
        "number": book.add_format({"locked": False, "valign": "top", "num_format": "#,##0.##"}),
    }


def _choice_ranges(layout: WorkbookLayout) -> dict[tuple[str, ...], str]:
    """Each distinct dropdown list → its range on the hidden choices sheet."""
    ranges: dict[tuple[str, ...], str] = {}
    for sheet in layout.sheets:
        for column in layout.columns_of(sheet):
            if column.choices and column.choices not in ranges:
                letter = xlsxwriter.utility.xl_col_to_name(len(ranges))
                ranges[column.choices] = f"='{CHOICES_SHEET}'!${letter}$1:${letter}${len(column.choices)}"
    return ranges


def _protect(target: Any) -> None:
    target.protect("", {"insert_rows": True, "delete_rows": True, "format_columns": True, "format_rows": True})


def _write_rows(
    target: Any, columns: tuple[Column, ...], rows: list[Row], styles: dict[str, Any], choices: Any
) -> None:
    for col, column in enumerate(columns):
        width = 14 if column.type in ("number", "date", "month") or column.id or column.key == PARENT else 40
        target.set_column(col, col, width, styles["number"] if column.type == "number" else styles["edit"])
        target.write_string(0, col, column.header, styles["header"])
        if column.choices:
            target.data_validation(1, col, EDITABLE_ROWS, col, _list_validation(column, choices))
    for row_no, row in enumerate(rows, start=1):
        for col, column in enumerate(columns):
            locked = column.id or column.key == PARENT
            _write_cell(target, row_no, col, encode_cell(row_value(row, column), column), styles, locked)
    target.freeze_panes(1, 0)
    _protect(target)


def _write_fields(target: Any, sheet: Sheet, doc: dict[str, Any], styles: dict[str, Any], choices: Any) -> None:
    target.set_column(0, 0, 36, styles["locked"])
    target.set_column(1, 1, 80, styles["edit"])
    for col, header in enumerate(FIELD_HEADERS):
        target.write_string(0, col, header, styles["header"])
    for row_no, column in enumerate(sheet.columns, start=1):
        target.write_string(row_no, 0, column.header, styles["locked"])
        _write_cell(
            target, row_no, 1, encode_cell(dig(doc, (*sheet.path, *column.key.split("."))), column), styles, False
        )
        if column.choices:
            target.data_validation(row_no, 1, row_no, 1, _list_validation(column, choices))
    target.freeze_panes(1, 0)
    _protect(target)


def _list_validation(column: Column, choices: dict[tuple[str, ...], str]) -> dict[str, Any]:
    return {
        "validate": "list",
        "source": choices[column.choices],
        "error_title": column.header[:32],
        "error_message": "เลือกค่าจากรายการเท่านั้น",
    }


def _write_cell(target: Any, row: int, col: int, value: Any, styles: dict[str, Any], locked: bool) -> None:
    if isinstance(value, str) and len(value) > EXCEL_CELL_CHARS:
        # Why refuse: Excel cuts a longer cell silently, and the import would then shorten the document
        raise ValueError(
            f"ข้อความยาว {len(value):,} ตัวอักษร เกินที่ Excel เก็บได้ในช่องเดียว ({EXCEL_CELL_CHARS:,}) แถวที่ {row + 1}"
        )
    if value is None:
        if locked:
            target.write_blank(row, col, None, styles["locked"])
        return
    if isinstance(value, int | float):
        target.write_number(row, col, value, styles["locked"] if locked else styles["number"])
        return
    style = "locked" if locked else ("quoted" if value.startswith("'") else "edit")
    target.write_string(row, col, value, styles[style])


def _write_about(target: Any, about: About, styles: dict[str, Any]) -> None:
    target.set_column(0, 0, 20)
    target.set_column(1, 1, 90)
    lines = [
        (ABOUT_LABELS["unit"], about.unit),
        (ABOUT_LABELS["document"], about.document),
        (ABOUT_LABELS["kind"], about.kind),
        ("ชื่อเอกสาร", about.title),
        ("วิธีใช้", "แก้ค่าในช่องสีขาว ช่องสีเทา (รหัส) แก้ไม่ได้ เลือกค่าจากรายการเมื่อมีลูกศร ห้ามใช้สูตร (ค่าที่ขึ้นต้นด้วย =)"),
        ("นำเข้า", f"python -m generator import-xlsx {about.document}.xlsx"),
    ]
    for row_no, (label, value) in enumerate(lines):
        target.write_string(row_no, 0, label, styles["header"])
        target.write_string(row_no, 1, escape_text(value), styles["locked"])
    _protect(target)


def _write_choices(target: Any, choices: dict[tuple[str, ...], str]) -> None:
    for col, values in enumerate(choices):
        for row_no, value in enumerate(values):
            target.write_string(row_no, col, value)
    target.hide()
    _protect(target)
