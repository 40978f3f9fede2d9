"""Numbers and dates as Thai offices write them: accepted by a documented rule, or refused with a hint."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.site import load_and_check, render_site
from tests.helpers import MINI_PLAN

PLAN_FILE = "units/mini/plan-2566-2570.yml"


def _load(data: Path, text: str) -> tuple[object, list[str]]:
    (data / PLAN_FILE).write_text(text, encoding="utf-8")
    dataset, problems = load_and_check(data)
    errors = [f"{p.line}: {p.field}: {p.message}" for p in problems if p.severity == "error"]
    return dataset, errors


def _budget(data: Path, written: str) -> tuple[Decimal | None, list[str]]:
    dataset, errors = _load(data, MINI_PLAN.replace("2566: 5000", f'2566: "{written}"'))
    if errors:
        return None, errors
    plan = dataset.units["mini"].documents[0].model  # type: ignore[attr-defined]
    return plan.projects[0].budget[2566], []


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("5000", "5000"),
        ("5,000", "5000"),
        ("๕,๐๐๐", "5000"),
        ("๕๐๐๐", "5000"),
        ("5,000 บาท", "5000"),
        ("๕,๐๐๐บาท", "5000"),
        ("1,234,567.25", "1234567.25"),
        ("0.5", "0.5"),
        ("-", "0"),
        ("99,999,999,999,999,999,999", "99999999999999999999"),
    ],
)
def test_amounts_in_thai_office_style_are_accepted(mini_data: Path, written: str, value: str) -> None:
    amount, errors = _budget(mini_data, written)
    assert errors == [] and amount == Decimal(value)


@pytest.mark.parametrize(
    ("written", "fragment"),
    [
        ("5,000.-", "ไม่ต้องเขียน .- ท้ายจำนวนเงิน"),
        ("๕,๐๐๐.-บาท", "ไม่ต้องเขียน .- ท้ายจำนวนเงิน"),
        ("1,5", "ต้องคั่นทุก 3 หลัก"),
        ("50,00", "ต้องคั่นทุก 3 หลัก"),
        ("5000 บ.", "เขียนคำว่า บาท เต็ม"),
        ("5 000", "ไม่ใช่ตัวเลข"),
        ("1e9", "ไม่ใช่ตัวเลข"),
        ("1e999999999", "ไม่ใช่ตัวเลข"),
        ("NaN", "ไม่ใช่ตัวเลข"),
        ("Infinity", "ไม่ใช่ตัวเลข"),
        ("0x10", "ไม่ใช่ตัวเลข"),
        ("1_000", "ไม่ใช่ตัวเลข"),
        ("ห้าพันบาท", "ไม่ใช่ตัวเลข"),
        ("1" * 25, "ยาวเกิน 20 หลัก"),
        ("5,000.505", "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
    ],
)
def test_ambiguous_or_dangerous_amounts_are_refused_with_a_hint(mini_data: Path, written: str, fragment: str) -> None:
    amount, errors = _budget(mini_data, written)
    assert amount is None and len(errors) == 1
    assert errors[0].startswith("10: projects[0].budget.2566: ") and fragment in errors[0], errors


@pytest.mark.parametrize(
    ("year", "fragment"),
    [
        ("2023", "ดูเหมือนเป็นปี ค.ศ. ปีงบประมาณต้องเขียนเป็น พ.ศ. เช่น 2566"),
        ("66", "มีเพียง 2 หลัก ให้เขียนปี พ.ศ. เต็ม 4 หลัก เช่น 2566"),
        ("พ.ศ. 2566", "ไม่ต้องมีคำว่า พ.ศ. หรือ ปี"),
        ("ปี 2566", "ไม่ต้องมีคำว่า พ.ศ. หรือ ปี"),
    ],
)
def test_fiscal_years_must_be_buddhist_era_numbers(mini_data: Path, year: str, fragment: str) -> None:
    _, errors = _load(mini_data, MINI_PLAN.replace('start: "2566"', f'start: "{year}"'))
    assert len(errors) == 1 and errors[0].startswith("3: period.start: ") and fragment in errors[0], errors


def test_fiscal_year_keys_in_thai_digits_are_accepted(mini_data: Path) -> None:
    dataset, errors = _load(mini_data, MINI_PLAN.replace("2566: 5000", "๒๕๖๖: ๕,๐๐๐"))
    assert errors == []
    assert dataset.units["mini"].documents[0].model.projects[0].budget == {2566: Decimal(5000)}  # type: ignore[attr-defined]


def _with_start(date: str) -> str:
    return MINI_PLAN.replace("    budget:", f'    duration:\n      start: "{date}"\n    budget:', 1)


@pytest.mark.parametrize("date", ["2023-10-01", "๒๐๒๓-๑๐-๐๑", "2023-10-1"])
def test_iso_dates_in_either_digit_set_are_accepted(mini_data: Path, date: str) -> None:
    dataset, errors = _load(mini_data, _with_start(date))
    assert errors == []
    assert str(dataset.units["mini"].documents[0].model.projects[0].duration.start) == "2023-10-01"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("date", "fragment"),
    [
        ("2566-10-01", "ใช้ปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ. เช่น 2023-10-01"),
        ("01/10/2566", "วันที่นี้ให้เขียนเป็น 2023-10-01"),
        ("1/10/2023", "วันที่นี้ให้เขียนเป็น 2023-10-01"),
        ("๑/๑๐/๒๕๖๖", "วันที่นี้ให้เขียนเป็น 2023-10-01"),
        ("1 ต.ค. 2566", "ไม่ใช่วันที่แบบ ปปปป-ดด-วว (ค.ศ.)"),
        ("2023-02-30", "ไม่มีอยู่จริงในปฏิทิน"),
    ],
)
def test_wrong_dates_get_a_hint(mini_data: Path, date: str, fragment: str) -> None:
    _, errors = _load(mini_data, _with_start(date))
    assert len(errors) == 1 and errors[0].startswith("10: projects[0].duration.start: ") and fragment in errors[0], (
        errors
    )


def test_largest_accepted_amount_renders(mini_data: Path) -> None:
    (mini_data / PLAN_FILE).write_text(
        MINI_PLAN.replace("2566: 5000", '2566: "999,999,999,999,999,999.99"'), encoding="utf-8"
    )
    pages = render_site(mini_data).files
    assert any("999,999,999,999,999,999.99" in text for text in pages.values())
