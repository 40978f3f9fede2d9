"""Python-Markdown extension: table captions, header scopes and phone-ready cells (accessibility).

Markdown has no caption syntax. A paragraph marked with the attribute list `{: .table-caption }` placed
right before a table becomes that table's <caption>:

    งบประมาณรายปีของโครงการ (หน่วย: บาท)
    {: .table-caption }

    | ปีงบประมาณ | งบประมาณ (บาท) |
    |---|--:|

Without this extension the caption still shows as a paragraph (so other renderers degrade gracefully).
Header cells in <thead> get scope="col" so screen readers announce the column for every cell.

Phones: every body cell gets `data-label` (its column header's text) and one cell per row, the row's name,
gets `data-row-head`; the table gets `data-stack` (tables of three or more columns only). site.css uses these below a breakpoint to show each row
as a block headed by its name with "label: value" lines, while the markup stays a real <table>.
Speed: an inline pattern is not tried on text that lacks the characters it needs (QuickInlineProcessor).
Registered in mkdocs.yml as `generator.markdown_ext` (after attr_list, which sets the class).
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString

CAPTION_CLASS = "table-caption"
# Key-value tables (label | value) already read as "label: value" on a phone; only wider tables stack.
STACK_MIN_COLUMNS = 3
# Why: raw HTML inside a header is still a stash placeholder at this stage; it must not leak into a label.
_STASH = re.compile("\x02wzxhzdk:\\d+\x03")


# What each inline pattern of Python-Markdown's core (3.x) needs in the text to match: backticks and backslash
# escapes, links and images, raw HTML and autolinks, entities, emphasis, a hard line break.
# tests/test_markdown_quick_inline.py checks each core pattern against text without its triggers.
_CORE_TRIGGERS = {"backtick": ("`", "\\"), "escape": ("\\",), "reference": ("[",), "link": ("[",),
                  "image_link": ("![",), "image_reference": ("![",), "short_reference": ("[",),
                  "short_image_ref": ("![",), "autolink": ("<",), "automail": ("<",), "linebreak": ("  \n",),
                  "html": ("<",), "entity": ("&",), "em_strong": ("*", "_")}  # fmt: skip
PATTERN_TRIGGERS = {Markdown().inlinePatterns[name].pattern: found for name, found in _CORE_TRIGGERS.items()}


class QuickInlineProcessor(InlineProcessor):
    """Python-Markdown's inline step, minus trying a pattern on text that lacks what the pattern needs.

    Why: a generated page is mostly table cells of plain Thai text, and each of the 14 patterns was tried on each
    cell (a fifth of a page's Markdown time). A pattern that cannot match leaves the text as it is and the next
    pattern starts at 0, so skipping it changes nothing. With any pattern outside the core (another extension's),
    it does exactly what Python-Markdown does.
    """

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        patterns = [pattern.pattern for pattern in self.inlinePatterns]
        known = all(pattern in PATTERN_TRIGGERS for pattern in patterns)
        self.triggers = [PATTERN_TRIGGERS[pattern] for pattern in patterns] if known else None
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if self.triggers is None or isinstance(data, AtomicString):
            handle = InlineProcessor._InlineProcessor__handleInline  # type: ignore[attr-defined]
            return handle(self, data, patternIndex)  # type: ignore[no-any-return]
        # Python-Markdown's own loop, with the skip: a pattern is tried from the start of the text only.
        start, count = 0, len(self.inlinePatterns)
        while patternIndex < count:
            if start == 0 and not any(trigger in data for trigger in self.triggers[patternIndex]):
                patternIndex += 1
                continue
            apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
            data, matched, start = apply(self.inlinePatterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class TableCaptionProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            children = list(parent)
            for first, second in itertools.pairwise(children):
                if second.tag == "table" and first.tag == "p" and CAPTION_CLASS in first.get("class", "").split():
                    move_into_caption(parent, first, second)
        for th in root.iter("th"):
            th.set("scope", th.get("scope", "col"))
        for table in root.iter("table"):
            label_cells(table)


def move_into_caption(parent: etree.Element, paragraph: etree.Element, table: etree.Element) -> None:
    caption = etree.Element("caption")
    caption.text = paragraph.text
    caption.tail = None
    for child in paragraph:
        caption.append(child)
    parent.remove(paragraph)
    table.insert(0, caption)


def label_cells(table: etree.Element) -> None:
    """Mark a table with column headers so CSS can stack its rows on narrow screens."""
    head_row = table.find("thead/tr")
    rows = table.findall("tbody/tr")
    if head_row is None or not rows:
        return
    labels = [header_text(th) for th in head_row]
    if len(labels) < STACK_MIN_COLUMNS:
        return
    name_column = row_name_column(rows)
    for row in rows:
        cells = list(row)
        for label, cell in zip(labels, cells, strict=False):
            if label:
                cell.set("data-label", label)
        row_head(cells, name_column).set("data-row-head", "")
    table.set("data-stack", "")


def header_text(th: etree.Element) -> str:
    return " ".join(_STASH.sub("", "".join(th.itertext())).split())


def row_name_column(rows: list[etree.Element]) -> int:
    """The column that names a row: the first mostly holding links, else the first text column, else 0."""
    columns = list(itertools.zip_longest(*(list(row) for row in rows)))
    for index, cells in enumerate(columns):
        if sum(1 for c in cells if c is not None and c.find(".//a") is not None) * 2 > len(rows):
            return index
    for index, cells in enumerate(columns):
        if not any(c is not None and "right" in c.get("style", "") for c in cells):
            return index
    return 0


def row_head(cells: list[etree.Element], name_column: int) -> etree.Element:
    # Why: subtotal rows ("รวม") leave the name column empty; their first filled cell names them instead.
    preferred = cells[name_column] if name_column < len(cells) else cells[0]
    if has_content(preferred):
        return preferred
    return next((c for c in cells if has_content(c)), cells[0])


def has_content(cell: etree.Element) -> bool:
    return bool("".join(cell.itertext()).strip()) or len(cell) > 0


class TableCaptionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 7: after attr_list (8) has turned `{: .table-caption }` into a class, before toc (5).
        md.treeprocessors.register(TableCaptionProcessor(md), "table_caption", 7)
        md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)  # replaces the core's, same place


def makeExtension(**kwargs: object) -> TableCaptionExtension:
    return TableCaptionExtension(**kwargs)
