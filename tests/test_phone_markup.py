"""Markup behind the phone layout (issue 15): key figure tiles escape data; tables carry labels for stacking."""

from __future__ import annotations

import markdown

from generator.render import build_environment

EXTENSIONS = ["tables", "attr_list", "md_in_html", "generator.markdown_ext"]


def render_html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def test_key_figure_tiles_print_data_as_text() -> None:
    env = build_environment()
    macros = env.from_string('{% import "_macros.md.j2" as m %}{{ m.key_figures(items) }}')
    hostile = "<script>x</script> *bold* [link](http://evil) | {: .x }"
    html = render_html(macros.render(items=[(hostile, hostile + " 1,000 บาท")]))
    assert "<script>" not in html and "<em>" not in html and "<a " not in html, html
    assert html.count('class="key-figure__value"') == 1 and "1,000 บาท" in html
    assert "&lt;script&gt;x&lt;/script&gt; *bold* [link](http://evil)" in html


def test_wide_table_cells_carry_their_column_header_and_the_row_name() -> None:
    html = render_html(
        "| ที่ | โครงการ | งบ (บาท) |\n|--:|---|--:|\n| 1 | [ก](a) | 1,000 |\n| 2 | [ข](b) | 2,000 |\n| **รวม** | | **3,000** |\n"
    )
    assert "<table data-stack" in html
    assert '<td data-label="งบ (บาท)" style="text-align: right;">1,000</td>' in html
    assert '<td data-label="โครงการ" data-row-head=""><a href="a">ก</a></td>' in html
    # the total row names itself with its first filled cell
    assert '<td data-label="ที่" data-row-head="" style="text-align: right;"><strong>รวม</strong></td>' in html


def test_header_text_becomes_an_attribute_not_markup() -> None:
    html = render_html('| a | b " onmouseover=x | c |\n|---|---|---|\n| 1 | 2 | 3 |\n')
    assert 'data-label="b &quot; onmouseover=x"' in html


def test_key_value_tables_stay_tables() -> None:
    html = render_html("| รายการ | จำนวน |\n|---|--:|\n| รับเรื่อง | 14 เรื่อง |\n")
    assert "data-stack" not in html and "data-row-head" not in html
