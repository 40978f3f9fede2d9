"""Python-Markdown extension: table captions and header scopes (accessibility).

Markdown has no caption syntax. A paragraph marked with the attribute list `{: .table-caption }` placed
right before a table becomes that table's <caption>:

    งบประมาณรายปีของโครงการ (หน่วย: บาท)
    {: .table-caption }

    | ปีงบประมาณ | งบประมาณ (บาท) |
    |---|--:|

Without this extension the caption still shows as a paragraph (so other renderers degrade gracefully).
Header cells in <thead> get scope="col" so screen readers announce the column for every cell.
Registered in mkdocs.yml as `generator.markdown_ext` (after attr_list, which sets the class).
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CAPTION_CLASS = "table-caption"


class TableCaptionProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            children = list(parent)
            for first, second in itertools.pairwise(children):
                if second.tag == "table" and first.tag == "p" and CAPTION_CLASS in first.get("class", "").split():
                    move_into_caption(parent, first, second)
        for th in root.iter("th"):
            th.set("scope", th.get("scope", "col"))


def move_into_caption(parent: etree.Element, paragraph: etree.Element, table: etree.Element) -> None:
    caption = etree.Element("caption")
    caption.text = paragraph.text
    caption.tail = None
    for child in paragraph:
        caption.append(child)
    parent.remove(paragraph)
    table.insert(0, caption)


class TableCaptionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 7: after attr_list (8) has turned `{: .table-caption }` into a class, before toc (5).
        md.treeprocessors.register(TableCaptionProcessor(md), "table_caption", 7)


def makeExtension(**kwargs: object) -> TableCaptionExtension:
    return TableCaptionExtension(**kwargs)
