"""The action plan (แผนปฏิบัติการป้องกันการทุจริต): data/units/<unit>/plan-<start>-<end>.yml."""

from __future__ import annotations

from .. import urls
from ..checks import check_plan
from ..dataset import Loaded, UnitData
from ..models.plan import Plan
from ..pages import build_plan_pages
from . import DocumentKind


def plan_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    return loaded.model.title, urls.plan_page(unit.id, loaded.model)


KINDS = [
    DocumentKind(
        name="plan",
        pattern="plan-*.yml",
        model=Plan,
        build_pages=build_plan_pages,
        check=check_plan,
        link=plan_link,
        unit_heading="แผนปฏิบัติการป้องกันการทุจริต",
        order=10,
    )
]
