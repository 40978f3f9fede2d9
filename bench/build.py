"""Build benchmark: how the generator's share of a site build grows with the number of units.

For N synthetic units (cloned from the real sample plans) it times
  (a) load + check, (b) render to Markdown, (c) the full `mkdocs build` with the plugin, and
  (d) `mkdocs build` of the same Markdown written as plain files, without the plugin,
and prints pages, seconds and the ratio (c)/(d). Usage: python bench/build.py [--units 1 10 50]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import ROOT, make_synthetic_data
from generator.site import load_checked, render_site


def timed(fn, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def write_config(work: Path, docs_dir: Path, data_dir: Path | None) -> Path:
    """A copy of mkdocs.yml with absolute paths; without the plugin when `data_dir` is None."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config["docs_dir"] = str(docs_dir)
    config["theme"]["custom_dir"] = str(ROOT / "theme")
    config["strict"] = False
    plugins = []
    for entry in config.get("plugins", []):
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name == "thai-plans":
            if data_dir is None:
                continue
            entry = {"thai-plans": {**(entry.get("thai-plans") or {}), "data_dir": str(data_dir),
                                    "templates_dir": str(ROOT / "theme" / "generator")}}
        plugins.append(entry)
    config["plugins"] = plugins
    path = work / ("mkdocs-plugin.yml" if data_dir else "mkdocs-plain.yml")
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` tags as their default value."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_EnvLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def mkdocs_build(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=config.parent)
    return time.perf_counter() - start


def run(n_units: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = make_synthetic_data(work, n_units)
        t_check, _ = timed(load_checked, data)
        t_render, site = timed(render_site, data, ROOT / "theme" / "generator")
        plain_docs = work / "plain-docs"
        shutil.copytree(ROOT / "content", plain_docs)
        for rel, text in {**site.files, **site.assets}.items():
            target = plain_docs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        t_full = mkdocs_build(write_config(work, ROOT / "content", data), work / "site-plugin")
        t_plain = mkdocs_build(write_config(work, plain_docs, None), work / "site-plain")
        return {"units": n_units, "pages": len(site.files), "check": t_check, "render": t_render,
                "full": t_full, "plain": t_plain}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, nargs="+", default=[1, 10, 50])
    args = parser.parse_args()
    print("units  pages  (a)check s  (b)render s  (c)mkdocs+plugin s  (d)mkdocs plain s  (c)/(d)  generator share")
    for n in args.units:
        r = run(n)
        share = (r["check"] + r["render"]) / r["full"]
        print(f"{r['units']:>5}  {r['pages']:>5}  {r['check']:>10.2f}  {r['render']:>11.2f}  "
              f"{r['full']:>17.2f}  {r['plain']:>16.2f}  {r['full'] / r['plain']:>7.2f}  {share:>14.1%}")


if __name__ == "__main__":
    main()
