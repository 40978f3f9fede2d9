"""A real `mkdocs build --strict` of the shipped data: pages, counts, totals, links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page_text(site: Path, url: str) -> str:
    parser = _Text()
    parser.feed((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def test_card_pages_per_unit(built_site: Path) -> None:
    counts = {
        unit: len(list((built_site / unit / "plan/2566-2570/projects").glob("*/index.html")))
        for unit in ("sao-bueng-prue", "bma-district-suan-luang", "bma-finance-department")
    }
    assert counts == {"sao-bueng-prue": 18, "bma-district-suan-luang": 22, "bma-finance-department": 10}


def test_bueng_prue_budget_totals(built_site: Path) -> None:
    html = (built_site / "sao-bueng-prue/plan/2566-2570/budget/index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr>\s*<td[^>]*><strong>รวมทั้งสิ้น</strong>.*?</tr>", html, re.S)
    assert row is not None
    cells = re.findall(r"<strong>([\d,]+)</strong>", row.group(0))
    assert cells == ["25,000"] * 5 + ["125,000"]
    text = page_text(built_site, "sao-bueng-prue/plan/2566-2570/budget")
    assert "จำนวน 18 โครงการ" in text
    for no, count in ((1, 4), (2, 8), (3, 2), (4, 4)):
        assert f"มิติที่ {no} รวม จำนวน {count} โครงการ" in text


def test_card_page_has_every_field(built_site: Path) -> None:
    text = page_text(built_site, "sao-bueng-prue/plan/2566-2570/projects/" + _first_card(built_site, "sao-bueng-prue"))
    for heading in ("หลักการและเหตุผล", "วัตถุประสงค์", "กลุ่มเป้าหมาย", "วิธีดำเนินการ", "ระยะเวลาดำเนินการ",
                    "งบประมาณ", "ผู้รับผิดชอบ", "ผลผลิต", "ผลลัพธ์"):
        assert heading in text
    assert "หน้าแรก › องค์การบริหารส่วนตำบลบึงปรือ › แผน พ.ศ. 2566–2570" in text


def test_thai_digits_unit_and_shortfall_notice(built_site: Path) -> None:
    text = page_text(built_site, "bma-finance-department/plan/2566-2570")
    assert "แผนนี้ยังไม่ครบตามเกณฑ์ขั้นต่ำ" in text
    assert "กำหนดให้มีอย่างน้อย ๑๗ โครงการ แต่แผนนี้มี ๑๐ โครงการ" in text
    budget = page_text(built_site, "bma-finance-department/plan/2566-2570/budget")
    assert "ปี ๒๕๖๖" in budget and "ปี 2566" not in budget


def test_group_badge_and_catalogue_item(built_site: Path) -> None:
    text = page_text(built_site, "bma-district-suan-luang/plan/2566-2570/projects/scout-leader-training")
    assert "ให้เลือกดำเนินการ" in text
    assert "113,000 บาท" in text
    assert "(ข้อ 25 ในตารางลำดับความสำคัญ)" in text


def test_edit_link_opens_the_yaml(built_site: Path) -> None:
    html = (built_site / "sao-bueng-prue/plan/2566-2570/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/data/units/sao-bueng-prue/plan-2566-2570\.yml"', html)


def _first_card(site: Path, unit: str) -> str:
    return sorted(p.parent.name for p in (site / unit / "plan/2566-2570/projects").glob("*/index.html"))[0]
