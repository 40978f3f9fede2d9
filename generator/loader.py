"""Strict YAML loading: every scalar stays a string, duplicate keys are errors, every value keeps its line.

The result of `load_yaml` is plain data (dict/list/str/None) plus a map from the path of each value
(a tuple of keys and indices) to its 1-based line, so schema errors can name the line.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from .forked import ChildJob
from .pii import INVISIBLE
from .problems import Problem, visible
from .yaml_messages import syntax_message

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_LINE_CHARS = 20_000
MAX_NODES = 200_000
MAX_DEPTH = 60
_ODD_BREAKS = {0x85: " ", 0x2028: " ", 0x2029: " "}
_THAI = re.compile("[\u0e00-\u0e7f]")
_THAI_RUN = re.compile("[\u0e00-\u0e7f]{2,}")
# C0/C1 control characters (YAML "\0", "\e" escapes): invisible, and unsafe in terminal messages.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi controls and invisible characters: dropped from every text at load time, so no title, navigation,
# CSV or JSON carries them (Thai combining marks are ordinary characters and stay).
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Data file names: letters, digits, '-', '_', '.'; anything else (newline, '::', escapes) is refused.
SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9._-]+")
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
    digest: bytes = b""  # blake2b of the file's bytes: what build caches key on (generator/build_cache.py)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known ancestor of `loc` (pydantic may point below a scalar)."""
        for cut in range(len(loc), -1, -1):
            if loc[:cut] in self.lines:
                return self.lines[loc[:cut]]
        return 1


# Why: `mkdocs serve` checks every file again after each save, and a build runs several phases; a file's parse is
# reused while its bytes (content hash, not mtime: editors may keep it) are unchanged. Keyed by the shown path and
# the bytes (the parse depends on nothing else), so a copy of the data elsewhere reuses it too. Failures are never
# cached. Bounded: a long preview adds one entry per save.
_PARSED: dict[tuple[str, bytes], YamlDoc] = {}
_PARSED_LIMIT = 20_000
PREFETCH_MIN = 32  # fewer files parse faster than a fork and its hand-back


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


def _fail(path: str, line: int, message: str, field_name: str = "-") -> YamlProblem:
    return YamlProblem(Problem(path, line, field_name, message))


