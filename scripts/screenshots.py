"""Screenshots of one page per page kind at phone (360 × 800) and desktop (1280 × 800) width.

`make screenshots` builds the sample site and writes screenshots/<width>/<kind>.png (not committed):
the first screen of each page plus a full-page copy, so a layout change can be looked at before review.
Uses Debian chromium through Playwright (the same browser as tests/browser).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402
from tests.browser.page_kinds import page_kinds  # noqa: E402

WIDTHS = (360, 1280)
HEIGHT = 800


def file_name(kind: str) -> str:
    """'<unit>/plan/*/budget' → 'unit-plan-x-budget'."""
    cleaned = kind.replace("<", "").replace(">", "").replace("*", "x").replace("/", "-")
    return cleaned or "home"


def take_screenshots(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server, url = serve_directory(site)
    written: list[Path] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for width in WIDTHS:
                written += shoot_width(browser, url, page_kinds(site), out / str(width), width)
            browser.close()
    finally:
        server.shutdown()
    return written


def shoot_width(browser: object, url: str, kinds: dict[str, str], folder: Path, width: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, locale="th-TH")  # type: ignore[attr-defined]
    page = context.new_page()
    written = []
    for kind, path in kinds.items():
        page.goto(url + path, wait_until="networkidle")
        for suffix, full in (("", False), ("-full", True)):
            shot = folder / f"{file_name(kind)}{suffix}.png"
            page.screenshot(path=str(shot), full_page=full)
            written.append(shot)
    context.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (default: site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="output folder (default: screenshots/)")
    args = parser.parse_args()
    written = take_screenshots(args.site, args.out)
    print(f"{len(written)} ภาพ ใน {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
