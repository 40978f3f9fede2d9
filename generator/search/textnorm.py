"""The matching rule shared by the index (build time), the browser (theme/assets/search/thai-search.js) and the bench.

A query matches a block of text when the query, with all whitespace removed, occurs in the block's normalized text
*and* starts and ends on a word boundary. Normalizing: NFC, "ํา" → "ำ", Thai digits → 0-9, ASCII lower case,
whitespace removed. Word boundaries: start/end of the block, every removed whitespace, every change of character
class (Thai letter / Latin letter or digit / anything else, which is a class of its own per character), and, inside a
run of Thai letters, every boundary that pythainlp's newmm puts there with its default dictionary or with the default
dictionary plus the site's own terms. So "ตา" never matches inside "ตาราง" or "ตาม", and "ท้องถิ่น" still matches in
"สมาชิกสภาท้องถิ่น" however the two dictionaries split it.

The browser cannot run pythainlp, so the build marks the Thai boundaries in the shipped text with U+200B (ZWSP);
`build_norm` below and `buildNorm` in the JS turn a marked text into (normalized text, boundary flags) the same way.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

ZWSP = "\u200b"
BLOCK_SEP = "\n"  # separates blocks inside one section's text; a match never spans it
THAI, WORD, OTHER, SEP = 1, 2, 3, 4
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+")
_SPACE = re.compile(r"[\s\u200b\u200c\u200d\ufeff]")
# build_norm's scanners: a block separator or a run between removed spaces; inside one, a run of one class.
_TOKEN = re.compile(r"\n|[^\s\u200b\u200c\u200d\ufeff]+")
_CLASS_RUN = re.compile(r"[\u0e01-\u0e4f]+|[a-z0-9]+|.", re.DOTALL)
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")
_BLANKS = re.compile(r"[ \t\r\f\v\u00a0]+")
_NORM_TABLE = {**str.maketrans(string.ascii_uppercase, string.ascii_lowercase), **THAI_DIGITS}  # norm_char


def clean_display(text: str) -> str:
    """Text as shipped and shown: NFC, composed sara am, no stray zero-width characters, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    return _BLANKS.sub(" ", _ZERO_WIDTH.sub("", text)).strip()


def norm_char(ch: str) -> str:
    if "A" <= ch <= "Z":
        return ch.lower()
    return ch.translate(THAI_DIGITS)


def char_class(ch: str) -> int:
    if ch == BLOCK_SEP:
        return SEP
    if "\u0e01" <= ch <= "\u0e4f":
        return THAI
    if (ch.isascii() and ch.isalnum()) or ch.isalpha():
        return WORD
    return OTHER


def normalize_query(query: str) -> str:
    """The query as matched: same normalization as the text, every whitespace removed."""
    return "".join(norm_char(ch) for ch in _SPACE.sub("", clean_display(query)))


def build_norm(marked: str) -> tuple[str, list[bool], list[int]]:
    """(normalized text, boundary flag per position 0..len, index in `marked` of each normalized char).

    Why runs, not characters: a site of 10,000 pages has millions of characters; the regexes below walk them in C
    and Python only sees one step per word-sized run (same result as normalizing and classing each character).
    """
    chars: list[str] = []
    bounds: list[bool] = [True]
    origin: list[int] = []
    prev, end = 0, 0
    for token in _TOKEN.finditer(marked.translate(_NORM_TABLE)):
        pending = token.start() > end
        end = token.end()
        for run in _CLASS_RUN.finditer(token.group()):
            text = run.group()
            cls = _run_class(text)
            if chars:
                bounds.append(pending or cls != prev or cls in (OTHER, SEP))
            bounds.extend([False] * (len(text) - 1))
            chars.append(text)
            prev, pending = cls, False
        origin.extend(range(token.start(), end))
    if chars:
        bounds.append(True)
    return "".join(chars), bounds, origin


def _run_class(run: str) -> int:
    """The class of a run from _CLASS_RUN: a Thai run, an ASCII letter/digit run, or one other character."""
    if len(run) == 1:
        return char_class(run)
    return THAI if "\u0e01" <= run[0] <= "\u0e4f" else WORD


LONG_QUERY = 4  # Thai queries this long match inside words too; shorter ones only as whole words
_FOLLOWERS = re.compile(r"[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")  # vowels and marks that follow a consonant
_LEADERS = re.compile(r"[\u0e40-\u0e44]")  # vowels written before their consonant


def is_lenient(query: str) -> bool:
    """Long Thai queries may match inside a compound (ท้องถิ่น in ส่วนท้องถิ่น), on character-cluster edges only."""
    return len(query) >= LONG_QUERY and any(char_class(ch) == THAI for ch in query)


def cluster_edge(norm: str, pos: int) -> bool:
    """True unless `pos` would cut a Thai character cluster (a consonant from its vowel or tone mark)."""
    if pos <= 0 or pos >= len(norm):
        return True
    return not (_FOLLOWERS.match(norm[pos]) or _LEADERS.match(norm[pos - 1]) or norm[pos] == BLOCK_SEP)


