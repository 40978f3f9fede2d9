"""Problems found in the data: one type, one format (`file:line: field: message`) everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        prefix = "" if self.severity == "error" else "คำเตือน: "
        return f"{self.path}:{self.line}: {self.field or '-'}: {prefix}{self.message}"

    def format_github(self) -> str:
        level = "error" if self.severity == "error" else "warning"
        message = f"{self.field}: {self.message}".replace("%", "%25").replace("\r", "").replace("\n", "%0A")
        return f"::{level} file={self.path},line={self.line}::{message}"


class DataError(Exception):
    """Raised when the data has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
