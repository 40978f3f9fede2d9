"""Atomic output: a failed `check`, `render` or `mkdocs build` leaves the previous output exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.__main__ import main
from tests.test_security_injection import mkdocs_build, write_config

ROOT = Path(__file__).resolve().parent.parent


def tree_hash(root: Path) -> str:
    """One hash over every path (files and folders) and file content below `root`."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _break(data: Path) -> None:
    plan = data / "units" / "mini" / "plan-2566-2570.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('mission: "2.1"', 'mission: "9.9"'), encoding="utf-8")


@pytest.fixture
def rendered(mini_data: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    assert main(["render", "--data", str(mini_data), "--out", str(out)]) == 0
    (out / "extra-note.txt").write_text("ไฟล์ที่มีอยู่ก่อน\n", encoding="utf-8")
    return out


def test_failed_check_leaves_output_alone(mini_data: Path, rendered: Path) -> None:
    before = tree_hash(rendered)
    _break(mini_data)
    assert main(["check", str(mini_data)]) == 1
    assert tree_hash(rendered) == before


def test_failed_render_leaves_output_alone(mini_data: Path, rendered: Path) -> None:
    before = tree_hash(rendered)
    _break(mini_data)
    assert main(["render", "--data", str(mini_data), "--out", str(rendered)]) == 1
    assert tree_hash(rendered) == before


def test_render_failing_while_writing_leaves_output_alone(
    mini_data: Path, rendered: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree_hash(rendered)
    written: list[Path] = []
    original = Path.write_bytes

    def failing_write(self: Path, data: bytes) -> int:
        written.append(self)
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    assert main(["render", "--data", str(mini_data), "--out", str(rendered)]) == 1  # Thai message, no traceback
    monkeypatch.undo()
    assert tree_hash(rendered) == before
    assert sorted(p.name for p in rendered.parent.iterdir() if p.name.startswith(".out")) == [".out.lock"]


@pytest.mark.slow
def test_failed_mkdocs_build_leaves_site_dir_alone(mini_data: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>เว็บไซต์ฉบับก่อน</p>\n", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "old.css").write_text("body{}\n", encoding="utf-8")
    before = tree_hash(site)
    _break(mini_data)
    result = mkdocs_build(write_config(tmp_path, mini_data), site)
    assert result.returncode != 0
    assert "รูปแบบของ '9.9' ไม่ถูกต้อง" in result.stderr and "Traceback" not in result.stderr
    assert tree_hash(site) == before


@pytest.mark.slow
def test_privacy_failure_in_mkdocs_build_leaves_site_dir_alone(tmp_path: Path) -> None:
    """The privacy guard runs before MkDocs cleans site_dir, like every data check."""
    from generator.dataset import load_dataset
    from generator.privacy import iter_loaded, iter_persons
    from generator.site import KINDS

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    private = next(p for ld in iter_loaded(load_dataset(data, KINDS)) for _, p in iter_persons(ld.model) if not p.publish)
    plan = data / "units" / "sao-bueng-prue" / "plan-2566-2570.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\ntitle: ", f"\ntitle: ติดต่อ {private.name} ", 1), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>ก่อน</p>\n", encoding="utf-8")
    before = tree_hash(site)
    result = mkdocs_build(write_config(tmp_path, data), site)
    assert result.returncode != 0
    # The detector finds the name in the text (check phase) before the output guard would; either stops the build.
    assert ("publish: false" in result.stderr or "hint: personal data" in result.stderr) and "Traceback" not in result.stderr
    assert tree_hash(site) == before
