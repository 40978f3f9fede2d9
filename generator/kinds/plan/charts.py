"""The plan's own chart: budget per มิติ by fiscal year (numbers are in the table above it)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ... import thaifmt
from ...charts import Series, dimension_label, render_bar_chart, render_count_chart
from ...mdtext import Md

__all__ = ["render_budget_chart", "render_count_chart"]


def render_budget_chart(budget: Any, dimensions: Mapping[int, Any], numerals: str = "arabic") -> Md:
    """The plan's budget per มิติ (one bar each), split by fiscal year; numbers are in the table above it."""
    categories = [dimension_label(d.no, dimensions, numerals) for d in budget.dimensions]
    series = [
        Series(thaifmt.digits(f"ปี {year}", numerals), [d.amounts.get(year) for d in budget.dimensions])
        for year in budget.years
    ]
    years = thaifmt.digits(f"{budget.years[0]}–{budget.years[-1]}", numerals) if budget.years else ""
    return render_bar_chart(
        "แผนภูมิงบประมาณรายมิติ แยกตามปีงบประมาณ",
        f"ความยาวแท่งคืองบประมาณรวมของแต่ละมิติตลอดแผน (พ.ศ. {years}) แต่ละช่วงในแท่งคืองบประมาณหนึ่งปี"
        " ตัวเลขทุกช่องอยู่ในตาราง “จำนวนโครงการและงบประมาณรายมิติ” ด้านบน",
        categories,
        series,
        unit="บาท",
        stacked=True,
        numerals=numerals,
        format_value=_format_budget,
        table=False,
        chart_id="chart-budget-by-dimension",
    )


def _format_budget(value: Decimal) -> str:
    return thaifmt.NO_BUDGET if value == 0 else thaifmt.format_number(value)
