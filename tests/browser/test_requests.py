"""Zero third-party requests: every page kind, loaded in Chromium (and a search typed), asks only its own origin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.page_kinds import page_kinds

pytestmark = pytest.mark.browser


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_every_page_kind_requests_only_its_own_origin(page, site_url: str, built_site: Path) -> None:
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    kinds = page_kinds(built_site)
    # Why a tab per page kind, all left open: each must go 500 ms without a request ("networkidle"); waited for
    # one after another that was half a second per kind, side by side it is half a second in all.
    tabs = []
    for path in kinds.values():
        tab = page.context.new_page()
        tab.goto(site_url + path, wait_until="load")
        tabs.append(tab)
    for tab in tabs:
        tab.wait_for_load_state("networkidle")
        tab.close()
    # The search box loads its worker and index on first use: include that too.
    page.goto(site_url + "/", wait_until="networkidle")
    page.locator(".md-search__input").first.click()
    page.keyboard.type("งบประมาณ")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    foreign = sorted({url for url in requested if not url.startswith(("data:", "blob:")) and origin(url) != site_url})
    assert not foreign, f"requests to other hosts: {foreign}"
    assert any(url.endswith(".woff2") for url in requested), "the self-hosted Sarabun font was never requested"
    assert len(requested) > len(kinds)


def test_sarabun_is_the_font_actually_used(page, site_url: str) -> None:
    page.goto(site_url + "/", wait_until="networkidle")
    used = page.evaluate(
        """async () => { await document.fonts.ready;
        return [getComputedStyle(document.querySelector('article p')).fontFamily,
                document.fonts.check('16px Sarabun', 'ก'), document.fonts.check('bold 16px Sarabun', 'ก'),
                [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded').length]; }"""
    )
    family, regular, bold, loaded = used
    assert family.lstrip("\"'").startswith("Sarabun"), family
    assert regular and bold and loaded >= 1, used
