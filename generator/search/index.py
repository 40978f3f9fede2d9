"""Build-time search index: small gzip files the browser fetches only as a query needs them.

Layout under `search/thai/`:
- `manifest.json` — shard count, page count and a content hash (cache buster);
- `k/<n>.bin` — gzip JSON `{key: [page-id deltas, title page-id deltas?]}`, keys hashed (FNV-1a) into n shards;
- `p/<id>.bin` — gzip JSON of one page: url, title, breadcrumb and sections `[anchor, heading, text]`, the text marked with
  ZWSP at Thai word boundaries (see textnorm) so the browser can check matches and cut snippets itself.

Keys are over normalized block text: `g`+any trigram, `s`+a trigram starting on a word boundary (short or non-Thai queries; long Thai queries use `g` only), `e`+a trigram
ending on one, `w`+a 1–3 character word (boundary on both sides). A query fetches at most 8 keys' shards (one `w` key when it is 3 characters or less), takes
the intersection as candidates and verifies them against the page records; page ids follow a static rank.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .extract import PageText
from .segcache import cache_key, load_runs, save_runs
from .textnorm import BLOCK_SEP, ThaiSegmenter, build_norm, terms_from_titles

TARGET_POSTINGS_PER_SHARD = 6000
_TRIGRAM = re.compile(r"(?=(.{3}))", re.DOTALL)  # every overlapping 3-character window, found in C


@dataclass
class IndexedPage:
    url: str
    text: PageText
    # Why: a dirty preview keeps the pages it did not rebuild; their record is reused while the dictionary is the same.
    built: tuple[int, bytes, set[str], frozenset[str]] | None = field(default=None, repr=False, compare=False)


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, as JavaScript's charCodeAt sees the string."""
    h = 0x811C9DC5
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


@lru_cache(maxsize=8192)
def block_keys(marked: str) -> frozenset[str]:
    """The index keys of one block. Memoized: headings, table headers and catalogue text repeat on many pages."""
    norm, bounds, _ = build_norm(marked)
    n = len(norm)
    # Why over boundary positions: words are a few characters long, so this is a fraction of every position.
    starts = [i for i, edge in enumerate(bounds) if edge]
    keys = {"g" + gram for gram in set(_TRIGRAM.findall(norm))}
    keys.update("s" + norm[i : i + 3] for i in starts if i + 3 <= n)
    keys.update("e" + norm[i - 3 : i] for i in starts if i >= 3)
    keys.update("w" + norm[i : i + w] for i in starts for w in (1, 2, 3) if i + w <= n and bounds[i + w])
    return frozenset(keys)


def rank_pages(pages: list[IndexedPage]) -> list[IndexedPage]:
    """Static order (the page id): shallow overview pages before deep cards, then by URL."""
    return sorted(pages, key=lambda p: (p.url.count("/"), p.url))


@dataclass
class IndexState:
    """The last index of a dirty preview with what it was built from, so the next build redoes only what changed."""

    dictionary: int = 0
    urls: list[str] = field(default_factory=list)  # page ids: position in rank order
    keys: list[tuple[set[str], frozenset[str]]] = field(default_factory=list)  # per page id: (keys, title keys)
    postings: dict[str, list[int]] = field(default_factory=dict)
    title_postings: dict[str, list[int]] = field(default_factory=dict)
    shard_keys: list[set[str]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)


def build_index(pages: list[IndexedPage], segmenter: ThaiSegmenter, state: IndexState | None = None) -> dict[str, bytes]:
    """All index files, path (relative to search/thai/) → bytes.

    With a `state` (a dirty preview), each page keeps its packed record and keys, and when the pages and the
    dictionary are those of the last build only the changed pages' records and shards are redone (same bytes as
    a full build). A full build keeps nothing, so the keys of every page are never held at once."""
    dictionary = hash(tuple(segmenter.custom_terms))  # in-process only, like the records it keys
    ranked = rank_pages(pages)
    records = [_record(page, segmenter, dictionary, state is not None) for page in ranked]
    urls = [page.url for page in ranked]
    if state is not None and state.dictionary == dictionary and state.urls == urls:
        changed = _update_postings(state, [(r[1], r[2]) for r in records])
        if len(state.shard_keys) == _shard_count(state.postings):
            return _finish(state, records, changed, len(pages), segmenter)
    postings: dict[str, list[int]] = defaultdict(list)
    title_postings: dict[str, list[int]] = defaultdict(list)
    for pid, (_, keys, title_keys) in enumerate(records):
        for key in keys:
            postings[key].append(pid)
        for key in title_keys:
            title_postings[key].append(pid)
    shards = _shard_count(postings)
    shard_keys: list[set[str]] = [set() for _ in range(shards)]
    for key in postings:
        shard_keys[fnv1a(key) % shards].add(key)
    fresh = IndexState(dictionary, urls, [(r[1], r[2]) for r in records], dict(postings), dict(title_postings), shard_keys)
    files = _finish(fresh, records, set(range(shards)), len(pages), segmenter)
    if state is not None:
        state.__dict__.update(fresh.__dict__)
    return files


