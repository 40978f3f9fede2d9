"""Editor help text in the JSON Schemas: a Thai hover (title, description, a YAML example) for every field and a
Thai description for every allowed value, so completion in VS Code explains the keys in Thai."""

from __future__ import annotations

import json
from typing import Any

from .models.common import BAHT_SCHEMA, COUNT_SCHEMA, DATE_SCHEMA, SLUG_RE, YEAR_PATTERN, YEAR_SCHEMA

# Thai meaning of each allowed value that is not already Thai; keyed by value (the same value means the same).
ENUM_THAI: dict[str, str] = {
    "at_least": "ไม่น้อยกว่า",
    "at_most": "ไม่เกิน",
    "exactly": "เท่ากับ",
    "decrease": "ลดลง",
    "increase": "เพิ่มขึ้น",
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
    "OIT": "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)",
    "day": "ระบุถึงวัน",
    "month": "ระบุถึงเดือน",
    "year": "ระบุถึงปี",
    "arabic": "เลขอารบิก 0-9",
    "thai": "เลขไทย ๐-๙",
    "completed": "ดำเนินการแล้วเสร็จ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "6": "รอบ 6 เดือน",
    "12": "รอบ 12 เดือน",
    "6m": "รอบ 6 เดือน (1 ต.ค. – 31 มี.ค.)",
    "12m": "รอบ 12 เดือน (ทั้งปีงบประมาณ)",
    "mandatory": "โครงการที่ต้องดำเนินการ",
    "selective": "โครงการที่เลือกดำเนินการ",
    "context": "โครงการตามบริบทของหน่วยงาน",
    "cards": "แสดงเป็นบัตรโครงการ",
    "table": "แสดงเป็นตาราง",
    "bma": "กรุงเทพมหานคร",
    "bma_district_office": "สำนักงานเขต",
    "bma_department": "สำนักของกรุงเทพมหานคร",
    "bma_strategy_department": "สำนักยุทธศาสตร์และประเมินผล",
    "bma_internal_audit_office": "สำนักงานตรวจสอบภายใน",
    "sao": "องค์การบริหารส่วนตำบล (อบต.)",
    "municipality": "เทศบาล",
    "pao": "องค์การบริหารส่วนจังหวัด (อบจ.)",
    "other": "หน่วยงานอื่น",
    "*": "เครื่องหมาย * ตามตารางต้นฉบับ",
    "**": "เครื่องหมาย ** ตามตารางต้นฉบับ",
    "open-data-common": "สัญญาอนุญาตข้อมูลเปิด (ค่าเริ่มต้น)",
    "dga-open-government-license": "สัญญาอนุญาตของ สพร.",
    "cc-by-4.0": "Creative Commons แสดงที่มา 4.0",
    "cc0-1.0": "Creative Commons CC0 (สาธารณสมบัติ)",
    "annual": "รายปี",
    "semiannual": "ราย 6 เดือน",
    "quarterly": "รายไตรมาส",
    "monthly": "รายเดือน",
    "irregular": "ไม่สม่ำเสมอ",
    "action_plan": "แผนปฏิบัติการ",
    "progress_report": "รายงานผลการดำเนินงาน",
    "complaint_statistics": "สถิติเรื่องร้องเรียน",
    "ita_measures_report": "รายงานมาตรการยกระดับ ITA",
    "ita_consolidated_report": "รายงานผลการประเมิน ITA",
}
# Examples for the string patterns of the models, keyed by the pattern itself.
PATTERN_EXAMPLES: dict[str, str] = {
    SLUG_RE.pattern: "anti-corruption-training",
    YEAR_PATTERN: "2567",
    r"^[1-4]\.[1-9]$": "2.2",
    r"^[1-4]\.[1-9]\.[1-9]$": "2.2.1",
    r"^\d{4}-\d{4}$": "2566-2570",
    r"^[0-9]+\.[0-9]+$": "9.1",
    r"^[0-9]+$": "9",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "saraban@example.go.th",
}
TYPED_EXAMPLES: list[tuple[dict[str, Any], str]] = [
    (YEAR_SCHEMA, "2567"),
    (BAHT_SCHEMA, "150000"),
    (COUNT_SCHEMA, "12"),
    (DATE_SCHEMA, "2024-03-31"),
]


def enum_descriptions(values: list[Any]) -> list[str]:
    return [ENUM_THAI.get(str(value), str(value)) for value in values]