def decode_text(raw: bytes, shown: str) -> str:
    """A data file's bytes as UTF-8 text, refusing binary and non-UTF-8 (e.g. TIS-620) files clearly."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(
            shown,
            1,
            "ไฟล์นี้เข้ารหัสแบบ UTF-16 (ตัวเลือก Unicode ของ Notepad) ต้องบันทึกเป็น UTF-8 ก่อน:"
            " เลือก Save As → Encoding: UTF-8 (hint: save the file as UTF-8)",
        )
    if b"\x00" in raw:
        raise _fail(shown, 1, "ไฟล์นี้ไม่ใช่ข้อความ YAML (พบข้อมูลไบนารี) (hint: binary file named .yml)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(shown, line, _encoding_message(raw)) from None
    # Why: lines are numbered as editors and git show them; YAML's other line breaks would shift the count.
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_ODD_BREAKS)
    for number, line_text in enumerate(text.split("\n"), start=1):
        if len(line_text) > MAX_LINE_CHARS:
            size = f"{len(line_text):,} ตัวอักษร; สูงสุด {MAX_LINE_CHARS:,}"
            raise _fail(shown, number, f"บรรทัดนี้ยาวเกินไป ({size}) ให้ขึ้นบรรทัดใหม่หรือแบ่งเป็นหลายย่อหน้า")
    return text


def _read_bounded(path: Path, shown: str) -> bytes:
    """Read at most MAX_FILE_BYTES + 1 bytes of a regular file (never a folder, FIFO or device)."""
    try:
        if not path.is_file():
            raise _fail(shown, 1, "ไม่ใช่ไฟล์ข้อมูลธรรมดา (เช่น เป็นโฟลเดอร์หรืออุปกรณ์) จึงอ่านไม่ได้")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _fail(shown, 1, f"อ่านไฟล์ไม่ได้ ({exc.strerror or type(exc).__name__})") from None
    if len(raw) > MAX_FILE_BYTES:
        size = max(path.stat().st_size, len(raw))
        raise _fail(shown, 1, f"ไฟล์ใหญ่เกินไป ({size // 1024:,} KB; สูงสุด {MAX_FILE_BYTES // 1024:,} KB) ให้แบ่งเป็นหลายไฟล์")
    return raw


def _encoding_message(raw: bytes) -> str:
    try:
        text = raw.decode("tis-620")
    except UnicodeDecodeError:
        text = ""
    # Why runs: Latin-1 accents (é, ï) also decode as Thai letters, but alone; Thai words come in runs.
    thai = len(_THAI.findall(text))
    if thai >= 2 and sum(map(len, _THAI_RUN.findall(text))) >= 0.8 * thai:
        return (
            "ไฟล์นี้เข้ารหัสแบบ TIS-620 (ภาษาไทยแบบเก่า) ต้องบันทึกเป็น UTF-8 ก่อน: ในโปรแกรมแก้ไขให้เลือก"
            " Save with Encoding → UTF-8 หรือใช้คำสั่ง iconv -f TIS-620 -t UTF-8 ไฟล์เดิม > ไฟล์ใหม่"
        )
    return "ไฟล์นี้ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกใหม่เป็น UTF-8 (hint: save the file as UTF-8)"


def check_file_name(path: Path, shown: str) -> None:
    """Refuse a data file whose name could break a terminal, a CI annotation or a URL."""
    if not SAFE_FILE_NAME.fullmatch(path.name):
        raise _fail(
            shown,
            1,
            f"ชื่อไฟล์ '{visible(path.name)}' มีอักขระที่ใช้ไม่ได้ ชื่อไฟล์ข้อมูลใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข"
            " และเครื่องหมาย - _ . เท่านั้น ให้เปลี่ยนชื่อไฟล์ (hint: unsafe file name)",
        )


def load_yaml(path: Path, shown: str) -> YamlDoc:
    """Load one YAML file strictly; raise YamlProblem with a Thai message on any failure.

    A file whose bytes were parsed before in this process is not parsed again; each call gets its own copy."""
    doc, digest = _parsed(path, shown)
    # Why a copy: callers (importers, tests, mutation checks) may change the data; the cache must stay the file.
    return YamlDoc(doc.path, copy_tree(doc.data), dict(doc.lines), digest)


def _parsed(path: Path, shown: str) -> tuple[YamlDoc, bytes]:
    check_file_name(path, shown)
    raw = _read_bounded(path, shown)
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    doc = _PARSED.get((shown, digest))
    if doc is None:
        doc = parse_yaml(decode_text(raw, shown), shown)
        _remember(shown, digest, doc)
    return doc, digest


def _remember(shown: str, digest: bytes, doc: YamlDoc) -> None:
    if len(_PARSED) >= _PARSED_LIMIT:
        _PARSED.clear()
    _PARSED[(shown, digest)] = doc


def prefetch_yaml(files: list[tuple[Path, str]]) -> None:
    """Parse the (path, shown) files not parsed yet, half in a forked child while this process parses the rest.

    Why: parsing is most of a cold load (~10 s of 13 at 200 units). Only warms the parse cache: a file that fails
    here is simply parsed (and reported) again by `load_yaml`. Callers pass regular files inside the data folder.
    """
    todo = [(path, shown) for path, shown in files if not _is_parsed(path, shown)]
    if len(todo) < PREFETCH_MIN:
        return
    child = ChildJob(partial(_parse_quietly, todo[1::2]))
    for key, doc in [*_parse_quietly(todo[::2]).items(), *child.result().items()]:
        _remember(*key, doc)


def _is_parsed(path: Path, shown: str) -> bool:
    try:
        return (shown, hashlib.blake2b(path.read_bytes(), digest_size=16).digest()) in _PARSED
    except OSError:
        return True  # unreadable: load_yaml reports it


def _parse_quietly(files: list[tuple[Path, str]]) -> dict[tuple[str, bytes], YamlDoc]:
    parsed: dict[tuple[str, bytes], YamlDoc] = {}
    for path, shown in files:
        try:
            doc, digest = _parsed(path, shown)
        except YamlProblem:
            continue
        parsed[(shown, digest)] = doc
    return parsed


def copy_tree(value: Any) -> Any:
    """A copy of parsed YAML (dicts, lists, strings, None only): about 3× faster than copy.deepcopy, which also
    tracks shared objects that plain parsed data never has."""
    if isinstance(value, dict):
        return {key: copy_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_tree(item) for item in value]
    return value


def parse_yaml(text: str, shown: str) -> YamlDoc:
    """Parse one file's text strictly (see load_yaml)."""
    try:
        check_depth(text, shown)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        found = syntax_message(exc, text)
        raise _fail(shown, found.line, found.message) from None
    except yaml.YAMLError as exc:
        raise _fail(shown, 1, f"รูปแบบ YAML ไม่ถูกต้อง (hint: {visible(str(exc))})") from None
    except RecursionError:
        raise _fail(shown, 1, "โครงสร้างซ้อนกันลึกเกินไป (hint: nesting too deep)") from None
    doc = YamlDoc(shown, None)
    if node is not None:
        check_size(node, shown)
        builder = _Builder(doc)
        doc.data = builder.build(node, (), 0)
    return doc


