"""Golden tests: the generated Markdown of the sample plans is pinned byte for byte.

After an intended change, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff in git.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.site import render_site
from tests.conftest import DATA
from tests.helpers import stable_markdown

GOLDEN = Path(__file__).parent / "golden" / "markdown"
# The plan kind's pages (other kinds pin their own output in their own tests).
PINNED_PARTS = ("/plan/2566-2570/index.md", "/plan/2566-2570/budget/", "/plan/2566-2570/dimensions/", "/plan/2566-2570/projects/")


def _pinned(files: dict[str, str]) -> dict[str, str]:
    return {path: stable_markdown(text) for path, text in files.items() if any(part in "/" + path for part in PINNED_PARTS)}



@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return _pinned(render_site(DATA).files)


def test_golden_markdown(rendered: dict[str, str]) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in rendered.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(rendered) == sorted(expected)
    for path, text in rendered.items():
        assert text == expected[path], f"{path} differs from its golden copy (UPDATE_GOLDEN=1 to accept)"


def test_every_card_has_a_page(rendered: dict[str, str]) -> None:
    cards = [p for p in rendered if "/projects/" in p]
    by_unit = {unit: sum(1 for p in cards if p.startswith(unit + "/")) for unit in
               ("sao-bueng-prue", "bma-district-suan-luang", "bma-finance-department")}
    assert by_unit == {"sao-bueng-prue": 18, "bma-district-suan-luang": 22, "bma-finance-department": 10}
