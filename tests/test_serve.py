"""A real `mkdocs serve` survives bad data: every page shows the Thai problem page (errors first, warnings
apart, never labelled ERROR) and the site comes back on the next good save."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

UNIT = "data/units/sao-bueng-prue/unit.yml"
TITLE = "ข้อมูลมีข้อผิดพลาด ยังแสดงเว็บไซต์ไม่ได้"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return 0, ""


def _wait_for(url: str, predicate, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        status, body = _get(url)
        if status and predicate(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never matched; last body starts {body[:300]!r}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("content", "theme", "data"):
        shutil.copytree(ROOT / name, project / name)
    return project


@pytest.fixture(params=["serve", "preview"])
def serve(project: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`mkdocs serve` as `make serve` runs it, and with `--dirty` as `make preview` does."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    dirty = ["--dirty"] if request.param == "preview" else []
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *dirty]
    log = (project / "serve.log").open("w")
    process = subprocess.Popen(cmd, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        yield f"http://127.0.0.1:{port}/", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _break(project: Path) -> str:
    path = project / UNIT
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "id: duplicate-key\n", encoding="utf-8")  # a duplicate key: a YAML error
    return good


@pytest.mark.slow
def test_serve_shows_the_problems_and_recovers(project: Path, serve: tuple[str, subprocess.Popen[str]]) -> None:
    base, process = serve
    unit_page = base + "sao-bueng-prue/"
    _wait_for(unit_page, lambda body: "อบต." in body or "บึงปรือ" in body)
    good = _break(project)
    body = _wait_for(base, lambda text: TITLE in text)
    assert UNIT in body  # the problem names the file (and line)
    assert TITLE in _wait_for(unit_page, lambda text: TITLE in text)  # every page of the preview shows it
    assert process.poll() is None
    (project / UNIT).write_text(good, encoding="utf-8")
    _wait_for(unit_page, lambda text: TITLE not in text and "บึงปรือ" in text)
    # a hand-written page comes back too (a dirty preview rebuilds it although its source did not change)
    assert TITLE not in _wait_for(base + "guide/", lambda text: TITLE not in text)
    log = (project / "serve.log").read_text(encoding="utf-8")
    problem_lines = [line for line in log.splitlines() if UNIT in line]
    assert problem_lines and not any("ERROR" in line for line in problem_lines)


@pytest.mark.slow
def test_serve_starts_with_bad_data(project: Path) -> None:
    good = _break(project)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        assert TITLE in _wait_for(base, lambda text: TITLE in text)
        (project / UNIT).write_text(good, encoding="utf-8")
        _wait_for(base + "sao-bueng-prue/", lambda text: TITLE not in text and "บึงปรือ" in text)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.slow
def test_preview_shows_a_saved_field_on_its_page(project: Path, serve: tuple[str, subprocess.Popen[str]]) -> None:
    base, _process = serve
    plan_page = base + "sao-bueng-prue/plan/2566-2570/"
    _wait_for(plan_page, lambda body: "บึงปรือ" in body)
    plan = project / "data/units/sao-bueng-prue/plan-2566-2570.yml"
    old = "องค์การบริหารส่วนตำบลบึงปรือได้จัดทำแผนปฏิบัติการ"
    plan.write_text(plan.read_text(encoding="utf-8").replace(old, "ข้อความใหม่ที่บันทึก" + old, 1), encoding="utf-8")
    _wait_for(plan_page, lambda body: "ข้อความใหม่ที่บันทึก" in body)
    assert "ข้อความใหม่ที่บันทึก" not in _get(base + "sao-bueng-prue/")[1]
