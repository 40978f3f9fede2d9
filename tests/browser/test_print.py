"""Print stylesheet: project card, dimension page and plan overview print as the document alone on A4."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.page_kinds import page_kinds

pytestmark = pytest.mark.browser

PRINTED = ["<unit>/plan/*/projects/*", "<unit>/plan/*/dimensions/*", "<unit>/plan/*"]
HIDDEN = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-content__button",
]
STATE = """(hidden) => ({
  hidden: hidden.map((sel) => [sel, [...document.querySelectorAll(sel)].every((el) => getComputedStyle(el).display === 'none')]),
  rows: [...document.querySelectorAll('article tr')].map((tr) => getComputedStyle(tr).breakInside),
  thead: [...document.querySelectorAll('article thead')].map((t) => getComputedStyle(t).display),
  links: [...document.querySelectorAll('article p a[data-print-url]')].map((a) => getComputedStyle(a, '::after').content),
  width: document.querySelector('article').getBoundingClientRect().width,
})"""


@pytest.mark.parametrize("kind", PRINTED)
def test_page_prints_without_navigation_and_with_link_addresses(page, site_url: str, built_site: Path, kind) -> None:
    page.goto(site_url + page_kinds(built_site)[kind], wait_until="load")
    page.emulate_media(media="print")
    state = page.evaluate(STATE, HIDDEN)
    assert all(gone for _, gone in state["hidden"]), state["hidden"]
    assert state["rows"] and set(state["rows"]) == {"avoid"}, "table rows must not be cut across pages"
    assert set(state["thead"]) <= {"table-header-group"}, "table headers repeat on every printed page"
    assert state["links"] and all("http" in content for content in state["links"]), state["links"]
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4 in points


def test_a_web_address_in_the_text_is_printed_once(page, site_url: str, built_site: Path) -> None:
    # The consolidated ITA report writes the Rongtook address in its text: it is a link, shown as printed.
    pages = [p for p in built_site.rglob("index.html") if 'class="web-address"' in p.read_text(encoding="utf-8")]
    assert pages, "the sample site should have a web address written in running text"
    page.goto(site_url + "/" + pages[0].parent.relative_to(built_site).as_posix() + "/", wait_until="load")
    page.emulate_media(media="print")
    after = page.evaluate("[...document.querySelectorAll('a.web-address')].map((a) => getComputedStyle(a, '::after').content)")
    assert after and set(after) <= {"none", "normal", ""}, after
