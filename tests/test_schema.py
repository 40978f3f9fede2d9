"""The committed JSON Schemas are exactly what the models export, and they accept the sample data."""

from __future__ import annotations

import json

import yaml

from generator.schema import check_schemas, schema_models
from generator.site import KINDS
from tests.conftest import DATA, ROOT


def test_committed_schemas_do_not_drift() -> None:
    assert check_schemas(ROOT / "schemas", KINDS) == [], "run `make schema` and commit schemas/"


def test_every_schema_is_valid_json_with_thai_titles() -> None:
    for name in schema_models(KINDS):
        schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert schema["$schema"].startswith("https://json-schema.org/")
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in json.dumps(schema, ensure_ascii=False))


def test_editor_schema_accepts_quoted_years() -> None:
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((DATA / "units/sao-bueng-prue/plan-2566-2570.yml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
