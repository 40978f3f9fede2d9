"""The built site opens in a real browser: a card page renders its Thai heading and breadcrumb."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_project_card_renders_in_chromium(page, site_url: str) -> None:
    page.goto(f"{site_url}/sao-bueng-prue/plan/2566-2570/")
    assert page.locator("html").get_attribute("lang") == "th"
    page.get_by_role("link", name="สรุปงบประมาณ (ส่วนที่ 2)").click()
    assert page.locator("h1").inner_text().startswith("สรุปงบประมาณ")
    total_row = page.locator("tr", has_text="รวมทั้งสิ้น")
    assert "25,000" in total_row.inner_text()
    assert "125,000" in total_row.inner_text()