def example(node: dict[str, Any], defs: dict[str, Any], depth: int = 0) -> str:
    """One YAML value showing how to write the field (a format example, not data)."""
    for schema, text in TYPED_EXAMPLES:
        if _same(node, schema):
            return text
    if "$ref" in node:
        return example(defs[node["$ref"].rsplit("/", 1)[1]], defs, depth)
    if "examples" in node:
        return str(node["examples"][0])
    if "const" in node or "enum" in node:
        return str(node.get("const", (node.get("enum") or [""])[0]))
    branches = [b for b in node.get("anyOf", node.get("oneOf", [])) if b.get("type") != "null"]
    if branches:
        return example(branches[0], defs, depth)
    return _by_type(node, defs, depth)


def _by_type(node: dict[str, Any], defs: dict[str, Any], depth: int) -> str:
    kind = node.get("type")
    if kind == "array":
        return "\n- " + _indent(example(node.get("items", {}), defs, depth + 1), 2)
    if kind == "object":
        return _object(node, defs, depth)
    if kind == "boolean":
        return "true"
    if kind in {"integer", "number"}:
        return str(node.get("minimum", 1))
    return PATTERN_EXAMPLES.get(node.get("pattern", ""), "ข้อความ")


def _object(node: dict[str, Any], defs: dict[str, Any], depth: int) -> str:
    props = node.get("properties", {})
    if not props or depth > 1:
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            key = example(node.get("propertyNames", {"type": "string"}), defs, depth + 1)
            return f"\n  {key}:" + _after_colon(_indent(example(extra, defs, depth + 1), 2))
        return "{}"
    names = node.get("required") or list(props)[:1]
    lines = [f"\n  {name}:" + _after_colon(_indent(example(props[name], defs, depth + 1), 2)) for name in names[:3]]
    return "".join(lines)


def _after_colon(value: str) -> str:
    return value if value.startswith("\n") else " " + value


def _indent(text: str, by: int) -> str:
    return text.replace("\n", "\n" + " " * by)


def _same(node: dict[str, Any], schema: dict[str, Any]) -> bool:
    return {k: v for k, v in node.items() if k in schema} == json.loads(json.dumps(schema))


def describe(name: str, prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Title, Markdown hover text with an example, and Thai value descriptions for one property."""
    text = prop.get("description", "")
    # Why the title as a comment: completion lists show only this text, never the title, and a clerk picks keys there.
    sample = f"# {prop.get('title', name)}\n{name}:" + _after_colon(example(prop, defs))
    hover = (text + "\n\n" if text else "") + f"ตัวอย่าง:\n\n```yaml\n{sample}\n```"
    # Why drop a null default: the editor would insert the word null when the clerk picks the key.
    kept = {key: value for key, value in prop.items() if not (key == "default" and value is None)}
    return {**kept, "markdownDescription": hover}


def label_branches(branches: list[Any], hover: str) -> list[Any]:
    """A distinct Thai description on each untitled alternative. Why: yaml-language-server treats alternatives with
    equal title and description as all matching and then shows the field's title twice ("ชื่อ || ชื่อ") on hover."""
    labelled, seen = [], set()
    for branch in branches:
        if not isinstance(branch, dict) or "title" in branch or "description" in branch:
            labelled.append(branch)
            continue
        text = _branch_text(branch)
        text = text if text not in seen else f"{text} (แบบที่ {len(labelled) + 1})"
        seen.add(text)
        labelled.append({**branch, "description": text, **({"markdownDescription": hover} if hover else {})})
    return labelled


def _branch_text(branch: dict[str, Any]) -> str:
    if "$ref" in branch:
        return "ชุดข้อมูลตามรายละเอียดด้านล่าง"
    if branch.get("type") == "string" and str(branch.get("pattern", "")).startswith("^(-|"):
        return 'ตัวเลขที่เขียนเป็นข้อความ เช่น "5,000" หรือ "๕,๐๐๐ บาท"'
    return BRANCH_THAI.get(str(branch.get("type", "enum" if "enum" in branch else "")), "อีกแบบหนึ่ง")


BRANCH_THAI = {
    "null": "เว้นว่าง (ไม่ระบุ)",
    "integer": "จำนวนเต็ม",
    "number": "ตัวเลข",
    "string": "ข้อความ",
    "enum": "ค่าที่เลือกได้",
    "array": "รายการ",
    "object": "ชุดข้อมูล",
    "boolean": "true หรือ false",
}
