"""`python -m generator import-docx`: Word plans (built here from the seed texts with python-docx) → draft YAML + report."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from bench.docx_seeds import SEEDS, build_card_tables_docx, build_docx, seed_text
from bench.import_quality import score, shipped
from generator.__main__ import main
from generator.kinds.plan.docx_import import import_docx
from generator.loader import load_yaml
from generator.models.plan import Plan

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")


def recovered(seed: int, unit: str, tmp_path: Path, build=build_docx) -> dict:  # type: ignore[no-untyped-def]
    draft = import_docx(build(seed_text(seed), tmp_path / f"seed{seed}.docx"))
    return score(shipped(unit), draft.document)


def exact(counts: dict, field: str) -> tuple[int, int]:  # type: ignore[type-arg]
    return counts[field]["exact"], counts[field]["total"]


@needs_seeds
def test_seed_001_cards_give_the_shipped_hierarchy_names_durations_and_responsible(tmp_path: Path) -> None:
    counts = recovered(1, "sao-bueng-prue", tmp_path)
    for field in ("mission", "sub_mission", "responsible", "budget_text"):
        assert exact(counts, field)[0] == exact(counts, field)[1], field
    assert exact(counts, "name")[0] >= 17 and exact(counts, "duration")[0] >= 17
    assert counts["outputs"]["text"] >= 16 and counts["method"]["exact"] >= 10
    assert exact(counts, "budget") == (3, 4)  # the fourth (card 16) has no ลำดับที่ to find its table row


@needs_seeds
def test_seed_001_as_two_column_card_tables_gives_the_same_fields(tmp_path: Path) -> None:
    counts = recovered(1, "sao-bueng-prue", tmp_path, build_card_tables_docx)
    assert exact(counts, "mission") == (18, 18) and exact(counts, "responsible") == (17, 17)
    assert exact(counts, "name")[0] >= 17 and counts["objectives"]["exact"] >= 9


@needs_seeds
def test_seed_000_cards_give_groups_durations_and_responsible(tmp_path: Path) -> None:
    counts = recovered(0, "bma-district-suan-luang", tmp_path)
    assert exact(counts, "group") == (22, 22) and exact(counts, "responsible") == (22, 22)
    assert exact(counts, "duration")[0] >= 20 and exact(counts, "name")[0] >= 18
    assert counts["mission"]["exact"] == 0  # seed 000 prints no ภารกิจ: reported, never guessed


@needs_seeds
def test_seed_004_table_gives_codes_item_numbers_and_remarks(tmp_path: Path) -> None:
    counts = recovered(4, "bma-finance-department", tmp_path)
    for field in ("mission", "sub_mission", "item_no"):
        assert exact(counts, field) == (10, 10), field
    assert counts["remarks"]["text"] == 10 and counts["outputs"]["text"] == 7 and counts["outcomes"]["text"] >= 9


@needs_seeds
def test_seed_001_draft_loads_with_the_plan_model(tmp_path: Path) -> None:
    source = build_docx(seed_text(1), tmp_path / "seed1.docx")
    out = tmp_path / "draft" / "plan.yml"
    assert main(["import-docx", str(source), "--out", str(out)]) == 0
    plan = Plan.model_validate(load_yaml(out, str(out)).data)
    assert len(plan.projects) == 18 and plan.period.start == 2566
    report = out.with_name("plan.report.txt").read_text(encoding="utf-8")
    # card 3 says only "5,000 บาท" over five years: the per-year amounts come from the plan's own budget table (row "3)")
    assert plan.projects[2].budget == {year: 5000 for year in range(2566, 2571)}
    assert re.search(r"ย่อหน้าที่ \d+: \[โครงการที่ 3 · งบประมาณ\] งบประมาณรายปีนำมาจากตารางงบประมาณของแผน แถว 3\)", report)
    # card 16 prints no "ลำดับที่", so no table row can be tied to it: reported, not guessed
    assert re.search(r"ย่อหน้าที่ \d+: \[โครงการที่ 16 · งบประมาณ\] งบประมาณ 10,000 บาท แต่ระยะเวลามี 5 ปีงบประมาณ", report)
    assert plan.projects[15].budget == {}


MESSY = [
    "แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2567 - 2571)",  # 1
    "1.1 ภารกิจทดสอบ",  # 2
    "1. ชื่อโครงการ : โครงการทดสอบ",  # 3
    "ข้อความหลงที่อยู่ต่อจากชื่อ",  # 4: paragraph out of place
    "2. หลักการและเหตุผล",  # 5
    "เหตุผลของโครงการ",  # 6
    "6. ระยะเวลาดำเนินการ",  # 7
    "ปีงบประมาณ พ.ศ. 2567",  # 8
    "7. งบประมาณดำเนินการ",  # 9
    "ห้าพันบาทถ้วน",  # 10: budget in words
    "8. ผู้รับผิดชอบ",  # 11
    "กองทดสอบ",  # 12
    "9. ข้อเสนอแนะ",  # 13: unknown heading
    "เนื้อหาใต้หัวข้อแปลก",  # 14
    "10. ผลผลิต/ผลลัพธ์",  # 15
    "ข้อความก่อนหัวข้อย่อย",  # 16
    "ผลผลิต",  # 17
    "1) จัดอบรม 1 ครั้ง",  # 18
]


def test_a_messy_document_yields_report_lines_with_paragraph_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    for text in MESSY:
        document.add_paragraph(text)
        document.add_paragraph("")  # blank lines are not counted
    document.save(str(tmp_path / "messy.docx"))
    draft = import_docx(tmp_path / "messy.docx")
    lines = [note.format() for note in draft.notes]
    for number, words in (
        (4, "ข้อความหลง"),
        (10, "ห้าพันบาท"),
        (13, "ข้อเสนอแนะ"),
        (14, "เนื้อหาใต้หัวข้อแปลก"),
        (16, "ข้อความก่อน"),
    ):
        assert any(line.startswith(f"ย่อหน้าที่ {number}:") and words in line for line in lines), (number, lines)
    project = draft.document["projects"][0]
    assert project["mission"] == "1.1" and project["responsible"] == "กองทดสอบ" and "budget" not in project
    assert project["outputs"] == [{"list": [{"label": "1)", "text": "จัดอบรม 1 ครั้ง"}]}]
    assert project["duration"] == {"text": "ปีงบประมาณ พ.ศ. 2567", "fiscal_years": ["2567"]}


def test_a_card_in_a_table_reports_table_row_and_cell(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2567 - 2571)")
    table = document.add_table(rows=3, cols=2)
    for row, (head, body) in enumerate(
        (("1. ชื่อโครงการ", "โครงการในตาราง"), ("7. งบประมาณ", "หนึ่งหมื่นบาท"), ("8. ผู้รับผิดชอบ", "กองคลัง"))
    ):
        table.cell(row, 0).text, table.cell(row, 1).text = head, body
    document.save(str(tmp_path / "table.docx"))
    draft = import_docx(tmp_path / "table.docx")
    assert draft.document["projects"][0]["name"] == "โครงการในตาราง"
    assert draft.document["projects"][0]["responsible"] == "กองคลัง"
    assert any(n.where == "ตารางที่ 1 แถวที่ 2 ช่องที่ 2" and "หนึ่งหมื่นบาท" in n.text for n in draft.notes)


def test_a_file_that_is_not_docx_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "plan.docx"
    fake.write_text("ไม่ใช่ไฟล์ Word", encoding="utf-8")
    out = tmp_path / "drafts" / "plan.yml"
    assert main(["import-docx", str(fake), "--out", str(out)]) == 1
    assert "ไม่ใช่ไฟล์ Word" in capsys.readouterr().err
    assert not out.parent.exists()


def test_an_existing_draft_or_a_file_in_data_is_never_overwritten(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2567 - 2571)")
    document.add_paragraph("1. ชื่อโครงการ : โครงการหนึ่ง")
    document.save(str(tmp_path / "one.docx"))
    out = tmp_path / "plan.yml"
    out.write_text("เดิม", encoding="utf-8")
    assert main(["import-docx", str(tmp_path / "one.docx"), "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "เดิม"
    data = tmp_path / "data"
    inside = data / "units" / "x" / "plan-2567-2571.yml"
    assert main(["import-docx", str(tmp_path / "one.docx"), "--out", str(inside), "--data", str(data)]) == 1
    assert not inside.exists()
    assert main(["import-docx", str(tmp_path / "one.docx"), "--unit", "sao-x", "--data", str(data)]) == 0
    assert (tmp_path / "drafts" / "sao-x" / "plan-2567-2571.yml").is_file()


def test_the_command_is_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "import-docx" in capsys.readouterr().out


def yearly_table(tmp_path: Path, merged: bool) -> Path:
    """A table-layout plan with one budget column per fiscal year (under a merged "งบประมาณ" header when `merged`)."""
    document = docx.Document()
    document.add_paragraph("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๖๗ - ๒๕๗๑)")
    head = ["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", "๒๕๖๗", "๒๕๖๘", "วิธีดำเนินการ", "ตัวชี้วัด/ผลลัพธ์", "ผู้รับผิดชอบ"]
    rows = [
        ["๑. การสร้างวัฒนธรรมสุจริต", "๑.๑ การเสริมสร้างจิตสำนึก", "๑.๑.๑ (๑) โครงการอบรม", "๕,๐๐๐", "-",
         "๑) จัดอบรม ๒) ประเมินผล", "ผลผลิต มีการอบรม ๑ ครั้ง ผลลัพธ์ บุคลากรมีความรู้", "กองคลัง"],
        ["๒. การบริหารราชการด้วยความโปร่งใส", "๒.๒ มาตรการส่งเสริมคุณธรรม", "๒.๒.๒ (๒) มาตรการ NO Gift Policy", "-",
         "หนึ่งหมื่นบาท", "ประกาศนโยบาย", "ไม่มีเรื่องร้องเรียน", "ทุกกอง"],
    ]  # fmt: skip
    header_rows = [[*head[:3], "งบประมาณ", "", *head[5:]], ["", "", "", *head[3:5], "", "", ""]] if merged else [head]
    table = document.add_table(rows=len(header_rows) + len(rows), cols=len(head))
    for r, row in enumerate([*header_rows, *rows]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if merged:
        table.cell(0, 3).merge(table.cell(0, 4)).text = "งบประมาณ"
    document.save(str(tmp_path / "yearly.docx"))
    return tmp_path / "yearly.docx"


@pytest.mark.parametrize("merged", [False, True], ids=["one-header-row", "merged-budget-header"])
def test_a_table_plan_with_yearly_budget_columns(tmp_path: Path, merged: bool) -> None:
    draft = import_docx(yearly_table(tmp_path, merged))
    first, second = draft.document["projects"]
    assert draft.document["period"] == {"start": "2567", "end": "2571"}
    assert (first["mission"], first["sub_mission"], first["item_no"], first["name"]) == (
        "1.1",
        "1.1.1",
        "(๑)",
        "โครงการอบรม",
    )
    assert first["budget"] == {"2567": "5000"} and "budget" not in second
    assert first["method"] == [{"list": [{"label": "๑)", "text": "จัดอบรม"}, {"label": "๒)", "text": "ประเมินผล"}]}]
    assert first["outputs"] == ["มีการอบรม ๑ ครั้ง"] and first["outcomes"] == ["บุคลากรมีความรู้"]
    assert first["responsible"] == "กองคลัง" and second["outcomes"] == ["ไม่มีเรื่องร้องเรียน"]
    row = 4 if merged else 3
    assert any(n.where == f"ตารางที่ 1 แถวที่ {row} ช่องที่ 5" and "หนึ่งหมื่นบาท" in n.text for n in draft.notes)
    Plan.model_validate(draft.document)


def test_thai_digit_headings_without_colons(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๖๗ - ๒๕๗๑)", "๒.๑ การเปิดเผยข้อมูลสาธารณะ", "๑. ชื่อโครงการ",
                 "มาตรการเปิดเผยข้อมูล", "๖. ระยะเวลาดำเนินการ", "๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗",
                 "๗. งบประมาณดำเนินการ", "๑๑๓,๐๐๐ บาท"):  # fmt: skip
        document.add_paragraph(text)
    document.save(str(tmp_path / "thai.docx"))
    project = import_docx(tmp_path / "thai.docx").document["projects"][0]
    assert project["name"] == "มาตรการเปิดเผยข้อมูล" and project["mission"] == "2.1"
    assert project["duration"]["start"] == "2023-10-01" and project["duration"]["fiscal_years"] == ["2567"]
    assert project["budget"] == {"2567": "113000"}


def test_national_template_headings_without_a_model_field_are_reported(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2567 - 2571)", "1.1 ภารกิจ", "ลำดับที่ 1", "1. ชื่อโครงการ : โครงการ ก",
                 "4. เป้าหมาย", "บุคลากร 50 คน", "5. พื้นที่ดำเนินการ", "สำนักงาน", "11. ตัวชี้วัด", "ร้อยละ 80",
                 "12. ผลผลิต/ผลลัพธ์", "ผลลัพธ์ : บุคลากรมีความรู้"):  # fmt: skip
        document.add_paragraph(text)
    document.save(str(tmp_path / "national.docx"))
    draft = import_docx(tmp_path / "national.docx")
    project = draft.document["projects"][0]
    assert project["target_group"] == ["บุคลากร 50 คน"] and project["outcomes"] == ["บุคลากรมีความรู้"]
    lines = [note.format() for note in draft.notes]
    assert any(line.startswith("ย่อหน้าที่ 8: [โครงการที่ 1 · พื้นที่ดำเนินการ]") for line in lines), lines
    assert any(line.startswith("ย่อหน้าที่ 10: [โครงการที่ 1 · ตัวชี้วัด]") for line in lines), lines


@needs_seeds
def test_seed_000_draft_loads_once_the_unprinted_missions_are_filled(tmp_path: Path) -> None:
    draft = import_docx(build_docx(seed_text(0), tmp_path / "seed0.docx"))
    missing = [n for n in draft.notes if "ภารกิจ" in n.field and "ให้เติมเอง" in n.reason]
    assert len(missing) == 22
    for project, truth in zip(draft.document["projects"], shipped("bma-district-suan-luang")["projects"], strict=True):
        project["mission"] = truth["mission"]
    assert len(Plan.model_validate(draft.document).projects) == 22
