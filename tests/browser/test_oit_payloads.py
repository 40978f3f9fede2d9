"""OIT link payloads (issue 13, point 1) in a real build opened in Chromium.

Two data sets. In the first, `page:`/`content:` of an OIT map carry the fragment payloads: `mkdocs build`
refuses the data (non-zero exit) and leaves the published site as it was. In the second, the same payloads
sit where the map accepts them — external `url:` fragments, link descriptions and notes — and every page kind
of the built site is loaded in Chromium: no dialog, no injected element and no request to another host.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import serve_directory
from tests.browser.page_kinds import page_kinds
from tests.conftest import ROOT
from tests.test_oit_fragments import PAYLOADS
from tests.test_security_injection import find_injections, mkdocs_build, write_config

pytestmark = pytest.mark.browser

INJECTED = "[onerror], [onload], [onclick], [onmouseover], [onfocus], script[src*=evil], img[src=x], svg[onload]"
MISSING = re.compile(r'^(\s+)missing: .*$', re.MULTILINE)


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def _url_payloads() -> list[str]:
    """The payloads an http(s) URL field accepts (no white space): the rest are refused by the model."""
    return [p for p in PAYLOADS if not re.search(r"\s", p)]


def _carry_payloads(data: Path) -> int:
    """Replace every `missing:` entry of every OIT map by an external link whose fragment/description is hostile."""
    urls, texts = cycle(_url_payloads()), cycle(PAYLOADS)
    count = 0
    for path in sorted((data / "units").glob("*/oit-*.yml")):

        def swap(match: re.Match[str]) -> str:
            indent = match.group(1)
            text = next(texts)
            return f"{indent}url: {_yaml('https://example.invalid/doc' + next(urls))}\n{indent}description: {_yaml(text)}\n{indent}note: {_yaml(text)}"

        text, n = MISSING.subn(swap, path.read_text(encoding="utf-8"))
        path.write_text(text.replace("*none", '"x"'), encoding="utf-8")
        count += n
    return count


@pytest.fixture(scope="module")
def payload_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("oit-payloads")
    shutil.copytree(ROOT / "data", root / "data")
    assert _carry_payloads(root / "data") > 20
    result = mkdocs_build(write_config(root, root / "data"), root / "site")
    assert result.returncode == 0, result.stderr[-4000:]
    return root / "site"


@pytest.fixture(scope="module")
def payload_url(payload_build: Path) -> Iterator[str]:
    server, url = serve_directory(payload_build)
    yield url
    server.shutdown()


def test_fragment_payloads_in_page_targets_stop_the_build_and_keep_the_old_site(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old site\n", encoding="utf-8")
    oit_map = tmp_path / "data" / "units" / "sao-bueng-prue" / "oit-2566.yml"
    text = oit_map.read_text(encoding="utf-8")
    head, _, tail = text.rpartition("missing: *none")
    assert head, "the sample map has no item left to point at a page"
    hostile = head + "page: " + _yaml("sao-bueng-prue/plan/2566-2570/" + PAYLOADS[0]) + tail
    oit_map.write_text(hostile, encoding="utf-8")
    result = mkdocs_build(write_config(tmp_path, tmp_path / "data"), site)
    assert result.returncode != 0
    assert "oit-2566.yml:" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "old site\n"


def test_built_oit_pages_carry_no_markup_from_links(payload_build: Path) -> None:
    pages = sorted((payload_build).rglob("oit/**/*.html"))
    assert len(pages) > 5
    for page_file in pages:
        assert find_injections(page_file.read_text(encoding="utf-8")) == [], page_file


def test_every_page_kind_runs_nothing_and_asks_no_other_host(page, payload_build: Path, payload_url: str) -> None:
    dialogs: list[str] = []
    requested: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requested.append(request.url))
    kinds = page_kinds(payload_build)
    assert any("oit" in kind for kind in kinds)
    for kind, rel in kinds.items():
        page.goto(f"{payload_url}{rel}", wait_until="load")
        assert page.locator(INJECTED).count() == 0, kind
    here = urlsplit(payload_url).netloc
    foreign = sorted({u for u in requested if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != here})
    assert dialogs == [] and foreign == []
