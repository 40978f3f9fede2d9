"""Links whose target comes from data (a report's evidence, a complaint channel): shared by several kinds."""

from __future__ import annotations

import html
import posixpath

from . import urls
from .mdtext import Md, escape_md, link_target


def site_link(page_path: str, title: str, url: str) -> Md:
    """A link from data: external URLs as Markdown links, site paths as relative HTML links (any base URL)."""
    text = escape_md(title)
    if url.startswith("/"):
        here = urls.url_of(page_path)
        relative = posixpath.relpath(url, here) + ("/" if url.endswith("/") else "")
        return Md(f'<a href="{html.escape(relative)}">{text}</a>')
    return Md(f"[{text}]({link_target(url)})")
