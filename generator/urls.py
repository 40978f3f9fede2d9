"""The site-wide part of the URL scheme. Assessors bookmark these paths: never change one without a redirect.

Each document kind keeps its own URLs in its package (kinds/<kind>/urls.py or its __init__); only the
pages several kinds link to live here: the home, a unit, and the plan a unit's reports hang under.

/                                              home: every unit
/<unit>/                                       unit home
/<unit>/plan/<start>-<end>/                    plan overview (ส่วนที่ 1)
/<unit>/plan/<start>-<end>/projects/<id>/      one project card (ส่วนที่ 3)
"""

from __future__ import annotations

import posixpath
from types import SimpleNamespace

from .models.plan import Plan


def home_page() -> str:
    return "index.md"


def unit_page(unit_id: str) -> str:
    return f"{unit_id}/index.md"


def plan_dir(unit_id: str, plan: Plan) -> str:
    return f"{unit_id}/plan/{plan.period.start}-{plan.period.end}"


def plan_page(unit_id: str, plan: Plan) -> str:
    return f"{plan_dir(unit_id, plan)}/index.md"


def project_page(unit_id: str, plan: Plan, project_id: str) -> str:
    return f"{plan_dir(unit_id, plan)}/projects/{project_id}/index.md"


def relative_link(from_page: str, to_page: str) -> str:
    """A relative link between two Markdown sources, which MkDocs checks and rewrites to URLs."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def url_of(page: str) -> str:
    """The public URL path of a generated page ('a/b/index.md' → '/a/b/')."""
    return "/" + page.removesuffix("index.md")


def namespace(*sources: object) -> SimpleNamespace:
    """Templates' `urls`: these site-wide functions plus a kind's own (the kind's win on a name clash)."""
    merged = {k: v for k, v in globals().items() if callable(v) and not k.startswith("_") and k[0].islower()}
    for source in sources:
        merged.update({k: v for k, v in vars(source).items() if callable(v) and k[:1].islower()})
    return SimpleNamespace(**merged)
