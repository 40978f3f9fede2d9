"""The MkDocs plugin: bad data stops `mkdocs build` before site/ is touched; serve watches data/."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.mkdocs_plugin import ThaiPlansPlugin
from tests.conftest import ROOT


def _project(tmp_path: Path, data: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "theme", project / "theme")
    shutil.copytree(data, project / "data")
    return project


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)


def _tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_bad_data_fails_the_build_and_keeps_the_old_site(tmp_path: Path, mini_data: Path) -> None:
    project = _project(tmp_path, mini_data)
    first = _build(project)
    assert first.returncode == 0, first.stderr[-3000:]
    before = _tree_hash(project / "site")
    plan = project / "data/units/mini/plan-2566-2570.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2566: 5000", "2566: -5000"), encoding="utf-8")
    second = _build(project)
    assert second.returncode != 0
    assert "data/units/mini/plan-2566-2570.yml:10: projects[0].budget.2566: ค่า '-5000' ติดลบไม่ได้" in second.stderr
    assert _tree_hash(project / "site") == before


def test_serve_watches_the_data_folder(tmp_path: Path) -> None:
    watched: list[str] = []

    class FakeServer:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin = ThaiPlansPlugin()
    plugin.load_config({"data_dir": "data"})
    plugin.root = tmp_path
    plugin.on_serve(FakeServer(), config=None, builder=None)  # type: ignore[arg-type]
    assert str(tmp_path / "data") in watched


def test_late_strict_failure_keeps_the_old_site(tmp_path: Path, mini_data: Path) -> None:
    project = _project(tmp_path, mini_data)
    assert _build(project).returncode == 0
    before = _tree_hash(project / "site")
    (project / "content/broken.md").write_text("# หน้าเสีย\n\n[ลิงก์](ไม่มีหน้านี้.md)\n", encoding="utf-8")
    result = _build(project)
    assert result.returncode != 0 and "ไม่มีหน้านี้.md" in result.stderr
    assert _tree_hash(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site.")) == [".site.lock"]
