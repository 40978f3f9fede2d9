"""Injection: every free-text field of every sample document, filled with hostile payloads, renders as text.

`build_payload_data` copies the sample data and replaces every string the schema accepts as free text
with a payload (HTML, Markdown, Jinja, title break-outs, ...), reverting only values a model or a
cross-document check refuses. The pages are then rendered with the real pipeline and converted with
the site's Markdown extensions; the browser test (tests/browser/test_injection.py) loads the MkDocs build.
"""

from __future__ import annotations

import atexit
import fnmatch
import functools
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from pydantic import BaseModel, ValidationError

from generator.loader import Loc, load_yaml
from generator.mdtext import escape_linked, escape_md
from generator.models.catalog import Framework
from generator.models.unit import Unit
from generator.privacy import iter_persons
from generator.problems import DataError
from generator.site import KINDS, render_site
from generator.validation import format_loc

ROOT = Path(__file__).resolve().parent.parent
# Each payload tries one way out of "text"; CORE is appended to all of them so every field also tries the worst.
CORE = '</title><script>alert("core")</script><img src=x onerror=alert(2) class=INJcore>'
PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)" id=INJimg>',
    "[คลิก](javascript:alert(1))",
    '<a href="javascript:alert(1)" id="INJa">ลิงก์</a>',
    "{{ 7*7 }}{% for x in range(3) %}x{% endfor %}{# c #}",
    "| ปิดตาราง | --- |",
    "```\nเปิดโค้ด",
    '{: onclick="alert(1)" .INJattr #INJattr }',
    "&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b id=INJent&#x3E;",
    "# หัวข้อปลอม",
    "<!-- ซ่อนข้อความ -->",
    "<!--<script>ข้อความหลังจากนี้หายไป",
    "ทับ\\ขวา \\* \\_ \\",
    "===",
    '<div markdown="1" id="INJdiv">**ตัวหนา**</div>',
    '"><svg onload=alert(1) id=INJsvg>',
    "' onmouseover='alert(1)' x='",
    '![รูป](x" onerror="alert(1))',
    '!!! danger "ปลอม"',
    "- รายการปลอม\n1. ลำดับปลอม\n> อ้างอิงปลอม",
    "ข้อความ\u202eกลับด้าน\u2066แยก\u200bศูนย์",
    "ยาว" + "x" * 400,
    "<style>body{display:none}</style><iframe src=javascript:alert(1) id=INJiframe>",
    "javascript:alert(1)",
    "https://example.org/){:onclick=alert(1)}",
    'https://example.org/a"onmouseover=alert(1)',
    '=HYPERLINK("http://example.org","x")',
]


LINK_PAYLOADS = [
    "https://example.org/){:onclick=alert(1)}",
    "https://example.org/a){:.INJlink}",
    "javascript:alert(1)",
    "/sao-bueng-prue/%2e%2e/%2e%2e/",
]


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def payload(counter: int) -> str:
    return f"{PAYLOADS[counter % len(PAYLOADS)]} {CORE}"


# --- building the hostile data set ----------------------------------------------------------------------


def _catalog_patterns() -> dict[str, type[BaseModel]]:
    patterns: dict[str, type[BaseModel]] = {}
    try:  # the OIT item catalogues (ITA document kinds), when present
        from generator.kinds.oit.model import OitCatalog

        patterns["oit-*.yml"] = OitCatalog
    except ImportError:  # pragma: no cover
        pass
    return patterns


CATALOG_PATTERNS = _catalog_patterns()


def model_for(data: Path, path: Path) -> type[BaseModel] | None:
    rel = path.relative_to(data)
    if rel.parts[0] == "catalog":
        if rel.parts[1:2] == ("frameworks",):
            return Framework
        for pattern, model in CATALOG_PATTERNS.items():
            if fnmatch.fnmatch(path.name, pattern):
                return model
        return None
    if path.name == "unit.yml":
        return Unit
    return next((k.model for k in KINDS if fnmatch.fnmatch(path.name, k.pattern)), None)


def iter_leaves(value: Any, loc: Loc = ()) -> list[Loc]:
    if isinstance(value, dict):
        return [leaf for key, child in value.items() for leaf in iter_leaves(child, (*loc, key))]
    if isinstance(value, list):
        return [leaf for i, child in enumerate(value) for leaf in iter_leaves(child, (*loc, i))]
    return [loc] if isinstance(value, str) else []


