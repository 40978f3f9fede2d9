from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import MINI_PLAN, MINI_UNIT

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A data dir with the real catalogues and one tiny unit whose files tests may rewrite."""
    data = tmp_path / "data"
    shutil.copytree(DATA / "catalog", data / "catalog")
    unit = data / "units" / "mini"
    unit.mkdir(parents=True)
    (unit / "unit.yml").write_text(MINI_UNIT, encoding="utf-8")
    (unit / "plan-2566-2570.yml").write_text(MINI_PLAN, encoding="utf-8")
    return data


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The shipped sample data built once per test run with a real `mkdocs build --strict`.

    Why shared: under `make test` both workers need it; the first to ask builds it under a lock, the other reads it.
    """
    try:
        import fcntl
    except ImportError:  # Why: no flock on Windows; each worker then builds its own copy
        fcntl = None  # type: ignore[assignment]
    if worker_id == "master" or fcntl is None:
        return build_sample_site(tmp_path_factory.mktemp("site") / "site")
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, one level above each worker's
    with (shared / "built-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        out = shared / "built-site" / "site"
        if not (shared / "built-site" / "done").exists():
            build_sample_site(out)
            (shared / "built-site" / "done").touch()
    return out


def build_sample_site(out: Path) -> Path:
    """`mkdocs build --strict` of the shipped data into `out`, dated SOURCE_DATE_EPOCH=1700000000."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long files first: `make test` hands whole test files to two workers in collection order, and a long file
    started last (real builds, `mkdocs serve`, Chromium) kept one worker busy alone for the last minute."""

    def weight(item: pytest.Item) -> int:
        return 0 if item.get_closest_marker("slow") else 1 if item.get_closest_marker("browser") else 2

    items.sort(key=weight)  # stable: files and tests keep their order within each weight
