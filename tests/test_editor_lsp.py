"""The real yaml-language-server (as VS Code runs it) underlines each common mistake on the right line, using the
committed schemas/plan.schema.json, and underlines nothing in a correct file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.editor.lsp import Session, diagnostics, install_server

VALID = """\
title: แผนปฏิบัติการป้องกันการทุจริต
period:
  start: 2566
  end: 2570
projects:
  - id: anti-corruption-training
    mission: "1.1"
    name: โครงการอบรมคุณธรรม
    budget:
      2567: 5000
      2568: "5,000 บาท"
    duration:
      start: 2023-10-01
"""
# (case, text to replace, replacement, 1-based line the editor must underline)
MISTAKES = [
    ("budget in Thai words", "2567: 5000", "2567: ห้าพัน", 10),
    ("negative budget", "2567: 5000", "2567: -5000", 10),
    ("Gregorian year", "end: 2570", "end: 1999", 4),
    ("year written as money", "end: 2570", 'end: "2,564 บาท"', 4),
    ("Buddhist-era year in an ISO date", "start: 2023-10-01", "start: 2567-01-01", 13),
    ("unknown field", "    name: โครงการอบรมคุณธรรม", "    name: โครงการอบรมคุณธรรม\n    nmae: ซ้ำ", 9),
    ("missing field", '    mission: "1.1"\n', "", 6),
]


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("editor")
    files = {folder / "plan-valid.yml": VALID}
    for number, (_, old, new, _line) in enumerate(MISTAKES):
        assert old in VALID
        files[folder / f"plan-{number}.yml"] = VALID.replace(old, new)
    result = diagnostics(install_server(), ROOT / "schemas" / "plan.schema.json", files)
    return {path.stem: value for path, value in result.items()}


def test_a_correct_file_has_no_diagnostics(found: dict[str, list[dict[str, Any]]]) -> None:
    assert found["plan-valid"] == []


@pytest.mark.parametrize(("number", "case"), [(n, m[0]) for n, m in enumerate(MISTAKES)])
def test_each_mistake_is_underlined_on_its_line(found: dict[str, list[dict[str, Any]]], number: int, case: str) -> None:
    line = MISTAKES[number][3]
    lines = sorted({d["range"]["start"]["line"] + 1 for d in found[f"plan-{number}"]})
    assert line in lines, (case, found[f"plan-{number}"])


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Path]]:
    path = tmp_path_factory.mktemp("hover") / "plan-hover.yml"
    text = VALID + "    group: mandatory\n    \n"
    editor = Session(install_server(), ROOT / "schemas" / "plan.schema.json", {path: text})
    yield editor, path
    editor.close()


@pytest.mark.parametrize(
    ("line", "character", "title", "shown"),
    [
        (2, 3, "ปีงบประมาณเริ่มต้น", "start: 2567"),  # a number field (anyOf number | text)
        (13, 5, "กลุ่มโครงการ", "`mandatory`: โครงการที่ต้องดำเนินการ"),  # an optional enum field
        (0, 1, "ชื่อแผน", "title: ข้อความ"),
    ],
)
def test_hover_shows_the_thai_title_once_with_an_example(
    session: tuple[Session, Path], line: int, character: int, title: str, shown: str
) -> None:
    editor, path = session
    text = editor.at("textDocument/hover", path, line, character)["contents"]["value"]
    assert text.startswith(f"#### {title}\n"), text
    assert "||" not in text and shown in text, text


def test_completion_offers_keys_with_thai_text(session: tuple[Session, Path]) -> None:
    editor, path = session
    result = editor.at("textDocument/completion", path, 14, 4)
    items = {item["label"]: item for item in (result["items"] if isinstance(result, dict) else result)}
    assert {"budget_note", "remarks", "responsible"} <= set(items)
    for label in ("budget_note", "remarks", "responsible"):
        documentation = items[label]["documentation"]["value"]
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in documentation), documentation
        assert "null" not in items[label]["insertText"]
    assert "# หมายเหตุงบประมาณ" in items["budget_note"]["documentation"]["value"]
