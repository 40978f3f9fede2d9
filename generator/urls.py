"""The URL scheme, in one place. Assessors bookmark these paths: never change one without a redirect.

/                                              home: every unit
/<unit>/                                       unit home
/<unit>/plan/<start>-<end>/                    plan overview (ส่วนที่ 1)
/<unit>/plan/<start>-<end>/budget/             budget summary (ส่วนที่ 2)
/<unit>/plan/<start>-<end>/dimensions/<n>/     one มิติ with its ภารกิจ and projects
/<unit>/plan/<start>-<end>/projects/<id>/      one project card (ส่วนที่ 3)
"""

from __future__ import annotations

import posixpath

from .models.plan import Plan


def home_page() -> str:
    return "index.md"


def unit_page(unit_id: str) -> str:
    return f"{unit_id}/index.md"


def plan_dir(unit_id: str, plan: Plan) -> str:
    return f"{unit_id}/plan/{plan.period.start}-{plan.period.end}"


def plan_page(unit_id: str, plan: Plan) -> str:
    return f"{plan_dir(unit_id, plan)}/index.md"


def budget_page(unit_id: str, plan: Plan) -> str:
    return f"{plan_dir(unit_id, plan)}/budget/index.md"


def dimension_page(unit_id: str, plan: Plan, no: int) -> str:
    return f"{plan_dir(unit_id, plan)}/dimensions/{no}/index.md"


def project_page(unit_id: str, plan: Plan, project_id: str) -> str:
    return f"{plan_dir(unit_id, plan)}/projects/{project_id}/index.md"


def relative_link(from_page: str, to_page: str) -> str:
    """A relative link between two Markdown sources, which MkDocs checks and rewrites to URLs."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def url_of(page: str) -> str:
    """The public URL path of a generated page ('a/b/index.md' → '/a/b/')."""
    return "/" + page.removesuffix("index.md")
