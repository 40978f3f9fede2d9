"""How a plan measures up to the minimum project counts and mandatory catalogue items."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...dataset import Dataset
from ...models.catalog import PriorityCatalog, PriorityItem, Requirements
from ...models.common import Erratum
from ...models.plan import Plan
from ...models.unit import Unit
from ...thaifmt import digits


@dataclass
class Compliance:
    rule_label: str
    required_total: int
    actual_total: int
    required_mandatory: list[PriorityItem] = field(default_factory=list)
    missing_mandatory: list[PriorityItem] = field(default_factory=list)
    optional_min: int = 0
    optional_count: int = 0
    errata: list[Erratum] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.actual_total >= self.required_total
            and not self.missing_mandatory
            and self.optional_count >= self.optional_min
        )


def build_compliance(plan: Plan, unit: Unit, data: Dataset) -> Compliance | None:
    """None when no rule applies (unknown unit type, or an อปท. without a stated budget)."""
    if data.requirements is None:
        return None
    requirements: Requirements = data.requirements.model
    band = _budget_band(unit, requirements)
    if band is not None:
        return Compliance(band[0], band[1], len(plan.projects))
    rule = requirements.unit_types.get(unit.type)
    if rule is None:
        return None
    catalog = data.priorities.get(rule.catalog or "")
    result = Compliance(f"หน่วยงานประเภท{rule.label}", rule.total_min, len(plan.projects))
    result.optional_min = int(rule.optional_min)
    if catalog is not None:
        _compare_with_catalog(plan, unit, catalog.model, result)
    return result


def _budget_band(unit: Unit, requirements: Requirements) -> tuple[str, int] | None:
    if unit.annual_budget is None or unit.type not in {"sao", "municipality", "pao"}:
        return None
    for band in requirements.budget_bands:
        above_min = unit.annual_budget >= band.min_baht
        below_max = band.max_baht is None or (
            unit.annual_budget <= band.max_baht if band.include_max else unit.annual_budget < band.max_baht
        )
        if above_min and below_max:
            return f"อปท. ที่มี{band.label}", int(band.min_projects)
    return None


def _compare_with_catalog(plan: Plan, unit: Unit, catalog: PriorityCatalog, result: Compliance) -> None:
    done = {(p.group, p.catalog_item) for p in plan.projects}
    result.required_mandatory = [
        item
        for item in catalog.items
        if item.group == "mandatory" and (not item.applies_to or unit.type in item.applies_to)
    ]
    missing = [i for i in result.required_mandatory if ("mandatory", int(i.no)) not in done]
    result.missing_mandatory = [_fill_placeholder(item, unit, result) for item in missing]
    result.optional_count = sum(1 for p in plan.projects if p.group in {"selective", "context"})


# The catalogue (seed 000) keeps the template's blank "ระบุชื่อองค์กรปกครองส่วนท้องถิ่น" = "name the unit here".
PLACEHOLDER = "ระบุชื่อองค์กรปกครองส่วนท้องถิ่น"


def _fill_placeholder(item: PriorityItem, unit: Unit, result: Compliance) -> PriorityItem:
    """Put the unit's name where the catalogue asks for it, and record the change as an erratum."""
    if PLACEHOLDER not in item.title:
        return item
    title = item.title.replace(PLACEHOLDER, unit.name)
    reason = "ตารางลำดับความสำคัญพิมพ์ข้อความแม่แบบให้ใส่ชื่อหน่วยงาน จึงใส่ชื่อหน่วยงานแทน"
    where = digits(f"โครงการสำคัญที่ต้องดำเนินการ ข้อ {item.no} (ตารางลำดับความสำคัญ)", unit.numerals)
    result.errata.append(Erratum(where=where, original=item.title, corrected=title, reason=reason))
    return item.model_copy(update={"title": title})
