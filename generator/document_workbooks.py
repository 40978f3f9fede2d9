"""Every document's clerk workbook (the `export-xlsx` layout) as a site download.

Why: a citizen's download and a clerk's template are one file. The site copy leaves out the name, phone and
e-mail of people not marked `publish: true` (the clerk's own export keeps them, it never leaves the office).
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from .dataset import Dataset, Loaded, UnitData
from .kindapi import DocumentKind
from .loader import Loc
from .opendata import paths
from .privacy import iter_persons
from .workbook import About, write_workbook

PRIVATE_FIELDS = ("name", "phone", "email")


def document_workbook_file(unit_id: str, stem: str) -> str:
    """Site path of a document's workbook, in its own folder so it never meets a table's file name."""
    return paths.unit_file(unit_id, f"documents/{stem}.xlsx")


# Why: a preview re-checks (and so re-builds every download) after each save; a workbook whose sheets and data
# did not change keeps its bytes. Keyed by the full value (layouts are plain frozen dataclasses), bounded.
_BUILT: dict[bytes, bytes] = {}
_BUILT_LIMIT = 4096


def build_workbook(data: Dataset, unit: UnitData, kind: DocumentKind, document: str, raw: dict[str, Any]) -> bytes:
    """The workbook of YAML data `raw` (export-xlsx, new-round --xlsx and the site download)."""
    assert kind.workbook is not None
    layout = kind.workbook(data, unit, raw)
    about = About(unit.id, document, kind.name, str(raw.get("title") or document))
    key = hashlib.blake2b(repr((layout, about, raw)).encode("utf-8"), digest_size=16).digest()
    if key not in _BUILT:
        if len(_BUILT) >= _BUILT_LIMIT:
            _BUILT.clear()
        _BUILT[key] = write_workbook(layout, raw, about)
    return _BUILT[key]


def workbook_documents(data: Dataset, unit: UnitData) -> list[tuple[Loaded, DocumentKind]]:
    """The unit's documents whose kind has a workbook layout, in file order."""
    found = [(loaded, data.kind_of(loaded)) for loaded in unit.documents]
    return [(loaded, kind) for loaded, kind in found if kind is not None and kind.workbook is not None]


def build_unit_workbooks(data: Dataset, unit: UnitData) -> dict[str, bytes]:
    """Site path → bytes of the public workbook of each of the unit's documents."""
    files: dict[str, bytes] = {}
    for loaded, kind in workbook_documents(data, unit):
        raw = public_copy(loaded)
        files[document_workbook_file(unit.id, loaded.stem)] = build_workbook(data, unit, kind, loaded.stem, raw)
    return files


def public_copy(loaded: Loaded) -> dict[str, Any]:
    """The document's YAML data without the contact details of people who may not be published."""
    raw: dict[str, Any] = copy.deepcopy(loaded.doc.data)
    for loc, person in iter_persons(loaded.model):
        node = _node_at(raw, loc)
        if not person.publish and isinstance(node, dict):
            for key in PRIVATE_FIELDS:
                node.pop(key, None)
    return raw


def _node_at(value: Any, loc: Loc) -> Any:
    for part in loc:
        in_dict = isinstance(value, dict) and part in value
        in_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if not (in_dict or in_list):
            return None  # a location the raw data does not have (the privacy guard still checks the file)
        value = value[part]
    return value
