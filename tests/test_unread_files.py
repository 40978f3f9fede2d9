"""Any file under data/ that is not read is a warning or an error, never silence (issue 13, point 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site import load_and_check


def _messages(data: Path) -> list[str]:
    return [p.format() for p in load_and_check(data)[1]]


@pytest.mark.parametrize("name", ["complaints-2567.YML", "plan-2566-2570.Yml", "oit-2566.YAML"])
def test_an_upper_case_yaml_suffix_is_an_error(mini_data: Path, name: str) -> None:
    (mini_data / "units" / "mini" / name).write_text("fiscal_year: 2567\n", encoding="utf-8")
    expected = f"data/units/mini/{name}:1: -: นามสกุลไฟล์ต้องเป็น .yml (ตัวพิมพ์เล็ก)"
    assert any(m.startswith(expected) for m in _messages(mini_data))


@pytest.mark.parametrize("where", ["units/mini/notes.txt", "catalog/old-dimensions.yml.bak", "README.md", "units/mini/sub/x.yml"])
def test_a_file_nobody_reads_is_a_warning(mini_data: Path, where: str) -> None:
    path = mini_data / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x\n", encoding="utf-8")
    expected = f"data/{where}:1: -: คำเตือน: ไฟล์นี้ไม่ได้ถูกอ่าน"
    assert any(m.startswith(expected) for m in _messages(mini_data)), _messages(mini_data)


def test_the_sample_data_reads_every_file(mini_data: Path) -> None:
    assert not [m for m in _messages(mini_data) if "ไม่ได้ถูกอ่าน" in m or "นามสกุลไฟล์" in m]
