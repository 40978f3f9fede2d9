"""CSV formula injection (issue 13, point 9): no text cell of any CSV download starts a spreadsheet formula.

Every free-text field of every kind's sample file starts with a formula payload; every CSV the site offers must
carry it neutralised (a leading apostrophe, OWASP's rule) while the JSON keeps the exact text.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.opendata.tables import Column, Table, TableSpec, Value
from generator.opendata.writers import neutralise_csv_cell, write_csv
from generator.site import check_site
from tests.conftest import ROOT
from tests.test_personal_data_everywhere import _inject

PAYLOADS = ("=1+1 ", "+1+1 ", "-1+1 ", "＝1+1 ")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def _csv_cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8"))) for cell in row]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_csv_download_neutralises_formulas(tmp_path: Path, payload: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert _inject(data, payload)
    checked = check_site(data)
    assert checked.errors == [] and checked.site is not None
    csvs = {name: body for name, body in checked.site.assets.items() if name.endswith(".csv")}
    assert csvs
    formulas = [(name, cell) for name, body in csvs.items() for cell in _csv_cells(body) if cell.startswith(FORMULA_START)]
    assert formulas == []
    neutralised = [cell for body in csvs.values() for cell in _csv_cells(body) if cell.startswith("'" + payload.strip())]
    assert neutralised, "the payload reached no CSV: the test would prove nothing"
    jsons = [body.decode("utf-8") for name, body in checked.site.assets.items() if name.endswith(".json")]
    assert any(json.dumps(payload.strip(), ensure_ascii=False)[:-1] in body for body in jsons)


def test_numbers_stay_numbers_and_text_is_neutralised() -> None:
    columns = (Column("amount", "จำนวน", "จำนวนเงิน", "number"), Column("text", "ข้อความ", "ข้อความ"))
    spec = TableSpec(key="t", kind="plan", title="ตาราง", description="ทดสอบ", columns=columns)
    rows: list[dict[str, Value]] = [{"amount": Decimal("-5"), "text": "@SUM(A1)"}, {"amount": 3, "text": " =1"}]
    table = Table(spec=spec, name="t", rows=rows, page="index.md", source="data/x.yml")
    assert _csv_cells(write_csv(table))[2:] == ["-5", "'@SUM(A1)", "3", "' =1"]
    assert neutralise_csv_cell("ข้อความ -1") == "ข้อความ -1"
