"""Build-time bar charts: inline SVG with real text, plus the same numbers in an accessible table.

Why hand-written SVG: a horizontal bar chart is a few rectangles and labels; writing them here keeps the
output small (a few KB, no client-side library, no font files embedded), keeps every label as `<text>` so
Thai renders in the page font (Sarabun), and lets us control accessibility (role="img", <title>/<desc>,
patterns + direct labels so colour is never the only cue, a real <table> with <caption> and headers).

Public API (returns `Md`, i.e. ready-to-print Markdown/HTML for a Jinja template or `PageSpec.add_extra`):

    render_bar_chart(title, description, categories, series, *, unit="บาท", stacked=False, ...)
    render_budget_chart(budget, dimensions, numerals)   # the plan's budget per มิติ per fiscal year
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import thaifmt
from .mdtext import Md

Number = Decimal | int | float

# Why these colours: each has >= 4.5:1 contrast on white (WCAG 1.4.11 asks 3:1 for graphics), and each
# series also gets its own fill pattern, so charts survive greyscale printing and colour-blind readers.
PALETTE = ("#1f5fa8", "#a34f00", "#2e7031", "#7b1fa2", "#5d4037", "#00695c")
PATTERNS = ("solid", "diagonal", "dots", "horizontal", "crosshatch", "vertical")

WIDTH = 360  # viewBox units; the SVG scales to its container (max-width in site.css)
FONT = 16
LINE = 22  # height of one label line
BAR = 18  # bar thickness
ROW = 24  # one bar row
GAP = 10  # space after each category
PAD = 6


@dataclass(frozen=True)
class Series:
    """One named set of values, one per category (None = no data for that category)."""

    name: str
    values: Sequence[Number | None]


def render_bar_chart(
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    unit: str = "",
    stacked: bool = False,
    max_value: Number | None = None,
    category_header: str = "รายการ",
    total_header: str = "รวม",
    numerals: str = "arabic",
    format_value: Callable[[Decimal], str] = thaifmt.format_number,
    table: bool = True,
    chart_id: str | None = None,
) -> Md:
    """A horizontal bar chart as a <figure>: caption (title + description), legend, SVG, table.

    `stacked=True` draws one bar per category split into series segments (with the total at its end);
    otherwise each series gets its own labelled bar inside each category. `table=False` only when the
    caller prints a table with exactly these numbers right next to the chart.
    """
    _check_shape(categories, series)
    # Why: every number a reader sees follows the unit's numerals, labels included ('ปี 2566' → 'ปี ๒๕๖๖').
    categories = [thaifmt.digits(c, numerals) for c in categories]
    series = [Series(thaifmt.digits(s.name, numerals), s.values) for s in series]
    cid = chart_id or _chart_id(title, categories)
    title, description = thaifmt.digits(title, numerals), thaifmt.digits(description, numerals)
    fmt = _formatter(format_value, numerals)
    figure = [
        f'<figure class="chart" id="{cid}">',
        _caption(cid, title, description, unit),
        _legend(cid, series) if stacked or len(series) > 1 else "",
        _svg(cid, title, description, categories, series, stacked, max_value, fmt),
        _table(title, unit, categories, series, stacked, category_header, total_header, fmt) if table else "",
        "</figure>",
    ]
    return Md("\n".join(part for part in figure if part))


def dimension_label(no: int, dimensions: Mapping[int, Any], numerals: str) -> str:
    title = dimensions[no].title if no in dimensions else ""
    return thaifmt.digits(f"มิติที่ {no} {title}".strip(), numerals)


def _check_shape(categories: Sequence[str], series: Sequence[Series]) -> None:
    if not series:
        raise ValueError("a chart needs at least one series")
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(categories)} categories")
        if any(v is not None and Decimal(str(v)) < 0 for v in s.values):
            raise ValueError(f"series {s.name!r} has a negative value; bar charts here start at zero")


def _chart_id(title: str, categories: Sequence[str]) -> str:
    # Why: stable ids (same input → same id) keep builds reproducible and pattern references unique per chart.
    digest = hashlib.sha1("\x1f".join([title, *categories]).encode("utf-8")).hexdigest()[:8]
    return f"chart-{digest}"


def _formatter(format_value: Callable[[Decimal], str], numerals: str) -> Callable[[Number | None], str]:
    def fmt(value: Number | None) -> str:
        if value is None:
            return "ไม่มีข้อมูล"
        return thaifmt.digits(format_value(Decimal(str(value))), numerals)

    return fmt


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _caption(cid: str, title: str, description: str, unit: str) -> str:
    unit_text = f" (หน่วย: {_esc(unit)})" if unit else ""
    return (
        f'<figcaption id="{cid}-caption"><span class="chart__title">{_esc(title)}{unit_text}</span>'
        f'<span class="chart__description">{_esc(description)}</span></figcaption>'
    )


def _legend(cid: str, series: Sequence[Series]) -> str:
    items = []
    for index, s in enumerate(series):
        swatch = (
            f'<svg aria-hidden="true" focusable="false" viewBox="0 0 28 20">'
            f'<rect x="1" y="1" width="26" height="18" fill="{_fill(cid, index)}" stroke="{_colour(index)}"/></svg>'
        )
        items.append(f"<li>{swatch}{_esc(s.name)}</li>")
    return f'<ul class="chart__legend" aria-label="คำอธิบายสัญลักษณ์">{"".join(items)}</ul>'


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _fill(cid: str, index: int) -> str:
    pattern = PATTERNS[index % len(PATTERNS)]
    return _colour(index) if pattern == "solid" else f"url(#{cid}-p{index})"


def _pattern_defs(cid: str, count: int) -> str:
    marks = {
        "diagonal": '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="1.6"/>',
        "dots": '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
        "horizontal": '<path d="M0,4 h8" stroke="#fff" stroke-width="1.6"/>',
        "crosshatch": '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" stroke-width="1.2"/>',
        "vertical": '<path d="M4,0 v8" stroke="#fff" stroke-width="1.6"/>',
    }
    defs = []
    for index in range(count):
        pattern = PATTERNS[index % len(PATTERNS)]
        if pattern == "solid":
            continue
        defs.append(
            f'<pattern id="{cid}-p{index}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{_colour(index)}"/>{marks[pattern]}</pattern>'
        )
    return f"<defs>{''.join(defs)}</defs>" if defs else ""


def text_width(text: str, size: float = FONT, bold: bool = False) -> float:
    """Rough rendered width: Thai combining vowels/tone marks take no width; others ~0.56 em (0.6 bold)."""
    advance = 0.6 if bold else 0.56
    width = 0.0
    for char in text:
        if char == "\u0e31" or "\u0e34" <= char <= "\u0e3a" or "\u0e47" <= char <= "\u0e4e":
            continue
        width += size * (0.28 if char == " " else advance)
    return width


# Why: Thai has no spaces between words; when a long run must break, break before one of these common
# word starts rather than in the middle of a word (no dictionary needed for chart labels).
_THAI_BREAKS = ("การ", "ความ", "ของ", "และ", "ใน", "ที่", "เพื่อ", "ด้วย", "ส่วน", "ระบบ", "ต่อ")


def wrap_label(text: str, width: float, bold: bool = True) -> list[str]:
    """Split a label into lines that fit `width`: at spaces, else before a common Thai word start."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if text_width(candidate, bold=bold) <= width:
            current = candidate
            continue
        if current and text_width(word, bold=bold) <= width and not _starts_with_mark(word, bold):
            lines.append(current)
            current = word
            continue
        current = candidate
        while text_width(current, bold=bold) > width:
            cut = _cut_point(current, width, bold)
            lines.append(current[:cut].rstrip())
            current = current[cut:].lstrip()
    if current:
        lines.append(current)
    return lines or [""]


