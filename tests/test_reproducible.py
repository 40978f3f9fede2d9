"""Reproducible builds: same inputs + SOURCE_DATE_EPOCH → byte-identical site/ trees (downloads included)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from pathlib import Path

import pytest

from tests.conftest import build_sample_site

pytestmark = pytest.mark.slow
EPOCH = "1700000000"  # the date `build_sample_site` builds with


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path):
    # Why the session's `built_site` as the first build: it was built earlier in the session, by the same command
    # with the same SOURCE_DATE_EPOCH, so the clock and caches had time to change in between.
    # Why differently named folders: no build output may depend on where it was written.
    first, second = tree_hashes(built_site), tree_hashes(build_sample_site(tmp_path / "another-site-dir"))
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing[:20]
    names = set(first)
    assert "sitemap.xml" in names and "sitemap.xml.gz" in names
    assert any(n.endswith("-opendata.zip") for n in names)
    assert any(n.endswith(".xlsx") for n in names) and any(n.endswith("datapackage.json") for n in names)


def test_sitemap_dates_come_from_source_date_epoch(built_site: Path):
    day = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date().isoformat()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = {line.strip() for line in sitemap.splitlines() if "<lastmod>" in line}
    assert lastmods == {f"<lastmod>{day}</lastmod>"}
    with gzip.open(built_site / "sitemap.xml.gz") as packed:
        assert packed.read().decode("utf-8") == sitemap
    header = (built_site / "sitemap.xml.gz").read_bytes()[4:8]  # gzip's mtime field: the build date at 00:00 UTC
    midnight = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.UTC)
    assert int.from_bytes(header, "little") == int(midnight.timestamp())
