"""Load the OIT item catalogues (data/catalog/oit-<year>.yml) and check their integrity.

A new assessment year is a new data file: nothing here names a year or an item.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...dataset import Dataset, Loaded, problem_at
from ...problems import Problem
from .model import CatalogItem, OitCatalog, code_number


def load_oit_catalogs(data: Dataset) -> dict[int, Loaded]:
    """Every data/catalog/oit-<year>.yml by year; problems go to `data.problems`."""
    catalogs: dict[int, Loaded] = {}
    for path in sorted((data.root / "catalog").glob("oit-*.yml")):
        loaded = data.load(path, OitCatalog)
        if loaded is None:
            continue
        data.problems.extend(check_oit_catalog(loaded))
        catalogs[loaded.model.year] = loaded
    return catalogs


def check_oit_catalog(loaded: Loaded) -> Iterator[Problem]:
    catalog: OitCatalog = loaded.model
    if loaded.stem != f"oit-{catalog.year}":
        yield problem_at(loaded, ("year",), f"ชื่อไฟล์ต้องเป็น oit-{catalog.year}.yml ให้ตรงกับปีที่ประเมิน")
    seen: dict[str, int] = {}
    for loc, item in _item_locs(catalog):
        line = loaded.doc.line_of((*loc, "code"))
        if item.code in seen:
            yield problem_at(loaded, (*loc, "code"), f"รหัสข้อ {item.code} ซ้ำกับบรรทัด {seen[item.code]}")
        seen.setdefault(item.code, line)
    for ind_i, indicator in enumerate(catalog.indicators):
        for sub_i, sub in enumerate(indicator.subs):
            if not sub.id.startswith(indicator.id + "."):
                loc = ("indicators", ind_i, "subs", sub_i, "id")
                yield problem_at(loaded, loc, f"ตัวชี้วัดย่อย {sub.id} ไม่อยู่ใต้ตัวชี้วัดที่ {indicator.id}")
    if catalog.confidence != "partial":
        yield from _check_complete(loaded, sorted(seen, key=code_number))


def _check_complete(loaded: Loaded, codes: list[str]) -> Iterator[Problem]:
    """A complete list runs O1, O2, … without gaps (a partial one says confidence: partial)."""
    expected = [f"O{n}" for n in range(1, len(codes) + 1)]
    missing = [c for c in expected if c not in codes]
    if missing:
        message = f"รายการข้อไม่ครบ ขาดข้อ {', '.join(missing)} (ถ้ามีเพียงบางข้อ ให้ระบุ confidence: partial)"
        yield problem_at(loaded, ("confidence",), message)


def _item_locs(catalog: OitCatalog) -> Iterator[tuple[tuple[object, ...], CatalogItem]]:
    for ind_i, indicator in enumerate(catalog.indicators):
        for sub_i, sub in enumerate(indicator.subs):
            for item_i, item in enumerate(sub.items):
                yield ("indicators", ind_i, "subs", sub_i, "items", item_i), item
    for item_i, item in enumerate(catalog.items):
        yield ("items", item_i), item
