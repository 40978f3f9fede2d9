"""generator/charts.py: inline SVG bar charts with text as text, patterns, and the same numbers in a table."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from generator import charts
from generator.charts import PALETTE, Series, render_bar_chart, text_width, wrap_label
from generator.kinds.plan.budget import build_budget_table
from generator.kinds.plan.charts import render_budget_chart
from generator.models.plan import Plan

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(f"<root>{markup}</root>")


def chart(**kwargs: object) -> ET.Element:
    args: dict[str, object] = {
        "title": "เรื่องร้องเรียนรายเดือน",
        "description": "จำนวนเรื่องที่รับในแต่ละเดือน",
        "categories": ["ตุลาคม", "พฤศจิกายน", "ธันวาคม"],
        "series": [Series("รับเรื่อง", [3, 0, 12]), Series("เสร็จสิ้น", [2, 0, 7])],
        "unit": "เรื่อง",
    }
    args.update(kwargs)
    return parse(render_bar_chart(**args))  # type: ignore[arg-type]


def texts(svg: ET.Element) -> list[str]:
    return [t.text or "" for t in svg.iter(f"{SVG}text")]


def test_figure_has_caption_svg_with_title_and_desc_and_a_table() -> None:
    figure = chart().find("figure")
    assert figure is not None
    caption = figure.find("figcaption")
    assert caption is not None and "เรื่องร้องเรียนรายเดือน" in "".join(caption.itertext())
    assert "หน่วย: เรื่อง" in "".join(caption.itertext())
    svg = figure.find(f"{SVG}svg")
    assert svg is not None and svg.get("role") == "img"
    ids = svg.get("aria-labelledby", "").split()
    assert [svg.find(f"{SVG}title").get("id"), svg.find(f"{SVG}desc").get("id")] == ids  # type: ignore[union-attr]
    table = figure.find("table")
    assert table is not None and table.find("caption") is not None
    assert [th.get("scope") for th in table.iter("th")].count("row") == 3
    assert [th.text for th in table.find("thead").iter("th")] == ["รายการ", "รับเรื่อง", "เสร็จสิ้น"]  # type: ignore[union-attr]


def test_every_number_is_text_in_the_svg_and_in_the_table() -> None:
    figure = chart().find("figure")
    svg_text = texts(figure.find(f"{SVG}svg"))  # type: ignore[arg-type, union-attr]
    for label in ["ตุลาคม", "ธันวาคม", "รับเรื่อง", "เสร็จสิ้น", "12", "7"]:
        assert label in svg_text
    rows = [[c.text for c in tr] for tr in figure.find("table").find("tbody")]  # type: ignore[union-attr]
    assert rows == [["ตุลาคม", "3", "2"], ["พฤศจิกายน", "0", "0"], ["ธันวาคม", "12", "7"]]


def test_bars_are_proportional_and_series_differ_by_pattern_not_only_colour() -> None:
    svg = chart().find("figure").find(f"{SVG}svg")  # type: ignore[union-attr]
    widths = [float(r.get("width", 0)) for r in svg.iter(f"{SVG}rect") if r.get("height") == str(charts.BAR)]
    assert len(widths) == 4  # zero values draw no bar, only their number
    assert widths[2] == pytest.approx(max(widths)) and widths[0] == pytest.approx(widths[2] * 3 / 12, abs=0.1)
    fills = {r.get("fill") for r in svg.iter(f"{SVG}rect") if r.get("height") == str(charts.BAR)}
    assert fills == {PALETTE[0], "url(#{}-p1)".format(svg.get("aria-labelledby", "").split("-title")[0])}
    assert svg.find(f"{SVG}defs/{SVG}pattern") is not None


def test_stacked_chart_shows_totals_and_a_legend() -> None:
    figure = chart(stacked=True).find("figure")
    legend = figure.find("ul")  # type: ignore[union-attr]
    assert legend is not None and ["".join(li.itertext()) for li in legend] == ["รับเรื่อง", "เสร็จสิ้น"]
    assert "19" in texts(figure.find(f"{SVG}svg"))  # type: ignore[arg-type, union-attr]
    head = [th.text for th in figure.find("table").find("thead").iter("th")]  # type: ignore[union-attr]
    assert head[-1] == "รวม"


def test_palette_contrast_on_white_is_at_least_4_5() -> None:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in PALETTE:
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour


def test_text_is_escaped_and_no_script_is_emitted() -> None:
    markup = render_bar_chart("<script>alert(1)</script>", "a & b", ["<b>x</b>"], [Series("s<", [1])])
    assert "<script" not in markup and "&lt;script&gt;" in markup and "a &amp; b" in markup
    parse(markup)  # well-formed


def test_thai_numerals_and_missing_values() -> None:
    figure = chart(series=[Series("รับเรื่อง", [1200, None, 5])], numerals="thai").find("figure")
    assert "๑,๒๐๐" in texts(figure.find(f"{SVG}svg"))  # type: ignore[arg-type, union-attr]
    assert "ไม่มีข้อมูล" in "".join(figure.find("table").itertext())  # type: ignore[union-attr]
    labelled = chart(categories=["ปี 2566"], series=[Series("ไตรมาส 1", [7])], numerals="thai").find("figure")
    assert {"ปี ๒๕๖๖", "๗"} <= set(texts(labelled.find(f"{SVG}svg")))  # type: ignore[arg-type, union-attr]
    assert "ไตรมาส ๑" in "".join(labelled.find("table").itertext())  # type: ignore[union-attr]


def test_bad_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="values"):
        render_bar_chart("t", "d", ["a", "b"], [Series("s", [1])])
    with pytest.raises(ValueError, match="negative"):
        render_bar_chart("t", "d", ["a"], [Series("s", [-1])])
    with pytest.raises(ValueError):
        render_bar_chart("t", "d", ["a"], [])


def test_same_input_same_output() -> None:
    assert render_bar_chart("t", "d", ["a"], [Series("s", [1])]) == render_bar_chart(
        "t", "d", ["a"], [Series("s", [1])]
    )


@given(st.text(alphabet="กขคงจฉการที่ของ่้๊๋ิีึืุู ัำ", min_size=1, max_size=120))
@example("กกกกกกกกกกกกกกกกกกกก ิก")  # a stray space before a vowel mark (found by CI)
@example("กกกกกกกกกกกกกกกกกกก ก ิ")  # the same at the cut itself (found by a full run)
def test_wrapped_label_lines_fit_and_never_start_with_a_mark(label: str) -> None:
    lines = wrap_label(label, 200)
    assert "".join(lines).replace(" ", "") == label.replace(" ", "")
    for line in lines:
        assert text_width(line, bold=True) <= 200 or len(line) == 1 or text_width(line[0]) == 0
        assert not line or text_width(line[0]) > 0 or line == lines[0]


def test_budget_chart_has_one_bar_per_dimension_and_year_segments() -> None:
    plan = Plan.model_validate(
        {
            "title": "แผนทดสอบ",
            "period": {"start": 2566, "end": 2567},
            "projects": [
                {"id": "a", "mission": "1.1", "name": "ก", "budget": {2566: Decimal(5000), 2567: Decimal(1000)}},
                {"id": "b", "mission": "3.1", "name": "ข", "budget": {2567: Decimal(2500)}},
            ],
        }
    )
    figure = parse(render_budget_chart(build_budget_table(plan), {})).find("figure")
    svg = figure.find(f"{SVG}svg")  # type: ignore[union-attr]
    assert [t for t in texts(svg) if t] == ["มิติที่ 1", "6,000", "มิติที่ 3", "2,500"]  # type: ignore[arg-type]
    assert figure.find("table") is None  # the budget page's own table sits right above the chart
    assert ["".join(li.itertext()) for li in figure.find("ul")] == ["ปี 2566", "ปี 2567"]  # type: ignore[union-attr]
