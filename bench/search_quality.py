"""Search quality and speed, measured through the real header search box in headless Chromium.

Builds the sample site (or, with --pages N, a synthetic site of about N pages from bench/synthetic.py), serves it
on 127.0.0.1, types every query of bench/search_queries.txt into Material's header search box and reads the result
links. Ground truth comes from the built pages (bench/search_truth.py). Prints, overall and per category:
nR@10 (relevant pages found in the top 10, over min(10, relevant)), P@10 (share of shown top-10 results that are
relevant), zero-result rate (queries with a relevant page but no result), false hits (results for queries that no
page contains), nR@10 against the looser substring rule (no word boundaries) for comparison, latency (input event →
results in the DOM, measured in the page) warm, repeated and cold, and the bytes the search downloads on a fresh
page before its first result (script, style, manifest, key shards, page records).

Usage: python bench/search_quality.py [--pages 2000] [--cold 40] [--site DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import math
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build import mkdocs_build, write_config
from bench.search_truth import GroundTruth
from bench.synthetic import ROOT, make_synthetic_data

QUERIES = ROOT / "bench" / "search_queries.txt"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
SEARCH_ASSETS = ("/search/thai/", "/assets/search/")
PAGES_PER_UNIT = 20  # a synthetic unit (bench/synthetic.py) yields about 20-28 pages


@dataclass
class Outcome:
    category: str
    query: str
    relevant: set[str]
    substring: set[str]
    results: list[str]
    ms: float
    cached_ms: float | None = None
    cold_ms: float | None = None
    cold_bytes: int | None = None
    files: list[str] = field(default_factory=list)

    @property
    def hits(self) -> int:
        return len(set(self.results[:10]) & self.relevant)


def load_queries(path: Path = QUERIES) -> list[tuple[str, str]]:
    category, out = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            category = line[3:].strip()
        elif line.strip() and not line.startswith("#"):
            out.append((category, line.strip()))
    return out


def build_site(work: Path, pages: int | None) -> Path:
    data = make_synthetic_data(work, math.ceil(pages / PAGES_PER_UNIT)) if pages else ROOT / "data"
    site = work / "site"
    seconds = mkdocs_build(write_config(work, ROOT / "content", data), site)
    print(f"built {site} in {seconds:.1f} s", file=sys.stderr)
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def run_query(page, query: str) -> tuple[list[str], float]:  # type: ignore[no-untyped-def]
    """Type `query` into the header box; return the result paths in order and the in-page latency (ms)."""
    box = page.locator(".md-search__input")
    box.fill("")
    page.wait_for_function("document.querySelector('[data-thai-search]').dataset.thaiSearchState === 'idle'")
    box.fill(query)
    page.wait_for_function(
        "q => { const d = document.querySelector('[data-thai-search]').dataset;"
        " return d.thaiSearchState === 'done' && d.thaiSearchQuery === q || d.thaiSearchState === 'error'; }",
        arg=query,
    )
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    ms = float(page.eval_on_selector("[data-thai-search]", "el => el.dataset.thaiSearchMs || 'nan'"))
    return [urlsplit(h).path for h in hrefs], ms


def measure(url: str, truth: GroundTruth, queries: list[tuple[str, str]], cold: int) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    outcomes = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(locale="th-TH")
        page = context.new_page()
        page.goto(url + "/")
        page.locator(".md-search__input").click()
        for category, query in queries:
            results, ms = run_query(page, query)
            outcomes.append(Outcome(category, query, truth.relevant(query), truth.substring(query), results, ms))
        for outcome in outcomes:  # again: every index file is now in the page's cache, so this is pure compute
            outcome.cached_ms = run_query(page, outcome.query)[1]
        context.close()
        step = max(1, len(outcomes) // cold) if cold else 0
        for outcome in outcomes[::step][:cold] if cold else []:
            measure_cold(browser, url, outcome)
        browser.close()
    return outcomes


def measure_cold(browser, url: str, outcome: Outcome) -> None:  # type: ignore[no-untyped-def]
    """A fresh browser profile: open the home page, search once; count every search byte fetched until results."""
    context = browser.new_context(locale="th-TH")
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url + "/")
    page.locator(".md-search__input").click()
    _, outcome.cold_ms = run_query(page, outcome.query)
    search = [r for r in finished if any(part in r.url for part in SEARCH_ASSETS)]
    # Why max(0, …): Playwright's body size is bytes received minus header size, negative for a cache hit.
    outcome.cold_bytes = sum(max(0, r.sizes()["responseBodySize"]) for r in search)
    outcome.files = [urlsplit(r.url).path for r in search]
    context.close()


def summarize(name: str, rows: list[Outcome]) -> str:
    with_rel = [o for o in rows if o.relevant]
    shown = [o for o in rows if o.results]
    nr = statistics.mean(o.hits / min(10, len(o.relevant)) for o in with_rel) if with_rel else float("nan")
    p = statistics.mean(o.hits / len(o.results[:10]) for o in shown) if shown else float("nan")
    zero = sum(1 for o in with_rel if not o.results)
    false_hits = sum(1 for o in rows if not o.relevant and o.results)
    warm = statistics.median(o.ms for o in rows)
    with_sub = [o for o in rows if o.substring]
    nr_sub = (
        statistics.mean(len(set(o.results[:10]) & o.substring) / min(10, len(o.substring)) for o in with_sub)
        if with_sub
        else float("nan")
    )
    return (
        f"{name:<48} {len(rows):>4} {nr:>7.3f} {p:>7.3f} {zero:>4} ({zero / max(1, len(with_rel)):>5.1%})"
        f" {false_hits:>6} {warm:>8.1f} {nr_sub:>12.3f}"
    )


def report(outcomes: list[Outcome], pages: int, show_misses: bool) -> None:
    print(f"pages indexed: {pages}; queries: {len(outcomes)}")
    print(
        f"{'category':<48} {'n':>4} {'nR@10':>7} {'P@10':>7} {'zero-result':>12} {'false':>6} {'warm ms':>8} {'nR@10 substr':>12}"
    )
    categories = dict.fromkeys(o.category for o in outcomes)
    for category in categories:
        print(summarize(category, [o for o in outcomes if o.category == category]))
    print(summarize("ALL", outcomes))
    cold = [o for o in outcomes if o.cold_bytes is not None]
    if cold:
        kb = sorted(o.cold_bytes / 1024 for o in cold if o.cold_bytes is not None)
        ms = sorted(o.cold_ms for o in cold if o.cold_ms is not None)
        print(
            f"cold (fresh page, first query; {len(cold)} queries): median {statistics.median(ms):.1f} ms,"
            f" max {ms[-1]:.1f} ms; search bytes before first result median {statistics.median(kb):.1f} KB,"
            f" max {kb[-1]:.1f} KB"
        )
    warm = sorted(o.ms for o in outcomes)
    print(
        f"warm (same page, query after query): median {statistics.median(warm):.1f} ms,"
        f" p90 {warm[int(len(warm) * 0.9)]:.1f} ms, max {warm[-1]:.1f} ms"
    )
    cached = sorted(o.cached_ms for o in outcomes if o.cached_ms is not None)
    if cached:
        print(
            f"repeat (index files already fetched: decode, verify, render): median {statistics.median(cached):.1f} ms,"
            f" max {cached[-1]:.1f} ms"
        )
    if show_misses:
        for o in outcomes:
            missed = sorted(o.relevant - set(o.results[:10]))[: max(0, min(10, len(o.relevant)) - o.hits)]
            wrong = [r for r in o.results[:10] if r not in o.relevant]
            if missed or wrong:
                print(f"  {o.category} | {o.query} | rel={len(o.relevant)} missed={missed[:3]} wrong={wrong[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, help="build a synthetic site of about this many pages instead")
    parser.add_argument("--cold", type=int, default=30, help="queries to repeat on a fresh page (bytes, cold ms)")
    parser.add_argument("--site", type=Path, help="use an already built site directory")
    parser.add_argument("--keep", type=Path, help="build in this directory and keep it (reuse later with --site)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        site = args.site or build_site(args.keep or Path(tmp), args.pages)
        start = time.perf_counter()
        truth = GroundTruth(site)
        print(f"ground truth over {len(truth.pages)} pages in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        server, url = serve(site)
        try:
            outcomes = measure(url, truth, load_queries(), args.cold)
        finally:
            server.shutdown()
        report(outcomes, len(truth.pages), args.show_misses)


if __name__ == "__main__":
    main()
