"""Problems found in the data: one type, one format (`file:line: field: message`) everywhere.

Every interpolated value comes from the data (file names, keys, quoted values), so both formats escape it:
control and direction characters are shown as `\\n`, `\\x1b`, `\\u202e` (a file name cannot move the cursor,
colour the terminal or start a new line), and the GitHub format escapes per the workflow-command rules so no
value can forge or end an annotation (`::error …::`, `::stop-commands::`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# C0/C1 controls, DEL, and the invisible/direction marks that reorder or hide what a terminal shows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\x1b"}
# https://docs.github.com/actions/reference/workflow-commands-for-github-actions (toolkit's escapeData/escapeProperty)
_GITHUB_DATA = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_GITHUB_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def visible(text: str) -> str:
    """`text` with every control, invisible and direction character written as an escape."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        prefix = "" if self.severity == "error" else "คำเตือน: "
        return f"{visible(self.path)}:{self.line}: {visible(self.field or '-')}: {prefix}{visible(self.message)}"

    def format_github(self) -> str:
        level = "error" if self.severity == "error" else "warning"
        path = visible(self.path).translate(_GITHUB_PROPERTY)
        message = visible(f"{self.field}: {self.message}").translate(_GITHUB_DATA)
        return f"::{level} file={path},line={self.line}::{message}"


class DataError(Exception):
    """Raised when the data has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