def _starts_with_mark(text: str, bold: bool) -> bool:
    """A combining vowel or tone mark (zero width) cannot begin a line, even after a stray space."""
    return bool(text) and text_width(text[0], bold=bold) == 0


def _cut_point(text: str, width: float, bold: bool) -> int:
    limit = len(text)
    while limit > 1 and text_width(text[:limit], bold=bold) > width:
        limit -= 1
    space = text.rfind(" ", 0, limit + 1)
    if space > limit // 3 and not _starts_with_mark(text[space + 1 :], bold):
        return space + 1
    starts = [text.rfind(marker, 1, limit) for marker in _THAI_BREAKS]
    best = max(starts)
    if best > limit // 3:
        return best
    # Why: never start a line with a combining vowel or tone mark, also not after the spaces the cut drops.
    while limit > 1 and _starts_with_mark(text[limit:].lstrip(" "), bold):
        limit -= 1
    return limit


def _svg(
    cid: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[Series],
    stacked: bool,
    max_value: Number | None,
    fmt: Callable[[Number | None], str],
) -> str:
    totals = [_sum(s.values[i] for s in series) for i in range(len(categories))]
    present = totals if stacked else [Decimal(str(v)) if v is not None else None for s in series for v in s.values]
    peaks = [v for v in present if v is not None]
    scale_max = Decimal(str(max_value)) if max_value is not None else max(peaks, default=Decimal(0))
    labels = [] if stacked or len(series) == 1 else [s.name for s in series]
    label_w = min(max((text_width(n) for n in labels), default=-8) + 8, WIDTH * 0.35)
    values = [fmt(t) for t in totals] if stacked else [fmt(v) for s in series for v in s.values]
    value_w = max(text_width(v) for v in values) + 8
    bar_w = WIDTH - label_w - value_w
    body: list[str] = []
    y = 0.0
    for index, category in enumerate(categories):
        for line in wrap_label(category, WIDTH):
            y += LINE
            body.append(f'<text class="chart__group-label" x="0" y="{y - 5:.0f}">{_esc(line)}</text>')
        rows = [(None, totals[index])] if stacked else [(k, s.values[index]) for k, s in enumerate(series)]
        for k, value in rows:
            body.append(_bar_row(cid, y, k, value, series, index, labels, label_w, bar_w, scale_max, fmt))
            y += ROW
        y += GAP
    height = y + PAD
    return (
        f'<svg class="chart__svg" role="img" viewBox="0 0 {WIDTH} {height:.0f}" font-size="{FONT}" '
        f'aria-labelledby="{cid}-title {cid}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{cid}-title">{_esc(title)}</title><desc id="{cid}-desc">{_esc(description)}</desc>'
        f"{_pattern_defs(cid, len(series))}{''.join(body)}</svg>"
    )


