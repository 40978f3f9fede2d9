"""Golden tests: the generated Markdown of the sample data is pinned byte for byte.

After an intended change, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff in git.
The plan kind pins every page (golden/markdown); every other page kind pins a representative page or two
(golden/pages; progress and complaints pin theirs in their own tests), and `test_every_page_kind_is_pinned`
makes sure a new page kind cannot land without a golden copy.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator.site import render_site
from tests.conftest import DATA
from tests.helpers import stable_markdown

GOLDEN_ROOT = Path(__file__).parent / "golden"
GOLDEN = GOLDEN_ROOT / "markdown"
GOLDEN_PAGES = GOLDEN_ROOT / "pages"
# The plan kind's pages (other kinds pin their own output in their own tests).
PINNED_PARTS = ("/plan/2566-2570/index.md", "/plan/2566-2570/budget/", "/plan/2566-2570/dimensions/", "/plan/2566-2570/projects/")
# One representative page (two where a kind has two shapes of data) of every other page kind.
REPRESENTATIVES = (
    "index.md",
    "data-dictionary/index.md",
    "sao-bueng-prue/index.md",
    "bma/index.md",
    "sao-bueng-prue/opendata/index.md",
    "bma-district-suan-luang/ita/2565/index.md",
    "bma-district-suan-luang/ita/2565/measures/index.md",
    "bma-district-suan-luang/ita/2565/indicators/9/index.md",
    "bma/ita/2565/consolidated/index.md",
    "sao-bueng-prue/oit/2566/index.md",
    "sao-bueng-prue/oit/2566/o34/index.md",
    "bma-district-suan-luang/oit/2565/index.md",
    "units/index.md",
    "units/นครราชสีมา/index.md",
    "frameworks/index.md",
    "frameworks/lg-2566-2570/index.md",
    "frameworks/lg-2566-2570/priorities/priority-bma-2567/index.md",
    "frameworks/lg-2566-2570/minimums/index.md",
    "frameworks/lg-2561-2564/index.md",
    "sao-bueng-prue/plan/2561-2564/index.md",
    "sao-bueng-prue/plan/2561-2564/dimensions/2/index.md",
)
# Every URL shape the site has; a page matching none is a new page kind that needs a golden copy.
PAGE_KINDS = {
    "site home": r"index\.md",
    "data dictionary": r"data-dictionary/index\.md",
    "unit home": r"(?!data-dictionary/|units/|frameworks/)[^/]+/index\.md",
    "unit directory": r"units/index\.md",
    "unit directory by province": r"units/[^/]+/index\.md",
    "open data": r"[^/]+/opendata/index\.md",
    "plan": r"[^/]+/plan/[^/]+/index\.md",
    "plan budget": r"[^/]+/plan/[^/]+/budget/index\.md",
    "plan dimension": r"[^/]+/plan/[^/]+/dimensions/[^/]+/index\.md",
    "plan project": r"[^/]+/plan/[^/]+/projects/[^/]+/index\.md",
    "progress index": r"[^/]+/plan/[^/]+/progress/index\.md",
    "progress round": r"[^/]+/plan/[^/]+/progress/[^/]+/index\.md",
    "complaints index": r"[^/]+/complaints/index\.md",
    "complaints year": r"[^/]+/complaints/\d+/index\.md",
    "ITA report": r"[^/]+/ita/\d+/index\.md",
    "ITA measures": r"[^/]+/ita/\d+/measures/index\.md",
    "ITA indicator": r"[^/]+/ita/\d+/indicators/\d+/index\.md",
    "ITA consolidated": r"[^/]+/ita/\d+/consolidated/index\.md",
    "OIT checklist": r"[^/]+/oit/\d+/index\.md",
    "OIT item": r"[^/]+/oit/\d+/[^/]+/index\.md",
    "framework index": r"frameworks/index\.md",
    "framework": r"frameworks/[^/]+/index\.md",
    "framework priority table": r"frameworks/[^/]+/priorities/[^/]+/index\.md",
    "framework minimums": r"frameworks/[^/]+/minimums/index\.md",
}


def _pinned(files: dict[str, str]) -> dict[str, str]:
    return {path: stable_markdown(text) for path, text in files.items() if any(part in "/" + path for part in PINNED_PARTS)}


def _kinds_of(path: str) -> list[str]:
    return [kind for kind, shape in PAGE_KINDS.items() if re.fullmatch(shape, path)]


def assert_golden(pages: dict[str, str], golden: Path) -> None:
    """`pages` equals the Markdown files under `golden`; UPDATE_GOLDEN=1 rewrites them first."""
    if os.environ.get("UPDATE_GOLDEN"):
        for old in golden.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            target = golden / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {p.relative_to(golden).as_posix(): p.read_text(encoding="utf-8") for p in golden.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its golden copy (UPDATE_GOLDEN=1 to accept)"


@pytest.fixture(scope="module")
def all_files() -> dict[str, str]:
    return render_site(DATA).files


@pytest.fixture(scope="module")
def rendered(all_files: dict[str, str]) -> dict[str, str]:
    return _pinned(all_files)


def test_golden_markdown(rendered: dict[str, str]) -> None:
    assert_golden(rendered, GOLDEN)


def test_golden_other_page_kinds(all_files: dict[str, str]) -> None:
    """ITA, OIT, unit and site home, open data and data dictionary: a representative page of each kind."""
    assert_golden({path: stable_markdown(all_files[path]) for path in REPRESENTATIVES}, GOLDEN_PAGES)


def test_every_page_kind_is_pinned(all_files: dict[str, str]) -> None:
    unknown = [path for path in all_files if len(_kinds_of(path)) != 1]
    assert not unknown, f"pages of no known kind (add to PAGE_KINDS and pin one in REPRESENTATIVES): {unknown}"
    goldens = [p.relative_to(d).as_posix() for d in GOLDEN_ROOT.iterdir() if d.is_dir() for p in d.rglob("*.md")]
    pinned = {kind for path in goldens for kind in _kinds_of(path)}
    assert sorted(set(PAGE_KINDS) - pinned) == []


def test_every_card_has_a_page(rendered: dict[str, str]) -> None:
    cards = [p for p in rendered if "/projects/" in p]
    by_unit = {unit: sum(1 for p in cards if p.startswith(unit + "/")) for unit in
               ("sao-bueng-prue", "bma-district-suan-luang", "bma-finance-department")}
    assert by_unit == {"sao-bueng-prue": 18, "bma-district-suan-luang": 22, "bma-finance-department": 10}
