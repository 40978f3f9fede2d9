"""The composition root: the one place the document kinds are listed and handed to the core.

A new document kind is a new package under generator/kinds/ plus its name in KIND_PACKAGES.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from . import pipeline
from .dataset import Dataset
from .kindapi import DocumentKind, sorted_kinds
from .pipeline import CheckedSite, RenderedSite
from .problems import Problem

KIND_PACKAGES = ("plan", "progress", "complaints", "ita", "oit")
KINDS: tuple[DocumentKind, ...] = sorted_kinds(
    kind for name in KIND_PACKAGES for kind in import_module(f"generator.kinds.{name}").KINDS
)

__all__ = ["KINDS", "CheckedSite", "RenderedSite", "check_site", "load_and_check", "load_checked", "render_site"]


def load_and_check(root: Path) -> tuple[Dataset, list[Problem]]:
    return pipeline.load_and_check(root, KINDS)


def load_checked(root: Path) -> tuple[Dataset, list[Problem]]:
    return pipeline.load_checked(root, KINDS)


def check_site(root: Path, templates: Path | None = None) -> CheckedSite:
    return pipeline.check_site(root, KINDS, templates)


def render_site(root: Path, templates: Path | None = None) -> RenderedSite:
    return pipeline.render_site(root, KINDS, templates)
