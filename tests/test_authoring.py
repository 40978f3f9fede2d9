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


NEW_UNIT = ["new-unit", "--id", "sao-nong-khai", "--name", "องค์การบริหารส่วนตำบลหนองไข่", "--type", "sao"]


def test_new_unit_writes_a_unit_that_passes_check(data: Path) -> None:
    args = [*NEW_UNIT, "--province", "จังหวัดนครราชสีมา", "--numerals", "thai", "--data", str(data)]
    assert main(args) == 0
    unit = read(data / "units" / "sao-nong-khai" / "unit.yml")
    assert unit == {
        "id": "sao-nong-khai",
        "name": "องค์การบริหารส่วนตำบลหนองไข่",
        "type": "sao",
        "province": "จังหวัดนครราชสีมา",
        "numerals": "thai",
    }
    assert errors(data) == []


def test_new_unit_with_a_parent(data: Path) -> None:
    args = ["new-unit", "--id", "bma-district-test", "--name", "สำนักงานเขตทดสอบ", "--type", "bma_district_office"]
    assert main([*args, "--parent", "bma", "--data", str(data)]) == 0
    assert read(data / "units" / "bma-district-test" / "unit.yml")["parent"] == "bma"
    assert errors(data) == []


def test_plan_outline_becomes_a_valid_plan_once_it_has_a_project(data: Path) -> None:
    assert main([*NEW_UNIT, "--plan", "2568", "--data", str(data)]) == 0
    outline = data.parent / "drafts" / "sao-nong-khai" / "plan-2568-2572.yml"
    text = outline.read_text(encoding="utf-8")
    project = "\n  - id: ethics-training\n    mission: '1.1'\n    name: โครงการอบรมคุณธรรม\n    budget:\n      2568: 0\n"
    (data / "units" / "sao-nong-khai" / outline.name).write_text(text + project, encoding="utf-8")
    assert [e for e in errors(data) if "sao-nong-khai" in e] == []


@pytest.mark.parametrize(
    ("args", "messages"),
    [
        (["--id", UNIT, "--name", "ซ้ำ", "--type", "sao"], ["id: มีหน่วยงานรหัส 'sao-bueng-prue' อยู่แล้ว"]),
        (["--id", "Sao Test", "--name", "x", "--type", "sao"], ["id: รหัสต้องเป็นอักษรอังกฤษตัวเล็ก"]),
        (
            ["--id", "sao-x", "--type", "tambon", "--parent", "nope"],
            ["name: ต้องระบุ (--name)", "type: ประเภทหน่วยงานต้องเป็นหนึ่งใน", "parent: ไม่พบหน่วยงานต้นสังกัดรหัส 'nope'"],
        ),
    ],
)
def test_new_unit_refuses_with_every_problem_in_thai(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], messages: list[str]
) -> None:
    before = sorted(p.name for p in (data / "units").iterdir())
    assert main(["new-unit", *args, "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert all(m in err for m in messages), err
    assert sorted(p.name for p in (data / "units").iterdir()) == before


def test_new_unit_asks_for_what_flags_leave_out(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import authoring

    answers = iter(["sao-asked", "องค์การบริหารส่วนตำบลถาม", "sao", "", "", ""])
    monkeypatch.setattr(authoring.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["new-unit", "--data", str(data)]) == 0
    assert read(data / "units" / "sao-asked" / "unit.yml")["name"] == "องค์การบริหารส่วนตำบลถาม"
