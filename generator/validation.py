"""Pydantic validation with every error mapped back to a file, line and field, in Thai."""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .loader import Loc, YamlDoc
from .problems import Problem

M = TypeVar("M", bound=BaseModel)

MESSAGES: dict[str, str] = {
    "missing": "ต้องระบุช่องนี้ (ขาดข้อมูลที่จำเป็น) (hint: required field is missing)",
    "string_type": "ต้องเป็นข้อความ ไม่ใช่รายการหรือกลุ่มข้อมูล",
    "string_too_short": "ห้ามเว้นว่าง",
    "int_parsing": "ต้องเป็นจำนวนเต็ม",
    "int_type": "ต้องเป็นจำนวนเต็ม",
    "int_from_float": "ต้องเป็นจำนวนเต็ม ไม่มีทศนิยม",
    "decimal_parsing": "ต้องเป็นตัวเลข",
    "decimal_type": "ต้องเป็นตัวเลข",
    "decimal_max_places": "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)",
    "bool_parsing": "ต้องเป็น true หรือ false",
    "bool_type": "ต้องเป็น true หรือ false",
    "dict_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า (mapping)",
    "model_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า (mapping)",
    "model_attributes_type": "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อ: ค่า (mapping)",
    "list_type": "ต้องเป็นรายการ (ขึ้นต้นแต่ละข้อด้วย - )",
    "date_type": "ต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.)",
    "date_from_datetime_parsing": "ต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.)",
    "date_parsing": "ต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.)",
}


def format_error(error: Any, model: type[BaseModel] | None = None) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "extra_forbidden":
        return _unknown_field_message(error, model)
    if kind == "literal_error":
        return f"ค่า '{error.get('input')}' ใช้ไม่ได้ ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {ctx.get('expected', '')}"
    if kind in {"greater_than_equal", "greater_than"}:
        if str(ctx.get("ge", ctx.get("gt"))) == "0":
            return f"ค่า '{error.get('input')}' ติดลบไม่ได้"
        return f"ค่า '{error.get('input')}' ต้องไม่น้อยกว่า {ctx.get('ge', ctx.get('gt'))}"
    if kind in {"less_than_equal", "less_than"}:
        return f"ค่า '{error.get('input')}' ต้องไม่เกิน {ctx.get('le', ctx.get('lt'))}"
    if kind == "too_short":
        return f"ต้องมีอย่างน้อย {ctx.get('min_length')} รายการ"
    if kind == "too_long":
        return f"มีได้ไม่เกิน {ctx.get('max_length')} รายการ"
    if kind == "string_too_long":
        return f"ข้อความยาวเกิน {ctx.get('max_length')} ตัวอักษร"
    if kind == "string_pattern_mismatch":
        return f"รูปแบบของ '{error.get('input')}' ไม่ถูกต้อง (ต้องตรงกับ {ctx.get('pattern')})"
    return MESSAGES.get(kind, f"ข้อมูลไม่ถูกต้อง ({error['msg']})")


def _unknown_field_message(error: dict[str, Any], model: type[BaseModel] | None) -> str:
    name = str(error["loc"][-1])
    allowed = _allowed_fields(model, error["loc"][:-1]) if model else []
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f" หมายถึง '{close[0]}' หรือไม่?" if close else ""
    return f"ไม่รู้จักช่อง '{name}'{hint} (hint: unknown field)"


def _allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """Walk the model along `loc` to list the fields allowed where the unknown key was found."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(str(part))
        current = _first_model(info.annotation) if info else None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _first_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validate_doc(model: type[M], doc: YamlDoc) -> tuple[M | None, list[Problem]]:
    """Validate one loaded document; on failure return every error as a Problem."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = _clean_loc(error["loc"], doc)
            problems.append(Problem(doc.path, doc.line_of(loc), format_loc(loc), format_error(error, model)))
        return None, _dedupe(problems)


def _clean_loc(loc: tuple[Any, ...], doc: YamlDoc) -> Loc:
    """Keep only the parts of a pydantic location that exist in the YAML data (drops union tags)."""
    out: list[Any] = []
    node = doc.data
    for part in loc:
        if isinstance(node, dict) and str(part) in node:
            out.append(str(part))
            node = node[str(part)]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and part not in {"text", "item", "list", "table", "[key]"}:
            out.append(part)
            node = None
    return tuple(out)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, int, str, str]] = set()
    result = []
    for problem in problems:
        key = (problem.path, problem.line, problem.field, problem.message)
        if key not in seen:
            seen.add(key)
            result.append(problem)
    return result
