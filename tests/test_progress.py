"""Progress reports by round: every check with its exact Thai message, the model, roll-ups and the built pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.kinds.progress.data import build_round_view
from generator.kinds.progress.model import ProgressReport
from generator.models.plan import Plan
from generator.site import load_and_check, render_site
from tests.conftest import DATA
from tests.helpers import stable_markdown

FILE = "data/units/mini/progress-2566-6m.yml"
ROUND = "รอบ 6 เดือน ปีงบประมาณ 2566: 2022-10-01 ถึง 2023-03-31"

MINI_PROGRESS = """\
plan: 2566-2570
fiscal_year: 2566
round: 6m
report_date: 2023-03-31
projects:
  - project: first
    status: อยู่ระหว่างดำเนินการ
    progress: 50
    spent: 1000
    milestones:
      - {date: 2022-11-01, text: เริ่มงาน}
  - project: second
    status: ยังไม่ดำเนินการ
    progress: 0
"""

CASES = {
    "in progress at 100 %": (
        MINI_PROGRESS.replace("progress: 50", "progress: 100"),
        f"{FILE}:8: projects[0].progress: สถานะ 'อยู่ระหว่างดำเนินการ' ต้องมีความก้าวหน้าร้อยละ 1–99 แต่ระบุไว้ร้อยละ 100",
    ),
    "in progress at 0 %": (
        MINI_PROGRESS.replace("progress: 50", "progress: 0"),
        f"{FILE}:8: projects[0].progress: สถานะ 'อยู่ระหว่างดำเนินการ' ต้องมีความก้าวหน้าร้อยละ 1–99 แต่ระบุไว้ร้อยละ 0",
    ),
    "not started with progress": (
        MINI_PROGRESS.replace("progress: 0", "progress: 30"),
        f"{FILE}:14: projects[1].progress: สถานะ 'ยังไม่ดำเนินการ' ต้องมีความก้าวหน้าร้อยละ 0 แต่ระบุไว้ร้อยละ 30",
    ),
    "done below 100 %": (
        MINI_PROGRESS.replace("status: อยู่ระหว่างดำเนินการ", "status: ดำเนินการแล้วเสร็จ"),
        f"{FILE}:8: projects[0].progress: สถานะ 'ดำเนินการแล้วเสร็จ' ต้องมีความก้าวหน้าร้อยละ 100 แต่ระบุไว้ร้อยละ 50",
    ),
    "cancelled without a reason": (
        MINI_PROGRESS.replace("status: ยังไม่ดำเนินการ", "status: ยกเลิก"),
        f"{FILE}:13: projects[1].status: สถานะ 'ยกเลิก' ต้องระบุเหตุผลในช่อง cancel_reason",
    ),
    "status outside the vocabulary": (
        MINI_PROGRESS.replace("status: ยังไม่ดำเนินการ", "status: เสร็จแล้ว"),
        f"{FILE}:13: projects[1].status: ค่า 'เสร็จแล้ว' ใช้ไม่ได้ ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: 'ยังไม่ดำเนินการ',"
        " 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ' or 'ยกเลิก'",
    ),
    "progress above 100": (
        MINI_PROGRESS.replace("progress: 50", "progress: 120"),
        f"{FILE}:8: projects[0].progress: ค่า '120' ต้องไม่เกิน 100",
    ),
    "spending above the year's budget": (
        MINI_PROGRESS.replace("spent: 1000", "spent: 6000"),
        f"{FILE}:9: projects[0].spent: ใช้จ่าย 6,000 บาท เกินงบประมาณปี 2566 ที่ตั้งไว้ 5,000 บาท"
        " ต้องระบุเหตุผลในช่อง overspend_reason",
    ),
    "spending on a project without budget": (
        MINI_PROGRESS.replace("    progress: 0\n", "    progress: 0\n    spent: 300\n"),
        f"{FILE}:15: projects[1].spent: ใช้จ่าย 300 บาท เกินงบประมาณปี 2566 ที่ตั้งไว้ 0 บาท ต้องระบุเหตุผลในช่อง overspend_reason",
    ),
    "negative spending": (
        MINI_PROGRESS.replace("spent: 1000", "spent: -1000"),
        f"{FILE}:9: projects[0].spent: ค่า '-1000' ติดลบไม่ได้",
    ),
    "report date after the round": (
        MINI_PROGRESS.replace("report_date: 2023-03-31", "report_date: 2023-04-10"),
        f"{FILE}:4: report_date: วันที่รายงาน 2023-04-10 อยู่นอกรอบรายงาน ({ROUND})",
    ),
    "milestone outside the round": (
        MINI_PROGRESS.replace("date: 2022-11-01", "date: 2023-05-01"),
        f"{FILE}:11: projects[0].milestones[0].date: วันที่ 2023-05-01 อยู่นอกรอบรายงาน ({ROUND})",
    ),
    "project not in the plan": (
        MINI_PROGRESS.replace("project: second", "project: third"),
        f"{FILE}:12: projects[1].project: ไม่มีโครงการรหัส 'third' ในแผน 2566–2570",
    ),
    "duplicate project entry": (
        MINI_PROGRESS.replace("project: second", "project: first"),
        f"{FILE}:12: projects[1].project: โครงการ 'first' ซ้ำกับบรรทัด 6",
    ),
    "plan that does not exist": (
        MINI_PROGRESS.replace("plan: 2566-2570", "plan: 2567-2571"),
        f"{FILE}:1: plan: ไม่พบแผน 2567-2571 ของหน่วยงานนี้ (ต้องมีไฟล์ plan-2567-2571.yml)",
    ),
    "KPI the card does not have": (
        MINI_PROGRESS.replace("    milestones:", "    outputs:\n      - {kpi: 2, value: 1}\n    milestones:"),
        f"{FILE}:11: projects[0].outputs[0].kpi: บัตรโครงการ 'first' ไม่มีตัวชี้วัดที่ 2 (มีค่าเป้าหมาย 0 ตัว)",
    ),
    "evidence link that is not a URL": (
        MINI_PROGRESS.replace(
            "    milestones:", "    evidence:\n      - {title: ภาพ, url: 'javascript:alert(1)'}\n    milestones:"
        ),
        f"{FILE}:11: projects[0].evidence[0].url: ลิงก์ 'javascript:alert(1)' ใช้ไม่ได้ ต้องขึ้นต้นด้วย http:// หรือ"
        " https:// หรือเป็นที่อยู่ในเว็บไซต์นี้ที่ขึ้นต้นด้วย / (hint: URL or site path)",
    ),
}


def _problems(data: Path, severity: str = "error") -> list[str]:
    _, problems = load_and_check(data)
    return [p.format().replace(str(data.parent) + "/", "") for p in problems if p.severity == severity]


def _write(data: Path, text: str, name: str = "progress-2566-6m.yml") -> None:
    (data / "units/mini" / name).write_text(text, encoding="utf-8")


def test_valid_round_has_no_problems(mini_data: Path) -> None:
    _write(mini_data, MINI_PROGRESS)
    assert [p for p in _problems(mini_data) if "progress-" in p] == []


@pytest.mark.parametrize("case", list(CASES))
def test_bad_round_gets_exact_thai_message(mini_data: Path, case: str) -> None:
    text, expected = CASES[case]
    _write(mini_data, text)
    assert _problems(mini_data) == [expected]


def test_overspending_with_a_reason_is_accepted(mini_data: Path) -> None:
    text = MINI_PROGRESS.replace("spent: 1000", "spent: 6000\n    overspend_reason: ราคาวัสดุสูงขึ้น ได้รับอนุมัติโอนงบ")
    _write(mini_data, text)
    assert _problems(mini_data) == []


def test_cancelled_with_a_reason_is_accepted(mini_data: Path) -> None:
    text = MINI_PROGRESS.replace("status: ยังไม่ดำเนินการ", "status: ยกเลิก\n    cancel_reason: ไม่ได้รับงบประมาณ")
    _write(mini_data, text)
    assert _problems(mini_data) == []


def test_file_name_must_match_year_and_round(mini_data: Path) -> None:
    _write(mini_data, MINI_PROGRESS, "progress-2566-12m.yml")
    expected = "data/units/mini/progress-2566-12m.yml:2: fiscal_year: ชื่อไฟล์ต้องเป็น progress-2566-6m.yml ให้ตรงกับปีงบประมาณและรอบรายงาน"
    assert _problems(mini_data) == [expected]


def test_fiscal_year_outside_the_plan(mini_data: Path) -> None:
    text = (
        MINI_PROGRESS.replace("fiscal_year: 2566", "fiscal_year: 2565")
        .replace("2023-03-31", "2022-03-31")
        .replace("2022-11-01", "2021-11-01")
    )
    _write(mini_data, text, "progress-2565-6m.yml")
    expected = "data/units/mini/progress-2565-6m.yml:2: fiscal_year: ปีงบประมาณ 2565 อยู่นอกช่วงของแผน (2566–2570)"
    assert _problems(mini_data) == [expected]


def test_unreported_project_is_a_warning(mini_data: Path) -> None:
    text = MINI_PROGRESS.split("  - project: second")[0]
    _write(mini_data, text)
    assert _problems(mini_data) == []
    assert f"{FILE}:5: projects: คำเตือน: ยังไม่มีผลการดำเนินงานของโครงการ 'second' ในรอบนี้" in _problems(
        mini_data, "warning"
    )


# --- model and roll-ups -------------------------------------------------------------------------


def _report(**changes: object) -> ProgressReport:
    base: dict[str, object] = {
        "plan": "2566-2570",
        "fiscal_year": "2567",
        "round": "6m",
        "report_date": "2024-03-31",
        "projects": [{"project": "a", "status": "ยังไม่ดำเนินการ", "progress": "0"}],
    }
    return ProgressReport.model_validate({**base, **changes})


def test_round_periods() -> None:
    assert _report().period == (dt.date(2023, 10, 1), dt.date(2024, 3, 31))
    assert _report(round="12m").period == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))
    assert _report().sort_key < _report(round="12m").sort_key < _report(fiscal_year="2568").sort_key


@pytest.mark.parametrize("url", ["https://itas.nacc.go.th/", "http://example.org/a(b)", "/unit/plan/2566-2570/"])
def test_evidence_link_accepts_urls_and_site_paths(url: str) -> None:
    entry = {"project": "a", "status": "ยังไม่ดำเนินการ", "progress": "0", "evidence": [{"title": "x", "url": url}]}
    assert _report(projects=[entry]).projects[0].evidence[0].url == url


@pytest.mark.parametrize("url", ["ftp://x", "//evil.example/", "/a/../../b", "javascript:x", "/a b"])
def test_evidence_link_rejects_anything_else(url: str) -> None:
    entry = {"project": "a", "status": "ยังไม่ดำเนินการ", "progress": "0", "evidence": [{"title": "x", "url": url}]}
    with pytest.raises(ValueError, match="ใช้ไม่ได้"):
        _report(projects=[entry])


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "title": "แผน",
            "period": {"start": "2566", "end": "2570"},
            "projects": [
                {"id": "a", "mission": "1.1", "name": "ก", "budget": {"2567": "10000"}},
                {"id": "b", "mission": "1.1", "name": "ข", "budget": {"2567": "5000"}},
                {"id": "c", "mission": "2.1", "name": "ค"},
                {"id": "d", "mission": "2.2", "name": "ง"},
                {
                    "id": "e",
                    "mission": "2.2",
                    "name": "จ",
                    "outputs": [
                        {"list": [{"text": "อย่างน้อย 3 ครั้ง", "target": {"comparator": "at_least", "value": "3"}}]}
                    ],
                },
            ],
        }
    )


def test_roll_ups_count_statuses_and_budget_per_group() -> None:
    previous = _report(projects=[{"project": "a", "status": "อยู่ระหว่างดำเนินการ", "progress": "40", "spent": "2000"}])
    report = _report(
        round="12m",
        report_date="2024-09-30",
        projects=[
            {"project": "a", "status": "ดำเนินการแล้วเสร็จ", "progress": "100", "spent": "9000"},
            {"project": "b", "status": "ยกเลิก", "progress": "0", "cancel_reason": "x"},
            {"project": "c", "status": "อยู่ระหว่างดำเนินการ", "progress": "50"},
            {"project": "e", "status": "ดำเนินการแล้วเสร็จ", "progress": "100", "outputs": [{"kpi": "1", "value": "2"}]},
        ],
    )
    view = build_round_view(_plan(), report, previous)
    plan = view.plan_tally
    assert (plan.total, plan.active) == (5, 4)
    assert plan.counts == {
        "ดำเนินการแล้วเสร็จ": 2,
        "อยู่ระหว่างดำเนินการ": 1,
        "ยังไม่ดำเนินการ": 0,
        "ยกเลิก": 1,
        "ไม่ได้รายงาน": 1,
    }
    assert plan.done_percent == Decimal("50.00")  # 2 done ÷ (5 − 1 cancelled)
    assert (plan.planned, plan.spent, plan.spent_percent) == (Decimal(15000), Decimal(9000), Decimal("60.00"))
    assert [(t.key, t.total) for t in view.dimensions] == [("1", 2), ("2", 3)]
    assert [(t.key, t.total, t.planned) for t in view.missions] == [
        ("1.1", 2, Decimal(15000)),
        ("2.1", 1, 0),
        ("2.2", 2, 0),
    ]
    assert view.missions[2].spent_percent is None  # no budget planned: no percentage invented
    rows = {r.project.id: r for r in view.rows}
    assert rows["a"].changed and rows["a"].previous.progress == 40
    assert rows["d"].status == "ไม่ได้รายงาน"
    assert rows["e"].kpis[0].met is False  # 2 against "at least 3"


# --- pages --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_files() -> dict[str, str]:
    return render_site(DATA).files


PLAN_DIR = "sao-bueng-prue/plan/2566-2570"


def test_each_round_keeps_its_own_page(site_files: dict[str, str]) -> None:
    for round_ in ("2567-6m", "2567-12m"):
        page = site_files[f"{PLAN_DIR}/progress/{round_}/index.md"]
        assert "ข้อมูลตัวอย่าง" in page
    index = site_files[f"{PLAN_DIR}/progress/index.md"]
    assert "(2567-6m/index.md)" in index and "(2567-12m/index.md)" in index


def test_round_roll_up_numbers(site_files: dict[str, str]) -> None:
    page = site_files[f"{PLAN_DIR}/progress/2567-12m/index.md"]
    assert "| ทั้งแผน | 18 | 16 | 1 | 0 | 1 | 0 | 94.12 | 25,000 | 14,050 | 56.20 |" in page
    assert "| มิติที่ 1 การสร้างวัฒนธรรมสุจริต | 4 | 4 | 0 | 0 | 0 | 0 | 100 | 10,000 | 9,850 | 98.50 |" in page
    assert "ร้อยละการใช้จ่าย = ผลรวมเงินที่ใช้จ่ายจริง" in page  # the formula is stated on the page
    first = site_files[f"{PLAN_DIR}/progress/2567-6m/index.md"]
    assert "| ทั้งแผน | 18 | 5 | 10 | 3 | 0 | 0 | 27.78 | 25,000 | 1,500 | 6 |" in first
    assert "รอบนี้เป็นรอบรายงานแรกของแผนนี้" in first


def test_round_shows_changes_with_reasons(site_files: dict[str, str]) -> None:
    page = site_files[f"{PLAN_DIR}/progress/2567-12m/index.md"]
    row = next(line for line in page.splitlines() if "(#p-ethics-training)" in line and "→" in line)
    assert "ยังไม่ดำเนินการ → ดำเนินการแล้วเสร็จ | 0 → 100 | 0 → 4,850 | จัดอบรมตามกำหนดในเดือนมิถุนายน 2567 |" in row
    assert '<span class="status status--cancelled">✕ ยกเลิก</span>' in page  # a text badge, not colour only


def test_sample_spending_stays_within_budgets() -> None:
    data, problems = load_and_check(DATA)
    assert not [p for p in problems if "progress-" in p.path]
    unit = data.units["sao-bueng-prue"]
    plan = next(d.model for d in unit.documents if isinstance(d.model, Plan) and d.model.period.start == 2566)
    budgets = {p.id: p.budget.get(2567, 0) for p in plan.projects}
    for loaded in unit.documents:
        if isinstance(loaded.model, ProgressReport):
            assert {e.project for e in loaded.model.projects} == set(budgets)  # all 18 projects
            for entry in loaded.model.projects:
                assert (entry.spent or 0) <= budgets[entry.project]


def test_project_card_and_plan_overview_show_latest_status(site_files: dict[str, str]) -> None:
    card = site_files[f"{PLAN_DIR}/projects/ethics-training/index.md"]
    assert "## ผลการดำเนินงาน {#progress}" in card
    assert "(../../progress/2567-12m/index.md#p-ethics-training)" in card
    assert "(../../progress/2567-6m/index.md#p-ethics-training)" in card
    latest = card.split("สถานะล่าสุด", 1)[1].split("\n\n", 1)[0]
    assert "รอบ 12 เดือน" in latest and "ดำเนินการแล้วเสร็จ" in latest
    overview = site_files[f"{PLAN_DIR}/index.md"]
    assert "## ผลการดำเนินงานรอบล่าสุด {#progress}" in overview
    assert "(progress/2567-12m/index.md)" in overview


def test_built_site_links_rounds_from_the_unit_home(built_site: Path) -> None:
    home = (built_site / "sao-bueng-prue/index.html").read_text(encoding="utf-8")
    assert 'href="plan/2566-2570/progress/2567-12m/"' in home
    assert 'href="plan/2566-2570/progress/2567-6m/"' in home
    page = (built_site / f"{PLAN_DIR}/progress/2567-12m/index.html").read_text(encoding="utf-8")
    assert "ข้อมูลตัวอย่าง" in page and "✔ ดำเนินการแล้วเสร็จ" in page
    card = (built_site / f"{PLAN_DIR}/projects/ethics-training/index.html").read_text(encoding="utf-8")
    assert 'href="../../progress/2567-12m/#p-ethics-training"' in card


# --- golden -------------------------------------------------------------------------------------

GOLDEN = Path(__file__).parent / "golden" / "progress"



def test_golden_round_pages(site_files: dict[str, str]) -> None:
    """The progress pages are pinned byte for byte; regenerate with UPDATE_GOLDEN=1 and review the diff."""
    import os

    pages = {p: stable_markdown(t) for p, t in site_files.items() if "/progress/" in p}
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
