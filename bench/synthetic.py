"""Synthetic data for benchmarks: N units cloned from the real sample plans (realistic card sizes)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ["sao-bueng-prue", "bma-district-suan-luang", "bma-finance-department"]
# Local administrations are spread over provinces so the unit directory has groups to show.
PROVINCES = ["นครราชสีมา", "ขอนแก่น", "เชียงใหม่", "สงขลา", "อุบลราชธานี", "ชลบุรี", "นครสวรรค์"]


def make_synthetic_data(out_dir: Path, n_units: int) -> Path:
    """Write a data/ tree with the real catalogues and `n_units` units; return the data dir."""
    data = out_dir / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(ROOT / "data" / "catalog", data / "catalog")
    for i in range(n_units):
        source = ROOT / "data" / "units" / TEMPLATES[i % len(TEMPLATES)]
        write_unit_clone(source, data / "units" / f"synthetic-{i + 1:04d}", i + 1)
    return data


def write_unit_clone(source: Path, target: Path, number: int) -> None:
    target.mkdir(parents=True)
    unit = (source / "unit.yml").read_text(encoding="utf-8")
    unit = re.sub(r"(?m)^id: .*$", f"id: {target.name}", unit)
    unit = re.sub(r"(?m)^name: (.*)$", rf"name: \1 (หน่วยงานจำลองที่ {number})", unit)
    unit = re.sub(r"(?m)^parent: .*\n", "", unit)
    if "province: จังหวัด" in unit:
        unit = re.sub(r"(?m)^province: .*$", f"province: จังหวัด{PROVINCES[number % len(PROVINCES)]}", unit)
    (target / "unit.yml").write_text(unit, encoding="utf-8")
    for plan in source.glob("plan-*.yml"):
        shutil.copyfile(plan, target / plan.name)
