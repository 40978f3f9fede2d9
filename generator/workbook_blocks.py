"""Rich text blocks (paragraphs and lists) as plain lines in one workbook cell, both ways, without loss.

    ย่อหน้า                                        a paragraph
    * ข้อความ                                      an item of a list
    * 1) ข้อความ                                   an item with its printed label (1), 2.1), (3) ...)
      * ข้อย่อย                                    a sub-item (two spaces more per level)
    * ข้อความ [เป้าหมาย: ไม่น้อยกว่า 80 ร้อยละ]      an item with its KPI target
    1. ข้อความ                                     an item of an ordered list (numbered automatically)

Why '*' and not '-': Excel reads a cell typed as '- ข้อความ' as a formula. Anything this notation cannot hold
exactly (tables, a paragraph that looks like an item, ...) is left to the YAML form.
"""

from __future__ import annotations

import re
from typing import Any

BULLET = "* "
INDENT = "  "
COMPARATORS = {"at_least": "ไม่น้อยกว่า", "at_most": "ไม่เกิน", "exactly": "เท่ากับ", "decrease": "ลดลง", "increase": "เพิ่มขึ้น"}
_WORDS = {label: name for name, label in COMPARATORS.items()}
_LABEL = re.compile(r"\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)] ")
_ORDERED = re.compile(r"[0-9]+\. ")
_ITEM_START = re.compile(r"\* |[0-9]+\. ")
_NUMBER = re.compile(r"[0-9๐-๙][0-9๐-๙.,]*")
_TARGET = re.compile(
    rf" \[เป้าหมาย: ({'|'.join(COMPARATORS.values())})(?: ({_NUMBER.pattern}))?(?: ([^\]\s][^\]]*))?\]$"
)
_ITEM_KEYS = {"label", "text", "target", "items"}


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
        ok = all(_is_text(i) and not _TARGET.search(i) for i in items)
        return ("ordered", [f"{n}. {i}" for n, i in enumerate(items, 1)]) if ok else None
    if set(block) - {"ordered"} != {"list"} or block.get("ordered", "false") != "false":
        return None
    lines = _encode_items(block["list"], 0)
    return None if lines is None else ("bullets", lines)


def _encode_items(items: list[Any], depth: int) -> list[str] | None:
    lines: list[str] = []
    for item in items:
        encoded = _encode_item(item, depth)
        if encoded is None:
            return None
        lines += encoded
    return lines


def _encode_item(item: Any, depth: int) -> list[str] | None:
    if _is_text(item):
        return None if _LABEL.match(item) or _TARGET.search(item) else [INDENT * depth + BULLET + item]
    if (
        not isinstance(item, dict)
        or not set(item) <= _ITEM_KEYS
        or set(item) == {"text"}
        or not _is_text(item.get("text"))
    ):
        return None
    text, label = item["text"], item.get("label")
    if _LABEL.match(text) or _TARGET.search(text) or (label is not None and not _is_label(label)):
        return None
    target = _encode_target(item["target"]) if "target" in item else ""
    children = _encode_items(item["items"], depth + 1) if item.get("items") else ([] if "items" not in item else None)
    if target is None or children is None:
        return None
    head = f"{label} {text}" if label is not None else text
    return [INDENT * depth + BULLET + head + target, *children]


def _is_label(label: Any) -> bool:
    return isinstance(label, str) and _LABEL.fullmatch(label + " ") is not None


def _encode_target(target: Any) -> str | None:
    if not isinstance(target, dict) or not set(target) <= {"comparator", "value", "unit"}:
        return None
    word = COMPARATORS.get(target.get("comparator", ""))
    value, unit = target.get("value"), target.get("unit")
    if word is None or (value is not None and not (isinstance(value, str) and _NUMBER.fullmatch(value))):
        return None
    if unit is not None and not (_is_text(unit) and "]" not in unit and not _NUMBER.match(unit)):
        return None
    suffix = (
        f" [เป้าหมาย: {word}"
        + (f" {value}" if value is not None else "")
        + (f" {unit}" if unit is not None else "")
        + "]"
    )
    return suffix if _TARGET.search(suffix) else None


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == value != "" and "\n" not in value


def decode_blocks(text: str) -> list[Any]:
    """Lines back to blocks: paragraphs, runs of '*' items (one list, sub-items by indent), runs of 'n.' items."""
    blocks: list[Any] = []
    current = ""
    for line in (raw.rstrip("\r") for raw in text.split("\n")):
        if not line.strip():
            continue
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // len(INDENT)
        if stripped.startswith(BULLET) and current == "bullets" and depth > 0:
            _add_child(blocks[-1]["list"], depth, _decode_item(stripped[len(BULLET) :]))
            continue
        kind, item = _decode_line(stripped)
        if kind == "text":
            blocks.append(line)
        elif kind == current:
            blocks[-1]["list"].append(item)
        else:
            blocks.append({"list": [item], "ordered": "true"} if kind == "ordered" else {"list": [item]})
        current = kind if kind != "text" else ""
    return blocks


def _add_child(items: list[Any], depth: int, item: Any) -> None:
    """Append under the last item `depth` levels down (an item that had no sub-items becomes a mapping)."""
    for _ in range(depth):
        if not items:  # Why: indented deeper than the item above it; keep it at the level that exists
            break
        last = items[-1]
        if isinstance(last, str):
            last = items[-1] = {"text": last}
        items = last.setdefault("items", [])
    items.append(item)


def _decode_line(line: str) -> tuple[str, Any]:
    if line.startswith(BULLET):
        return "bullets", _decode_item(line[len(BULLET) :])
    ordered = _ORDERED.match(line)
    if ordered:
        return "ordered", line[ordered.end() :]
    return "text", line


def _decode_item(rest: str) -> Any:
    item: dict[str, Any] = {}
    label = _LABEL.match(rest)
    if label:
        item["label"], rest = label.group()[:-1], rest[label.end() :]
    target = _TARGET.search(rest)
    if target:
        word, value, unit = target.groups()
        found = {"comparator": _WORDS[word], "value": value, "unit": unit}
        item["target"] = {key: v for key, v in found.items() if v is not None}
        rest = rest[: target.start()]
    return {"text": rest, **item} if item else rest
