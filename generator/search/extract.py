"""Searchable text of one built page: its title and its sections (heading anchor, heading, text blocks).

Only the article is indexed, minus the breadcrumb, the edit button, permalink marks, SVG, scripts and styles:
what a reader sees as the page's own content. Each paragraph, list item, table cell and heading is one block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .textnorm import clean_display

BLOCK_TAGS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "caption", "summary",
              "blockquote", "tr", "div", "figcaption"}  # fmt: skip
SKIP_TAGS = {"script", "style", "svg", "nav", "button", "template"}
# glossary-hint: the "คำศัพท์ในหน้านี้: …" line is on many pages; as a snippet it says nothing about the match.
SKIP_CLASSES = {"headerlink", "md-content__button", "md-source-file", "md-feedback", "glossary-hint"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}
SECTION_HEADINGS = {"h2", "h3"}
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)


@dataclass
class Section:
    anchor: str
    heading: str
    blocks: list[str] = field(default_factory=list)


@dataclass
class PageText:
    title: str
    sections: list[Section]
    cells: list[str] = field(default_factory=list)  # short table cells: office and dimension names, for the dictionary
    trail: str = ""  # the breadcrumb without "หน้าแรก", shown under a result's title (not searched)

    def headings(self) -> list[str]:
        return [self.title, *(s.heading for s in self.sections if s.heading)]


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", "")]
        self.title = ""
        self.cells: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.buf: list[str] = []
        self.heading: tuple[str, str] | None = None  # (tag, id) while inside an h1-h3
        self.in_trail = False
        self.trail: list[str] = []

    def skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br" and not self.skipping():
                self.buf.append(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "nav" and "breadcrumb" in classes:
            self.in_trail = True
        self.stack.append((tag, tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)))
        if self.skipping():
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in SECTION_HEADINGS or tag == "h1":
            self.heading = (tag, dict(attrs).get("id") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not any(t == tag for t, _ in self.stack):
            return
        if tag == "nav":
            self.in_trail = False
        while self.stack:
            open_tag, _skipped = self.stack.pop()
            if open_tag == tag:
                break
        if not self.skipping() and tag in BLOCK_TAGS:
            self.flush(closing=tag)

    def handle_data(self, data: str) -> None:
        if self.in_trail:
            self.trail.append(data)
        if not self.skipping():
            self.buf.append(data)

    def flush(self, closing: str | None = None) -> None:
        text = clean_display("".join(self.buf))
        self.buf = []
        if self.heading and closing == self.heading[0]:
            tag, anchor = self.heading
            self.heading = None
            if tag == "h1" and not self.title:
                self.title = text
            elif tag in SECTION_HEADINGS:
                self.sections.append(Section(anchor, text))
        if text:
            self.sections[-1].blocks.append(text)
            if closing in ("td", "th") and len(text) <= 60:
                self.cells.append(text)


def extract_page(page_html: str) -> PageText | None:
    """The article's title and sections, or None for a page without an article (e.g. a redirect)."""
    match = _ARTICLE.search(page_html)
    if not match:
        return None
    parser = _ArticleParser()
    parser.feed(match.group(1))
    parser.close()
    parser.flush()
    sections = [s for s in parser.sections if s.blocks]
    title = parser.title or (sections[0].blocks[0] if sections else "")
    trail = [part.strip() for part in clean_display("".join(parser.trail)).split("›")]
    return PageText(title, sections, parser.cells, " › ".join(p for p in trail[1:] if p))
