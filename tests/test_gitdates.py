"""'ปรับปรุงล่าสุด': the last commit that changed a page's source file, with graceful fallbacks."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import gitdates
from generator.site import render_site
from tests.conftest import DATA

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(repo: Path, *args: str, date: str = "2024-01-15T10:00:00+07:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path, mini_data: Path) -> Path:
    """The mini data set as a git repository: unit.yml committed in January, the plan changed in May 2024."""
    project = mini_data.parent
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first")
    plan = mini_data / "units" / "mini" / "plan-2566-2570.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("โครงการแรก", "โครงการแรก (แก้ไข)"), encoding="utf-8")
    git(project, "commit", "-q", "-am", "edit plan", date="2024-05-02T09:00:00+07:00")
    gitdates.clear_cache()
    yield project
    gitdates.clear_cache()


def test_last_commit_date_per_file_and_folder(repo: Path):
    units = repo / "data" / "units" / "mini"
    assert gitdates.last_changed(units / "unit.yml") == dt.date(2024, 1, 15)
    assert gitdates.last_changed(units / "plan-2566-2570.yml") == dt.date(2024, 5, 2)
    assert gitdates.last_changed(units) == dt.date(2024, 5, 2)
    assert gitdates.latest([units / "unit.yml", units / "plan-2566-2570.yml"]) == dt.date(2024, 5, 2)


def test_untracked_file_falls_back_to_mtime_clamped_by_source_date_epoch(repo: Path, monkeypatch):
    new = repo / "data" / "units" / "mini" / "new.yml"
    new.write_text("x: y\n", encoding="utf-8")
    os.utime(new, (1_800_000_000, 1_800_000_000))  # 2027-01-15
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert gitdates.last_changed(new) == dt.date(2027, 1, 15)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    assert gitdates.last_changed(new) == dt.date(2023, 11, 14)


def test_outside_git_and_missing_files(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never find an enclosing repository
    plain = tmp_path / "plain.yml"
    plain.write_text("a: b\n", encoding="utf-8")
    os.utime(plain, (1_700_000_000, 1_700_000_000))
    gitdates.clear_cache()
    assert gitdates.last_changed(plain) == dt.date(2023, 11, 14)
    assert gitdates.last_changed(tmp_path / "missing.yml") is None
    assert gitdates.latest([tmp_path / "missing.yml"]) is None


def test_pages_show_the_date_of_their_own_source(repo: Path):
    files = render_site(repo / "data").files
    assert '<time datetime="2024-05-02">2 พฤษภาคม 2567</time>' in files["mini/plan/2566-2570/index.md"]
    assert '<time datetime="2024-01-15">15 มกราคม 2567</time>' in files["mini/index.md"]
    # the open-data page covers every file of the unit: the newest date wins
    assert "วันที่ปรับปรุงข้อมูลล่าสุด | 2 พฤษภาคม 2567" in files["mini/opendata/index.md"]


def test_thai_numerals_units_get_thai_digits(repo: Path):
    unit = repo / "data" / "units" / "mini" / "unit.yml"
    unit.write_text(unit.read_text(encoding="utf-8") + "numerals: thai\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "thai digits", date="2024-06-03T09:00:00+07:00")
    gitdates.clear_cache()
    page = render_site(repo / "data").files["mini/index.md"]
    assert '<time datetime="2024-06-03">๓ มิถุนายน ๒๕๖๗</time>' in page


def test_every_generated_page_with_a_source_shows_the_line(built_site: Path):
    from generator.pages import build_pages
    from generator.site import load_checked

    data, warnings = load_checked(DATA)
    specs = [s for s in build_pages(data, warnings) if s.source or s.context.get("updated_from")]
    assert len(specs) > 50
    for spec in specs:
        html = (built_site / spec.path.removesuffix("index.md") / "index.html").read_text(encoding="utf-8")
        assert 'class="page-updated">ปรับปรุงล่าสุด <time datetime="' in html, spec.path
