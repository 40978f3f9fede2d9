"""Thin MkDocs adapter: runs the core pipeline and hands its Markdown to MkDocs as virtual files.

Everything interesting lives in the SSG-agnostic core (`generator.site`); this module only maps
its results and errors onto MkDocs hooks, so moving off MkDocs later touches one file.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import logging
import posixpath
import sys
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .mkdocs_staging import StagedOutput
from .navigation import build_nav, safe_title
from .problem_page import TITLE, render_problem_page, render_problem_report
from .problems import Problem
from .render import template_code_cache
from .site import RenderedSite, check_site

log = logging.getLogger("mkdocs.plugins.thai_plans")

PREVIEW_FULL_COLLECT_EVERY = 50


def build_then_freeze(builder: Callable[[], None]) -> Callable[[], None]:
    """`mkdocs serve`'s builder, then freeze_preview_state; called once the server's first build has returned, it
    freezes that build's state at once. Why after a build returns: its pages and navigation point at each other;
    frozen while the build held them, they (and every page's HTML) would outlive it."""
    builds = itertools.count(1)
    freeze_preview_state(next(builds))

    def build() -> None:
        builder()
        freeze_preview_state(next(builds))

    return build


def freeze_preview_state(builds: int) -> None:
    """Keep what a preview keeps between saves (every unit's checked data, caches, the search state) out of the
    collector.

    Why: with it tracked, the one or two full collections of each save walked all of it: 0.4-0.9 s of a 1.3-2.5 s
    rebuild at 50 units. Frozen objects are still freed when their last reference goes; only ones that die in a
    reference cycle wait, until every PREVIEW_FULL_COLLECT_EVERY-th build thaws everything for a full collection.
    """
    if builds % PREVIEW_FULL_COLLECT_EVERY == 0:
        gc.unfreeze()
    gc.collect()  # walks only what was allocated since the last freeze: the last build's garbage goes here
    gc.freeze()


class ThaiPlansConfig(base.Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="theme/generator")
    edit_uri_data = c.Type(str, default="edit/main/")


class PreviewFile(File):
    """A generated file that `mkdocs serve --dirty` rewrites only when its content changed since the last build."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave navigation stale: the plugin rebuilds every page when the
    navigation changed, and under `strict: true` the warning would stop the preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


DIRTY_NOTICE = _DirtyNotice()


class ThaiPlansPlugin(BasePlugin[ThaiPlansConfig]):
    def __init__(self) -> None:
        self.site: RenderedSite | None = None
        self.root = Path.cwd()
        self.command = "build"
        self.sources: dict[str, str] = {}  # generated page → the YAML file it comes from (edit links)
        self.output = StagedOutput()
        self.problems: list[Problem] = []
        self.last_paths: set[str] = set()  # pages of the last good preview: they show the problems meanwhile
        self.dirty = False  # `mkdocs serve --dirty`: rebuild only the pages whose Markdown changed
        self.built: dict[str, bytes] = {}  # generated path → content hash of the last build (dirty previews)
        self.built_nav = b""  # hash of the navigation of the last good dirty preview
        self.showed_problems = False  # the last dirty preview showed the problem page everywhere
        self.titles: dict[str, str] = {}  # page → its title at the last build (dirty previews: pages not re-read)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        if command == "build":
            # Why: a build allocates millions of short-lived objects (Markdown trees, template contexts); with the
            # default threshold (700) the collector ran ~9,000 times and walked the whole checked data 26 times,
            # ~8 s of a 200-unit build. A one-shot process can collect far less often (its peak memory stays).
            gc.set_threshold(100_000, 20, 100)
        self.dirty = dirty and command == "serve"
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(DIRTY_NOTICE)  # a set: adding twice is harmless

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Why here: on_config runs before MkDocs empties site/, so bad data never half-publishes.
        self.root = Path(config.config_file_path).resolve().parent
        checked = check_site(self.root / self.config.data_dir, self.root / self.config.templates_dir)
        self.problems, self.site = checked.problems, checked.site
        if checked.errors or self.site is None:
            print(render_problem_report(self.problems), file=sys.stderr)
            if self.command != "serve":
                raise PluginError(f"ข้อมูลมีข้อผิดพลาด {len(checked.errors)} รายการ ไม่ได้สร้างเว็บไซต์")
            # Why: a preview must keep answering; every page shows the problems until the next good save.
            # MkDocs decided strict mode before this hook, so the one-page nav must not warn either.
            config.validation.nav.omitted_files = logging.DEBUG
            return config
        self.sources = {spec.path: spec.source for spec in self.site.specs if spec.source}
        for warning in self.site.warnings:
            log.info("คำเตือนข้อมูล: %s", warning.format())
        if self.command == "build":
            self.output.start(config)
            gc.freeze()  # the checked data lives to the end: never walk it again (nor copy it into forked children)
        return config

    @event_priority(-100)  # last, after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.command == "build":
            self.output.finish(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.output.abandon(error)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.site is None:
            return self._problem_files(files, config)
        for file in list(files):
            if file.src_uri.startswith("generator/") and file.src_uri.endswith(".j2"):
                files.remove(file)
        for path, text in self.site.files.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"content/{path} ซ้ำกับหน้าที่สร้างจากข้อมูล ให้เปลี่ยนชื่อไฟล์")
            files.append(self._generated(config, path, text))
        for path, content in self.site.assets.items():
            files.append(self._generated(config, path, content))
        pages = [f.src_uri for f in files.documentation_pages()]
        config.nav = build_nav(self.site.specs, pages, self.site.data.units, self.site.directory)
        self.last_paths = set(pages)
        self._mark_nav_change(files, config.nav)
        return files

    def _generated(self, config: MkDocsConfig, path: str, content: str | bytes) -> PreviewFile:
        file = PreviewFile.generated(config, path, content=content)
        assert isinstance(file, PreviewFile)  # File.generated builds `cls`; typed as File
        if self.dirty:
            digest = hashlib.blake2b(content.encode("utf-8") if isinstance(content, str) else content).digest()
            file.modified = self.built.get(path) != digest
            self.built[path] = digest
        return file

    def _mark_nav_change(self, files: Files, nav: Any) -> None:
        """Every page carries the navigation: when it changed (a page or title added), a dirty preview redoes all."""
        if not self.dirty:
            return
        if self.showed_problems:
            self.showed_problems = False
            # Why: hand-written pages are rebuilt by MkDocs only when older than their output, which now holds
            # the problem page; without their output they are rebuilt.
            for file in files.documentation_pages():
                if not isinstance(file, PreviewFile):
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        digest = hashlib.blake2b(repr(nav).encode("utf-8")).digest()
        if self.built_nav != digest:
            self.built_nav = digest
            for file in files:
                if isinstance(file, PreviewFile):
                    file.modified = True

    def _problem_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Only the problem page, at every page address the preview had (and the home)."""
        paths = {"index.md", *self.last_paths, *(f.src_uri for f in files.documentation_pages())}
        for file in list(files.documentation_pages()):
            files.remove(file)
        text = render_problem_page(self.problems)
        for path in sorted(paths):
            files.append(self._generated(config, path, text))
        self.showed_problems = True
        config.nav = [{TITLE: "index.md"}]
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Why: a title taken from the page's H1 is escaped HTML, and the theme's <title> un-escapes it
        # (`striptags`); make every page title plain text (see navigation.safe_title).
        if page.title:
            page.title = safe_title(unescape(page.title))
            if self.dirty:
                self.titles[page.file.src_uri] = page.title
        return html

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # Why: a dirty preview does not read unchanged pages, and a page titled by its H1 would be "None" in the
        # previous/next links of the pages it does rebuild.
        if self.dirty:
            for page in nav.pages:
                if not page.file.is_modified() and page.file.src_uri in self.titles:
                    page.title = self.titles[page.file.src_uri]
        return nav

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any) -> TemplateContext:
        source = self.sources.get(page.file.src_uri)
        if source and config.repo_url:
            page.edit_url = posixpath.join(config.repo_url.rstrip("/"), self.config.edit_uri_data.strip("/"), source)
        return context

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # Why: MkDocs makes a new theme environment for every build and preview rebuild, and compiled Material's
        # templates again each time (~0.4 s of every save, ~0.5 s of every build).
        env.bytecode_cache = template_code_cache()
        return env

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.builder = build_then_freeze(builder)  # the server calls `builder` for every save (after this hook)
        server.watch(str(self.root / self.config.data_dir))
        templates = self.root / self.config.templates_dir
        if templates.is_dir():
            server.watch(str(templates))
        return server
