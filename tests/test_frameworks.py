"""Plan frameworks as data (issue 14): every plan is checked and published with its own framework."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import framework_pages
from generator.authoring import write_plan_outline
from generator.frameworks import UNKNOWN_TITLE
from generator.site import load_and_check, render_site

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ROOT / "data" / "catalog" / "frameworks"
PLAN_2561 = """\
title: แผนทดสอบกรอบเก่า
period:
  start: "2561"
  end: "2564"
projects:
  - id: first
    mission: "2.4"
    name: โครงการแรก
  - id: second
    mission: "4.4"
    name: โครงการที่สอง
"""


def _plan(mini_data: Path, name: str, text: str) -> Path:
    for old in (mini_data / "units" / "mini").glob("plan-*.yml"):
        old.unlink()
    path = mini_data / "units" / "mini" / name
    path.write_text(text, encoding="utf-8")
    return path


def _messages(mini_data: Path) -> list[str]:
    _, problems = load_and_check(mini_data)
    return [p.format().replace(str(mini_data.parent) + "/", "") for p in problems]


def test_every_shipped_framework_is_one_file_named_by_its_id() -> None:
    files = sorted(p.stem for p in FRAMEWORKS.glob("*.yml"))
    assert files == ["lg-2561-2564", "lg-2566-2570"]
    assert not list((ROOT / "data" / "catalog").glob("dimensions.yml"))


@pytest.mark.parametrize(
    ("name", "text", "dimension"),
    [
        ("plan-2561-2564.yml", PLAN_2561, "มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต"),
        ("plan-2566-2570.yml", None, "มิติที่ 2 การบริหารราชการด้วยความโปร่งใส"),
    ],
)
def test_each_framework_builds_a_plan_with_its_own_names(mini_data: Path, name: str, text: str | None, dimension: str) -> None:
    if text is not None:
        _plan(mini_data, name, text)
    site = render_site(mini_data)
    period = name.removeprefix("plan-").removesuffix(".yml")
    page = site.files[f"mini/plan/{period}/dimensions/2/index.md"]
    assert page.startswith(f"# {dimension}\n")
    other = "การบริหารราชการด้วยความโปร่งใส" if "2561" in name else "การบริหารราชการเพื่อป้องกันการทุจริต"
    assert other not in "".join(site.files[p] for p in site.files if f"/plan/{period}/" in p)


def test_unknown_mission_title_is_shown_as_unknown_never_blank(mini_data: Path) -> None:
    # Why a copy: the shipped frameworks name every ภารกิจ; a new framework file may not know some names yet.
    framework = mini_data / "catalog" / "frameworks" / "lg-2561-2564.yml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(re.sub(r'(code: "2\.4"\n)\s+title: [^\n]+\n', r"\1", text), encoding="utf-8")
    _plan(mini_data, "plan-2561-2564.yml", PLAN_2561)
    page = render_site(mini_data).files["mini/plan/2561-2564/dimensions/2/index.md"]
    assert f"## 2.4 {UNKNOWN_TITLE}" in page.replace("\\", "")


def test_wrong_code_gives_thai_error_naming_the_framework(mini_data: Path) -> None:
    _plan(mini_data, "plan-2561-2564.yml", PLAN_2561.replace('"4.4"', '"4.9"'))
    assert _messages(mini_data) == [
        "data/units/mini/plan-2561-2564.yml:10: projects[1].mission: ไม่มีภารกิจ '4.9' ในกรอบแผน lg-2561-2564 (พ.ศ. 2561–2564)"
    ]


def test_a_2566_code_that_the_old_framework_lacks_is_refused_with_its_name(mini_data: Path) -> None:
    # 2.3.3 is a ภารกิจย่อย of the 2566–2570 framework only.
    _plan(mini_data, "plan-2561-2564.yml", PLAN_2561.replace('mission: "2.4"', 'mission: "2.3"\n    sub_mission: "2.3.3"'))
    assert any("'2.3.3'" in m and "lg-2561-2564" in m for m in _messages(mini_data)), _messages(mini_data)


def test_every_mission_of_the_2561_framework_is_known() -> None:
    """Real 2561–2564 plans use 1.2, 1.3 and 3.x as well; a missing code would refuse them."""
    text = (FRAMEWORKS / "lg-2561-2564.yml").read_text(encoding="utf-8")
    codes = re.findall(r'code: "(\d\.\d)"\n\s+title: ', text)
    assert codes == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4"]


def test_period_selects_the_covering_framework_and_an_uncovered_period_is_an_error(mini_data: Path) -> None:
    _plan(mini_data, "plan-2565-2567.yml", PLAN_2561.replace('"2561"', '"2565"').replace('"2564"', '"2567"'))
    (message,) = [m for m in _messages(mini_data) if "กรอบแผน" in m]
    assert re.match(r"data/units/mini/plan-2565-2567\.yml:2: period: ไม่มีกรอบแผนที่ครอบคลุมช่วงปี 2565–2567", message)
    assert "lg-2561-2564" in message and "lg-2566-2570" in message


def test_named_framework_wins_over_the_period_and_an_unknown_name_is_an_error(mini_data: Path) -> None:
    text = PLAN_2561.replace('"2561"', '"2565"').replace('"2564"', '"2567"')
    _plan(mini_data, "plan-2565-2567.yml", text.replace("period:", "framework: lg-2561-2564\nperiod:"))
    assert _messages(mini_data) == [
        "data/units/mini/plan-2565-2567.yml:2: framework: คำเตือน: ช่วงปี 2565–2567 ของแผนอยู่นอกช่วงของกรอบแผน"
        " lg-2561-2564 (พ.ศ. 2561–2564) ตรวจว่าระบุกรอบถูกต้อง"
    ]
    _plan(mini_data, "plan-2561-2564.yml", PLAN_2561.replace("period:", "framework: lg-2561-2564\nperiod:"))
    assert _messages(mini_data) == []
    _plan(mini_data, "plan-2565-2567.yml", text.replace("period:", "framework: lg-2571-2575\nperiod:"))
    (message,) = _messages(mini_data)
    assert message.startswith("data/units/mini/plan-2565-2567.yml:2: framework: ไม่พบกรอบแผน 'lg-2571-2575'")


def test_ambiguous_period_is_an_error(mini_data: Path) -> None:
    copy = (FRAMEWORKS / "lg-2561-2564.yml").read_text(encoding="utf-8")
    copy = copy.replace("id: lg-2561-2564", "id: lg-2561-2570").replace('end: "2564"', 'end: "2570"')
    (mini_data / "catalog" / "frameworks" / "lg-2561-2570.yml").write_text(copy, encoding="utf-8")
    messages = _messages(mini_data)
    assert any("อยู่ในกรอบแผนมากกว่าหนึ่งกรอบ (lg-2561-2570, lg-2566-2570)" in m for m in messages), messages


def test_2561_plan_is_not_held_to_the_2565_minimum_rule(mini_data: Path) -> None:
    _plan(mini_data, "plan-2561-2564.yml", PLAN_2561)
    assert _messages(mini_data) == []
    page = render_site(mini_data).files["mini/plan/2561-2564/index.md"]
    assert "เกณฑ์ขั้นต่ำ" not in page


def test_same_small_plan_under_2566_framework_gets_the_minimum_warning(mini_data: Path) -> None:
    text = PLAN_2561.replace('"2561"', '"2566"').replace('"2564"', '"2570"').replace('"2.4"', '"2.1"').replace('"4.4"', '"4.1"')
    _plan(mini_data, "plan-2566-2570.yml", text)
    assert any("น้อยกว่าขั้นต่ำ 15 โครงการ" in m for m in _messages(mini_data))


def test_an_old_catalogue_file_left_behind_says_where_its_data_went(mini_data: Path) -> None:
    (mini_data / "catalog" / "dimensions.yml").write_text("dimensions: []\n", encoding="utf-8")
    (message,) = [m for m in _messages(mini_data) if "dimensions.yml" in m]
    assert message.startswith("data/catalog/dimensions.yml:1: -: คำเตือน: ไฟล์แบบเดิมที่ไม่ใช้แล้ว")
    assert "data/catalog/frameworks/<รหัสกรอบ>.yml" in message


@pytest.fixture(scope="module")
def site_files() -> dict[str, str]:
    return render_site(ROOT / "data").files


def test_minimum_page_shows_the_27_row_unit_table_with_its_total_row(site_files: dict[str, str]) -> None:
    page = site_files["frameworks/lg-2566-2570/minimums/index.md"]
    rows = re.findall(r"^\| (\d+) \| .+ \| \d+ \| \d+ \| \d+ \|$", page, re.M)
    assert rows == [str(n) for n in range(1, 28)]
    assert "| | **รวม** | **384** | **83** | **467** |" in page
    assert "| 27 | สำนักงานเขต | 17 | 5 | 22 |" in page


def test_priority_page_shows_groups_markers_exceptions_and_compliance(site_files: dict[str, str]) -> None:
    page = site_files["frameworks/lg-2566-2570/priorities/priority-bma-2567/index.md"]
    for group, count in (("mandatory", 20), ("selective", 72), ("context", 15)):
        assert f"({count} รายการ) {{#{group}}}" in page
    assert "| \\*\\*25 | 1.3 |" in page.replace("\\*\\*", "\\*\\*")
    assert "เฉพาะสำนักงานเขต" in page
    assert "[สำนักการคลัง](../../../../bma-finance-department/plan/2566-2570/index.md)" in page


def test_plan_page_links_the_tables_where_its_text_refers_to_them(site_files: dict[str, str]) -> None:
    page = site_files["bma-district-suan-luang/plan/2566-2570/index.md"]
    assert "ดู [ตารางกำหนดลำดับความสำคัญ" in page
    assert "(../../../frameworks/lg-2566-2570/priorities/priority-bma-2567/index.md)" in page
    assert "(../../../frameworks/lg-2566-2570/minimums/index.md)" in page
    assert "| กรอบแผน | [" in page


def test_sample_2561_plan_is_labelled_and_uses_the_old_names(site_files: dict[str, str]) -> None:
    page = site_files["sao-bueng-prue/plan/2561-2564/index.md"]
    assert "ข้อมูลตัวอย่าง" in page.splitlines()[0]
    assert "มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต" in page
    assert "การสร้างวัฒนธรรมสุจริต" not in page


PLACEHOLDERS = ("ระบุชื่อองค์กรปกครองส่วนท้องถิ่น", "ระบุชื่อหน่วยงาน")


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
def test_no_template_placeholder_is_published(site_files: dict[str, str], placeholder: str) -> None:
    found = {path: text.count(placeholder) for path, text in site_files.items() if placeholder in text}
    assert found == {}


def test_plan_outline_names_the_framework_in_force_when_no_framework_covers_its_period(mini_data: Path) -> None:
    beyond = write_plan_outline(mini_data, "mini", "2568").read_text(encoding="utf-8")
    assert "\nframework: lg-2566-2570\nperiod:" in beyond
    within = write_plan_outline(mini_data, "mini", "2566").read_text(encoding="utf-8")
    assert "framework:" not in within


def test_progress_report_of_a_2561_plan_uses_that_plans_framework(mini_data: Path) -> None:
    _plan(mini_data, "plan-2561-2564.yml", PLAN_2561)
    report = """\
plan: 2561-2564
fiscal_year: 2562
round: 6m
report_date: 2019-03-31
projects:
  - {project: first, status: อยู่ระหว่างดำเนินการ, progress: 50}
  - {project: second, status: ยังไม่ดำเนินการ, progress: 0}
"""
    (mini_data / "units" / "mini" / "progress-2562-6m.yml").write_text(report, encoding="utf-8")
    files = render_site(mini_data).files
    page = next(text for path, text in files.items() if "/plan/2561-2564/progress/2562-6m/" in path)
    assert "มิติที่ 2 การบริหารราชการเพื่อป้องกันการทุจริต" in page
    assert "การบริหารราชการด้วยความโปร่งใส" not in page


def test_framework_pages_show_counts_not_a_list_when_many_plans_use_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(framework_pages, "PLAN_LIST_LIMIT", 2)
    files = render_site(ROOT / "data").files
    overview = files["frameworks/lg-2566-2570/index.md"]
    assert "มีแผน 3 ฉบับที่ใช้กรอบนี้" in overview and "/plan/2566-2570/index.md" not in overview
    minimums = files["frameworks/lg-2566-2570/minimums/index.md"]
    assert "| **รวม** | **3** |" in minimums and "/plan/2566-2570/index.md" not in minimums
