"""Atomic `mkdocs build`: build into a staging folder and swap it in only when the build succeeded.

MkDocs empties `site_dir` first and aborts for strict-mode warnings only after everything is written,
so without this a late failure would leave a half-written site. `mkdocs serve` is left alone.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .render import swap_directory


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class StagedOutput:
    def __init__(self) -> None:
        self.final: Path | None = None
        self.staging: Path | None = None
        self.counter = _WarningCounter()

    def start(self, config: MkDocsConfig) -> None:
        self.final = Path(config.site_dir).resolve()
        self.staging = self.final.with_name(f".{self.final.name}.staging")
        shutil.rmtree(self.staging, ignore_errors=True)
        config.site_dir = str(self.staging)
        logging.getLogger("mkdocs").addHandler(self.counter)

    def finish(self, config: MkDocsConfig) -> None:
        """Swap the staged site in, unless strict mode is about to abort on a warning."""
        logging.getLogger("mkdocs").removeHandler(self.counter)
        if self.final is None or self.staging is None:
            return
        if config.strict and self.counter.count:
            self.abandon()
            return
        swap_directory(self.staging, self.final)
        config.site_dir = str(self.final)

    def abandon(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.counter)
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
