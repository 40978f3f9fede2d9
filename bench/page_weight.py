"""Performance budget: what a first visit to a project card costs, and what search costs on first use.

Loads the page in headless Chromium with an empty cache, records every response (HTML, CSS, JS, fonts,
images) and prints raw bytes and gzip bytes (what a static host sends with compression on; GitHub Pages
and most hosts do). Then types into the search box and prints what that fetched (worker + index).
Target: first visit <= 400 KB transferred.

Usage: python bench/page_weight.py [--site site] [--page /sao-bueng-prue/plan/2566-2570/projects/<id>/]
(run `make site` first, or pass --site with a built site).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.kinds.plan.pdf import serve

BUDGET_KB = 400
KINDS = {".html": "html", "/": "html", ".css": "css", ".js": "js", ".woff2": "font", ".woff": "font", ".json": "json"}


def kind_of(url: str) -> str:
    path = url.split("?", 1)[0]
    known = next((kind for suffix, kind in KINDS.items() if path.endswith(suffix)), None)
    return known or (Path(path).suffix.lstrip(".") or "other")


def first_project_page(site: Path) -> str:
    cards = sorted(site.glob("sao-bueng-prue/plan/*/projects/*/index.html")) or sorted(
        site.glob("*/plan/*/projects/*/index.html")
    )
    if not cards:
        raise SystemExit(f"{site}: no project card found; run `make site` first")
    return "/" + cards[0].parent.relative_to(site).as_posix() + "/"


def measure(site: Path, page_path: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """({kind: [files, raw, gzip]} on first load, same for what search fetches on first use)."""
    from playwright.sync_api import sync_playwright

    bodies: list[tuple[str, bytes]] = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        page.on("response", lambda r: bodies.append((r.url, r.body())) if r.ok else None)
        page.goto(base + page_path, wait_until="networkidle")
        first = len(bodies)
        page.locator(".md-search__input").first.click()
        page.keyboard.type("งบประมาณ")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        browser.close()
    return summarise(bodies[:first]), summarise(bodies[first:])


def summarise(bodies: list[tuple[str, bytes]]) -> dict[str, list[int]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for url, body in bodies:
        row = totals[kind_of(url)]
        row[0] += 1
        row[1] += len(body)
        row[2] += len(gzip.compress(body, compresslevel=6))
    return dict(totals)


def print_table(title: str, totals: dict[str, list[int]]) -> tuple[int, int]:
    print(title)
    raw_sum = gz_sum = 0
    for kind in sorted(totals):
        files, raw, gz = totals[kind]
        raw_sum, gz_sum = raw_sum + raw, gz_sum + gz
        print(f"  {kind:6s} {files:3d} file(s) {raw / 1024:9.1f} KB raw {gz / 1024:9.1f} KB gzip")
    print(f"  {'total':6s}              {raw_sum / 1024:9.1f} KB raw {gz_sum / 1024:9.1f} KB gzip")
    return raw_sum, gz_sum


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", help="URL path of the page to weigh (default: first sample project card)")
    args = parser.parse_args()
    page_path = args.page or first_project_page(args.site)
    first, search = measure(args.site, page_path)
    _, gz = print_table(f"first visit (empty cache): {page_path}", first)
    print_table("search on first use (worker + index, fetched when the reader types):", search)
    verdict = "within" if gz <= BUDGET_KB * 1024 else "OVER"
    print(f"first visit: {gz / 1024:.1f} KB transferred (gzip) — {verdict} the {BUDGET_KB} KB budget")
    return 0 if gz <= BUDGET_KB * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
