"""How a plan measures up to its framework's minimum project counts and mandatory priority items.

Core (not the plan kind) because the framework pages show every plan's compliance beside the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field

from .frameworks import fill_placeholders, priority_table
from .models.catalog import Framework, PriorityCatalog, PriorityItem, Requirements
from .models.plan import Plan
from .models.unit import Unit


@dataclass
class Compliance:
    rule_label: str
    required_total: int
    actual_total: int
    required_mandatory: list[PriorityItem] = field(default_factory=list)
    missing_mandatory: list[PriorityItem] = field(default_factory=list)
    optional_min: int = 0
    optional_count: int = 0

    @property
    def ok(self) -> bool:
        return (
            self.actual_total >= self.required_total
            and not self.missing_mandatory
            and self.optional_count >= self.optional_min
        )


def build_compliance(plan: Plan, unit: Unit, framework: Framework | None) -> Compliance | None:
    """None when the plan's framework has no minimum rule for this unit (no rule, unknown unit type, or an
    อปท. without a stated budget)."""
    if framework is None or framework.requirements is None:
        return None
    requirements: Requirements = framework.requirements
    band = _budget_band(unit, requirements)
    if band is not None:
        return Compliance(band[0], band[1], len(plan.projects))
    rule = requirements.unit_types.get(unit.type)
    if rule is None:
        return None
    result = Compliance(f"หน่วยงานประเภท{rule.label}", rule.total_min, len(plan.projects))
    result.optional_min = int(rule.optional_min)
    catalog = priority_table(framework, rule.catalog)
    if catalog is not None:
        _compare_with_catalog(plan, unit, catalog, result)
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
    result.required_mandatory = [_for_unit(item, catalog, unit) for item in applicable_mandatory(catalog, unit)]
    result.missing_mandatory = [i for i in result.required_mandatory if ("mandatory", int(i.no)) not in done]
    result.optional_count = sum(1 for p in plan.projects if p.group in {"selective", "context"})


def applicable_mandatory(catalog: PriorityCatalog, unit: Unit) -> list[PriorityItem]:
    """The catalogue's mandatory items this unit's type must carry out (e.g. district-office-only items)."""
    return [i for i in catalog.items if i.group == "mandatory" and (not i.applies_to or unit.type in i.applies_to)]


def _for_unit(item: PriorityItem, catalog: PriorityCatalog, unit: Unit) -> PriorityItem:
    """The item as this unit reads it: the catalogue's template blank holds the unit's name, never the blank."""
    title = fill_placeholders(item.title, catalog, unit.name)
    note = fill_placeholders(item.note, catalog, unit.name) if item.note else None
    return item.model_copy(update={"title": title, "note": note})
