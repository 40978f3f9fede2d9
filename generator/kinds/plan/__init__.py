"""The action plan (แผนปฏิบัติการป้องกันการทุจริต): data/units/<unit>/plan-<start>-<end>.yml.

Everything of this kind lives in this package: checks, pages, URLs, budget tables, downloadable tables,
its chart, its templates and the `pdf` command. The plan model itself is shared (generator/models/plan.py)
because progress reports and OIT maps refer to plans and their projects; so are the plan frameworks
(generator/frameworks.py) and compliance with their minimum rules (generator/compliance.py), because the
framework pages and progress reports use them too.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ... import thaifmt
from ... import urls as core_urls
from ...dataset import Dataset, Loaded, UnitData
from ...kindapi import DocumentKind, ServedTarget, TargetName
from ...models.plan import Plan
from .checks import check_plan
from .docx_command import add_import_docx_parser
from .pages import build_plan_pages
from .pdf import add_pdf_parser
from .tables import TABLES, build_plan_tables
from .workbook import build_plan_workbook

PLAN = TargetName("plan", "แผนปฏิบัติการป้องกันการทุจริต")
PLAN_RISKS = TargetName("plan-risks", "การประเมินความเสี่ยงการทุจริตในแผนปฏิบัติการ")


def plan_link(unit: UnitData, loaded: Loaded) -> tuple[str, str]:
    return loaded.model.title, core_urls.plan_page(unit.id, loaded.model)


def served_targets(data: Dataset, unit: UnitData, loaded: Loaded) -> Iterator[ServedTarget]:
    """The plan page answers for every fiscal year of the plan; its risk section when it has risks."""
    plan: Plan = loaded.model
    years = frozenset(plan.period.years)
    period = thaifmt.fiscal_year_bounds(plan.period.start)[0], thaifmt.fiscal_year_bounds(plan.period.end)[1]
    common: dict[str, Any] = {
        "page": core_urls.plan_page(unit.id, plan),
        "fiscal_years": years,
        "period": period,
        "updated": plan.issued,
        "updated_precision": plan.issued_precision,
    }
    yield ServedTarget(PLAN.name, PLAN.label, **common)
    if plan.risks:
        yield ServedTarget(PLAN_RISKS.name, PLAN_RISKS.label, anchor="risks", **common)


def add_plan_commands(sub: argparse._SubParsersAction, kinds: Sequence[DocumentKind]) -> None:  # type: ignore[type-arg]
    add_pdf_parser(sub, kinds)
    add_import_docx_parser(sub, kinds)


KINDS = (
    DocumentKind(
        name="plan",
        pattern="plan-*.yml",
        model=Plan,
        build_pages=build_plan_pages,
        check=check_plan,
        link=plan_link,
        unit_heading="แผนปฏิบัติการป้องกันการทุจริต",
        order=10,
        templates=Path(__file__).parent / "templates",
        tables=TABLES,
        build_tables=build_plan_tables,
        targets=(PLAN, PLAN_RISKS),
        served=served_targets,
        add_commands=add_plan_commands,
        workbook=build_plan_workbook,
    ),
)