def _data_loc(loc: tuple[Any, ...], data: Any) -> Loc:
    """The part of a pydantic error location that exists in the data (union tags are skipped)."""
    out: list[Any] = []
    for part in loc:
        if isinstance(data, dict) and str(part) in data:
            out.append(str(part))
            data = data[str(part)]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            out.append(part)
            data = data[part]
    return tuple(out)


def _tagless(loc: tuple[Any, ...]) -> set[Loc]:
    """`loc` with up to two of its (non-first) name parts dropped: pydantic inserts union tags into locations."""
    loc = tuple(str(p) if not isinstance(p, int) else p for p in loc)
    names = [i for i, part in enumerate(loc) if i and isinstance(part, str)]
    found = {loc}
    for i in names:
        found.add(loc[:i] + loc[i + 1 :])
        for j in names:
            if j > i:
                found.add(loc[:i] + loc[i + 1 : j] + loc[j + 1 :])
    return found


def _get(value: Any, loc: Loc) -> Any:
    for part in loc:
        value = value[part]
    return value


def _set(value: Any, loc: Loc, new: Any) -> None:
    _get(value, loc[:-1])[loc[-1]] = new


def _table_references() -> tuple[str, ...]:
    """The phrases by which plan text refers to a framework table (`cited_as`), from the shipped frameworks."""
    phrases: list[str] = []
    for path in sorted((ROOT / "data" / "catalog" / "frameworks").glob("*.yml")):
        framework = Framework.model_validate(load_yaml(path, str(path)).data)
        phrases += [p for t in framework.priorities for p in t.cited_as]
        table = framework.requirements.unit_table if framework.requirements else None
        phrases += table.cited_as if table else []
    return tuple(phrases)


# Why kept: text naming a framework table gets a link to it, so a payload there (or in the phrase itself)
# would change the page's links for a reason that has nothing to do with injection.
TABLE_REFERENCES = _table_references()


def _keeps_reference(loc: Loc, value: str) -> bool:
    return "cited_as" in loc or any(phrase in value for phrase in TABLE_REFERENCES)


class _Injector:
    def __init__(self, data: Path):
        self.data = data
        self.counter = 0
        self.original: dict[Path, dict[Loc, str]] = {}
        self.trees: dict[Path, Any] = {}

    def inject_file(self, path: Path, model: type[BaseModel]) -> None:
        doc = load_yaml(path, str(path))
        self.trees[path] = doc.data
        leaves = iter_leaves(doc.data)
        self.original[path] = {loc: _get(doc.data, loc) for loc in leaves}
        for loc in leaves:
            if _keeps_reference(loc, self.original[path][loc]):
                continue
            _set(doc.data, loc, payload(self.counter))
            self.counter += 1
        for _ in range(20):
            try:
                self.keep_people_out(path, model.model_validate(doc.data))
                break
            except ValidationError as exc:
                for error in exc.errors():
                    self.revert_error(path, error["loc"], doc.data)
        else:  # pragma: no cover - a model the injector cannot satisfy is a test bug
            raise AssertionError(f"could not inject into {path}")
        self.inject_links(path, model)
        self.write(path)

    def keep_people_out(self, path: Path, validated: BaseModel) -> None:
        # Why: a private person's name equal to a payload shown elsewhere would (rightly) stop the build.
        for loc, _ in iter_persons(validated):
            self.revert(path, loc)

    def inject_links(self, path: Path, model: type[BaseModel]) -> None:
        """Link fields refuse spaces, so they get the one-word payloads that a URL check might let through."""
        tree = self.trees[path]
        for loc, value in self.original[path].items():
            if not any(word in str(loc[-1]) for word in ("url", "link")) or _get(tree, loc) != value:
                continue
            self.counter += 1
            for k in range(len(LINK_PAYLOADS)):
                _set(tree, loc, LINK_PAYLOADS[(self.counter + k) % len(LINK_PAYLOADS)])
                try:
                    model.model_validate(tree)
                    break
                except ValidationError:
                    _set(tree, loc, value)

    def revert_error(self, path: Path, loc: tuple[Any, ...], data: Any) -> None:
        # Why: pydantic puts union tags ('list', 'text') into locations; a leaf matching with tags dropped wins.
        exact = [leaf for leaf in _tagless(loc) if leaf in self.original[path]]
        for leaf in exact:
            _set(self.trees[path], leaf, self.original[path][leaf])
        if not exact:
            self.revert(path, _data_loc(loc, data))

    def revert(self, path: Path, prefix: Loc, line_field: str | None = None) -> int:
        reverted = 0
        for loc, value in self.original[path].items():
            inside = loc[: len(prefix)] == prefix if line_field is None else format_loc(loc).startswith(line_field)
            if inside and _get(self.trees[path], loc) != value:
                _set(self.trees[path], loc, value)
                reverted += 1
        return reverted

    def write(self, path: Path) -> None:
        text = yaml.dump(self.trees[path], Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10**6)
        path.write_text(text, encoding="utf-8")

    def injected_count(self) -> int:
        return sum(
            1 for path, leaves in self.original.items() for loc, v in leaves.items() if _get(self.trees[path], loc) != v
        )


