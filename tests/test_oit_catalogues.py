"""OIT catalogues keyed by (year, catalogue): the 2569 lists, period rules, a page for every item of every map."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.dataset import load_dataset
from generator.kinds.oit.model import OitCatalog, OitMap
from generator.site import KINDS, check_site, load_and_check, render_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MAP = "data/units/mini/oit-2569.yml"
UNMAPPED = "ยังไม่ได้ระบุในแผนที่ข้อมูล OIT ของหน่วยงาน"


def catalog(key: tuple[int, str]) -> OitCatalog:
    return load_dataset(DATA, KINDS).catalogs["oit"][key].model  # type: ignore[no-any-return]


def write_map(data: Path, text: str) -> None:
    (data / "units" / "mini" / "oit-2569.yml").write_text(text, encoding="utf-8")


def map_problems(data: Path) -> list[str]:
    return [p.format() for p in check_site(data).problems if p.path == MAP]


@pytest.fixture(scope="module")
def sample_site() -> dict[str, str]:
    site = render_site(DATA)
    urls = {path: raw.decode("utf-8-sig") for path, raw in site.assets.items() if "/oit-urls." in path}
    return {**site.files, **urls}


# --- the catalogues ----------------------------------------------------------------------------------


def test_2569_national_catalogue_follows_the_reference() -> None:
    oit = catalog((2569, "national"))
    assert [i.code for i in oit.all_items()] == [f"O{n}" for n in range(1, 27)]
    # 2569 renumbers: plan O23, plan results O24, complaint statistics O18
    assert oit.item("O23").serves == ["plan"] and oit.item("O23").period == "current"
    assert oit.item("O24").serves == ["progress-12m"] and oit.item("O24").period == "previous"
    assert oit.item("O18").serves == ["complaints"] and oit.item("O18").period == "previous"
    # every item keeps where it came from and how sure the source is
    assert all(i.source and i.confidence for i in oit.all_items())
    assert oit.item("O2").confidence == "unknown" and oit.item("O1").confidence == "medium"


def test_unknown_titles_stay_unknown() -> None:
    oit = catalog((2569, "national"))
    unknown = [i.code for i in oit.all_items() if i.title is None]
    assert unknown == ["O2", "O6", "O7"]
    assert all(oit.item(code).title_status == "unknown" for code in unknown)
    assert oit.item("O6").label == "(ยังไม่ทราบชื่อข้อ)"


def test_2568_catalogue_completed_from_the_reference() -> None:
    oit = catalog((2568, "national"))
    assert oit.item("O19").period == "previous" and oit.item("O26").period == "previous"
    assert oit.item("O25").serves == ["plan"]
    assert [i.code for i in oit.all_items() if i.title is None] == ["O5", "O6", "O7"]


def test_colleges_catalogue_is_a_second_2569_list() -> None:
    oit = catalog((2569, "colleges"))
    assert [i.code for i in oit.all_items()] == [f"O{n}" for n in range(1, 24)]
    assert oit.item("O6").period == "both" and oit.item("O7").period == "previous"
    assert [s.id for ind in oit.indicators for s in ind.subs] == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]
    assert oit.item("O1").confidence == "high-for-sector"


# --- maps against a catalogue ------------------------------------------------------------------------


def test_2569_map_names_the_colleges_catalogue(mini_data: Path) -> None:
    write_map(mini_data, "year: 2569\ncatalogue: colleges\nitems:\n  O3:\n    missing: ยังไม่มีแผนพัฒนาสถานศึกษา\n")
    site = render_site(mini_data)
    checklist = site.files["mini/oit/2569/index.md"]
    assert "(รายการข้อสำหรับสถานศึกษาอาชีวศึกษา)" in checklist
    assert "| **รวมทุกข้อของปีนี้** | **23** |" in checklist
    assert "# O8 รายงานผลการประเมินตนเอง (SAR)" in site.files["mini/oit/2569/o8/index.md"]
    listed = json.loads(site.assets["mini/oit/2569/oit-urls.json"])
    assert listed["catalogue"] == "colleges" and len(listed["items"]) == 23


def test_a_sector_catalogue_is_a_data_file_only(mini_data: Path) -> None:
    (mini_data / "catalog" / "oit-2570-schools.yml").write_text(
        "year: 2570\ncatalogue: schools\nconfidence: partial\nitems:\n  - code: O1\n    title: ข้อมูลโรงเรียน\n"
        "    period: both\n",
        encoding="utf-8",
    )
    (mini_data / "units" / "mini" / "oit-2570.yml").write_text("year: 2570\ncatalogue: schools\n", "utf-8")
    page = render_site(mini_data).files["mini/oit/2570/o1/index.md"]
    assert "# O1 ข้อมูลโรงเรียน" in page
    assert "| ช่วงเวลาที่ต้องครอบคลุม | ปีงบประมาณ 2569 และ 2570 |" in page


def test_unknown_catalogue_names_what_exists(mini_data: Path) -> None:
    write_map(mini_data, "year: 2569\ncatalogue: schools\nitems: {}\n")
    existing = "ปี 2564, ปี 2565, ปี 2566, ปี 2567, ปี 2568, ปี 2569, ปี 2569 ชุด colleges"
    assert map_problems(mini_data) == [
        f"{MAP}:2: catalogue: ไม่มีรายการข้อ OIT ปี 2569 ชุด schools (ต้องมีไฟล์ data/catalog/oit-2569-schools.yml)"
        f" รายการที่มี: {existing}"
    ]


def test_unknown_year_without_a_catalogue_field_points_at_the_year(mini_data: Path) -> None:
    (mini_data / "units" / "mini" / "oit-2575.yml").write_text("year: 2575\nitems: {}\n", "utf-8")
    found = [p.format() for p in load_and_check(mini_data)[1] if p.path.endswith("oit-2575.yml")]
    assert len(found) == 1
    assert found[0].startswith("data/units/mini/oit-2575.yml:1: year: ไม่มีรายการข้อ OIT ปี 2575 ")
    assert "ปี 2569 ชุด colleges" in found[0]


CATALOG_CASES = {
    "file name and catalogue differ": (
        "oit-2570.yml",
        "year: 2570\ncatalogue: schools\nconfidence: partial\nitems:\n  - code: O1\n    title: ก\n",
        "data/catalog/oit-2570.yml:1: year: ชื่อไฟล์ต้องเป็น oit-2570-schools.yml ให้ตรงกับปีที่ประเมินและชุดรายการข้อ"
        " (catalogue: schools)",
    ),
    "serves a page no kind builds": (
        "oit-2570.yml",
        "year: 2570\nconfidence: partial\nitems:\n  - code: O1\n    title: ก\n    serves: [nogift]\n",
        "data/catalog/oit-2570.yml:6: items[0].serves[0]: ไม่รู้จักหน้า 'nogift' ชื่อที่ใช้ได้: complaints, ita,"
        " ita-measures, plan, plan-risks, progress-12m, progress-6m",
    ),
    "unknown period rule": (
        "oit-2570.yml",
        "year: 2570\nconfidence: partial\nitems:\n  - code: O1\n    title: ก\n    period: last_year\n",
        "data/catalog/oit-2570.yml:6: items[0].period:",
    ),
}


@pytest.mark.parametrize("case", sorted(CATALOG_CASES))
def test_catalogue_problems(mini_data: Path, case: str) -> None:
    name, text, expected = CATALOG_CASES[case]
    (mini_data / "catalog" / name).write_text(text, encoding="utf-8")
    found = [p.format() for p in load_and_check(mini_data)[1]]
    assert any(line.startswith(expected) for line in found), found


# --- period rules drive staleness --------------------------------------------------------------------

COMPLAINTS_2569 = """\
year: 2569
items:
  O18:
    url: https://example.go.th/complaints
    description: สถิติเรื่องร้องเรียน
    period:
      fiscal_year: {fy}
    updated: 2025-10-15
