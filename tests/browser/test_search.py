"""Thai search through Material's header search box in Chromium, checked against ground truth from the built pages.

A small, fast subset of bench/search_queries.txt (the full set and the numbers: bench/search_quality.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.search_quality import run_query
from bench.search_truth import GroundTruth

pytestmark = pytest.mark.browser

QUERIES = [
    "ทุจริต",  # a word in running text on most pages
    "สมาชิก สภาท้องถิ่น",  # a phrase typed with a space
    "ท้องถิ่น",  # inside the compound ส่วนท้องถิ่น
    "จัดซื้อจัดจ้าง",
    "เขตสวนหลวง",  # inside the office name สำนักงานเขตสวนหลวง
    "No Gift Policy",
    "พ.ศ. ๒๕๖๖",  # Thai digits against Arabic ones
    "กิจกรรมการใช้บัตรคิวในการติดต่อราชการ",  # a project name
    "ตา",  # only inside ตาม, ตาราง...: no result
    "ยา",
]


@pytest.fixture(scope="module")
def truth(built_site: Path) -> GroundTruth:
    return GroundTruth(built_site)


@pytest.fixture
def search_page(page, site_url: str):  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    page.locator(".md-search__input").click()
    return page


def test_results_match_ground_truth(search_page, truth: GroundTruth) -> None:  # type: ignore[no-untyped-def]
    for query in QUERIES:
        results, _ = run_query(search_page, query)
        relevant = truth.relevant(query)
        top = results[:10]
        assert set(top) <= relevant, f"{query}: not relevant {sorted(set(top) - relevant)}"
        assert len(top) == min(10, len(relevant)), f"{query}: {len(top)} results, {len(relevant)} relevant"
    assert len(truth.relevant("ตา")) == 0 < len(truth.substring("ตา"))  # the short-word case is real on this site


def test_result_shows_thai_title_snippet_and_opens_the_section(search_page, truth: GroundTruth) -> None:  # type: ignore[no-untyped-def]
    results, _ = run_query(search_page, "ผลประโยชน์ทับซ้อน")
    assert results
    meta = search_page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("พบ") and meta.endswith("หน้า")
    first = search_page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text().strip()
    assert first.locator("mark").first.inner_text().replace(" ", "") == "ผลประโยชน์ทับซ้อน"
    href = first.locator("a").get_attribute("href") or ""
    first.locator("a").click()
    search_page.wait_for_url(href)
    assert urlsplit(href).path in truth.relevant("ผลประโยชน์ทับซ้อน")
    if urlsplit(href).fragment:
        assert search_page.locator(f"[id='{urlsplit(href).fragment}']").count() == 1
    assert search_page.locator("article mark.thai-search__hit").count() >= 1


def test_no_result_message_and_no_material_index(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{site_url}/")
    page.locator(".md-search__input").click()
    results, _ = run_query(page, "คำที่ไม่มีในเว็บไซต์นี้แน่นอน")
    assert results == []
    assert page.locator(".md-search-result__meta").inner_text().startswith("ไม่พบหน้าที่มีคำว่า")
    assert not [u for u in fetched if "search_index.json" in u or "/workers/search" in u]
    assert [u for u in fetched if "/search/thai/k/" in u]
