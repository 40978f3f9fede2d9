"""The search extractor's own HTML tokenizer reads pages the way Python's html.parser does.

Why: the tokenizer replaced html.parser for speed (issue 12); what it reports must not change, or the index would
lose or gain text. Compared event by event on every built page of the sample site and on generated markup that
mixes what MkDocs, Material and the data put into a page (entities, comments, scripts holding "<", quoted ">",
self-closing tags, upper-case names, stray "<").
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.search.extract import Event, html_events


class _Recorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag, []))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", data, []))


def _normal(events: list[Event]) -> list[Event]:
    """Adjacent text joined (both split text at comments, differently), valueless attributes as ""."""
    out: list[Event] = []
    for kind, tag, attrs in events:
        if kind == "data" and out and out[-1][0] == "data":
            out[-1] = ("data", out[-1][1] + tag, [])
        elif kind != "data" or tag:
            out.append((kind, tag, [(name, value or "") for name, value in attrs]))
    return out


def _reference(markup: str) -> list[Event]:
    recorder = _Recorder()
    recorder.feed(markup)
    recorder.close()
    return _normal(recorder.events)


def test_every_built_page_reads_the_same(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        assert _normal(list(html_events(markup))) == _reference(markup), page


FRAGMENTS = [
    "<p>", "</p>", "<td class=\"num\">", "</td>", "<br>", "<br/>", "<br />", "<hr>", "<IMG SRC='x.png' ALT=\"a>b\">",
    "<a href=\"/x?a=1&amp;b=2\" title='q &quot;t&quot;'>", "</a>", "<span hidden>", "</span>", "<!-- c -->",
    "<!-- <p>not a tag</p> -->", "<script>if (a < b && c > d) { x = '</p>'; }</script>", "<style>p>a{}</style>",
    "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>", "<!doctype html>", "&lt;script&gt;", "&amp;", "&#3585;",
    "&#x0E01;", "&nbsp;", "a < b", "<", ">", "ข้อความไทย", "text", " ", "\n", "<h2 id=\"x\">", "</h2>",
    "<nav class=\"md-path\" aria-label=\"ทาง\">", "</nav>", "<time datetime=\"2023-11-14\">", "</time>",
    "<td data-label=\"งบ (บาท)\">", "<div class='a' id=b>", "</div>", "<input type=checkbox checked>",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
@example(["<p>", "<script>x = '<b>';</script>", "ปรับปรุงล่าสุด", "</p>"])
def test_generated_markup_reads_the_same(parts: list[str]) -> None:
    markup = "".join(parts)
    assert _normal(list(html_events(markup))) == _reference(markup)


def test_index_text_from_page_content_equals_the_finished_pages_article(tmp_path: Path) -> None:
    """The index reads each page's content before the theme renders it (to build meanwhile); it must read what
    a reader sees in the finished page's article: the theme's title <h1> included, its buttons left out."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.search.extract import extract_content, extract_page
    from tests.conftest import ROOT

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    from_content: dict[str, object] = {}
    finished: dict[str, object] = {}

    def record_content(html: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
        text = extract_content(html, page.title or config.site_name)  # as thai-search's on_page_content reads it
        if text.sections and page.file.src_uri != "404.md":
            from_content[page.file.src_uri] = text
        return html

    def record_output(output: str, page, config) -> str:  # type: ignore[no-untyped-def]
        text = extract_page(output)
        if text is not None and text.sections and page.file.src_uri != "404.md":
            finished[page.file.src_uri] = text
        return output

    config.plugins.events["page_content"].append(record_content)  # after thai-plans, which sets the title
    config.plugins.events["post_page"].append(record_output)
    build(config)
    assert len(from_content) > 100
    assert from_content == finished


def test_content_without_a_heading_is_titled_as_the_theme_titles_it() -> None:
    from generator.search.extract import extract_content

    text = extract_content('<p>ข้อความ</p><h2 id="a">หัวข้อ</h2><p>ต่อ</p>', "ชื่อหน้า")
    assert text.title == "ชื่อหน้า"
    assert [(s.anchor, s.heading, s.blocks) for s in text.sections] == [("", "", ["ชื่อหน้า", "ข้อความ"]),
                                                                         ("a", "หัวข้อ", ["หัวข้อ", "ต่อ"])]  # fmt: skip
