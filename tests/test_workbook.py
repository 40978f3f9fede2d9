"""The clerk's path through Excel: export-xlsx → edit → import-xlsx, for every document kind and shipped file."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import types
import typing
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from generator.__main__ import build_parser, main
from generator.dataset import Dataset, load_dataset
from generator.kindapi import DocumentKind, sorted_kinds
from generator.site import KINDS
from generator.workbook import ABOUT_SHEET, CHOICES_SHEET, MAP_KEY, MAP_VALUE, ROW_NUMBER, WorkbookLayout
from generator.workbook_blocks import decode_blocks, encode_blocks
from generator.workbook_cli import export_workbook, import_workbook, kind_of_document
from tests.conftest import DATA

# Why slow: every import runs the whole check (pages rendered) on a copy of the data, ~0.5 s each, 60 of them.
pytestmark = pytest.mark.slow

SHIPPED = sorted(p for p in DATA.glob("units/*/*.yml") if p.name != "unit.yml")
EXPECTED_KINDS = {"plan", "progress", "complaints", "ita", "ita-consolidated", "oit"}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the shipped data that imports may rewrite."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def export_to(data: Path, unit: str, document: str, out: Path) -> Path:
    out.write_bytes(export_workbook(data, unit, document, KINDS))
    return out


def edit(path: Path, cells: dict[tuple[str, str], object]) -> Path:
    book = openpyxl.load_workbook(path)
    for (sheet, cell), value in cells.items():
        book[sheet][cell] = value
    book.save(path)
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_every_kind_has_a_workbook_and_a_shipped_file() -> None:
    assert {k.name for k in KINDS if k.workbook is not None} == EXPECTED_KINDS
    assert {kind_of_document(KINDS, p.stem).name for p in SHIPPED} == EXPECTED_KINDS  # type: ignore[union-attr]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_round_trip_is_byte_identical(path: Path, data: Path, tmp_path: Path) -> None:
    target = data / "units" / path.parent.name / path.name
    book = export_to(data, path.parent.name, path.stem, tmp_path / f"{path.stem}.xlsx")
    result = import_workbook(book, data, KINDS)
    assert result.errors == 0, result.problems
    assert result.text == path.read_text(encoding="utf-8")
    assert result.target == target


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_round_trip_from_a_new_file_gives_the_same_model(path: Path, data: Path, tmp_path: Path) -> None:
    """Without the old file (no comments to keep) the YAML is written fresh; it must still mean the same."""
    book = export_to(data, path.parent.name, path.stem, tmp_path / "doc.xlsx")
    (data / "units" / path.parent.name / path.name).unlink()
    result = import_workbook(book, data, KINDS)
    assert result.errors == 0, result.problems
    result.target.write_text(result.text, encoding="utf-8")
    fresh = load_dataset(data, sorted_kinds(KINDS)).units[path.parent.name]
    original = load_dataset(DATA, sorted_kinds(KINDS)).units[path.parent.name]
    [new_model] = [d.model for d in fresh.documents if d.stem == path.stem]
    [old_model] = [d.model for d in original.documents if d.stem == path.stem]
    assert new_model == old_model


def test_export_is_deterministic(data: Path) -> None:
    first = export_workbook(data, "sao-bueng-prue", "plan-2566-2570", KINDS)
    assert first == export_workbook(data, "sao-bueng-prue", "plan-2566-2570", KINDS)
    book = openpyxl.load_workbook(io.BytesIO(first))
    assert book.properties.created.year == 2000


def test_plan_workbook_headers_validations_and_protection(data: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx"))
    assert book.sheetnames == [
        "แผน",
        "โครงการ",
        "งบประมาณรายปี",
        "ความเสี่ยง",
        "ประเด็นความเสี่ยง",
        "แก้ไขจากต้นฉบับ",
        "แก้ไขจากต้นฉบับรายโครงการ",
        ABOUT_SHEET,
        CHOICES_SHEET,
    ]
    projects = book["โครงการ"]
    headers = [c.value for c in projects[1]]
    assert headers[:3] == ["รหัสโครงการ", "ภารกิจตามมิติ", "ภารกิจย่อย"]
    assert projects.protection.sheet
    assert projects["A2"].protection.locked and projects["A2"].fill.fgColor.rgb.endswith("D9D9D9")
    assert not projects["G2"].protection.locked  # the project name is editable
    missions = next(v for v in projects.data_validations.dataValidation if "B2" in str(v.sqref))
    assert missions.type == "list"
    column = missions.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    choices = [c.value for c in book[CHOICES_SHEET][column] if c.value]
    assert "1.1" in choices and "4.3" in choices
    assert book[CHOICES_SHEET].sheet_state == "hidden"
    budget = book["งบประมาณรายปี"]
    assert [c.value for c in budget[1]] == ["รหัสโครงการ", "ปีงบประมาณ", "งบประมาณ (บาท)"]
    assert isinstance(budget["C2"].value, int | float)


def test_other_kinds_have_dropdowns(data: Path, tmp_path: Path) -> None:
    progress = openpyxl.load_workbook(export_to(data, "sao-bueng-prue", "progress-2567-6m", tmp_path / "r.xlsx"))
    rules = {str(v.sqref).split(":")[0] for v in progress["ผลรายโครงการ"].data_validations.dataValidation}
    assert {"A2", "B2"} <= rules  # project id and status
    oit = openpyxl.load_workbook(export_to(data, "sao-bueng-prue", "oit-2566", tmp_path / "o.xlsx"))
    assert [c.value for c in oit["ข้อ OIT"][1]][:2] == ["รหัสข้อ", "หน้าที่เว็บไซต์นี้สร้าง (ชื่อย่อ)"]
    assert oit["ข้อ OIT"].data_validations.dataValidation


def test_an_edit_changes_only_its_line_and_keeps_comments(data: Path, tmp_path: Path) -> None:
    target = data / "units" / "sao-bueng-prue" / "progress-2567-12m.yml"
    before = target.read_text(encoding="utf-8")
    book = export_to(data, "sao-bueng-prue", "progress-2567-12m", tmp_path / "r.xlsx")
    edit(book, {("ผลรายโครงการ", "G2"): "เผยแพร่ครบทุกไตรมาสแล้ว"})
    assert main(["import-xlsx", str(book), "--data", str(data)]) == 0
    after = target.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [
        ('    change_note: "เผยแพร่ครบ 4 ไตรมาสและประเมินความรู้ผู้เข้าร่วมแล้ว"', '    change_note: "เผยแพร่ครบทุกไตรมาสแล้ว"')
    ]


def test_added_budget_row_and_text_starting_with_signs(data: Path, tmp_path: Path) -> None:
    book = export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx")
    sheet = openpyxl.load_workbook(book)["โครงการ"]
    edit(book, {("โครงการ", "U2"): "+ หมายเหตุ", ("โครงการ", "T2"): "-ผลลัพธ์หนึ่ง\n@ผลลัพธ์สอง"})
    result = import_workbook(book, data, KINDS)
    assert result.errors == 0, result.problems
    project = sheet["A2"].value
    assert f"  - id: {project}\n" in result.text
    assert "    remarks: + หมายเหตุ\n" in result.text
    assert "    outcomes:\n      - -ผลลัพธ์หนึ่ง\n      - '@ผลลัพธ์สอง'\n" in result.text


def test_data_text_is_never_a_formula(data: Path, tmp_path: Path) -> None:
    target = data / "units" / "sao-bueng-prue" / "plan-2566-2570.yml"
    text = target.read_text(encoding="utf-8")
    first_name = text.split("\n    name: ", 1)[1].split("\n", 1)[0]
    target.write_text(
        text.replace(f"\n    name: {first_name}\n", '\n    name: "=HYPERLINK(\\"http://x\\")"\n', 1), encoding="utf-8"
    )
    book = export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx")
    cell = openpyxl.load_workbook(book)["โครงการ"]["G2"]
    assert cell.data_type == "s" and cell.value == '\'=HYPERLINK("http://x")' and cell.quotePrefix
    result = import_workbook(book, data, KINDS)
    assert result.text == target.read_text(encoding="utf-8")


BAD_CASES = {
    "missing sheet": (
        lambda b: b.remove(b["งบประมาณรายปี"]),
        "p.xlsx:งบประมาณรายปี!A1: -: ไม่พบชีต 'งบประมาณรายปี' (อย่าลบหรือเปลี่ยนชื่อชีต)",
    ),
    "unknown sheet": (
        lambda b: b.create_sheet("Sheet1"),
        "p.xlsx:Sheet1!A1: -: ไม่รู้จักชีต 'Sheet1' ชีตที่ใช้ได้: แผน, โครงการ, งบประมาณรายปี, ความเสี่ยง, ประเด็นความเสี่ยง,"
        " แก้ไขจากต้นฉบับ, แก้ไขจากต้นฉบับรายโครงการ",
    ),
    "unknown column": (
        lambda b: b["โครงการ"].cell(1, 7, "ชื่อ"),
        "p.xlsx:โครงการ!G1: -: ไม่รู้จักคอลัมน์ 'ชื่อ' (อย่าแก้หัวตาราง)",
    ),
    "text in a number cell": (
        lambda b: b["งบประมาณรายปี"].cell(2, 3, "ห้าพันบาท"),
        "p.xlsx:งบประมาณรายปี!C2: งบประมาณ (บาท): ต้องเป็นตัวเลข แต่พบข้อความ 'ห้าพันบาท'",
    ),
    "code not in the framework": (
        lambda b: b["โครงการ"].cell(2, 2, "4.9"),
        "p.xlsx:โครงการ!B2: ภารกิจตามมิติ: ค่า '4.9' ไม่อยู่ในรายการที่เลือกได้: 1.1, 1.2, 1.3, 2.1, 2.2, 2.3,"
        " 3.1, 3.2, 3.3, 4.1, 4.2, 4.3",
    ),
    "duplicated id": (
        lambda b: b["โครงการ"].cell(3, 1, b["โครงการ"]["A2"].value),
        "p.xlsx:โครงการ!A3: รหัสโครงการ: 'law-knowledge-dissemination' ซ้ำกับแถวที่ 2 (รหัสโครงการ ต้องไม่ซ้ำกัน)",
    ),
    "formula": (
        lambda b: b["โครงการ"].cell(2, 7, '=A2&"x"'),
        "p.xlsx:โครงการ!G2: ชื่อโครงการ: ห้ามใช้สูตรคำนวณ (ค่าที่ขึ้นต้นด้วย =) ระบบไม่คำนวณสูตร ให้พิมพ์ค่าลงไปตรง ๆ",
    ),
    "missing column": (
        lambda b: b["โครงการ"].delete_cols(7),
        "p.xlsx:โครงการ!A1: ชื่อโครงการ: ไม่พบคอลัมน์ 'ชื่อโครงการ' ในแถวหัวตาราง",
    ),
    "renamed field": (
        lambda b: b["แผน"].cell(3, 1, "ชื่อ"),
        "p.xlsx:แผน!A3: -: ไม่รู้จักช่อง 'ชื่อ' (อย่าแก้ชื่อช่องในคอลัมน์ A)",
    ),
    "unknown parent": (
        lambda b: b["งบประมาณรายปี"].cell(2, 1, "no-such-project"),
        "p.xlsx:งบประมาณรายปี!A2: -: ไม่พบ 'no-such-project' ในชีต 'โครงการ'",
    ),
}


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_workbook_names_the_cell_and_writes_nothing(case: str, data: Path, tmp_path: Path) -> None:
    change, expected = BAD_CASES[case]
    book_path = export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(book_path)
    change(book)
    book.save(book_path)
    before = snapshot(data)
    result = import_workbook(book_path, data, KINDS)
    assert expected in result.problems
    assert result.errors >= 1
    assert main(["import-xlsx", str(book_path), "--data", str(data)]) == 1
    assert snapshot(data) == before


def test_every_problem_is_reported_at_once(data: Path, tmp_path: Path) -> None:
    book = export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx")
    edit(book, {("โครงการ", "B2"): "4.9", ("งบประมาณรายปี", "C2"): "abc", ("โครงการ", "G3"): "=1+1"})
    result = import_workbook(book, data, KINDS)
    assert [p.split(": ")[0] for p in result.problems] == [
        "p.xlsx:งบประมาณรายปี!C2",
        "p.xlsx:โครงการ!B2",
        "p.xlsx:โครงการ!G3",
    ]


def test_check_problems_point_at_the_cell(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same checks as `check` run on the new file; their `file:line` becomes the sheet and cell."""
    target = data / "units" / "sao-bueng-prue" / "progress-2567-12m.yml"
    before = target.read_bytes()
    book = export_to(data, "sao-bueng-prue", "progress-2567-12m", tmp_path / "r.xlsx")
    edit(book, {("ผลรายโครงการ", "C2"): 50})  # แล้วเสร็จ with 50 %
    assert main(["import-xlsx", str(book), "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "r.xlsx:ผลรายโครงการ!C2: projects[0].progress: " in err
    assert "ไม่ได้เขียนไฟล์ใด ๆ" in err
    assert target.read_bytes() == before


def test_not_a_workbook(data: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    result = import_workbook(bad, data, KINDS)
    assert result.problems == ["bad.xlsx:-!A1: -: เปิดไฟล์ Excel ไม่ได้ ต้องเป็นไฟล์ .xlsx ที่บันทึกจาก Excel หรือ LibreOffice"]


def test_commands_are_in_help() -> None:
    help_text = build_parser().format_help()
    assert "export-xlsx" in help_text and "import-xlsx" in help_text


def test_new_round_as_a_workbook(data: Path, tmp_path: Path) -> None:
    """new-round --xlsx writes no YAML; importing the workbook creates the round, checked like `check`."""
    book = tmp_path / "round.xlsx"
    target = data / "units" / "sao-bueng-prue" / "progress-2568-6m.yml"
    assert main(["new-round", "sao-bueng-prue", "2568", "6m", "--xlsx", "--data", str(data), "--out", str(book)]) == 0
    assert not target.exists()
    sheet = openpyxl.load_workbook(book)["รายงาน"]
    assert [sheet.cell(r, 2).value for r in range(4, 7)] == [2568, "6m", "2025-03-31"]
    assert main(["import-xlsx", str(book), "--data", str(data)]) == 0
    assert "round: 6m\nreport_date: 2025-03-31\n" in target.read_text(encoding="utf-8")


def covered_paths(layout: WorkbookLayout) -> set[tuple[str, ...]]:
    """The YAML paths the sheets hold ('*' = every item of a list or mapping)."""
    covered: set[tuple[str, ...]] = set()
    for sheet in layout.sheets:
        base = sheet.path if sheet.form == "fields" else (*sheet.path, "*")
        for column in sheet.columns:
            if column.key == MAP_VALUE:
                covered.add(base)
            elif column.key not in (MAP_KEY, ROW_NUMBER):
                covered.add((*base, *column.key.split(".")))
    return covered


def holds(covered: set[tuple[str, ...]], path: tuple[str, ...]) -> bool:
    """A mapping with fixed keys (by_category: general, corruption) may be a sheet of pairs ('*')."""
    return any(len(c) == len(path) and all(b in (a, "*") for a, b in zip(path, c, strict=True)) for c in covered)


def uncovered_fields(annotation: Any, path: tuple[str, ...], covered: set[tuple[str, ...]]) -> list[str]:
    if holds(covered, path):
        return []
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        inner = [a for a in args if a is not type(None)]
        return (
            uncovered_fields(inner[0], path, covered)
            if origin is typing.Annotated or len(inner) == 1
            else [".".join(path)]
        )
    if origin is list:
        return uncovered_fields(args[0], (*path, "*"), covered)
    if origin is dict:
        return uncovered_fields(args[1], (*path, "*"), covered)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [
            m
            for name, f in annotation.model_fields.items()
            for m in uncovered_fields(f.annotation, (*path, name), covered)
        ]
    return [".".join(path)]


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(DATA, sorted_kinds(KINDS))


@pytest.mark.parametrize("kind", [k for k in KINDS if k.workbook is not None], ids=lambda k: k.name)
def test_every_model_field_has_a_cell(kind: DocumentKind, shipped: Dataset) -> None:
    """A field no sheet holds would be dropped by import: a new model field must get a column too."""
    data = shipped
    unit = data.units["sao-bueng-prue"]
    assert kind.workbook is not None
    assert uncovered_fields(kind.model, (), covered_paths(kind.workbook(data, unit, None))) == []


def test_a_date_typed_in_excel_becomes_an_iso_date(data: Path, tmp_path: Path) -> None:
    book = export_to(data, "sao-bueng-prue", "progress-2567-12m", tmp_path / "r.xlsx")
    edit(book, {("รายงาน", "B6"): dt.datetime(2024, 9, 15)})
    result = import_workbook(book, data, KINDS)
    assert result.errors == 0, result.problems
    assert "\nreport_date: 2024-09-15\n" in result.text


def test_errors_caused_in_other_files_are_reported(data: Path, tmp_path: Path) -> None:
    """Renaming a project the progress rounds report on breaks those rounds: import refuses and says where."""
    book = export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx")
    edit(book, {("โครงการ", "A2"): "renamed-project"})
    result = import_workbook(book, data, KINDS)
    assert result.errors >= 1
    assert any(p.startswith("data/units/sao-bueng-prue/progress-2567-") for p in result.problems), result.problems


def test_text_longer_than_an_excel_cell_is_refused_on_export(data: Path) -> None:
    target = data / "units" / "sao-bueng-prue" / "complaints-2567.yml"
    folded = "".join("  " + "ก" * 10_000 + "\n" for _ in range(4))  # the loader refuses lines over 20,000
    target.write_text(target.read_text(encoding="utf-8") + "scope: >-\n" + folded, encoding="utf-8")
    with pytest.raises(ValueError, match="ข้อความยาว 40,003 ตัวอักษร เกินที่ Excel เก็บได้ในช่องเดียว"):
        export_workbook(data, "sao-bueng-prue", "complaints-2567", KINDS)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("[YAML]\na: &a [x, x]\nb: [*a, *a]", "ห้ามใช้ alias (*ชื่อ) ในข้อความ YAML ของช่อง ให้เขียนค่าซ้ำลงไปตรง ๆ"),
        ("[YAML]\n" + "[" * 100 + "]" * 100, "โครงสร้าง YAML ในช่องนี้ซ้อนกันลึกเกินไป (เกิน 60 ชั้น)"),
    ],
)
def test_hostile_yaml_in_a_cell_is_refused(cell: str, message: str, data: Path, tmp_path: Path) -> None:
    book = export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx")
    edit(book, {("แผน", "B12"): cell})
    result = import_workbook(book, data, KINDS)
    assert result.problems == [f"p.xlsx:แผน!B12: บทนำ (หัวข้ออื่น ๆ): {message}"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(data: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" * (201 * 1024 * 1024))
    result = import_workbook(bomb, data, KINDS)
    assert result.problems == ["bomb.xlsx:-!A1: -: ไฟล์ Excel นี้คลายออกแล้วใหญ่เกินไป (201 MB; สูงสุด 200 MB)"]


@pytest.mark.parametrize("document", ["plan-../../../../outside", "plan-2566-2570/../../x", "unit"])
def test_about_sheet_cannot_send_the_file_elsewhere(document: str, data: Path, tmp_path: Path) -> None:
    book = export_to(data, "sao-bueng-prue", "plan-2566-2570", tmp_path / "p.xlsx")
    edit(book, {(ABOUT_SHEET, "B2"): document})
    before = snapshot(tmp_path)
    result = import_workbook(book, data, KINDS)
    assert result.errors == 1 and "ไม่ใช่ชื่อเอกสารที่ส่งออกเป็น Excel ได้" in result.problems[0]
    assert snapshot(tmp_path) == before


def flags(annotation: Any, seen: set[Any]) -> Iterator[tuple[str, Any]]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is not None:
        for arg in args:
            yield from flags(arg, seen)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in seen:
        seen.add(annotation)
        for name, info in annotation.model_fields.items():
            if info.annotation is bool:
                yield f"{annotation.__name__}.{name}", info.default
            yield from flags(info.annotation, seen)


def test_every_flag_defaults_to_false() -> None:
    """import keeps an old 'x: false' that the sheet leaves blank: that is sound only while false is the default."""
    found = {name: default for kind in KINDS for name, default in flags(kind.model, set())}
    assert found and all(default is False for default in found.values()), found


def test_blocks_as_lines_both_ways() -> None:
    blocks = [
        "ย่อหน้าแรก",
        {"list": ["ข้อหนึ่ง", {"label": "2.1)", "text": "ข้อมีเลขกำกับ"}]},
        {"list": ["ลำดับหนึ่ง", "ลำดับสอง"], "ordered": "true"},
        "ย่อหน้าท้าย",
    ]
    lines = "ย่อหน้าแรก\n* ข้อหนึ่ง\n* 2.1) ข้อมีเลขกำกับ\n1. ลำดับหนึ่ง\n2. ลำดับสอง\nย่อหน้าท้าย"
    assert encode_blocks(blocks) == lines
    assert decode_blocks(lines) == blocks


def test_sub_items_and_targets_as_lines() -> None:
    blocks = [
        {
            "list": [
                {
                    "label": "(1)",
                    "text": "คดีทุจริตลดลง",
                    "target": {"comparator": "decrease", "value": "50", "unit": "ร้อยละ"},
                },
                {
                    "label": "(2)",
                    "text": "คะแนน ITA",
                    "items": [
                        {"text": "ผ่านเกณฑ์", "target": {"comparator": "at_least", "value": "85", "unit": "คะแนน"}},
                        "ข้อย่อย",
                    ],
                },
                {"text": "เพิ่มช่องทาง", "target": {"comparator": "increase"}},
            ]
        }
    ]
    lines = (
        "* (1) คดีทุจริตลดลง [เป้าหมาย: ลดลง 50 ร้อยละ]\n* (2) คะแนน ITA\n  * ผ่านเกณฑ์ [เป้าหมาย: ไม่น้อยกว่า 85 คะแนน]\n"
        "  * ข้อย่อย\n* เพิ่มช่องทาง [เป้าหมาย: เพิ่มขึ้น]"
    )
    assert encode_blocks(blocks) == lines
    assert decode_blocks(lines) == blocks


@pytest.mark.parametrize(
    "blocks",
    [
        ["1. ย่อหน้าที่ดูเหมือนรายการ"],
        [{"list": ["1) ข้อไม่มีเลขกำกับแต่ขึ้นต้นเหมือนเลขกำกับ"]}],
        [{"list": ["ก"]}, {"list": ["ข"]}],  # two lists in a row would read back as one
        [{"list": [{"text": "ค่าเป้าหมายที่เป็นข้อความ", "target": {"comparator": "at_least", "value": "ครึ่งหนึ่ง"}}]}],
        [{"list": [{"text": "ข้อความเท่านั้นแต่เป็น mapping"}]}],
        [{"table": {"rows": [["ก"]]}}],
    ],
)
def test_blocks_the_lines_cannot_hold_stay_yaml(blocks: list[Any]) -> None:
    assert encode_blocks(blocks) is None


def test_oit_content_pages_beside_data_are_seen_by_the_check(data: Path, tmp_path: Path) -> None:
    """The check runs on a copy of data/; content/ beside it must still be found (OIT `content:` targets)."""
    (tmp_path / "content" / "sao-bueng-prue").mkdir(parents=True)
    (tmp_path / "content" / "sao-bueng-prue" / "no-gift.md").write_text("# นโยบายไม่รับของขวัญ\n", encoding="utf-8")
    book = export_to(data, "sao-bueng-prue", "oit-2566", tmp_path / "o.xlsx")
    sheet = openpyxl.load_workbook(book)["ข้อ OIT"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 8).value)  # an item marked missing
    edit(book, {("ข้อ OIT", f"H{row}"): None, ("ข้อ OIT", f"D{row}"): "sao-bueng-prue/no-gift.md"})
    result = import_workbook(book, data, KINDS)
    assert result.errors == 0, result.problems
    assert "content: sao-bueng-prue/no-gift.md" in result.text


def test_export_command_writes_the_workbook(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.xlsx"
    assert main(["export-xlsx", "sao-bueng-prue", "complaints-2567", "--data", str(data), "--out", str(out)]) == 0
    assert out.read_bytes() == export_workbook(data, "sao-bueng-prue", "complaints-2567", KINDS)
    assert f"import-xlsx {out}" in capsys.readouterr().err
    assert main(["export-xlsx", "sao-bueng-prue", "complaints-2599", "--data", str(data), "--out", str(out)]) == 1
    assert "ไม่พบเอกสารนี้" in capsys.readouterr().err


_words = st.text(alphabet="กขค 1().*-[]:เป้าหมายไม่น้อยกว่าร้อยละ", min_size=1, max_size=12)
_targets = st.fixed_dictionaries(
    {"comparator": st.sampled_from(["at_least", "decrease"])},
    optional={"value": st.sampled_from(["80", "1,000", "ครึ่ง"]), "unit": st.sampled_from(["ร้อยละ", "5 ครั้ง", "]"])},
)
_items = st.recursive(
    _words,
    lambda inner: st.fixed_dictionaries(
        {"text": _words},
        optional={
            "label": st.sampled_from(["1)", "(2)", "ก)"]),
            "target": _targets,
            "items": st.lists(inner, max_size=2),
        },
    ),
    max_leaves=6,
)
_blocks = st.lists(
    st.one_of(
        _words,
        st.fixed_dictionaries({"list": st.lists(_items, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"list": st.lists(_words, min_size=1, max_size=3), "ordered": st.just("true")}),
    ),
    max_size=4,
)


@given(_blocks)
def test_lines_read_back_as_the_blocks_they_came_from(blocks: list[Any]) -> None:
    """Whatever the notation agrees to write, it reads back exactly; everything else is left to YAML."""
    lines = encode_blocks(blocks)
    if lines is not None:
        assert decode_blocks(lines) == blocks