def build_payload_data(target: Path) -> tuple[Path, int, dict[str, str]]:
    """Copy the sample data to `target` with a payload in every free-text field; return (data, count, pages)."""
    data = target / "data"
    shutil.copytree(ROOT / "data", data)
    injector = _Injector(data)
    for path in sorted(data.rglob("*.yml")):
        model = model_for(data, path)
        if model is not None:
            injector.inject_file(path, model)
    for _ in range(10):
        try:
            files = render_site(data).files
            return data, injector.injected_count(), files
        except DataError as exc:
            errors = [p for p in exc.problems if p.severity == "error"]
        for problem in errors:
            path = data.parent / problem.path
            reverted = injector.revert(path, (), problem.field if problem.field != "-" else "")
            assert reverted, f"cannot satisfy check: {problem.format()}"
            injector.write(path)
    raise AssertionError("payload data never passed the checks")  # pragma: no cover


@functools.cache
def payload_data() -> tuple[Path, int, dict[str, str]]:
    """The payload data set, built once per test process (the browser test reuses it)."""
    target = Path(tempfile.mkdtemp(prefix="payload-data-"))
    atexit.register(shutil.rmtree, target, True)
    shutil.copytree(ROOT / "data", target / "sample" / "data")  # the same data without payloads
    return build_payload_data(target)


# --- inspecting HTML ------------------------------------------------------------------------------------


