"""ITA measures reports (seeds 002 and 003): model and check messages, generated Markdown, built site."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.kinds.ita.model import public_labels
from generator.models.common import Person
from generator.site import RenderedSite, load_and_check, render_site

ROOT = Path(__file__).resolve().parent.parent
REPORT = "data/units/mini/ita-2565.yml"
CONSOLIDATED = "data/units/mini/ita-consolidated-2565.yml"
LAST_YEAR = dt.date.today().year + 543 + 1

MINI_ITA = """\
title: รายงานทดสอบ
year: "2565"
tools:
  - tool: IIT
    indicators:
      - no: 1
        title: การปฏิบัติหน้าที่
        score: "89.94"
        measures:
          - items:
              - code: i1
                text: ข้อแรก
                score: "77.87"
              - code: i2
                text: ข้อสอง
                score: "76.4"
            results:
              - text: ผลแรก
                status: completed
            responsible:
              - ฝ่ายปกครอง
  - tool: EIT
    indicators:
      - no: 6
        title: คุณภาพการดำเนินงาน
        measures:
          - items:
              - code: e1
                text: ข้อภายนอก
"""

MINI_CONSOLIDATED = """\
title: รายงานภาพรวมทดสอบ
year: "2565"
tools:
  - tool: EIT
    issues:
      - indicator: 6
        title: คุณภาพการดำเนินงาน
        rows:
          - steps:
              - label: ๑.
                text: ขั้นตอนแรก
            responsible:
              - ทุกหน่วยงาน
            results:
              - ผลการดำเนินการ
