"""Discover and load every data file: catalogues, units and their documents."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .kindapi import DocumentKind
from .loader import YamlDoc, YamlProblem, load_yaml, prefetch_yaml
from .models.catalog import Framework
from .models.common import SLUG_RE
from .models.unit import Unit
from .problems import Problem, Severity
from .validation import format_loc, validate_doc

T = TypeVar("T")


@dataclass
class Loaded:
    """A validated document together with its source (for line numbers and edit links)."""

    model: Any
    doc: YamlDoc
    kind: str = ""  # the document kind's name ('' for unit.yml and catalogues)

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def stem(self) -> str:
        return Path(self.doc.path).stem


def problem_at(loaded: Loaded, loc: tuple[object, ...], message: str, severity: Severity = "error") -> Problem:
    """A problem about the value at `loc` (YAML keys/indices) of a loaded document, with its line."""
    return Problem(loaded.path, loaded.doc.line_of(loc), format_loc(loc), message, severity)


@dataclass
class UnitData:
    unit: Loaded
    documents: list[Loaded] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.unit.model.id)

    def of_kind(self, model: type[BaseModel]) -> list[Loaded]:
        return [d for d in self.documents if isinstance(d.model, model)]


@dataclass
class Dataset:
    root: Path
    frameworks: dict[str, Loaded] = field(default_factory=dict)  # plan frameworks by id (data/catalog/frameworks)
    units: dict[str, UnitData] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    kinds: tuple[DocumentKind, ...] = ()  # handed in by the caller (generator.site), in display order
    catalogs: dict[str, Any] = field(default_factory=dict)  # each kind's own shared data, by kind name
    read: set[Path] = field(default_factory=set)  # every file some loader looked at (the rest is reported)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """A value computed from the loaded data once per dataset (download tables, the page list, ...)."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]  # type: ignore[no-any-return]

    def load(self, path: Path, model: type[BaseModel]) -> Loaded | None:
        """Load and validate one data file; its problems go to `problems`."""
        self.read.add(path)
        return load_document(self.root, path, model, self.problems)

    def kind_of(self, loaded: Loaded) -> DocumentKind | None:
        return next((k for k in self.kinds if k.name == loaded.kind), None)


def shown_path(root: Path, path: Path) -> str:
    """Paths in messages are relative to the project (data/units/...), as a clerk sees them in git."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def is_inside(root: Path, path: Path) -> bool:
    """True when `path`, with every symlink resolved, still lies inside the data folder `root`."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, ValueError):  # a symlink loop or a NUL byte in the name
        return False


def load_document(root: Path, path: Path, model: type[BaseModel], problems: list[Problem]) -> Loaded | None:
    shown = shown_path(root, path)
    if path.is_symlink():
        problems.append(Problem(shown, 1, "-", "ไม่อนุญาตให้ใช้ลิงก์สัญลักษณ์ (symlink) ในโฟลเดอร์ข้อมูล"))
        return None
    if not is_inside(root, path):
        problems.append(Problem(shown, 1, "-", "ไฟล์นี้อยู่นอกโฟลเดอร์ข้อมูล (ผ่านโฟลเดอร์ที่เป็น symlink) จึงไม่อ่าน"))
        return None
    try:
        doc = load_yaml(path, shown)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    if doc.data is None:
        problems.append(Problem(shown, 1, "-", "ไฟล์ว่างเปล่า"))
        return None
    value, found = validate_doc(model, doc)
    problems.extend(found)
    return Loaded(value, doc) if value is not None else None


def _data_files(root: Path) -> list[Path]:
    """The YAML files a load will read, for the parse prefetch: regular files inside `root`, no symlinks."""
    return [path for path in sorted(root.rglob("*.yml"))
            if not path.is_symlink() and path.is_file() and is_inside(root, path)]  # fmt: skip


def load_dataset(root: Path, kinds: tuple[DocumentKind, ...]) -> Dataset:
    """Load everything under `root` (the data/ folder), collecting every problem instead of stopping."""
    data = Dataset(root=root, kinds=kinds)
    if not root.is_dir():
        data.problems.append(Problem(str(root), 1, "-", "ไม่พบโฟลเดอร์ข้อมูล"))
        return data
    prefetch_yaml([(path, shown_path(root, path)) for path in _data_files(root)])
    _load_catalog(data)
    units_dir = root / "units"
    for unit_dir in sorted(units_dir.iterdir()) if units_dir.is_dir() else []:
        _load_unit(data, unit_dir)
    data.problems.extend(check_unread(data))
    return data


