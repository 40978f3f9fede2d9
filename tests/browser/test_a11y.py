"""WCAG 2.1 AA checks in headless Chromium: axe-core and lang="th" on every page kind, keyboard, tables, badges.

axe-core comes from npm (tests/browser/package.json, installed by `make test`). Any violation with impact
"serious" or "critical" fails, at desktop and at phone width for every page kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import serve_directory
from tests.browser.page_kinds import page_kinds, plan_kinds

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}));
}"""


@pytest.fixture(scope="module")
def kinds(built_site: Path) -> dict[str, str]:
    return page_kinds(built_site)


@pytest.fixture(scope="module")
def axe_url() -> Iterator[str]:
    """axe-core over HTTP: Chromium then keeps its compiled code (inlined, 0.1 s of parsing on each of 54 pages)."""
    assert AXE.is_file(), "axe-core is missing: run `make test` (or bash tests/browser/install-npm.sh)"
    server, url = serve_directory(AXE.parent)
    yield f"{url}/{AXE.name}"
    server.shutdown()


def axe_violations(page, url: str, axe_url: str) -> list[str]:
    page.goto(url, wait_until="load")
    page.add_script_tag(url=axe_url)
    found = page.evaluate(RUN_AXE)
    problems = [f"{v['impact']}: {v['id']} ({v['help']}) at {v['targets']}" for v in found if v["impact"] in BLOCKING]
    lang = page.locator("html").get_attribute("lang")
    return problems if lang == "th" else [*problems, f'<html lang="{lang}">, expected "th"']


def test_no_serious_axe_violations_on_any_page_kind(page, site_url: str, kinds: dict[str, str], axe_url: str) -> None:
    assert len(kinds) >= 8, kinds  # home, unit, 4 plan kinds, hand-written pages at least
    problems = {}
    for kind, path in kinds.items():
        found = axe_violations(page, site_url + path, axe_url)
        if found:
            problems[f"{kind} {path}"] = found
    assert not problems, "\n".join(f"{where}:\n  " + "\n  ".join(v) for where, v in problems.items())


def test_no_serious_axe_violations_at_phone_width(browser, site_url: str, kinds: dict[str, str], axe_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="th-TH")
    page = context.new_page()
    problems = {}
    for kind, path in kinds.items():  # every page kind: phones stack tables (issue 15)
        found = axe_violations(page, site_url + path, axe_url)
        if found:
            problems[f"{kind} {path}"] = found
    context.close()
    assert not problems, problems


def test_keyboard_reaches_content_through_the_skip_link(page, site_url: str, kinds: dict[str, str]) -> None:
    page.goto(site_url + kinds["<unit>/plan/*/projects/*"])
    page.keyboard.press("Tab")
    skip = page.evaluate(
        """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
        return {cls: el.className, href: el.getAttribute("href"), text: el.textContent.trim(),
                visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.top < innerHeight,
                outline: getComputedStyle(el).outlineStyle, outlineWidth: parseFloat(getComputedStyle(el).outlineWidth)}; }"""
    )
    assert "md-skip" in skip["cls"], skip
    assert skip["text"] and skip["visible"], skip  # a visible "ข้ามไปยังเนื้อหา" link, not an invisible one
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#" + skip["href"].split("#", 1)[1]
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('article')")
    assert inside, "Tab after the skip link must land inside the main content"


def test_focus_is_visible_on_content_links(page, site_url: str, kinds: dict[str, str]) -> None:
    page.goto(site_url + kinds["<unit>/plan/*/budget"])
    link = page.locator("article .breadcrumb a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert style[0] != "none" and float(style[1].removesuffix("px")) >= 2, style


def test_plan_tables_have_captions_and_column_headers(page, site_url: str, kinds: dict[str, str]) -> None:
    missing = {}
    for kind, path in {"<unit>": kinds["<unit>"], **plan_kinds(kinds)}.items():
        page.goto(site_url + path)
        tables = page.evaluate(TABLES)
        assert tables, f"{kind}: no tables found"
        bad = [t for t in tables if not t["caption"] or not t["headers"]]
        if bad:
            missing[f"{kind} {path}"] = bad
    assert not missing, f"tables without <caption> or column headers: {missing}"


TABLES = """() => [...document.querySelectorAll("article table")].map((t) => ({
  caption: (t.caption && t.caption.textContent.trim()) || "",
  headers: t.querySelectorAll("thead th").length,
  first: t.querySelector("tr") ? t.querySelector("tr").textContent.trim().slice(0, 60) : ""}))"""


def test_badges_carry_text(page, site_url: str, kinds: dict[str, str], built_site: Path) -> None:
    with_badges = [p for p in built_site.rglob("index.html") if 'class="badge badge--' in p.read_text("utf-8")]
    assert with_badges, "the sample data should show at least one group badge"
    path = "/" + with_badges[0].parent.relative_to(built_site).as_posix() + "/"
    page.goto(site_url + path)
    badges = page.evaluate(
        "() => [...document.querySelectorAll('.badge')].map((b) => [b.textContent.trim(), getComputedStyle(b).borderStyle])"
    )
    assert badges and all(text and border != "none" for text, border in badges), badges