def _record(page: IndexedPage, segmenter: ThaiSegmenter, dictionary: int, keep: bool) -> tuple[bytes, set[str], frozenset[str]]:
    built = page.built
    if built is None or built[0] != dictionary:
        record, keys, title_keys = build_record(page, segmenter)
        built = (dictionary, pack(record), keys, title_keys)
        page.built = built if keep else None
    return built[1], built[2], built[3]


def _shard_count(postings: dict[str, list[int]]) -> int:
    total = sum(len(ids) for ids in postings.values())
    shards = 1
    while shards * TARGET_POSTINGS_PER_SHARD < total and shards < 4096:
        shards *= 2
    return shards


def _update_postings(state: IndexState, keys: list[tuple[set[str], frozenset[str]]]) -> set[int]:
    """Move the changed pages' ids between posting lists (kept sorted); return the shards that changed."""
    dirty: set[int] = set()
    for pid, (new, old) in enumerate(zip(keys, state.keys, strict=True)):
        if new == old:
            continue
        for table, before, after in ((state.postings, old[0], new[0]), (state.title_postings, old[1], new[1])):
            for key in before - after:
                table[key].remove(pid)
                if not table[key]:
                    del table[key]
            for key in after - before:
                bisect.insort(table.setdefault(key, []), pid)
            for key in before ^ after:
                shard = fnv1a(key) % len(state.shard_keys)
                dirty.add(shard)
                state.shard_keys[shard].add(key)  # keys no longer posted leave it in _finish
    state.keys = keys
    return dirty


def _finish(state: IndexState, records: list[tuple[bytes, set[str], frozenset[str]]], dirty: set[int], pages: int,
            segmenter: ThaiSegmenter) -> dict[str, bytes]:  # fmt: skip
    """The index files: every page record, the shards in `dirty` packed again, the manifest."""
    files = state.files
    for pid, (record, _, _) in enumerate(records):
        files[f"p/{pid}.bin"] = record
    for n in sorted(dirty):
        keys = state.shard_keys[n]
        # Why not intersection_update(postings): that walks every key of the site once per shard.
        keys.difference_update([key for key in keys if key not in state.postings])
        bucket: dict[str, list[list[int]]] = {}
        for key in sorted(keys):
            entry = [deltas(state.postings[key])]
            if key in state.title_postings:
                entry.append(deltas(state.title_postings[key]))
            bucket[key] = entry
        files[f"k/{n}.bin"] = pack(bucket)
    files.pop("manifest.json", None)
    digest = hashlib.sha256(b"".join(files[k] for k in sorted(files))).hexdigest()[:12]
    manifest = {"version": digest, "shards": len(state.shard_keys), "pages": pages, "terms": len(segmenter.custom_terms)}
    files["manifest.json"] = json.dumps(manifest).encode("utf-8")
    return dict(files)


def build_record(page: IndexedPage, segmenter: ThaiSegmenter) -> tuple[dict[str, object], set[str], frozenset[str]]:
    sections = []
    keys: set[str] = set()
    for section in page.text.sections:
        marked = [segmenter.mark(block) for block in section.blocks]
        for block in marked:
            keys |= block_keys(block)
        sections.append([section.anchor, section.heading, BLOCK_SEP.join(marked)])
    title = segmenter.mark(page.text.title)
    return {"u": page.url, "t": title, "b": page.text.trail, "s": sections}, keys, block_keys(title)


def build_segmenter(pages: list[IndexedPage], cache_dir: Path | None = None) -> ThaiSegmenter:
    """The site's own dictionary: titles, headings and short table cells (unit, office, project, dimension names).

    With `cache_dir`, runs marked by an earlier build with the same dictionary are reused (see segcache)."""
    terms = terms_from_titles(t for p in pages for t in [*p.text.headings(), *p.text.cells])
    known = load_runs(cache_dir, cache_key(terms)) if cache_dir else {}
    return ThaiSegmenter(terms, known)


def save_segmenter(segmenter: ThaiSegmenter, cache_dir: Path) -> None:
    if segmenter.new_runs:
        save_runs(cache_dir, cache_key(segmenter.custom_terms), segmenter.known_runs())


def deltas(ids: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *ids], ids, strict=False)]


def pack(value: object) -> bytes:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


def write_index(files: dict[str, bytes], out_dir: Path) -> None:
    for rel, data in files.items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
