"""Budget arithmetic: every subtotal and total is computed here, never typed in the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...models.plan import Plan, Project

ZERO = Decimal(0)


@dataclass
class Amounts:
    """Amounts per fiscal year, in the order of the plan period."""

    years: list[int]
    by_year: dict[int, Decimal] = field(default_factory=dict)

    def add(self, budget: dict[int, Decimal]) -> None:
        for year in self.years:
            self.by_year[year] = self.by_year.get(year, ZERO) + budget.get(year, ZERO)

    def get(self, year: int) -> Decimal:
        return self.by_year.get(year, ZERO)

    @property
    def total(self) -> Decimal:
        return sum((self.get(y) for y in self.years), ZERO)


@dataclass
class MissionRow:
    code: str
    projects: list[Project]


@dataclass
class DimensionBudget:
    no: int
    missions: list[MissionRow]
    amounts: Amounts

    @property
    def project_count(self) -> int:
        return sum(len(m.projects) for m in self.missions)


@dataclass
class BudgetTable:
    years: list[int]
    dimensions: list[DimensionBudget]
    amounts: Amounts

    @property
    def project_count(self) -> int:
        return sum(d.project_count for d in self.dimensions)


def build_budget_table(plan: Plan) -> BudgetTable:
    """Group projects by มิติ and ภารกิจ (in document order) and sum their yearly budgets."""
    years = plan.period.years
    grand = Amounts(years)
    dimensions: list[DimensionBudget] = []
    for no in (1, 2, 3, 4):
        projects = [p for p in plan.projects if p.dimension == no]
        if not projects:
            continue
        amounts = Amounts(years)
        missions: dict[str, MissionRow] = {}
        for project in projects:
            missions.setdefault(project.mission, MissionRow(project.mission, [])).projects.append(project)
            amounts.add(project.budget)
        grand.add(amounts.by_year)
        ordered = sorted(missions.values(), key=lambda m: m.code)
        dimensions.append(DimensionBudget(no, ordered, amounts))
    return BudgetTable(years, dimensions, grand)
