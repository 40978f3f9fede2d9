"""Table → bytes: CSV (data.go.th conventions), JSON and XLSX, each byte-for-byte deterministic."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import xlsxwriter

from .tables import TYPE_LABELS, Table, Value

DATA_SHEET = "ข้อมูล"
NOTES_SHEET = "คำอธิบายคอลัมน์"


def format_csv_value(value: Value) -> str:
    """Plain machine-readable text: no thousands separators, ISO dates, true/false, '' for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise_csv_cell(text: str) -> str:
    """OWASP's rule: a text cell that a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + text if text.lstrip(" ").startswith(_FORMULA_START) else text


def json_value(value: Value) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_csv(table: Table) -> bytes:
    """UTF-8 (no BOM), comma-separated, first row = the English field names; text cells never start a formula."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    names = [c.name for c in table.spec.columns]
    writer.writerow(names)
    for row in table.rows:
        writer.writerow([csv_cell(row[n]) for n in names])
    return out.getvalue().encode("utf-8")


def csv_cell(value: Value) -> str:
    """A CSV cell: numbers and dates as they are, text neutralised so Excel never reads it as a formula."""
    text = format_csv_value(value)
    return neutralise_csv_cell(text) if isinstance(value, str) else text


def write_json(table: Table) -> bytes:
    """An array of records with the same keys and values as the CSV (numbers as JSON numbers)."""
    names = [c.name for c in table.spec.columns]
    records = [{n: json_value(row[n]) for n in names} for row in table.rows]
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_xlsx(table: Table, created: dt.datetime) -> bytes:
    """Sheet 1: the data under Thai headers; sheet 2: what each column means (in Thai)."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    # Why: the default 'created' is now(); a fixed date keeps two builds byte-identical.
    workbook.set_properties({"title": table.title, "created": created, "language": "th-TH"})
    _write_data_sheet(workbook, table)
    _write_notes_sheet(workbook, table)
    workbook.close()
    return buffer.getvalue()


def _write_data_sheet(workbook: Any, table: Table) -> None:
    sheet = workbook.add_worksheet(DATA_SHEET)
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    number = workbook.add_format({"num_format": "#,##0.##"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    columns = table.spec.columns
    for col, column in enumerate(columns):
        sheet.write_string(0, col, column.title, bold)
        sheet.set_column(col, col, 14 if column.type != "string" else 30)
    for row_no, row in enumerate(table.rows, start=1):
        for col, column in enumerate(columns):
            _write_cell(sheet, row_no, col, row[column.name], number, date)
    sheet.freeze_panes(1, 0)


def _write_cell(sheet: Any, row: int, col: int, value: Value, number: Any, date: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | Decimal):
        sheet.write_number(row, col, json_value(value), number if isinstance(value, Decimal) else None)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), date)
    else:
        sheet.write_string(row, col, str(value))


def _write_notes_sheet(workbook: Any, table: Table) -> None:
    sheet = workbook.add_worksheet(NOTES_SHEET)
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.write_string(0, 0, table.title, bold)
    sheet.write_string(1, 0, table.spec.description)
    headers = ("คอลัมน์ (ภาษาไทย)", "ชื่อฟิลด์ใน CSV/JSON", "ชนิดข้อมูล", "ต้องมีค่า", "คำอธิบาย")
    for col, text in enumerate(headers):
        sheet.write_string(3, col, text, bold)
    for row, column in enumerate(table.spec.columns, start=4):
        cells = (
            column.title,
            column.name,
            TYPE_LABELS[column.type],
            "ใช่" if column.required else "ไม่",
            column.description,
        )
        for col, text in enumerate(cells):
            sheet.write_string(row, col, text, wrap)
    for col, width in enumerate((30, 22, 22, 10, 70)):
        sheet.set_column(col, col, width)


def write_zip(files: Mapping[str, bytes], date: dt.date) -> bytes:
    """A ZIP whose bytes depend only on `files` and `date`: sorted entries, fixed times and attributes."""
    buffer = io.BytesIO()
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Why: ZipInfo defaults to the build machine's OS (0 on Windows)
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()
