"""Thai messages for YAML syntax errors: what went wrong, where (line and column) and how to fix it.

The YAML library (libyaml or the pure-Python scanner, whose wordings differ) reports in English; clerks get a
Thai sentence with a hint for the common mistakes, and the English original in parentheses for whoever helps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from .problems import visible

_TAB = (
    "พบอักขระแท็บ (Tab) ใช้ย่อหน้าหรือเว้นวรรคใน YAML ไม่ได้ ให้ลบแท็บแล้วเว้นวรรคด้วยปุ่ม Space แทน"
    " (ตั้งโปรแกรมแก้ไขให้แปลง Tab เป็นเว้นวรรค)"
)
_INDENT = (
    "การย่อหน้าไม่ถูกต้อง: บรรทัดนี้ย่อหน้าไม่ตรงกับช่องอื่นในระดับเดียวกัน"
    " ให้เว้นวรรคหน้าบรรทัดเท่ากับช่องที่อยู่ระดับเดียวกัน (ใช้เว้นวรรค 2 ช่องต่อหนึ่งระดับ)"
)
_MISSING_COLON = "ไม่พบเครื่องหมาย ':' หลังชื่อช่อง ให้เขียนเป็น ชื่อช่อง: ค่า (มีเว้นวรรคหลัง :) ถ้าบรรทัดนี้เป็นรายการให้ขึ้นต้นด้วย '- '"
_COLON_IN_VALUE = (
    "มีเครื่องหมาย ':' ในตำแหน่งที่ใช้ไม่ได้: ถ้าข้อความมี ': ' อยู่ข้างใน ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด"
    " เช่น \"เวลา: 9.00 น.\" หรือตรวจว่าบรรทัดนี้ย่อหน้าผิดหรือบรรทัดก่อนหน้าลืม ':'"
)
_TOO_DEEP = (
    "ย่อหน้าลึกเกินไป: บรรทัดก่อนหน้ามีค่าแล้ว จึงมีช่องย่อยใต้ช่องนั้นไม่ได้"
    " ให้ย่อหน้าบรรทัดนี้เท่ากับบรรทัดก่อนหน้า หรือถ้าเป็นข้อความต่อจากบรรทัดก่อนให้ครอบข้อความด้วยเครื่องหมายคำพูด"
)
_NO_SPACE = "หลังเครื่องหมาย ':' ต้องเว้นวรรคหนึ่งช่อง ให้เขียนเป็น ชื่อช่อง: ค่า"
_DASH = "รายการนี้ไม่ได้ขึ้นต้นด้วย '- ' หรือย่อหน้าไม่ตรงกับรายการอื่นในระดับเดียวกัน ให้ทุกรายการขึ้นต้นด้วย '- ' และย่อหน้าเท่ากัน"


@dataclass(frozen=True)
class SyntaxMessage:
    line: int  # 1-based
    column: int  # 1-based
    message: str


def _quote(exc: yaml.MarkedYAMLError, start: str, lines: list[str]) -> str:
    return (
        f"เครื่องหมายคำพูดที่เปิดไว้ที่{start}ไม่มีตัวปิด ให้เติมเครื่องหมายคำพูดแบบเดียวกัน (\" หรือ ')"
        " ปิดท้ายข้อความ ถ้าในข้อความมีเครื่องหมายคำพูดให้ใช้อีกแบบครอบ"
    )


Build = Callable[[yaml.MarkedYAMLError, str, list[str]], str]


def _flow(opening: str, closing: str) -> Build:
    def message(exc: yaml.MarkedYAMLError, start: str, lines: list[str]) -> str:
        return (
            f"วงเล็บ '{opening}' ที่เปิดไว้ที่{start}ไม่ได้ปิดด้วย '{closing}' หรือขาดเครื่องหมาย ',' ระหว่างค่า"
            f" ถ้าข้อความมี '{opening}' ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด"
        )

    return message


def _cannot_start(exc: yaml.MarkedYAMLError, start: str, lines: list[str]) -> str:
    char = _char_at(exc.problem_mark, lines)
    if char == "\t":
        return _TAB
    return f"อักขระ '{visible(char)}' ขึ้นต้นค่าใน YAML ไม่ได้ ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด เช่น \"{visible(char)}ข้อความ\""


def _fixed(text: str) -> Build:
    return lambda exc, start, lines: text


# (words in the English problem, words in its context or "", use the context mark, Thai message)
_RULES: list[tuple[str, str, bool, Build]] = [
    ("tab character", "", False, _fixed(_TAB)),
    ("cannot start any token", "", False, _cannot_start),
    ("end of stream", "quoted scalar", True, _quote),
    ("expected ':'", "simple key", True, _fixed(_MISSING_COLON)),
    ("mapping values are not allowed", "", False, _fixed(_COLON_IN_VALUE)),
    ("']'", "flow sequence", False, _flow("[", "]")),
    ("'}'", "flow mapping", False, _flow("{", "}")),
    ("expected '-' indicator", "", False, _fixed(_DASH)),
    ("", "block collection", False, _fixed(_DASH)),
    ("expected key", "block mapping", False, _fixed(_INDENT)),
    ("expected <block end>", "block mapping", False, _fixed(_INDENT)),
]


def _char_at(mark: yaml.Mark | None, lines: list[str]) -> str:
    # Why not mark.buffer: libyaml's marks carry no text, only line and column.
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def syntax_message(exc: yaml.MarkedYAMLError, text: str) -> SyntaxMessage:
    """The Thai message for a parser/scanner error, at the line where the clerk must look."""
    lines = text.split("\n")
    last_line = len(lines)
    problem, context = exc.problem or "", exc.context or ""
    english = visible(f"{context}: {problem}" if context else problem or str(exc))
    found = _from_lines(exc, lines)
    if found is not None:
        line, column, thai = found
        return SyntaxMessage(line, column, f"{_prefix(line, column)}: {thai} (hint: {english})")
    for words, context_words, use_context, build in _RULES:
        if words in problem and context_words in context:
            mark = exc.context_mark if use_context and exc.context_mark else exc.problem_mark
            line, column = _position(mark, last_line)
            start = _where(exc.context_mark, last_line)
            thai = build(exc, start, lines)
            return SyntaxMessage(line, column, f"{_prefix(line, column)}: {thai} (hint: {english})")
    line, column = _position(exc.problem_mark or exc.context_mark, last_line)
    return SyntaxMessage(line, column, f"{_prefix(line, column)} (hint: {english})")


def _prefix(line: int, column: int) -> str:
    # Why no line here: every message is printed as file:line: …, so only the column is new.
    return f"รูปแบบ YAML ไม่ถูกต้องที่คอลัมน์ {column}"


def _position(mark: yaml.Mark | None, last_line: int) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    # Why min: an error "at the end of the stream" points one line past the last line of the file.
    return min(mark.line + 1, last_line), mark.column + 1


def _where(mark: yaml.Mark | None, last_line: int) -> str:
    if mark is None:
        return "ก่อนหน้านี้"
    line, column = _position(mark, last_line)
    return f"บรรทัด {line} คอลัมน์ {column} "


# --- where the parser notices a mistake later than the clerk made it ------------------------------------------

_KEY_VALUE = re.compile(r"^\s*[^\s#'\"-][^:#]*:\s+[^\s|>#]")
_NO_SPACE_COLON = re.compile(r"^\s*[^\s#'\"-][^:\s]*:(?=[^\s])")


def _from_lines(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int, str] | None:
    """(line, column, Thai) for mistakes the parser reports on the next line: a missing ':' or '- ', no space after
    ':', a line indented under a field that already has a value. None when the parser's own position is right."""
    problem = exc.problem or ""
    mark = exc.problem_mark if "mapping values" in problem else exc.context_mark
    if mark is None or mark.line >= len(lines):
        return None
    here, before = mark.line, _previous(lines, mark.line)
    if before is None:
        return None
    if "mapping values" in problem:
        return _misplaced_colon(lines, here, before)
    same_level = _indent(lines[before]) == _indent(lines[here])
    if "could not find expected ':'" in problem and same_level and lines[before].lstrip().startswith("- "):
        return here + 1, _indent(lines[here]) + 1, _DASH
    return None


def _misplaced_colon(lines: list[str], here: int, before: int) -> tuple[int, int, str] | None:
    line, prev = lines[here], lines[before]
    if _indent(line) > _indent(prev) and _KEY_VALUE.match(prev):
        return here + 1, line.index(":") + 1, _TOO_DEEP
    if _NO_SPACE_COLON.match(prev):
        return before + 1, prev.index(":") + 1, _NO_SPACE
    if _indent(line) == _indent(prev) and ":" not in prev and not prev.lstrip().startswith("-"):
        return before + 1, _indent(prev) + 1, _MISSING_COLON
    return None


def _previous(lines: list[str], index: int) -> int | None:
    """The nearest line above `index` that holds YAML (not blank, not a comment)."""
    for number in range(index - 1, -1, -1):
        text = lines[number].strip()
        if text and not text.startswith("#"):
            return number
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
