"""`python -m generator export-xlsx <unit> <document>` and `import-xlsx FILE.xlsx`: the clerk's path through Excel.

Import checks the workbook, builds the YAML in memory, then runs every check of `check` (late ones too) on a copy
of the data folder holding the new file; only when nothing is wrong is the file replaced (temp file + rename).
Problems are reported all at once as `FILE.xlsx:ชีต!B12: field: message`.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dataset import Dataset, UnitData, load_dataset, shown_path
from .document_workbooks import build_workbook
from .kindapi import DocumentKind, sorted_kinds
from .loader import SAFE_FILE_NAME, YamlDoc, YamlProblem, load_yaml
from .pipeline import check_site
from .problems import Problem, errors_only
from .workbook_import import CellProblem, WorkbookError, open_workbook, read_about, read_workbook
from .yaml_roundtrip import dump_yaml_text, merge_yaml

Loc = tuple[Any, ...]


def add_workbook_commands(sub: argparse._SubParsersAction, kinds: Sequence[DocumentKind]) -> None:  # type: ignore[type-arg]
    export = sub.add_parser("export-xlsx", help="ส่งออกเอกสารเป็นไฟล์ Excel ให้แก้ไข (export a document as a workbook)")
    export.add_argument("unit", help="รหัสหน่วยงาน เช่น sao-bueng-prue")
    export.add_argument("document", help="ชื่อไฟล์เอกสารไม่มี .yml เช่น plan-2566-2570, progress-2567-6m")
    export.add_argument("--out", type=Path, help="ไฟล์ที่จะเขียน (ค่าเริ่มต้น <document>.xlsx)")
    export.add_argument("--data", type=Path, default=Path("data"))
    export.set_defaults(func=cmd_export, kinds=kinds)
    imp = sub.add_parser("import-xlsx", help="นำไฟล์ Excel ที่แก้แล้วกลับเป็นไฟล์ YAML ในโฟลเดอร์หน่วยงาน (import a workbook)")
    imp.add_argument("file", type=Path, help="ไฟล์ .xlsx ที่ได้จาก export-xlsx")
    imp.add_argument("--data", type=Path, default=Path("data"))
    imp.add_argument("--templates", type=Path, default=Path("theme/generator"))
    imp.set_defaults(func=cmd_import, kinds=kinds)


def kind_of_document(kinds: Sequence[DocumentKind], document: str) -> DocumentKind | None:
    """The kind whose file pattern the document's file name matches (the most specific pattern wins)."""
    found = [k for k in kinds if k.workbook is not None and fnmatch.fnmatchcase(f"{document}.yml", k.pattern)]
    return max(found, key=lambda k: len(k.pattern), default=None)


def cmd_export(args: argparse.Namespace) -> int:
    try:
        content = export_workbook(args.data, args.unit, args.document, args.kinds)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    out: Path = args.out or Path(f"{args.document}.xlsx")
    out.write_bytes(content)
    print(f"เขียน {out} แล้ว แก้ไขใน Excel แล้วนำกลับด้วย python -m generator import-xlsx {out}", file=sys.stderr)
    return 0


def export_workbook(root: Path, unit_id: str, document: str, kinds: Sequence[DocumentKind]) -> bytes:
    data = load_dataset(root, sorted_kinds(kinds))
    unit, kind = _unit_and_kind(data, unit_id, document, kinds)
    path = root / "units" / unit_id / f"{document}.yml"
    if not path.is_file():
        raise ValueError(f"{shown_path(root, path)}: ไม่พบเอกสารนี้ ตรวจชื่อเอกสารอีกครั้ง (ไม่ต้องใส่ .yml)")
    try:
        doc = load_yaml(path, shown_path(root, path))
    except YamlProblem as exc:
        raise ValueError(exc.problem.format()) from None
    return build_workbook(data, unit, kind, document, doc.data)


def _unit_and_kind(
    data: Dataset, unit_id: str, document: str, kinds: Sequence[DocumentKind]
) -> tuple[UnitData, DocumentKind]:
    unit = data.units.get(unit_id)
    if unit is None:
        raise ValueError(f"ไม่พบหน่วยงาน '{unit_id}' (หรือ unit.yml ของหน่วยงานนี้มีข้อผิดพลาด ให้รัน python -m generator check)")
    kind = kind_of_document(kinds, document) if SAFE_FILE_NAME.fullmatch(f"{document}.yml") else None
    if kind is None:
        raise ValueError(
            f"'{document}' ไม่ใช่ชื่อเอกสารที่ส่งออกเป็น Excel ได้ (เช่น plan-2566-2570, progress-2567-6m, oit-2566)"
        )
    return unit, kind


# --- import ------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    target: Path
    text: str
    problems: list[str]  # formatted, errors first
    errors: int


def cmd_import(args: argparse.Namespace) -> int:
    result = import_workbook(args.file, args.data, args.kinds, args.templates)
    for line in result.problems:
        print(line, file=sys.stderr)
    if result.errors:
        print(f"พบข้อผิดพลาด {result.errors} รายการ ไม่ได้เขียนไฟล์ใด ๆ ({result.target} ยังเป็นฉบับเดิม)", file=sys.stderr)
        return 1
    write_atomically(result.target, result.text)
    print(f"เขียน {result.target} แล้ว ตรวจความถูกต้องผ่าน (เหมือน python -m generator check)", file=sys.stderr)
    return 0


