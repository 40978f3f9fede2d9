"""Hostile file names and messages cannot forge CI annotations or reach a terminal raw."""

from __future__ import annotations

import re

import pytest

from generator.problems import Problem, visible

HOSTILE = [
    "data/units/x\n::error file=evil.yml,line=1::forged.yml",
    "data/units/x\r\n::stop-commands::token\n.yml",
    "data/units/\x1b[2J\x1b]0;owned\x07.yml",
    "data/units/a,line=99::b%0A::error::c.yml",
    "data/units/\u202eLMY.exe\u2066\u200b.yml",
    "data/units/nul\x00\x85\x9b.yml",
]
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("severity", ["error", "warning"])
def test_plain_format_has_no_raw_control_characters(hostile: str, severity: str) -> None:
    problem = Problem(hostile, 3, f"field{hostile}", f"ข้อความ {hostile}", severity)  # type: ignore[arg-type]
    text = problem.format()
    assert not CONTROL.search(text), repr(text)
    assert "\n" not in text and "\x1b" not in text
    assert text.startswith(visible(hostile) + ":3: ")


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("severity", ["error", "warning"])
def test_github_format_is_one_command_with_escaped_properties(hostile: str, severity: str) -> None:
    problem = Problem(hostile, 7, f"field{hostile}", f"ข้อความ {hostile}", severity)  # type: ignore[arg-type]
    text = problem.format_github()
    assert not CONTROL.search(text), repr(text)
    head, sep, message = text.partition("::")[2].partition("::")
    assert sep == "::"
    level, _, properties = head.partition(" ")
    assert level == severity
    # Properties: exactly file= and line=, no ':' or ',' from the data can add or end one.
    assert [p.split("=", 1)[0] for p in properties.split(",")] == ["file", "line"]
    assert properties.endswith(",line=7")
    assert "::stop-commands::" not in properties
    assert "%0A" not in message or "\n" not in message


def test_github_escapes_follow_the_workflow_command_rules() -> None:
    problem = Problem("a:b,c%d.yml", 1, "f", "100% done\nnext")
    assert problem.format_github() == "::error file=a%3Ab%2Cc%25d.yml,line=1::f: 100%25 done\\nnext"


def test_visible_names_common_controls_and_keeps_thai() -> None:
    assert visible("ก\n\r\t\x1b\x00\u202eข้ำ") == "ก\\n\\r\\t\\x1b\\x00\\u202eข้ำ"
