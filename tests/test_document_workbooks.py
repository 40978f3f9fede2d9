"""The site's per-document XLSX downloads are the clerk's workbooks (issue 16): one file for citizens and staff."""

from __future__ import annotations

import copy
import functools
import io
from pathlib import Path

import openpyxl
import pytest

from generator.document_workbooks import build_workbook, document_workbook_file
from generator.site import KINDS, load_checked, render_site
from generator.workbook_cli import export_workbook

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DOCUMENTS = sorted(
    (unit.name, path.stem)
    for unit in (DATA / "units").iterdir()
    for path in unit.glob("*.yml")
    if path.name != "unit.yml"
)
PRIVATE_NAME = "วรางคณา"  # a head of section in the Suan Luang ITA report, not marked publishable


@functools.cache
def _site() -> tuple[dict[str, str], dict[str, bytes]]:
    site = render_site(DATA)
    return site.files, site.assets


def _text_of(content: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row)


@pytest.mark.parametrize(("unit", "document"), DOCUMENTS)
def test_every_document_has_its_workbook_on_the_site_linked_from_the_unit_page(unit: str, document: str) -> None:
    files, assets = _site()
    path = document_workbook_file(unit, document)
    assert path in assets
    assert f"(opendata/documents/{document}.xlsx)" in files[f"{unit}/index.md"]
    site_book = openpyxl.load_workbook(io.BytesIO(assets[path]))
    clerk_book = openpyxl.load_workbook(io.BytesIO(export_workbook(DATA, unit, document, KINDS)))
    assert site_book.sheetnames == clerk_book.sheetnames


@pytest.mark.parametrize(("unit", "document"), [d for d in DOCUMENTS if d != ("bma-district-suan-luang", "ita-2565")])
def test_without_private_people_the_download_is_byte_for_byte_the_clerks_workbook(unit: str, document: str) -> None:
    _, assets = _site()
    assert assets[document_workbook_file(unit, document)] == export_workbook(DATA, unit, document, KINDS)


def test_private_people_keep_their_position_but_lose_their_name_on_the_site() -> None:
    _, assets = _site()
    site_text = _text_of(assets[document_workbook_file("bma-district-suan-luang", "ita-2565")])
    clerk_text = _text_of(export_workbook(DATA, "bma-district-suan-luang", "ita-2565", KINDS))
    assert PRIVATE_NAME in clerk_text and PRIVATE_NAME not in site_text
    assert "หัวหน้าฝ่ายปกครอง" in site_text


def test_an_edited_document_gets_a_new_workbook_even_after_one_was_built() -> None:
    """The preview rebuilds downloads after every save: reused workbooks must follow the data."""
    data, _ = load_checked(DATA)
    unit = data.units["sao-bueng-prue"]
    loaded = next(d for d in unit.documents if d.stem == "complaints-2567")
    kind = data.kind_of(loaded)
    assert kind is not None
    raw = copy.deepcopy(loaded.doc.data)
    first = build_workbook(data, unit, kind, loaded.stem, raw)
    assert build_workbook(data, unit, kind, loaded.stem, copy.deepcopy(raw)) == first
    raw["scope"] = "ข้อความที่แก้ใหม่"
    assert "ข้อความที่แก้ใหม่" in _text_of(build_workbook(data, unit, kind, loaded.stem, raw))
