"""The site navigation, built from page specs (generated pages) plus hand-written pages."""

from __future__ import annotations

from typing import Any

from .pages import PageSpec

NavItem = Any


def build_nav(specs: list[PageSpec], all_pages: list[str]) -> list[NavItem]:
    """Nest generated pages by their `nav` sections; append hand-written pages after them."""
    nav: list[NavItem] = []
    sections: dict[tuple[str, ...], list[NavItem]] = {(): nav}
    for spec in specs:
        parent = _section(sections, spec.nav)
        if spec.nav and not parent:
            parent.append(spec.path)  # first page of a section becomes its index page
        else:
            parent.append({spec.title: spec.path})
    generated = {spec.path for spec in specs}
    for path in sorted(p for p in all_pages if p not in generated):
        nav.append(path)
    return nav


def _section(sections: dict[tuple[str, ...], list[NavItem]], path: tuple[str, ...]) -> list[NavItem]:
    if path in sections:
        return sections[path]
    parent = _section(sections, path[:-1])
    children: list[NavItem] = []
    parent.append({path[-1]: children})
    sections[path] = children
    return children
