"""OIT disclosure map: catalogues, map checks (exact Thai messages), stable URLs, the CSV for ITAS."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.dataset import load_dataset
from generator.kinds.oit.model import OitCatalog
from generator.site import KINDS, check_site, load_and_check, render_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLDEN = ROOT / "tests" / "golden" / "oit_urls.txt"
MAP = "data/units/mini/oit-2566.yml"

MINI_MAP = """\
year: 2566
updated: 2022-10-15
items:
  O36:
    generated: plan
  O29:
    content: mini/complaints.md
    period:
      start: 2022-10-01
      end: 2023-03-31
    updated: 2023-04-05
  O28:
    url: https://example.go.th/complaint
    description: แบบฟอร์มแจ้งเรื่องร้องเรียนการทุจริตออนไลน์
    updated: 2023-01-10
  O18:
    not_applicable: หน่วยงานไม่มีบริการออนไลน์
  O1:
    missing: ยังไม่ได้จัดทำแผนผังโครงสร้าง
"""


def codes(catalog: OitCatalog) -> list[str]:
    return [item.code for item in catalog.all_items()]


# --- catalogues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2564, 2565, 2566, 2567])
def test_complete_catalogues_have_o1_to_o43_exactly_once(year: int) -> None:
    data = load_dataset(DATA, KINDS)
    assert [p for p in data.problems if "oit-" in p.path] == []
    assert codes(data.catalogs["oit"][(year, "national")].model) == [f"O{n}" for n in range(1, 44)]


def test_catalogue_details_follow_the_reference() -> None:
    catalogs = load_dataset(DATA, KINDS).catalogs["oit"]
    assert set(catalogs) == {(y, "national") for y in range(2564, 2570)} | {(2569, "colleges")}
    oit = {year: loaded.model for (year, name), loaded in catalogs.items() if name == "national"}
    # the same content has a different code each year: complaint statistics 2565 O31, 2566 O29, 2568 O19, 2569 O18
    assert oit[2565].item("O31").period == "first_half"
    assert oit[2566].item("O29").period == "first_half"
    assert oit[2568].item("O19").period == "previous" and oit[2569].item("O18").period == "previous"
    assert oit[2568].item("O19").title == "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    assert oit[2564].item("O34").title == "เจตจำนงสุจริตของผู้บริหาร"
    assert oit[2565].item("O34").title == "นโยบายไม่รับของขวัญ (No Gift Policy)"
    assert oit[2567].confidence == "assumed" and oit[2568].confidence == "partial"
    # unknown titles stay unknown, never invented
    assert codes(oit[2568]) == [f"O{n}" for n in range(1, 27)]
    unknown = [i.code for i in oit[2568].all_items() if i.title is None]
    assert unknown == ["O5", "O6", "O7"]
    assert oit[2568].item("O5").label == "(ยังไม่ทราบชื่อข้อ)"
    assert oit[2568].item("O2").label == "ข้อมูลผู้บริหาร (ชื่อข้อยังไม่ยืนยัน)"


def write_catalog(data: Path, name: str, text: str) -> None:
    (data / "catalog" / name).write_text(text, encoding="utf-8")


def test_next_years_catalogue_is_a_data_change_only(mini_data: Path) -> None:
    text = (mini_data / "catalog" / "oit-2566.yml").read_text(encoding="utf-8")
    write_catalog(mini_data, "oit-2569.yml", text.replace("year: '2566'", "year: '2569'"))
    (mini_data / "units" / "mini" / "oit-2569.yml").write_text(
        "year: 2569\nitems:\n  O36:\n    generated: plan\n", "utf-8"
    )
    site = render_site(mini_data)
    assert "mini/oit/2569/o36/index.md" in site.files
    assert "ITA ปี พ.ศ. 2569" in site.files["mini/oit/2569/o36/index.md"]


CATALOG_CASES = {
    "duplicate code": (
        "year: 2570\nconfidence: partial\nitems:\n  - code: O1\n    title: ก\n  - code: O1\n    title: ข\n",
        "data/catalog/oit-2570.yml:6: items[1].code: รหัสข้อ O1 ซ้ำกับบรรทัด 4",
    ),
    "gap in a complete list": (
        "year: 2570\nconfidence: verified\nitems:\n  - code: O1\n    title: ก\n  - code: O3\n    title: ข\n",
        "data/catalog/oit-2570.yml:2: confidence: รายการข้อไม่ครบ ขาดข้อ O2 (ถ้ามีเพียงบางข้อ ให้ระบุ confidence: partial)",
    ),
    "unknown title without saying so": (
        "year: 2570\nconfidence: partial\nitems:\n  - code: O1\n",
        "data/catalog/oit-2570.yml:4: items[0]: ต้องระบุชื่อข้อ (title) หรือระบุ title_status: unknown ถ้ายังไม่ทราบชื่อ",
    ),
    "file name and year differ": (
        "year: 2571\nconfidence: partial\nitems:\n  - code: O1\n    title: ก\n",
        "data/catalog/oit-2570.yml:1: year: ชื่อไฟล์ต้องเป็น oit-2571.yml ให้ตรงกับปีที่ประเมินและชุดรายการข้อ (catalogue: national)",
    ),
}


@pytest.mark.parametrize("case", sorted(CATALOG_CASES))
def test_catalogue_problems(mini_data: Path, case: str) -> None:
    text, expected = CATALOG_CASES[case]
    write_catalog(mini_data, "oit-2570.yml", text)
    _, problems = load_and_check(mini_data)
    assert expected in [p.format() for p in problems]


# --- the map ---------------------------------------------------------------------------------------


@pytest.fixture
def oit_data(mini_data: Path) -> Path:
    (mini_data / "units" / "mini" / "oit-2566.yml").write_text(MINI_MAP, encoding="utf-8")
    content = mini_data.parent / "content" / "mini"
    content.mkdir(parents=True)
    (content / "complaints.md").write_text("# สถิติเรื่องร้องเรียน\n", encoding="utf-8")
    return mini_data


def problems_for(data: Path, text: str) -> list[str]:
    (data / "units" / "mini" / "oit-2566.yml").write_text(text, encoding="utf-8")
    return [p.format() for p in check_site(data).problems if p.path == MAP]


UNMAPPED = f"{MAP}:3: items: คำเตือน: ยังไม่ได้ระบุข้อ {{}} (จะแสดงเป็น 'ไม่มี' ในรายการตรวจสอบ)"


def test_sample_map_problems_are_only_the_unmapped_warning(oit_data: Path) -> None:
    rest = [f"O{n}" for n in range(1, 44) if n not in {1, 18, 28, 29, 36}]
    assert problems_for(oit_data, MINI_MAP) == [UNMAPPED.format(", ".join(rest))]


MAP_CASES = {
    "unknown code": (
        "  O44:\n    generated: plan\n",
        f"{MAP}:20: items.O44: ไม่มีข้อ O44 ในรายการข้อ OIT ปี 2566",
    ),
    "lower-case code": (
        "  o30:\n    generated: plan\n",
        f"{MAP}:20: items.o30: รหัสข้อ 'o30' ไม่ถูกต้อง ต้องเขียนแบบ O29 (อักษร O ตัวใหญ่ตามด้วยเลขข้อ)",
    ),
    "two targets": (
        "  O30:\n    generated: plan\n    missing: ยังไม่มี\n",
        f"{MAP}:20: items.O30: ต้องระบุอย่างใดอย่างหนึ่งเท่านั้น: generated, page, content, url, not_applicable,"
        " missing (พบ generated, missing)",
    ),
    "no target": (
        "  O30:\n    note: ยังไม่รู้\n",
        f"{MAP}:20: items.O30: ต้องระบุอย่างใดอย่างหนึ่งเท่านั้น: generated, page, content, url, not_applicable, missing",
    ),
    "external link without description": (
        "  O30:\n    url: https://example.go.th/\n",
        f"{MAP}:20: items.O30: ลิงก์ภายนอก (url) ต้องมีคำอธิบายสั้น ๆ (description)",
    ),
    "not a URL": (
        "  O30:\n    url: www.example.go.th\n    description: เว็บ\n",
        f"{MAP}:21: items.O30.url: 'www.example.go.th' ไม่ใช่ที่อยู่เว็บ ต้องขึ้นต้นด้วย https:// หรือ http://",
    ),
    "unknown generated page": (
        "  O30:\n    generated: nogift\n",
        f"{MAP}:21: items.O30.generated: ไม่รู้จักหน้า 'nogift' ชื่อที่ใช้ได้: plan, plan-risks, progress-6m,"
        " progress-12m, complaints, ita, ita-measures",
    ),
    "generated page that does not exist": (
        "  O37:\n    generated: progress-6m\n",
        f"{MAP}:21: items.O37.generated: ไม่พบหน้ารายงานความก้าวหน้ารอบ 6 เดือนของปีงบประมาณ 2566 ในเว็บไซต์นี้"
        " (generated: progress-6m)",
    ),
    "plan without a risk table": (
        "  O34:\n    generated: plan-risks\n",
        f"{MAP}:21: items.O34.generated: ไม่พบหน้าการประเมินความเสี่ยงการทุจริตในแผนปฏิบัติการของปีงบประมาณ 2566"
        " ในเว็บไซต์นี้ (generated: plan-risks)",
    ),
    "page path that does not exist": (
        "  O30:\n    page: mini/plan/2565-2569/\n",
        f"{MAP}:21: items.O30.page: ไม่พบหน้า /mini/plan/2565-2569/ ในเว็บไซต์นี้ (ตรวจที่อยู่ในช่อง page)",
    ),
    "content file that does not exist": (
        "  O30:\n    content: mini/nogift.md\n",
        f"{MAP}:21: items.O30.content: ไม่พบไฟล์ content/mini/nogift.md (ต้องเป็นไฟล์ .md ในโฟลเดอร์ content)",
    ),
    "content outside content/": (
        "  O30:\n    content: ../data/units/mini/unit.md\n",
        f"{MAP}:21: items.O30.content: ที่อยู่ '../data/units/mini/unit.md' ใช้ไม่ได้: ใช้ได้เฉพาะตัวอักษร ตัวเลข - _ . / และ #ชื่อหัวข้อ (ไม่มีช่องว่างหรือวงเล็บ) (hint: site path with optional #anchor)",
    ),
    "stale content": (
        "  O38:\n    content: mini/complaints.md\n    period:\n      fiscal_year: 2564\n    updated: 2022-01-01\n",
        f"{MAP}:20: items.O38: คำเตือน: ข้อ O38: ข้อมูลครอบคลุม 1 ตุลาคม 2563 – 30 กันยายน 2564 ไม่ครอบคลุม"
        "ปีงบประมาณ 2565 (1 ตุลาคม 2564 – 30 กันยายน 2565)",
    ),
    "unknown period": (
        "  O37:\n    content: mini/complaints.md\n    updated: 2023-04-01\n",
        f"{MAP}:20: items.O37: คำเตือน: ข้อ O37: ไม่ทราบช่วงเวลาที่ข้อมูลครอบคลุม ให้ระบุ period (6 เดือนแรกของปีงบประมาณ 2566)",
    ),
    "Buddhist-era date": (
        "  O30:\n    url: https://example.go.th/\n    description: เว็บ\n    updated: 2566-01-10\n",
        f"{MAP}:23: items.O30.updated: วันที่ '2566-01-10' ใช้ปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ. เช่น 2023-01-10"
        " (hint: ISO dates use the Gregorian year, BE − 543)",
    ),
}


@pytest.mark.parametrize("case", sorted(MAP_CASES))
def test_map_problem_messages(oit_data: Path, case: str) -> None:
    addition, expected = MAP_CASES[case]
    assert expected in problems_for(oit_data, MINI_MAP + addition)


def test_missing_last_updated_date_is_a_warning(oit_data: Path) -> None:
    found = problems_for(oit_data, MINI_MAP.replace("updated: 2022-10-15\n", "", 1))
    assert f"{MAP}:3: items.O36: คำเตือน: ข้อ O36: ไม่ทราบวันที่ปรับปรุงล่าสุด ให้ระบุ updated" in found


def test_year_without_catalogue_and_wrong_file_name(oit_data: Path) -> None:
    found = problems_for(oit_data, "year: 2563\nitems: {}\n")
    existing = "ปี 2564, ปี 2565, ปี 2566, ปี 2567, ปี 2568, ปี 2569, ปี 2569 ชุด colleges"
    assert found == [
        f"{MAP}:1: year: ชื่อไฟล์ต้องเป็น oit-2563.yml ให้ตรงกับปีที่ประเมิน",
        f"{MAP}:1: year: ไม่มีรายการข้อ OIT ปี 2563 (ต้องมีไฟล์ data/catalog/oit-2563.yml) รายการที่มี: {existing}",
    ]


# --- pages -----------------------------------------------------------------------------------------


def test_item_pages_and_checklist(oit_data: Path) -> None:
    files = render_site(oit_data).files
    plan_item = files["mini/oit/2566/o36/index.md"]
    assert "# O36 แผนปฏิบัติการป้องกันการทุจริต" in plan_item
    assert "[ภาพรวมแผน](../../../plan/2566-2570/index.md)" in plan_item
    assert "| ช่วงเวลาของข้อมูล | 1 ตุลาคม 2565 – 30 กันยายน 2570 |" in plan_item
    assert "| ตรงตามปีที่ประเมิน | ตรง (ปีงบประมาณ 2566) |" in plan_item
    complaints = files["mini/oit/2566/o29/index.md"]
    assert "[ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี](../../../complaints.md)" in complaints
    assert "| ปรับปรุงล่าสุด | 5 เมษายน 2566 |" in complaints
    assert (
        "[แบบฟอร์มแจ้งเรื่องร้องเรียนการทุจริตออนไลน์](https://example.go.th/complaint)" in files["mini/oit/2566/o28/index.md"]
    )
    assert "เหตุผล: หน่วยงานไม่มีบริการออนไลน์" in files["mini/oit/2566/o18/index.md"]
    # ไม่มี has a page too, saying why (the map's note, or that the map does not name the item)
    assert "| สถานะ | ไม่มี — ยังไม่ได้จัดทำแผนผังโครงสร้าง |" in files["mini/oit/2566/o1/index.md"]
    assert "| สถานะ | ไม่มี — ยังไม่ได้ระบุในแผนที่ข้อมูล OIT ของหน่วยงาน |" in files["mini/oit/2566/o2/index.md"]
    checklist = files["mini/oit/2566/index.md"]
    assert "| มี | 3 |" in checklist and "| ไม่มี | 39 |" in checklist and "| ไม่เกี่ยวข้อง | 1 |" in checklist
    assert "| [O1](o1/index.md) | โครงสร้าง | ไม่มี | /mini/oit/2566/o1/ | - | - |" in checklist
    assert "| [O2](o2/index.md) | ข้อมูลผู้บริหาร | ไม่มี | /mini/oit/2566/o2/ | - | - |" in checklist
    # each reason is said once, with the items it applies to
    assert "**ไม่มี** — ยังไม่ได้จัดทำแผนผังโครงสร้าง: [O1](o1/index.md)\n" in checklist
    assert checklist.count("ยังไม่ได้ระบุในแผนที่ข้อมูล OIT ของหน่วยงาน") == 1
    assert "[ดาวน์โหลดรายการ URL สำหรับระบบ ITAS (ไฟล์ CSV)](oit-urls.csv)" in checklist
    # the plan page says which OIT item it answers, with a link back
    assert (
        "- [ปี 2566 ข้อ O36 แผนปฏิบัติการป้องกันการทุจริต](../../oit/2566/o36/index.md)" in files["mini/plan/2566-2570/index.md"]
    )


def test_stale_item_is_flagged_on_the_checklist(oit_data: Path) -> None:
    stale = MINI_MAP.replace("end: 2023-03-31", "end: 2022-12-31")
    (oit_data / "units" / "mini" / "oit-2566.yml").write_text(stale, encoding="utf-8")
    checklist = render_site(oit_data).files["mini/oit/2566/index.md"]
    assert "| ข้อมูลไม่ตรงตามปีที่ประเมิน | 1 |" in checklist
    assert "ไม่ตรง: ข้อมูลครอบคลุม 1 ตุลาคม 2565 – 31 ธันวาคม 2565 แต่ต้องครอบคลุม6 เดือนแรกของปีงบประมาณ 2566" in checklist


# --- CSV -------------------------------------------------------------------------------------------

BASE = "https://example.go.th/plans/mini/oit/2566"
EXPECTED_CSV_LINES = [
    "code,title,status,reason,period,url",
    f"O1,โครงสร้าง,ไม่มี,ยังไม่ได้จัดทำแผนผังโครงสร้าง,แหล่งที่มาไม่ระบุช่วงเวลา,{BASE}/o1/",
    f"O18,E–Service,ไม่เกี่ยวข้อง,หน่วยงานไม่มีบริการออนไลน์,แหล่งที่มาไม่ระบุช่วงเวลา,{BASE}/o18/",
    f"O28,ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ,มี,,แหล่งที่มาไม่ระบุช่วงเวลา,{BASE}/o28/",
    f"O29,ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี,มี,,6 เดือนแรกของปีงบประมาณ 2566,{BASE}/o29/",
    f"O36,แผนปฏิบัติการป้องกันการทุจริต,มี,,ปีงบประมาณ 2566,{BASE}/o36/",
]


def test_oit_urls_command_prints_csv(oit_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["oit-urls", "mini", "2566", "--base-url", "https://example.go.th/plans/", "--data", str(oit_data)])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 44  # every item, each with its page URL
    assert set(EXPECTED_CSV_LINES) <= set(lines)
    assert f"O2,ข้อมูลผู้บริหาร,ไม่มี,ยังไม่ได้ระบุในแผนที่ข้อมูล OIT ของหน่วยงาน,แหล่งที่มาไม่ระบุช่วงเวลา,{BASE}/o2/" in lines


def test_oit_urls_command_errors(oit_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["oit-urls", "nobody", "2566", "--data", str(oit_data)]) == 2
    assert main(["oit-urls", "mini", "2565", "--data", str(oit_data)]) == 2
    err = capsys.readouterr().err
    assert f"ไม่พบหน่วยงาน 'nobody' ใน {oit_data}/units" in err
    assert f"หน่วยงาน mini ยังไม่มีไฟล์แผนที่ข้อมูล OIT ปี 2565 ({oit_data}/units/mini/oit-2565.yml)" in err


def test_published_csv_matches_the_command(oit_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://example.go.th/plans/")
    raw = render_site(oit_data).assets["mini/oit/2566/oit-urls.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows Thai correctly
    lines = raw.decode("utf-8-sig").splitlines()
    assert set(EXPECTED_CSV_LINES) <= set(lines) and len(lines) == 44


# --- URL stability ---------------------------------------------------------------------------------


def sample_oit_urls() -> list[str]:
    site = render_site(DATA)
    paths = [p for p in [*site.files, *site.assets] if "/oit/" in p]
    return sorted("/" + p.removesuffix("index.md") for p in paths)


def test_oit_urls_of_the_sample_units_never_change() -> None:
    golden = [line for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    current = sample_oit_urls()
    gone = sorted(set(golden) - set(current))
    assert not gone, f"OIT URLs that assessors may have bookmarked disappeared: {gone}"
    new = sorted(set(current) - set(golden))
    assert not new, f"new OIT URLs: add them to {GOLDEN.relative_to(ROOT)}: {new}"


# --- MkDocs checks every link of the OIT pages -----------------------------------------------------

MKDOCS_YML = """\
site_name: test
docs_dir: docs
strict: true
markdown_extensions: [tables, attr_list, admonition, md_in_html, toc]
validation:
  links: {not_found: warn, anchors: warn, absolute_links: warn, unrecognized_links: warn}
  nav: {omitted_files: info}
"""


def mkdocs_build(project: Path, files: dict[str, str | bytes]) -> subprocess.CompletedProcess[str]:
    for rel, text in files.items():
        target = project / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)


def test_a_broken_oit_link_fails_the_strict_build(oit_data: Path, tmp_path: Path) -> None:
    site = render_site(oit_data)
    files: dict[str, str | bytes] = {**site.files, **site.assets, "mini/complaints.md": "# สถิติ\n"}
    for page in (ROOT / "content").rglob("*.md"):  # hand-written pages the generated ones link to
        files.setdefault(page.relative_to(ROOT / "content").as_posix(), page.read_bytes())
    good = mkdocs_build(tmp_path / "good", files)
    assert good.returncode == 0, good.stderr[-3000:]
    del files["mini/plan/2566-2570/index.md"]
    bad = mkdocs_build(tmp_path / "bad", files)
    assert bad.returncode != 0
    assert "mini/oit/2566/o36/index.md" in bad.stderr and "plan/2566-2570/index.md" in bad.stderr
    shutil.rmtree(tmp_path / "bad")
