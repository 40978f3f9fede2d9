"""A new document kind is one package plus one line: this test writes a throwaway kind package (a unit's
"notice board" file), hands it to the core next to the shipped kinds, and checks that it is loaded, checked,
rendered through the one Jinja environment (base page included), downloadable, listed on the unit home,
and can serve an OIT map entry by name — with no change to the core."""

from __future__ import annotations

import importlib
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from generator import pipeline
from generator.site import KINDS
from tests.conftest import ROOT

INIT = '''
"""A throwaway kind: data/units/<unit>/notice-<year>.yml."""
from __future__ import annotations

from pathlib import Path

from generator.dataset import problem_at
from generator.kindapi import DocumentKind, ServedTarget, TargetName
from generator.models.common import FiscalYear, Strict, Text
from generator.opendata.tables import Table, column_from_field, table_spec
from generator.pages import PageSpec
from pydantic import Field


class Notice(Strict):
    year: FiscalYear = Field(title="ปีงบประมาณ")
    headline: Text = Field(title="หัวข้อประกาศ")


NOTICES = table_spec("notice", "notices", "ประกาศ", "หนึ่งแถวต่อประกาศ", [column_from_field(Notice, "headline")])
TARGET = TargetName("notice", "ประกาศของหน่วยงาน")


def page(unit, loaded):
    return f"{unit.id}/notice/{loaded.model.year}/index.md"


def build_pages(data, unit, loaded, warnings):
    return [PageSpec(page(unit, loaded), "notice.md.j2", "ประกาศ", {"notice": loaded.model}, loaded.path)]


def check(data, unit, loaded):
    if loaded.stem != f"notice-{loaded.model.year}":
        yield problem_at(loaded, ("year",), "ชื่อไฟล์ต้องตรงกับปี")


def tables(data, unit, loaded):
    return [Table(NOTICES, f"notice-{loaded.model.year}", [{"headline": loaded.model.headline}], page(unit, loaded), loaded.path)]


def served(data, unit, loaded):
    return [ServedTarget(TARGET.name, TARGET.label, page(unit, loaded), frozenset({loaded.model.year}))]


KINDS = (
    DocumentKind(
        name="notice", pattern="notice-*.yml", model=Notice, build_pages=build_pages, check=check,
        link=lambda unit, loaded: ("ประกาศ", page(unit, loaded)), unit_heading="ประกาศ", order=60,
        templates=Path(__file__).parent / "templates", tables=(NOTICES,), build_tables=tables,
        targets=(TARGET,), served=served,
    ),
)
'''
TEMPLATE = "# ประกาศ ปี {{ notice.year|n }}\n\n{{ notice.headline }}\n"


@pytest.fixture
def notice_kind(tmp_path: Path) -> tuple:
    package = tmp_path / "kinds_extra" / "notice"
    (package / "templates").mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(INIT), encoding="utf-8")
    (package / "templates" / "notice.md.j2").write_text(TEMPLATE, encoding="utf-8")
    sys.path.insert(0, str(package.parent))
    try:
        yield importlib.import_module("notice").KINDS
    finally:
        sys.path.remove(str(package.parent))
        sys.modules.pop("notice", None)


def _data(tmp_path: Path, headline: str, year: int = 2566) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    unit = data / "units" / "sao-bueng-prue"
    (unit / f"notice-{year}.yml").write_text(f"year: {year}\nheadline: {headline}\n", encoding="utf-8")
    oit = unit / "oit-2566.yml"
    oit.write_text(oit.read_text(encoding="utf-8").replace("generated: plan-risks", "generated: notice"), encoding="utf-8")
    return data


def test_a_new_kind_is_one_package(tmp_path: Path, notice_kind: tuple) -> None:
    data = _data(tmp_path, "ประกาศเจตนารมณ์ <b>สุจริต</b>")
    site = pipeline.render_site(data, [*KINDS, *notice_kind])
    page = site.files["sao-bueng-prue/notice/2566/index.md"]
    assert page.startswith("# ประกาศ ปี 2566")
    assert "&lt;b&gt;" in page or "\\<b\\>" in page  # data is escaped by the one environment
    assert "ปรับปรุงล่าสุด" in page or "ใช้ตอบข้อ OIT" in page  # the base page template added the shared extras
    assert "ใช้ตอบข้อ OIT" in page  # the OIT map resolved `generated: notice` through the kind's served target
    assert "sao-bueng-prue/opendata/notice-2566.csv" in site.assets
    assert "ประกาศ" in site.files["sao-bueng-prue/index.md"]
    assert "notice" in site.files["data-dictionary/index.md"]


def test_a_new_kinds_checks_run_in_the_check_phase(tmp_path: Path, notice_kind: tuple) -> None:
    data = _data(tmp_path, "ประกาศ")
    (data / "units" / "sao-bueng-prue" / "notice-2566.yml").rename(data / "units" / "sao-bueng-prue" / "notice-x.yml")
    checked = pipeline.check_site(data, [*KINDS, *notice_kind])
    assert [p.format() for p in checked.errors] == ["data/units/sao-bueng-prue/notice-x.yml:1: year: ชื่อไฟล์ต้องตรงกับปี"]


def test_without_the_kind_its_files_and_names_are_reported(tmp_path: Path) -> None:
    checked = pipeline.check_site(_data(tmp_path, "ประกาศ"), KINDS)
    messages = [p.format() for p in checked.errors]
    assert any(m.startswith("data/units/sao-bueng-prue/notice-2566.yml:1: -: ไม่รู้จักไฟล์นี้") for m in messages)
    assert any("ไม่รู้จักหน้า 'notice'" in m for m in messages)
