"""The plan framework (มิติ → ภารกิจ → ภารกิจย่อย, priority tables, minimum rules) that plans, progress
reports and their checks share; loaded by the core from data/catalog."""

from __future__ import annotations

from .dataset import Dataset
from .models.catalog import Dimension, DimensionCatalog


def mission_codes(catalog: DimensionCatalog) -> set[str]:
    return {m.code for d in catalog.dimensions for m in d.missions}


def sub_mission_codes(catalog: DimensionCatalog) -> set[str]:
    return {s.code for d in catalog.dimensions for m in d.missions for s in m.sub_missions}


def dimension_catalog(data: Dataset) -> dict[int, Dimension]:
    """มิติ by number (empty when the catalogue failed to load: its problems are reported already)."""
    return {d.no: d for d in data.dimensions.model.dimensions} if data.dimensions else {}
