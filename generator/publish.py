"""Publish a folder safely: one build at a time, unique staging, an atomic switch, Thai errors for a bad disk.

Every writer of an output folder (`mkdocs build` through the plugin, `python -m generator render --out`)
goes through `Publication`:

1. `open()` takes an exclusive `flock` on `.<name>.lock` next to the output folder (the kernel drops it
   when the process dies, even by kill -9), removes what a killed build left behind, and creates a
   staging folder with a unique name next to the output folder (same filesystem, so renames are atomic).
2. `commit()` switches the staging folder in with one `renameat2(RENAME_EXCHANGE)`: the output path is at
   every instant either the old complete tree or the new one, and it stays a real directory (tools that
   do `cp -r site`, `tar site` or match `site/` in .gitignore keep working, unlike with a symlink).
   The old tree, now under the staging name, is deleted afterwards.
3. `close()` releases the lock and deletes the staging folder if it was not committed.

Disk failures (read-only, full, no permission) become a `PublishError` with a Thai message.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from .render import check_output_path

# Why per platform: staff preview and build on Windows too, where fcntl does not exist.
if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


LOCKED_MESSAGE = (
    "มีการสร้างเว็บไซต์อีกชุดกำลังทำงานอยู่ (ล็อก {lock}) รอให้ชุดนั้นเสร็จแล้วลองใหม่"
    " ไม่ได้แตะต้องไฟล์ของชุดนั้น (hint: another build holds the lock)"
)
_DISK_REASONS = {
    errno.EROFS: "ดิสก์เป็นแบบอ่านอย่างเดียว (read-only file system)",
    errno.ENOSPC: "พื้นที่ดิสก์เต็ม (no space left on device)",
    errno.EDQUOT: "ใช้พื้นที่ดิสก์เกินโควตา (disk quota exceeded)",
    errno.EACCES: "ไม่มีสิทธิ์เขียนโฟลเดอร์นี้ (permission denied)",
    errno.EPERM: "ไม่มีสิทธิ์เขียนโฟลเดอร์นี้ (operation not permitted)",
}
DISK_ERRNOS = frozenset(_DISK_REASONS)
_LEFTOVER_KINDS = ("staging-", "old-")
_LEGACY_LEFTOVERS = ("staging", "old", "tmp")  # fixed names used by earlier versions
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class PublishError(Exception):
    """A publishing failure whose message is Thai text for the user (print it, no traceback)."""


def lock_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.lock"


def describe_os_error(exc: OSError, out_dir: Path) -> str:
    reason = _DISK_REASONS.get(exc.errno or 0, f"ระบบแฟ้มแจ้งข้อผิดพลาด ({exc.strerror or exc})")
    where = exc.filename or out_dir
    return f"{where}: เขียนผลลัพธ์ไปที่ {out_dir} ไม่สำเร็จ: {reason} ผลลัพธ์ชุดเดิมยังอยู่ครบ แก้ไขแล้วลองใหม่"


@contextlib.contextmanager
def disk_errors(out_dir: Path) -> Iterator[None]:
    """Turn any OSError raised inside into a PublishError with a Thai message."""
    try:
        yield
    except OSError as exc:
        raise PublishError(describe_os_error(exc, out_dir)) from exc


class Publication:
    """One build's output folder: `open()` → write into `staging` → `commit()`; always `close()`."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(os.path.abspath(out_dir))
        self.staging: Path | None = None
        self._lock_fd: int | None = None

    def open(self) -> Path:
        with disk_errors(self.out_dir):
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            self._acquire_lock()
            recover_leftovers(self.out_dir)
            self.staging = new_staging(self.out_dir)
        return self.staging

    def commit(self) -> None:
        if self.staging is None:
            raise RuntimeError("commit() without open()")
        with disk_errors(self.out_dir):
            swap_directory(self.staging, self.out_dir)
        self.staging = None

    def close(self) -> None:
        """Discard an uncommitted staging folder and release the lock; safe to call twice."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the only descriptor releases the flock
            self._lock_fd = None

    def _acquire_lock(self) -> None:
        lock = lock_path(self.out_dir)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise PublishError(LOCKED_MESSAGE.format(lock=lock))
        self._lock_fd = fd


def recover_leftovers(out_dir: Path) -> list[Path]:
    """Delete staging and old trees a killed build left next to `out_dir` (caller holds the lock)."""
    prefix = f".{out_dir.name}."
    removed = []
    for entry in sorted(out_dir.parent.iterdir()):
        kind = entry.name[len(prefix) :] if entry.name.startswith(prefix) else None
        if kind is not None and (kind.startswith(_LEFTOVER_KINDS) or kind in _LEGACY_LEFTOVERS):
            _remove(entry)
            removed.append(entry)
    return removed


def new_staging(out_dir: Path) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    # Why: mkdtemp makes a 0700 folder; once swapped in, a web server running as another user must read it.
    staging.chmod(0o777 & ~_current_umask())
    return staging


def swap_directory(staging: Path, out_dir: Path) -> None:
    """Put `staging` in place of `out_dir` atomically; the previous tree is deleted afterwards."""
    if not os.path.lexists(out_dir):
        os.replace(staging, out_dir)
    elif _exchange(staging, out_dir):
        shutil.rmtree(staging, ignore_errors=True)  # the old tree; a leftover is recovered next build
    else:
        _swap_with_two_renames(staging, out_dir)


def write_tree_atomically(out_dir: Path, files: Mapping[str, str | bytes]) -> None:
    """Write every file into a fresh staging folder, then switch it in: a failure leaves `out_dir` intact."""
    publication = Publication(out_dir)
    try:
        staging = publication.open()
        with disk_errors(publication.out_dir):
            _write_files(staging, files)
        publication.commit()
    finally:
        publication.close()


def _write_files(staging: Path, files: Mapping[str, str | bytes]) -> None:
    root = staging.resolve()
    for rel, text in sorted(files.items()):
        target = (root / check_output_path(rel)).resolve()
        if root not in target.parents:
            raise ValueError(f"path escapes the output folder: {rel}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the OS or filesystem cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap_with_two_renames(staging: Path, out_dir: Path) -> None:
    # Why: fallback without RENAME_EXCHANGE (macOS, NFS): the name is missing between the two renames.
    backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.replace(out_dir, backup / "tree")
    os.replace(staging, out_dir)
    shutil.rmtree(backup, ignore_errors=True)


def _remove(entry: Path) -> None:
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry)
    else:
        entry.unlink()


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
