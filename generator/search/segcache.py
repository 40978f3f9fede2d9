"""Build cache for the Thai segmenter: every Thai run already marked, keyed by the content of the dictionary.

The key hashes the site's custom terms, pythainlp's version and SEGMENTER_VERSION, so a new unit name, a new
pythainlp or a change to the rule gives a new file and an old one is never reused. The file holds run → marked run;
with it a rebuild skips the trie and newmm for every run seen before. Lives in `.cache/thai-search/` (gitignored).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import uuid
from importlib.metadata import version
from pathlib import Path

SEGMENTER_VERSION = "1"  # bump when textnorm's marking rule changes
KEEP = 4  # cache files kept per directory (the newest), so the cache cannot grow without bound


def cache_key(terms: list[str]) -> str:
    digest = hashlib.sha256()
    for part in (SEGMENTER_VERSION, version("pythainlp"), *terms):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()[:24]


def load_runs(cache_dir: Path, key: str) -> dict[str, str]:
    path = cache_dir / f"{key}.json.gz"
    try:
        runs = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError):
        return {}  # missing or damaged: start cold, never fail the build over a cache
    return runs if isinstance(runs, dict) else {}


def save_runs(cache_dir: Path, key: str, runs: dict[str, str]) -> None:
    """Write the runs atomically; two builds of one project at once (other site folders) may both save."""
    raw = json.dumps(runs, ensure_ascii=False, sort_keys=True).encode("utf-8")
    tmp = cache_dir / f"{key}.json.gz.{os.getpid()}.{uuid.uuid4().hex}.tmp"  # never another writer's file
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(gzip.compress(raw, compresslevel=1, mtime=0))
        tmp.replace(cache_dir / f"{key}.json.gz")
        old = sorted(cache_dir.glob("*.json.gz"), key=_mtime, reverse=True)[KEEP:]
        for path in old:
            path.unlink(missing_ok=True)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk or a race with another build: the cache is only a cache


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed by another build meanwhile
        return 0.0
