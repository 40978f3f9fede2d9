"""Every bad-input case named in the foundation issue, with its exact Thai message."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main
from generator.site import load_and_check
from tests.helpers import MINI_PLAN

PLAN = "data/units/mini/plan-2566-2570.yml"

CASES = {
    "syntax error": (
        MINI_PLAN.replace("  - id: second", "  - id: [second"),
        f"{PLAN}:12: -: รูปแบบ YAML ไม่ถูกต้องที่คอลัมน์ 12: วงเล็บ '[' ที่เปิดไว้ที่บรรทัด 11 คอลัมน์ 9 ไม่ได้ปิดด้วย ']'"
        " หรือขาดเครื่องหมาย ',' ระหว่างค่า ถ้าข้อความมี '[' ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด"
        " (hint: while parsing a flow sequence: did not find expected ',' or ']')",
    ),
    "wrong type": (
        MINI_PLAN.replace('start: "2566"', "start: abc"),
        f"{PLAN}:3: period.start: 'abc' ไม่ใช่ปีงบประมาณ (ตัวอย่าง: 2567)",
    ),
    "unknown field": (
        MINI_PLAN.replace("    name: โครงการที่สอง", "    name: โครงการที่สอง\n    nmae: ซ้ำ"),
        f"{PLAN}:14: projects[1].nmae: ไม่รู้จักช่อง 'nmae' หมายถึง 'name' หรือไม่? (hint: unknown field)",
    ),
    "duplicate key": (
        MINI_PLAN.replace("    name: โครงการแรก", "    name: โครงการแรก\n    name: ซ้ำ"),
        f"{PLAN}:9: name: ช่อง 'name' ซ้ำกัน (ใช้ครั้งแรกที่บรรทัด 8) (hint: duplicate key)",
    ),
    "missing required field": (
        MINI_PLAN.replace("    name: โครงการที่สอง\n", ""),
        f"{PLAN}:11: projects[1].name: ต้องระบุช่องนี้ (ขาดข้อมูลที่จำเป็น) (hint: required field is missing)",
    ),
    "malformed มิติ code": (
        MINI_PLAN.replace('mission: "2.1"', 'mission: "5.1"'),
        f"{PLAN}:12: projects[1].mission: รูปแบบของ '5.1' ไม่ถูกต้อง (ต้องตรงกับ ^[1-4]\\.[1-9]$)",
    ),
    "unknown ภารกิจ code": (
        MINI_PLAN.replace('mission: "2.1"', 'mission: "2.9"'),
        f"{PLAN}:12: projects[1].mission: ไม่มีภารกิจ '2.9' ในกรอบแผน lg-2566-2570 (พ.ศ. 2566–2570)",
    ),
    "negative budget": (
        MINI_PLAN.replace("2566: 5000", "2566: -5000"),
        f"{PLAN}:10: projects[0].budget.2566: ค่า '-5000' ติดลบไม่ได้",
    ),
    "year outside the plan": (
        MINI_PLAN.replace("2566: 5000", "2571: 5000"),
        f"{PLAN}:10: projects[0].budget.2571: ปีงบประมาณ 2571 อยู่นอกช่วงของแผน (2566–2570)",
    ),
    "Gregorian fiscal year": (
        MINI_PLAN.replace("2566: 5000", "2023: 5000"),
        f"{PLAN}:10: projects[0].budget.2023: ปี 2023 ดูเหมือนเป็นปี ค.ศ. ปีงบประมาณต้องเขียนเป็น พ.ศ. เช่น 2566"
        " (hint: fiscal years are Buddhist-era years, CE + 543)",
    ),
    "Buddhist-era ISO date": (
        MINI_PLAN.replace("    budget:", "    duration:\n      start: 2566-10-01\n    budget:", 1),
        f"{PLAN}:10: projects[0].duration.start: วันที่ '2566-10-01' ใช้ปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ. เช่น"
        " 2023-10-01 (hint: ISO dates use the Gregorian year, BE − 543)",
    ),
}


def _errors(data: Path) -> list[str]:
    _, problems = load_and_check(data)
    shown = [p.format().replace(str(data.parent) + "/", "") for p in problems if p.severity == "error"]
    return shown


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gets_exact_thai_message(mini_data: Path, case: str) -> None:
    text, expected = CASES[case]
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    assert _errors(mini_data) == [expected]


def test_check_reports_every_problem_at_once(mini_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI_PLAN.replace("2566: 5000", "2566: -5000").replace('mission: "2.1"', 'mission: "9"')
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    (mini_data / "units/mini/unit.yml").write_text("id: mini\nname: ทดสอบ\ntype: city\n", encoding="utf-8")
    assert main(["check", str(mini_data)]) == 1
    err = capsys.readouterr().err
    assert "projects[0].budget.2566: ค่า '-5000' ติดลบไม่ได้" in err
    assert "projects[1].mission: รูปแบบของ '9' ไม่ถูกต้อง" in err
    assert "unit.yml:3: type: ค่า 'city' ใช้ไม่ได้" in err


def test_check_passes_with_warnings_on_shortfall(mini_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(mini_data)]) == 0
    err = capsys.readouterr().err
    assert "คำเตือน: แผนมี 2 โครงการ น้อยกว่าขั้นต่ำ 15 โครงการ" in err


def test_thai_digits_and_baht_suffix_are_accepted(mini_data: Path) -> None:
    text = MINI_PLAN.replace("2566: 5000", "2566: ๕,๐๐๐ บาท")
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    data, problems = load_and_check(mini_data)
    assert [p for p in problems if p.severity == "error"] == []
    plan = data.units["mini"].documents[0].model
    assert plan.projects[0].budget == {2566: 5000}


def test_yaml_implicit_typing_is_off(mini_data: Path) -> None:
    text = MINI_PLAN.replace("name: โครงการแรก", "name: NO").replace("id: second", "id: '0101'")
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    data, _ = load_and_check(mini_data)
    plan = data.units["mini"].documents[0].model
    assert plan.projects[0].name == "NO"
    assert plan.projects[1].id == "0101"


def test_printed_total_mismatch_is_an_error(mini_data: Path) -> None:
    text = MINI_PLAN.replace("projects:", "printed_totals:\n  by_year:\n    2566: 6000\nprojects:", 1)
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    assert _errors(mini_data) == [
        f"{PLAN}:7: printed_totals.by_year.2566: ยอดรวมปี 2566 ในต้นฉบับ 6,000 บาท ไม่ตรงกับที่คำนวณได้ 5,000 บาท"
    ]


def test_github_annotation_format(mini_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI_PLAN.replace("2566: 5000", "2566: -5000")
    (mini_data / "units/mini/plan-2566-2570.yml").write_text(text, encoding="utf-8")
    assert main(["check", str(mini_data), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert f"::error file={PLAN},line=10::projects[0].budget.2566: ค่า '-5000' ติดลบไม่ได้" in out
