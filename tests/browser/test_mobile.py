"""Wide tables scroll inside their own (focusable) box; chart text stays readable on a phone.

Screenshots of the project card at both widths are written to the test's tmp folder (look at them when a
layout changes; README shows one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.page_kinds import page_kinds

pytestmark = pytest.mark.browser

WIDTHS = [(360, 800), (1280, 800)]


# Why only the screenshot here: every page kind is measured for sideways scrolling in test_phone_layout.py.
@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_project_card_screenshot(browser, site_url: str, built_site: Path, tmp_path: Path, width, height) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH")
    page = context.new_page()
    page.goto(site_url + page_kinds(built_site)["<unit>/plan/*/projects/*"], wait_until="networkidle")
    shot = tmp_path / f"project-card-{width}.png"
    page.screenshot(path=str(shot), full_page=False)
    context.close()
    assert shot.stat().st_size > 5000


def test_wide_budget_table_scrolls_inside_a_focusable_box(browser, site_url: str, built_site: Path) -> None:
    # Phones stack the table's rows (test_phone_layout.py); above the breakpoint it still scrolls in its box.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="th-TH")
    page = context.new_page()
    page.goto(site_url + page_kinds(built_site)["<unit>/plan/*/budget"], wait_until="load")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('article table')].map((t) => {
            const box = [t, t.closest('.md-typeset__scrollwrap')].find((b) => b && b.scrollWidth > b.clientWidth + 1);
            return box ? {tabindex: box.getAttribute('tabindex'), label: box.getAttribute('aria-label')} : null; })"""
    )
    context.close()
    scrolling = [b for b in boxes if b]
    assert scrolling, "the 5-year budget table should be wider than the content column and scroll inside its box"
    assert all(b["tabindex"] == "0" and b["label"] for b in scrolling), scrolling


def test_chart_text_is_large_enough_on_a_phone(browser, site_url: str, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="th-TH")
    page = context.new_page()
    page.goto(site_url + page_kinds(built_site)["<unit>/plan/*/budget"], wait_until="load")
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('.chart__svg text')].map((t) => t.getBoundingClientRect().height)"
    )
    context.close()
    assert sizes and min(sizes) >= 12, sizes  # rendered glyph box in CSS px, after the SVG is scaled down
