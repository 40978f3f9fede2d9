"""The three phases' contracts: `check` reports every problem a later phase could find, exactly as the build.

A private official's name slipped into a published text is found by the privacy guard, which reads the
rendered pages and downloads; `python -m generator check` (what the PR workflow runs) must fail on it with
the same `file:line` as `mkdocs build`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import check_site
from tests.conftest import ROOT

ITA = "data/units/bma-district-suan-luang/ita-2565.yml"
PRIVATE_PERSON = "- name: นางวรางคณา สท้านวัตร์"  # the first person entry of that spelling (no publish: true)
RESULT = "สำนักงานเขตสวนหลวง โดยฝ่ายปกครองได้ดำเนินการประชาสัมพันธ์ช่องทาง"
PROBLEM_LINE = re.compile(r"^(?:  )?(data/[^:]+:\d+: [^:]+: .*)$", re.MULTILINE)


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    for name in ("content", "theme", "data"):
        shutil.copytree(ROOT / name, project / name)
    return project


def _private_line() -> int:
    """Line of the first private person entry, read from the data so edits above it do not break the test."""
    lines = (ROOT / ITA).read_text(encoding="utf-8").splitlines()
    return next(no for no, line in enumerate(lines, 1) if line.strip() == PRIVATE_PERSON)


def _leak_private_name(project: Path) -> None:
    path = project / ITA
    text = path.read_text(encoding="utf-8")
    assert RESULT in text
    path.write_text(text.replace(RESULT, "ติดต่อคุณวรางคณา สท้านวัตร์ " + RESULT, 1), encoding="utf-8")


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=False)


def _errors(output: str) -> set[str]:
    return {line for line in PROBLEM_LINE.findall(output) if "คำเตือน:" not in line}


@pytest.mark.slow
def test_check_fails_on_a_private_name_with_the_same_message_as_the_build(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _leak_private_name(project)
    check = _run(project, "-m", "generator", "check", "data")
    build = _run(project, "-m", "mkdocs", "build", "--strict")
    assert check.returncode == 1 and build.returncode != 0
    expected = f"{ITA}:{_private_line()}: "
    assert any(line.startswith(expected) and "publish: false" in line for line in _errors(check.stderr)), check.stderr
    assert _errors(check.stderr) == _errors(build.stderr)
    assert not (project / "site").exists()


def test_the_privacy_problem_is_a_check_problem(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _leak_private_name(project)
    checked = check_site(project / "data")
    leaks = [p for p in checked.errors if p.path == ITA and p.line == _private_line()]
    assert leaks and checked.site is not None


def test_errors_are_listed_before_warnings(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _leak_private_name(project)
    lines = [line for line in _run(project, "-m", "generator", "check", "data").stderr.splitlines() if ": " in line]
    kinds = ["warning" if "คำเตือน:" in line else "error" for line in lines if line.startswith("data/")]
    assert kinds == sorted(kinds)  # every error, then every warning
