"""When was a data file last changed? The date of the last git commit that touched it ("ปรับปรุงล่าสุด").

One `git log --name-only` over the whole history gives every file's last commit date in a single process
(instead of one `git log -1 -- path` per page), cached per repository for the duration of a build.
Outside git, or for a file git does not know yet, the file's modification time is used instead,
clamped to SOURCE_DATE_EPOCH (the reproducible-builds convention) so two builds still agree.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from functools import cache
from pathlib import Path

MARK = "\x00date:"


def clear_cache() -> None:
    """Forget cached dates (called at the start of every build, so `mkdocs serve` sees new commits).

    Where each folder's repository is stays known: one `git rev-parse` per unit folder on every preview save
    cost ~0.2 s at 50 units, and a folder does not move to another repository while the preview runs."""
    _repo_dates.cache_clear()
    _LAST_CHANGED.clear()


@cache
def _toplevel(directory: Path) -> Path | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(directory), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(result.stdout.strip()).resolve() if result.returncode == 0 else None


@cache
def _repo_dates(top: Path) -> dict[str, dt.date]:
    """Repository-relative path → date (committer's, YYYY-MM-DD) of the newest commit that changed it."""
    command = ["git", "-C", str(top), "-c", "core.quotepath=off", "log", "--format=%x00date:%cs", "--name-only"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in result.stdout.splitlines() if result.returncode == 0 else []:
        if line.startswith(MARK):
            current = dt.date.fromisoformat(line.removeprefix(MARK))
        elif line and current is not None:
            dates.setdefault(line, current)  # log is newest first: keep the first date seen
    return dates


def _mtime_date(path: Path) -> dt.date | None:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = min(stamp, int(epoch))
    return dt.datetime.fromtimestamp(stamp, dt.UTC).date()


# Why: every generated page asks for its source's date (1,400 pages at 50 units, a few files each); one answer per
# path until the next build clears it.
_LAST_CHANGED: dict[tuple[Path, str | None], dt.date | None] = {}


def last_changed(path: Path) -> dt.date | None:
    """Date of the last commit that changed `path` (a file or a folder); mtime outside git; None if absent."""
    key = (path, os.environ.get("SOURCE_DATE_EPOCH"))
    if key not in _LAST_CHANGED:
        _LAST_CHANGED[key] = _last_changed(path)
    return _LAST_CHANGED[key]


def _last_changed(path: Path) -> dt.date | None:
    path = path.resolve()
    top = _toplevel(path if path.is_dir() else path.parent)
    if top is not None:
        dates = _repo_dates(top)
        rel = path.relative_to(top).as_posix()
        if rel in dates:
            return dates[rel]
        prefix = rel.rstrip("/") + "/"
        inside = [d for name, d in dates.items() if name.startswith(prefix)]
        if inside:
            return max(inside)
    return _mtime_date(path) if path.is_file() else None


def latest(paths: Iterable[Path]) -> dt.date | None:
    """The newest `last_changed` date among several files (e.g. every file of a unit)."""
    dates = [d for d in (last_changed(p) for p in paths) if d is not None]
    return max(dates) if dates else None
