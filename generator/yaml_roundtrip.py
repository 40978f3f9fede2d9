"""Write changed data into an existing YAML file, keeping its comments, key order, quotes, anchors and layout.

The strict loader gives the old values as plain strings; ruamel.yaml gives the same file as an editable tree.
Both are walked together: a value equal to the old one keeps its node untouched (so an unchanged document is
written back byte for byte), a changed one is replaced, new keys go after the key before them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from .models.common import parse_number

_PLAIN_INT = re.compile(r"(0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def make_yaml() -> YAML:
    """The layout of the shipped files: 2-space mappings, sequences indented by 2 under their key, long lines kept."""
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def dump_yaml_text(data: Any) -> str:
    out = io.StringIO()
    make_yaml().dump(to_node(data), out)
    return out.getvalue()


def merge_yaml(text: str, old: Any, new: Any) -> str:
    """`text` (whose strict-loaded data is `old`) rewritten to hold `new`."""
    rt = make_yaml()
    tree = rt.load(text)
    out = io.StringIO()
    rt.dump(merge_node(tree, old, new), out)
    return out.getvalue()


def is_empty(value: Any) -> bool:
    """What a missing key means too: nothing, or false (every flag of the models defaults to false)."""
    return value is None or value in ("", "false") or value == [] or value == {}


def merge_node(node: Any, old: Any, new: Any) -> Any:
    if same_value(old, new):
        return node
    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        _merge_map(node, old, new)
        return node
    if isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list):
        _merge_seq(node, old, new)
        return node
    if isinstance(node, DoubleQuotedScalarString | SingleQuotedScalarString) and isinstance(new, str):
        return type(node)(new)  # Why: a clerk's edit keeps the quotes the file had
    return to_node(new)


def same_value(old: Any, new: Any) -> bool:
    """Equal as the checks read them: '12,000' and '12000' are the same amount, '-' is zero."""
    if old == new:
        return True
    if isinstance(old, str) and isinstance(new, str) and _NUMBER.fullmatch(new):
        try:
            return Decimal(parse_number(old)) == Decimal(new)
        except (ValueError, ArithmeticError):
            return False
    return False


def _merge_map(node: CommentedMap, old: dict[str, Any], new: dict[str, Any]) -> None:
    keys = {str(k): k for k in node}
    for name, key in keys.items():
        if name not in new and not is_empty(old.get(name)):
            del node[key]
    previous = -1
    for name, value in new.items():
        if name in keys:
            node[keys[name]] = merge_node(node[keys[name]], old.get(name), value)
            previous = list(node).index(keys[name])
        else:
            previous += 1
            node.insert(previous, _key(name), to_node(value))


def _merge_seq(node: CommentedSeq, old: list[Any], new: list[Any]) -> None:
    for index, value in enumerate(new[: len(node)]):
        node[index] = merge_node(node[index], old[index] if index < len(old) else None, value)
    while len(node) > len(new):
        del node[len(node) - 1]
    for value in new[len(node) :]:
        node.append(to_node(value))


def to_node(value: Any) -> Any:
    """Plain data → ruamel values written without needless quotes (the strict loader reads them back as text)."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[_key(key)] = to_node(item)
        return node
    if isinstance(value, list):
        return CommentedSeq([to_node(item) for item in value])
    return _scalar(value) if isinstance(value, str) else value


def _key(name: str) -> Any:
    return int(name) if _PLAIN_INT.fullmatch(name) else name


def _scalar(text: str) -> Any:
    """Digits, true/false and ISO dates are written plain; anything else ruamel quotes when it must."""
    if _PLAIN_INT.fullmatch(text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    try:
        if dt.date.fromisoformat(text).isoformat() == text and len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    return text