def check_depth(text: str, shown: str) -> None:
    """Refuse deep nesting before composing: libyaml's composer recurses in C and crashes near 100,000 levels."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise _fail(shown, line, f"โครงสร้างซ้อนกันลึกเกินไป (เกิน {MAX_DEPTH} ชั้น) (hint: nesting too deep)")
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1


def check_size(root: yaml.Node, shown: str) -> None:
    """Refuse a document whose aliases expand beyond MAX_NODES (an "alias bomb") before building anything."""
    memo: dict[int, int] = {}
    entries = root.value if isinstance(root, yaml.MappingNode) else [(root, root)]
    total = 0
    for key, value in entries:
        total += _expanded_size(key, memo) + _expanded_size(value, memo)
        if total > MAX_NODES:
            raise _fail(shown, key.start_mark.line + 1, "ข้อมูลมากเกินไป (อาจมี alias ซ้อนกันจนขยายตัว)")


def _expanded_size(node: yaml.Node, memo: dict[int, int], depth: int = 0) -> int:
    """How many values `node` becomes once aliases are expanded (memoized: shared nodes are counted once)."""
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = MAX_NODES + 1  # Why: a node met again while being counted is a recursive alias
    if depth > MAX_DEPTH:  # aliases nested in aliases: too deep for the builder anyway
        return MAX_NODES + 1
    size = 1
    if isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo, depth + 1) + _expanded_size(v, memo, depth + 1) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo, depth + 1) for child in node.value)
    memo[id(node)] = min(size, MAX_NODES + 1)
    return memo[id(node)]


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
        value = self._text(node)
        if getattr(node, "style", None) in (None, "") and value in NULL_WORDS:
            return None
        return value

    def _text(self, node: yaml.Node) -> str:
        value = str(node.value)
        if _CONTROL.search(value):
            message = "มีอักขระควบคุมที่มองไม่เห็น (เช่น \\0 หรือ \\e) ในค่านี้ ให้ลบออก (hint: control character)"
            raise _fail(self.doc.path, node.start_mark.line + 1, message)
        return _INVISIBLE.sub("", value)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, str] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _fail(self.doc.path, key_node.start_mark.line + 1, "ชื่อช่องต้องเป็นข้อความธรรมดา")
            key = self._text(key_node)
            if key == "<<":
                raise _fail(self.doc.path, key_node.start_mark.line + 1, "ไม่รองรับการรวมค่าด้วย '<<'", key)
            identity = key_identity(key)
            if identity in seen:
                self._duplicate(key_node, loc, key, seen[identity])
            seen[identity] = key
            self.doc.lines[(*loc, key)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result

    def _duplicate(self, key_node: yaml.Node, loc: Loc, key: str, first_key: str) -> None:
        first = self.doc.lines.get((*loc, first_key), "?")
        # Why both spellings: "๒๕๖๗" and "2567" look different to a clerk but name the same year.
        same = f"'{key}'" if key == first_key else f"'{key}' กับ '{first_key}' (ค่าเดียวกันเมื่อเทียบตัวเลขไทย/อารบิก)"
        message = f"ช่อง {same} ซ้ำกัน (ใช้ครั้งแรกที่บรรทัด {first}) (hint: duplicate key)"
        raise _fail(self.doc.path, key_node.start_mark.line + 1, message, key)


def key_identity(key: str) -> str:
    """What a key means: ๒๕๖๗, 2567 and ２５６７ name the same budget year."""
    return unicodedata.normalize("NFKC", key.translate(_THAI_DIGITS)).strip()
