"""Markdown output that treats data as data: escaping, and rendering of rich-text blocks.

Every value a template prints is escaped (see `render.py`), so text from YAML can never become
HTML, a link, a heading, a table break or an attribute list. Pre-rendered Markdown is wrapped in `Md`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup

from .models.common import ListBlock, ListItem, TableWrapper, to_arabic_digits

_SPECIAL = re.compile(r"([\\`*_{}\[\]|!#+])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])")
# Why: bidirectional embedding/override/isolate controls can make text display as something else
# ("Trojan Source"); they have no use in Thai text. Zero-width (non-)joiners and spaces are kept:
# Thai text uses U+200B as an invisible word-break hint.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


class Md(Markup):
    """Markdown that was built by the generator and must not be escaped again."""


_LINK_UNSAFE = re.compile(r"[\s()<>\"'`\\\[\]{}|^\x00-\x1f\x7f]")


def link_target(target: str) -> str:
    """The one way a link target is written: characters that could end the link or the HTML attribute are
    percent-encoded, so a target from data can never become markup."""
    return _LINK_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), target)


def escape_md(value: object) -> Md:
    """Escape text so Python-Markdown shows it literally (HTML entities + backslash escapes)."""
    if isinstance(value, Md):
        return value
    return Md(_escape_line_start(_escape_inline(_normalise(value))))


def _normalise(value: object) -> str:
    return " ".join(str(value).translate(_BIDI_CONTROLS).split())


def _escape_inline(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _escape_line_start(text: str) -> str:
    text = _LINE_START.sub(r"\1\2\\\3", text)
    if text.startswith("-"):
        return "\\" + text
    if text.startswith("="):
        return "&#61;" + text[1:]  # a line of '=' under a paragraph would make it a heading; '\=' is no escape
    return text


def escape_linked(value: object) -> Md:
    """Like `escape_md`, but a web address written in the text becomes a link to exactly that address.

    The visible text stays as written (Thai digits too: 'http://๒๐๓.๑๔๘.๒๕๐.๑๗๘/'); the href gets Arabic
    digits so the address works, and goes through `link_target`. Only http(s) addresses are linked."""
    if isinstance(value, Md):
        return value
    text = _normalise(value)
    parts: list[str] = []
    last = 0
    for match in _WEB_ADDRESS.finditer(text):
        url = match.group().rstrip(_TRAILING)
        if url.endswith("://"):
            continue  # no host: text, not an address
        parts += [_escape_inline(text[last : match.start()]), _address_link(url)]
        last = match.start() + len(url)
    parts.append(_escape_inline(text[last:]))
    return Md(_escape_line_start("".join(parts)))


# A web address in running text: up to the first space, quote, bracket or markup character. Punctuation that
# ends a sentence ('.', ',', ')') is not part of it; '(' ')' never are (an address in brackets is common).
_WEB_ADDRESS = re.compile(r"https?://[^\s<>()\[\]{}\"'`|\\^*]+")
_TRAILING = ".,;:!?"


def _address_link(url: str) -> str:
    # Why the class: site.css lets a long address break anywhere on a phone; it also marks the link as made here.
    return f"[{_escape_inline(url)}]({link_target(to_arabic_digits(url))}){{: .web-address }}"


def render_blocks(blocks: Sequence[object], indent: int = 0) -> Md:
    """Render a list of paragraphs / lists / tables as Markdown, each separated by a blank line."""
    parts = [render_block(block, indent) for block in blocks]
    return Md("\n\n".join(p for p in parts if p))


def render_block(block: object, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(block, ListBlock):
        return render_list(block.list, block.ordered, indent)
    if isinstance(block, TableWrapper):
        return render_table(block.table.header, block.table.rows, block.table.caption, indent)
    return pad + escape_linked(block)


def render_list(items: Sequence[object], ordered: bool = False, indent: int = 0) -> str:
    lines = []
    for number, item in enumerate(items, start=1):
        marker = f"{number}. " if ordered else "- "
        lines.append(" " * indent + marker + item_text(item))
        children = item.items if isinstance(item, ListItem) else []
        if children:
            lines.append("")
            lines.append(render_list(children, False, indent + 4))
            lines.append("")
    return "\n".join(lines).rstrip("\n")


def item_text(item: object) -> str:
    if isinstance(item, ListItem):
        label = f"{escape_md(item.label)} " if item.label else ""
        return label + escape_linked(item.text)
    return escape_linked(item)


def render_table(header: list[str], rows: list[list[str]], caption: str | None = None, indent: int = 0) -> str:
    """A Markdown table; rows shorter than the header are padded so the table never breaks."""
    width = max([len(header), *(len(r) for r in rows), 1])
    head = header + [""] * (width - len(header)) if header else ["รายการ", *["รายละเอียด"] * (width - 1)]
    pad = " " * indent
    # Why: generator/markdown_ext.py turns this marked paragraph into the table's <caption>.
    lines = [f"{pad}{escape_md(caption)}", f"{pad}{{: .table-caption }}", ""] if caption else []
    lines.append(pad + "| " + " | ".join(escape_md(h) for h in head) + " |")
    lines.append(pad + "|" + "---|" * width)
    for row in rows:
        cells = [escape_md(c) for c in row] + [""] * (width - len(row))
        lines.append(pad + "| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def collect_targets(blocks: Sequence[object]) -> list[ListItem]:
    """Every list item (at any depth) that carries a KPI target, in document order."""
    found: list[ListItem] = []

    def walk(items: Sequence[object]) -> None:
        for item in items:
            if isinstance(item, ListItem):
                if item.target is not None:
                    found.append(item)
                walk(item.items)

    for block in blocks:
        if isinstance(block, ListBlock):
            walk(block.list)
    return found
