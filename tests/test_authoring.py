"""Authoring commands: `new-round` (next progress round from the previous one) and `new-unit`; the files they
write pass the project's own check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from generator.site import check_site
from tests.conftest import DATA, ROOT

UNIT = "sao-bueng-prue"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def errors(root: Path) -> list[str]:
    return [p.format() for p in check_site(root, ROOT / "theme" / "generator").problems if p.severity == "error"]


def read(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def projects(path: Path) -> dict[str, dict]:
    return {p["project"]: p for p in read(path)["projects"]}


def test_12m_round_carries_cumulative_spending_from_the_6m_round(data: Path) -> None:
    (data / "units" / UNIT / "progress-2567-12m.yml").unlink()
    assert main(["new-round", UNIT, "2567", "12m", "--data", str(data)]) == 0
    new = data / "units" / UNIT / "progress-2567-12m.yml"
    before = projects(data / "units" / UNIT / "progress-2567-6m.yml")
    after = projects(new)
    assert read(new)["report_date"] == "2024-09-30"
    assert {k: (p["status"], p.get("spent")) for k, p in after.items()} == {
        k: (p["status"], p.get("spent")) for k, p in before.items()
    }
    assert errors(data) == []


def test_6m_round_of_a_new_year_resets_spending_and_keeps_status(data: Path) -> None:
    assert main(["new-round", UNIT, "2568", "6m", "--data", str(data)]) == 0
    new = data / "units" / UNIT / "progress-2568-6m.yml"
    before = projects(data / "units" / UNIT / "progress-2567-12m.yml")
    after = projects(new)
    assert read(new)["fiscal_year"] == "2568" and read(new)["report_date"] == "2025-03-31"
    assert {k: p["status"] for k, p in after.items()} == {k: p["status"] for k, p in before.items()}
    assert not any("spent" in p or "milestones" in p or "evidence" in p for p in after.values())
    assert "progress: 100" in new.read_text(encoding="utf-8")  # plain YAML, not '100'
    assert errors(data) == []


def test_new_round_refuses_to_overwrite_a_round(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "units" / UNIT / "progress-2567-12m.yml"
    text = path.read_text(encoding="utf-8")
    assert main(["new-round", UNIT, "2567", "12m", "--data", str(data)]) == 1
    assert "มีไฟล์รอบนี้อยู่แล้ว ไม่เขียนทับ" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([UNIT, "2569", "6m"], "ไม่พบรายงานรอบก่อนหน้า"),
        (["no-such-unit", "2568", "6m"], "ไม่พบหน่วยงานนี้"),
        ([UNIT, "2025", "6m"], "ดูเหมือนเป็นปี ค.ศ."),
    ],
)
def test_new_round_refuses_with_a_thai_message(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["new-round", *args, "--data", str(data)]) == 1
    assert message in capsys.readouterr().err
