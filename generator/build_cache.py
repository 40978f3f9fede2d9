"""Per-unit reuse between builds of one process: the Markdown and downloads of a unit whose inputs did not change.

Why: `make preview` re-checks and re-builds after every save; at 50 units re-rendering every page and every
download took ~4 s of a save, while a save changes one unit. A unit's outputs are reused only while its *key* is
unchanged. The key over-approximates what a unit's pages can read, so a reuse is never stale:

- the bytes of every file of the unit, of its parent and of its children (ITA pages cite both), with each
  file's "last changed" date (git or mtime) and the check's warnings about the unit's files;
- everything shared: every file under data/ outside data/units/ (catalogues, frameworks), every unit's
  unit.yml, the hand-written pages in content/ (OIT items point into them), the template overrides, the
  environment variables the pages print (SITE_URL, REPO_URL, SOURCE_DATE_EPOCH), today's date and the document
  kinds themselves (the objects, not only their names).

Pages outside a unit's folder (home, directory, frameworks, dictionary) are always rebuilt. A one-shot
`mkdocs build` starts with an empty cache, so the cache only matters to a long-lived process (a preview, or
`import-xlsx` and the tests, which check copies of the same data). Keys hold paths relative to the project, never
its location on disk: nothing a page shows depends on where the project lies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from . import gitdates
from .dataset import Dataset, UnitData
from .problems import Problem

T = TypeVar("T")
TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".j2", ".html", ".json", ".csv", ".txt"}
ENV_VARS = ("SITE_URL", "REPO_URL", "SOURCE_DATE_EPOCH")
_LIMIT = 20_000  # units remembered per cache before it starts afresh (bounds memory in a long preview)


class UnitCache:
    """Values built per unit, each kept with the key it was built for."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], tuple[bytes, object]] = {}

    def holds(self, part: str, unit_id: str, key: bytes) -> bool:
        found = self.entries.get((part, unit_id))
        return found is not None and found[0] == key

    def get(self, part: str, unit_id: str, key: bytes, build: Callable[[], T]) -> T:
        """The value of `build()` for this unit and part, reused while `key` is unchanged."""
        found = self.entries.get((part, unit_id))
        if found is not None and found[0] == key:
            return found[1]  # type: ignore[return-value]
        if len(self.entries) >= _LIMIT:
            self.entries.clear()
        value = build()
        self.entries[(part, unit_id)] = (key, value)
        return value


CACHE = UnitCache()
_KINDS_SEEN: dict[int, object] = {}


def unit_keys(data: Dataset, templates: Path | None, warnings: Sequence[Problem] = ()) -> dict[str, bytes]:
    """Unit id → the key of everything its pages and downloads can depend on (see the module docstring)."""
    shared = shared_digest(data, templates)
    own = {unit_id: _documents_digest(data, unit, warnings) for unit_id, unit in data.units.items()}
    children: dict[str, list[str]] = {}
    for unit_id, unit in data.units.items():
        children.setdefault(str(unit.unit.model.parent or ""), []).append(unit_id)
    keys = {}
    for unit_id, unit in data.units.items():
        related = sorted({unit_id, str(unit.unit.model.parent or ""), *children.get(unit_id, [])} - {""})
        digest = hashlib.blake2b(shared, digest_size=16)
        for other in related:
            digest.update(f"\x00{other}\x00".encode() + own.get(other, b"-"))
        keys[unit_id] = digest.digest()
    return keys


def shared_digest(data: Dataset, templates: Path | None) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr([(name, os.environ.get(name)) for name in ENV_VARS]).encode())
    digest.update(dt.date.today().isoformat().encode())
    # Why ids: a caller may hand in a kind with other functions under the same name (a test, a new kind); each
    # kind object seen stays referenced, so its id is never reused by another object.
    _KINDS_SEEN.update((id(kind), kind) for kind in data.kinds)
    digest.update(repr([(kind.name, id(kind)) for kind in data.kinds]).encode())
    for unit in data.units.values():
        digest.update(unit.unit.path.encode() + unit.unit.doc.digest)
    units_dir = data.root / "units"
    shared_files = (p for p in _files(data.root) if not p.is_relative_to(units_dir))
    for folder_files in (shared_files, _files(data.root.parent / "content"), _files(templates)):
        for path in folder_files:
            digest.update(f"\x00{_shown(data, path)}\x00".encode() + _file_digest(path))
    return digest.digest()


def _shown(data: Dataset, path: Path) -> str:
    """A path as the pages could show it: relative to the project, so a copy of the project elsewhere (a test's
    or import-xlsx's temporary copy) finds the same keys."""
    return path.relative_to(data.root.parent).as_posix() if path.is_relative_to(data.root.parent) else str(path)


def _documents_digest(data: Dataset, unit: UnitData, warnings: Sequence[Problem]) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    # Why the warnings: a document's page lists the warnings about its file.
    folder = Path(unit.unit.path).parent.as_posix() + "/"
    digest.update(repr(sorted(w.format() for w in warnings if w.path.startswith(folder))).encode())
    for loaded in (unit.unit, *unit.documents):
        # Why data.root.parent: shown paths are relative to the folder that holds data/ (data/units/...).
        changed = gitdates.last_changed(data.root.parent / loaded.path)
        digest.update(f"\x00{loaded.path}\x00{changed}\x00".encode() + loaded.doc.digest)
    return digest.digest()


def _files(folder: Path | None) -> Iterable[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _file_digest(path: Path) -> bytes:
    """Text files by content; anything else (PDFs, images in content/) by size and modification time."""
    try:
        if path.suffix in TEXT_SUFFIXES:
            return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
        stat = path.stat()
        return f"{stat.st_size}:{stat.st_mtime_ns}".encode()
    except OSError:
        return b"?"
