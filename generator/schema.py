"""JSON Schema export: the pydantic models are the single source; the repo commits the output."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .kinds import registry
from .models.catalog import DimensionCatalog, PriorityCatalog, Requirements
from .models.unit import Unit


def schema_models() -> dict[str, type[BaseModel]]:
    """File name of each schema → the model it describes."""
    models: dict[str, type[BaseModel]] = {
        "unit.schema.json": Unit,
        "dimensions.schema.json": DimensionCatalog,
        "priority.schema.json": PriorityCatalog,
        "requirements.schema.json": Requirements,
    }
    for kind in registry():
        models[f"{kind.name}.schema.json"] = kind.model
    return models


def render_schema(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in sorted(schema_models().items()):
        path = out / name
        path.write_text(render_schema(model), encoding="utf-8")
        written.append(path)
    return written


def check_schemas(out: Path) -> list[str]:
    """Names of schema files that are missing or differ from what the models produce now."""
    stale = []
    for name, model in sorted(schema_models().items()):
        path = out / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render_schema(model):
            stale.append(name)
    return stale
