"""Thai search, build side: the matching rule, page text extraction and the index files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.search import index as search_index
from generator.search import textnorm
from generator.search.extract import extract_page
from generator.search.index import IndexedPage, IndexState, block_keys, build_index, fnv1a
from generator.search.textnorm import SiteTrie, ThaiSegmenter, build_norm, find_matches, normalize_query


@pytest.fixture(scope="module")
def segmenter() -> ThaiSegmenter:
    return ThaiSegmenter(["สำนักงานเขตสวนหลวง", "องค์การบริหารส่วนตำบลบึงปรือ"])


def matches(segmenter: ThaiSegmenter, text: str, query: str) -> bool:
    norm, bounds, _ = build_norm(segmenter.mark(text))
    return bool(find_matches(norm, bounds, normalize_query(query)))


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("จัดทำตารางเวลาตามที่กำหนด", "ตา"),  # ตาราง, ตาม: ตา is not a word here
        ("ความพยายามในการทำงาน", "ยา"),
        ("ความพยายามในการทำงาน", "ยาม"),
        ("ตรวจสอบการดำเนินงาน", "ราง"),
        ("กิจกรรมการประเมินผล", "กรุงเทพ"),
    ],
)
def test_short_words_do_not_match_inside_longer_words(segmenter: ThaiSegmenter, text: str, query: str) -> None:
    assert not matches(segmenter, text, query)


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("ไปหาหมอตา และซื้อยา", "ตา"),
        ("ไปหาหมอตา และซื้อยา", "ยา"),
        ("ผู้บริหารท้องถิ่น สมาชิกสภาท้องถิ่น", "สภา"),  # compound สมาชิกสภา is split for short queries
        ("องค์กรปกครองส่วนท้องถิ่น", "ท้องถิ่น"),  # long Thai queries match inside compounds
        ("สำนักงานเขตสวนหลวง", "เขตสวนหลวง"),
        ("แผนปฏิบัติการป้องกันการทุจริต", "ป้องกัน การทุจริต"),  # typed with a space
        ("มาตรการ NO Gift Policy ไม่รับ", "no gift policy"),
        ("ปีงบประมาณ พ.ศ. ๒๕๖๖", "2566"),  # Thai digits either side
        ("ปีงบประมาณ พ.ศ. 2566", "พ.ศ. ๒๕๖๖"),
        ("เลขที่ ๕,๐๐๐ บาท", "5,000"),
    ],
)
def test_words_and_phrases_match(segmenter: ThaiSegmenter, text: str, query: str) -> None:
    assert matches(segmenter, text, query)


def test_long_queries_never_cut_a_character_cluster(segmenter: ThaiSegmenter) -> None:
    # "การป้อง" would end between ง and nothing odd, but "การป้อ" ends before ง... and "ารป้อง" starts on a vowel.
    assert not matches(segmenter, "การป้องกัน", "ารป้อง")
    assert not matches(segmenter, "เจ้าหน้าที่", "จ้าหน้า")  # would split เ from จ


def test_matches_never_span_two_blocks(segmenter: ThaiSegmenter) -> None:
    norm, bounds, _ = build_norm("ป้องกัน\nการทุจริต")
    assert not find_matches(norm, bounds, normalize_query("ป้องกันการทุจริต"))


def test_build_norm_maps_back_to_the_shown_text() -> None:
    norm, bounds, origin = build_norm("No Gift\u200bนโยบาย ๒๕๖๖")
    assert norm == "nogiftนโยบาย2566"
    assert [norm[i] for i in range(len(norm)) if bounds[i]] == ["n", "g", "น", "2"]
    assert origin[norm.index("น")] == 8


PAGE = """<html><body><article class="md-content__inner md-typeset">
<a href="x" class="md-content__button md-icon" rel="edit"><svg><path d="M0"/></svg></a>
<h1 id="no-gift">มาตรการ NO Gift Policy<a class="headerlink" href="#no-gift">&para;</a></h1>
<nav class="breadcrumb"><p><a href="/">หน้าแรก</a> › องค์การบริหารส่วนตำบลบึงปรือ</p></nav>
<table><tr><td>ผู้รับผิดชอบ</td><td>สำนักปลัด</td></tr></table>
<h2 id="objectives">วัตถุประสงค์<a class="headerlink" href="#objectives">&para;</a></h2>
<ul><li>เพื่อเสริมสร้าง<br>วัฒนธรรม &amp; องค์กร</li></ul>
</article></body></html>"""


def test_extract_page_keeps_the_articles_own_text_by_section() -> None:
    text = extract_page(PAGE)
    assert text is not None
    assert text.title == "มาตรการ NO Gift Policy"
    assert [(s.anchor, s.blocks) for s in text.sections] == [
        ("", ["มาตรการ NO Gift Policy", "ผู้รับผิดชอบ", "สำนักปลัด"]),
        ("objectives", ["วัตถุประสงค์", "เพื่อเสริมสร้าง วัฒนธรรม & องค์กร"]),
    ]
    assert "สำนักปลัด" in text.cells
    assert text.trail == "องค์การบริหารส่วนตำบลบึงปรือ"
    assert extract_page("<html><body>no article</body></html>") is None


def test_block_keys_anchor_short_words_on_boundaries() -> None:
    keys = block_keys("ตาราง\u200bตา")
    assert "wตา" in keys and "wตาราง" not in keys and "gตาร" in keys and "sตาร" in keys and "eราง" in keys
    assert "wรา" not in keys and "wราง" not in keys  # ราง is not a word of its own here


def test_key_hash_matches_javascript() -> None:
    # Values from thai-search.js's fnv1a (Math.imul over charCodeAt), computed with node.
    assert [fnv1a("sทุจ"), fnv1a("wตา"), fnv1a("gnog")] == [2512388263, 3165093809, 2703634262]


def test_build_index_writes_manifest_shards_and_records(segmenter: ThaiSegmenter) -> None:
    pages = [IndexedPage(f"unit-{i}/", extract_page(PAGE.replace("สำนักปลัด", f"กองที่ {i}"))) for i in range(3)]  # type: ignore[arg-type]
    files = build_index(pages, segmenter)
    manifest = json.loads(files["manifest.json"])
    assert manifest["pages"] == 3 and len([f for f in files if f.startswith("k/")]) == manifest["shards"]
    record = json.loads(gzip.decompress(files["p/0.bin"]))
    assert record["u"] == "unit-0/" and record["s"][1][:2] == ["objectives", "วัตถุประสงค์"]
    key = "sกอง"
    shard = json.loads(gzip.decompress(files[f"k/{fnv1a(key) % manifest['shards']}.bin"]))
    assert shard[key][0] == [0, 1, 1]  # page ids 0, 1, 2 as deltas; none has it in the title
    assert len(shard[key]) == 1


def test_materials_indexer_is_unhooked_but_its_search_box_stays(tmp_path: Path) -> None:
    # Why: Material's lunr indexer read every page for an index nobody loads (a tenth of a 50-unit build).
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\ntheme: {name: material}\nplugins: [search, thai-search]\n", encoding="utf-8")
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    material = config.plugins["material/search"]
    hooked = {event for event, handlers in config.plugins.events.items() for h in handlers
              if getattr(h, "__self__", None) is material}  # fmt: skip
    assert not hooked & {"page_context", "post_build"}
    assert material.config.enabled  # the theme draws the header search box only while this is on


def test_a_dirty_preview_index_equals_a_full_index(segmenter: ThaiSegmenter, monkeypatch) -> None:
    # Why small shards: the sample pages are short; several shards show that only the changed ones are redone.
    monkeypatch.setattr(search_index, "TARGET_POSTINGS_PER_SHARD", 60)

    def page(i: int, office: str) -> IndexedPage:
        return IndexedPage(f"unit-{i}/", extract_page(PAGE.replace("สำนักปลัด", office)))  # type: ignore[arg-type]

    pages = [page(i, f"กองที่ {i}") for i in range(4)]
    state = IndexState()
    assert build_index(pages, segmenter, state) == build_index([page(i, f"กองที่ {i}") for i in range(4)], segmenter)
    edits = ["กองคลังและพัสดุ", "กองที่ 1", "ฝ่ายตรวจสอบภายในและงานร้องเรียนร้องทุกข์ของหน่วยงาน" * 6, "กองช่าง"]
    for office in edits:  # new keys, keys gone again, enough text to change the shard count, back
        pages[1] = page(1, office)
        fresh = [page(i, office if i == 1 else f"กองที่ {i}") for i in range(4)]
        assert build_index(pages, segmenter, state) == build_index(fresh, segmenter), office
    del pages[2]  # a page gone: a new page numbering
    assert build_index(pages, segmenter, state) == build_index([page(i, o) for i, o in [(0, "กองที่ 0"), (1, "กองช่าง"), (3, "กองที่ 3")]], segmenter)


# Runs of letters no dictionary holds: only the site's own terms cut them, so each term set marks them differently.
ODD_RUNS = ["ฆฌฒฑฆฌ", "กะปิฆฌฒฑ", "ฆฌฒฑกะปิ"]
BASE_WORD = "กะปิ"  # in the (stand-in) base dictionary: a term that is also a base word must survive a swap
TERM_SETS = [["ฆฌฒ"], ["ฒฑฆ"], ["ฆฌ", "ฑกะ"], [], ["ฆฌฒ", "ฑกะ", BASE_WORD]]


def _marks(terms: list[str]) -> list[str]:
    segmenter = ThaiSegmenter(terms)
    return [segmenter.mark_run(run) for run in ODD_RUNS]


def test_segmenters_of_other_terms_share_one_trie_and_mark_as_if_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A preview keeps one trie for the process; segmenters of other terms (a title edited) swap theirs in."""
    # Why a stand-in base: pythainlp's 60,000 words take ~1.5 s per trie built from nothing; the swap is the same.
    monkeypatch.setattr(textnorm, "_dictionary", lambda: frozenset({BASE_WORD, "ปิ"}))
    alone = {}
    for terms in TERM_SETS:
        monkeypatch.setattr(textnorm, "SITE_TRIE", SiteTrie())  # a trie built from nothing for these terms
        alone[tuple(terms)] = _marks(terms)
    assert len({tuple(m) for m in alone.values()}) == len(TERM_SETS)  # the terms do change the marks
    shared = SiteTrie()
    monkeypatch.setattr(textnorm, "SITE_TRIE", shared)
    segmenters = [ThaiSegmenter(terms) for terms in TERM_SETS]
    trie = segmenters[0].custom_trie
    for order in (range(len(TERM_SETS)), reversed(range(len(TERM_SETS))), [0, 3, 1, 3, 4, 0, 4, 2]):
        for i in order:
            segmenters[i]._cache.clear()
            assert [segmenters[i].mark_run(run) for run in ODD_RUNS] == alone[tuple(TERM_SETS[i])], TERM_SETS[i]
    assert shared.trie is trie  # never rebuilt
