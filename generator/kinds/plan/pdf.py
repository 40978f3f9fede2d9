"""`python -m generator pdf <unit>`: the whole plan of a unit as one PDF, in the order of the official document.

ส่วนที่ 1 (plan overview / intro) → ส่วนที่ 2 (budget table) → ส่วนที่ 3 (every project card, in plan order).
Why Chromium print-to-PDF (through Playwright, which the browser tests already use): the PDF is exactly the
site's print stylesheet, Sarabun is embedded from the site's own woff2 files, Thai shaping is Chromium's,
and no second layout engine has to be kept in step with the theme.

How: build the site (or take an already built one with --site), serve it on 127.0.0.1, open the plan page,
append the <article> of the budget page and of every project card to it, and print that one document.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ... import urls
from ...kindapi import DocumentKind
from ...models.plan import Plan
from ...pipeline import load_checked
from ...problems import DataError
from . import urls as plan_urls

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#444">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)

# Runs in the plan page: fetch the other pages, keep their <article>, fix relative links, mark the parts.
_ASSEMBLE_JS = """
async ({parts}) => {
  const article = document.querySelector("article.md-content__inner");
  const label = (text) => { const p = document.createElement("p"); p.className = "print-part-label"; p.textContent = text; return p; };
  article.prepend(label(parts[0].label));
  for (const part of parts.slice(1)) {
    const response = await fetch(part.url);
    if (!response.ok) throw new Error(part.url + " " + response.status);
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const source = doc.querySelector("article.md-content__inner");
    const base = new URL(part.url, location.href);
    source.querySelectorAll("[href]").forEach((el) => el.setAttribute("href", new URL(el.getAttribute("href"), base).href));
    source.querySelectorAll("[src]").forEach((el) => el.setAttribute("src", new URL(el.getAttribute("src"), base).href));
    source.querySelectorAll("[id]").forEach((el) => el.setAttribute("id", part.prefix + el.id));
    const section = document.createElement("section");
    section.className = "print-part";
    if (part.label) section.append(label(part.label));
    section.append(...source.childNodes);
    article.append(section);
  }
  // Printed addresses point at the public site (site_url, from the canonical link), not at this local server.
  const canonical = document.querySelector("link[rel=canonical]");
  const local = location.origin + "/";
  const publicBase = canonical && canonical.href.endsWith(parts[0].url) ? canonical.href.slice(0, -parts[0].url.length + 1) : local;
  document.querySelectorAll(".md-content a[href]:not(.headerlink)").forEach((a) => {
    if (!a.getAttribute("href").startsWith("#")) a.setAttribute("data-print-url", a.href.replace(local, publicBase));
  });
  document.title = parts[0].title;
  await document.fonts.ready;
  return document.querySelectorAll("section.print-part").length;
}
"""


def add_pdf_parser(sub: argparse._SubParsersAction, kinds: Sequence[DocumentKind]) -> None:  # type: ignore[type-arg]
    pdf = sub.add_parser("pdf", help="เขียนแผนทั้งฉบับของหน่วยงานเป็น PDF ไฟล์เดียว (ส่วนที่ 1–3)")
    pdf.add_argument("unit", help="รหัสหน่วยงาน เช่น sao-bueng-prue")
    pdf.add_argument("--plan", help="ช่วงปีของแผน เช่น 2566-2570 (ไม่ระบุ = แผนล่าสุด)")
    pdf.add_argument("--out", type=Path, required=True, help="ไฟล์ PDF ที่จะเขียน")
    pdf.add_argument("--data", type=Path, default=Path("data"))
    pdf.add_argument("--site", type=Path, help="โฟลเดอร์เว็บที่สร้างไว้แล้ว (ไม่ระบุ = สร้างใหม่ชั่วคราว)")
    pdf.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="ไฟล์ mkdocs.yml (ใช้เมื่อไม่ระบุ --site)")
    pdf.set_defaults(func=functools.partial(cmd_pdf, kinds=kinds))


def cmd_pdf(args: argparse.Namespace, kinds: Sequence[DocumentKind]) -> int:
    try:
        plan = find_plan(args.data, args.unit, args.plan, kinds)
        pages = plan_parts(args.unit, plan)
        with site_dir(args.site, args.config) as root:
            count = write_pdf(root, pages, args.out)
    except (LookupError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except DataError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        print("ไม่ได้เขียน PDF เพราะข้อมูลมีข้อผิดพลาด", file=sys.stderr)
        return 1
    print(f"เขียน {args.out} แล้ว ({count} หน้าเว็บ)", file=sys.stderr)
    return 0


def find_plan(data_dir: Path, unit_id: str, period: str | None, kinds: Sequence[DocumentKind]) -> Plan:
    """The unit's plan for `period` ('2566-2570'), or its latest plan when `period` is None."""
    data, _ = load_checked(data_dir, kinds)
    unit = data.units.get(unit_id)
    if unit is None:
        raise LookupError(f"ไม่พบหน่วยงาน {unit_id} (มี: {', '.join(sorted(data.units))})")
    plans: list[Plan] = sorted((d.model for d in unit.of_kind(Plan)), key=lambda p: (p.period.start, p.period.end))
    if not plans:
        raise LookupError(f"หน่วยงาน {unit_id} ยังไม่มีแผนปฏิบัติการ")
    if period is None:
        return plans[-1]
    for plan in plans:
        if f"{plan.period.start}-{plan.period.end}" == period:
            return plan
    known = ", ".join(f"{p.period.start}-{p.period.end}" for p in plans)
    raise LookupError(f"ไม่พบแผน {period} ของหน่วยงาน {unit_id} (มี: {known})")


