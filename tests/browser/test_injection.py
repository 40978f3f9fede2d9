"""Hostile text in every data field, built with `mkdocs build --strict` and opened in Chromium: nothing runs.

The payload data set is built by tests/test_security_injection.py (every free-text field of every sample
document). Checks: no dialog fires, no injected element or event attribute exists, page titles and nav
titles are plain text, and the payload is visible literally on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import serve_directory
from tests.test_security_injection import CORE, find_injections, mkdocs_build, payload_data, write_config

pytestmark = pytest.mark.browser

INJECTED = "[id^=INJ], [class*=INJ], [onerror], [onload], [onclick], [onmouseover], iframe, img[src=x]"


@pytest.fixture(scope="module")
def payload_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("payload-site")
    data, _, _ = payload_data()
    result = mkdocs_build(write_config(root, data), root / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


@pytest.fixture(scope="module")
def payload_url(payload_build: Path) -> Iterator[str]:
    server, url = serve_directory(payload_build)
    yield url
    server.shutdown()


def sample_pages(site: Path) -> list[str]:
    """One page of each shape (home, unit, plan, budget, dimension, project card, other kinds' pages)."""
    chosen: dict[tuple[int, str], str] = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).parent.as_posix()
        parts = rel.split("/") if rel != "." else []
        key = (len(parts), re.sub(r"\d", "9", parts[-2]) if len(parts) > 1 else "")
        chosen.setdefault(key, "" if rel == "." else rel + "/")
    return sorted(chosen.values())


def test_built_site_has_no_injected_markup(payload_build: Path) -> None:
    pages = sorted(payload_build.rglob("*.html"))
    assert len(pages) > 30
    for page_file in pages:
        assert find_injections(page_file.read_text(encoding="utf-8")) == [], page_file
    for title in re.findall(r"<title>(.*?)</title>", "".join(p.read_text(encoding="utf-8") for p in pages), re.S):
        assert "<" not in title and "&lt;" not in title, title


def test_payload_pages_run_nothing_in_chromium(page, payload_build: Path, payload_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    shown = 0
    for rel in sample_pages(payload_build):
        page.goto(f"{payload_url}/{rel}", wait_until="load")
        assert page.locator(INJECTED).count() == 0, rel
        assert "<" not in page.title(), rel
        nav_text = page.locator("nav.md-nav--primary").first.inner_text()
        assert "<script>" not in nav_text, rel
        body = " ".join(page.locator("article").first.inner_text().split())
        shown += CORE in body
    assert dialogs == []
    assert shown >= 5  # the payload is shown literally, as text, on the data pages


def test_search_results_show_payloads_as_text(page, payload_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{payload_url}/", wait_until="load")
    page.locator("input.md-search__input").first.click()
    page.keyboard.type("alert")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert results.count() > 0
    assert page.locator(INJECTED).count() == 0
    assert "<script>" in page.locator(".md-search-result").first.inner_text()  # shown as text
    assert dialogs == []


def test_very_long_words_do_not_widen_the_page_on_a_phone(page, payload_build: Path, payload_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    for rel in sample_pages(payload_build):
        page.goto(f"{payload_url}/{rel}", wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), rel
