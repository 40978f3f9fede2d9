"""URLs of the ITA reports (documented in README, section ITA).

/<unit>/ita/<year>/                     report overview with the indicator scores table
/<unit>/ita/<year>/indicators/<n>/      one indicator: item scores table and every measure row
/<unit>/ita/<year>/measures/            all measures and results in one table, with status counts
/<unit>/ita/<year>/consolidated/        the consolidated report (issues → steps → responsible → results)
"""

from __future__ import annotations


def ita_dir(unit_id: str, year: int) -> str:
    return f"{unit_id}/ita/{year}"


def ita_page(unit_id: str, year: int) -> str:
    return f"{ita_dir(unit_id, year)}/index.md"


def ita_measures_page(unit_id: str, year: int) -> str:
    return f"{ita_dir(unit_id, year)}/measures/index.md"


def ita_indicator_page(unit_id: str, year: int, no: int) -> str:
    return f"{ita_dir(unit_id, year)}/indicators/{no}/index.md"


def ita_consolidated_page(unit_id: str, year: int) -> str:
    return f"{ita_dir(unit_id, year)}/consolidated/index.md"
