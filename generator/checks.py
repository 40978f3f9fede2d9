"""Checks the core runs around the kinds' own: catalogues and units first (check phase), then the late
checks over what the later phases produced (output paths, duplicate URLs, privacy, each kind's `check_site`).

Together with loading these are the only place data problems are reported (see generator.site).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .dataset import Dataset, UnitData
from .dataset import problem_at as _at
from .directory import DIRECTORY_DIR
from .frameworks import FRAMEWORKS_DIR, check_frameworks
from .kindapi import SiteBuild
from .pages import PageSpec
from .privacy import find_privacy_leaks
from .problems import Problem
from .published_text import check_personal_data
from .render import unsafe_output_path


def check_dataset(data: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    problems.extend(check_frameworks(data))
    for unit in data.units.values():
        problems.extend(check_unit(data, unit))
        for loaded in unit.documents:
            kind = data.kind_of(loaded)
            if kind is not None:
                problems.extend(kind.check(data, unit, loaded))
    # Why filtered: a kind may already say more precisely what is wrong on that line (e.g. complaints).
    seen = {(p.path, p.line) for p in problems if p.severity == "error"}
    problems.extend(p for p in check_personal_data(data) if (p.path, p.line) not in seen)
    return problems


def check_unit(data: Dataset, unit: UnitData) -> Iterator[Problem]:
    if unit.id == DIRECTORY_DIR:
        yield _at(unit.unit, ("id",), f"รหัสหน่วยงาน '{DIRECTORY_DIR}' ซ้ำกับหน้ารายชื่อหน่วยงาน ให้เปลี่ยนรหัสหน่วยงาน")
    if unit.id == FRAMEWORKS_DIR:
        yield _at(unit.unit, ("id",), f"รหัสหน่วยงาน '{FRAMEWORKS_DIR}' ซ้ำกับหน้ากรอบแผน ให้เปลี่ยนรหัสหน่วยงาน")
    parent = unit.unit.model.parent
    if parent and parent not in data.units:
        yield _at(unit.unit, ("parent",), f"ไม่พบหน่วยงานต้นสังกัด '{parent}' ใน data/units", "warning")


def check_built(data: Dataset, pages: list[PageSpec], built: SiteBuild) -> list[Problem]:
    """Problems only the built site shows: every one goes to the data file it comes from."""
    problems = list(check_output_paths(pages, built))
    problems.extend(find_privacy_leaks(data, built.files, built.assets))
    for kind in data.kinds:
        if kind.check_site is not None:
            problems.extend(kind.check_site(data, built))
    return problems


def check_output_paths(pages: list[PageSpec], built: SiteBuild) -> Iterator[Problem]:
    """Two pages at one URL, or a path that would leave the output folder, point at the data that made it."""
    counts = Counter(spec.path for spec in pages)
    sources = {spec.path: spec.source or "data" for spec in pages}
    for path in sorted(p for p, n in counts.items() if n > 1):
        yield Problem(sources[path], 1, "-", f"มีหน้าเว็บสองหน้าที่อยู่เดียวกัน /{path} (ให้เปลี่ยนรหัสหรือชื่อไฟล์ให้ไม่ซ้ำ)")
    for path in sorted({*built.files, *built.assets}):
        reason = unsafe_output_path(path)
        if reason:
            yield Problem(sources.get(path, "data"), 1, "-", f"ที่อยู่ของไฟล์ที่จะเผยแพร่ใช้ไม่ได้: {path!r} ({reason})")
