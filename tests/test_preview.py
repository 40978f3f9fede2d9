"""`make preview` (`mkdocs serve --dirty`): after a save only changed pages are rebuilt, yet the preview ends up
byte-identical to a full build of the same data (titles of pages not re-read, the search index, the home page)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import ROOT

SERVE_URL = "http://127.0.0.1:8000/"
OLD = "องค์การบริหารส่วนตำบลบึงปรือได้จัดทำแผนปฏิบัติการ"


def _dirty_build(project: Path, site: Path) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url=SERVE_URL, dirty=True)


@pytest.mark.slow
def test_a_dirty_preview_rebuilds_one_page_and_matches_a_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("content", "theme", "data"):
        shutil.copytree(ROOT / name, project / name)
    monkeypatch.chdir(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    preview = tmp_path / "preview"
    _dirty_build(project, preview)
    untouched = preview / "sao-bueng-prue" / "index.html"
    before = untouched.stat().st_mtime_ns
    plan = project / "data/units/sao-bueng-prue/plan-2566-2570.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(OLD, "ข้อความใหม่" + OLD, 1), encoding="utf-8")
    _dirty_build(project, preview)
    assert "ข้อความใหม่" in (preview / "sao-bueng-prue/plan/2566-2570/index.html").read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == before  # an unchanged page is not written again
    full = tmp_path / "full"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(full)]
    subprocess.run(cmd, cwd=project, env=env, check=True, capture_output=True)
    differ = subprocess.run(["diff", "-rq", str(preview), str(full)], capture_output=True, text=True, check=False)
    assert differ.stdout == ""