class InjectionFinder(html.parser.HTMLParser):
    """Collects every element or attribute in a page that only an injection could have produced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
            # Why upper case: heading ids are lower-case slugs of (escaped) text and may contain the marker.
            if name in {"id", "class"} and "INJ" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "iframe" or (tag == "img" and dict(attrs).get("src") == "x"):
            self.found.append(f"<{tag}>")

        self.script_type = dict(attrs).get("type") or "" if tag == "script" else None

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and self.script_type == "application/ld+json":
            # Why: '<!--' or '<script' inside a script element (even JSON) make the HTML parser swallow the
            # rest of the page; data in JSON-LD must have '<' escaped as \u003c.
            lowered = data.lower()
            if "<!--" in lowered or "<script" in lowered or "</script" in lowered:
                self.found.append(f"unescaped '<' in JSON-LD: {data[:80]!r}")
        elif self.lasttag in {"script", "style"} and ("alert(" in data or "display:none" in data):
            self.found.append(f"{self.lasttag}: {data[:80]!r}")


def find_injections(page_html: str) -> list[str]:
    finder = InjectionFinder()
    finder.feed(page_html)
    return finder.found


# --- building the site ----------------------------------------------------------------------------------


@functools.cache
def site_markdown() -> markdown.Markdown:
    """A Markdown converter with exactly the extensions (and their options) of the project's mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def write_config(target: Path, data: Path) -> Path:
    """A copy of mkdocs.yml in `target` whose paths point back into the repo, except the data folder."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        "docs_dir: content": f"docs_dir: {ROOT / 'content'}",
        "custom_dir: theme": f"custom_dir: {ROOT / 'theme'}",
        "data_dir: data": f"data_dir: {data}",
        "templates_dir: theme/generator": f"templates_dir: {ROOT / 'theme' / 'generator'}",
    }
    for old, new in replacements.items():
        assert old in text, f"mkdocs.yml no longer has '{old}'"
        text = text.replace(old, new)
    config = target / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(site_dir)]
    return subprocess.run(cmd, cwd=config.parent, env=env, capture_output=True, text=True, check=False)


# --- tests ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def payload_site() -> tuple[Path, int, dict[str, str]]:
    return payload_data()


def test_payloads_reach_every_document_kind(payload_site: tuple[Path, int, dict[str, str]]) -> None:
    data, count, _ = payload_site
    assert count > 500
    for path in sorted(p for p in data.rglob("*.yml") if model_for(data, p) is not None):
        assert "alert(" in path.read_text(encoding="utf-8"), f"no payload accepted in {path.name}"


def test_generated_markdown_renders_payloads_as_text(payload_site: tuple[Path, int, dict[str, str]]) -> None:
    _, _, files = payload_site
    md = site_markdown()
    for path, text in files.items():
        page_html = md.reset().convert(text)
        assert find_injections(page_html) == [], path


def test_jinja_syntax_in_data_is_never_evaluated(payload_site: tuple[Path, int, dict[str, str]]) -> None:
    _, _, files = payload_site
    joined = "\n".join(files.values())
    assert r"\{\{ 7\*7 \}\}\{% for x in range(3) %\}x\{% endfor %\}" in joined
    # Why: the long-word payload is 'x' * 400 (charts shorten it); an evaluated loop would leave exactly 'xxx'.
    assert "xxx" not in re.sub("x{4,}", "", joined)


STRUCTURE_TAGS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "pre",
    "code",
    "blockquote",
    "table",
    "tr",
    "td",
    "ul",
    "ol",
    "li",
    "a",
    "div",
)


def structure(page_html: str) -> dict[str, int]:
    # Why: a web address written in the text is linked on purpose (mdtext.escape_linked); such a link shows
    # exactly its http(s) target, and payloads in its text are checked by test_linked_text_shows_payload_literally.
    page_html = re.sub(r'<a class="web-address" href="https?://[^"]*">[^<]*</a>', "", page_html)
    return {tag: len(re.findall(rf"<{tag}[\s>]", page_html)) for tag in STRUCTURE_TAGS}


def test_payloads_keep_the_page_structure(payload_site: tuple[Path, int, dict[str, str]]) -> None:
    """Same pages, same headings/tables/lists/links as with the sample data: no payload added or broke one."""
    data, _, _ = payload_site
    # Why render both now: the two renders must use the same templates and the same data snapshot.
    files = render_site(data).files
    sample = render_site(data.parent / "sample" / "data").files
    md = site_markdown()
    # Why: the unit directory has one page per province, and the payload data renames every province.
    files = {p: t for p, t in files.items() if not p.startswith("units/")}
    sample = {p: t for p, t in sample.items() if not p.startswith("units/")}
    assert set(files) == set(sample)
    for path, text in files.items():
        expected = structure(md.reset().convert(sample[path]))
        assert structure(md.reset().convert(text)) == expected, path


@pytest.mark.parametrize("text", [*PAYLOADS, CORE])
def test_escape_md_shows_payload_literally(text: str) -> None:
    md = site_markdown()
    for layout in ("{}", "ย่อหน้าก่อน\n{}", "| หัว |\n|---|\n| {} |", "- {}", "# {}"):
        page_html = md.reset().convert(layout.format(escape_md(text)))
        assert find_injections(page_html) == []
        visible = html.unescape(_strip_tags(page_html))
        expected = " ".join(text.split()).replace("\u202e", "").replace("\u2066", "")
        assert expected in " ".join(visible.split()), (layout, page_html)


@pytest.mark.parametrize("text", [*PAYLOADS, CORE, *(f"ดู https://example.org/{p} ต่อ" for p in PAYLOADS)])
def test_linked_text_shows_payload_literally(text: str) -> None:
    """Text whose web addresses become links: still no markup from data, every character still visible,
    and every link it makes is an http(s) link whose text is its own address."""
    md = site_markdown()
    for layout in ("{}", "| หัว |\n|---|\n| {} |", "- {}"):
        page_html = md.reset().convert(layout.format(escape_linked(text)))
        assert find_injections(page_html) == []
        visible = html.unescape(_strip_tags(page_html))
        expected = " ".join(text.split()).replace("\u202e", "").replace("\u2066", "")
        assert expected in " ".join(visible.split()), (layout, page_html)
        for href, shown in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>([^<]*)</a>', page_html):
            assert href.startswith(("http://", "https://")) and html.unescape(shown).startswith(href[:8]), page_html


def _strip_tags(page_html: str) -> str:
    return re.sub(r"<[^>]+>", "", page_html)


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Q&A", "Q&A"),
        ("Bangkok Fast & Clear", "Bangkok Fast & Clear"),
        ("</title><script>alert(1)</script>", "\uff1c/title\uff1e\uff1cscript\uff1ealert(1)\uff1c/script\uff1e"),
        ("&lt;script&gt;", "\uff06lt;script\uff06gt;"),
        ("&ltscript", "\uff06ltscript"),
    ],
)
def test_page_and_nav_titles_are_plain_text(title: str, shown: str) -> None:
    from generator.navigation import safe_title

    assert safe_title(title) == shown
