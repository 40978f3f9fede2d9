"""What a clerk sees while previewing bad data: one Thai page listing every problem, errors first."""

from __future__ import annotations

from .mdtext import escape_md
from .problems import Problem, errors_only

TITLE = "ข้อมูลมีข้อผิดพลาด ยังแสดงเว็บไซต์ไม่ได้"


def render_problem_page(problems: list[Problem]) -> str:
    errors = errors_only(problems)
    warnings = [p for p in problems if p.severity != "error"]
    lines = [f"# {TITLE}", "", "แก้ไขไฟล์ตามรายการด้านล่างแล้วบันทึก หน้านี้จะกลับเป็นเว็บไซต์ให้เองเมื่อข้อมูลถูกต้อง", ""]
    lines += [f"## ข้อผิดพลาดที่ต้องแก้ ({len(errors)} รายการ) {{#errors}}", ""]
    lines += [f"- {escape_md(p.format())}" for p in errors]
    if warnings:
        lines += ["", f"## คำเตือน ({len(warnings)} รายการ ไม่ขัดขวางการเผยแพร่) {{#warnings}}", ""]
        lines += [f"- {escape_md(p.format())}" for p in warnings]
    return "\n".join(lines) + "\n"


def render_problem_report(problems: list[Problem]) -> str:
    """The same list for a terminal: errors first, then warnings under their own heading (never 'ERROR')."""
    errors = errors_only(problems)
    warnings = [p for p in problems if p.severity != "error"]
    lines = [f"ข้อผิดพลาดในข้อมูล {len(errors)} รายการ (ต้องแก้ก่อนเผยแพร่):", *(f"  {p.format()}" for p in errors)]
    if warnings:
        lines += [f"คำเตือน {len(warnings)} รายการ:", *(f"  {p.format()}" for p in warnings)]
    return "\n".join(lines)
