"""Ground truth for the search bench, computed from the built HTML (not from the search index).

A page is relevant to a query when one text block of its article (paragraph, list item, cell, heading; breadcrumb,
permalink marks and edit button left out) contains the query on word boundaries, by the rule in
generator/search/textnorm.py. The text is extracted here with regular expressions, independently of the index's
HTML parser, so a page the indexer misreads shows up as a miss.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from generator.search.textnorm import (
    ThaiSegmenter,
    build_norm,
    clean_display,
    find_matches,
    normalize_query,
    terms_from_titles,
)

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)
_DROP = [
    re.compile(r"<(script|style|svg|nav|button)\b.*?</\1>", re.S),
    re.compile(r'<a [^>]*class="(?:headerlink|md-content__button[^"]*)"[^>]*>.*?</a>', re.S),
]
_BLOCK = re.compile(r"</?(?:p|li|td|th|h[1-6]|tr|div|dt|dd|pre|blockquote|caption|figcaption|summary)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"<h[1-3]\b[^>]*>(.*?)</h[1-3]>", re.S)
_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.S)


@dataclass
class TruthPage:
    path: str  # "/unit/plan/2566-2570/" as in a result link
    blocks: list[str]
    terms: list[str]


def text_of(fragment: str) -> str:
    return clean_display(html.unescape(_TAG.sub("", fragment.replace("<br>", " ").replace("<br />", " "))))


def read_page(site: Path, file: Path) -> TruthPage | None:
    match = _ARTICLE.search(file.read_text(encoding="utf-8"))
    if not match:
        return None
    body = match.group(1)
    for pattern in _DROP:
        body = pattern.sub(" ", body)
    blocks = [b for b in (text_of(part) for part in _BLOCK.split(body)) if b]
    terms = [text_of(h) for h in _HEADING.findall(body)] + [
        t for t in map(text_of, _CELL.findall(body)) if len(t) <= 60
    ]
    rel = file.parent.relative_to(site).as_posix()
    return TruthPage("/" if rel == "." else f"/{rel}/", blocks, terms)


class GroundTruth:
    def __init__(self, site: Path) -> None:
        files = [f for f in sorted(site.rglob("index.html")) if f.relative_to(site).parts[0] != "search"]
        self.pages = [p for p in (read_page(site, f) for f in files) if p is not None and p.blocks]
        self.segmenter = ThaiSegmenter(terms_from_titles(t for p in self.pages for t in p.terms))
        self.norms = {p.path: [build_norm(self.segmenter.mark(b))[:2] for b in p.blocks] for p in self.pages}

    def substring(self, query: str) -> set[str]:
        """The issue's looser rule, for comparison: any occurrence with spaces removed, no word boundaries."""
        q = normalize_query(query)
        return {path for path, blocks in self.norms.items() if any(q in n for n, _ in blocks)}

    def relevant(self, query: str) -> set[str]:
        q = normalize_query(query)
        return {path for path, blocks in self.norms.items() if any(find_matches(n, b, q) for n, b in blocks)}
