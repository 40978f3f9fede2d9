"""Complaint statistics: every check with its exact Thai message, the model, the pages and the built site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.kinds.complaints import fiscal_months, personal_data_kind
from generator.kinds.complaints.model import ComplaintStats
from generator.site import load_and_check, render_site
from tests.conftest import DATA
from tests.helpers import stable_markdown

FILE = "data/units/mini/complaints-2567.yml"
NO_PERSONAL_DATA = "ข้อมูลเรื่องร้องเรียนเผยแพร่ได้เฉพาะตัวเลขสรุป ห้ามใส่ข้อมูลที่ระบุตัวบุคคล (hint: aggregates only, no personal data)"

MINI_COMPLAINTS = """\
fiscal_year: 2567
example: true
as_of: 2024-09-30
source: ทะเบียนทดสอบ
received: 3
by_month:
  2023-10: 1
  2024-09: 2
channels:
  - id: phone
    name: โทรศัพท์
by_channel:
  phone: 2
  other: 1
by_category:
  general:
    total: 2
    subtypes:
      - {name: ถนน, count: 2}
  corruption:
    total: 1
outcome:
  completed: 1
  in_progress: 1
  forwarded: 1
  rejected: 0
standard_days: 15
within_standard: 1
"""

CASES = {
    "outcomes do not add up": (
        MINI_COMPLAINTS.replace("completed: 1", "completed: 2"),
        f"{FILE}:22: outcome: ผลการดำเนินการรวมกันได้ 4 เรื่อง (แล้วเสร็จ 2 + อยู่ระหว่างดำเนินการ 1 + ส่งต่อ 1"
        " + ไม่รับพิจารณา 0) ไม่เท่ากับจำนวนเรื่องที่รับ 3 เรื่อง",
    ),
    "months do not add up": (
        MINI_COMPLAINTS.replace("2024-09: 2", "2024-09: 3"),
        f"{FILE}:6: by_month: จำนวนรายเดือนรวมกันได้ 4 เรื่อง ไม่เท่ากับจำนวนเรื่องที่รับ 3 เรื่อง",
    ),
    "channels do not add up": (
        MINI_COMPLAINTS.replace("phone: 2", "phone: 1"),
        f"{FILE}:12: by_channel: จำนวนตามช่องทางรวมกันได้ 2 เรื่อง ไม่เท่ากับจำนวนเรื่องที่รับ 3 เรื่อง",
    ),
    "categories do not add up": (
        MINI_COMPLAINTS.replace("  corruption:\n    total: 1", "  corruption:\n    total: 2"),
        f"{FILE}:15: by_category: จำนวนตามประเภทเรื่องรวมกันได้ 4 เรื่อง ไม่เท่ากับจำนวนเรื่องที่รับ 3 เรื่อง",
    ),
    "sub-types do not add up": (
        MINI_COMPLAINTS.replace("{name: ถนน, count: 2}", "{name: ถนน, count: 1}"),
        f"{FILE}:18: by_category.general.subtypes: ประเภทย่อยรวมกันได้ 1 เรื่อง ไม่เท่ากับจำนวนของประเภทร้องเรียนทั่วไป 2 เรื่อง",
    ),
    "month outside the fiscal year": (
        MINI_COMPLAINTS.replace("2024-09: 2", "2024-10: 2"),
        f"{FILE}:8: by_month.2024-10: เดือน 2024-10 อยู่นอกปีงบประมาณ 2567 (2023-10 ถึง 2024-09)",
    ),
    "month written in พ.ศ.": (
        MINI_COMPLAINTS.replace("2024-09: 2", "2567-09: 2"),
        f"{FILE}:8: by_month.2567-09: เดือน '2567-09' ใช้ปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ. เช่น 2024-09"
        " (hint: months use the Gregorian year, BE − 543)",
    ),
    "negative count received": (
        MINI_COMPLAINTS.replace("received: 3", "received: -3"),
        f"{FILE}:5: received: ค่า '-3' ติดลบไม่ได้",
    ),
    "negative count in a breakdown": (
        MINI_COMPLAINTS.replace("other: 1", "other: -1"),
        f"{FILE}:14: by_channel.other: ค่า '-1' ติดลบไม่ได้",
    ),
    "channel not declared": (
        MINI_COMPLAINTS.replace("  phone: 2", "  email: 2"),
        f"{FILE}:13: by_channel.email: ไม่มีช่องทาง 'email' ในรายการช่องทาง (channels) ของไฟล์นี้ ใช้ 'other' สำหรับช่องทางอื่น ๆ",
    ),
    "reserved channel id": (
        MINI_COMPLAINTS.replace("  - id: phone", "  - id: other")
        .replace("  phone: 2", "  other: 2")
        .replace("  other: 1\n", "")
        .replace("2024-09: 2", "2024-09: 1")
        .replace("received: 3", "received: 2")
        .replace("forwarded: 1", "forwarded: 0")
        .replace("  corruption:\n    total: 1\n", ""),
        f"{FILE}:10: channels[0].id: รหัส 'other' สงวนไว้สำหรับ อื่น ๆ ไม่ต้องประกาศในรายการช่องทาง",
    ),
    "more within the standard than completed": (
        MINI_COMPLAINTS.replace("within_standard: 1", "within_standard: 2"),
        f"{FILE}:28: within_standard: จำนวนที่แล้วเสร็จภายในมาตรฐาน 2 เรื่อง มากกว่าจำนวนที่ดำเนินการแล้วเสร็จ 1 เรื่อง",
    ),
    "a name in free text": (
        MINI_COMPLAINTS.replace("{name: ถนน, count: 2}", "{name: นายสมชาย ใจดี ร้องเรื่องถนน, count: 2}"),
        f"{FILE}:19: by_category.general.subtypes[0].name: ข้อความนี้ดูเหมือนมีชื่อบุคคล {NO_PERSONAL_DATA}",
    ),
    "a phone number in free text": (
        MINI_COMPLAINTS.replace("name: โทรศัพท์", "name: โทรศัพท์ (ผู้ร้อง 081-234-5678)"),
        f"{FILE}:11: channels[0].name: ข้อความนี้ดูเหมือนมีหมายเลขโทรศัพท์ {NO_PERSONAL_DATA}",
    ),
    "an ID number in free text": (
        MINI_COMPLAINTS.replace("source: ทะเบียนทดสอบ", "source: คำร้องของ 1-2345-67890-12-3"),
        f"{FILE}:4: source: ข้อความนี้ดูเหมือนมีเลขประจำตัวประชาชน 13 หลัก {NO_PERSONAL_DATA}",
    ),
    "a field for the complainant": (
        MINI_COMPLAINTS.replace("received: 3", "received: 3\ncomplainant: ใครก็ได้"),
        f"{FILE}:6: complainant: ไม่รู้จักช่อง 'complainant' (hint: unknown field)",
    ),
    "file name and year differ": (
        MINI_COMPLAINTS.replace("fiscal_year: 2567", "fiscal_year: 2568")
        .replace("2023-10: 1", "2024-10: 1")
        .replace("2024-09: 2", "2025-09: 2"),
        f"{FILE}:1: fiscal_year: ชื่อไฟล์ต้องเป็น complaints-2568.yml ให้ตรงกับปีงบประมาณ",
    ),
}


def _errors(data: Path) -> list[str]:
    _, problems = load_and_check(data)
    return [p.format().replace(str(data.parent) + "/", "") for p in problems if p.severity == "error"]


def _write(data: Path, text: str) -> None:
    (data / "units/mini/complaints-2567.yml").write_text(text, encoding="utf-8")


def test_valid_statistics_have_no_problems(mini_data: Path) -> None:
    _write(mini_data, MINI_COMPLAINTS)
    assert _errors(mini_data) == []


@pytest.mark.parametrize("case", list(CASES))
def test_bad_statistics_get_exact_thai_message(mini_data: Path, case: str) -> None:
    text, expected = CASES[case]
    _write(mini_data, text)
    assert _errors(mini_data) == [expected]


def test_total_only_is_valid_and_breakdowns_stay_unknown(mini_data: Path) -> None:
    _write(mini_data, "fiscal_year: 2567\nas_of: 2024-10-12\nsource: PESCA\nreceived: 137\n")
    assert _errors(mini_data) == []
    data, _ = load_and_check(mini_data)
    stats = data.units["mini"].of_kind(ComplaintStats)[0].model
    assert (stats.by_month, stats.by_channel, stats.by_category, stats.outcome) == (None, None, None, None)


# --- model --------------------------------------------------------------------------------------


def test_fiscal_months_run_october_to_september() -> None:
    months = fiscal_months(2567)
    assert (months[0], months[2], months[3], months[-1], len(months)) == (
        "2023-10",
        "2023-12",
        "2024-01",
        "2024-09",
        12,
    )


def test_month_keys_accept_thai_digits_and_single_digit_months() -> None:
    stats = ComplaintStats.model_validate(
        {"fiscal_year": "2567", "as_of": "2024-09-30", "source": "x", "received": "2", "by_month": {"๒๐๒๔-๑": "2"}}
    )
    assert stats.by_month == {"2024-01": 2}


def test_schema_has_no_place_for_a_person() -> None:
    with pytest.raises(ValidationError):
        ComplaintStats.model_validate(
            {"fiscal_year": "2567", "as_of": "2024-09-30", "source": "x", "received": "1", "complainant": "x"}
        )


@pytest.mark.parametrize(
    "text",
    [
        "ส่งถึงนายกองค์การบริหารส่วนตำบลบึงปรือ",
        "สายด่วน 1555",
        "นายอำเภอเทพารักษ์",
        "ข้อมูล ณ วันที่ 2024-09-30",
        "รับ 137 เรื่อง",
    ],
)
def test_ordinary_text_is_not_personal_data(text: str) -> None:
    assert personal_data_kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("นางสาวสุภาพร ทองรอด", "ชื่อบุคคล"),
        ("นาง วรางคณา", "ชื่อบุคคล"),
        ("โทร ๐๒-๓๒๑-๗๙๒๖", "หมายเลขโทรศัพท์"),
        ("0812345678", "หมายเลขโทรศัพท์"),
        ("1234567890123", "เลขประจำตัวประชาชน"),
    ],
)
def test_personal_data_is_recognised(text: str, kind: str) -> None:
    found = personal_data_kind(text)
    assert found is not None and found.startswith(kind)


# --- pages --------------------------------------------------------------------------------------


def test_zero_complaints_are_stated_plainly(mini_data: Path) -> None:
    text = (
        MINI_COMPLAINTS.replace("received: 3", "received: 0")
        .replace("2023-10: 1", "2023-10: 0")
        .replace("2024-09: 2", "2024-09: 0")
        .replace("phone: 2", "phone: 0")
        .replace("other: 1", "other: 0")
        .replace("total: 2", "total: 0")
        .replace("count: 2", "count: 0")
        .replace("total: 1", "total: 0")
        .replace("completed: 1", "completed: 0")
        .replace("in_progress: 1", "in_progress: 0")
        .replace("forwarded: 1", "forwarded: 0")
        .replace("within_standard: 1", "within_standard: 0")
    )
    _write(mini_data, text)
    page = render_site(mini_data).files["mini/complaints/2567/index.md"]
    assert "**ไม่มีเรื่องร้องเรียน** ในปีงบประมาณ พ.ศ. 2567" in page
    assert "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบในปีงบประมาณนี้" in page
    assert "ข้อมูลตัวอย่าง" in page


@pytest.fixture(scope="module")
def site() -> object:
    return render_site(DATA)


def test_year_page_tables(site: object) -> None:
    page = site.files["bma-district-suan-luang/complaints/2567/index.md"]  # type: ignore[attr-defined]
    assert "ข้อมูลตัวอย่าง" in page
    assert "| ต.ค. 2566 | 7 |" in page and "| ก.ย. 2567 | 6 |" in page
    assert "| สายด่วน 1555 / ระบบร้องทุกข์กรุงเทพมหานคร | 38 | 39.58 |" in page
    assert "| ดำเนินการแล้วเสร็จ | 84 | 87.50 |" in page
    assert "| **ทุจริตและประพฤติมิชอบ** | **2** |" in page
    assert "{: .table-caption }" in page  # every table has a caption


def test_real_bma_figure_keeps_only_what_the_source_gives(site: object) -> None:
    page = site.files["bma/complaints/2566/index.md"]  # type: ignore[attr-defined]
    assert "รับเรื่องร้องเรียน ๑๓๗ เรื่อง" in page
    assert "ข้อมูลตัวอย่าง" not in page
    assert "ระบบรับเรื่องกล่าวหา ร้องเรียน (PESCA)" in page and "๑๒ ตุลาคม ๒๕๖๖" in page
    assert "ไม่มีข้อมูลจำแนกรายเดือน" in page and "ไม่มีข้อมูลจำแนกตามช่องทาง" in page
    data = json.loads(site.assets["bma/complaints/2566/complaints-2566.json"])  # type: ignore[attr-defined]
    assert (data["received"], data["by_month"], data["outcome"], data["example"]) == (137, None, None, False)


def test_chart_data_matches_the_tables(site: object) -> None:
    data = json.loads(site.assets["sao-bueng-prue/complaints/2567/complaints-2567.json"])  # type: ignore[attr-defined]
    assert [m["received"] for m in data["months"]] == [1, 2, 1, 0, 2, 1, 1, 2, 1, 0, 2, 1]
    assert sum(data["by_channel"].values()) == data["received"] == 14


def test_built_site_links_statistics_from_the_unit_home(built_site: Path) -> None:
    for unit, year in (("sao-bueng-prue", 2567), ("bma-district-suan-luang", 2567), ("bma", 2566)):
        home = (built_site / unit / "index.html").read_text(encoding="utf-8")
        assert f'href="complaints/{year}/"' in home
        page = (built_site / unit / "complaints" / str(year) / "index.html").read_text(encoding="utf-8")
        assert "<table" in page
        assert (built_site / unit / "complaints/index.html").is_file()
    sao = (built_site / "sao-bueng-prue/complaints/2567/index.html").read_text(encoding="utf-8")
    assert "ข้อมูลตัวอย่าง" in sao and "<caption" in sao


# --- golden -------------------------------------------------------------------------------------

GOLDEN = Path(__file__).parent / "golden" / "complaints"



def test_golden_statistics_pages(site: object) -> None:
    """The complaint pages are pinned byte for byte; regenerate with UPDATE_GOLDEN=1 and review the diff."""
    import os

    files: dict[str, str] = site.files  # type: ignore[attr-defined]
    pages = {p: stable_markdown(t) for p, t in files.items() if "/complaints/" in p}
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its golden copy (UPDATE_GOLDEN=1 to accept)"
