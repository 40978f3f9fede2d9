"""ITA charts: scores by indicator."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ... import thaifmt
from ...charts import Series, render_bar_chart, render_count_chart
from ...mdtext import Md

__all__ = ["render_count_chart", "render_ita_chart"]


def render_ita_chart(tools: Sequence[Any], numerals: str = "arabic") -> Md:
    """ITA scores by indicator on a 0–100 scale; the scores are in the table above it."""
    indicators = [indicator for tool in tools for indicator in tool.indicators]
    categories = [thaifmt.digits(f"ตัวชี้วัดที่ {i.no} {i.title}", numerals) for i in indicators]
    return render_bar_chart(
        "แผนภูมิคะแนน ITA รายตัวชี้วัด",
        "ความยาวแท่งคือคะแนนเฉลี่ยของตัวชี้วัด (คะแนนเต็ม 100 เกณฑ์ผ่าน 85) ตัวชี้วัดที่ต้นฉบับไม่ระบุคะแนนจะไม่มีแท่ง",
        categories,
        [Series("คะแนน", [i.score for i in indicators])],
        unit="คะแนน",
        max_value=100,
        category_header="ตัวชี้วัด",
        numerals=numerals,
        format_value=lambda value: f"{value:.2f}",
        table=False,
        chart_id="chart-ita-scores",
    )
