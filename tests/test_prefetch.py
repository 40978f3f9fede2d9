"""The parse prefetch (generator.loader.prefetch_yaml): a cold load parses half its files in a forked child.

It only warms the parse cache, so a load with it must report exactly what a load without it reports, bad files
included, and it must never read what the load itself refuses to read (a symlink out of the data folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.synthetic import make_synthetic_data
from generator import loader
from generator.site import load_and_check


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = make_synthetic_data(tmp_path, 12)
    bad = root / "units" / "synthetic-0003" / "plan-2566-2570.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("projects:", "projects: [", 1), encoding="utf-8")
    (root / "units" / "synthetic-0004" / "unit.yml").write_text("id: [", encoding="utf-8")
    return root


def _load(root: Path, prefetch: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    loader._PARSED.clear()
    monkeypatch.setattr(loader, "PREFETCH_MIN", 32 if prefetch else 10**9)
    dataset, problems = load_and_check(root)
    return sorted(dataset.units), [problem.format() for problem in problems]


def test_a_prefetched_load_reports_what_a_plain_load_reports(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(list(data.rglob("*.yml"))) >= 32
    plain = _load(data, False, monkeypatch)
    assert any("synthetic-0003/plan-2566-2570.yml" in p for p in plain[1])  # the broken files are reported
    assert any("synthetic-0004/unit.yml" in p for p in plain[1])
    assert _load(data, True, monkeypatch) == plain


def test_the_prefetch_fills_the_parse_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loader._PARSED.clear()
    monkeypatch.setattr(loader, "PREFETCH_MIN", 32)
    files = [(path, path.relative_to(data.parent).as_posix()) for path in sorted(data.rglob("*.yml"))]
    loader.prefetch_yaml(files)
    parsed = {shown for shown, _ in loader._PARSED}
    assert len(parsed) == len(files) - 2  # all but the two broken files
    assert "data/units/synthetic-0003/plan-2566-2570.yml" not in parsed


def test_a_symlink_out_of_the_data_folder_is_not_prefetched(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "outside.yml"
    secret.write_text("secret: ความลับนอกโฟลเดอร์ข้อมูล\n", encoding="utf-8")
    (data / "units" / "synthetic-0001" / "progress-2567-6m.yml").symlink_to(secret)
    loader._PARSED.clear()
    monkeypatch.setattr(loader, "PREFETCH_MIN", 32)
    _, problems = load_and_check(data)
    assert any("symlink" in problem.message for problem in problems)
    assert all(doc.data != {"secret": "ความลับนอกโฟลเดอร์ข้อมูล"} for doc in loader._PARSED.values())
