"""JSON Schema export: the pydantic models are the single source; the repo commits the output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .kindapi import DocumentKind
from .models.catalog import DimensionCatalog, PriorityCatalog, Requirements
from .models.unit import Unit


def schema_models(kinds: Sequence[DocumentKind]) -> dict[str, type[BaseModel]]:
    """File name of each schema → the model it describes."""
    models: dict[str, type[BaseModel]] = {
        "unit.schema.json": Unit,
        "dimensions.schema.json": DimensionCatalog,
        "priority.schema.json": PriorityCatalog,
        "requirements.schema.json": Requirements,
    }
    for kind in kinds:
        models[f"{kind.name}.schema.json"] = kind.model
    return models


NUMBER_AS_TEXT = {"type": "string", "pattern": "^-?[0-9๐-๙][0-9๐-๙,]*(\\.[0-9๐-๙]+)?( ?บาท)?$"}
ANNOTATION_KEYS = {"title", "description", "default"}


def accept_numbers_as_text(node: Any) -> Any:
    """The loader reads every scalar as text, so editors must accept "2566" where a number is expected."""
    if isinstance(node, list):
        return [accept_numbers_as_text(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: accept_numbers_as_text(value) for key, value in node.items()}
    if isinstance(node.get("type"), str) and node["type"] in {"integer", "number"}:
        notes = {k: v for k, v in node.items() if k in ANNOTATION_KEYS}
        number = {k: v for k, v in node.items() if k not in ANNOTATION_KEYS}
        return {**notes, "anyOf": [number, NUMBER_AS_TEXT]}
    return node


def render_schema(model: type[BaseModel]) -> str:
    schema = accept_numbers_as_text(model.model_json_schema(mode="validation"))
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
