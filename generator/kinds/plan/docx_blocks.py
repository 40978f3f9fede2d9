"""Paragraphs of one card field → the plan's text blocks (paragraphs, labelled lists, small tables).

Nothing is reworded: a paragraph stays a paragraph, a printed item number such as "2.1)" stays the item's label,
and items nest by the kind of number ("2)" → "2.1)" → "(1)"). Numbers Word adds by itself (automatic
numbering) are not in the text, so they are not invented either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .docx_read import Element, Para, Table

D = "[0-9๐-๙]"
# A printed item number at the start of a paragraph: "1)", "๑.", "2.1)", "3.1", "(1)", optionally after "- ".
MARKER = re.compile(
    rf"^(?:[-•·▪]\s*)?(?P<label>\({D}+\)|{D}+(?:\.{D}+)*[.)]|{D}+(?:\.{D}+)+)(?=\s|[^\d.)])\s*(?P<rest>.+)$"
)
DASH = re.compile(r"^[-•·▪]\s+(?P<rest>.+)$")
# Inline item numbers inside one paragraph (a table cell pasted as one line): "… ๓ ช่องทาง ๒. ผู้บริหาร …".
INLINE = re.compile(rf"(?:(?<=\s)|^)(\({D}+\)|{D}+(?:\.{D}+)*[.)])\s")
THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass
class Note:
    """One line of the import report: what could not be placed (or needs a human look), where, and why."""

    where: str
    field: str
    reason: str
    text: str = ""

    def format(self) -> str:
        quoted = f" — “{shorten(self.text)}”" if self.text else ""
        return f"{self.where}: [{self.field}] {self.reason}{quoted}"


def shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number_of(label: str) -> list[int]:
    return [int(part) for part in re.findall(r"[0-9]+", label.translate(THAI_TO_ARABIC))]


def style_of(label: str) -> tuple[str, int]:
    """The kind of numbering and its depth: ("close", 2) for "2.1)", ("paren", 1) for "(1)"."""
    depth = len(number_of(label))
    if label.startswith("("):
        return "paren", depth
    return {")": "close", ".": "dot"}.get(label[-1], "bare"), depth


def split_inline_items(text: str) -> list[str]:
    """Split "๑) A ๒) B" into ["๑) A", "๒) B"] only when the numbers run in sequence (1, 2, 3 …)."""
    found = list(INLINE.finditer(text))
    if not found or found[0].start() != 0:
        return split_inline_dashes(text)
    cuts, expected = [0], _next(found[0].group(1))
    for match in found[1:]:
        if style_of(match.group(1)) == style_of(found[0].group(1)) and number_of(match.group(1)) == expected:
            cuts.append(match.start())
            expected = _next(match.group(1))
    return [text[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]


def _next(label: str) -> list[int]:
    numbers = number_of(label)
    return [*numbers[:-1], numbers[-1] + 1]


def split_inline_dashes(text: str) -> list[str]:
    """ "- A - B" (bullets pasted into one line) → ["- A", "- B"]; a dash between numbers or Latin words stays."""
    if not text.startswith("- "):
        return [text]
    return ["- " + part.strip() for part in re.split(r"\s-\s(?=[\u0e00-\u0e7f])", text[2:])]


def build_blocks(elements: list[Element]) -> list[Any]:
    """Paragraphs and tables → blocks as plain data (str | {"list": …} | {"table": …}) for the YAML draft."""
    blocks: list[Any] = []
    stack: list[tuple[tuple[str, int], list[Any]]] = []  # open lists: (numbering kind, items)
    for element in elements:
        if isinstance(element, Table):
            stack = []
            blocks.append(
                {"table": {"rows": [[" ".join(p.text for p in cell) for cell in row] for row in element.rows]}}
            )
            continue
        for segment in split_inline_items(element.text):
            stack = _add_segment(blocks, stack, segment, element)
    return blocks


def _add_segment(blocks: list[Any], stack: list[Any], segment: str, para: Para) -> list[Any]:
    item = parse_item(segment, para.bullet)
    if item is None:
        blocks.append(segment)
        return []
    style, entry = item
    while stack and stack[-1][0] != style and style in [s for s, _ in stack]:
        stack.pop()
    if stack and stack[-1][0] == style:
        stack[-1][1].append(entry)
    elif stack:  # a new kind of numbering inside a list: children of the last item
        parent = stack[-1][1][-1]
        if isinstance(parent, str):
            parent = stack[-1][1][-1] = {"text": parent}
        parent.setdefault("items", []).append(entry)
        stack.append((style, parent["items"]))
    else:
        items = [entry]
        blocks.append({"list": items})
        stack = [(style, items)]
    return stack


def parse_item(text: str, bullet: bool) -> tuple[tuple[str, int], Any] | None:
    match = MARKER.match(text)
    if match:
        return style_of(match.group("label")), {"label": match.group("label"), "text": match.group("rest").strip()}
    dash = DASH.match(text)
    if dash:
        return ("dash", 0), dash.group("rest").strip()
    return (("dash", 0), text) if bullet else None


def plain_text(elements: list[Element]) -> str:
    return " ".join(e.text for e in elements if isinstance(e, Para)).strip()
