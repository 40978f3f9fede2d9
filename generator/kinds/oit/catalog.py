"""Load the OIT item catalogues and check their integrity; they are keyed by (assessment year, catalogue).

data/catalog/oit-<year>.yml              the national list of that year (catalogue: national, the default)
data/catalog/oit-<year>-<name>.yml       a sector's list of that year (catalogue: <name>, e.g. colleges)
A new assessment year or a sector's list is a new data file: nothing here names a year, a sector or an item.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...dataset import Dataset, Loaded, problem_at
from ...problems import Problem
from .model import NATIONAL, CatalogItem, OitCatalog, catalogue_file, catalogue_label, code_number

CatalogKey = tuple[int, str]  # (assessment year, catalogue name)


def load_oit_catalogs(data: Dataset) -> dict[CatalogKey, Loaded]:
    """Every data/catalog/oit-*.yml by (year, catalogue); problems go to `data.problems`."""
    catalogs: dict[CatalogKey, Loaded] = {}
    target_names = {t.name for kind in data.kinds for t in kind.targets}
    for path in sorted((data.root / "catalog").glob("oit-*.yml")):
        loaded = data.load(path, OitCatalog)
        if loaded is None:
            continue
        data.problems.extend(check_oit_catalog(loaded, target_names))
        catalogs.setdefault(loaded.model.key, loaded)
    return catalogs


def check_oit_catalog(loaded: Loaded, target_names: set[str]) -> Iterator[Problem]:
    catalog: OitCatalog = loaded.model
    expected = catalogue_file(catalog.year, catalog.catalogue)
    if loaded.stem + ".yml" != expected:
        message = f"ชื่อไฟล์ต้องเป็น {expected} ให้ตรงกับปีที่ประเมินและชุดรายการข้อ (catalogue: {catalog.catalogue})"
        yield problem_at(loaded, ("year",), message)
    yield from _check_serves(loaded, target_names)
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


def _check_serves(loaded: Loaded, target_names: set[str]) -> Iterator[Problem]:
    """`serves:` names must be pages some kind can build, else the hint on the item page would mislead."""
    for loc, item in _item_locs(loaded.model):
        for i, name in enumerate(item.serves):
            if name not in target_names:
                known = ", ".join(sorted(target_names))
                yield problem_at(loaded, (*loc, "serves", i), f"ไม่รู้จักหน้า '{name}' ชื่อที่ใช้ได้: {known}")


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


def find_catalog(catalogs: dict[CatalogKey, Loaded], year: int, catalogue: str) -> OitCatalog | None:
    loaded = catalogs.get((year, catalogue))
    return loaded.model if loaded is not None else None


def missing_catalog_message(catalogs: dict[CatalogKey, Loaded], year: int, catalogue: str) -> str:
    """Thai: which list is missing, the file that would provide it, and every list that exists."""
    keys = sorted(catalogs, key=lambda key: (key[0], key[1] != NATIONAL, key[1]))  # national first within a year
    existing = ", ".join(catalogue_label(y, c) for y, c in keys) or "ไม่มีเลย"
    return (
        f"ไม่มีรายการข้อ OIT {catalogue_label(year, catalogue)} (ต้องมีไฟล์ data/catalog/{catalogue_file(year, catalogue)})"
        f" รายการที่มี: {existing}"
    )
