"""Rich text blocks (paragraphs and lists) as plain lines in one workbook cell, both ways, without loss.

    ย่อหน้า                       a paragraph
    * ข้อความ                     an item of a list
    * 1) ข้อความ                  an item with its printed label (1), 2.1), (3) ...)
    1. ข้อความ                    an item of an ordered list (numbered automatically; the digits are not kept)

Why '*' and not '-': Excel reads a cell typed as '- ข้อความ' as a formula. Anything this notation cannot hold
exactly (targets, nested items, tables, a paragraph that looks like an item) is left to the YAML form.
"""

from __future__ import annotations

import re
from typing import Any

BULLET = "* "
_LABEL = re.compile(r"\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)] ")
_ORDERED = re.compile(r"[0-9]+\. ")
_ITEM_START = re.compile(r"\* |[0-9]+\. ")


def encode_blocks(blocks: list[Any]) -> str | None:
    """The lines of `blocks`, or None when the notation cannot hold them exactly."""
    lines: list[str] = []
    previous = ""
    for block in blocks:
        if _is_text(block) and not _ITEM_START.match(block):
            lines.append(block)
            previous = ""
            continue
        encoded = _encode_list(block)
        if encoded is None or encoded[0] == previous:  # two lists in a row would read back as one
            return None
        previous, items = encoded
        lines += items
    return "\n".join(lines)


def _encode_list(block: Any) -> tuple[str, list[str]] | None:
    if not isinstance(block, dict) or not block.get("list") or not isinstance(block["list"], list):
        return None
    if set(block) == {"list", "ordered"} and block["ordered"] == "true":
        items = block["list"]
        return ("ordered", [f"{n}. {i}" for n, i in enumerate(items, 1)]) if all(map(_is_text, items)) else None
    if set(block) - {"ordered"} != {"list"} or block.get("ordered", "false") != "false":
        return None
    lines = [_encode_item(item) for item in block["list"]]
    return None if None in lines else ("bullets", [line for line in lines if line is not None])


def _encode_item(item: Any) -> str | None:
    if _is_text(item):
        return None if _LABEL.match(item) else BULLET + item
    if not isinstance(item, dict) or set(item) != {"label", "text"} or not _is_text(item["text"]):
        return None
    label = item["label"]
    if not isinstance(label, str) or not _LABEL.fullmatch(label + " ") or _LABEL.match(item["text"]):
        return None
    return f"{BULLET}{label} {item['text']}"


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == value != "" and "\n" not in value


def decode_blocks(text: str) -> list[Any]:
    """Lines back to blocks: paragraphs, runs of '*' items (one list), runs of 'n.' items (one ordered list)."""
    blocks: list[Any] = []
    current = ""
    for line in (raw.rstrip("\r") for raw in text.split("\n")):
        if not line.strip():
            continue
        kind, item = _decode_line(line)
        if kind == "text":
            blocks.append(item)
        elif kind == current:
            blocks[-1]["list"].append(item)
        else:
            blocks.append({"list": [item], "ordered": "true"} if kind == "ordered" else {"list": [item]})
        current = kind if kind != "text" else ""
    return blocks


def _decode_line(line: str) -> tuple[str, Any]:
    if line.startswith(BULLET):
        rest = line[len(BULLET) :]
        label = _LABEL.match(rest)
        return "bullets", ({"label": label.group()[:-1], "text": rest[label.end() :]} if label else rest)
    ordered = _ORDERED.match(line)
    if ordered:
        return "ordered", line[ordered.end() :]
    return "text", line
