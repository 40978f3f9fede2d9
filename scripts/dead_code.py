#!/usr/bin/env python3
"""Dead-code check for `make lint`: vulture over the code, minus what is used in ways it cannot see.

    python scripts/dead_code.py            # exit 1 listing dead code; 0 when clean

Beyond scripts/vulture_whitelist.py (framework hooks), a name is in use when a Jinja template or the
theme mentions it, or when it is a field of a pydantic model (the fields are the YAML data format: the
loader accepts them, the schema exports them, templates read them). Code used only by tests is dead.
KNOWN_DEAD lists what the dead-code scan of issue 11 found; delete the code, then its line here.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import vulture

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("generator", "bench", "scripts")
WHITELIST = ROOT / "scripts" / "vulture_whitelist.py"
TEMPLATE_GLOBS = (("generator", "**/*.j2"), ("theme", "**/*.html"))
MIN_CONFIDENCE = 60
VALIDATOR_DECORATORS = ["@model_validator", "@field_validator", "@field_serializer", "@model_serializer"]
# Found dead by the scan (issue 11); the lead deletes them after the package move.
KNOWN_DEAD: set[str] = set()


def template_words() -> set[str]:
    words: set[str] = set()
    for folder, pattern in TEMPLATE_GLOBS:
        for path in (ROOT / folder).glob(pattern):
            words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", path.read_text(encoding="utf-8")))
    return words


def model_fields(paths: Iterable[Path]) -> set[tuple[str, int]]:
    """(file, line) of every annotated field of a pydantic model class (any class deriving from BaseModel)."""
    classes: dict[str, tuple[Path, ast.ClassDef]] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = (path, node)
    models = _model_names(classes)
    return {
        (str(path), stmt.lineno)
        for name in models
        for path, node in [classes[name]]
        for stmt in node.body
        if isinstance(stmt, ast.AnnAssign)
    }


def _model_names(classes: dict[str, tuple[Path, ast.ClassDef]]) -> set[str]:
    models = {"BaseModel"}
    while True:  # fixpoint: a class deriving from a model is a model
        found = {name for name, (_, node) in classes.items() if {_base_name(b) for b in node.bases} & models}
        if found <= models:
            return models - {"BaseModel"}
        models |= found


def _base_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def find_dead() -> list[vulture.core.Item]:
    sources = [p for folder in SCANNED for p in sorted((ROOT / folder).rglob("*.py")) if p != WHITELIST]
    scan = vulture.Vulture(ignore_decorators=VALIDATOR_DECORATORS)
    scan.scavenge([str(p) for p in sources] + [str(WHITELIST)])
    used_in_templates = template_words()
    fields = model_fields(sources)
    return [
        item
        for item in scan.get_unused_code(min_confidence=MIN_CONFIDENCE)
        if item.name not in used_in_templates and (str(item.filename), item.first_lineno) not in fields
    ]


def main() -> int:
    dead = find_dead()
    new = [item for item in dead if item.name not in KNOWN_DEAD]
    stale = sorted(KNOWN_DEAD - {item.name for item in dead})
    for item in dead:
        rel = Path(item.filename).resolve().relative_to(ROOT)
        note = " (known, KNOWN_DEAD)" if item.name in KNOWN_DEAD else ""
        print(f"{rel}:{item.first_lineno}: {item.message} ({item.confidence}% confidence){note}")
    for name in stale:
        print(f"scripts/dead_code.py: KNOWN_DEAD: '{name}' is no longer dead code or is gone; remove it from the list")
    if new:
        print(f"{len(new)} dead: delete the code, or whitelist a false positive in {WHITELIST.relative_to(ROOT)}")
    return 1 if new or stale else 0


if __name__ == "__main__":
    sys.exit(main())
