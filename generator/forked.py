"""Work handed to a forked child process while this one goes on: the second core of a build machine.

Why: a site build is one Python process, and the downloads of every unit (workbooks, CSV/XLSX/ZIP) are work no
page needs until the late checks. A child forked at that point builds them while the parent renders the pages
(issue 12: a 200-unit build). The child sees the parent's memory as it was at the fork, so nothing is sent to
it; its result comes back pickled through an unlinked temporary file (a pipe would stall the child at 64 KB
until the parent reads).

When forking is not safe (not Linux, or other threads running, as in `mkdocs serve`), or when the child fails
in any way, the work runs in this process instead, so a real error surfaces here with its own traceback.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import IO, Generic, TypeVar

T = TypeVar("T")


class ChildJob(Generic[T]):
    """`fn()` computed in a forked child (or, failing that, here when the result is asked for)."""

    def __init__(self, fn: Callable[[], T], fork: bool | None = None) -> None:
        self.fn = fn
        self.pid = 0
        self.file: IO[bytes] | None = None
        if fork if fork is not None else can_fork():
            self._start()

    def _start(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="thai-plans-job-")  # noqa: SIM115 (closed in result or cancel)
        pid = os.fork()
        if pid == 0:  # the child: compute, write, leave without running the parent's exit handlers
            code = 1
            try:
                pickle.dump(self.fn(), self.file, protocol=pickle.HIGHEST_PROTOCOL)
                self.file.flush()
                code = 0
            finally:
                os._exit(code)
        self.pid = pid

    def result(self) -> T:
        if not self.pid or self.file is None:
            return self.fn()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        with self.file:
            if os.waitstatus_to_exitcode(status) == 0:
                self.file.seek(0)
                try:
                    return pickle.load(self.file)  # type: ignore[no-any-return]
                except (EOFError, pickle.UnpicklingError):
                    pass
        return self.fn()  # the child failed or was killed: do the work here

    def cancel(self) -> None:
        """Stop the child when its result will not be asked for (the parent failed meanwhile)."""
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = 0
        if self.file is not None:
            self.file.close()


def can_fork() -> bool:
    # Why one thread only: a fork copies locks other threads may hold (logging, I/O), and the child could hang.
    # Why Linux only: CI and the deploy build run there; macOS system libraries are not fork-safe, Windows has none.
    return sys.platform == "linux" and threading.active_count() == 1
