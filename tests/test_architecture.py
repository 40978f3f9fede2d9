"""The package rules of the architecture (README, "สถาปัตยกรรม"), read from the source with `ast`.

- the core (every module outside generator/kinds/) never imports generator.kinds, except the composition
  root generator/site.py, which lists the kinds;
- a kind package imports only the core and itself, never another kind;
- no import inside a function, except optional heavy dependencies (named below);
- importing the whole package at run time has no import cycle between modules.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
COMPOSITION_ROOT = "generator.site"
# Why: these load tens of MB (a browser driver, a Thai dictionary) or take a tenth of a second to import (the Word
# reader: python-docx and lxml) and only some commands need them.
LAZY_ALLOWED = {
    "playwright.sync_api",
    "pythainlp.corpus",
    "pythainlp.util",
    "pythainlp.tokenize",
    "generator.kinds.plan.docx_import",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import of one source file."""
    module = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    inner = {id(n) for f in functions for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in inner) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = absolute(module, node, path.name == "__init__.py")
            found.append((target, node.lineno, id(node) in inner))
            # `from . import x` imports the submodule x
            found += [(f"{target}.{a.name}", node.lineno, id(node) in inner) for a in node.names]
    return found


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def kind_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["generator", "kinds"] else None


def test_the_core_never_imports_a_kind() -> None:
    bad = []
    for path in sources():
        module = module_name(path)
        if kind_of(module) or module in {COMPOSITION_ROOT, "generator.kinds"}:
            continue
        bad += [f"{module}:{line} imports {target}" for target, line, _ in imports_of(path) if kind_of(target)]
    assert bad == []


def test_kinds_never_import_each_other() -> None:
    bad = []
    for path in sources():
        own = kind_of(module_name(path))
        if own is None:
            continue
        for target, line, _ in imports_of(path):
            other = kind_of(target)
            if other is not None and other != own:
                bad.append(f"{module_name(path)}:{line} imports {target}")
            if target == COMPOSITION_ROOT:
                bad.append(f"{module_name(path)}:{line} imports the composition root")
    assert bad == []


def test_no_import_inside_functions_except_heavy_optional_ones() -> None:
    bad = []
    for path in sources():
        for target, line, inside in imports_of(path):
            if inside and target not in LAZY_ALLOWED and not any(target.startswith(f"{m}.") for m in LAZY_ALLOWED):
                bad.append(f"{module_name(path)}:{line} imports {target} inside a function")
    assert bad == []


# Why one interpreter: a fresh one per module cost ~0.25 s each (30 s for the package). Emptying the package from
# sys.modules before each import gives each module a first import of the package as fresh; only third-party
# modules stay loaded, and their order cannot hide a cycle inside the package.
IMPORT_EACH_ALONE = """
import importlib, json, sys, traceback
failures = {}
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "generator" or m.startswith("generator.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except BaseException:
        failures[name] = traceback.format_exc()[-2000:]
print(json.dumps(failures))
"""


@pytest.fixture(scope="module")
def import_failures() -> dict[str, str]:
    names = [module_name(path) for path in sources()]
    result = subprocess.run([sys.executable, "-c", IMPORT_EACH_ALONE, *names], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    failures: dict[str, str] = json.loads(result.stdout.splitlines()[-1])
    return failures


@pytest.mark.parametrize("path", sources(), ids=lambda p: module_name(p))
def test_every_module_imports_on_its_own(path: Path, import_failures: dict[str, str]) -> None:
    """A module imported first, alone: catches import cycles hidden by import order."""
    assert module_name(path) not in import_failures, import_failures.get(module_name(path))


def test_the_site_lists_every_kind_package() -> None:
    from generator.site import KIND_PACKAGES

    packages = sorted(p.name for p in (PACKAGE / "kinds").iterdir() if (p / "__init__.py").is_file())
    assert sorted(KIND_PACKAGES) == packages
