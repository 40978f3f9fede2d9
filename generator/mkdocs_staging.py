"""Atomic `mkdocs build`: lock, build into a unique staging folder, switch it in only when the build succeeded.

MkDocs empties `site_dir` first and aborts for strict-mode warnings only after everything is written,
so without this a late failure would leave a half-written site. `generator.publish` does the locking,
the leftover recovery and the atomic switch; this module maps it onto MkDocs. `mkdocs serve` is left alone.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from .publish import DISK_ERRNOS, Publication, PublishError, describe_os_error

log = logging.getLogger("mkdocs.plugins.thai_plans")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class StagedOutput:
    def __init__(self) -> None:
        self.final: Path | None = None
        self.publication: Publication | None = None
        self.counter = _WarningCounter()

    def start(self, config: MkDocsConfig) -> None:
        """Take the build lock and point MkDocs at a fresh staging folder (PluginError if locked or disk bad)."""
        self.final = Path(config.site_dir).resolve()
        self.publication = Publication(self.final)
        try:
            config.site_dir = str(self.publication.open())
        except PublishError as exc:
            self.publication.close()
            self.publication = None
            raise PluginError(str(exc)) from None
        logging.getLogger("mkdocs").addHandler(self.counter)

    def finish(self, config: MkDocsConfig) -> None:
        """Switch the staged site in, unless strict mode is about to abort on a warning."""
        logging.getLogger("mkdocs").removeHandler(self.counter)
        if self.final is None or self.publication is None:
            return
        if config.strict and self.counter.count:
            self.abandon()
            return
        try:
            self.publication.commit()
        except PublishError as exc:
            raise PluginError(str(exc)) from None
        finally:
            self.abandon()
        config.site_dir = str(self.final)

    def abandon(self, error: BaseException | None = None) -> None:
        """Drop the staging folder and the lock; a disk error while MkDocs wrote becomes a Thai message."""
        logging.getLogger("mkdocs").removeHandler(self.counter)
        if self.publication is not None:
            self.publication.close()
            self.publication = None
        if isinstance(error, OSError) and error.errno in DISK_ERRNOS and self.final is not None:
            log.error(describe_os_error(error, self.final))
            raise Abort("Aborted with a BuildError!") from None
