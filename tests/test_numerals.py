"""A unit (or document) that prints Thai digits never shows an Arabic digit the generator wrote.

The rule (README "Numerals"): on every page of a Thai-digit unit, and every page of a document whose own
`numerals:` is `thai`, all text the generator writes — headings, captions, key figures, table cells, labels,
dates, counts — uses ๐-๙. Exempt, because they are not generator text for a reader:
- text from data, shown as the unit printed it (a YAML string with Thai letters: "2019 (โควิด - 19)");
- what a machine reads: link targets, anchors and attribute lists, code spans, HTML tags, URLs, file names of
  downloads, JSON-LD, and the data dictionary rows that describe the (Arabic-digit) CSV/JSON columns;
- proper names of standards that contain digits (UTF-8) and ITA item codes (i1, e6, o36), which are identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.mdtext import escape_md
from generator.site import RenderedSite, render_site

ROOT = Path(__file__).resolve().parent.parent
ARABIC = re.compile(r"[0-9]")
THAI_LETTER = re.compile(r"[\u0e01-\u0e5b]")
# What a machine reads, removed before looking for digits (see the module docstring).
MACHINE = [
    re.compile(r"<script\b.*?</script>", re.DOTALL),
    re.compile(r"^\| `.*$", re.MULTILINE),  # a data dictionary row: it describes the Arabic-digit files
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\{[#:][^}]*\}"),
    re.compile(r"`[^`]*`"),
    re.compile(r"<[^>]*>"),
    re.compile(r"https?://\S+"),
    re.compile(r"[\w.-]+\.(?:csv|json|xlsx|pdf|yml)\b"),
    re.compile(r"\bUTF-8\b"),
    re.compile(r"\b[ieo][0-9]{1,2}\b"),  # ITA item codes (i1, e6, o36): identifiers of the national catalogue
]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)
    elif isinstance(value, str):
        yield value


def data_texts(data: Path) -> list[str]:
    """Every data string with Thai letters and Arabic digits, as a page shows it, longest first."""
    texts: set[str] = set()
    for path in data.rglob("*.yml"):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if ARABIC.search(text) and THAI_LETTER.search(text):
                texts.update({" ".join(text.split()), str(escape_md(text))})
    return sorted(texts, key=len, reverse=True)


def generator_text(page: str, texts: list[str]) -> str:
    for text in texts:
        page = page.replace(text, " ")
    for pattern in MACHINE:
        page = pattern.sub(" ", page)
    return page


@pytest.fixture(scope="module")
def site() -> RenderedSite:
    return render_site(ROOT / "data")


def thai_digit_pages(site: RenderedSite) -> list[str]:
    units = {uid for uid, u in site.data.units.items() if u.unit.model.numerals == "thai"}
    pages = {s.path for s in site.specs if s.context.get("numerals") == "thai"}
    pages |= {path for path in site.files if path.endswith(".md") and path.split("/")[0] in units}
    return sorted(pages)


def test_there_are_thai_digit_units_and_documents(site: RenderedSite) -> None:
    pages = thai_digit_pages(site)
    assert any(p.startswith("bma-finance-department/") for p in pages)
    assert any(p.startswith("bma/") for p in pages)
    assert any(p.startswith("bma-district-suan-luang/ita/") for p in pages)  # a Thai-digit report of an Arabic unit


def test_no_generator_text_shows_arabic_digits_on_thai_digit_pages(site: RenderedSite) -> None:
    texts = data_texts(ROOT / "data")
    leaks = []
    for path in thai_digit_pages(site):
        for line in generator_text(site.files[path], texts).splitlines():
            if ARABIC.search(line):
                leaks.append(f"{path}: {line.strip()[:160]}")
    assert not leaks, "\n".join(leaks)


def test_the_rule_catches_a_leak() -> None:
    assert ARABIC.search(generator_text("## ตารางที่ 1 สถิติ", ["ข้อ 2 จากข้อมูล"]))
    assert not ARABIC.search(generator_text("ข้อ 2 จากข้อมูล [ลิงก์](a/2566/index.md) {#issue-1}", ["ข้อ 2 จากข้อมูล"]))
