"""scripts/site_snapshot.py: the byte-identity proof for refactors finds every changed page and download."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SPEC = importlib.util.spec_from_file_location("site_snapshot", ROOT / "scripts" / "site_snapshot.py")
assert SPEC is not None and SPEC.loader is not None
snapshot = importlib.util.module_from_spec(SPEC)
sys.modules["site_snapshot"] = snapshot
SPEC.loader.exec_module(snapshot)


def _take(data: Path, out: Path, *extra: str) -> int:
    return int(snapshot.main([str(out), "--data", str(data), "--quiet", *extra]))


def test_same_data_gives_identical_snapshots(mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _take(mini_data, tmp_path / "before") == 0
    assert _take(mini_data, tmp_path / "after", "--compare", str(tmp_path / "before")) == 0
    out = capsys.readouterr()
    assert " 0 changed, 0 added, 0 removed" in out.out
    manifest = (tmp_path / "after" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert any(line.endswith("  mini/plan/2566-2570/index.md") for line in manifest)
    assert any(line.endswith(".xlsx") for line in manifest) and any(line.endswith(".csv") for line in manifest)


def test_a_changed_value_shows_in_pages_and_downloads(mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _take(mini_data, tmp_path / "before") == 0
    plan = mini_data / "units" / "mini" / "plan-2566-2570.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2566: 5000", "2566: 6000"), encoding="utf-8")
    capsys.readouterr()
    assert _take(mini_data, tmp_path / "after", "--compare", str(tmp_path / "before")) == 1
    changed = [line.removeprefix("changed: ") for line in capsys.readouterr().out.splitlines() if line.startswith("changed: ")]
    assert "mini/plan/2566-2570/budget/index.md" in changed
    assert {Path(p).suffix for p in changed} >= {".md", ".csv", ".json", ".xlsx", ".zip"}


def test_bad_data_lists_problems_without_traceback(mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_data / "units" / "mini" / "unit.yml").write_text("id: mini\nid: again\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        _take(mini_data, tmp_path / "out")
    assert exit_info.value.code == 2
    assert "data/units/mini/unit.yml:2:" in capsys.readouterr().err
