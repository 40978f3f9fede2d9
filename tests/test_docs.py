"""Docs checked by tests: the README's commands and URL scheme match the code."""

from __future__ import annotations

import re

from generator import urls
from generator.kinds.plan import urls as plan_urls
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_first_screen_gives_the_two_commands() -> None:
    first_screen = README[:2500]
    assert "make site" in first_screen and "make test" in first_screen


def test_make_targets_named_in_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w[\w-]*)`", README)):
        assert re.search(rf"(?m)^{target}:", makefile), f"README names `make {target}` but the Makefile has no such target"


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_url_scheme_in_readme_matches_generator_urls() -> None:
    block = re.search(r"<!-- url-scheme -->\s*```text\n(.*?)```", README, re.S)
    assert block is not None
    documented = [line.rstrip() for line in block.group(1).strip().splitlines()]
    docs = (urls.__doc__ or "") + (plan_urls.__doc__ or "")
    in_code = [line.strip() for line in docs.splitlines() if line.strip().startswith("/")]
    assert sorted(documented) == sorted(in_code)


def test_source_paths_named_in_readme_exist() -> None:
    """The README points newcomers at files; after a move, every such path must still be there."""
    named = set(re.findall(r"`(generator/[\w/.-]+\.(?:py|j2))`", README))
    example = {"generator/kinds/notice/__init__.py", "generator/kinds/notice/templates/notice.md.j2"}  # walk-through
    assert sorted(p for p in named - example if not (ROOT / p).exists()) == []
