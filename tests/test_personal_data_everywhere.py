"""The one personal-data detector runs over every published text field of every kind (issue 13, point 4).

Each variant (a Thai name after a title, a phone in several formats, a national ID with a valid checksum, in Thai,
Arabic or full-width digits, disguised with invisible characters) is written into the free-text fields of every
kind's sample file at once; `check` must report an error at every one of those lines, and build nothing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.site import check_site
from tests.conftest import ROOT

# Free-text fields, by kind, as they appear in the sample data (value starting with Thai text).
FREE_TEXT = {
    "plan": ("text", "responsible", "remarks", "process"),
    "ita": ("text",),
    "oit": ("missing", "note"),
    "progress": ("change_note", "cancel_reason"),
    "complaints": ("detail", "scope"),
    "unit.yml": ("description",),
}
VARIANTS = {
    "name": "ติดต่อนางสาวไพลิน ทองดี ",
    "rank name": "ประสานงานโดย ร.ต.อ.เอกชัย ใจงาม ",
    "phone": "โทร (02) 123 4567 ต่อ 12 ",
    "thai-digit phone": "โทร ๐๘๑-๒๓๔-๕๖๗๘ ",
    "full-width phone": "โทร ０２/１２３/４５６７ ",
    "id": "เลขประจำตัว 1 1017 00203 52 2 ",
    "invisible name": "ติดต่อนาย\u200bกฤษดา\u200d มั่นคง ",
}
LINE = re.compile(r'^(\s*(?:- )?([a-z_]+):\s+"?)([\u0e00-\u0e7f])', re.MULTILINE)


def _kind(path: Path) -> str:
    return "unit.yml" if path.name == "unit.yml" else path.name.split("-")[0]


def _inject(data: Path, payload: str) -> dict[str, set[int]]:
    """Put `payload` at the start of every free-text value; return the changed lines per file."""
    changed: dict[str, set[int]] = {}
    for path in sorted((data / "units").glob("*/*.yml")):
        fields = FREE_TEXT.get(_kind(path), ())
        text = path.read_text(encoding="utf-8")
        lines: set[int] = set()

        def put(match: re.Match[str], fields: tuple[str, ...] = fields, text: str = text, lines: set[int] = lines) -> str:
            if match.group(2) not in fields:
                return match.group(0)
            lines.add(text.count("\n", 0, match.start()) + 1)
            return match.group(1) + payload + match.group(3)

        path.write_text(LINE.sub(put, text), encoding="utf-8")
        if lines:
            changed[f"data/units/{path.parent.name}/{path.name}"] = lines
    return changed


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("pii") / "data"
    shutil.copytree(ROOT / "data", data)
    return data


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_free_text_field_of_every_kind_is_checked(tmp_path: Path, pristine: Path, variant: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(pristine, data)
    changed = _inject(data, VARIANTS[variant])
    assert {_kind(Path(p)) for p in changed} == set(FREE_TEXT)  # every kind got the payload somewhere
    checked = check_site(data)
    reported = {(p.path, p.line) for p in checked.errors if "hint: personal data" in p.message or "hint: aggregates only" in p.message}
    missing = sorted((path, line) for path, lines in changed.items() for line in lines if (path, line) not in reported)
    assert missing == [], f"{variant}: not reported at {missing[:10]} (of {sum(map(len, changed.values()))})"
    assert checked.site is None


def test_the_shipped_data_has_no_finding() -> None:
    checked = check_site(ROOT / "data")
    assert [p.format() for p in checked.errors] == []
