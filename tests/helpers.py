"""Small shared test data."""

import re

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


# The open-data page's DCAT `dct:modified` is the same git date as "ปรับปรุงล่าสุด".
GIT_DATE_JSONLD = re.compile(r'("dct:modified":\{"@value":)"\d{4}-\d{2}-\d{2}"')


def stable_markdown(text: str) -> str:
    """Generated Markdown without the dates that come from git history (they differ in CI clones)."""
    lines = (line for line in text.splitlines(keepends=True) if 'class="page-updated"' not in line)
    return GIT_DATE_JSONLD.sub(r'\1"(git date)"', "".join(lines))
