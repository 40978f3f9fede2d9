"""Editor schemas: standard JSON Schema only, a Thai title and an example for every field, and the same verdict as
the project's own check on the values clerks get wrong (numbers written as text, years, dates)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from pydantic import TypeAdapter, ValidationError

from generator.models.common import Baht, FiscalYear, IsoDate
from generator.schema import render_schema, schema_models
from generator.site import KINDS

META = jsonschema.Draft202012Validator
# Keywords of JSON Schema 2020-12 plus the annotations yaml-language-server reads.
KNOWN = set(META.VALIDATORS) | {
    "$schema",
    "$defs",
    "$id",
    "$comment",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "format",
    "contentMediaType",
    "contentEncoding",
    "markdownDescription",
    "enumDescriptions",
    "markdownEnumDescriptions",
    "defaultSnippets",
}
SCHEMAS = {name: json.loads(render_schema(model)) for name, model in schema_models(KINDS).items()}


def keywords(node: Any, path: str = "") -> list[tuple[str, str]]:
    """Every (path, keyword) in a schema, skipping the names under properties/$defs/patternProperties."""
    found: list[tuple[str, str]] = []
    if isinstance(node, list):
        for item in node:
            found += keywords(item, path)
    if not isinstance(node, dict):
        return found
    for key, value in node.items():
        found.append((path, key))
        if key in {"properties", "$defs", "patternProperties"}:
            for name, sub in value.items():
                found += keywords(sub, f"{path}/{key}/{name}")
        elif key not in {
            "enum",
            "const",
            "default",
            "examples",
            "required",
            "enumDescriptions",
            "markdownEnumDescriptions",
        }:
            found += keywords(value, f"{path}/{key}")
    return found


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_against_its_meta_schema(name: str) -> None:
    META.check_schema(SCHEMAS[name])


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_uses_only_standard_keywords(name: str) -> None:
    unknown = sorted({f"{path} {key}" for path, key in keywords(SCHEMAS[name]) if key not in KNOWN})
    assert unknown == []


def properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, list):
        for item in node:
            found += properties(item, path)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "properties":
                found += [(f"{path}/{name}", sub) for name, sub in value.items()]
            found += properties(value, f"{path}/{key}")
    return found


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_has_a_thai_title_and_an_example(name: str) -> None:
    for path, prop in properties(SCHEMAS[name]):
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in prop.get("title", "")), path
        assert "ตัวอย่าง" in prop.get("markdownDescription", ""), path


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_enum_value_has_a_thai_description(name: str) -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "enum" in node:
                assert len(node.get("markdownEnumDescriptions", [])) == len(node["enum"]), node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(SCHEMAS[name])


def editor_accepts(schema: dict[str, Any], value: Any) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(value)


def check_accepts(kind: Any, value: Any) -> bool:
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError:
        return False
    return True


# Values as the editor sees them (YAML 1.2: 2567 is a number) and as the loader passes them (always text).
CASES = [
    (FiscalYear, 2567, "2567"),
    (FiscalYear, "๒๕๖๗", "๒๕๖๗"),
    (FiscalYear, 1999, "1999"),
    (FiscalYear, "2,564 บาท", "2,564 บาท"),
    (FiscalYear, "2564 บาท", "2564 บาท"),
    (FiscalYear, 2567.5, "2567.5"),
    (Baht, 5000, "5000"),
    (Baht, "5,000 บาท", "5,000 บาท"),
    (Baht, "๕,๐๐๐", "๕,๐๐๐"),
    (Baht, -5000, "-5000"),
    (Baht, "ห้าพัน", "ห้าพัน"),
    (Baht, "50,00", "50,00"),
    (Baht, "-", "-"),
    (IsoDate, "2024-03-31", "2024-03-31"),
    (IsoDate, "2567-01-01", "2567-01-01"),
    (IsoDate, "31/03/2567", "31/03/2567"),
]


@pytest.mark.parametrize(("kind", "as_yaml", "as_text"), CASES)
def test_editor_and_check_agree(kind: Any, as_yaml: Any, as_text: str) -> None:
    schema = json.loads(json.dumps(TypeAdapter(kind).json_schema()))
    from generator.schema import standardise

    assert editor_accepts(standardise(schema), as_yaml) == check_accepts(kind, as_text)


def test_year_written_as_money_is_refused() -> None:
    with pytest.raises(ValidationError, match="ปีงบประมาณ"):
        TypeAdapter(FiscalYear).validate_python("2,564 บาท")
