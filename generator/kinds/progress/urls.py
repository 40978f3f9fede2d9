"""URLs of the progress reports (assessors bookmark them: never change one without a redirect).

/<unit>/plan/<start>-<end>/progress/                  every round of the plan
/<unit>/plan/<start>-<end>/progress/<fy>-<6m|12m>/    one round (never overwritten by the next one)
"""

from __future__ import annotations

from ...models.plan import Plan
from ...urls import plan_dir
from .model import ProgressReport


def progress_index_page(unit_id: str, plan: Plan) -> str:
    return f"{plan_dir(unit_id, plan)}/progress/index.md"


def progress_round_page(unit_id: str, plan: Plan, report: ProgressReport) -> str:
    return f"{plan_dir(unit_id, plan)}/progress/{report.fiscal_year}-{report.round}/index.md"
