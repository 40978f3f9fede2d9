"""generator.publish: one build at a time, unique staging, an atomic switch, leftovers recovered, Thai disk errors."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.publish import Publication, PublishError, lock_path, swap_directory, write_tree_atomically

TREE = {"index.html": "<p>หน้าแรก</p>\n", "unit/index.html": "<p>หน่วยงาน</p>\n", "search/index.json": "{}\n"}


def _publish(out: Path, files: dict[str, str]) -> None:
    write_tree_atomically(out, files)


def _siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


def test_second_publication_fails_with_thai_message_and_leaves_the_first_alone(tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = Publication(out)
    staging = first.open()
    (staging / "index.html").write_text("ชุดแรก\n", encoding="utf-8")
    second = Publication(out)
    with pytest.raises(PublishError, match="มีการสร้างเว็บไซต์อีกชุดกำลังทำงานอยู่"):
        second.open()
    second.close()
    assert (staging / "index.html").read_text(encoding="utf-8") == "ชุดแรก\n"
    first.commit()
    first.close()
    assert (out / "index.html").read_text(encoding="utf-8") == "ชุดแรก\n"


def test_the_lock_dies_with_its_process(tmp_path: Path) -> None:
    out = tmp_path / "site"
    holder = (
        "import sys, time; from pathlib import Path; from generator.publish import Publication;"
        "Publication(Path(sys.argv[1])).open(); print('locked', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", holder, str(out)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    with pytest.raises(PublishError):
        Publication(out).open()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    _publish(out, TREE)  # the kernel dropped the lock; the killed holder's staging folder is recovered
    assert _siblings(out) == [lock_path(out).name]


def test_staging_names_are_unique_and_not_fixed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    names = set()
    for _ in range(3):
        publication = Publication(out)
        staging = publication.open()
        names.add(staging.name)
        publication.close()
    assert len(names) == 3 and ".site.staging" not in names
    assert all(name.startswith(".site.staging-") for name in names)


def test_next_publication_recovers_leftovers_of_killed_builds(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _publish(out, TREE)
    for name in (".site.staging-k1", ".site.old-k2/tree", ".site.staging", ".site.old", ".site.tmp"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "index.html").write_text("ค้าง\n", encoding="utf-8")
    (tmp_path / ".sites.staging-other").mkdir()  # another output folder's staging: not ours to delete
    _publish(out, TREE)
    assert _siblings(out) == [".site.lock", ".sites.staging-other"]


def test_first_run_replaces_a_real_directory_and_site_stays_a_real_directory(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "old.html").write_text("เดิม\n", encoding="utf-8")
    _publish(out, TREE)
    assert out.is_dir() and not out.is_symlink()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*")) == sorted(TREE)


def test_published_folder_is_readable_by_a_web_server_user(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        _publish(tmp_path / "site", TREE)
    finally:
        os.umask(old)
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize("exists", [True, False])
def test_swap_is_atomic_for_a_reader_sampling_in_a_tight_loop(tmp_path: Path, exists: bool) -> None:
    out = tmp_path / "site"
    if exists:
        _publish(out, TREE)
    broken: list[str] = []
    done = threading.Event()

    def watch() -> None:
        seen_complete = exists
        while not done.is_set():
            present = [os.path.isfile(out / rel) for rel in TREE]
            if seen_complete and not all(present):
                broken.append(str(present))
            seen_complete = seen_complete or all(present)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for round_no in range(200):
            staging = tmp_path / f".site.staging-t{round_no}"
            for rel, text in TREE.items():
                (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                (staging / rel).write_text(text, encoding="utf-8")
            swap_directory(staging, out)
    finally:
        done.set()
        watcher.join()
    assert broken == []


# --- disk failures: real read-only / full filesystems where the machine allows mounting them


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str, str], Path]]:
    mounts: list[Path] = []

    def mount(name: str, options: str) -> Path:
        point = tmp_path / name
        point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True)
        if result.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        mounts.append(point)
        return point

    yield mount
    for point in reversed(mounts):
        subprocess.run(["umount", "-l", str(point)], check=False)


def _render(mini_data: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["render", "--data", str(mini_data), "--out", str(out)])
    return code, capsys.readouterr().err


def test_read_only_disk_gives_a_thai_message(
    tmpfs: Callable[[str, str], Path], mini_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    point = tmpfs("ro", "ro,size=1m")
    code, err = _render(mini_data, point / "out", capsys)
    assert code == 1
    assert "ดิสก์เป็นแบบอ่านอย่างเดียว" in err and "Traceback" not in err


def test_full_disk_gives_a_thai_message_and_keeps_the_old_output(
    tmpfs: Callable[[str, str], Path], mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    probe = tmp_path / "probe"
    assert _render(mini_data, probe, capsys)[0] == 0
    size = sum(p.stat().st_size for p in probe.rglob("*") if p.is_file())
    point = tmpfs("full", f"size={size * 3 // 2 + 64 * 1024}")
    shutil.copytree(probe, point / "out")
    before = {p.relative_to(point / "out"): p.read_bytes() for p in (point / "out").rglob("*") if p.is_file()}
    code, err = _render(mini_data, point / "out", capsys)
    assert code == 1
    assert "พื้นที่ดิสก์เต็ม" in err and "Traceback" not in err
    after = {p.relative_to(point / "out"): p.read_bytes() for p in (point / "out").rglob("*") if p.is_file()}
    assert after == before
    assert _siblings(point / "out") == [".out.lock"]


def test_unwritable_folder_gives_a_thai_message(
    mini_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    # Why: root ignores permission bits; the immutable attribute refuses writes to root too (EPERM).
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(parent)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i not supported here")
    else:
        parent.chmod(0o555)
    try:
        code, err = _render(mini_data, parent / "out", capsys)
    finally:
        subprocess.run(["chattr", "-i", str(parent)], capture_output=True) if os.geteuid() == 0 else parent.chmod(0o755)
    assert code == 1
    assert "ไม่มีสิทธิ์เขียนโฟลเดอร์นี้" in err and "Traceback" not in err
