"""`make preview` (`mkdocs serve --dirty`): after a save only changed pages are rebuilt, yet the preview ends up
byte-identical to a full build of the same data (titles of pages not re-read, the search index, the home page)."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.mkdocs_plugin import PREVIEW_FULL_COLLECT_EVERY, build_then_freeze, freeze_preview_state
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
    gc.unfreeze()  # a one-shot in-process build of an earlier test may have frozen its own data
    build_then_freeze(lambda: _dirty_build(project, preview))()  # as `mkdocs serve` runs it (on_serve)
    # Why: what a preview build leaves is its state; the next save's collections must not walk it again
    assert gc.get_freeze_count() > 0, "a preview build should leave its state frozen for the collector"
    gc.unfreeze()
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


class Node:
    """An object the tests put in a reference cycle (which only the collector can free)."""


def test_frozen_preview_state_that_dies_in_a_cycle_is_freed_by_the_periodic_thaw() -> None:
    try:
        node = Node()
        node.self = node  # type: ignore[attr-defined]  # a cycle: only the collector can free it
        alive = weakref.ref(node)
        freeze_preview_state(1)
        del node
        freeze_preview_state(2)
        assert alive() is not None  # frozen: ordinary builds do not walk it
        freeze_preview_state(PREVIEW_FULL_COLLECT_EVERY)
        assert alive() is None
    finally:
        gc.unfreeze()


def test_what_a_preview_build_leaves_as_garbage_is_collected_not_frozen() -> None:
    """MkDocs' pages and navigation of a build point at each other; once the build returns they are garbage, and
    freezing them would keep every page's HTML until the next thaw (a full `make serve` build: all of them)."""
    kept = Node()
    dropped: list[weakref.ref[Node]] = []

    def build() -> None:
        transient = Node()
        transient.self = transient  # type: ignore[attr-defined]  # a cycle, like Page.parent ↔ Section.children
        transient.state = kept  # type: ignore[attr-defined]
        dropped.append(weakref.ref(transient))

    try:
        gc.unfreeze()
        builder = build_then_freeze(build)
        builder()
        builder()
        assert [ref() for ref in dropped] == [None, None]
        assert gc.get_freeze_count() > 0  # what the preview keeps is frozen
    finally:
        gc.unfreeze()
