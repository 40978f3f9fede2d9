"""Loader hardening: invisible characters dropped, keys compared as a clerk reads them, safe file names,
and YAML syntax errors explained in Thai with line, column and a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.loader as loader
from generator.__main__ import main
from generator.loader import YamlProblem, load_yaml
from generator.site import load_and_check
from tests.helpers import MINI_PLAN

PLAN = "data/units/mini/plan-2566-2570.yml"
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
)


def _load(tmp_path: Path, text: str, name: str = "doc.yml") -> object:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, name).data


def _problem(tmp_path: Path, text: str, name: str = "doc.yml") -> tuple[int, str]:
    with pytest.raises(YamlProblem) as caught:
        _load(tmp_path, text, name)
    return caught.value.problem.line, caught.value.problem.message


# --- invisible and bidi characters ------------------------------------------------------------


@pytest.mark.parametrize("char", list(INVISIBLE))
def test_invisible_characters_are_dropped_from_values_and_keys(tmp_path: Path, char: str) -> None:
    data = _load(tmp_path, f'ti{char}tle: น้ำ{char}ใจ\nlist:\n  - "ก{char}ข"\n')
    assert data == {"title": "น้ำใจ", "list": ["กข"]}


def test_thai_combining_marks_survive(tmp_path: Path) -> None:
    text = "title: ผู้ใหญ่ที่นี่ กิ๊ก ปั้น เก๋ ฯลฯ ๆ ๑๒๓"
    assert _load(tmp_path, text + "\n") == {"title": text[len("title: ") :]}


def test_no_bidi_mark_reaches_the_checked_model(mini_data: Path) -> None:
    text = MINI_PLAN.replace("title: แผนทดสอบ", "title: แผน\u202eทดสอบ\u2066").replace("โครงการแรก", "โครง\u200bการแรก")
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    data, _ = load_and_check(mini_data)
    plan = data.units["mini"].documents[0].model
    assert (plan.title, plan.projects[0].name) == ("แผนทดสอบ", "โครงการแรก")


# --- duplicate keys after normalisation ---------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [("๒๕๖๖", "2566"), ("2566", "๒๕๖๖"), ("２５６６", "2566"), ("25\u200b66", "2566"), ('"2566 "', "2566")],
)
def test_one_budget_year_in_two_spellings_is_a_duplicate(mini_data: Path, first: str, second: str) -> None:
    text = MINI_PLAN.replace("      2566: 5000", f"      {first}: 113000\n      {second}: 5")
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    _, problems = load_and_check(mini_data)
    shown = [p.format().replace(str(mini_data.parent) + "/", "") for p in problems if p.severity == "error"]
    assert len(shown) == 1
    assert shown[0].startswith(f"{PLAN}:11: ")
    assert "ซ้ำกัน (ใช้ครั้งแรกที่บรรทัด 10)" in shown[0]


def test_keys_differing_only_by_an_invisible_character_are_duplicates(tmp_path: Path) -> None:
    line, message = _problem(tmp_path, "name: ก\nna\u200bme: ข\n")
    assert line == 2 and "ซ้ำกัน" in message


# --- file names ---------------------------------------------------------------------------------

HOSTILE_NAMES = [
    "plan-2566-2570\n::error file=evil.yml,line=1::forged.yml",
    "complaints-2567::stop-commands::x.yml",
    "plan-2566-2570\x1b[31m.yml",
    "plan-2566 2570.yml",
    "แผน-2566.yml",
    "plan-\u202e2566.yml",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_unsafe_file_names_are_refused_and_shown_escaped(tmp_path: Path, name: str) -> None:
    line, message = _problem(tmp_path, "title: x\n", name)
    assert line == 1 and "ชื่อไฟล์" in message and "ใช้ไม่ได้" in message
    assert not any(c in message for c in "\n\r\x1b\u202e")


@pytest.mark.parametrize("name", ["plan-2566-2570.yml", "complaints-2567.yml", "oit_2566.v2.yaml", "unit.yml"])
def test_ordinary_file_names_pass(tmp_path: Path, name: str) -> None:
    assert _load(tmp_path, "title: x\n", name) == {"title": "x"}


def test_check_in_github_format_cannot_be_forged_by_a_file_name(
    mini_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_data / "units/mini" / HOSTILE_NAMES[0]).write_text(MINI_PLAN, encoding="utf-8")
    (mini_data / "units/mini" / HOSTILE_NAMES[1]).write_text("fiscal_year: 2567\n", encoding="utf-8")
    assert main(["check", str(mini_data), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith(("::error file=data/units/mini/", "::warning file=data/units/mini/")) for line in lines)
    refused = [line for line in lines if "ชื่อไฟล์" in line and "%3A%3A" in line]
    assert len(refused) == 2, lines


# --- Thai YAML syntax messages ------------------------------------------------------------------

SYNTAX = {
    "tab indent": ("a:\n\tb: 1\n", 2, "คอลัมน์ 1", "แท็บ"),
    "tab inside a block": ("a:\n  b: 1\n\t c: 2\n", 3, "คอลัมน์ 1", "แท็บ"),
    "bad indentation": ("a:\n  b: 1\n c: 2\n", 3, "คอลัมน์ 2", "การย่อหน้าไม่ถูกต้อง"),
    "deeper then shallower": ("a:\n    b: 1\n  c: 2\n", 3, "คอลัมน์ 3", "การย่อหน้าไม่ถูกต้อง"),
    "missing colon": ("a: 1\nb\nc: 2\n", 2, "คอลัมน์ 1", "ไม่พบเครื่องหมาย ':'"),
    "mapping values not allowed": ("title: เวลา: 9.00 น.\n", 1, "คอลัมน์ 12", "ครอบทั้งข้อความด้วยเครื่องหมายคำพูด"),
    # The parser stumbles on line 3, but the missing ':' is on line 2: the clerk is sent there.
    "colon after a missing colon": ("a:\n  b 1\n  c: 2\n", 2, "คอลัมน์ 3", "ไม่พบเครื่องหมาย ':'"),
    "unclosed double quote": ('a: "abc\nb: 2\n', 1, "คอลัมน์ 4", "เครื่องหมายคำพูดที่เปิดไว้ที่บรรทัด 1 คอลัมน์ 4"),
    "unclosed single quote": ("a: 'abc\nb: 2\n", 1, "คอลัมน์ 4", "ไม่มีตัวปิด"),
    "unclosed bracket": ("a: [1, 2\nb: 3\n", 2, "คอลัมน์ 2", "วงเล็บ '[' ที่เปิดไว้ที่บรรทัด 1 คอลัมน์ 4"),
    "unclosed brace": ("a: {x: 1\nb: 3\n", 2, "คอลัมน์ 2", "วงเล็บ '{' ที่เปิดไว้ที่บรรทัด 1"),
    "missing dash": ("- a\nb: 1\n", 2, "คอลัมน์ 1", "ขึ้นต้นด้วย '- '"),
    "token": ("a: @x\n", 1, "คอลัมน์ 4", "อักขระ '@' ขึ้นต้นค่าใน YAML ไม่ได้"),
    "backtick": ("a: `x`\n", 1, "คอลัมน์ 4", "อักขระ '`'"),
}


@pytest.mark.parametrize("case", list(SYNTAX))
def test_yaml_syntax_errors_are_explained_in_thai(tmp_path: Path, case: str) -> None:
    text, line, column, fragment = SYNTAX[case]
    got_line, message = _problem(tmp_path, text)
    assert got_line == line, message
    assert message.startswith(f"รูปแบบ YAML ไม่ถูกต้องที่{column}: "), message
    assert fragment in message, message
    assert "(hint: " in message  # the English original follows for whoever helps the clerk
    english = message.split("(hint: ")[-1]
    assert all(ord(c) < 0x0E00 for c in english)


def test_an_unchanged_file_is_parsed_once_and_a_changed_one_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Why: `mkdocs serve` re-checks every file after each save; only the saved file should be parsed again.
    parsed: list[str] = []
    real = loader.parse_yaml
    monkeypatch.setattr(loader, "parse_yaml", lambda text, shown: parsed.append(shown) or real(text, shown))
    path = tmp_path / "cached.yml"
    path.write_text("name: หนึ่ง\n", encoding="utf-8")
    first = load_yaml(path, "cached.yml")
    first.data["name"] = "แก้ในหน่วยความจำ"  # a caller changing its copy must not change the next load
    assert load_yaml(path, "cached.yml").data == {"name": "หนึ่ง"} and parsed == ["cached.yml"]
    path.write_text("name: สอง\n", encoding="utf-8")  # same size, maybe same mtime: the bytes decide
    assert load_yaml(path, "cached.yml").data == {"name": "สอง"} and len(parsed) == 2
    path.write_text("name: [\n", encoding="utf-8")
    with pytest.raises(YamlProblem):
        load_yaml(path, "cached.yml")
    with pytest.raises(YamlProblem):  # a failure is never served from the cache
        load_yaml(path, "cached.yml")