def find_matches(norm: str, bounds: list[bool], query: str) -> list[int]:
    """Start positions where the normalized `query` matches `norm` under the rule in the module docstring."""
    hits: list[int] = []
    if not query:
        return hits
    lenient = is_lenient(query)
    end = len(query)
    start = norm.find(query)
    while start >= 0:
        if (bounds[start] and bounds[start + end]) or (
            lenient and cluster_edge(norm, start) and cluster_edge(norm, start + end)
        ):
            hits.append(start)
        start = norm.find(query, start + 1)
    return hits


class SiteTrie:
    """pythainlp's dictionary plus one site's terms, built once per process and kept up to date in place.

    Why: building the 60,000-word trie takes ~0.5 s, and a preview built a new one on every save that met a Thai run
    not seen before. Terms of another segmenter (a title edited: a few words) are swapped in instead.
    """

    def __init__(self) -> None:
        self.trie: Any = None
        self.terms: frozenset[str] = frozenset()

    def holding(self, terms: frozenset[str]) -> Any:
        if self.trie is None:
            from pythainlp.util import dict_trie

            self.trie, self.terms = dict_trie(_dictionary() | terms), terms
        elif terms is not self.terms:  # Why identity first: this runs for every new run a segmenter marks
            if terms != self.terms:
                for word in self.terms - terms - _dictionary():
                    self.trie.remove(word)
                for word in terms - self.terms:
                    self.trie.add(word)
            self.terms = terms
        return self.trie


SITE_TRIE = SiteTrie()


class ThaiSegmenter:
    """Marks word boundaries inside Thai runs: union of newmm with the default and with the site's dictionary."""

    def __init__(self, terms: Iterable[str] = (), known: dict[str, str] | None = None) -> None:
        self.custom_terms = sorted({t for t in terms if len(t) >= 2})
        self._terms = frozenset(self.custom_terms)
        self._cache: dict[str, str] = dict(known or {})  # run → marked run; `known` comes from the build cache
        self.new_runs = 0

    @property
    def custom_trie(self) -> Any:
        # Why lazy: with every run already in the build cache, the 60,000-word trie is never needed.
        return SITE_TRIE.holding(self._terms)

    def known_runs(self) -> dict[str, str]:
        return self._cache

    def mark(self, text: str) -> str:
        """`text` (already `clean_display`ed) with ZWSP at every Thai word boundary that is not already a break."""
        cache = self._cache  # Why looked up here: a site of 10,000 pages marks millions of runs, nearly all known
        return _THAI_RUN.sub(lambda m: cache.get(m.group(0)) or self.mark_run(m.group(0)), text)

    def mark_run(self, run: str) -> str:
        cached = self._cache.get(run)
        if cached is None:
            found = _cuts(run, None) | _cuts(run, self.custom_trie)
            for a, b in zip([0, *sorted(found)], [*sorted(found), len(run)], strict=True):
                found.update(a + cut for cut in compound_cuts(run[a:b]))
            cuts = sorted(found)
            pieces = [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True)]
            cached = self._cache[run] = ZWSP.join(pieces)
            self.new_runs += 1
        return cached


COMPOUND_MIN, PART_MIN = 6, 3  # "ตาราง" stays whole (ตา|ราง would make ตา match inside it)


@lru_cache(maxsize=65536)
def compound_cuts(word: str) -> tuple[int, ...]:
    """Inner boundaries of a compound of dictionary words (สมาชิกสภา → สมาชิก|สภา): fewest parts, one level.

    Why: newmm keeps compounds such as สมาชิกสภา or หน่วยงาน whole, yet a reader searching สภา expects them.
    Parts must be at least 3 characters, so single short syllables (ตา, ยา, ผล) are never cut out of a word.
    """
    if len(word) < COMPOUND_MIN:
        return ()
    words = _dictionary()
    n = len(word)
    best: list[list[int] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        prefix = best[i]
        if prefix is None:
            continue
        for j in range(i + PART_MIN, n + 1):
            current = best[j]
            if (i, j) != (0, n) and word[i:j] in words and (current is None or len(prefix) + 1 < len(current)):
                best[j] = [*prefix, j]
    ends = best[n]
    return tuple(ends[:-1]) if ends else ()


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _cuts(run: str, trie: Any) -> set[int]:
    from pythainlp.tokenize import word_tokenize

    tokens = word_tokenize(run, custom_dict=trie, engine="newmm", keep_whitespace=False) if trie else _default(run)
    cuts, pos = set(), 0
    for token in tokens[:-1]:
        pos += len(token)
        cuts.add(pos)
    return cuts


@lru_cache(maxsize=65536)
def _default(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(run, engine="newmm", keep_whitespace=False))


def terms_from_titles(titles: Iterable[str]) -> list[str]:
    """Custom dictionary: every Thai run of the site's page titles and headings (unit, office, project names...)."""
    found: set[str] = set()
    for title in titles:
        found.update(_title_runs(title))
    return sorted(found)


@lru_cache(maxsize=65536)
def _title_runs(title: str) -> tuple[str, ...]:
    # Why memoized: headings and table cells repeat across pages (and across the builds of a preview).
    return tuple(run for run in _THAI_RUN.findall(clean_display(title)) if len(run) >= 2)