def plan_parts(unit_id: str, plan: Plan) -> list[dict[str, str]]:
    """Site URLs in official order, each with the part label printed above it (one label per part)."""
    parts = [
        {"url": urls.url_of(urls.plan_page(unit_id, plan)), "label": "ส่วนที่ 1 บทนำ", "title": plan.title},
        {"url": urls.url_of(plan_urls.budget_page(unit_id, plan)), "label": "ส่วนที่ 2 บัญชีโครงการและงบประมาณ"},
    ]
    for index, project in enumerate(plan.projects):
        label = "ส่วนที่ 3 รายละเอียดโครงการ/กิจกรรม/มาตรการ" if index == 0 else ""
        parts.append({"url": urls.url_of(urls.project_page(unit_id, plan, project.id)), "label": label})
    for number, part in enumerate(parts):
        part["prefix"] = f"p{number}-"
    return parts


@contextmanager
def site_dir(site: Path | None, config: Path) -> Iterator[Path]:
    """An already built site, or a fresh `mkdocs build` into a temporary folder."""
    if site is not None:
        if not (site / "index.html").is_file():
            raise LookupError(f"{site} ไม่ใช่โฟลเดอร์เว็บที่สร้างแล้ว (ไม่มี index.html)")
        yield site
        return
    with tempfile.TemporaryDirectory(prefix="plan-pdf-") as tmp:
        out = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(out)]
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"สร้างเว็บไม่สำเร็จ:\n{result.stderr[-3000:]}")
        yield out


@contextmanager
def serve(root: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def write_pdf(root: Path, parts: list[dict[str, str]], out: Path) -> int:
    """Print the assembled plan to `out` (A4); returns how many site pages went into it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the environment
        raise RuntimeError("ต้องติดตั้ง playwright ก่อน (pip install -e '.[dev]') และ Debian chromium") from None
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(root) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(locale="th-TH")
            response = page.goto(base + parts[0]["url"], wait_until="load")
            if response is None or not response.ok:
                raise RuntimeError(f"เปิดหน้า {parts[0]['url']} ไม่ได้ (สร้างเว็บจากข้อมูลล่าสุดแล้วหรือยัง)")
            sections = page.evaluate(_ASSEMBLE_JS, {"parts": parts})
            page.emulate_media(media="print")
            page.pdf(
                path=str(out),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            )
        finally:
            browser.close()
    return int(sections) + 1
