from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

MINI_UNIT = """\
id: mini
name: องค์การบริหารส่วนตำบลทดสอบ
type: sao
"""

MINI_PLAN = """\
title: แผนทดสอบ
period:
  start: "2566"
  end: "2570"
projects:
  - id: first
    mission: "1.1"
    name: โครงการแรก
    budget:
      2566: 5000
  - id: second
    mission: "2.1"
    name: โครงการที่สอง
"""


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A data dir with the real catalogues and one tiny unit whose files tests may rewrite."""
    data = tmp_path / "data"
    shutil.copytree(DATA / "catalog", data / "catalog")
    unit = data / "units" / "mini"
    unit.mkdir(parents=True)
    (unit / "unit.yml").write_text(MINI_UNIT, encoding="utf-8")
    (unit / "plan-2566-2570.yml").write_text(MINI_PLAN, encoding="utf-8")
    return data


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
