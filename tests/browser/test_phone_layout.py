"""Citizens on phones (issue 15): at 360 × 800 no page scrolls sideways, every table is readable, numbers never
wrap, the key figures are on the first screen and long pages fold; at 1280 px no page scrolls sideways either and
tables stay tables.

Folded content (<details>) is opened before the table and number checks, so it is checked too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.page_kinds import page_kinds

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
MAX_SCREENS_BEFORE_FOLD = 12
# Page kinds that exist for their numbers: the first screen shows at least one key figure tile.
KEY_FIGURE_KINDS = (
    "<unit>/plan/*",
    "<unit>/plan/*/budget",
    "<unit>/plan/*/progress/*",
    "<unit>/complaints/*",
    "<unit>/ita/*",
    "<unit>/oit/*",
)

# Wider than the window (innerWidth: the viewport's width) means the whole page scrolls sideways.
PAGE_WIDTH = "() => document.documentElement.scrollWidth"

OPEN_ALL_DETAILS = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"

# Every box inside a table (cells and what they hold) must lie within the viewport's width.
TABLE_BOXES_OUTSIDE = """() => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  // Visually hidden (clipped to a pixel, still read aloud) is not "outside": a screen reader needs no width.
  const hidden = (el, table) => {
    for (let box = el; box && box !== table; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.clipPath !== "none" || (style.overflow !== "visible" && box.getBoundingClientRect().width <= 1)) return true;
    }
    return false;
  };
  document.querySelectorAll("article table").forEach((table, index) => {
    table.querySelectorAll("caption, th, td, th *, td *").forEach((el) => {
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || hidden(el, table)) return;
      if (r.left < -1 || r.right > vw + 1) {
        out.push(`table ${index + 1} <${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 30)}" ` +
                 `${Math.round(r.left)}..${Math.round(r.right)} px`);
      }
    });
  });
  return out.slice(0, 8);
}"""

# A number (two or more digits, Arabic or Thai, with separators) must sit on one line box.
BROKEN_NUMBERS = """() => {
  const number = /[0-9\u0e50-\u0e59][0-9\u0e50-\u0e59,.]*[0-9\u0e50-\u0e59]/g;
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("svg, script, style")) continue;
    for (const match of node.data.matchAll(number)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) out.push(`"${match[0]}" in "${node.data.trim().slice(0, 40)}" on ${tops.size} lines`);
    }
  }
  return out.slice(0, 8);
}"""

KEY_FIGURES_ON_FIRST_SCREEN = """() => [...document.querySelectorAll("article .key-figures .key-figure__value")]
  .filter((el) => { const r = el.getBoundingClientRect();
                    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; })
  .map((el) => el.textContent.trim())"""

HEIGHT_BEFORE_FOLD = """() => {
  const fold = document.querySelector("article details");
  return fold ? fold.getBoundingClientRect().top + scrollY : document.documentElement.scrollHeight;
}"""

TABLE_DISPLAYS = """() => [...document.querySelectorAll("article table")].map((t) => [
  !t.tHead || getComputedStyle(t.tHead).clipPath === "none",
  [...t.querySelectorAll("tr")].every((r) => getComputedStyle(r).display === "table-row"),
  [...t.querySelectorAll("td, th")].every((c) => getComputedStyle(c).display === "table-cell"
      && ["none", "normal"].includes(getComputedStyle(c, "::before").content))])"""


@pytest.fixture(scope="module")
def kinds(built_site: Path) -> dict[str, str]:
    return page_kinds(built_site)


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="th-TH")
    yield context.new_page()
    context.close()


@dataclass
class PhoneView:
    """What the phone tests look at on one page: as it opens, then with every fold opened."""

    key_figures: list[str]  # key figure tiles wholly inside the first screen
    height: float  # page height before the first fold (the whole page when nothing folds)
    outside: list[str]  # table boxes wider than the screen and numbers broken over lines
    tables: int  # tables in the article
    roles: list[str]  # roles in Chromium's accessibility tree
    page_width: int  # the page's scroll width as it opens (wider than the screen: it scrolls sideways)


def view_on_a_phone(phone, cdp, url: str) -> PhoneView:
    phone.goto(url, wait_until="load")
    page_width = phone.evaluate(PAGE_WIDTH)
    key_figures, height = phone.evaluate(KEY_FIGURES_ON_FIRST_SCREEN), phone.evaluate(HEIGHT_BEFORE_FOLD)
    phone.evaluate(OPEN_ALL_DETAILS)  # a closed fold hides its table from everyone, as it should
    outside = [*phone.evaluate(TABLE_BOXES_OUTSIDE), *phone.evaluate(BROKEN_NUMBERS)]
    tables = phone.evaluate("() => document.querySelectorAll('article table').length")
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    roles = [n.get("role", {}).get("value") for n in nodes if not n.get("ignored")]
    return PhoneView(key_figures, height, outside, tables, roles, page_width)


@pytest.fixture(scope="module")
def on_phone(phone, site_url: str, kinds: dict[str, str]) -> dict[str, PhoneView]:
    """{"kind path": view} for every page kind at 360 × 800 (why one visit each: four tests look at every page)."""
    cdp = phone.context.new_cdp_session(phone)
    views = {f"{kind} {path}": view_on_a_phone(phone, cdp, site_url + path) for kind, path in kinds.items()}
    cdp.detach()
    return views


def test_tables_fit_a_phone_and_numbers_never_wrap(on_phone: dict[str, PhoneView]) -> None:
    problems = {where: view.outside for where, view in on_phone.items() if view.outside}
    assert not problems, "\n".join(f"{where}:\n  " + "\n  ".join(v) for where, v in problems.items())


def test_key_figures_are_on_the_first_phone_screen(on_phone: dict[str, PhoneView], kinds: dict[str, str]) -> None:
    missing = [
        f"{kind} {kinds[kind]}" for kind in KEY_FIGURE_KINDS if not on_phone[f"{kind} {kinds[kind]}"].key_figures
    ]
    assert not missing, f"no key figure tile within the first 360×800 screen: {missing}"


def test_long_pages_fold_within_twelve_screens(on_phone: dict[str, PhoneView]) -> None:
    screens = {where: view.height / PHONE["height"] for where, view in on_phone.items()}
    too_long = {where: f"{n:.1f} screens" for where, n in screens.items() if n > MAX_SCREENS_BEFORE_FOLD}
    assert not too_long, f"longer than {MAX_SCREENS_BEFORE_FOLD} screens before the first fold: {too_long}"


def test_screen_readers_get_real_tables_on_a_phone(on_phone: dict[str, PhoneView]) -> None:
    """Chromium's own accessibility tree (not the DOM) still has a table, rows and cells for every table."""
    lost = {}
    for where, view in on_phone.items():
        tables = view.roles.count("table")
        cells = {"row", "cell", "columnheader"} <= {str(role).lower() for role in view.roles}
        if tables < view.tables or (view.tables and not cells):
            lost[where] = f"{tables} of {view.tables} tables in the accessibility tree"
    assert not lost, lost


