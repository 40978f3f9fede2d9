"""Downloadable tables: column definitions taken from the pydantic models, plus the rows a page shows.

A `TableSpec` is the static shape of a table (its columns, in English snake_case with Thai titles and
descriptions copied from the models' `Field(title=..., description=...)`); a `Table` is one instance of it
for one document (rows + the page that shows it). Writers in `writers.py` turn a Table into CSV/JSON/XLSX.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from ..dataset import Dataset, UnitData

ColumnType = Literal["string", "integer", "number", "date", "boolean"]
Value = str | int | Decimal | dt.date | bool | None
Row = dict[str, Value]

# Thai names of the Table Schema types, for the data dictionary, the XLSX notes and the ZIP README.
TYPE_LABELS: dict[str, str] = {
    "string": "ข้อความ",
    "integer": "จำนวนเต็ม",
    "number": "ตัวเลข (ทศนิยมใช้จุด ไม่มีเครื่องหมายคั่นหลักพัน)",
    "date": "วันที่ ค.ศ. แบบ ปปปป-ดด-วว",
    "boolean": "true หรือ false",
}


@dataclass(frozen=True)
class Column:
    name: str  # English snake_case: the CSV header and the JSON key
    title: str  # Thai label: the XLSX header
    description: str  # Thai explanation: XLSX notes sheet, README, data dictionary, datapackage.json
    type: ColumnType = "string"
    required: bool = False
    source: str = ""  # which model field it comes from, e.g. 'Project.id' ('' = computed by the generator)


def _plain_type(annotation: Any) -> ColumnType:
    """Table Schema type of a model field's annotation (Optional/Annotated unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _plain_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _plain_type(args[0]) if len(args) == 1 else "string"
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "integer"
    if annotation in (Decimal, float):
        return "number"
    if annotation is dt.date:
        return "date"
    return "string"


def column_from_field(
    model: type[BaseModel],
    field_name: str,
    name: str | None = None,
    *,
    type: ColumnType | None = None,
    title: str | None = None,
    note: str = "",
) -> Column:
    """A column whose Thai title and description are the model field's own metadata (the one source).

    `type` overrides the inferred type (e.g. the values of a `dict[FiscalYear, Baht]` field are numbers);
    `title` overrides the label only where a field holds several columns; `note` is appended to the description.
    """
    info = model.model_fields[field_name]
    description = " ".join(p for p in (info.description or "", note) if p)
    return Column(
        name=name or field_name,
        title=title or info.title or field_name,
        description=description or (info.title or field_name),
        type=type or _plain_type(info.annotation),
        required=info.is_required(),
        source=f"{model.__name__}.{field_name}",
    )


def computed_column(
    name: str, title: str, description: str, type: ColumnType = "string", required: bool = True
) -> Column:
    """A column the generator computes (a total, a row number, a page address): documented here once."""
    return Column(name, title, description, type, required, "")


@dataclass(frozen=True)
class TableSpec:
    key: str  # short local name, unique within its document kind ('budget', 'projects', ...)
    kind: str  # the document kind that shows it ('plan', 'progress', ...)
    title: str  # Thai
    description: str  # Thai: what one row is
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass
class Table:
    spec: TableSpec
    name: str  # file stem, unique within a unit, e.g. 'plan-2566-2570-budget'
    rows: list[dict[str, Value]]
    page: str  # Markdown path of the page that shows this table (download links go there)
    source: str  # the YAML file the rows come from
    title: str = ""  # Thai title of this instance, e.g. 'งบประมาณรายปีตามโครงการ แผน 2566–2570'
    # True when the page's template prints `downloads[spec.key]` beside the table itself;
    # otherwise the links are appended to the end of the page.
    inline: bool = False

    def __post_init__(self) -> None:
        self.title = self.title or self.spec.title
        names = {c.name for c in self.spec.columns}
        for row in self.rows:
            if set(row) != names:
                raise ValueError(f"{self.name}: row keys {sorted(row)} differ from columns {sorted(names)}")

    @property
    def years(self) -> list[int]:
        """B.E. fiscal years present in the table (for the dataset's first/last year)."""
        if not any(c.name == "fiscal_year" for c in self.spec.columns):
            return []
        return sorted({int(y) for y in (r["fiscal_year"] for r in self.rows) if isinstance(y, int)})


def table_spec(
    kind: str, key: str, title: str, description: str, columns: Iterable[Column], primary_key: Iterable[str] = ()
) -> TableSpec:
    """Declare the shape of a downloadable table (a kind lists its specs in `DocumentKind.tables`)."""
    spec = TableSpec(key, kind, title, description, tuple(columns), tuple(primary_key))
    names = [c.name for c in spec.columns]
    if len(set(names)) != len(names) or not set(spec.primary_key) <= set(names):
        raise ValueError(f"table {kind}/{key}: duplicate columns or unknown primary key")
    return spec


def all_specs(data: Dataset) -> list[TableSpec]:
    """Every table shape of every kind, in kind order (for the data dictionary)."""
    return [spec for kind in data.kinds for spec in kind.tables]


def tables_of_unit(data: Dataset, unit: UnitData) -> list[Table]:
    """Every downloadable table of one unit, in document order."""
    tables: list[Table] = []
    for loaded in sorted(unit.documents, key=lambda d: d.stem):
        kind = data.kind_of(loaded)
        if kind is not None and kind.build_tables is not None:
            tables.extend(kind.build_tables(data, unit, loaded))
    names = [t.name for t in tables]
    if len(set(names)) != len(names):
        raise ValueError(f"{unit.id}: two downloadable tables share a file name: {names}")
    return tables
