"""URLs of the plan's own pages (the plan overview and project cards are site-wide: generator/urls.py).

/<unit>/plan/<start>-<end>/budget/             budget summary (ส่วนที่ 2)
/<unit>/plan/<start>-<end>/dimensions/<n>/     one มิติ with its ภารกิจ and projects
"""

from __future__ import annotations

from ...models.plan import Plan
from ...urls import plan_dir


def budget_page(unit_id: str, plan: Plan) -> str:
    return f"{plan_dir(unit_id, plan)}/budget/index.md"


def dimension_page(unit_id: str, plan: Plan, no: int) -> str:
    return f"{plan_dir(unit_id, plan)}/dimensions/{no}/index.md"
