"""The site navigation, built from page specs (generated pages) plus hand-written pages."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from .pages import PageSpec

NavItem = Any
# Why: MkDocs themes print nav and page titles without escaping in some places and through `striptags`
# (which un-escapes entities) in <title>; a title without '<', '>' and character references is the same
# text in all of them.
_TITLE_LOOKALIKES = str.maketrans({"<": "\uff1c", ">": "\uff1e"})


def safe_title(title: str) -> str:
    """A nav/page title that is plain text in every theme context: '<' and '>' become full-width forms,
    and so does '&' when the title contains a character reference (so 'Q&A' stays as it is)."""
    title = " ".join(title.translate(_TITLE_LOOKALIKES).split())
    return title.replace("&", "\uff06") if html.unescape(title) != title else title


UNITS_SECTION = "หน่วยงาน"
GUIDE_SECTION = "คู่มือ"


def build_nav(
    specs: list[PageSpec],
    all_pages: list[str],
    unit_ids: Iterable[str] = (),
    directory: Iterable[tuple[str, str]] = (),
) -> list[NavItem]:
    """Site sections at the top; every unit nested under หน่วยงาน after the directory pages (path, title).

    Why this shape: the theme's nav partial (theme/partials/nav-item.html) shows only the active child of the
    หน่วยงาน section, so a page carries its own unit's tree and never the list of all units.
    """
    units = {unit_id + "/" for unit_id in unit_ids}
    directory = list(directory)
    nav: list[NavItem] = []
    unit_nav: list[NavItem] = [path for path, _ in directory[:1]]
    unit_nav += [{safe_title(title): path} for path, title in directory[1:]]
    sections: dict[tuple[str, ...], list[NavItem]] = {(): nav, (UNITS_SECTION,): unit_nav}
    for spec in specs:
        in_unit = spec.path.split("/", 1)[0] + "/" in units
        place = (UNITS_SECTION, *spec.nav) if in_unit and spec.nav else spec.nav
        parent = _section(sections, place)
        if spec.nav and not parent:
            parent.append(spec.path)  # first page of a section becomes its index page
        else:
            parent.append({safe_title(spec.title): spec.path})
    if unit_nav:
        home = next((i for i, item in enumerate(nav) if isinstance(item, dict) and "index.md" in item.values()), -1)
        nav.insert(home + 1, {UNITS_SECTION: unit_nav})
    taken = {spec.path for spec in specs} | {path for path, _ in directory}
    guide = [path for path in sorted(all_pages) if path not in taken]
    if guide:
        nav.append({GUIDE_SECTION: guide})
    return nav


def _section(sections: dict[tuple[str, ...], list[NavItem]], path: tuple[str, ...]) -> list[NavItem]:
    if path in sections:
        return sections[path]
    parent = _section(sections, path[:-1])
    children: list[NavItem] = []
    parent.append({safe_title(path[-1]): children})
    sections[path] = children
    return children
