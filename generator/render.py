"""Page specs → Markdown through Jinja2 templates that escape every printed value by default."""

from __future__ import annotations

import contextlib
import functools
import html
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import markupsafe

from . import charts, thaifmt, urls
from .kindapi import DocumentKind
from .mdtext import Md, escape_md, link_target, render_blocks, render_list, render_table
from .pages import PageSpec, TemplateExtra

_PLAIN = re.compile(r"[0-9๐-๙.,\-– \u0e01-\u0e5b]*")
PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
BASE_TEMPLATE = "_page.md.j2"  # what every page shares, around the kind's template


def _finalize(value: Any) -> Any:
    # Why: text from YAML is data; anything not explicitly built as Markdown by us is escaped.
    if value is None:
        return ""
    if isinstance(value, markupsafe.Markup):
        return value  # built by a template macro or by mdtext: already Markdown
    return escape_md(value)


def build_environment(override_dir: Path | None = None, kinds: Sequence[DocumentKind] = ()) -> jinja2.Environment:
    """The one Jinja environment of a build: theme overrides first, then each kind's templates, then the core's."""
    has_overrides = override_dir is not None and override_dir.is_dir()
    folders = [override_dir] if override_dir is not None and has_overrides else []
    folders += [kind.templates for kind in kinds if kind.templates is not None]
    folders.append(PACKAGE_TEMPLATES)
    overrides = tuple(sorted(p.as_posix() for p in folders[0].rglob("*"))) if has_overrides else ()
    return _environment(tuple(folders), overrides)


class TemplateCodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between processes in Jinja's private per-user temporary folder.

    Why: every build compiled ~60 templates (Material's and ours) again, ~0.9 s of a small site's build. Jinja
    checks each entry against a checksum of the template's source, so an edited template is compiled again."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk: the next build compiles again
            super().dump_bytecode(bucket)


@functools.cache
def template_code_cache() -> jinja2.BytecodeCache | None:
    try:
        return TemplateCodeCache()
    except (OSError, RuntimeError):  # no safe private folder (Jinja refuses one another user owns)
        return None


# Why cached: compiling the templates took ~0.3 s of every preview save. Jinja's FileSystemLoader checks each
# template's modification time before reuse (auto_reload), so an edited override is still seen; an override
# added or removed changes `overrides` and so gives a new environment.
@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...], overrides: tuple[str, ...]) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(folder)) for folder in folders]
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
        bytecode_cache=template_code_cache(),
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
    return Md(f"[{escape_md(text)}]({link_target(target)})")


def _plain(value: Any) -> Md:
    """Text that must show as written even when it was built with `~` from a Markup part: Jinja joins with
    HTML escaping only, which leaves `[x](javascript:…)` live as Markdown; undo that and escape as Markdown."""
    return escape_md(html.unescape(str(value)))


FILTERS: dict[str, Callable[..., Any]] = {
    "plain": _plain,
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
    """The kind's template gives the body; the base page template adds what every page shares (extras)."""
    body = env.get_template(spec.template).render(**spec.context, page_path=spec.path, page=spec)
    extras = [_render_extra(env, extra, spec.path) for extra in spec.context["extras"]]
    text = env.get_template(BASE_TEMPLATE).render(body=Md(body), extras=extras, page_path=spec.path, page=spec)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def _render_extra(env: jinja2.Environment, extra: object, page_path: str) -> object:
    if isinstance(extra, TemplateExtra):
        return Md(env.get_template(extra.template).render(**extra.context, page_path=page_path))
    return extra


def render_pages(env: jinja2.Environment, specs: list[PageSpec]) -> dict[str, str]:
    return {spec.path: render_page(env, spec) for spec in specs}


_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def unsafe_output_path(rel: str) -> str:
    """Why an output path could leave the output folder or break on Windows ('' when it is safe)."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or any(part in {"", ".", ".."} for part in parts):
        return "อยู่นอกโฟลเดอร์ผลลัพธ์"
    if any(ch in rel for ch in '\x00\\:*?"<>|') or any(ord(ch) < 32 for ch in rel):
        return "มีอักขระที่ใช้เป็นชื่อไฟล์ไม่ได้"
    if any(part.split(".")[0].lower() in _WINDOWS_DEVICES for part in parts):
        return "เป็นชื่อที่ Windows สงวนไว้"
    return ""


def check_output_path(rel: str) -> str:
    """Refuse an output path that could leave the output folder or break on Windows; return it unchanged."""
    if unsafe_output_path(rel):
        raise ValueError(f"unsafe output path (outside the output folder or reserved on Windows): {rel!r}")
    return rel
