"""generator.forked: work done in a forked child comes back whole, and a failed child never loses the work."""

from __future__ import annotations

import os
import time

import pytest

from generator.forked import ChildJob

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def test_the_child_computes_and_the_parent_gets_the_result() -> None:
    parent = os.getpid()
    job = ChildJob(lambda: {"pid": os.getpid(), "data": b"\x00" * 300_000}, fork=True)
    result = job.result()
    assert result["pid"] != parent  # it ran in the child
    assert result["data"] == b"\x00" * 300_000  # bigger than a pipe's buffer: the child never stalls


def test_a_failing_child_leaves_the_work_to_the_parent() -> None:
    parent = os.getpid()

    def only_here() -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return 42

    assert ChildJob(only_here, fork=True).result() == 42


def test_a_child_killed_meanwhile_leaves_the_work_to_the_parent() -> None:
    parent = os.getpid()

    def slow_in_child() -> str:
        if os.getpid() != parent:
            time.sleep(30)
            return "child"
        return "here"

    job = ChildJob(slow_in_child, fork=True)
    os.kill(job.pid, 9)
    assert job.result() == "here"


def test_a_real_error_surfaces_in_the_parent() -> None:
    def broken() -> int:
        raise ValueError("bug")

    with pytest.raises(ValueError, match="bug"):
        ChildJob(broken, fork=True).result()


def test_cancel_stops_the_child() -> None:
    job = ChildJob(lambda: time.sleep(30), fork=True)
    pid = job.pid
    job.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no such child


def test_without_fork_the_work_runs_here_when_asked() -> None:
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    job = ChildJob(count, fork=False)
    assert calls == []
    assert job.result() == 1
