"""The shell scripts `make` runs: a pipe into `grep -q` under `set -o pipefail` fails when it matches.

Why: `grep -q` exits at its first match, the writer before it dies of SIGPIPE, and pipefail reports the whole
pipeline failed — install-browser.sh thought the Thai fonts were missing and ran apt-get on every `make test`.
"""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT

SCRIPTS = sorted({*ROOT.glob("scripts/*.sh"), *ROOT.glob("tests/browser/*.sh"), *ROOT.glob(".ci/*")})
QUIET_GREP_IN_PIPE = re.compile(r"\|\s*grep\s+(-\w*q\w*|--quiet|--silent)\b")


def test_no_script_pipes_into_a_quiet_grep_under_pipefail() -> None:
    assert SCRIPTS
    bad = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in SCRIPTS
        if "pipefail" in (text := path.read_text(encoding="utf-8"))
        for number, line in enumerate(text.splitlines(), 1)
        if QUIET_GREP_IN_PIPE.search(line)
    ]
    assert bad == []


def test_the_pattern_catches_the_failure_it_names() -> None:
    """The shell really fails such a pipe, and the pattern above recognises every spelling of it."""
    pipe = "set -o pipefail; yes ก | grep -q ก"
    assert subprocess.run(["bash", "-c", pipe], check=False).returncode != 0
    for line in ("fc-list | grep -qi x", "a | grep -q x", "a |grep --quiet x", "a | grep -iq x", "a | grep --silent x"):
        assert QUIET_GREP_IN_PIPE.search(line), line
    assert not QUIET_GREP_IN_PIPE.search("a | grep -i x >/dev/null")