def check_unread(data: Dataset) -> list[Problem]:
    """Why: a file nobody reads (a typo in its name, `.YML`) must never be silently left off the site."""
    found = []
    for path in _all_files(data.root):
        if path in data.read or path.name in {".gitkeep", ".DS_Store"} or ".git" in path.parts:
            continue
        shown = shown_path(data.root, path)
        if _is_old_catalogue(data.root, path):
            message = f"ไฟล์แบบเดิมที่ไม่ใช้แล้ว: มิติ ตารางลำดับความสำคัญ และเกณฑ์ขั้นต่ำอยู่ใน data/catalog/{FRAMEWORK_FILES}/<รหัสกรอบ>.yml ให้ย้ายข้อมูลไปที่นั่นแล้วลบไฟล์นี้"
            found.append(Problem(shown, 1, "-", message, "warning"))
        elif path.suffix.lower() in {".yml", ".yaml"} and path.suffix != ".yml":
            found.append(Problem(shown, 1, "-", f"นามสกุลไฟล์ต้องเป็น .yml (ตัวพิมพ์เล็ก) ไม่ใช่ {path.suffix} จึงยังไม่ได้อ่านไฟล์นี้"))
        else:
            found.append(Problem(shown, 1, "-", "ไฟล์นี้ไม่ได้ถูกอ่าน (ชื่อไฟล์หรือตำแหน่งไม่ตรงกับที่โปรแกรมรู้จัก)", "warning"))
    return found


def _is_old_catalogue(root: Path, path: Path) -> bool:
    """Why: before frameworks were files of their own, these three catalogues lived in data/catalog."""
    old = path.name in {"dimensions.yml", "requirements.yml"} or fnmatch.fnmatch(path.name, "priority-*.yml")
    return old and path.parent == root / "catalog"


def _all_files(root: Path) -> list[Path]:
    """Every file below `root`, symlinks not followed (a link loop must not hang the check)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        found.extend(Path(folder) / name for name in files)
        found.extend(Path(folder) / name for name in dirs if (Path(folder) / name).is_symlink())
    return sorted(found)


FRAMEWORK_FILES = "frameworks"  # folder under data/catalog


def _load_catalog(data: Dataset) -> None:
    catalog = data.root / "catalog"
    _load_frameworks(data, catalog / FRAMEWORK_FILES)
    for kind in data.kinds:
        if kind.load_catalogs is not None:
            data.catalogs[kind.name] = kind.load_catalogs(data)


def _load_frameworks(data: Dataset, folder: Path) -> None:
    """Every data/catalog/frameworks/*.yml; a second file with the same id is reported by the checks."""
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    if not paths:
        shown = shown_path(data.root, folder)
        data.problems.append(Problem(shown, 1, "-", "ไม่พบไฟล์กรอบแผน (data/catalog/frameworks/<รหัสกรอบ>.yml) อย่างน้อยหนึ่งไฟล์"))
    for path in paths:
        loaded = data.load(path, Framework)
        if loaded is not None:
            data.frameworks.setdefault(loaded.model.id, loaded)


def _required(data: Dataset, path: Path, model: type[BaseModel]) -> Loaded | None:
    if not path.is_file():
        data.problems.append(Problem(shown_path(data.root, path), 1, "-", "ไม่พบไฟล์ที่จำเป็น"))
        return None
    return data.load(path, model)


def _load_unit(data: Dataset, unit_dir: Path) -> None:
    shown = shown_path(data.root, unit_dir)
    data.read.add(unit_dir)
    if unit_dir.is_symlink() or not unit_dir.is_dir():
        if not unit_dir.name.startswith("."):
            data.problems.append(Problem(shown, 1, "-", "ในโฟลเดอร์ units ต้องมีเฉพาะโฟลเดอร์ของหน่วยงาน"))
        return
    if not SLUG_RE.fullmatch(unit_dir.name):
        data.problems.append(Problem(shown, 1, "-", "ชื่อโฟลเดอร์หน่วยงานต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ -"))
        data.read.update(_all_files(unit_dir))  # reported once, for the folder
        return
    unit = _required(data, unit_dir / "unit.yml", Unit)
    if unit is None:
        # Still validate the unit's documents so the clerk sees every problem in one run.
        for path in sorted(unit_dir.iterdir()):
            _load_unit_file(data, UnitData(Loaded(None, YamlDoc("", None))), path)
        return
    if unit.model.id != unit_dir.name:
        data.problems.append(
            Problem(unit.path, unit.doc.line_of(("id",)), "id", f"รหัสต้องตรงกับชื่อโฟลเดอร์ '{unit_dir.name}'")
        )
    entry = UnitData(unit)
    for path in sorted(unit_dir.iterdir()):
        _load_unit_file(data, entry, path)
    data.units[unit_dir.name] = entry


def _load_unit_file(data: Dataset, entry: UnitData, path: Path) -> None:
    if path.name == "unit.yml" or path.suffix not in {".yml", ".yaml"}:
        return  # unit.yml is read by _load_unit; anything else is reported by check_unread
    data.read.add(path)
    kind = next((k for k in data.kinds if fnmatch.fnmatch(path.name, k.pattern)), None)
    if kind is None:
        known = ", ".join(k.pattern for k in data.kinds)
        data.problems.append(Problem(shown_path(data.root, path), 1, "-", f"ไม่รู้จักไฟล์นี้ ชื่อไฟล์ที่ใช้ได้: unit.yml, {known}"))
        return
    loaded = data.load(path, kind.model)
    if loaded is not None:
        loaded.kind = kind.name
        entry.documents.append(loaded)
