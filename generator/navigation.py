"""The site navigation, built from page specs (generated pages) plus hand-written pages."""

from __future__ import annotations

import html
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


def build_nav(specs: list[PageSpec], all_pages: list[str]) -> list[NavItem]:
    """Nest generated pages by their `nav` sections; append hand-written pages after them."""
    nav: list[NavItem] = []
    sections: dict[tuple[str, ...], list[NavItem]] = {(): nav}
    for spec in specs:
        parent = _section(sections, spec.nav)
        if spec.nav and not parent:
            parent.append(spec.path)  # first page of a section becomes its index page
        else:
            parent.append({safe_title(spec.title): spec.path})
    generated = {spec.path for spec in specs}
    for path in sorted(p for p in all_pages if p not in generated):
        nav.append(path)
    return nav


def _section(sections: dict[tuple[str, ...], list[NavItem]], path: tuple[str, ...]) -> list[NavItem]:
    if path in sections:
        return sections[path]
    parent = _section(sections, path[:-1])
    children: list[NavItem] = []
    parent.append({safe_title(path[-1]): children})
    sections[path] = children
    return children
