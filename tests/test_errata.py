"""Corrections are data, shown on the page they affect, and checked against the printed seeds (../shared/seeds).

Every `errata:` entry (a plan's, a project's, an ITA report's, a complaint statistic's) says what the unit printed
(`original`) and what the page shows instead (`corrected`). For a wording change both are literal text: each part
of `original` (parts are separated by '; ', ' / ' or '…') is in the seed, each part of `corrected` is on the page
that lists the erratum. A `layout: true` entry describes a move/join/split in words and is only checked for its page.
No YAML comment may still describe a correction: comments say where data came from, corrections live in `errata:`.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.mdtext import escape_md
from generator.site import RenderedSite, render_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
# Which printed document each data file was transcribed from.
SOURCES = {
    "bma-district-suan-luang/plan-2566-2570.yml": "000",
    "sao-bueng-prue/plan-2566-2570.yml": "001",
    "bma-district-suan-luang/ita-2565.yml": "002",
    "bma/ita-consolidated-2565.yml": "003",
    "bma-finance-department/plan-2566-2570.yml": "004",
}
PARTS = re.compile(r"; | / |…")
ERRATA_HEADING = "## แก้ไขจากต้นฉบับ"


def normalise(text: str) -> str:
    return " ".join(text.split())


def seed_text(prefix: str) -> str:
    raw = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return normalise(re.sub(r"<[^>]+>", " ", raw))


def page_text(markdown: str) -> str:
    """What a reader sees, roughly: Markdown escapes and entities undone, link targets dropped."""
    text = re.sub(r"\]\([^)]*\)(\{[^}]*\})?", "", markdown).replace("[", "")
    text = re.sub(r"\\(.)", r"\1", text)
    return normalise(html.unescape(text))


def iter_errata(value: Any, project: str | None = None) -> Iterator[tuple[str | None, dict[str, Any]]]:
    if isinstance(value, dict):
        here = value["id"] if isinstance(value.get("id"), str) else project  # a project card has an id
        for key, child in value.items():
            if key == "errata" and isinstance(child, list):
                yield from ((here, entry) for entry in child)
            else:
                yield from iter_errata(child, here)
    elif isinstance(value, list):
        for child in value:
            yield from iter_errata(child, project)


def data_errata() -> list[tuple[str, str | None, dict[str, Any]]]:
    found = []
    for path in sorted((DATA / "units").rglob("*.yml")):
        rel = path.relative_to(DATA / "units").as_posix()
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(rel, project, entry) for project, entry in iter_errata(tree)]
    return found


def parts(text: str | None) -> list[str]:
    return [normalise(p) for p in PARTS.split(text or "") if normalise(p)]


@pytest.fixture(scope="module")
def site() -> RenderedSite:
    return render_site(DATA)


def test_the_sample_data_has_errata_in_every_kind_that_corrects_text() -> None:
    files = {rel for rel, _, _ in data_errata()}
    assert set(SOURCES) <= files
    assert any(project for _, project, _ in data_errata()), "no project-level erratum"


ERRATA = data_errata()
IDS = [f"{rel}#{i}" for i, (rel, _, _) in enumerate(ERRATA)]


@needs_seeds
@pytest.mark.parametrize(("rel", "project", "entry"), ERRATA, ids=IDS)
def test_original_is_printed_in_the_seed(rel: str, project: str | None, entry: dict[str, Any]) -> None:
    assert rel in SOURCES, f"{rel} has errata but no seed to check them against"
    if entry.get("layout"):
        return
    seed = seed_text(SOURCES[rel])
    missing = [part for part in parts(entry.get("original")) if part not in seed]
    assert not missing, f"{rel}: {entry['where']}: not in seed {SOURCES[rel]}: {missing}"


@pytest.mark.parametrize(("rel", "project", "entry"), ERRATA, ids=IDS)
def test_correction_is_shown_on_the_page_it_affects(
    site: RenderedSite, rel: str, project: str | None, entry: dict[str, Any]
) -> None:
    unit = rel.split("/")[0]
    row = f"| {escape_md(entry['where'])} | {escape_md(entry.get('original') or '(ไม่มี)')} |"
    pages = [
        path
        for path, text in site.files.items()
        if path.startswith(unit + "/") and ERRATA_HEADING in text and row in text.partition(ERRATA_HEADING)[2]
    ]
    assert pages, f"{rel}: erratum '{entry['where']}' is on no page"
    if project:
        assert all(f"/projects/{project}/" in path for path in pages), pages
    if entry.get("layout"):
        return
    # The document's pages: a report's errata are listed on its first page, its items are on the pages below it.
    folder = pages[0].rsplit("/", 1)[0] + "/"
    body = " ".join(
        page_text(text.partition(ERRATA_HEADING)[0]) for path, text in site.files.items() if path.startswith(folder)
    )
    missing = [part for part in parts(entry.get("corrected")) if part not in body]
    assert not missing, f"{pages[0]}: corrected text not on the page: {missing}"


CORRECTION_WORDS = ("→", "แก้ไขจากต้นฉบับ:", "typo", "พิมพ์ผิด")


def test_no_yaml_comment_describes_a_correction() -> None:
    offending = [
        f"{path.relative_to(DATA)}:{number}: {line.strip()}"
        for path in sorted((DATA / "units").rglob("*.yml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.lstrip().startswith("#") and any(word in line for word in CORRECTION_WORDS)
    ]
    assert not offending, "\n".join(offending)


def test_every_kind_with_printed_text_shows_its_errata(tmp_path: Path) -> None:
    """Complaint statistics carry errata through the same core model and section as plans and ITA reports."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "units" / "bma" / "complaints-2566.yml"
    erratum = (
        "errata:\n  - where: ที่มาของข้อมูล\n    original: ประมวลผลข้อมูลโดย\n    corrected: ประมวลผลโดย\n    reason: ทดสอบ\n"
    )
    path.write_text(path.read_text(encoding="utf-8") + erratum, encoding="utf-8")
    page = render_site(data).files["bma/complaints/2566/index.md"]
    assert "\n\n## แก้ไขจากต้นฉบับ {#errata}" in page
    assert "| ที่มาของข้อมูล | ประมวลผลข้อมูลโดย | ประมวลผลโดย | ทดสอบ |" in page
