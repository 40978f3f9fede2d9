"""A map entry's '#anchor' must name a section that exists on its page (else the assessor lands nowhere)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from markdown.extensions.toc import slugify

from ...dataset import Dataset, Loaded, problem_at
from ...kindapi import SiteBuild
from ...problems import Problem
from .rows import OitRow

_EXPLICIT_ID = re.compile(r"""\{[^}\n]*#([\w\-.]+)[^}\n]*\}|\bid=["']([^"']+)["']""")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def anchors_in(markdown: str) -> set[str]:
    """Every id a Markdown page will have: explicit `{#id}`/`id="..."` and headings' generated slugs."""
    found = {a or b for a, b in _EXPLICIT_ID.findall(markdown)}
    found.update(slugify(text, "-") for text in _HEADING.findall(markdown))
    return found


def page_text(data: Dataset, target: str, built: SiteBuild) -> str | None:
    if target in built.files:
        return built.files[target]
    file = data.root.parent / "content" / target
    return file.read_text(encoding="utf-8", errors="replace") if file.is_file() else None


def check_anchors(data: Dataset, loaded: Loaded, rows: list[OitRow], built: SiteBuild) -> Iterator[Problem]:
    for row in rows:
        if row.entry is None or row.entry.target not in {"page", "content"} or "#" not in (row.target_page or ""):
            continue
        target, _, anchor = (row.target_page or "").partition("#")
        text = page_text(data, target, built)
        if text is not None and anchor not in anchors_in(text):
            field = row.entry.target
            message = f"ไม่พบหัวข้อ #{anchor} ในหน้า /{Path(target).parent.as_posix()}/ (ตรวจชื่อหัวข้อหลังเครื่องหมาย #)"
            yield problem_at(loaded, ("items", row.item.code, field), message)