"""

ITEMS = "tools[0].indicators[0].measures[0].items"
REPORT_CASES = {
    "item code of another tool": (
        MINI_ITA.replace("code: i2", "code: e2"),
        f"{REPORT}:14: {ITEMS}[1].code: รหัสข้อ 'e2' ไม่ใช่ข้อของ IIT (ข้อของ IIT ขึ้นต้นด้วย 'i')",
    ),
    "duplicate item code": (
        MINI_ITA.replace("code: i2", "code: i1"),
        f"{REPORT}:14: {ITEMS}[1].code: รหัสข้อ 'i1' ซ้ำกับบรรทัด 11",
    ),
    "malformed item code": (
        MINI_ITA.replace("code: i2", "code: I2"),
        f"{REPORT}:14: {ITEMS}[1].code: รูปแบบของ 'I2' ไม่ถูกต้อง (ต้องตรงกับ ^[ieo][1-9][0-9]?$)",
    ),
    "indicator of another tool": (
        MINI_ITA.replace("no: 6", "no: 9"),
        f"{REPORT}:24: tools[1].indicators[0].no: ตัวชี้วัดที่ 9 ไม่อยู่ในเครื่องมือ EIT (EIT มีตัวชี้วัดที่ 6–8)",
    ),
    "duplicate indicator": (
        MINI_ITA.replace("tool: EIT", "tool: IIT").replace("no: 6", "no: 1").replace("code: e1", "code: i3"),
        f"{REPORT}:24: tools[1].indicators[0].no: ตัวชี้วัดที่ 1 ซ้ำกับบรรทัด 6",
    ),
    "score above 100": (
        MINI_ITA.replace('score: "89.94"', 'score: "101"'),
        f"{REPORT}:8: tools[0].indicators[0].score: ค่า '101' ต้องไม่เกิน 100",
    ),
    "negative score": (
        MINI_ITA.replace('score: "77.87"', 'score: "-1"'),
        f"{REPORT}:13: {ITEMS}[0].score: ค่า '-1' ติดลบไม่ได้",
    ),
    "score with three decimals": (
        MINI_ITA.replace('score: "77.87"', 'score: "77.875"'),
        f"{REPORT}:13: {ITEMS}[0].score: คะแนน '77.875' มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
    ),
    "unknown result status": (
        MINI_ITA.replace("status: completed", "status: done"),
        f"{REPORT}:19: tools[0].indicators[0].measures[0].results[0].status: ค่า 'done' ใช้ไม่ได้"
        " ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: 'completed' or 'in_progress'",
    ),
    "Gregorian year": (
        MINI_ITA.replace('year: "2565"', 'year: "2022"'),
        f"{REPORT}:2: year: ปี 2022 ดูเหมือนเป็นปี ค.ศ. ปีงบประมาณต้องเขียนเป็น พ.ศ. เช่น 2565"
        " (hint: fiscal years are Buddhist-era years, CE + 543)",
    ),
    "person name written as text": (
        MINI_ITA.replace("- ฝ่ายปกครอง", "- นางสมศรี ใจดี หัวหน้าฝ่ายปกครอง"),
        f"{REPORT}:21: tools[0].indicators[0].measures[0].responsible[0]: 'นางสมศรี ใจดี หัวหน้าฝ่ายปกครอง'"
        " ดูเหมือนชื่อบุคคล ให้เขียนเป็น name: และ position: แทน (ระบบจะไม่เผยแพร่ชื่อ เว้นแต่ระบุ publish: true)",
    ),
    "phone number written as text": (
        MINI_ITA.replace("- ฝ่ายปกครอง", "- ฝ่ายปกครอง โทร ๐๒-๓๒๑-๗๙๒๖"),
        f"{REPORT}:21: tools[0].indicators[0].measures[0].responsible[0]: 'ฝ่ายปกครอง โทร ๐๒-๓๒๑-๗๙๒๖'"
        " มีหมายเลขโทรศัพท์ ให้ย้ายไปไว้ในช่อง phone: ของผู้รับผิดชอบ (ไม่เผยแพร่โดยค่าเริ่มต้น)",
    ),
    "unknown field": (
        MINI_ITA.replace('score: "89.94"', 'scroe: "89.94"'),
        f"{REPORT}:8: tools[0].indicators[0].scroe: ไม่รู้จักช่อง 'scroe' หมายถึง 'score' หรือไม่? (hint: unknown field)",
    ),
    "unknown numerals": (
        MINI_ITA.replace('year: "2565"', 'year: "2565"\nnumerals: roman'),
        f"{REPORT}:3: numerals: ค่า 'roman' ใช้ไม่ได้ ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: 'arabic' or 'thai'",
    ),
}


def _errors(data: Path) -> list[str]:
    _, problems = load_and_check(data)
    return [p.format().replace(str(data.parent) + "/", "") for p in problems if p.severity == "error"]


def _write(data: Path, name: str, text: str) -> None:
    (data / "units/mini" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", list(REPORT_CASES))
def test_report_bad_input_gets_exact_thai_message(mini_data: Path, case: str) -> None:
    text, expected = REPORT_CASES[case]
    _write(mini_data, "ita-2565.yml", text)
    assert _errors(mini_data) == [expected]


def test_good_mini_report_has_no_errors(mini_data: Path) -> None:
    _write(mini_data, "ita-2565.yml", MINI_ITA)
    _write(mini_data, "ita-consolidated-2565.yml", MINI_CONSOLIDATED)
    assert _errors(mini_data) == []


def test_file_name_must_match_the_year(mini_data: Path) -> None:
    _write(mini_data, "ita-2566.yml", MINI_ITA)
    assert _errors(mini_data) == ["data/units/mini/ita-2566.yml:2: year: ชื่อไฟล์ต้องเป็น ita-2565.yml ให้ตรงกับปีที่ประเมิน"]


def test_implausible_year(mini_data: Path) -> None:
    _write(mini_data, "ita-2599.yml", MINI_ITA.replace('year: "2565"', 'year: "2599"'))
    assert _errors(mini_data) == [
        f"data/units/mini/ita-2599.yml:2: year: ปีที่ประเมิน 2599 ไม่น่าเป็นไปได้ (ITA มีตั้งแต่ปี 2557 ถึง {LAST_YEAR})"
    ]


CONSOLIDATED_CASES = {
    "issue of another tool": (
        MINI_CONSOLIDATED.replace("indicator: 6", "indicator: 2"),
        f"{CONSOLIDATED}:6: tools[0].issues[0].indicator: ตัวชี้วัดที่ 2 ไม่อยู่ในเครื่องมือ EIT (EIT มีตัวชี้วัดที่ 6–8)",
    ),
    "person name in responsible": (
        MINI_CONSOLIDATED.replace("- ทุกหน่วยงาน", "- นายสมชาย ใจดี"),
        f"{CONSOLIDATED}:13: tools[0].issues[0].rows[0].responsible[0]: 'นายสมชาย ใจดี' ดูเหมือนชื่อบุคคล"
        " ให้เขียนเป็น name: และ position: แทน (ระบบจะไม่เผยแพร่ชื่อ เว้นแต่ระบุ publish: true)",
    ),
    "file name": (
        MINI_CONSOLIDATED.replace('year: "2565"', 'year: "2564"'),
        f"{CONSOLIDATED}:2: year: ชื่อไฟล์ต้องเป็น ita-consolidated-2564.yml ให้ตรงกับปีที่ประเมิน",
    ),
    "missing responsible": (
        MINI_CONSOLIDATED.replace("            responsible:\n              - ทุกหน่วยงาน\n", ""),
        f"{CONSOLIDATED}:9: tools[0].issues[0].rows[0].responsible: ต้องระบุช่องนี้ (ขาดข้อมูลที่จำเป็น)"
        " (hint: required field is missing)",
    ),
}


@pytest.mark.parametrize("case", list(CONSOLIDATED_CASES))
def test_consolidated_bad_input_gets_exact_thai_message(mini_data: Path, case: str) -> None:
    text, expected = CONSOLIDATED_CASES[case]
    _write(mini_data, "ita-consolidated-2565.yml", text)
    assert _errors(mini_data) == [expected]


def test_position_words_are_not_taken_for_names(mini_data: Path) -> None:
    text = MINI_ITA.replace("- ฝ่ายปกครอง", "- นายกองค์การบริหารส่วนตำบล\n              - นายอำเภอ")
    _write(mini_data, "ita-2565.yml", text)
    assert _errors(mini_data) == []


def test_names_are_published_only_when_marked() -> None:
    hidden = Person(name="นางสมศรี ใจดี", position="หัวหน้าฝ่ายปกครอง", phone="02-000-0000")
    shown = Person(name="นายสมชาย ผู้บริหาร", position="ผู้อำนวยการเขต", publish=True)
    assert public_labels(["ฝ่ายปกครอง", hidden, shown, "ฝ่ายปกครอง"]) == [
        "ฝ่ายปกครอง",
        "หัวหน้าฝ่ายปกครอง",
        "นายสมชาย ผู้บริหาร ผู้อำนวยการเขต",
    ]


def test_document_numerals_override_the_unit(mini_data: Path) -> None:
    _write(mini_data, "ita-2565.yml", MINI_ITA)
    arabic = render_site(mini_data).files["mini/ita/2565/index.md"]
    assert "| 89.94 |" in arabic
    _write(mini_data, "ita-2565.yml", MINI_ITA.replace('year: "2565"', 'year: "2565"\nnumerals: thai'))
    site = render_site(mini_data)
    thai = site.files["mini/ita/2565/index.md"]
    assert "| ๘๙.๙๔ |" in thai and "89.94" not in thai
    # Scores keep two decimals: 76.4 is shown as ๗๖.๔๐.
    assert "| ๗๖.๔๐ |" in site.files["mini/ita/2565/indicators/1/index.md"]


# --- the shipped sample data (seeds 002 and 003) ----------------------------------------------------------

SUAN_LUANG = "bma-district-suan-luang/ita/2565"
ITEMS_PER_INDICATOR = {1: 2, 2: 4, 3: 3, 4: 4, 5: 1, 6: 5, 7: 3, 8: 5, 9: 8, 10: 4}
SCORES = {1: "๘๙.๙๔", 2: "๗๗.๓๑", 3: "๘๔.๙๑", 4: "๗๗.๕๓", 5: "๘๗.๖๑", 6: "๗๙.๔๐", 7: "๗๙.๙๑", 8: "๗๙.๕๒"}


@pytest.fixture(scope="module")
def sample() -> RenderedSite:
    return render_site(ROOT / "data")


def test_sample_ita_files_have_no_problems() -> None:
    _, problems = load_and_check(ROOT / "data")
    assert [p.format() for p in problems if "/ita-" in p.path] == []


def test_indicator_scores_in_thai_digits(sample: RenderedSite) -> None:
    overview = sample.files[f"{SUAN_LUANG}/index.md"]
    for no, score in SCORES.items():
        assert re.search(rf"ตัวชี้วัดที่ {'๐๑๒๓๔๕๖๗๘๙'[no]} .*\| {score} \|", overview), no
    assert "| ๓๙ ข้อ |" in overview
    assert "ดำเนินการแล้วเสร็จ ๓๘ รายการ, ระหว่างดำเนินการ ๑ รายการ, ไม่ได้ระบุสถานะ ๓ รายการ" in overview
    assert not re.search(r"[0-9][0-9]\.[0-9][0-9]", overview)


@pytest.mark.parametrize("no", list(ITEMS_PER_INDICATOR))
def test_items_per_indicator(sample: RenderedSite, no: int) -> None:
    page = sample.files[f"{SUAN_LUANG}/indicators/{no}/index.md"]
    rows = re.findall(r"^\| \[[ieo]\d+\]\(#[ieo0-9-]+\) \|", page, flags=re.MULTILINE)
    assert len(rows) == ITEMS_PER_INDICATOR[no]


def test_item_scores_and_shared_rows(sample: RenderedSite) -> None:
    page = sample.files[f"{SUAN_LUANG}/indicators/2/index.md"]
    assert "| [i7](#i7-i8) | บุคลากรในหน่วยงานรู้เกี่ยวกับแผนการใช้จ่ายงบประมาณประจำปีของหน่วยงาน | ๕๓.๖๕ |" in page
    assert "## i7, i8 {#i7-i8}" in page
    assert 'ตามวัตถุประสงค์ <span class="badge badge--in_progress">ระหว่างดำเนินการ</span>' in page
    oit = sample.files[f"{SUAN_LUANG}/indicators/10/index.md"]
    assert "| [o36](#o36) | การประเมินความเสี่ยงทุจริตประจำปี | ๐.๐๐ |" in oit
    assert "| [o42](#o42) | มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน | - |" in oit


def test_named_staff_and_phones_are_not_published(sample: RenderedSite) -> None:
    pages = "\n".join(text for path, text in sample.files.items() if path.startswith(SUAN_LUANG))
    for private in ("อภัสราภรณ์", "วรางคณา", "วราภรณ์", "เดชา", "สุภาพร", "พันทิพา", "๓๒๑-๗๙๒๖", "๓๒๑๗๙๒๖", "๓๒๒๔๖๖๙"):
        assert private not in pages
    assert "- เจ้าพนักงานปกครองชำนาญการพิเศษ หัวหน้าฝ่ายปกครอง" in pages
    assert "- เจ้าหน้าที่ระบบงานคอมพิวเตอร์ปฏิบัติการ" in pages


def test_measures_overview(sample: RenderedSite) -> None:
    page = sample.files[f"{SUAN_LUANG}/measures/index.md"]
    assert "| ดำเนินการแล้วเสร็จ | ๓๘ |" in page and "| **รวม** | **๔๒** |" in page
    rows = re.findall(r"^\| \[[ieo]\d+(?:, [ieo]\d+)*\]\(\.\./indicators/\d+/index\.md#", page, flags=re.MULTILINE)
    assert len(rows) == 36  # 39 items in 36 rows (i7+i8, i13+i14, e6+e7 share a row)


def test_consolidated_report(sample: RenderedSite) -> None:
    page = sample.files["bma/ita/2565/consolidated/index.md"]
    assert "| จำนวนขั้นตอนหรือวิธีการ | ๕๙ ขั้นตอน |" in page
    assert "| [๕\\) การจัดการเรื่องทุจริตของหน่วยงาน](#issue-5) | IIT | ๑๒ |" in page
    assert "| ข้อมูล ณ | เมษายน ๒๕๖๕ |" in page
    assert page.count("*ผู้รับผิดชอบ:*") == 58
    assert "[สำนักงานเขตสวนหลวง](../../../../bma-district-suan-luang/ita/2565/index.md)" in page
    assert "The image shows" not in page


def test_unit_homes_link_the_reports(sample: RenderedSite) -> None:
    district = sample.files["bma-district-suan-luang/index.md"]
    assert "[รายงานผลการดำเนินการตามมาตรการ ITA ปี พ.ศ. 2565](ita/2565/index.md)" in district
    bma = sample.files["bma/index.md"]
    assert "[รายงานผลการดำเนินการตามมาตรการ ITA ภาพรวม ปี พ.ศ. ๒๕๖๕](ita/2565/consolidated/index.md)" in bma
    overview = sample.files[f"{SUAN_LUANG}/index.md"]
    assert "[รายงานผลภาพรวม](../../../bma/ita/2565/consolidated/index.md)" in overview


def test_built_site_has_the_ita_pages(built_site: Path) -> None:
    pages = ["", "measures/", *(f"indicators/{no}/" for no in ITEMS_PER_INDICATOR)]
    for page in pages:
        assert (built_site / SUAN_LUANG / page / "index.html").is_file(), page
    overview = (built_site / SUAN_LUANG / "index.html").read_text(encoding="utf-8")
    assert "๘๙.๙๔" in overview and 'href="indicators/1/"' in overview
    home = (built_site / "bma-district-suan-luang/index.html").read_text(encoding="utf-8")
    assert 'href="ita/2565/"' in home
    bma_home = (built_site / "bma/index.html").read_text(encoding="utf-8")
    assert 'href="ita/2565/consolidated/"' in bma_home
    consolidated = (built_site / "bma/ita/2565/consolidated/index.html").read_text(encoding="utf-8")
    assert 'id="issue-8"' in consolidated
    indicator = (built_site / SUAN_LUANG / "indicators/7/index.html").read_text(encoding="utf-8")
    assert 'id="e6-e7"' in indicator and 'href="#e6-e7"' in indicator
