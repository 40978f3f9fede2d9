"""Progress charts: projects per มิติ split by status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...charts import Series, dimension_label, render_bar_chart, render_count_chart
from ...mdtext import Md
from .model import STATUSES

__all__ = ["render_count_chart", "render_progress_chart"]


def render_progress_chart(tallies: Sequence[Any], dimensions: Mapping[int, Any], numerals: str = "arabic") -> Md:
    """Projects per มิติ split by status (stacked); the counts are in the roll-up table above it."""
    categories = [dimension_label(int(t.key), dimensions, numerals) for t in tallies]
    series = [Series(status, [t.counts.get(status, 0) for t in tallies]) for status in STATUSES]
    return render_bar_chart(
        "แผนภูมิสถานะของโครงการรายมิติ",
        "ความยาวแท่งคือจำนวนโครงการของแต่ละมิติ แต่ละช่วงในแท่งคือจำนวนโครงการตามสถานะ ตัวเลขอยู่ในตารางที่ 2 ด้านบน",
        categories,
        series,
        unit="โครงการ",
        stacked=True,
        category_header="มิติ",
        numerals=numerals,
        table=False,
        chart_id="chart-progress-by-dimension",
    )
