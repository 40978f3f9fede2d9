""".vscode/settings.json: which JSON Schema (schemas/, from `python -m generator schema`) checks which data file.

The file is committed; tests/test_workflows.py fails when it no longer matches the document kinds.
Regenerate with: python -m generator schema (writes the schemas and this file)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..kindapi import DocumentKind

ROOT = Path(__file__).resolve().parent.parent.parent
FIXED = {
    "unit.schema.json": "data/units/*/unit.yml",
    "framework.schema.json": "data/catalog/frameworks/*.yml",
}


def schema_globs(kinds: Sequence[DocumentKind]) -> dict[str, str]:
    """Schema file name → the data files it describes (one per document kind plus unit and catalogues)."""
    globs = dict(FIXED)
    for kind in kinds:
        globs[f"{kind.name}.schema.json"] = f"data/units/*/{kind.pattern}"
    return globs


def render_vscode_settings(kinds: Sequence[DocumentKind]) -> str:
    settings = {
        "yaml.schemas": {f"./schemas/{name}": [glob] for name, glob in sorted(schema_globs(kinds).items())},
        "yaml.validate": True,
        "yaml.completion": True,
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.detectIndentation": False},
        "files.encoding": "utf8",
        "files.insertFinalNewline": True,
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def write_vscode_settings(kinds: Sequence[DocumentKind], root: Path = ROOT) -> Path:
    path = root / ".vscode" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_vscode_settings(kinds), encoding="utf-8")
    return path
