"""The sample site builds unchanged on ProperDocs, the maintained MkDocs 1.6 fork (`properdocs` on PyPI).

ProperDocs reads our `mkdocs.yml`, loads Material and our plugins from their `mkdocs.*` entry points and
aliases `mkdocs.*` imports to its own modules, so nothing in the repository changes. The pages must be the
same and carry the same article text as the `mkdocs build` of `built_site`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# One page of each engine-sensitive shape: hand-written content, site home, a generated plan page with
# tables and attr_list captions, an OIT item, the long ITA consolidated report.
SAMPLE_PAGES = (
    "about/index.html",
    "index.html",
    "sao-bueng-prue/plan/2566-2570/index.html",
    "sao-bueng-prue/oit/2566/o34/index.html",
    "bma/ita/2565/consolidated/index.html",
)
ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.DOTALL)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("properdocs") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    # `-f mkdocs.yml`: ProperDocs looks for properdocs.yml first and only falls back to mkdocs.yml with a notice.
    cmd = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(out)]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def article_text(html: str) -> str:
    """The visible text of the page's main <article>, whitespace-normalised."""
    match = ARTICLE.search(html)
    assert match is not None, "no <article> in the page"
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", match.group(1))).split())


def test_properdocs_builds_the_same_files(properdocs_site: Path, built_site: Path) -> None:
    assert _files(properdocs_site) == _files(built_site)


@pytest.mark.parametrize("page", SAMPLE_PAGES)
def test_properdocs_page_has_the_same_article(properdocs_site: Path, built_site: Path, page: str) -> None:
    ours = (properdocs_site / page).read_text(encoding="utf-8")
    theirs = (built_site / page).read_text(encoding="utf-8")
    assert article_text(ours) == article_text(theirs)
    assert len(article_text(ours)) > 200
    assert 'content="mkdocs-ProperDocs' in ours and "mkdocs-material-" in ours  # really ProperDocs, really Material
    assert "data-thai-search" in ours  # thai-search plugin ran (it rewrote Material's search box)


def test_properdocs_downloads_are_byte_identical(properdocs_site: Path, built_site: Path) -> None:
    downloads = [p for p in _files(built_site) if p.endswith((".csv", ".json", ".xlsx", ".zip", ".jsonld"))]
    assert len(downloads) > 50
    different = [p for p in downloads if (properdocs_site / p).read_bytes() != (built_site / p).read_bytes()]
    assert different == []
