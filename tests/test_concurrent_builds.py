"""Real builds racing and being killed: site/ is at every sampled instant the old or the new complete site.

One project copy (the tiny `mini` unit, real catalogues, content, theme, mkdocs.yml, Makefile) is reused by
every test; a watcher thread samples site/ in a tight loop while builds run.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.publish import Publication
from tests.conftest import ROOT
from tests.helpers import MINI_PLAN, MINI_UNIT

pytestmark = pytest.mark.slow

# Why 14: half of them aimed at the last phase and the switch, where a kill can break a site; kills earlier in a
# build (imports, check) only show that nothing is left behind, which a few show as well as many.
KILL_TRIALS = 14
LOCKED = "มีการสร้างเว็บไซต์อีกชุดกำลังทำงานอยู่"
# A complete site: the home page, a unit page, the search index (written last), the theme's assets.
REQUIRED = (
    "index.html",
    "mini/plan/2566-2570/index.html",
    "mini/plan/2566-2570/projects/second/index.html",
    "search/thai/manifest.json",
    "assets/search/thai-search.js",
    "assets/stylesheets/site.css",
    "sitemap.xml",
)
VENV = Path(sys.executable).parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def _copy_project(root: Path) -> Path:
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("mkdocs.yml", "Makefile"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "data" / "catalog", root / "data" / "catalog")
    unit = root / "data" / "units" / "mini"
    unit.mkdir(parents=True)
    (unit / "unit.yml").write_text(MINI_UNIT, encoding="utf-8")
    (unit / "plan-2566-2570.yml").write_text(MINI_PLAN, encoding="utf-8")
    return root


def _command(kind: str) -> list[str]:
    if kind == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict"]
    stamp = f"{VENV}/.site-stamp"  # `-o`: never reinstall the venv from inside a test
    return ["make", "--no-print-directory", "-o", stamp, "site", f"VENV={VENV}"]


def _start(project: Path, kind: str) -> subprocess.Popen[str]:
    # Why a new session: killing the group kills `make` and its mkdocs child, like a cancelled CI job.
    return subprocess.Popen(
        _command(kind), cwd=project, env=ENV, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _wait_for_last_phase(root: Path, since: float, proc: subprocess.Popen[str]) -> None:
    """Return once a staged site has its search index (written last, just before the switch)."""
    while proc.poll() is None:
        if any(p.stat().st_mtime >= since for p in root.glob(".site*/search/thai/manifest.json")):
            return
        time.sleep(0.002)


class SiteWatcher(threading.Thread):
    """Samples site/ in a tight loop and records every sample where it was not a complete site."""

    def __init__(self, site: Path) -> None:
        super().__init__(daemon=True)
        self.paths = [site / rel for rel in REQUIRED]
        self.samples = 0
        self.broken: list[str] = []
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            missing = [p.name for p in self.paths if not os.path.isfile(p)]
            if missing:
                self.broken.append(f"sample {self.samples}: missing {missing}")
            self.samples += 1
            time.sleep(0.001)  # Why: a busy loop would take a whole core from the builds it watches

    def stop(self) -> None:
        self.done.set()
        self.join()


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "site"
        first = _start(root, "make")
        out, err = first.communicate()
        assert first.returncode == 0, (out + err)[-3000:]
        self.reference = tree_hash(self.site)
        assert all((self.site / rel).is_file() for rel in REQUIRED)
        # Why timed on a second build of each kind: the first one is cold (segmenter and template caches), twice
        # as long, and kill times drawn from it mostly landed after the build had ended.
        self.build_seconds: dict[str, float] = {}
        self.tail_seconds: dict[str, float] = {}  # search index written → process gone (the switch is here)
        for kind in ("make", "mkdocs"):
            self.build_seconds[kind], self.tail_seconds[kind] = self._timed_build(kind)

    def _timed_build(self, kind: str) -> tuple[float, float]:
        started = time.time()
        proc = _start(self.root, kind)
        _wait_for_last_phase(self.root, started - 1, proc)
        last_phase = time.time()
        out, err = proc.communicate()
        assert proc.returncode == 0, (out + err)[-3000:]
        assert tree_hash(self.site) == self.reference
        return time.time() - started, time.time() - last_phase

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.name.startswith(".site.") and p.name != ".site.lock")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(_copy_project(tmp_path_factory.mktemp("race")))


@pytest.fixture
def watcher(project: Project) -> Iterator[SiteWatcher]:
    watch = SiteWatcher(project.site)
    watch.start()
    yield watch
    watch.stop()


@pytest.mark.parametrize(
    ("first", "second", "offset"),
    [("mkdocs", "mkdocs", 0.0), ("make", "make", 0.3), ("make", "mkdocs", 1.0)],
)
def test_two_builds_at_once_publish_one_complete_site(
    project: Project, watcher: SiteWatcher, first: str, second: str, offset: float
) -> None:
    # Why attempts: under load the first build can end before the second asks for the lock (both then publish,
    # one after the other, which tests nothing); the pair is run again until one run overlaps.
    for _attempt in range(6):
        builds = [_start(project.root, first)]
        time.sleep(offset)
        builds.append(_start(project.root, second))
        results = [(proc.wait(timeout=120), *proc.communicate()) for proc in builds]
        codes = sorted(code for code, _, _ in results)
        assert codes[0] == 0, [err[-1500:] for _, _, err in results]
        assert tree_hash(project.site) == project.reference
        if codes[1] != 0:
            break
    else:
        pytest.fail("the two builds never overlapped in 6 attempts")
    loser_err = next(err for code, _, err in results if code != 0)
    assert LOCKED in loser_err and "Traceback" not in loser_err
    watcher.stop()
    assert watcher.broken == [] and watcher.samples > 100
    assert tree_hash(project.site) == project.reference
    assert project.leftovers() == []


def _kill_after(proc: subprocess.Popen[str], delay: float) -> bool:
    try:
        proc.communicate(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return True


def test_kill_minus_nine_at_random_points_never_breaks_site(project: Project, watcher: SiteWatcher) -> None:
    rng = random.Random(13)
    killed = 0
    # Why a loop until KILL_TRIALS kills: a build that finishes before its kill time is not a trial of the kill (more of
    # them when `make test` runs this beside another test worker and the timings stretch).
    for trial in range(150):
        if killed == KILL_TRIALS:
            break
        started = time.time()
        # Why make only in uniform trials: make's tail is its mkdocs child's tail, reached 0.8 s later (the check)
        kind = "make" if trial % 4 == 0 else "mkdocs"
        proc = _start(project.root, kind)
        if trial % 2:  # Why: a uniform kill time almost never lands on the switch; aim half the kills at it
            _wait_for_last_phase(project.root, started - 1, proc)
            delay = project.tail_seconds[kind] * rng.uniform(0.0, 1.2)
        else:
            delay = project.build_seconds[kind] * rng.uniform(0.05, 1.0)
        killed += _kill_after(proc, delay)
        assert tree_hash(project.site) == project.reference, f"trial {trial}: killed after {delay:.2f}s"
    recovered = subprocess.run(_command("mkdocs"), cwd=project.root, env=ENV, capture_output=True, text=True)
    watcher.stop()
    assert recovered.returncode == 0, recovered.stderr[-2000:]
    assert watcher.broken == [] and watcher.samples > 1000
    assert project.leftovers() == []
    assert tree_hash(project.site) == project.reference
    assert killed == KILL_TRIALS


PUBLISH_LOOP = """
import shutil, sys
from pathlib import Path
from generator.publish import Publication
source, out = Path(sys.argv[1]), Path(sys.argv[2])
while True:
    publication = Publication(out)
    shutil.copytree(source, publication.open(), dirs_exist_ok=True)
    publication.commit()
    publication.close()
"""


def test_kill_minus_nine_during_the_switch_itself(project: Project, watcher: SiteWatcher, tmp_path: Path) -> None:
    """A build spends milliseconds switching; a process that only publishes gets killed inside the switch."""
    source = tmp_path / "built"
    shutil.copytree(project.site, source)
    rng = random.Random(7)
    for trial in range(12):
        cmd = [sys.executable, "-c", PUBLISH_LOOP, str(source), str(project.site)]
        proc = subprocess.Popen(cmd, env=ENV, text=True, start_new_session=True)
        delay = rng.uniform(0.25, 0.6)
        assert _kill_after(proc, delay), "the publish loop never ends by itself"
        assert tree_hash(project.site) == project.reference, f"trial {trial}: killed after {delay:.2f}s"
    watcher.stop()
    assert watcher.broken == []
    recovery = Publication(project.site)
    recovery.open()  # what the next build does first: recover what the killed publishers left
    recovery.close()
    assert project.leftovers() == []