def _bar_row(
    cid: str,
    y: float,
    k: int | None,
    value: Number | None,
    series: Sequence[Series],
    index: int,
    labels: list[str],
    label_w: float,
    bar_w: float,
    scale_max: Decimal,
    fmt: Callable[[Number | None], str],
) -> str:
    parts = []
    if k is not None and labels:
        parts.append(f'<text x="0" y="{y + BAR - 3:.0f}">{_esc(labels[k])}</text>')
    x = label_w
    segments = [(j, s.values[index]) for j, s in enumerate(series)] if k is None else [(k, value)]
    for j, part in segments:
        length = _length(part, scale_max, bar_w)
        if length > 0:
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.0f}" width="{length:.1f}" height="{BAR}" fill="{_fill(cid, j)}" '
                f'stroke="#fff" stroke-width="1"/>'
            )
        x += length
    parts.append(
        f'<line class="chart__axis" x1="{label_w:.1f}" x2="{label_w:.1f}" y1="{y - 2:.0f}" y2="{y + BAR + 2:.0f}"/>'
    )
    parts.append(f'<text x="{x + 5:.1f}" y="{y + BAR - 3:.0f}">{_esc(fmt(value))}</text>')
    return "".join(parts)


def _length(value: Number | None, scale_max: Decimal, bar_w: float) -> float:
    if value is None or scale_max <= 0:
        return 0.0
    return float(min(Decimal(str(value)) / scale_max, Decimal(1))) * bar_w


def _sum(values: Any) -> Decimal | None:
    present = [Decimal(str(v)) for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def _table(
    title: str,
    unit: str,
    categories: Sequence[str],
    series: Sequence[Series],
    stacked: bool,
    category_header: str,
    total_header: str,
    fmt: Callable[[Number | None], str],
) -> str:
    unit_text = f" (หน่วย: {_esc(unit)})" if unit else ""
    head = [f'<th scope="col">{_esc(category_header)}</th>']
    head += [f'<th scope="col" style="text-align: right;">{_esc(s.name)}</th>' for s in series]
    if stacked and len(series) > 1:
        head.append(f'<th scope="col" style="text-align: right;">{_esc(total_header)}</th>')
    rows = []
    for index, category in enumerate(categories):
        cells = [s.values[index] for s in series]
        if stacked and len(series) > 1:
            cells.append(_sum(cells))
        tds = "".join(f'<td style="text-align: right;">{_esc(fmt(v))}</td>' for v in cells)
        rows.append(f'<tr><th scope="row">{_esc(category)}</th>{tds}</tr>')
    return (
        f"<table><caption>ตัวเลขของแผนภูมิ: {_esc(title)}{unit_text}</caption>"
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def render_count_chart(
    title: str, description: str, pairs: Sequence[tuple[str, Number]], *, header: str, chart_id: str, numerals: str
) -> Md:
    """One bar per category (e.g. complaints per month or per channel); numbers are in the table above."""
    return render_bar_chart(
        title,
        description,
        [label for label, _ in pairs],
        [Series("จำนวนเรื่อง", [value for _, value in pairs])],
        unit="เรื่อง",
        category_header=header,
        numerals=numerals,
        table=False,
        chart_id=chart_id,
    )