def test_no_page_kind_scrolls_sideways_on_a_phone(on_phone: dict[str, PhoneView]) -> None:
    too_wide = {where: view.page_width for where, view in on_phone.items() if view.page_width > PHONE["width"]}
    assert not too_wide, f"pages wider than {PHONE['width']}px: {too_wide}"


@pytest.fixture(scope="module")
def on_desktop(browser, site_url: str, kinds: dict[str, str]) -> dict[str, tuple[int, list[list[bool]]]]:
    """{"kind path": (page width, table displays)} for every page kind at 1280 × 800."""
    context = browser.new_context(viewport=DESKTOP, locale="th-TH")
    page = context.new_page()
    views = {}
    for kind, path in kinds.items():
        page.goto(site_url + path, wait_until="load")
        views[f"{kind} {path}"] = (page.evaluate(PAGE_WIDTH), page.evaluate(TABLE_DISPLAYS))
    context.close()
    return views


def test_no_page_kind_scrolls_sideways_on_a_desktop(on_desktop: dict[str, tuple[int, list[list[bool]]]]) -> None:
    too_wide = {where: width for where, (width, _) in on_desktop.items() if width > DESKTOP["width"]}
    assert not too_wide, f"pages wider than {DESKTOP['width']}px: {too_wide}"


def test_tables_stay_tables_on_a_desktop(on_desktop: dict[str, tuple[int, list[list[bool]]]]) -> None:
    changed = {where: [d for d in tables if d != [True, True, True]] for where, (_, tables) in on_desktop.items()}
    changed = {where: bad for where, bad in changed.items() if bad}
    assert not changed, changed
