"""Strict YAML loading: every scalar stays a string, duplicate keys are errors, every value keeps its line.

The result of `load_yaml` is plain data (dict/list/str/None) plus a map from the path of each value
(a tuple of keys and indices) to its 1-based line, so schema errors can name the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 60
NULL_WORDS = {"", "~", "null", "Null", "NULL"}
Loc = tuple[Any, ...]

try:  # the C composer is several times faster; the pure-Python one is a fine fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass
class YamlDoc:
    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known ancestor of `loc` (pydantic may point below a scalar)."""
        for cut in range(len(loc), -1, -1):
            if loc[:cut] in self.lines:
                return self.lines[loc[:cut]]
        return 1


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


def _fail(path: str, line: int, message: str, field_name: str = "-") -> YamlProblem:
    return YamlProblem(Problem(path, line, field_name, message))


def read_text(path: Path, shown: str) -> str:
    """Read a data file as UTF-8, refusing huge, binary and non-UTF-8 (e.g. TIS-620) files clearly."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _fail(shown, 1, f"ไฟล์ใหญ่เกินไป ({size // 1024:,} KB; สูงสุด {MAX_FILE_BYTES // 1024:,} KB)")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise _fail(shown, 1, "ไฟล์นี้ไม่ใช่ข้อความ YAML (พบข้อมูลไบนารี) (hint: binary file named .yml)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(shown, line, _encoding_message(raw)) from None


def _encoding_message(raw: bytes) -> str:
    try:
        text = raw.decode("tis-620")
    except UnicodeDecodeError:
        text = ""
    if any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return (
            "ไฟล์นี้เข้ารหัสแบบ TIS-620 (ภาษาไทยแบบเก่า) ต้องบันทึกเป็น UTF-8 ก่อน: ในโปรแกรมแก้ไขให้เลือก"
            " Save with Encoding → UTF-8 หรือใช้คำสั่ง iconv -f TIS-620 -t UTF-8 ไฟล์เดิม > ไฟล์ใหม่"
        )
    return "ไฟล์นี้ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกใหม่เป็น UTF-8 (hint: save the file as UTF-8)"


def load_yaml(path: Path, shown: str) -> YamlDoc:
    """Load one YAML file strictly; raise YamlProblem with a Thai message on any failure."""
    text = read_text(path, shown)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise _fail(shown, line, f"รูปแบบ YAML ไม่ถูกต้อง: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise _fail(shown, 1, f"รูปแบบ YAML ไม่ถูกต้อง: {exc}") from None
    except RecursionError:
        raise _fail(shown, 1, "โครงสร้างซ้อนกันลึกเกินไป (hint: nesting too deep)") from None
    doc = YamlDoc(shown, None)
    if node is not None:
        builder = _Builder(doc)
        doc.data = builder.build(node, (), 0)
    return doc


class _Builder:
    """Turns a composed node tree into plain data, tracking lines, limits and duplicate keys."""

    def __init__(self, doc: YamlDoc):
        self.doc = doc
        self.count = 0

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _fail(self.doc.path, node.start_mark.line + 1, "ข้อมูลมากเกินไป (อาจมี alias ซ้อนกันจนขยายตัว)")
        if depth > MAX_DEPTH:
            raise _fail(self.doc.path, node.start_mark.line + 1, "โครงสร้างซ้อนกันลึกเกินไป (hint: nesting too deep)")
        self.doc.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*loc, i), depth + 1) for i, child in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> str | None:
        value = str(node.value)
        if getattr(node, "style", None) in (None, "") and value in NULL_WORDS:
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _fail(self.doc.path, key_node.start_mark.line + 1, "ชื่อช่องต้องเป็นข้อความธรรมดา")
            key = str(key_node.value)
            if key == "<<":
                raise _fail(self.doc.path, key_node.start_mark.line + 1, "ไม่รองรับการรวมค่าด้วย '<<'", key)
            if key in result:
                first = self.doc.lines.get((*loc, key), "?")
                raise _fail(
                    self.doc.path,
                    key_node.start_mark.line + 1,
                    f"ช่อง '{key}' ซ้ำกัน (ใช้ครั้งแรกที่บรรทัด {first}) (hint: duplicate key)",
                    key,
                )
            self.doc.lines[(*loc, key)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result