"""


def test_previous_period_item_must_show_the_previous_fiscal_year(mini_data: Path) -> None:
    write_map(mini_data, COMPLAINTS_2569.format(fy=2569))
    stale = f"{MAP}:3: items.O18: คำเตือน: ข้อ O18: ข้อมูลครอบคลุม 1 ตุลาคม 2568 – 30 กันยายน 2569 ไม่ครอบคลุมปีงบประมาณ 2568"
    assert any(line.startswith(stale) for line in map_problems(mini_data))
    write_map(mini_data, COMPLAINTS_2569.format(fy=2568))
    assert not any("ไม่ครอบคลุม" in line for line in map_problems(mini_data))
    page = render_site(mini_data).files["mini/oit/2569/o18/index.md"]
    assert "| ช่วงเวลาที่ต้องครอบคลุม | ปีงบประมาณ 2568 |" in page
    assert "| ตรงตามปีที่ประเมิน | ตรง (ปีงบประมาณ 2568) |" in page


def test_current_period_item_must_show_the_assessment_year(mini_data: Path) -> None:
    write_map(mini_data, "year: 2569\nitems:\n  O23:\n    generated: plan\n")
    assert not any("O23" in line and "ไม่ครอบคลุม" in line for line in map_problems(mini_data)), map_problems(mini_data)
    page = render_site(mini_data).files["mini/oit/2569/o23/index.md"]
    assert "| ตรงตามปีที่ประเมิน | ตรง (ปีงบประมาณ 2569) |" in page


def test_a_page_the_catalogue_does_not_name_is_flagged(mini_data: Path) -> None:
    write_map(mini_data, "year: 2569\nitems:\n  O24:\n    generated: plan\n")
    assert (
        f"{MAP}:4: items.O24.generated: คำเตือน: ข้อ O24 ของรายการข้อ OIT ปี 2569 ใช้หน้า progress-12m ไม่ใช่ plan"
        " (ตรวจว่าใช้รหัสข้อของปีนี้)" in map_problems(mini_data)
    )


# --- a page for every item of every map, and the URL lists -------------------------------------------


def sample_maps() -> list[tuple[str, OitMap, OitCatalog]]:
    data = load_dataset(DATA, KINDS)
    return [
        (unit.id, loaded.model, data.catalogs["oit"][(loaded.model.year, loaded.model.catalogue)].model)
        for unit in data.units.values()
        for loaded in unit.of_kind(OitMap)
    ]


def test_the_2569_sample_map_builds_with_the_renumbered_items(sample_site: dict[str, str]) -> None:
    assert [p for p in load_and_check(DATA)[1] if p.path.endswith("oit-2569.yml") and p.severity == "error"] == []
    base = "sao-bueng-prue/oit/2569"
    assert "[ภาพรวมแผน](../../../plan/2566-2570/index.md)" in sample_site[f"{base}/o23/index.md"]
    assert "progress/2567-12m/index.md" in sample_site[f"{base}/o24/index.md"]
    assert "complaints/2567/index.md" in sample_site[f"{base}/o18/index.md"]
    assert "| ตรงตามปีที่ประเมิน | ไม่ตรง:" in sample_site[f"{base}/o18/index.md"]  # FY 2567 data, 2568 needed


def test_every_item_of_every_map_has_a_page(sample_site: dict[str, str]) -> None:
    maps = sample_maps()
    assert {(unit, m.year) for unit, m, _ in maps} >= {("sao-bueng-prue", 2566), ("sao-bueng-prue", 2569)}
    for unit, oit_map, oit in maps:
        checklist = sample_site[f"{unit}/oit/{oit_map.year}/index.md"]
        for item in oit.all_items():
            page = sample_site[f"{unit}/oit/{oit_map.year}/{item.code.lower()}/index.md"]
            assert page.startswith(f"# {item.code} ")
            assert f"[{item.code}]({item.code.lower()}/index.md)" in checklist
            if item.code not in oit_map.items:
                assert f"| สถานะ | ไม่มี — {UNMAPPED} |" in page


def test_an_item_without_content_says_which_page_would_answer_it(sample_site: dict[str, str]) -> None:
    page = sample_site["sao-bueng-prue/oit/2566/o37/index.md"]  # missing, the catalogue says progress-6m serves it
    assert "ได้ด้วยหน้า: รายงานความก้าวหน้ารอบ 6 เดือน (ระบุ generated: progress-6m ในแผนที่ข้อมูล OIT)" in page


def test_unknown_titles_are_shown_as_unknown(sample_site: dict[str, str]) -> None:
    page = sample_site["sao-bueng-prue/oit/2569/o6/index.md"]
    assert page.startswith("# O6 (ยังไม่ทราบชื่อข้อ)")
    assert "| [O6](o6/index.md) | (ยังไม่ทราบชื่อข้อ) | ไม่มี |" in sample_site["sao-bueng-prue/oit/2569/index.md"]


def test_the_checklist_says_each_reason_once(sample_site: dict[str, str]) -> None:
    checklist = sample_site["sao-bueng-prue/oit/2569/index.md"]
    assert checklist.count(UNMAPPED) == 1
    assert "ไม่มี —" not in "".join(line for line in checklist.splitlines() if line.startswith("| ["))


def test_published_url_lists_name_every_item_with_its_page(sample_site: dict[str, str]) -> None:
    for unit, oit_map, oit in sample_maps():
        base = f"{unit}/oit/{oit_map.year}"
        rows = list(csv.DictReader(io.StringIO(sample_site[f"{base}/oit-urls.csv"])))
        listed = json.loads(sample_site[f"{base}/oit-urls.json"])["items"]
        expected = [(i.code, f"/{base}/{i.code.lower()}/") for i in oit.all_items()]
        assert [(r["code"], r["url"]) for r in rows] == expected
        assert [(r["code"], r["url"]) for r in listed] == expected


def test_oit_urls_command_json_lists_every_item(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["oit-urls", "sao-bueng-prue", "2569", "--format", "json", "--base-url", "https://example.go.th/"])
    listed = json.loads(capsys.readouterr().out)
    assert code == 0 and listed["year"] == 2569 and listed["catalogue"] == "national"
    assert len(listed["items"]) == 26
    o18 = next(r for r in listed["items"] if r["code"] == "O18")
    assert o18["url"] == "https://example.go.th/sao-bueng-prue/oit/2569/o18/"
    assert o18["status"] == "มี" and o18["period"] == "ปีงบประมาณ 2568"
    o1 = listed["items"][0]
    assert (o1["status"], o1["reason"], o1["url"]) == (
        "ไม่มี",
        UNMAPPED,
        "https://example.go.th/sao-bueng-prue/oit/2569/o1/",
    )
