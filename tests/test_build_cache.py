"""Per-unit reuse between builds of one process (generator/build_cache.py, what makes `make preview` fast).

A reuse must never be stale: after any edit, the build that reuses unchanged units gives exactly the bytes of a
build from nothing. Each edit below changes a different kind of input, including the ones another unit reads
(a parent's consolidated ITA report, a child's report, a shared catalogue, a unit profile).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import build_cache, pipeline
from generator.site import check_site

ROOT = Path(__file__).resolve().parent.parent
MARK = "ข้อความแก้ไขทดสอบแคช"
# (file, a text that file publishes): the edit puts MARK in front of the text; with no text the file is deleted.
EDITS = [
    ("data/units/bma/ita-consolidated-2565.yml", ""),  # the child's report page links the parent's
    ("data/units/sao-bueng-prue/plan-2566-2570.yml", "องค์การบริหารส่วนตำบลบึงปรือได้จัดทำแผนปฏิบัติการ"),
    ("data/units/bma/ita-consolidated-2565.yml", "ประชาสัมพันธ์คู่มือการปฏิบัติงานที่ได้มีการปรับปรุง"),  # the parent
    ("data/units/bma-district-suan-luang/ita-2565.yml", "บุคลากรในหน่วยงานปฏิบัติงานหรือให้บริการ"),  # a child
    ("data/units/bma-district-suan-luang/unit.yml", "สำนักงานเขตสวนหลวงเป็นสำนักงานเขต"),  # a profile
    ("data/units/sao-bueng-prue/complaints-2567.yml", "โทรศัพท์ถึงที่ทำการองค์การบริหารส่วนตำบลบึงปรือ"),
    ("data/catalog/oit-2566.yml", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),  # shared by every unit
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cache")
    for folder in ("data", "content", "theme"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def build(project: Path) -> pipeline.CheckedSite:
    return check_site(project / "data", project / "theme" / "generator")


def build_from_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> pipeline.CheckedSite:
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "CACHE", build_cache.UnitCache())
        return build(project)


@pytest.fixture
def edited(project: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, str]]:
    """The project with one edit applied (restored afterwards), after a build that filled the cache."""
    build(project)
    path, text = project / request.param[0], request.param[1]
    original = path.read_text(encoding="utf-8")
    assert text in original
    if text:
        path.write_text(original.replace(text, MARK + text, 1), encoding="utf-8")
    else:
        path.unlink()
    yield project, text
    path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("edited", EDITS, indirect=True, ids=[("" if e[1] else "deleted ") + e[0].split("/", 1)[1] for e in EDITS])
def test_a_build_after_an_edit_equals_a_build_from_nothing(edited: tuple[Path, str], monkeypatch):
    project, text = edited
    reused, fresh = build(project), build_from_nothing(project, monkeypatch)
    assert reused.site is not None and fresh.site is not None
    assert not text or any(MARK in page for page in reused.site.files.values()), "the edit is published"
    assert list(reused.site.files) == list(fresh.site.files)
    changed = [path for path, text in reused.site.files.items() if text != fresh.site.files[path]]
    assert changed == [], "pages reused although their input changed"
    assert reused.site.assets == fresh.site.assets
    assert [p.format() for p in reused.problems] == [p.format() for p in fresh.problems]


def test_units_whose_inputs_did_not_change_are_reused(project: Path):
    build(project)
    before = dict(pipeline.CACHE.entries)
    plan = project / "data/units/sao-bueng-prue/plan-2566-2570.yml"
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original.replace("บึงปรือได้จัดทำ", "บึงปรือได้จัดทำ" + MARK, 1), encoding="utf-8")
    try:
        build(project)
    finally:
        plan.write_text(original, encoding="utf-8")
    after = pipeline.CACHE.entries
    assert after[("pages", "sao-bueng-prue")] is not before[("pages", "sao-bueng-prue")]
    for unit in ("bma", "bma-district-suan-luang", "bma-finance-department"):
        assert after[("pages", unit)] is before[("pages", unit)], unit
        assert after[("assets", unit)] is before[("assets", unit)], unit


def test_keys_cover_what_pages_read_beyond_the_unit(project: Path, monkeypatch):
    data = build(project).data
    templates = project / "theme" / "generator"
    keys = build_cache.unit_keys(data, templates)
    assert build_cache.unit_keys(data, templates) == keys, "keys are deterministic"
    guide = project / "content" / "guide.md"
    original = guide.read_text(encoding="utf-8")
    guide.write_text(original + "\nเพิ่มบรรทัด\n", encoding="utf-8")  # OIT items point into content/
    try:
        assert build_cache.unit_keys(data, templates)["sao-bueng-prue"] != keys["sao-bueng-prue"]
    finally:
        guide.write_text(original, encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://example.go.th/")  # printed in OIT pages and metadata
    assert build_cache.unit_keys(data, templates)["bma"] != keys["bma"]
    monkeypatch.delenv("SITE_URL")
    override = templates / "added-override.md.j2"
    templates.mkdir(parents=True, exist_ok=True)
    override.write_text("x\n", encoding="utf-8")
    try:
        assert build_cache.unit_keys(data, templates)["bma"] != keys["bma"]
    finally:
        override.unlink()
    assert build_cache.unit_keys(data, templates) == keys
