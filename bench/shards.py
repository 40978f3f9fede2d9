"""Sharded publishing: K independent sites (one per group of units) plus a national index harvested from them.

Each shard is a whole site built by `mkdocs build` from its own data/ tree, as one job of a CI matrix would build it
(.github/workflows/shards.yml). The national index never reads shard data: like a CKAN harvester it reads what each
shard published — every `<unit>/opendata/dataset.jsonld` (DCAT) and `datapackage.json` — and writes one DCAT catalog
(catalog.jsonld) and one small page per shard linking to its units. Prints per-shard and index figures and a
projection for 7,850 units. Usage: python bench/shards.py [--units 12] [--shards 3]
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build import Build, measure_site, run_child, write_config
from bench.synthetic import ROOT, make_synthetic_data

ALL_UNITS = 7850  # every Thai local administration


def split_data(data: Path, work: Path, shards: int) -> list[Path]:
    """K data trees, each with the catalogues and a contiguous group of units (a province or a parent, in reality)."""
    units = sorted((data / "units").iterdir())
    size = -(-len(units) // shards)
    trees = []
    for k in range(shards):
        tree = work / f"shard-{k + 1}" / "data"
        shutil.copytree(data / "catalog", tree / "catalog")
        for unit in units[k * size : (k + 1) * size]:
            shutil.copytree(unit, tree / "units" / unit.name)
        trees.append(tree)
    return trees


def build_shard(tree: Path) -> Build:
    site = tree.parent / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(write_config(tree.parent, ROOT / "content", tree)),
           "-d", str(site)]  # fmt: skip
    return measure_site(site, *run_child(cmd, tree.parent))


def harvest(site: Path, base_url: str) -> list[dict[str, object]]:
    """One DCAT dataset per unit, as published by the shard, with its landing page made absolute."""
    datasets = []
    for jsonld in sorted(site.glob("*/opendata/dataset.jsonld")):
        record = json.loads(jsonld.read_text(encoding="utf-8"))
        package = json.loads((jsonld.parent / "datapackage.json").read_text(encoding="utf-8"))
        unit = jsonld.parent.parent.name
        datasets.append({**record, "landingPage": f"{base_url}{unit}/opendata/",
                         "x-resources": len(package.get("resources", []))})  # fmt: skip
    return datasets


def build_index(sites: list[Path], out: Path) -> tuple[int, float]:
    """The national index: catalog.jsonld (every harvested dataset) and one page per shard; (datasets, seconds)."""
    start = time.perf_counter()
    out.mkdir(parents=True)
    catalog: list[dict[str, object]] = []
    links = []
    for k, site in enumerate(sites, start=1):
        base = f"https://shard-{k}.example.org/"
        datasets = harvest(site, base)
        catalog += datasets
        rows = "".join(f'<li><a href="{html.escape(str(d["landingPage"]))}">{html.escape(str(d.get("dct:title") or d.get("title") or d["landingPage"]))}</a></li>'
                       for d in datasets)  # fmt: skip
        (out / f"shard-{k}.html").write_text(f'<!doctype html><html lang="th"><meta charset="utf-8"><ul>{rows}</ul></html>\n',
                                             encoding="utf-8")  # fmt: skip
        links.append(f'<li><a href="shard-{k}.html">กลุ่มที่ {k}</a> ({len(datasets)} ชุดข้อมูล)</li>')
    document = {"@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
                "@type": "dcat:Catalog", "dcat:dataset": catalog}  # fmt: skip
    (out / "catalog.jsonld").write_text(json.dumps(document, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    (out / "index.html").write_text(f'<!doctype html><html lang="th"><meta charset="utf-8"><h1>ดัชนีข้อมูลเปิดระดับประเทศ</h1>'
                                    f'<ul>{"".join(links)}</ul></html>\n', encoding="utf-8")  # fmt: skip
    return len(catalog), time.perf_counter() - start


def project(builds: list[Build], units: int, index_s: float, index_bytes: int) -> None:
    """Straight-line projection from the measured per-unit cost (the per-page cost is constant in the unit count)."""
    seconds = sum(b.seconds for b in builds) / units
    stored = sum(b.site_bytes for b in builds) / units
    print(f"projection for {ALL_UNITS:,} units: {seconds * ALL_UNITS / 3600:.1f} CPU-hours of shard builds, "
          f"{stored * ALL_UNITS / 1e9:.1f} GB of shard sites, index {index_bytes / units * ALL_UNITS / 1e6:.1f} MB "
          f"built in about {index_s / units * ALL_UNITS:.0f} s")
    for per_shard in (50, 100, 200):
        jobs = -(-ALL_UNITS // per_shard)
        print(f"  {per_shard} units per shard: {jobs} matrix jobs of about {seconds * per_shard / 60:.1f} min each "
              f"(20 concurrent jobs: {jobs / 20 * seconds * per_shard / 60:.0f} min wall)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=12)
    parser.add_argument("--shards", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        trees = split_data(make_synthetic_data(work, args.units), work, args.shards)
        builds = []
        for k, tree in enumerate(trees, start=1):
            builds.append(build_shard(tree))
            b = builds[-1]
            print(f"shard {k}: {b.pages} pages {b.seconds:.1f} s {b.rss_mb:.0f} MB RSS {b.site_bytes / 1e6:.1f} MB site")
        datasets, index_s = build_index([t.parent / "site" for t in trees], work / "index")
        index_bytes = sum(p.stat().st_size for p in (work / "index").rglob("*") if p.is_file())
        print(f"index: {datasets} datasets harvested in {index_s:.2f} s, {index_bytes / 1024:.0f} KB")
        print(f"total: {sum(b.pages for b in builds)} pages, {sum(b.seconds for b in builds):.1f} s of builds "
              f"(longest shard {max(b.seconds for b in builds):.1f} s), {sum(b.site_bytes for b in builds) / 1e6:.1f} MB")
        project(builds, args.units, index_s, index_bytes)


if __name__ == "__main__":
    main()
