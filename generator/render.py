"""Page specs → Markdown through Jinja2 templates that escape every printed value by default."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from . import charts, thaifmt, urls
from .mdtext import Md, escape_md, render_blocks, render_list, render_table
from .pages import PageSpec

_PLAIN = re.compile(r"[0-9๐-๙.,\-– \u0e01-\u0e5b]*")
PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    # Why: text from YAML is data; anything not explicitly built as Markdown by us is escaped.
    if value is None:
        return ""
    if isinstance(value, markupsafe.Markup):
        return value  # built by a template macro or by mdtext: already Markdown
    return escape_md(value)


def build_environment(override_dir: Path | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(override_dir)))
    loaders.append(jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Why: with autoescape on, macro output is Markup and passes through; plain values go via _finalize.
        autoescape=True,
        # Why: Markdown attribute lists use '{#id}', which is Jinja's default comment opener.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


def _numeral_filter(fn: Callable[..., str]) -> Callable[..., str]:
    @jinja2.pass_context
    def wrapped(context: jinja2.runtime.Context, value: Any, *args: Any) -> str:
        text = thaifmt.digits(fn(value, *args), context.get("numerals", "arabic"))
        # Why: numbers, dates and codes are safe mid-line; escaping them only clutters the Markdown.
        return Md(text) if _PLAIN.fullmatch(text) else escape_md(text)

    return wrapped


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, to_page: str) -> str:
    return urls.relative_link(context["page_path"], to_page)


def _md_link(text: Any, target: str) -> Md:
    return Md(f"[{escape_md(text)}]({target})")


FILTERS: dict[str, Callable[..., Any]] = {
    "n": _numeral_filter(str),
    "baht": _numeral_filter(thaifmt.format_baht),
    "amount": _numeral_filter(thaifmt.format_amount_cell),
    "number": _numeral_filter(thaifmt.format_number),
    "date": _numeral_filter(thaifmt.format_date),
    "fiscal_year": _numeral_filter(thaifmt.format_fiscal_year),
    "fiscal_years": _numeral_filter(thaifmt.format_fiscal_years),
    "blocks": render_blocks,
    "md_list": render_list,
    "md_table": render_table,
    "md_link": _md_link,
    "raw": Md,
}
# `charts`: build-time SVG charts (generator/charts.py), e.g. {{ charts.render_budget_chart(budget, dimensions, numerals) }}
GLOBALS: dict[str, Any] = {"link": _link, "urls": urls, "Decimal": Decimal, "thaifmt": thaifmt, "charts": charts}


def render_page(env: jinja2.Environment, spec: PageSpec) -> str:
    template = env.get_template(spec.template)
    text = template.render(**spec.context, page_path=spec.path, page=spec)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def render_pages(env: jinja2.Environment, specs: list[PageSpec]) -> dict[str, str]:
    return {spec.path: render_page(env, spec) for spec in specs}


_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def check_output_path(rel: str) -> str:
    """Refuse an output path that could leave the output folder or break on Windows; return it unchanged."""
    parts = rel.split("/")
    bad = (
        not rel
        or rel.startswith("/")
        or any(ch in rel for ch in '\x00\\:*?"<>|')
        or any(part in {"", ".", ".."} for part in parts)
        or any(part.split(".")[0].lower() in _WINDOWS_DEVICES for part in parts)
    )
    if bad:
        raise ValueError(f"unsafe output path (outside the output folder or reserved on Windows): {rel!r}")
    return rel


def write_tree_atomically(out_dir: Path, files: Mapping[str, str | bytes]) -> None:
    """Write every file into a fresh sibling directory, then swap it in: a failure leaves `out_dir` intact."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        for rel, text in sorted(files.items()):
            target = (staging / check_output_path(rel)).resolve()
            if staging not in target.parents:
                raise ValueError(f"path escapes the output folder: {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        swap_directory(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_directory(staging: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `staging` with two renames (the old tree is removed only afterwards)."""
    backup = out_dir.with_name(f".{out_dir.name}.old")
    shutil.rmtree(backup, ignore_errors=True)
    if out_dir.exists():
        os.replace(out_dir, backup)
    os.replace(staging, out_dir)
    shutil.rmtree(backup, ignore_errors=True)
