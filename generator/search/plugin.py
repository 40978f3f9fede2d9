"""MkDocs plugin `thai-search`: Thai-aware site search behind Material's header search box.

Material's own `search` plugin stays enabled only so that the theme renders its header search box; this plugin
unhooks Material's indexer (it would read every page and write a lunr index nobody loads: a tenth of a large
build), detaches Material's search script from that box (so Material never downloads its 1 MB lunr index) and
writes its own index (generator/search/index.py). The browser side is
theme/assets/search/thai-search.js, listed in mkdocs.yml `extra_javascript`.
"""

from __future__ import annotations

import json
import logging
from functools import partial
from pathlib import Path

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..forked import ChildJob
from .extract import extract_content
from .index import IndexedPage, IndexState, build_index, build_segmenter, save_segmenter, write_index

log = logging.getLogger("mkdocs.plugins.thai_search")

# Material mounts its own search on `data-md-component="search"` and loads its index when a form named "search"
# exists; renaming both hands the box to our script while keeping the theme's markup and styles.
MATERIAL_MARKUP = {
    '<div class="md-search" data-md-component="search" role="dialog">': '<div class="md-search" data-thai-search role="dialog">',
    '<form class="md-search__form" name="search">': '<form class="md-search__form" name="thai-search">',
}
INDEX_DIR = "search/thai"
MATERIAL_SEARCH = "material/search"
# Material's indexing events: every page's text (page_context) and the lunr index file (post_build).
MATERIAL_INDEX_EVENTS = ("page_context", "post_build")


class ThaiSearchConfig(base.Config):
    enabled = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/thai-search")  # relative to mkdocs.yml; "" turns the cache off


class ThaiSearchPlugin(BasePlugin[ThaiSearchConfig]):
    def __init__(self) -> None:
        # source page → text; a dirty preview keeps the pages it did not rebuild
        self.pages: dict[str, IndexedPage] = {}
        self.read: dict[str, tuple[str, str, str]] = {}  # source page → (url, content, title), not yet extracted
        self.dirty = False
        self.index = IndexState()  # a dirty preview's last index: the next save redoes only what changed
        self.written: dict[str, bytes] = {}  # index files a dirty preview wrote last (unchanged ones stay on disk)
        self.job: ChildJob[dict[str, bytes]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty and command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            unhook_material_indexer(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.dirty:
            self.pages, self.read = {}, {}

    @event_priority(-100)  # after thai-plans has added the generated pages
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.dirty:  # a page gone from the preview leaves the index too
            sources = {file.src_uri for file in files.documentation_pages()}
            self.pages = {src: page for src, page in self.pages.items() if src in sources}
            self.read = {src: read for src, read in self.read.items() if src in sources}
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Why the content (thai-plans has made the title plain text by now): every page is read before the theme
        # renders the first one, so a build can extract and index them meanwhile (on_env).
        if self.config.enabled and page.file.src_uri != "404.md":
            self.read[page.file.src_uri] = (page.url, html, page.title or config.site_name)
        return html

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.config.enabled and not self.dirty:
            # A child process builds the index while this one renders every page (generator/forked.py).
            self.job = ChildJob(partial(self._index, self._cache_dir(config)))
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return detach_material_search(output) if self.config.enabled else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if self.job is not None:
            files, self.job = self.job.result(), None
        else:  # a dirty preview: the index of the last save is updated in this process
            files = self._index(self._cache_dir(config))
        write_index({rel: data for rel, data in files.items() if self.written.get(rel) != data},
                    Path(config.site_dir) / INDEX_DIR)  # fmt: skip
        if self.dirty:
            self.written = files
        size = sum(len(b) for b in files.values())
        pages = json.loads(files["manifest.json"])["pages"]
        log.info("thai-search: ดัชนี %d หน้า %d ไฟล์ %.0f KB", pages, len(files), size / 1024)

    def _index(self, cache: Path | None) -> dict[str, bytes]:
        """Extract the pages read since the last index (a child process does this for a whole build), then index."""
        for src, (url, content, title) in self.read.items():
            text = extract_content(content, title)
            if text.sections:
                self.pages[src] = IndexedPage(url, text)
        self.read = {}
        return index_files(list(self.pages.values()), cache, self.index if self.dirty else None)

    def on_build_error(self, *, error: Exception) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _cache_dir(self, config: MkDocsConfig) -> Path | None:
        if not self.config.cache_dir:
            return None
        return Path(config.config_file_path).resolve().parent / self.config.cache_dir

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's 404 page carries the search box too; it is not a Page, so it comes through here.
        if self.config.enabled and template_name == "404.html":
            return detach_material_search(output_content)
        return output_content


def index_files(pages: list[IndexedPage], cache: Path | None, state: IndexState | None) -> dict[str, bytes]:
    """The index files of `pages`; the segmenter's word cuts are kept in `cache` for the next build."""
    segmenter = build_segmenter(pages, cache)
    files = build_index(pages, segmenter, state)
    if cache is not None:
        save_segmenter(segmenter, cache)
    return files


def unhook_material_indexer(config: MkDocsConfig) -> None:
    """Drop Material's indexing handlers; its plugin stays registered, so the theme still draws the search box."""
    material = config.plugins.get(MATERIAL_SEARCH)
    if material is None:
        raise PluginError("thai-search: ไม่พบปลั๊กอิน search ของธีม Material ให้เปิดปลั๊กอิน search ใน mkdocs.yml")
    for event in MATERIAL_INDEX_EVENTS:
        handlers = config.plugins.events[event]
        # Why a new list: MkDocs may be iterating the old one (this runs inside the `config` event).
        config.plugins.events[event] = [h for h in handlers if getattr(h, "__self__", None) is not material]


def detach_material_search(output: str) -> str:
    for old, new in MATERIAL_MARKUP.items():
        if old not in output:
            raise PluginError(f"thai-search: ไม่พบกล่องค้นหาของธีม Material ({old}) ให้เปิดปลั๊กอิน search ใน mkdocs.yml")
        output = output.replace(old, new, 1)
    return output
