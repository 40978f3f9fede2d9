"""Small shared test data."""

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


def stable_markdown(text: str) -> str:
    """Generated Markdown without the "ปรับปรุงล่าสุด" line, which comes from git history (differs in CI clones)."""
    return "".join(line for line in text.splitlines(keepends=True) if 'class="page-updated"' not in line)
