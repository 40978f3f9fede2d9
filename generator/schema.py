"""JSON Schema export: the pydantic models are the single source; the repo commits the output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .kindapi import DocumentKind
from .models.catalog import Framework
from .models.unit import Unit
from .schema_docs import describe, enum_descriptions, label_branches


def schema_models(kinds: Sequence[DocumentKind]) -> dict[str, type[BaseModel]]:
    """File name of each schema → the model it describes."""
    models: dict[str, type[BaseModel]] = {
        "unit.schema.json": Unit,
        "framework.schema.json": Framework,
    }
    for kind in kinds:
        models[f"{kind.name}.schema.json"] = kind.model
    return models


_D = "[0-9๐-๙]"
# parse_number's grammar: digits (Thai or Arabic), commas in groups of three, decimals, a trailing "บาท".
_NUMBER_TEXT = f"({_D}{{1,3}}(,{_D}{{3}})+|{_D}+)"
RENAMED = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}
DROPPED = {"decimal_places"}  # checked by the project's own check only; no JSON Schema keyword says it
ANNOTATION_KEYS = {"title", "description", "default"}


def standardise(node: Any) -> Any:
    """Pydantic's constraint names → JSON Schema keywords; numbers also accepted as the text clerks write."""
    if isinstance(node, list):
        return [standardise(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = _collapse_decimal(node)
    node = {RENAMED.get(key, key): value for key, value in node.items() if key not in DROPPED}
    if _has_text_branch(node):
        return node
    node = {key: standardise(value) for key, value in node.items()}
    if isinstance(node.get("type"), str) and node["type"] in {"integer", "number"}:
        notes = {k: v for k, v in node.items() if k in ANNOTATION_KEYS}
        number = {k: v for k, v in node.items() if k not in ANNOTATION_KEYS}
        return {**notes, "anyOf": [number, number_as_text(number)]}
    return node


def _collapse_decimal(node: dict[str, Any]) -> dict[str, Any]:
    # Why: pydantic writes Decimal as number-or-any-string, which would let "ห้าพัน" through as a budget.
    branches = node.get("anyOf", [])
    if [b.get("type") for b in branches] != ["number", "string"] or len(branches[1]) != 1:
        return node
    rest = {key: value for key, value in node.items() if key != "anyOf"}
    return {**rest, **branches[0]}


def _has_text_branch(node: dict[str, Any]) -> bool:
    """Already written for editors (FiscalYear, Baht, Count in models/common.py): leave as is."""
    types = [b.get("type") for b in node.get("anyOf", []) if isinstance(b, dict)]
    return "string" in types and bool({"integer", "number"} & set(types))


def number_as_text(number: dict[str, Any]) -> dict[str, Any]:
    sign = "" if number.get("minimum", -1) >= 0 else "-?"
    decimals = f"(\\.{_D}+)?" if number["type"] == "number" else ""
    return {"type": "string", "pattern": f"^(-|{sign}{_NUMBER_TEXT}{decimals}\\s*(บาท)?)$"}


def annotate(node: Any, defs: dict[str, Any]) -> Any:
    """Thai hover text with an example on every property, Thai descriptions on every enum."""
    if isinstance(node, list):
        return [annotate(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: annotate(value, defs) for key, value in node.items()}
    if isinstance(node.get("properties"), dict):
        props = node["properties"]
        node["properties"] = {name: describe(name, prop, defs) for name, prop in props.items()}
    if "enum" in node:
        node["markdownEnumDescriptions"] = enum_descriptions(node["enum"])
    return node


def label_alternatives(node: Any, hover: str = "") -> Any:
    """After annotate: distinct descriptions on untitled anyOf alternatives, each carrying its field's hover text."""
    if isinstance(node, list):
        return [label_alternatives(item, hover) for item in node]
    if not isinstance(node, dict):
        return node
    hover = node.get("markdownDescription", hover)
    node = {key: label_alternatives(value, "" if key == "properties" else hover) for key, value in node.items()}
    if isinstance(node.get("anyOf"), list):
        node["anyOf"] = label_branches(node["anyOf"], hover)
    return node


def render_schema(model: type[BaseModel]) -> str:
    schema = standardise(model.model_json_schema(mode="validation"))
    schema = label_alternatives(annotate(schema, schema.get("$defs", {})))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path, kinds: Sequence[DocumentKind]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in sorted(schema_models(kinds).items()):
        path = out / name
        path.write_text(render_schema(model), encoding="utf-8")
        written.append(path)
    return written


def check_schemas(out: Path, kinds: Sequence[DocumentKind]) -> list[str]:
    """Names of schema files that are missing or differ from what the models produce now."""
    stale = []
    for name, model in sorted(schema_models(kinds).items()):
        path = out / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render_schema(model):
            stale.append(name)
    return stale
