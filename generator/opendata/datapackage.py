"""datapackage.json: a Frictionless Tabular Data Package (v1) with a Table Schema for every CSV."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .metadata import DatasetMeta
from .tables import Column, Table


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "title": column.title,
        "description": column.description,
        "type": column.type,
    }
    if column.type == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    if column.required:
        field["constraints"] = {"required": True}
    return field


def build_resource(table: Table, csv_bytes: bytes) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(c) for c in table.spec.columns], "missingValues": [""]}
    if table.spec.primary_key:
        schema["primaryKey"] = list(table.spec.primary_key)
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "title": table.title,
        "description": table.spec.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(csv_bytes),
        "hash": hashlib.md5(csv_bytes, usedforsecurity=False).hexdigest(),
        "schema": schema,
    }


def build_datapackage(meta: DatasetMeta, csv_files: dict[str, bytes]) -> dict[str, Any]:
    """`csv_files`: table name → the CSV bytes (sizes and hashes let a consumer check a download)."""
    licence: dict[str, Any] = {"name": meta.licence, "title": meta.licence_title}
    if meta.licence_url:
        licence["path"] = meta.licence_url
    contributor: dict[str, Any] = {"title": meta.maintainer, "role": "publisher"}
    if meta.contact_email:
        contributor["email"] = meta.contact_email
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": f"{meta.unit_id}-integrity-plan",
        "title": meta.title,
        "description": meta.description,
        "keywords": meta.keywords,
        "licenses": [licence],
        "sources": [{"title": meta.source}],
        "contributors": [contributor],
        "resources": [build_resource(t, csv_files[t.name]) for t in meta.tables],
    }
    if meta.updated:
        package["created"] = f"{meta.updated.isoformat()}T00:00:00Z"
    return package


def render_json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
