"""Where open-data files live (documented in the README's open-data section; urls.py is the page scheme).

/<unit>/opendata/                       dataset metadata page (GD-Catalog fields, Thai)
/<unit>/opendata/<table>.csv|json|xlsx  one table, e.g. plan-2566-2570-budget.csv
/<unit>/opendata/datapackage.json       Frictionless Data Package describing the CSVs
/<unit>/opendata/dataset.jsonld         the same metadata as DCAT JSON-LD, for harvesters
/<unit>/opendata/<unit>-opendata.zip    everything above plus README.md (Thai)
/data-dictionary/                       พจนานุกรมข้อมูล: every field of every document kind and table
"""

from __future__ import annotations

TABLE_FORMATS = ("csv", "json", "xlsx")
DATAPACKAGE = "datapackage.json"
DCAT = "dataset.jsonld"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def opendata_dir(unit_id: str) -> str:
    return f"{unit_id}/opendata"


def metadata_page(unit_id: str) -> str:
    return f"{opendata_dir(unit_id)}/index.md"


def table_file(unit_id: str, name: str, ext: str) -> str:
    return f"{opendata_dir(unit_id)}/{name}.{ext}"


def zip_name(unit_id: str) -> str:
    return f"{unit_id}-opendata.zip"


def unit_file(unit_id: str, name: str) -> str:
    """A file directly in the unit's opendata folder (datapackage.json, dataset.jsonld, the ZIP)."""
    return f"{opendata_dir(unit_id)}/{name}"


def dictionary_page() -> str:
    return "data-dictionary/index.md"
