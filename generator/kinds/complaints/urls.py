"""URLs of the complaint statistics.

/<unit>/complaints/                     every year of the unit
/<unit>/complaints/<fy>/                one fiscal year
/<unit>/complaints/<fy>/complaints-<fy>.json   the same numbers as data (for charts)
"""

from __future__ import annotations


def complaints_index_page(unit_id: str) -> str:
    return f"{unit_id}/complaints/index.md"


def complaints_year_page(unit_id: str, fiscal_year: int) -> str:
    return f"{unit_id}/complaints/{fiscal_year}/index.md"


def complaints_json_path(unit_id: str, fiscal_year: int) -> str:
    return f"{unit_id}/complaints/{fiscal_year}/complaints-{fiscal_year}.json"
