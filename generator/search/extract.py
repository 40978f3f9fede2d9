"""Searchable text of one built page: its title and its sections (heading anchor, heading, text blocks).

Only the article is indexed, minus the breadcrumb, the edit button, permalink marks, SVG, scripts and styles:
what a reader sees as the page's own content. Each paragraph, list item, table cell and heading is one block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape

from .textnorm import clean_display

BLOCK_TAGS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "caption", "summary",
              "blockquote", "tr", "div", "figcaption"}  # fmt: skip
SKIP_TAGS = {"script", "style", "svg", "nav", "button", "template"}
# glossary-hint: the "คำศัพท์ในหน้านี้: …" line is on many pages; as a snippet it says nothing about the match.
SKIP_CLASSES = {"headerlink", "md-content__button", "md-source-file", "md-feedback", "glossary-hint"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}
SECTION_HEADINGS = {"h2", "h3"}
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)
# Why a tokenizer of our own: html.parser spent ~8 ms a page (a fifth of a 200-unit build) on the same markup,
# which MkDocs and the theme write well-formed. It reads what html.parser reads: comments and declarations are
# dropped, script/style bodies are raw text up to their end tag, a stray "<" is text, character references are
# decoded in text and in attribute values.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<[!?/][^>]*>|[^<]+|<", re.S
)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_END = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}


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


class _ArticleParser:
    def __init__(self) -> None:
        self.sections = [Section("", "")]
        self.title = ""
        self.cells: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.skipped = 0  # entries of `stack` that are skipped
        self.open: dict[str, int] = {}  # tag → how many are on `stack`
        self.buf: list[str] = []
        self.heading: tuple[str, str] | None = None  # (tag, id) while inside an h1-h3
        self.in_trail = False
        self.trail: list[str] = []

    def feed(self, markup: str) -> None:
        for kind, tag, attrs in html_events(markup):
            if kind == "start":
                self.handle_starttag(tag, attrs)
            elif kind == "end":
                self.handle_endtag(tag)
            else:
                self.handle_data(tag)

    def skipping(self) -> bool:
        return self.skipped > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br" and not self.skipping():
                self.buf.append(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "nav" and "breadcrumb" in classes:
            self.in_trail = True
        skipped = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self.stack.append((tag, skipped))
        self.skipped += skipped
        self.open[tag] = self.open.get(tag, 0) + 1
        if self.skipping():
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in SECTION_HEADINGS or tag == "h1":
            self.heading = (tag, dict(attrs).get("id") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or not self.open.get(tag):
            return
        if tag == "nav":
            self.in_trail = False
        while self.stack:
            open_tag, skipped = self.stack.pop()
            self.skipped -= skipped
            self.open[open_tag] -= 1
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
        if not self.buf and not (self.heading and closing == self.heading[0]):
            return
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


Event = tuple[str, str, list[tuple[str, str | None]]]
NO_ATTRS: list[tuple[str, str | None]] = []


def html_events(markup: str) -> Iterator[Event]:
    """("start", tag, attrs), ("end", tag, []) and ("data", text, []) events, as html.parser reports them."""
    pos, end = 0, len(markup)
    while pos < end:
        match = _TOKEN.match(markup, pos)
        assert match is not None  # the last alternative matches any single "<"
        pos = match.end()
        slash, tag, rest = match.group(1, 2, 3)
        if tag is None:
            text = match.group(0)
            if not text.startswith(("<!", "<?", "</")) or text == "<":
                yield "data", unescape(text) if "&" in text else text, NO_ATTRS
            continue
        tag = tag.lower()
        if slash:
            yield "end", tag, NO_ATTRS
            continue
        yield "start", tag, _attributes(rest)
        if rest.endswith("/"):
            yield "end", tag, NO_ATTRS
        elif tag in _RAW_END:
            close = _RAW_END[tag].search(markup, pos)
            yield "data", markup[pos : close.start() if close else end], NO_ATTRS
            if close:
                yield "end", tag, NO_ATTRS
            pos = close.end() if close else end


def _attributes(rest: str) -> list[tuple[str, str | None]]:
    if not rest.strip(" /"):
        return NO_ATTRS
    return [(m[1].lower(), unescape(m[2] or m[3] or m[4] or "")) for m in _ATTR.finditer(rest.rstrip("/"))]


def extract_page(page_html: str) -> PageText | None:
    """The article's title and sections, or None for a page without an article (e.g. a redirect)."""
    match = _ARTICLE.search(page_html)
    return read_article(match.group(1)) if match else None


def extract_content(content: str, title: str) -> PageText:
    """What `extract_page` reads from the finished page, from the page's content before the theme wraps it.

    Why: every page's content exists before the theme renders the first page, so the index can be built while
    it does (plugin.py). Inside the article the theme adds only the edit button and the source-file and
    feedback parts (all skipped), and an <h1> of the page title when the content has none (Material's
    partials/content.html); titles are plain text there (mkdocs_plugin.safe_title).
    """
    return read_article(content if "<h1" in content else f"<h1>{title}</h1>{content}")


def read_article(markup: str) -> PageText:
    parser = _ArticleParser()
    parser.feed(markup)
    parser.flush()
    sections = [s for s in parser.sections if s.blocks]
    title = parser.title or (sections[0].blocks[0] if sections else "")
    trail = [part.strip() for part in clean_display("".join(parser.trail)).split("›")]
    return PageText(title, sections, parser.cells, " › ".join(p for p in trail[1:] if p))
