"""Stored script injection through an OIT map's `page:`/`content:` (issue 13, point 1).

The path and the `#anchor` of a map entry end up in a link target. Every variant of a payload that could
close the link, open an element or start a script is refused by `check` with a Thai `file:line`; an anchor
that does not exist on its page is refused too; and every link target is written by one escaping function.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.mdtext import link_target
from generator.render import build_environment
from generator.site import check_site
from tests.test_oit import MAP, oit_data  # noqa: F401  (fixture)

PAYLOADS = [
    "#x) <img src=x onerror=alert(1)>",
    "#x)<img/src=x/onerror=alert(1)>",
    '#x" onmouseover="alert(1)',
    "#x' onfocus='alert(1)",
    "#x)[y](javascript:alert(1)",
    "#x><script>alert(1)</script>",
    "#x%29%20%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "#x`alert(1)`",
    "#x\tonload=alert(1)",
    "#x{onclick=alert(1)}",
    "#x)<script src=//evil.example/x.js></script>",
    "#<svg onload=alert(1)>",
    "#x)<svg/onload=alert(1)>",  # no white space: passes an URL check, still an element with onload
    "#x\u202e)gmi<",
    "#x)\n<img src=x onerror=alert(1)>",
]
TARGETS = ["mini/plan/2566-2570/", "mini/complaints.md"]


def _map_with(oit_data: Path, field: str, value: str) -> None:  # noqa: F811
    path = oit_data / "units" / "mini" / "oit-2566.yml"
    quoted = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    path.write_text(path.read_text(encoding="utf-8") + f'  O30:\n    {field}: "{quoted}"\n', encoding="utf-8")


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field,target", [("page", TARGETS[0]), ("content", TARGETS[1])])
def test_fragment_payloads_are_refused_by_check(oit_data: Path, field: str, target: str, payload: str) -> None:  # noqa: F811
    _map_with(oit_data, field, target + payload)
    checked = check_site(oit_data)
    errors = [p.format() for p in checked.errors]
    assert any(e.startswith(f"{MAP}:21: items.O30.{field}: ") for e in errors), errors
    assert checked.site is None  # nothing is built from it


@pytest.mark.parametrize("field,target", [("page", TARGETS[0]), ("content", TARGETS[1])])
def test_an_anchor_must_exist_on_its_page(oit_data: Path, field: str, target: str) -> None:  # noqa: F811
    _map_with(oit_data, field, target + "#no-such-section")
    errors = [p.format() for p in check_site(oit_data).errors]
    assert any(e.startswith(f"{MAP}:21: items.O30.{field}: ไม่พบหัวข้อ #no-such-section") for e in errors), errors


def test_an_existing_anchor_is_linked(oit_data: Path) -> None:  # noqa: F811
    _map_with(oit_data, "page", "mini/plan/2566-2570/#dimensions")
    checked = check_site(oit_data)
    assert not checked.errors, [p.format() for p in checked.errors]
    assert checked.site is not None
    page = checked.site.files["mini/oit/2566/o30/index.md"]
    assert "plan/2566-2570/index.md#dimensions)" in page


@pytest.mark.parametrize("target", ["a) <b>", 'a" x="', "a'b", "a\nb", "a<b>c", "a[b]c", "a`b", "a b"])
def test_every_link_target_goes_through_one_escaping_function(target: str) -> None:
    encoded = link_target(target)
    assert not set(encoded) & set(" ()<>\"'`[]\n\t")
    env = build_environment()
    rendered = env.from_string("{{ 'x'|md_link(t) }}").render(t=target)
    assert rendered == f"[x]({encoded})"
