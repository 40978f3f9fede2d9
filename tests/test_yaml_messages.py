"""Thai YAML syntax messages, pinned word for word: the line the clerk must fix, the column, a Thai hint, and the
English original after it. The cases are the mistakes clerks make most when typing YAML by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.loader import YamlProblem, load_yaml

TAB = (
    "พบอักขระแท็บ (Tab) ใช้ย่อหน้าหรือเว้นวรรคใน YAML ไม่ได้ ให้ลบแท็บแล้วเว้นวรรคด้วยปุ่ม Space แทน"
    " (ตั้งโปรแกรมแก้ไขให้แปลง Tab เป็นเว้นวรรค)"
)
MISSING_COLON = "ไม่พบเครื่องหมาย ':' หลังชื่อช่อง ให้เขียนเป็น ชื่อช่อง: ค่า (มีเว้นวรรคหลัง :) ถ้าบรรทัดนี้เป็นรายการให้ขึ้นต้นด้วย '- '"
DASH = "รายการนี้ไม่ได้ขึ้นต้นด้วย '- ' หรือย่อหน้าไม่ตรงกับรายการอื่นในระดับเดียวกัน ให้ทุกรายการขึ้นต้นด้วย '- ' และย่อหน้าเท่ากัน"
INDENT = (
    "การย่อหน้าไม่ถูกต้อง: บรรทัดนี้ย่อหน้าไม่ตรงกับช่องอื่นในระดับเดียวกัน"
    " ให้เว้นวรรคหน้าบรรทัดเท่ากับช่องที่อยู่ระดับเดียวกัน (ใช้เว้นวรรค 2 ช่องต่อหนึ่งระดับ)"
)
TOO_DEEP = (
    "ย่อหน้าลึกเกินไป: บรรทัดก่อนหน้ามีค่าแล้ว จึงมีช่องย่อยใต้ช่องนั้นไม่ได้"
    " ให้ย่อหน้าบรรทัดนี้เท่ากับบรรทัดก่อนหน้า หรือถ้าเป็นข้อความต่อจากบรรทัดก่อนให้ครอบข้อความด้วยเครื่องหมายคำพูด"
)
NO_SPACE = "หลังเครื่องหมาย ':' ต้องเว้นวรรคหนึ่งช่อง ให้เขียนเป็น ชื่อช่อง: ค่า"
QUOTE = (
    "เครื่องหมายคำพูดที่เปิดไว้ที่บรรทัด 1 คอลัมน์ 8 ไม่มีตัวปิด ให้เติมเครื่องหมายคำพูดแบบเดียวกัน (\" หรือ ')"
    " ปิดท้ายข้อความ ถ้าในข้อความมีเครื่องหมายคำพูดให้ใช้อีกแบบครอบ"
)
BRACKET = (
    "วงเล็บ '[' ที่เปิดไว้ที่บรรทัด 1 คอลัมน์ 8 ไม่ได้ปิดด้วย ']' หรือขาดเครื่องหมาย ',' ระหว่างค่า"
    " ถ้าข้อความมี '[' ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด"
)

# case: (YAML text, expected line, column, Thai message, English hint)
CASES = {
    "tab indent": (
        "projects:\n  - id: a\n\tname: x\n",
        3,
        1,
        TAB,
        "while scanning a plain scalar: found a tab character that violates indentation",
    ),
    "bad indent": (
        "period:\n  start: 2566\n end: 2570\n",
        3,
        2,
        INDENT,
        "while parsing a block mapping: did not find expected key",
    ),
    "indent under a value": (
        "title: แผน\n  period: 2566\n",
        2,
        9,
        TOO_DEEP,
        "mapping values are not allowed in this context",
    ),
    "missing colon at the end": (
        "title: แผน\nperiod\n",
        2,
        1,
        MISSING_COLON,
        "while scanning a simple key: could not find expected ':'",
    ),
    "missing colon before a sibling": (
        "period:\n  start 2566\n  end: 2570\n",
        2,
        3,
        MISSING_COLON,
        "mapping values are not allowed in this context",
    ),
    "no space after colon": (
        "title:แผน\nperiod: 2566\n",
        1,
        6,
        NO_SPACE,
        "mapping values are not allowed in this context",
    ),
    "unclosed quote": (
        'title: "แผนปฏิบัติการ\nperiod:\n  start: 2566\n',
        1,
        8,
        QUOTE,
        "while scanning a quoted scalar: found unexpected end of stream",
    ),
    "unclosed bracket": (
        "years: [2566, 2567\nname: x\n",
        2,
        5,
        BRACKET,
        "while parsing a flow sequence: did not find expected ',' or ']'",
    ),
    "missing dash in a list of projects": (
        "projects:\n  - id: a\n    name: x\n  id: b\n",
        4,
        3,
        DASH,
        "while parsing a block collection: did not find expected '-' indicator",
    ),
    "missing dash in a list of text": (
        "goals:\n  - ข้อแรก\n  ข้อสอง\n",
        3,
        3,
        DASH,
        "while scanning a simple key: could not find expected ':'",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_syntax_message_is_pinned(tmp_path: Path, case: str) -> None:
    text, line, column, thai, english = CASES[case]
    path = tmp_path / "plan-2566-2570.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlProblem) as caught:
        load_yaml(path, "plan-2566-2570.yml")
    problem = caught.value.problem
    shown, hint = problem.format().split(" (hint: ", 1)
    assert shown == f"plan-2566-2570.yml:{line}: -: รูปแบบ YAML ไม่ถูกต้องที่คอลัมน์ {column}: {thai}"
    # Why only with libyaml: the pure-Python scanner words a few English errors differently.
    assert hint == f"{english})" or not yaml.__with_libyaml__
