"""Document kinds: each module in this package registers one kind of unit document.

A kind says which file names it reads (`pattern`, inside data/units/<unit-id>/), which model
validates them, which cross-document checks run, which pages it generates and which links
the unit home shows. Adding a document kind is adding a module here; nothing else changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from ..dataset import Dataset, Loaded, UnitData
    from ..pages import PageSpec
    from ..problems import Problem


def _no_checks(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterable[Problem]:
    return ()


def _no_decoration(data: Dataset, pages: list[PageSpec]) -> None:
    return None


@dataclass(frozen=True)
class DocumentKind:
    name: str
    pattern: str  # file-name glob inside a unit folder, e.g. "plan-*.yml"
    model: type[BaseModel]
    build_pages: Callable[[Dataset, UnitData, Loaded, list[Problem]], list[PageSpec]]
    check: Callable[[Dataset, UnitData, Loaded], Iterable[Problem]] = _no_checks
    # Why: later kinds (progress reports, OIT maps) add sections to pages other kinds built.
    decorate: Callable[[Dataset, list[PageSpec]], None] = _no_decoration
    # Non-Markdown files (CSV, JSON, XLSX, ...) to publish beside the pages: {site path: bytes}
    build_assets: Callable[[Dataset, UnitData, Loaded], dict[str, bytes]] | None = None
    # (title, page path) of a document's main page, listed on the unit home under `unit_heading`
    link: Callable[[UnitData, Loaded], tuple[str, str]] | None = None
    unit_heading: str = ""
    order: int = 50
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def registry() -> tuple[DocumentKind, ...]:
    """Every kind found in this package, in display order."""
    kinds: list[DocumentKind] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kinds.extend(getattr(module, "KINDS", ()))
    return tuple(sorted(kinds, key=lambda k: (k.order, k.name)))


def kind_of_model(model: BaseModel) -> DocumentKind | None:
    return next((k for k in registry() if isinstance(model, k.model)), None)
