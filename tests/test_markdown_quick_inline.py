"""The quick inline step (generator.markdown_ext.QuickInlineProcessor) gives Python-Markdown's own HTML.

Why: it skips the inline patterns on text holding none of their trigger characters (issue 12, build speed). If a
Python-Markdown release adds or changes a core pattern, the first test fails before any page can differ.
"""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.treeprocessors import InlineProcessor

from generator.markdown_ext import PATTERN_TRIGGERS, QuickInlineProcessor
from generator.site import render_site
from tests.conftest import ROOT
from tests.test_security_injection import CORE, LINK_PAYLOADS, PAYLOADS

EXTENSIONS = ["tables", "attr_list", "admonition", "md_in_html", "generator.markdown_ext", "toc"]
# Thai, Latin, digits, white space and every ASCII punctuation mark, the patterns' triggers included.
ALPHABET = list("กขคงจฉ่้ัาิเแโ ำ ะaZ09 \n\t.,:;!?|{}()#+-=/'\"%$@^~]>[`\\<&*_")


def convert(source: str, quick: bool) -> str:
    md = markdown.Markdown(extensions=EXTENSIONS)
    if not quick:
        md.treeprocessors.register(InlineProcessor(md), "inline", 20)
    assert isinstance(md.treeprocessors["inline"], QuickInlineProcessor) is quick
    return md.convert(source)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_no_core_pattern_matches_text_without_its_triggers(data: st.DataObject) -> None:
    for pattern in markdown.Markdown().inlinePatterns:
        triggers = PATTERN_TRIGGERS[pattern.pattern]
        # the first character of each trigger left out, the rest (a lone "[" for "![") kept in
        alphabet = [ch for ch in ALPHABET if ch not in {t[0] for t in triggers}]
        text = data.draw(st.text(st.sampled_from(alphabet), max_size=40))
        assert pattern.compiled_re.search(text) is None, (pattern.pattern, text)
        mixed = data.draw(st.text(st.sampled_from(ALPHABET), max_size=40))
        if not any(trigger in mixed for trigger in triggers):
            assert pattern.compiled_re.search(mixed) is None, (pattern.pattern, mixed)


def test_every_core_pattern_has_its_triggers() -> None:
    assert {pattern.pattern for pattern in markdown.Markdown(extensions=EXTENSIONS).inlinePatterns} == set(PATTERN_TRIGGERS)


def test_every_generated_page_converts_to_the_same_html() -> None:
    site = render_site(ROOT / "data")
    pages = {path: text for path, text in site.files.items() if path.endswith(".md")}
    pages |= {str(p): p.read_text(encoding="utf-8") for p in (ROOT / "content").rglob("*.md")}
    assert len(pages) > 100
    for path, text in pages.items():
        assert convert(text, quick=True) == convert(text, quick=False), path


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*PAYLOADS, CORE, *LINK_PAYLOADS, "| ก | ข |\n|---|--:|\n| 1 | 2 |\n", "  \n",
                                 "\\*", "`x`", "&amp;", "*a*", "__b__", "<b>c</b>", "[d](e)", "ข้อความ", "\n\n"]),
                max_size=12))  # fmt: skip
def test_payloads_and_markup_convert_to_the_same_html(parts: list[str]) -> None:
    source = "".join(parts)
    assert convert(source, quick=True) == convert(source, quick=False)


def test_another_extensions_pattern_turns_the_quick_path_off() -> None:
    # pymdownx.mark adds a pattern started by "=", which is no trigger: the quick path must not skip it.
    md = markdown.Markdown(extensions=[*EXTENSIONS, "pymdownx.mark"])
    assert md.convert("ก ==ข== ค") == "<p>ก <mark>ข</mark> ค</p>"