def write_atomically(target: Path, text: str) -> None:
    """A half-written data file never exists: write beside it, then rename over it."""
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def import_workbook(
    file: Path, root: Path, kinds: Sequence[DocumentKind], templates: Path | None = None
) -> ImportResult:
    try:
        return _import(file, root, kinds, templates)
    except WorkbookError as exc:
        return ImportResult(root, "", [exc.problem.format()], 1)


def _import(file: Path, root: Path, kinds: Sequence[DocumentKind], templates: Path | None) -> ImportResult:
    book = open_workbook(file)
    about = read_about(book, file.name)
    data = load_dataset(root, sorted_kinds(kinds))
    try:
        unit, kind = _unit_and_kind(data, about["unit"], about["document"], kinds)
    except ValueError as exc:
        raise WorkbookError(CellProblem(file.name, "เกี่ยวกับไฟล์", "B1", "-", str(exc))) from None
    target = root / "units" / unit.id / f"{about['document']}.yml"
    old = _old_document(root, target)
    assert kind.workbook is not None
    imported = read_workbook(book, file.name, kind.workbook(data, unit, old.data if old else None))
    if imported.problems:
        return ImportResult(target, "", [p.format() for p in sorted(imported.problems)], len(imported.problems))
    text = (
        merge_yaml(target.read_text(encoding="utf-8"), old.data, imported.data)
        if old
        else dump_yaml_text(imported.data)
    )
    problems = check_new_text(root, target, text, kinds, templates)
    lines = [_format(p, file.name, target, root, imported.cells, text) for p in problems]
    return ImportResult(target, text, lines, len(errors_only(problems)))


def _old_document(root: Path, target: Path) -> YamlDoc | None:
    if not target.exists():
        return None
    try:
        return load_yaml(target, shown_path(root, target))
    except YamlProblem:  # Why: a file that does not even load is replaced whole (comments cannot be kept)
        return None


def check_new_text(
    root: Path, target: Path, text: str, kinds: Sequence[DocumentKind], templates: Path | None = None
) -> list[Problem]:
    """The problems `check` would report with the new file in place: all of the file's own, and the errors it
    causes in other files (a progress round naming a project the plan no longer has); other files' warnings and
    errors they already had are not the workbook's business."""
    with tempfile.TemporaryDirectory(prefix="import-xlsx-") as temp:
        copy = Path(temp) / root.resolve().name
        shutil.copytree(root, copy, symlinks=True)
        link_content(root.parent / "content", Path(temp) / "content")
        (copy / target.relative_to(root)).write_text(text, encoding="utf-8")
        after = check_site(copy, kinds, templates).problems
    shown = shown_path(root, target)
    elsewhere = [p for p in after if p.path != shown and p.severity == "error"]
    if elsewhere:  # Why only then: the second full check is needed just to tell new errors from old ones
        before = check_site(root, kinds, templates).problems
        old = {(p.path, p.field, p.message) for p in before}
        elsewhere = [p for p in elsewhere if (p.path, p.field, p.message) not in old]
    return sorted([*(p for p in after if p.path == shown), *elsewhere], key=_errors_first)


def link_content(content: Path, beside_copy: Path) -> None:
    """OIT maps may point at pages in content/ beside data/: the copy must see the same folder."""
    if not content.is_dir():
        return
    try:
        beside_copy.symlink_to(content.resolve(), target_is_directory=True)
    except OSError:  # Why: creating symlinks needs a privilege on Windows
        shutil.copytree(content, beside_copy)


def _errors_first(problem: Problem) -> tuple[bool, Problem]:
    return (problem.severity != "error", problem)


def _format(problem: Problem, name: str, target: Path, root: Path, cells: dict[Loc, tuple[str, str]], text: str) -> str:
    """A problem in the new file, shown at the workbook cell its line came from."""
    prefix = "" if problem.severity == "error" else "คำเตือน: "
    if problem.path != shown_path(root, target):
        return problem.format()
    sheet, cell = cell_of_line(problem.line, cells, text)
    return CellProblem(name, sheet, cell, problem.field, prefix + problem.message).format()


def cell_of_line(line: int, cells: dict[Loc, tuple[str, str]], text: str) -> tuple[str, str]:
    """The cell whose value is written on `line` of the new YAML (or the nearest one above it)."""
    with tempfile.TemporaryDirectory(prefix="import-xlsx-") as temp:
        path = Path(temp) / "new.yml"
        path.write_text(text, encoding="utf-8")
        lines = load_yaml(path, "new.yml").lines
    by_line: dict[int, tuple[str, str]] = {}
    for loc, cell in cells.items():
        if loc in lines:
            by_line.setdefault(lines[loc], cell)
    above = [n for n in by_line if n <= line]
    return by_line[max(above)] if above else next(iter(cells.values()), ("-", "A1"))
