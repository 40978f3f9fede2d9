"""Size and structure: huge, deep, explosive, binary and wrongly encoded files get a Thai message, fast.

Each case is checked in-process (wall time and peak Python memory via tracemalloc) and all of them
together through the command line (exit code 1, every file named, no traceback).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.site import load_and_check
from tests.helpers import MINI_PLAN, MINI_UNIT

ROOT = Path(__file__).resolve().parent.parent
PLAN = "plan-2566-2570.yml"
MAX_SECONDS = 5.0
MAX_PEAK_BYTES = 64 * 1024 * 1024


def _big(path: Path) -> None:
    with path.open("wb") as handle:
        line = b"# " + "ข้อความยาวมาก".encode() * 20 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)


def _alias_bomb(path: Path) -> None:
    lines = ['a0: &a0 ["ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา", "ฮา"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _deep_flow(levels: int) -> Callable[[Path], None]:
    return lambda path: path.write_text("title:\n" + "  [\n" * levels + "  ]\n" * levels, encoding="utf-8")


def _deep_block(path: Path) -> None:
    # Why 5,000: deeper block nesting needs lines longer than the line limit (which would answer first).
    path.write_text("title: แผน\nprojects:\n" + "- " * 5_000 + "x\n", encoding="utf-8")


def _long_line(path: Path) -> None:
    path.write_text("title: แผน\nperiod:\n  start: " + "ก" * 1_000_000 + "\n", encoding="utf-8")


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)


def _latin1(path: Path) -> None:
    path.write_bytes("title: caf\xe9 na\xefve\n".encode("latin-1"))


def _tis620(path: Path) -> None:
    path.write_bytes(MINI_PLAN.encode("tis-620"))


def _utf16(path: Path) -> None:
    path.write_bytes(MINI_PLAN.encode("utf-16"))


def _folder(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _control(path: Path) -> None:
    path.write_text(MINI_PLAN.replace("name: โครงการแรก", 'name: "โครงการ\\e[2J\\0แรก"'), encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_text("# มีแต่คำอธิบาย\n\n", encoding="utf-8")


# case → (writer, expected line, expected message fragment)
CASES: dict[str, tuple[Callable[[Path], None], int, str]] = {
    "50 MB file": (_big, 1, "ไฟล์ใหญ่เกินไป"),
    "alias bomb": (_alias_bomb, 6, "ข้อมูลมากเกินไป"),
    "10,000-level flow nesting": (_deep_flow(10_000), 61, "โครงสร้างซ้อนกันลึกเกินไป"),
    "100,000-level flow nesting": (_deep_flow(100_000), 61, "โครงสร้างซ้อนกันลึกเกินไป"),
    "5,000-level block nesting": (_deep_block, 3, "โครงสร้างซ้อนกันลึกเกินไป"),
    "1 MB single line": (_long_line, 3, "บรรทัดนี้ยาวเกินไป"),
    "binary file": (_binary, 1, "พบข้อมูลไบนารี"),
    "Latin-1 file": (_latin1, 1, "ไม่ได้เข้ารหัสแบบ UTF-8"),
    "TIS-620 file": (_tis620, 1, "ไฟล์นี้เข้ารหัสแบบ TIS-620"),
    "UTF-16 file": (_utf16, 1, "UTF-16"),
    "folder named .yml": (_folder, 1, "ไม่ใช่ไฟล์ข้อมูลธรรมดา"),
    "FIFO named .yml": (_fifo, 1, "ไม่ใช่ไฟล์ข้อมูลธรรมดา"),
    "control characters": (_control, 8, "อักขระควบคุม"),
    "only comments": (_empty, 1, "ไฟล์ว่างเปล่า"),
}


def _unit(data: Path, name: str) -> Path:
    unit = data / "units" / name
    unit.mkdir(parents=True)
    (unit / "unit.yml").write_text(MINI_UNIT.replace("id: mini", f"id: {name}"), encoding="utf-8")
    return unit / PLAN


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_gets_thai_message_in_bounded_time_and_memory(mini_data: Path, case: str) -> None:
    writer, line, fragment = CASES[case]
    target = mini_data / "units" / "mini" / PLAN
    target.unlink()
    writer(target)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        _, problems = load_and_check(mini_data)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, [p.format() for p in errors]
    assert errors[0].path == f"data/units/mini/{PLAN}"
    assert errors[0].line == line
    assert fragment in errors[0].message
    assert elapsed < MAX_SECONDS, f"{case}: {elapsed:.1f} s"
    assert peak < MAX_PEAK_BYTES, f"{case}: peak {peak / 2**20:.0f} MB"


def test_tis620_message_says_how_to_convert(mini_data: Path) -> None:
    _tis620(mini_data / "units" / "mini" / PLAN)
    _, problems = load_and_check(mini_data)
    assert "iconv -f TIS-620 -t UTF-8" in problems[0].message and "UTF-8" in problems[0].message


def test_command_line_reports_every_hostile_file_without_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "catalog" / "frameworks", data / "catalog" / "frameworks")
    expected = {}
    for i, (case, (writer, line, fragment)) in enumerate(CASES.items()):
        writer(_unit(data, f"case-{i}"))
        expected[f"data/units/case-{i}/{PLAN}:{line}:"] = (case, fragment)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", str(data)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert time.perf_counter() - started < 30
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Error" not in result.stderr.replace("(hint", "")
    for prefix, (case, fragment) in expected.items():
        lines = [ln for ln in result.stderr.splitlines() if prefix in ln]
        assert lines and fragment in lines[0], (case, result.stderr[-2000:])
