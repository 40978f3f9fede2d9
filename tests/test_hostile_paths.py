"""Paths: ids, file names, folders and links from the data never address anything outside data/ or the output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.publish import write_tree_atomically
from generator.render import check_output_path
from generator.site import load_and_check
from tests.helpers import MINI_PLAN, MINI_UNIT

PLAN = "data/units/mini/plan-2566-2570.yml"


def _errors(data: Path) -> list[str]:
    _, problems = load_and_check(data)
    return [p.format() for p in problems if p.severity == "error"]


def test_symlinked_data_file_is_refused(mini_data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text(MINI_PLAN, encoding="utf-8")
    plan = mini_data / "units" / "mini" / "plan-2566-2570.yml"
    plan.unlink()
    plan.symlink_to(outside)
    assert _errors(mini_data) == [f"{PLAN}:1: -: ไม่อนุญาตให้ใช้ลิงก์สัญลักษณ์ (symlink) ในโฟลเดอร์ข้อมูล"]


def test_symlinked_unit_folder_is_refused(mini_data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    (mini_data / "units" / "mini").rename(outside)
    (mini_data / "units" / "mini").symlink_to(outside, target_is_directory=True)
    assert _errors(mini_data) == ["data/units/mini:1: -: ในโฟลเดอร์ units ต้องมีเฉพาะโฟลเดอร์ของหน่วยงาน"]


@pytest.mark.parametrize("folder", ["catalog", "units"])
def test_files_reached_through_a_symlinked_folder_are_refused(mini_data: Path, tmp_path: Path, folder: str) -> None:
    outside = tmp_path / f"outside-{folder}"
    (mini_data / folder).rename(outside)
    (mini_data / folder).symlink_to(outside, target_is_directory=True)
    errors = _errors(mini_data)
    assert errors and all("อยู่นอกโฟลเดอร์ข้อมูล" in e or "ไม่พบไฟล์ที่จำเป็น" in e for e in errors), errors
    assert any("อยู่นอกโฟลเดอร์ข้อมูล" in e for e in errors)


@pytest.mark.parametrize(
    ("project_id", "fragment"),
    [
        ("../../../etc/passwd", "รหัสต้องเป็นอักษรอังกฤษตัวเล็ก"),
        ("/etc/passwd", "รหัสต้องเป็นอักษรอังกฤษตัวเล็ก"),
        ("a/b", "รหัสต้องเป็นอักษรอังกฤษตัวเล็ก"),
        ("..", "รหัสต้องเป็นอักษรอังกฤษตัวเล็ก"),
        ("C:\\\\Windows", "รหัสต้องเป็นอักษรอังกฤษตัวเล็ก"),
        ("con", "ชื่อสงวนของระบบ Windows"),
        ("aux", "ชื่อสงวนของระบบ Windows"),
        ("lpt1", "ชื่อสงวนของระบบ Windows"),
        ("x\\0y", "อักขระควบคุม"),
    ],
)
def test_project_ids_cannot_name_paths(mini_data: Path, project_id: str, fragment: str) -> None:
    plan = mini_data / "units" / "mini" / "plan-2566-2570.yml"
    plan.write_text(MINI_PLAN.replace("id: first", f'id: "{project_id}"'), encoding="utf-8")
    errors = _errors(mini_data)
    assert len(errors) == 1 and errors[0].startswith(f"{PLAN}:6:") and fragment in errors[0], errors


@pytest.mark.parametrize(("folder", "fragment"), [("con", "Windows"), ("Mini", "ชื่อโฟลเดอร์หน่วยงาน")])
def test_unit_folder_names_are_slugs_and_not_devices(mini_data: Path, folder: str, fragment: str) -> None:
    unit = mini_data / "units" / folder
    unit.mkdir()
    (unit / "unit.yml").write_text(MINI_UNIT.replace("id: mini", f"id: {folder}"), encoding="utf-8")
    errors = _errors(mini_data)
    assert len(errors) == 1 and f"data/units/{folder}" in errors[0] and fragment in errors[0], errors


def test_unit_id_must_match_its_folder(mini_data: Path) -> None:
    (mini_data / "units" / "mini" / "unit.yml").write_text(MINI_UNIT.replace("id: mini", "id: other"), encoding="utf-8")
    assert _errors(mini_data) == ["data/units/mini/unit.yml:1: id: รหัสต้องตรงกับชื่อโฟลเดอร์ 'mini'"]


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "//evil.example/x",
        "/../etc/passwd",
        "/a/../../etc",
        "\\\\server\\share",
        "C:\\Windows\\win.ini",
        "../../data/units/x.yml",
    ],
)
def test_evidence_links_are_http_or_site_paths_only(link: str) -> None:
    from generator.models.common import check_link

    with pytest.raises(ValueError):
        check_link(link)


UNSAFE_OUTPUT = ["../x.md", "/etc/passwd", "a/../../x.md", "a//b.md", "a/./b.md", "", "a\x00b.md", "con/index.md"]


@pytest.mark.parametrize("rel", [*UNSAFE_OUTPUT, "a/aux.csv", "a\\..\\b.md", "C:/x.md", "a/b:s.md", "x/LPT1/index.md"])
def test_output_paths_must_stay_inside_the_output_folder(rel: str) -> None:
    with pytest.raises(ValueError):
        check_output_path(rel)


@pytest.mark.parametrize("rel", ["index.md", "sao-bueng-prue/plan/2566-2570/index.md", "a/b/data.csv", "console/x.md"])
def test_ordinary_output_paths_pass(rel: str) -> None:
    assert check_output_path(rel) == rel


def test_unsafe_output_path_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree_atomically(out, {"index.md": "เดิม\n"})
    with pytest.raises(ValueError):
        write_tree_atomically(out, {"index.md": "ใหม่\n", "../escaped.md": "x"})
    assert (out / "index.md").read_text(encoding="utf-8") == "เดิม\n"
    assert not (tmp_path / "escaped.md").exists()
    assert sorted(os.listdir(tmp_path)) == [".out.lock", "out"]  # no staging folder left behind
