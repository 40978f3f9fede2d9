"""Issue 12: a page's size grows with its own unit, not with the site; the search build reuses its segmenter work."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.navigation import UNITS_SECTION, build_nav
from generator.pages import PageSpec
from generator.search import textnorm
from generator.search.extract import extract_page
from generator.search.index import IndexedPage, build_segmenter, save_segmenter
from generator.search.textnorm import SiteTrie
from tests.conftest import DATA

UNITS = sorted(p.name for p in (DATA / "units").iterdir() if (p / "unit.yml").exists())


def links_to_units(html: str) -> set[str]:
    """Unit ids a page links to (relative links end in '<unit>/' or '<unit>/...')."""
    hrefs = re.findall(r'href="([^"#?]*)"', html)
    return {unit for unit in UNITS for href in hrefs if re.search(rf"(^|/){re.escape(unit)}/", href)}


def test_a_card_page_links_only_to_its_own_unit(built_site: Path) -> None:
    card = next(built_site.glob("sao-bueng-prue/plan/*/projects/*/index.html"))
    assert links_to_units(card.read_text(encoding="utf-8")) == {"sao-bueng-prue"}


def test_the_home_page_counts_units_and_links_the_directory(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert links_to_units(home) == set()
    assert 'href="units/"' in home
    assert f"หน่วยงาน {len(UNITS)} แห่ง" in home


def test_the_directory_reaches_every_unit_without_javascript(built_site: Path) -> None:
    provinces = [p for p in (built_site / "units").glob("*/index.html")]
    reached = set().union(*(links_to_units(p.read_text(encoding="utf-8")) for p in provinces))
    assert reached == set(UNITS)
    rows = json.loads((built_site / "units" / "units.json").read_text(encoding="utf-8"))
    assert sorted(row[0].rstrip("/") for row in rows) == UNITS
    assert links_to_units((built_site / "units" / "index.html").read_text(encoding="utf-8")) == set()


def test_units_nest_under_one_section_and_guide_pages_under_another() -> None:
    specs = [PageSpec("index.md", "home.md.j2", "หน้าแรก"),
             PageSpec("a/index.md", "unit.md.j2", "ก", nav=("ก",)),
             PageSpec("a/plan/index.md", "plan.md.j2", "แผน", nav=("ก", "แผน")),
             PageSpec("b/index.md", "unit.md.j2", "ข", nav=("ข",))]  # fmt: skip
    nav = build_nav(specs, ["about.md", "index.md", "units/index.md"], ["a", "b"], [("units/index.md", "ทั้งหมด")])
    assert [next(iter(item)) for item in nav] == ["หน้าแรก", UNITS_SECTION, "คู่มือ"]
    units = nav[1][UNITS_SECTION]
    assert units[0] == "units/index.md" and [next(iter(u)) for u in units[1:]] == ["ก", "ข"]


def test_the_glossary_line_is_not_indexed() -> None:
    page = ('<article class="md-content__inner md-typeset"><h1 id="t">โครงการ</h1><p>เนื้อหาโครงการ</p>'
            '<p class="glossary-hint">คำศัพท์ในหน้านี้: <a href="g">งบประมาณ</a></p></article>')  # fmt: skip
    text = extract_page(page)
    assert text is not None
    assert not any("คำศัพท์ในหน้านี้" in block for s in text.sections for block in s.blocks)


def page_with(title: str, body: str) -> IndexedPage:
    html = f'<article class="md-content__inner md-typeset"><h1 id="t">{title}</h1><p>{body}</p></article>'
    text = extract_page(html)
    assert text is not None
    return IndexedPage("/x/", text)


def test_the_segmenter_reuses_runs_marked_by_an_earlier_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [page_with("องค์การบริหารส่วนตำบลบึงปรือ", "สมาชิกสภาท้องถิ่นร่วมประชุม")]
    first = build_segmenter(pages, tmp_path)
    marked = first.mark("สมาชิกสภาท้องถิ่นร่วมประชุม")
    save_segmenter(first, tmp_path)
    monkeypatch.setattr(textnorm, "SITE_TRIE", SiteTrie())  # as in a new process
    second = build_segmenter(pages, tmp_path)
    assert second.mark("สมาชิกสภาท้องถิ่นร่วมประชุม") == marked
    assert second.new_runs == 0 and textnorm.SITE_TRIE.trie is None  # nothing re-segmented, no dictionary built
    other = build_segmenter([page_with("เทศบาลตำบลใหม่", "สมาชิกสภาท้องถิ่นร่วมประชุม")], tmp_path)
    assert other.known_runs() == {}  # another dictionary, another key
