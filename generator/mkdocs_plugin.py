"""Thin MkDocs adapter: runs the core pipeline and hands its Markdown to MkDocs as virtual files.

Everything interesting lives in the SSG-agnostic core (`generator.site`); this module only maps
its results and errors onto MkDocs hooks, so moving off MkDocs later touches one file.
"""

from __future__ import annotations

import logging
import posixpath
from html import unescape
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .directory import build_directory
from .mkdocs_staging import StagedOutput
from .navigation import build_nav, safe_title
from .problems import DataError
from .site import RenderedSite, render_site

log = logging.getLogger("mkdocs.plugins.thai_plans")


class ThaiPlansConfig(base.Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="theme/generator")
    edit_uri_data = c.Type(str, default="edit/main/")


class ThaiPlansPlugin(BasePlugin[ThaiPlansConfig]):
    def __init__(self) -> None:
        self.site: RenderedSite | None = None
        self.root = Path.cwd()
        self.command = "build"
        self.sources: dict[str, str] = {}  # generated page → the YAML file it comes from (edit links)
        self.output = StagedOutput()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Why here: on_config runs before MkDocs empties site/, so bad data never half-publishes.
        self.root = Path(config.config_file_path).resolve().parent
        try:
            self.site = render_site(self.root / self.config.data_dir, self.root / self.config.templates_dir)
            self.sources = {spec.path: spec.source for spec in self.site.specs if spec.source}
        except DataError as exc:
            for problem in exc.problems:
                log.error(problem.format())
            raise PluginError(f"ข้อมูลมีข้อผิดพลาด {len(exc.problems)} รายการ ไม่ได้สร้างเว็บไซต์") from None
        for warning in self.site.warnings:
            log.info("คำเตือนข้อมูล: %s", warning.format())
        if self.command == "build":
            self.output.start(config)
        return config

    @event_priority(-100)  # last, after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.command == "build":
            self.output.finish(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.output.abandon()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for file in list(files):
            if file.src_uri.startswith("generator/") and file.src_uri.endswith(".j2"):
                files.remove(file)
        for path, text in self.site.files.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"content/{path} ซ้ำกับหน้าที่สร้างจากข้อมูล ให้เปลี่ยนชื่อไฟล์")
            files.append(File.generated(config, path, content=text))
        for path, content in self.site.assets.items():
            files.append(File.generated(config, path, content=content))
        try:
            directory, directory_assets = build_directory(self.site.data)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        for page in directory:
            files.append(File.generated(config, page.path, content=page.text))
        for path, content in directory_assets.items():
            files.append(File.generated(config, path, content=content))
        pages = [f.src_uri for f in files.documentation_pages()]
        config.nav = build_nav(self.site.specs, pages, self.site.data.units, [(p.path, p.title) for p in directory])
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Why: a title taken from the page's H1 is escaped HTML, and the theme's <title> un-escapes it
        # (`striptags`); make every page title plain text (see navigation.safe_title).
        if page.title:
            page.title = safe_title(unescape(page.title))
        return html

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any) -> TemplateContext:
        source = self.sources.get(page.file.src_uri)
        if source and config.repo_url:
            page.edit_url = posixpath.join(config.repo_url.rstrip("/"), self.config.edit_uri_data.strip("/"), source)
        return context

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root / self.config.data_dir))
        templates = self.root / self.config.templates_dir
        if templates.is_dir():
            server.watch(str(templates))
        return server
