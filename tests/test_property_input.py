"""Property-based: random YAML and random mutations of the sample data never crash the checker or renderer.

`load_and_check` must return problems (never raise), `render_site` may only raise DataError, and every
problem must point at a line that exists in the file it names.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loader import Loc, load_yaml
from generator.problems import DataError, Problem
from generator.site import load_and_check, render_site

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
YAML_ALPHABET = list(":-[]{}&*!|>'\"#,?%@`\t\n ") + list("ab1๒กขิ่\\") + ["\r\n", "  ", "- ", ": ", "---", "..."]


def assert_lines_exist(data: Path, problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.line >= 1, problem.format()
        path = data.parent / problem.path
        if path.is_file() and not path.is_symlink():
            raw = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            assert problem.line <= raw.count(b"\n") + 1, problem.format()
        else:
            assert problem.line == 1, problem.format()


def check_everything(data: Path) -> list[Problem]:
    """The properties: checking never raises; rendering raises DataError only; lines exist."""
    _, problems = load_and_check(data)
    assert_lines_exist(data, problems)
    if not [p for p in problems if p.severity == "error"]:
        try:
            render_site(data)
        except DataError as exc:
            assert_lines_exist(data, exc.problems)
    return problems


# --- random YAML documents -------------------------------------------------------------------------------

scalars = st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["2566", "๒๕๖๖", "1.1", "-", "true", "~", ""]))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(["id", "name", "title", "period", "projects", "start", "x"]), children, max_size=4
        ),
    ),
    max_leaves=25,
)


@SETTINGS
@given(text=st.lists(st.sampled_from(YAML_ALPHABET), max_size=80).map("".join))
def test_random_yaml_text_never_crashes(mini_data: Path, text: str) -> None:
    (mini_data / "units" / "mini" / "plan-2566-2570.yml").write_text(text, encoding="utf-8")
    check_everything(mini_data)


@SETTINGS
@given(tree=trees)
def test_random_yaml_documents_never_crash(mini_data: Path, tree: Any) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    (mini_data / "units" / "mini" / "plan-2566-2570.yml").write_text(text, encoding="utf-8")
    check_everything(mini_data)


# --- random mutations of the sample data -----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogues and one full sample unit (every document kind it has)."""
    data = tmp_path_factory.mktemp("mutate") / "data"
    shutil.copytree(ROOT / "data" / "catalog", data / "catalog")
    shutil.copytree(ROOT / "data" / "units" / "sao-bueng-prue", data / "units" / "sao-bueng-prue")
    return data


def _locs(value: Any, loc: Loc = ()) -> list[Loc]:
    found = [loc]
    if isinstance(value, dict):
        found += [sub for key, child in value.items() for sub in _locs(child, (*loc, key))]
    elif isinstance(value, list):
        found += [sub for i, child in enumerate(value) for sub in _locs(child, (*loc, i))]
    return found


def _parent(tree: Any, loc: Loc) -> Any:
    for part in loc[:-1]:
        tree = tree[part]
    return tree


JUNK = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=5), scalars, max_size=3))


def mutate(tree: Any, data: st.DataObject) -> Any:
    """Apply one random edit a clerk (or an attacker) could make to a loaded document."""
    loc = data.draw(st.sampled_from(_locs(tree)[1:] or [()]))
    operation = data.draw(st.sampled_from(["delete", "replace", "insert", "scalar"]))
    if not loc:
        return data.draw(JUNK)
    parent = _parent(tree, loc)
    if operation == "delete":
        del parent[loc[-1]]
    elif operation == "replace":
        parent[loc[-1]] = data.draw(JUNK)
    elif operation == "insert" and isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=8))] = data.draw(JUNK)
    elif operation == "insert":
        parent.insert(loc[-1], data.draw(JUNK))
    else:
        parent[loc[-1]] = data.draw(st.text(max_size=30))
    return tree


@SETTINGS
@given(data=st.data())
def test_mutated_sample_documents_never_crash(sample_copy: Path, data: st.DataObject) -> None:
    files = sorted((sample_copy / "units" / "sao-bueng-prue").glob("*.yml"))
    path = data.draw(st.sampled_from(files), label="file")
    original = path.read_bytes()
    try:
        tree = load_yaml(path, path.name).data
        for _ in range(data.draw(st.integers(1, 3), label="edits")):
            tree = mutate(tree, data)
        text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
        if data.draw(st.booleans(), label="duplicate a key"):
            lines = text.splitlines()
            keyed = [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("-")]
            if keyed:
                i = data.draw(st.sampled_from(keyed))
                lines.insert(i + 1, lines[i])
                text = "\n".join(lines) + "\n"
        path.write_text(text, encoding="utf-8")
        check_everything(sample_copy)
    finally:
        path.write_bytes(original)


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_mutations_of_every_sample_file_kind_are_reported_not_raised(sample_copy: Path, data: st.DataObject) -> None:
    """Type changes on the catalogue files too (they feed every page)."""
    files = sorted((sample_copy / "catalog").rglob("*.yml"))
    path = data.draw(st.sampled_from(files), label="file")
    original = path.read_bytes()
    try:
        tree = mutate(load_yaml(path, path.name).data, data)
        path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")
        check_everything(sample_copy)
    finally:
        path.write_bytes(original)
